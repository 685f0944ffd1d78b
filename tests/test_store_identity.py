"""Stable document identity across runs, current failures, and the guards of the store commands.

The three sequences of issue 10: two days with a ``story.txt`` each, one file given by a relative
then an absolute path, and repeated ``ingest -`` runs.  Each ends with the rows, row for row, of
the store a single run over the same documents makes.
"""
import io
import json
import os

import duckdb
import pytest
import typer
from typer.testing import CliRunner

from tidings.read import iter_documents
from tidings.store.db import EventStore
from tidings.store.ingest import document_id, ingest, location
from tidings.store.testing import ScriptCoder

CONSULT = "EVENT CONSULT actor=AZE:GOV recipient=TJK:GOV date=2022-06-10 conf=0.8"
PROTEST = "EVENT PROTEST actor=VEN:CVL date=2022-07-14"
ACCUSE = "EVENT ACCUSE actor=ARM:GOV recipient=AZE:GOV date=2022-09-13"


def dump(path):
    """Every row of every table, all columns but the ingest/failure times, sorted."""
    con = duckdb.connect(str(path), read_only=True)
    out = {}
    for table in ("articles", "mentions", "actors", "events", "failures"):
        cols = [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table]).fetchall() if r[0] not in ("ingested_at", "failed_at")]
        out[table] = sorted(map(repr, con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()))
    con.close()
    return out


def run(db, paths, stdin=None, **kw):
    with EventStore(db) as s:
        return ingest(s, iter_documents([str(p) for p in paths], published="2022-06-10", stdin=stdin, **kw),
                      ScriptCoder())


@pytest.fixture()
def days(tmp_path):
    for day, text in (("day1", CONSULT), ("day2", PROTEST)):
        (tmp_path / day).mkdir()
        (tmp_path / day / "story.txt").write_text(f"Report of {day}\n{text}\n", encoding="utf-8")
    return tmp_path


def test_same_file_name_on_two_days_keeps_both(days, tmp_path):
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    run(a, [days / "day1"])
    rep = run(a, [days / "day2"])
    assert (rep.coded, rep.skipped) == (1, 0)
    run(b, [days / "day1", days / "day2"])
    assert dump(a) == dump(b)
    with EventStore(a, read_only=True) as s:
        ids = [r[0] for r in s.con.execute("SELECT doc_id FROM articles ORDER BY 1").fetchall()]
        assert ids == [os.path.realpath(days / "day1" / "story.txt"), os.path.realpath(days / "day2" / "story.txt")]
        assert s.con.execute("SELECT event_type FROM events ORDER BY 1").fetchall() == [("CONSULT",), ("PROTEST",)]


def test_relative_then_absolute_path_is_one_document(days, tmp_path, monkeypatch):
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    monkeypatch.chdir(days)
    run(a, ["day1/story.txt"])
    rep = run(a, [str(days / "day1" / "story.txt")])
    assert (rep.coded, rep.skipped) == (0, 1)
    rep = run(a, ["./day1/../day1/story.txt", "day1/story.txt"])  # two spellings in one run: one document
    assert (rep.coded, rep.skipped) == (0, 2)
    run(b, [str(days / "day1" / "story.txt")])
    assert dump(a) == dump(b)
    assert len(dump(a)["articles"]) == 1


def test_repeated_stdin_runs_keep_each_document(tmp_path):
    a, b, c = tmp_path / "a.duckdb", tmp_path / "b.duckdb", tmp_path / "c.duckdb"
    one, two = f"First\n{CONSULT}\n".encode(), f"Second\n{ACCUSE}\n".encode()
    run(a, ["-"], stdin=io.BytesIO(one))
    rep = run(a, ["-"], stdin=io.BytesIO(two))
    assert rep.coded == 1
    rep = run(a, ["-"], stdin=io.BytesIO(one))  # the first again: a no-op
    assert (rep.coded, rep.skipped) == (0, 1)
    run(b, ["-"], stdin=io.BytesIO(two))  # the other order: the same rows
    run(b, ["-"], stdin=io.BytesIO(one))
    assert dump(a) == dump(b)
    with EventStore(a, read_only=True) as s:
        ids = sorted(r[0] for r in s.con.execute("SELECT doc_id FROM articles").fetchall())
    assert len(ids) == 2 and all(i.startswith("stdin:") and len(i) == 6 + 16 for i in ids)
    # the same two texts on one stream of JSON Lines without ids get the same ids
    lines = json.dumps({"text": one.decode()}) + "\n" + json.dumps({"text": two.decode()}) + "\n"
    run(c, ["-"], stdin=io.BytesIO(lines.encode()))
    with EventStore(c, read_only=True) as s:
        assert sorted(r[0] for r in s.con.execute("SELECT doc_id FROM articles").fetchall()) == ids


def test_jsonl_ids_urls_and_lines(tmp_path):
    dump_file = tmp_path / "feed.jsonl"
    lines = [
        {"id": "afp-1", "text": CONSULT, "url": "https://a.example/1"},
        {"url": "https://b.example/news/2", "text": PROTEST},
        {"text": ACCUSE},
        {"id": "afp-1", "text": ACCUSE},  # the same id with other text: another document
        {"id": "afp-1", "text": CONSULT, "url": "https://a.example/1"},  # the first one again
    ]
    dump_file.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    docs = list(iter_documents([str(dump_file)]))
    real = os.path.realpath(dump_file)
    assert [d.key for d in docs] == ["afp-1", "https://b.example/news/2", f"{real}:3", "afp-1", "afp-1"]
    db = tmp_path / "s.duckdb"
    with EventStore(db) as s:
        rep = ingest(s, docs, ScriptCoder())
        assert (rep.coded, rep.skipped) == (4, 1)
        ids = sorted(r[0] for r in s.con.execute("SELECT doc_id FROM articles").fetchall())
    from tidings.store.ingest import content_hash

    assert sorted(ids) == sorted(["afp-1", "afp-1#" + content_hash(docs[3])[:12], f"{real}:3",
                                  "https://b.example/news/2"])
    assert document_id(docs[0]) == "afp-1"


def test_location_of_sources(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text("", encoding="utf-8")
    assert location(str(f) + ":12") == (os.path.realpath(f), 12)
    assert location(str(f)) == (os.path.realpath(f), None)
    assert location("-:3") == ("-", 3) and location("--lang") == (None, None)


def test_failures_are_current(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "' + CONSULT + '"}\n{"id": "b", "text": \n', encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text("FAIL no text here", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    rep = run(db, [feed, page])
    assert (rep.coded, rep.failures) == (1, 2)
    assert rep.reasons[0].startswith(f"{feed}:2: not valid JSON")
    with EventStore(db, read_only=True) as s:
        rows = s.failures()
    assert sorted((r["input"], r["line"]) for r in rows) == [
        (os.path.realpath(feed), 2), (os.path.realpath(page), None)]
    assert all(r["failed_at"] is not None for r in rows)
    run(db, [feed, page])  # the same failures again: still one row each
    with EventStore(db, read_only=True) as s:
        assert s.counts()["failures"] == 2
    # both fixed: their failure rows go, their documents arrive
    feed.write_text('{"id": "a", "text": "' + CONSULT + '"}\n{"id": "b", "text": "' + PROTEST + '"}\n', encoding="utf-8")
    page.write_text(ACCUSE, encoding="utf-8")
    rep = run(db, [feed, page])
    assert (rep.coded, rep.skipped, rep.failures) == (2, 1, 0)
    with EventStore(db, read_only=True) as s:
        assert s.failures() == []
        assert s.counts()["articles"] == 3


def _app():
    from tidings.store.commands import register

    app = typer.Typer()
    register(app)

    @app.callback()
    def main():
        pass

    return app


@pytest.fixture()
def cli_store(tmp_path, monkeypatch):
    import tidings.cli

    monkeypatch.setattr(tidings.cli, "_make_coder", lambda lexicon, modality: ScriptCoder())
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(CONSULT, encoding="utf-8")
    (news / "b.txt").write_text("FAIL scanned page", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    res = CliRunner().invoke(_app(), ["ingest", str(news), "--db", str(db), "--published", "2022-06-10"])
    assert res.exit_code == 1, res.output
    return tmp_path, news, db


def test_failures_command_lists_input_line_reason_time(cli_store):
    tmp_path, news, db = cli_store
    res = CliRunner().invoke(_app(), ["failures", "--db", str(db)])
    assert res.exit_code == 0, res.output
    head, row = res.output.splitlines()
    assert head == "input\tline\treason\ttime"
    cells = row.split("\t")
    assert cells[:2] == [os.path.realpath(news / "b.txt"), ""]
    assert cells[2] == f"document '{os.path.realpath(news / 'b.txt')}' refused: scanned page"
    assert len(cells[3]) == 20 and cells[3].endswith("Z")


def test_out_may_not_name_the_store_or_an_input(cli_store):
    tmp_path, news, db = cli_store
    for cmd in (["export", "--format", "csv"], ["stats"]):
        for target in (db, news / "a.txt"):
            before = target.read_bytes()
            res = CliRunner().invoke(_app(), [*cmd, "--db", str(db), "--out", str(target)])
            assert res.exit_code == 2, (cmd, target, res.output)
            assert ("event store itself" if target == db else "one of the documents") in res.output
            assert target.read_bytes() == before
    res = CliRunner().invoke(_app(), ["export", "--db", str(db), "--out", str(tmp_path / "fine.csv"), "--format", "csv"])
    assert res.exit_code == 0 and (tmp_path / "fine.csv").read_text().count("\n") == 2


def test_stats_writes_a_file_only_when_asked(cli_store, monkeypatch):
    tmp_path, news, db = cli_store
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(_app(), ["stats", "--db", str(db)])
    assert res.exit_code == 0
    assert res.output.splitlines()[:2] == [
        "period,key,events,mentions,goldstein_sum,goldstein_mean,quad1_share,quad2_share,quad3_share,quad4_share",
        "2022-06,CONSULT,1,1,1.0,1.0,1.0,0.0,0.0,0.0"]
    assert not list(tmp_path.glob("*.csv"))


def test_bad_ingest_options_exit_2_and_store_nothing(tmp_path):
    (tmp_path / "a.txt").write_text(CONSULT, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    for opts in (["--lang", "english"], ["--published", "yesterday"], ["--modality", "maybe"],
                 ["--lexicon", str(tmp_path / "missing")], ["--dedup", "hourly"]):
        res = CliRunner().invoke(_app(), ["ingest", str(tmp_path / "a.txt"), "--db", str(db), *opts])
        assert res.exit_code == 2, (opts, res.output)
        assert not db.exists(), opts


def test_empty_folder_is_an_error(tmp_path, monkeypatch):
    import tidings.cli

    monkeypatch.setattr(tidings.cli, "_make_coder", lambda lexicon, modality: ScriptCoder())
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "scan.pdf").write_bytes(b"%PDF-1.4")
    res = CliRunner().invoke(_app(), ["ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "s.duckdb")])
    assert res.exit_code == 1
    assert "no readable documents in this folder" in res.output
    with EventStore(tmp_path / "s.duckdb", read_only=True) as s:
        assert s.counts()["failures"] == 0  # a folder is not a document: reported, not stored
