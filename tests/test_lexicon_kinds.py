"""User lexicon folders (--lexicon, Coder(lexicon_dirs=...)) extend or override every pack file
kind: events, actors, frames (the coder), dates, chrome (cleaning) and places; `lexicon check`
(validate_all) names the user file and line of a bad row of each kind."""
import pytest

from tidings.coder import Coder
from tidings.lexicon import validate_all
from tidings.records import RawDocument


def _folder(tmp_path, files):
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def _events(coder, text, lang):
    return coder.code_text(text, lang=lang, published="2024-03-14")


def test_dates_extend_and_override(tmp_path):
    user = _folder(tmp_path, {"de/dates.tsv": "kind\tpattern\tvalue\nrelative_day\tvorvorgestern\t-3\n",
                              "es/dates.tsv": "kind\tpattern\tvalue\nrelative_day\tanteanoche\t-3\n"})
    plain, mine = Coder(languages=["de", "es"]), Coder([user], languages=["de", "es"])
    de = "Russische Truppen griffen die Ukraine vorvorgestern an."
    es = "El ejército ruso atacó Ucrania anteanoche."
    assert [(e.date, e.date_source) for e in _events(plain, de, "de")] == [("2024-03-14", "published")]
    assert [(e.date, e.date_source) for e in _events(mine, de, "de")] == [("2024-03-11", "relative")]  # added
    assert [e.date for e in _events(plain, es, "es")] == ["2024-03-12"]
    assert [e.date for e in _events(mine, es, "es")] == ["2024-03-11"]  # the user's value wins


def test_chrome_lines_extend_cleaning(tmp_path):
    user = _folder(tmp_path, {"es/chrome.tsv": "kind\tpattern\nline\tSuscríbase a nuestro boletín\n"})
    raw = RawDocument("c1", text="Suscríbase a nuestro boletín\n\nEl ejército ruso atacó Ucrania ayer.",
                      lang="es", published="2024-03-14")
    assert Coder(languages=["es"]).code_document(raw)[0].removed_chrome == []
    article, events = Coder([user], languages=["es"]).code_document(raw)
    assert article.removed_chrome == ["Suscríbase a nuestro boletín"]
    assert article.text == "El ejército ruso atacó Ucrania ayer."
    assert [(e.event_type, e.date) for e in events] == [("ASSAULT", "2024-03-13")]


def test_places_alias_extends_the_gazetteer_words(tmp_path):
    user = _folder(tmp_path, {"en/places.tsv": "kind\tform\tvalue\nalias\tGotham\t5128581\n"})
    text = "Police arrested twelve protesters in Gotham on Monday."
    assert [e.location for e in _events(Coder(languages=["en"]), text, "en")] == [None]
    ev, = _events(Coder([user], languages=["en"]), text, "en")
    assert (ev.event_type, ev.location.name, ev.location.country, ev.location.geonameid) == \
        ("COERCE", "New York City", "USA", 5128581)


def test_events_actors_and_frames_override(tmp_path):
    user = _folder(tmp_path, {
        "en/actors.tsv": "pattern\tkind\tcountry\tsector\tflags\nBlue Berets\tgroup\tUNO\tIGO\t\n",
        "en/frames.tsv": "kind\tpattern\tvalue\nnegation\tscarcely\t\n",
        "en/events.tsv": "pattern\ttype\tmode\tcameo\tflags\nstonewalled\tREJECT\t\t\t\n",
    })
    coder = Coder([user], languages=["en"])
    ev, = _events(coder, "The Blue Berets met Congolese officials in Goma.", "en")
    assert (ev.event_type, [a.code for a in ev.actors]) == ("CONSULT", ["UNOIGO", "CODGOV"])
    plain = Coder(languages=["en"])
    assert [(e.event_type, [a.code for a in e.actors]) for e in
            _events(plain, "The Blue Berets met Congolese officials in Goma.", "en")] == [("CONSULT", ["CODGOV"])]
    assert [e.event_type for e in _events(plain, "Russia stonewalled Ukraine at the talks.", "en")] == ["CONSULT"]
    ev, = _events(coder, "Russia stonewalled Ukraine at the talks.", "en")
    assert (ev.event_type, [a.code for a in ev.actors], [a.code for a in ev.recipients]) == ("REJECT", ["RUS"], ["UKR"])
    assert _events(coder, "Russia scarcely attacked Ukraine.", "en") == []  # negated: not returned by default
    assert [e.event_type for e in _events(plain, "Russia scarcely attacked Ukraine.", "en")] == ["ASSAULT"]


@pytest.mark.parametrize("rel,text,where", [
    ("es/dates.tsv", "kind\tpattern\tvalue\nrelative_day\n", "es/dates.tsv:2"),
    ("es/chrome.tsv", "kind\tpattern\nbanner\tx\n", "es/chrome.tsv:2"),
    ("en/places.tsv", "kind\tform\tvalue\nprep\tinside\tsomewhere\n", "en/places.tsv:2"),
    ("en/events.tsv", "pattern\ttype\tmode\tcameo\tflags\nstonewalled\tSTONEWALL\t\t\t\n", "en/events.tsv:2"),
    ("en/actors.tsv", "pattern\tkind\tcountry\tsector\tflags\nBlue Berets\tgroup\tUNO\tXYZ\t\n", "en/actors.tsv:2"),
    ("en/frames.tsv", "kind\tpattern\tvalue\nnegations\tscarcely\t\n", "en/frames.tsv:2"),
])
def test_lexicon_check_names_the_user_file_and_line(tmp_path, rel, text, where):
    user = _folder(tmp_path, {rel: text})
    problems = [p for p in validate_all([user]) if p.startswith(str(user))]
    assert len(problems) == 1 and problems[0].startswith(f"{user}/{where}:"), problems
