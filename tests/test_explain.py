"""Explainable coding (issue 13, item 6): `tidings code --explain` names the pack entry behind each
trigger and party, and `tidings lexicon usage` counts the documents each entry fires in."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tidings.coder import Coder
from tidings.explain import CLDR, Explain, entry_ref

ROOT = Path(__file__).resolve().parent.parent
LANG = ROOT / "tidings" / "lang"


def line_of(path: Path, line: str) -> str:
    """``tidings/lang/..:N`` of the first line of a packaged file that is exactly ``line``."""
    n = path.read_text(encoding="utf-8").split("\n").index(line) + 1
    return f"{path.relative_to(ROOT).as_posix()}:{n}"


def explained(text, lang, lexicon_dirs=()):
    coder = Coder(lexicon_dirs=lexicon_dirs)
    coder.stages.append(Explain())
    return coder.code_text(text, lang=lang, published="2024-03-14")


@pytest.mark.parametrize("lang,text,trigger_line,actor_line", [
    ("en", "Russia threatened Moldova with sanctions on Monday.",
     "threaten .. sanctions\tTHREATEN\trestrict\t1312\t", "Russia\tcountry\tRUS\t\t"),
    ("es", "Rusia amenazó a Moldavia con sanciones el lunes.",
     "amenazar .. sanciones\tTHREATEN\trestrict\t1312\t", "Rusia\tcountry\tRUS\t\t"),
    ("fr", "La Russie a menacé la Moldavie de sanctions lundi.",
     "menacer .. sanctions\tTHREATEN\trestrict\t1312\t", "Russie\tcountry\tRUS\t\t"),
])
def test_trigger_and_parties_name_their_entries(lang, text, trigger_line, actor_line):
    ev = next(e for e in explained(text, lang) if e.event_type == "THREATEN")
    ex = ev.to_dict()["explain"]
    assert ex["trigger"] == {"pattern": trigger_line.split("\t")[0], "entry": line_of(LANG / lang / "events.tsv", trigger_line),
                             "source": None, "cameo": "1312", "flags": []}
    (actor,) = ex["actors"]
    assert (actor["code"], actor["country_from"]) == ("RUS", "entry")
    assert [e["entry"] for e in actor["entries"]] == [line_of(LANG / lang / "actors.tsv", actor_line)]
    (recipient,) = ex["recipients"]  # Moldova has no pack entry: a CLDR country name
    assert (recipient["code"], recipient["entries"][0]["entry"], recipient["entries"][0]["country"]) == ("MDA", CLDR, "MDA")


def test_user_lexicon_entries_and_title_parts(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "events.tsv").write_text(
        "# my triggers\npattern\ttype\tmode\tcameo\tflags\nrebuked\tACCUSE\tdisapprove\t111\t\n", encoding="utf-8")
    (tmp_path / "en" / "actors.tsv").write_text(
        "pattern\tkind\tcountry\tsector\tflags\nRuritania\tcountry\tROU\t\t\nchancellor\ttitle\t\tGOV\t\n", encoding="utf-8")
    evs = explained("The Ruritanian chancellor rebuked Ruritania.", "en", [tmp_path])
    ev = next(e for e in evs if e.event_type == "ACCUSE")
    assert ev.explain["trigger"]["entry"] == f"{tmp_path}/en/events.tsv:3"
    (actor,) = ev.explain["actors"]
    assert [e["entry"] for e in actor["entries"]] == [f"{tmp_path}/en/actors.tsv:3"]  # chancellor; no ROU demonym
    assert actor["country_from"] == "article"  # the country came from the article, not an entry
    assert [e["entry"] for e in ev.explain["recipients"][0]["entries"]] == [f"{tmp_path}/en/actors.tsv:2"]


def test_imported_entry_keeps_its_dictionary_source():
    assert entry_ref(f"{LANG}/en/events.phoenix.tsv:12 <- petrarch2/CAMEO.2.0.txt:719") == (
        "tidings/lang/en/events.phoenix.tsv:12", "petrarch2/CAMEO.2.0.txt:719")
    assert entry_ref("/home/me/lex/en/events.tsv:4") == ("/home/me/lex/en/events.tsv:4", None)


def run(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "tidings", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=180)


def test_default_record_has_no_explain_field_and_the_option_adds_it():
    text = "Russia threatened Moldova with sanctions on Monday.".encode()
    plain = json.loads(run("code", "--format", "jsonl", "--lang", "en", "-", stdin=text).stdout.decode().splitlines()[0])
    assert "explain" not in plain
    r = run("code", "--format", "jsonl", "--explain", "--lang", "en", "-", stdin=text)
    ev = json.loads(r.stdout.decode().splitlines()[0])
    assert list(ev)[-1] == "explain" and list(ev)[:-1] == list(plain)
    assert ev["explain"]["trigger"]["pattern"] == "threaten .. sanctions"


def test_usage_counts_documents_per_entry(tmp_path):
    corpus = tmp_path / "news.jsonl"
    docs = [("d1", "Russia threatened Moldova with sanctions on Monday."),
            ("d2", "Russia threatened Georgia with sanctions on Tuesday. Russia threatened Armenia with sanctions too."),
            ("d3", "Poland condemned Belarus on Friday.")]
    corpus.write_text("".join(json.dumps({"id": i, "text": t, "lang": "en", "published": "2024-03-14"}) + "\n"
                              for i, t in docs), encoding="utf-8")
    r = run("lexicon", "usage", str(corpus), "--top", "3")
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode().splitlines()
    # Moldova, Georgia, Poland and Belarus are CLDR names, not pack entries: only Russia counts as a party entry
    assert out[0] == "3 document(s), 4 event(s), 0 failed; 2 trigger entries and 1 party entries fired"
    threaten = line_of(LANG / "en" / "events.tsv", "threaten .. sanctions\tTHREATEN\trestrict\t1312\t")
    russia = line_of(LANG / "en" / "actors.tsv", "Russia\tcountry\tRUS\t\t")
    condemn = line_of(LANG / "en" / "events.tsv", "condemn\tACCUSE\tdisapprove\t111\t")
    top = out[out.index("most documents (top 3):") + 2:][:3]
    assert top == [f"     2  trigger  {threaten}  threaten .. sanctions", f"     2  party    {russia}  Russia",
                   f"     1  trigger  {condemn}  condemn"]
    once = out[out.index("in one document only (1):") + 2:]
    assert once == [f"  trigger  {condemn}  condemn  (d3)"]
