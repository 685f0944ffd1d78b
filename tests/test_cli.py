"""The `tidings` command end to end: output formats, stdin, a batch mixing good and bad inputs,
eval scoring on a made-up gold file, and lexicon checks."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "tidings", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=120)


def test_jsonl_on_the_shipped_example():
    r = run("code", "--format", "jsonl", "examples/consultas-es.txt")
    assert r.returncode == 0, r.stderr.decode()
    events = [json.loads(line) for line in r.stdout.decode().splitlines()]
    consult = [e for e in events if e["event_type"] == "CONSULT"][0]
    assert {(a["country"], a["sector"]) for a in consult["actors"]} == {("KAZ", "GOV"), ("UZB", "GOV")}
    assert {a["name"] for a in consult["actors"]} == {"Daulet Sarsenbayev", "Bakhrom Nurmatov"}
    assert (consult["date"], consult["date_source"]) == ("2024-03-13", "explicit")
    assert consult["location"]["country"] == "KAZ"  # "se celebraron en Astaná"
    assert consult["doc_id"] == "consultas-es"


def test_stdin_and_published():
    text = "Colombian troops attacked a rebel camp in Cauca yesterday.".encode()
    r = run("code", "--format", "jsonl", "--lang", "en", "--published", "2024-03-14", "-", stdin=text)
    assert r.returncode == 0, r.stderr.decode()
    ev = json.loads(r.stdout.decode().splitlines()[0])
    assert (ev["event_type"], ev["actors"][0]["code"], ev["date"], ev["date_source"]) == ("ASSAULT", "COLMIL", "2024-03-13", "relative")


def test_table_format():
    r = run("code", "--format", "table", "examples/wire-en.txt", "--published", "2024-03-14")
    out = r.stdout.decode()
    assert r.returncode == 0
    assert "COERCE" in out and "GEOCOP" in out and "1 document(s)" in out


def test_batch_with_bad_inputs_goes_on_and_fails_loudly(tmp_path):
    (tmp_path / "good.txt").write_text("Russian forces shelled the Ukrainian city of Kharkiv on Monday.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "latin1.txt").write_bytes("La policía detuvo ayer en Bogotá a tres dirigentes opositores colombianos.".encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes("Turkish police arrested twelve journalists in Ankara.".encode("utf-16"))
    (tmp_path / "broken.html").write_text("<html><body><p>Mexican police arrested five protesters in Oaxaca", encoding="utf-8")
    (tmp_path / "docs.jsonl").write_text('{"id": "j1", "text": "Chinese troops attacked Indian soldiers."}\n{not json\n', encoding="utf-8")
    r = run("code", "--format", "jsonl", "--published", "2024-03-14", str(tmp_path))
    err = r.stderr.decode()
    assert r.returncode == 1
    assert "Traceback" not in err
    lines = [l for l in err.splitlines() if l.strip()]
    assert any("empty.txt" in l and "empty" in l for l in lines)
    assert any("binary.txt" in l and "binary" in l for l in lines)
    assert any("docs.jsonl:2" in l for l in lines)
    assert len(lines) == 3
    coded = {json.loads(l)["doc_id"] for l in r.stdout.decode().splitlines()}
    assert coded == {"good", "latin1", "utf16", "broken", "j1"}


def test_bad_options_are_usage_errors():
    r = run("code", "--modality", "sometimes", "examples/wire-en.txt")
    assert r.returncode == 2 and b"Traceback" not in r.stderr
    r = run("code", "--lexicon", "/nonexistent-dir", "examples/wire-en.txt")
    assert r.returncode == 2 and b"/nonexistent-dir" in r.stderr


def test_eval_scores_a_made_up_gold(tmp_path):
    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "X1.txt").write_text("Peruvian police arrested ten protesters in Lima on Monday.", encoding="utf-8")
    (arts / "X2.txt").write_text("The Chilean president praised Argentina for its help.", encoding="utf-8")
    index = [{"id": "X1", "lang": "en", "url": None, "published": "2024-03-14"},
             {"id": "X2", "lang": "en", "url": None, "published": "2024-03-14"}]
    gold = [
        {"id": "X1", "plover": "COERCE", "source": {"country": "PER"}, "target": {"country": "PER"}, "date": "2024-03-11"},
        {"id": "X2", "plover": "SUPPORT", "source": {"country": "CHL"}, "target": {"country": "ARG"}, "date": "2024-03-14"},
        {"id": "X2", "plover": "AID", "source": {"country": "ARG"}, "target": {"country": "CHL"}, "date": None},
    ]
    (tmp_path / "index.jsonl").write_text("\n".join(json.dumps(x) for x in index), encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text("\n".join(json.dumps(x) for x in gold), encoding="utf-8")
    r = run("eval", "--index", str(tmp_path / "index.jsonl"), "--gold", str(tmp_path / "gold.jsonl"), "--json")
    assert r.returncode == 0, r.stderr.decode()
    res = json.loads(r.stdout)
    # two of three gold events found, nothing extra: P 1.0, R 0.667
    assert (res["full"]["tp"], res["full"]["fp"], res["full"]["fn"]) == (2, 0, 1)
    assert res["full"]["P"] == 1.0 and res["full"]["R"] == 0.667
    assert res["by_lang"]["en"]["type"]["F1"] == 0.8


def test_lexicon_check_reports_file_and_line(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "events.tsv").write_text("pattern\ttype\tmode\tcameo\tflags\nblockade\tBLOCK\t\t191\t\n", encoding="utf-8")
    r = run("lexicon", "check", "--lexicon", str(tmp_path))
    assert r.returncode == 1
    assert f"{tmp_path}/en/events.tsv:2: unknown PLOVER type 'BLOCK'" in r.stdout.decode()


def test_api_errors_are_clear():
    import tidings

    with pytest.raises(TypeError, match="text must be str, got int"):
        tidings.code_text(123)
    with pytest.raises(ValueError, match="empty document"):
        tidings.code_text("   ")
    with pytest.raises(ValueError, match="language 'zz' has no language pack"):
        tidings.code_text("Russian troops attacked Kharkiv.", lang="zz")
    # bytes are decoded like files
    assert [e.event_type for e in tidings.code_text("Russian troops attacked Kharkiv.".encode("utf-16"), lang="en")] == ["ASSAULT"]


def test_unsupported_language_is_a_failure_line():
    r = run("code", "-", stdin="中国军队昨天在南海举行了演习。".encode())
    assert r.returncode == 1
    assert b"has no language pack" in r.stderr and b"Traceback" not in r.stderr


def test_text_that_hides_words_is_normalized():
    import tidings

    # soft hyphen, zero-width space, full-width letters, decomposed accents: the same event
    for text in ("Russia condemned Ukr\u00adaine on Monday.", "Rus\u200bsia condemned Ukraine on Monday.",
                 "\uff32\uff55\uff53\uff53\uff49\uff41 condemned Ukraine on Monday."):
        ev = tidings.code_text(text, lang="en")[0]
        assert (ev.event_type, ev.actors[0].country, ev.recipients[0].country) == ("ACCUSE", "RUS", "UKR")


def test_absurd_sizes_are_bounded():
    import time

    import tidings

    t0 = time.perf_counter()
    events = tidings.code_text("Russia condemned Ukraine on Monday and France met Germany " * 3000, lang="en")
    assert time.perf_counter() - t0 < 120  # a hang guard: windows keep a 170 kB sentence linear (seconds; quadratic took minutes)
    assert {e.event_type for e in events} == {"ACCUSE", "CONSULT"}
    with pytest.raises(ValueError, match="article too long to code"):
        tidings.code_text("Police arrested two men in Lima. " * 20000, lang="en")


def test_bad_settings_are_errors():
    import tidings

    with pytest.raises(ValueError, match="modalities"):
        tidings.code_text("Russia condemned Ukraine.", lang="en", modalities=["foo"])
    with pytest.raises(ValueError, match="not a directory"):
        tidings.code_text("Russia condemned Ukraine.", lang="en", lexicon_dirs=["/nonexistent-lexicon"])
    with pytest.raises(ValueError, match="url must be a string"):
        tidings.code_text("Russia condemned Ukraine.", lang="en", url=123)


def test_eval_rejects_bad_gold_and_unsafe_ids(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "x1.txt").write_text("Russian troops attacked Kharkiv.", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text('{"id": "x1", "plover": "ASSAULT", "source": {"country": "RUS"}, "target": null, "date": 20240101}\n', encoding="utf-8")
    (tmp_path / "index.jsonl").write_text('{"id": "x1", "lang": "en"}\n', encoding="utf-8")
    r = run("eval", "--index", str(tmp_path / "index.jsonl"), "--gold", str(tmp_path / "gold.jsonl"))
    assert r.returncode == 2 and b"record 1: 'date' must be a string" in r.stderr and b"Traceback" not in r.stderr
    (tmp_path / "gold.jsonl").write_text('{"id": "x1", "plover": "ASSAULT", "source": {"country": "RUS"}, "target": null, "date": null}\n', encoding="utf-8")
    (tmp_path / "index.jsonl").write_text('{"id": "x1", "lang": "en"}\n{"id": "../../etc/hostname", "lang": "en"}\n', encoding="utf-8")
    r = run("eval", "--index", str(tmp_path / "index.jsonl"), "--gold", str(tmp_path / "gold.jsonl"), "--json")
    assert r.returncode == 1 and b"is not a plain file name" in r.stderr
    assert json.loads(r.stdout)["type"]["tp"] == 1


def test_store_commands_fail_cleanly(tmp_path):
    r = run("export", "--db", str(tmp_path / "missing[/].duckdb"))
    assert r.returncode == 2 and b"Traceback" not in r.stderr and r.stderr.count(b"\n") == 1
    (tmp_path / "a.txt").write_text("Russian troops attacked Kharkiv on Monday.", encoding="utf-8")
    r = run("ingest", str(tmp_path / "a.txt"), str(tmp_path / "gone.txt"), "--db", str(tmp_path / "s.duckdb"), "--no-progress")
    assert r.returncode == 1  # the missing input is recorded as a failure, the other is stored
    assert b"2 documents (1 coded, 0 unchanged, 1 failed)" in r.stdout
    r = run("export", "--db", str(tmp_path / "s.duckdb"), "--out", str(tmp_path))
    assert r.returncode == 2 and b"is a directory" in r.stderr
