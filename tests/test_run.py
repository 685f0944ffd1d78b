"""The one document loop (tidings.run.code_documents): results in order, failures kept, never raises."""
from tidings.coder import Coder
from tidings.read import Failure
from tidings.records import RawDocument
from tidings.run import code_documents


def test_loop_yields_one_result_per_input_in_order_and_goes_on_after_failures():
    docs = [
        Failure("dump.jsonl:3", "invalid JSON"),
        RawDocument("d1", text="Russian troops shelled the Ukrainian city of Kharkiv on Monday.",
                    published="2024-05-15", lang="en", source="d1.txt"),
        RawDocument("d2", text="   ", source="empty.txt"),
        RawDocument("d3", text="La policía francesa detuvo ayer a dos periodistas en París.",
                    published="2024-05-15", lang="es", source="d3.txt"),
    ]
    out = list(code_documents(docs, Coder()))
    assert [r.source for r in out] == ["dump.jsonl:3", "d1.txt", "empty.txt", "d3.txt"]
    assert [r.ok for r in out] == [False, True, False, True]
    assert out[0].error == "dump.jsonl:3: invalid JSON" and out[0].doc is None
    assert out[2].error.startswith("empty.txt: ") and out[2].events == []
    ev = out[1].events[0]
    assert (ev.event_type, [a.country for a in ev.actors], [r.country for r in ev.recipients]) == ("ASSAULT", ["RUS"], ["UKR"])
    assert ev.date == "2024-05-13"
    ev = out[3].events[0]
    assert (ev.event_type, ev.actors[0].code, ev.date) == ("COERCE", "FRACOP", "2024-05-14")
