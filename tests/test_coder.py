"""The coder as named stages over one CodingDoc: listing, replacing and disabling stages, the record
each stage fills, and resources loaded when the Coder is built."""
from dataclasses import replace

import pytest

from tidings.coder import Coder, CodingDoc, default_stages
from tidings.coder.link import Link
from tidings.records import Article

ORDER = ["segment", "recognize", "link", "modality", "resolve", "date", "date_people", "place", "dedup", "infer_place",
         "multilateral", "name_people"]


def _coder(**kw):
    return Coder(languages=["en", "es", "fr"], **kw)


class SwapLinker:
    """A replacement linker: the default links, with actor and recipient swapped."""

    name = "link"

    def __call__(self, doc: CodingDoc) -> CodingDoc:
        doc = Link()(doc)
        return doc.with_(candidates=[replace(c, found=replace(c.found, actors=c.found.recipients, recipients=c.found.actors))
                                     for c in doc.candidates])


def _dyads(events):
    return [(e.event_type, [a.code for a in e.actors], [a.code for a in e.recipients]) for e in events]


def test_stages_listed_in_order():
    coder = _coder()
    assert coder.stage_names == ORDER
    assert [s.name for s in coder.stages] == ORDER
    assert [s.name for s in default_stages()] == ORDER


@pytest.mark.parametrize("text,lang,default,swapped", [
    ("Russian forces attacked Ukraine on Monday.", "en", (["RUSMIL"], ["UKR"]), (["UKR"], ["RUSMIL"])),
    ("Las tropas rusas atacaron Ucrania el lunes.", "es", (["RUSMIL"], ["UKR"]), (["UKR"], ["RUSMIL"])),
    # villages are civilians (Phoenix agents: VILLAGE [~CVL])
    ("The Turkish army shelled Syrian villages on Tuesday.", "en", (["TURMIL"], ["SYRCVL"]), (["SYRCVL"], ["TURMIL"])),
])
def test_replace_link_stage(text, lang, default, swapped):
    coder = _coder()
    assert _dyads(coder.code_text(text, lang=lang, published="2024-03-14")) == [("ASSAULT", *default)]
    assert coder.replace("link", SwapLinker()) is coder
    assert coder.stage_names == ORDER
    assert _dyads(coder.code_text(text, lang=lang, published="2024-03-14")) == [("ASSAULT", *swapped)]


def test_disable_infer_place():
    coder = _coder()
    ev, = coder.code_text("Russian forces attacked Ukraine on Monday.", lang="en", published="2024-03-14")
    assert (ev.location.country, ev.location.precision, ev.date) == ("UKR", "country", "2024-03-11")
    coder.disable("infer_place")
    assert "infer_place" not in coder.stage_names
    ev, = coder.code_text("Russian forces attacked Ukraine on Monday.", lang="en", published="2024-03-14")
    assert ev.location is None and ev.date == "2024-03-11"


def test_disable_date_leaves_events_undated():
    coder = _coder().disable("date")
    ev, = coder.code_text("Las tropas rusas atacaron Ucrania el lunes.", lang="es", published="2024-03-14")
    assert (ev.event_type, ev.date, ev.date_source) == ("ASSAULT", None, None)


def test_partial_stage_list_gives_the_record_so_far():
    stages = [s for s in default_stages() if s.name in {"segment", "recognize", "link"}]
    coder = _coder(stages=stages)
    article = Article("a1", "Le président français a rencontré le chancelier allemand à Berlin.", "fr",
                      title="Rencontre à Berlin")
    doc = coder.run(article)
    assert [s.index for s in doc.sentences] == [0, -1]  # the headline is sentence -1, last
    actors = [[a.code for a in p.actors] for p in doc.reads[0].phrases]
    assert actors == [["FRAGOV"], ["DEUGOV"]]
    # the body's meeting, and the headline's ("Rencontre") with no party: resolve would drop it
    assert [(c.sentence.index, c.found.event_type) for c in doc.candidates] == [(0, "CONSULT"), (-1, "CONSULT")]
    assert doc.candidates[0].read is doc.reads[0]
    assert doc.drafts == () and coder.code_article(article) == []


def test_bad_stage_names_are_refused():
    coder = _coder()
    with pytest.raises(ValueError, match="no stage named 'linker'"):
        coder.replace("linker", SwapLinker())
    with pytest.raises(TypeError, match="name"):
        coder.replace("link", lambda doc: doc)
    with pytest.raises(ValueError, match="unique"):
        Coder(languages=["en"], stages=[Link(), SwapLinker()])
    with pytest.raises(ValueError, match="already"):
        coder.replace("date", SwapLinker())


def test_stages_keep_no_document_state():
    coder = _coder()
    before = [dict(vars(s)) for s in coder.stages]
    coder.code_text("Police arrested twelve protesters in Istanbul on Friday.", lang="en", published="2024-03-14")
    coder.code_text("La policía detuvo a tres opositores en Caracas.", lang="es", published="2024-03-14")
    assert [dict(vars(s)) for s in coder.stages] == before


def test_resources_load_when_first_needed():
    assert Coder(languages=["es"]).res.loaded() == ["es"]
    lazy = Coder()
    assert lazy.res.loaded() == []  # nothing before a document needs it
    lazy.code_text("La policía detuvo a tres opositores en Caracas.", lang="es", published="2024-03-14")
    assert lazy.res.loaded() == ["es"]
    lazy.code_text("Die Polizei nahm in Berlin drei Demonstranten fest.", lang="de", published="2024-03-14")
    assert lazy.res.loaded() == ["de", "es"]
    everything = Coder(languages="all")
    assert everything.res.loaded() == everything.languages()
    assert {"en", "es", "fr", "pt", "de", "it", "ru", "ar"} <= set(everything.res.loaded())
    with pytest.raises(ValueError, match="'xx' has no language pack"):
        Coder(languages=["xx"])
    with pytest.raises(ValueError, match="give 'all'"):
        Coder(languages="en")
