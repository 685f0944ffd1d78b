"""Language packs: validation errors as file:line, user lexicon overrides, and the shipped lemma tables."""
from pathlib import Path

import pytest

import tidings
from tidings.lexicon import LANG_DIR, LexiconError, available_languages, load_pack, validate_all


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_packaged_packs_are_valid():
    assert validate_all() == []
    assert {"en", "es", "fr", "pt", "de", "it", "ru", "ar"} <= set(available_languages())


@pytest.mark.parametrize("line,message", [
    ("bombard\tASSAULTT\t\t190\t", "unknown PLOVER type 'ASSAULTT'"),
    ("bombard\tASSAULT\t\t999\t", "'999' is not a CAMEO code"),
    ("bombard\tASSAULT\tpicnic\t190\t", "'picnic' is not a PLOVER mode of ASSAULT"),
    ("bombard\tASSAULT\t\t190\tloud", "unknown flag(s) loud"),
])
def test_bad_event_line_reports_file_and_line(tmp_path, line, message):
    _write(tmp_path / "en" / "events.tsv", "# comment\npattern\ttype\tmode\tcameo\tflags\n" + line + "\n")
    with pytest.raises(LexiconError) as exc:
        load_pack("en", [tmp_path])
    assert str(exc.value).startswith(f"{tmp_path / 'en' / 'events.tsv'}:3: ")
    assert message in str(exc.value)


def test_bad_actor_country_and_header(tmp_path):
    _write(tmp_path / "es" / "actors.tsv", "pattern\tkind\tcountry\tsector\tflags\nruritano\tdemonym\tRUR\t\t\n")
    with pytest.raises(LexiconError, match=r"actors.tsv:2: 'RUR' is not an ISO 3166-1 alpha-3"):
        load_pack("es", [tmp_path])
    _write(tmp_path / "fr" / "frames.tsv", "kind\tpattern\n")
    with pytest.raises(LexiconError, match=r"frames.tsv:1: header must be kind \| pattern \| value"):
        load_pack("fr", [tmp_path])


def test_user_lexicon_extends_and_removes(tmp_path):
    text = "Los ruritanos bombardearon la capital de Moldavia."
    assert not [e for e in tidings.code_text(text, lang="es") if e.actors and e.actors[0].country == "ROU"]
    _write(tmp_path / "es" / "actors.tsv", "pattern\tkind\tcountry\tsector\tflags\nruritano\tdemonym\tROU\t\t\n")
    _write(tmp_path / "es" / "events.tsv", "pattern\ttype\tmode\tcameo\tflags\nbombardear\tASSAULT\taerial\t195\t\n")
    evs = tidings.code_text(text, lang="es", lexicon_dirs=[tmp_path])
    ev = [e for e in evs if e.event_type == "ASSAULT"][0]
    assert (ev.actors[0].country, ev.recipients[0].country, ev.cameo_code, ev.mode) == ("ROU", "MDA", "195", "aerial")
    # a type of "-" removes a packaged trigger
    other = tmp_path / "v2"
    _write(other / "es" / "events.tsv", "pattern\ttype\tmode\tcameo\tflags\nbombardear\t-\t\t\t\n")
    assert [e for e in tidings.code_text(text, lang="es", lexicon_dirs=[other]) if e.event_type == "ASSAULT"] == []


def test_lemma_tables_cover_the_packs():
    """tools/build_lemmas.py must be re-run after a pack's words change."""
    import sys

    sys.path.insert(0, str(LANG_DIR.parent.parent / "tools"))
    from build_lemmas import vocabulary

    for lang in available_languages():
        head = (LANG_DIR / lang / "lemmas.tsv").read_text(encoding="utf-8").split("\n", 3)[2]
        assert head.startswith("#covers\t")
        covered = set(head.split("\t", 1)[1].split())
        missing = vocabulary(lang) - covered
        assert not missing, f"{lang}: rebuild with python tools/build_lemmas.py (new words: {sorted(missing)[:10]})"


def test_lemmas_reach_inflections():
    from tidings.text import lemma

    assert lemma("detuvieron", "es") == "detener"
    assert lemma("azerbaiyana", "es") == "azerbaiyano"
    assert lemma("России", "ru") == "россия"


def test_check_reports_every_bad_line_and_reads_a_bom(tmp_path):
    _write(tmp_path / "en" / "events.tsv",
           "pattern\ttype\tmode\tcameo\tflags\nbombard\tASSAULTT\t\t190\t\nshell\tASSAULT\t\t999\t\nhit\tASSAULT\t\t190\t\n")
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "actors.tsv").write_bytes("\ufeffpattern\tkind\tcountry\tsector\tflags\nruritano\tdemonym\tROU\t\t\n".encode("utf-8"))
    _write(tmp_path / "fr" / "frames.tsv", "kind pattern value\nnegation pas\n")
    problems = [p for p in validate_all([tmp_path]) if p.startswith(str(tmp_path))]
    assert problems == [
        f"{tmp_path}/en/events.tsv:2: unknown PLOVER type 'ASSAULTT'",
        f"{tmp_path}/en/events.tsv:3: '999' is not a CAMEO code (tidings/ontology/cameo_codes.tsv)",
        f"{tmp_path}/fr/frames.tsv:1: columns must be separated by tabs, not spaces",
    ]
