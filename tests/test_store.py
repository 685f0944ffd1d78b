"""The event store: schema, idempotent and replacing ingest, failures, crash safety, CLI."""
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest
import typer
from typer.testing import CliRunner

from tidings.records import RawDocument
from tidings.store.db import EventStore, StoreError
from tidings.store.ingest import content_hash, ingest
from tidings.store.testing import ScriptCoder, generated_documents

ROOT = Path(__file__).resolve().parents[1]


class Failure:  # the reader's Failure(source, reason) shape
    def __init__(self, source, reason):
        self.source, self.reason = source, reason


def doc(doc_id, *lines, url=None, published="2022-06-10"):
    return RawDocument(doc_id=doc_id, text="\n".join(lines), url=url or f"https://news.example/{doc_id}",
                       published=published, source=f"{doc_id}.txt")


BAKU = "EVENT CONSULT actor=AZE:GOV recipient=TJK:GOV date=2022-06-10 place=587084:Baku:AZE conf=0.8"
SIGN = "EVENT SUPPORT actor=AZE:GOV+TJK:GOV date=2022-06-10"


def tables(path):
    con = duckdb.connect(str(path), read_only=True)
    out = {
        "articles": con.execute("SELECT doc_id, content_hash, n_mentions FROM articles ORDER BY 1").fetchall(),
        "mentions": con.execute("SELECT mention_id, event_id, doc_id, sentence_start, trigger_start "
                                "FROM mentions ORDER BY 1").fetchall(),
        "actors": con.execute("SELECT mention_id, role, position, code FROM actors ORDER BY 1,2,3").fetchall(),
        "events": con.execute("SELECT event_id, num_mentions, num_articles, num_sources, record "
                              "FROM events ORDER BY 1").fetchall(),
        "failures": con.execute("SELECT source, doc_id, reason FROM failures ORDER BY 1,2").fetchall(),
    }
    con.close()
    return out


def test_schema_is_idempotent_and_documented(tmp_path):
    db = tmp_path / "s.duckdb"
    EventStore(db).close()
    with EventStore(db) as s:  # second open: no error, nothing duplicated
        names = {r[0] for r in s.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert {"meta", "articles", "mentions", "actors", "events", "failures"} <= names
        assert s.con.execute("SELECT count(*) FROM meta WHERE key='dedup_rule'").fetchone()[0] == 1
        assert s.rule == "article"
    doc_text = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
    for table in ("articles", "mentions", "actors", "events", "failures"):
        assert f"`{table}`" in doc_text


def test_ingest_writes_articles_mentions_actors_events(tmp_path):
    with EventStore(tmp_path / "s.duckdb") as s:
        rep = ingest(s, [doc("az1", "Title line", BAKU, SIGN)], ScriptCoder())
        assert (rep.documents, rep.coded, rep.mentions, rep.failures) == (1, 1, 2, 0)
        assert s.counts() == {"articles": 1, "mentions": 2, "actors": 4, "events": 2, "failures": 0}
        m = s.con.execute("SELECT sentence_index, sentence_start, sentence_end, trigger_text, trigger_start, "
                          "source_name FROM mentions WHERE event_type='CONSULT'").fetchone()
        # line 1 starts after "Title line\n" (11 chars); the trigger "CONSULT" is 6 chars in
        assert m == (1, 11, 11 + len(BAKU), "CONSULT", 17, "news.example")
        ev = s.con.execute("SELECT actor_codes, recipient_countries, location_name, location_geonameid, "
                           "goldstein, quad_class FROM events WHERE event_type='CONSULT'").fetchone()
        assert ev == (["AZEGOV"], ["TJK"], "Baku", 587084, 1.0, 1)
        act = s.con.execute("SELECT role, code FROM actors WHERE mention_id IN "
                            "(SELECT mention_id FROM mentions WHERE event_type='SUPPORT') ORDER BY position").fetchall()
        assert act == [("actor", "AZEGOV"), ("actor", "TJKGOV")]


def test_reingest_same_content_adds_nothing(tmp_path):
    db = tmp_path / "s.duckdb"
    docs = [doc("a", BAKU), doc("b", SIGN)]
    with EventStore(db) as s:
        ingest(s, docs, ScriptCoder())
    before = tables(db)
    with EventStore(db) as s:
        rep = ingest(s, docs, ScriptCoder())
    assert (rep.skipped, rep.coded) == (2, 0)
    assert tables(db) == before


def test_changed_document_replaces_its_own_events(tmp_path):
    with EventStore(tmp_path / "s.duckdb", dedup="day") as s:
        ingest(s, [doc("a", BAKU, SIGN), doc("b", BAKU)], ScriptCoder())
        assert s.con.execute("SELECT num_articles FROM events WHERE event_type='CONSULT'").fetchone() == (2,)
        new = doc("a", "EVENT ACCUSE actor=AZE:GOV recipient=ARM:GOV date=2022-06-11")
        assert content_hash(new) != content_hash(doc("a", BAKU, SIGN))
        rep = ingest(s, [new], ScriptCoder())
        assert rep.coded == 1
        types = s.con.execute("SELECT event_type FROM mentions WHERE doc_id='a'").fetchall()
        assert types == [("ACCUSE",)]
        # b's CONSULT survives, now reported by one article only; a's SUPPORT is gone
        assert s.con.execute("SELECT event_type, num_articles FROM events ORDER BY 1").fetchall() == [
            ("ACCUSE", 1), ("CONSULT", 1)]
        assert s.counts()["articles"] == 2


def test_failures_are_recorded_and_the_run_goes_on(tmp_path):
    with EventStore(tmp_path / "s.duckdb") as s:
        items = [doc("ok1", BAKU), doc("bad", "FAIL scanned page without text"),
                 Failure("dump.jsonl:7", "line 7: invalid JSON"), doc("ok2", SIGN)]
        rep = ingest(s, items, ScriptCoder(), batch_size=2)
        assert (rep.coded, rep.failures) == (2, 2)
        assert s.con.execute("SELECT doc_id FROM articles ORDER BY 1").fetchall() == [("ok1",), ("ok2",)]
        fails = s.con.execute("SELECT source, doc_id, reason FROM failures ORDER BY 1").fetchall()
        assert fails == [
            ("bad.txt", "bad", "document 'bad' refused: scanned page without text"),
            ("dump.jsonl:7", None, "line 7: invalid JSON"),
        ]
        # the same failing inputs again: still one row each
        ingest(s, items, ScriptCoder())
        assert s.counts()["failures"] == 2
        # the bad document fixed: its failure goes away, its events arrive
        ingest(s, [doc("bad", BAKU)], ScriptCoder())
        assert s.con.execute("SELECT count(*) FROM failures WHERE doc_id='bad'").fetchone() == (0,)
        assert s.con.execute("SELECT count(*) FROM mentions WHERE doc_id='bad'").fetchone() == (1,)


def test_changing_the_rule_rebuilds_events(tmp_path):
    db = tmp_path / "s.duckdb"
    with EventStore(db) as s:
        ingest(s, [doc("a", BAKU), doc("b", BAKU, url="https://other.example/b")], ScriptCoder())
        assert s.counts()["events"] == 2
    with EventStore(db, dedup="day") as s:
        assert s.rule == "day"
        assert s.con.execute("SELECT num_mentions, num_articles, num_sources FROM events").fetchall() == [(2, 2, 2)]
        ids = {r[0] for r in s.con.execute("SELECT DISTINCT event_id FROM mentions").fetchall()}
        assert len(ids) == 1
    with EventStore(db, dedup="off") as s:
        assert s.counts()["events"] == 2


def test_bad_store_paths_give_clear_errors(tmp_path):
    with pytest.raises(StoreError, match="is a directory"):
        EventStore(tmp_path)
    with pytest.raises(StoreError, match="no event store at"):
        EventStore(tmp_path / "missing.duckdb", read_only=True)
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database")
    with pytest.raises(StoreError, match="cannot open event store"):
        EventStore(junk)
    with pytest.raises(StoreError, match="unknown dedup rule"):
        EventStore(tmp_path / "x.duckdb", dedup="hourly")


RUNNER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from tidings.store.db import EventStore
    from tidings.store.ingest import ingest
    from tidings.store.testing import ScriptCoder, generated_documents
    store = EventStore(sys.argv[1], dedup="day")
    ingest(store, generated_documents({n}), ScriptCoder(delay=0.002), batch_size=16)
    store.close()
    print("done")
""")


def test_kill_9_then_rerun_equals_an_uninterrupted_run(tmp_path):
    n = 1200
    script = tmp_path / "run_ingest.py"
    script.write_text(RUNNER.format(root=str(ROOT), n=n))
    ref_db, crash_db = tmp_path / "ref.duckdb", tmp_path / "crash.duckdb"
    with EventStore(ref_db, dedup="day") as s:
        ingest(s, generated_documents(n), ScriptCoder())
    killed = 0
    for delay in (1.0, 0.8):  # kill twice, at different moments, then finish
        proc = subprocess.Popen([sys.executable, str(script), str(crash_db)], stdout=subprocess.PIPE)
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            killed += 1
        proc.wait()
        with EventStore(crash_db) as s:  # between runs: partial but consistent
            c = s.counts()
            assert c["events"] <= tables(ref_db)["events"].__len__()
    assert killed >= 1, "the ingest finished before it could be killed; raise n"
    out = subprocess.run([sys.executable, str(script), str(crash_db)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "done"
    got, ref = tables(crash_db), tables(ref_db)
    assert len(ref["articles"]) == n - len(ref["failures"])
    for name in ref:
        assert got[name] == ref[name], name


def _app():
    from tidings.store.commands import register

    app = typer.Typer()
    register(app)

    @app.callback()
    def main():  # keeps sub-command names with a single registered group
        pass

    return app


def test_cli_ingest_with_progress_and_errors(tmp_path, monkeypatch):
    import tidings.cli

    files = []
    for i, text in enumerate([BAKU, "FAIL unreadable", SIGN]):
        p = tmp_path / f"d{i}.txt"
        p.write_text(text, encoding="utf-8")
        files.append(p)
    monkeypatch.setattr(tidings.cli, "_make_coder", lambda lexicon, modality: ScriptCoder())
    db = tmp_path / "cli.duckdb"
    res = CliRunner().invoke(_app(), ["ingest", *map(str, files), "--db", str(db), "--published", "2022-06-10"])
    assert res.exit_code == 1, res.output  # one input failed: the run goes on, the status says so
    assert "3 documents (2 coded, 0 unchanged, 1 failed)" in res.output
    assert "2 events, 2 mentions, 1 failures" in res.output
    # the first reasons are printed, naming the input
    assert f"{files[1]}: document '{files[1]}' refused: unreadable" in res.output
    res = CliRunner().invoke(_app(), ["ingest", *map(str, files), "--db", str(db), "--no-progress",
                                      "--published", "2022-06-10"])
    assert "(0 coded, 2 unchanged, 1 failed)" in res.output
    res = CliRunner().invoke(_app(), ["ingest", str(tmp_path / "nope.txt"), "--db", str(db)])
    assert res.exit_code == 2 and "no such file or folder" in res.output
    res = CliRunner().invoke(_app(), ["ingest", str(files[0]), "--db", str(db), "--dedup", "weekly"])
    assert res.exit_code == 2 and "unknown dedup rule 'weekly'" in res.output
    assert "Traceback" not in res.output
