"""`tidings batch` on a real dask.distributed LocalCluster (2 worker processes, 1 thread each):
same events as `tidings code`, Parquet that DuckDB, pandas and Polars read, resumable and exact
after a kill -9 of a worker or of the client, and loadable by `tidings ingest`."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from archive_data import STORIES, story_lines, story_warc, write_jsonl
from tidings.scale.batch import run_batch

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::ResourceWarning")
TIDINGS = str(Path(sys.executable).with_name("tidings"))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """A WARC.gz, a JSONL.zst with a bad line, and a folder of .txt files: 4 shards."""
    d = tmp_path_factory.mktemp("in")
    story_warc(d / "crawl.warc.gz", STORIES[:3])
    write_jsonl(d / "dump.jsonl.zst", story_lines(STORIES[3:], start=10) + ["{not json"])
    (d / "texts").mkdir()
    (d / "texts" / "mx.txt").write_text(STORIES[4][1], encoding="utf-8")
    (d / "texts" / "empty.txt").write_text("   ", encoding="utf-8")
    return [str(d / "crawl.warc.gz"), str(d / "dump.jsonl.zst"), str(d / "texts")]


@pytest.fixture(scope="module")
def reference(inputs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ref") / "out"
    s = run_batch(inputs, out, workers=2)
    assert (s.shards, s.done, s.failed, s.documents, s.events, s.failures) == (3, 3, 0, 6, 6, 2)
    return out


def _cli(*args: str):
    from typer.testing import CliRunner

    from tidings.cli import app

    return CliRunner().invoke(app, list(args))


def _events(out: Path) -> list[dict]:
    rows = pq.read_table(out / "events", partitioning="hive").to_pylist()
    for r in rows:
        r["year"], r["month"] = (None if r["year"] is None else int(r["year"])), (None if r["month"] is None else int(r["month"]))
    return sorted(rows, key=lambda r: (r["doc_id"], r["id"]))


def _snapshot(out: Path) -> dict[str, list[dict]]:
    """Every Parquet file of a batch folder (relative path -> its rows): two runs are the same
    output when their snapshots are equal."""
    snap = {}
    for path in sorted(out.rglob("*.parquet")):
        snap[path.relative_to(out).as_posix()] = pq.read_table(path, partitioning=None).to_pylist()
    return snap


def test_batch_gives_the_events_of_tidings_code(inputs, reference):
    code = _cli("code", "--format", "jsonl", *inputs)
    assert code.exit_code == 1  # the bad JSONL line and the empty file
    from_code = sorted((json.loads(line) for line in code.stdout.splitlines()), key=lambda r: (r["doc_id"], r["id"]))
    from_batch = _events(reference)
    assert [{k: v for k, v in r.items() if k not in ("year", "month")} for r in from_batch] == from_code
    got = {r["doc_id"]: (r["event_type"], [a["code"] for a in r["actors"]], [a["code"] for a in r["recipients"]], r["date"])
           for r in from_batch}
    want = [tuple(x[3]) for x in STORIES]
    assert [tuple(v) for k, v in sorted(got.items()) if k.startswith("crawl:")] == [tuple(w) for w in want[:3]]
    assert tuple(got["s10"]) == want[3] and tuple(got["s11"]) == want[4]
    assert tuple(got["mx"]) == ("ACCUSE", ["MEXGOV"], ["USA"], None)  # a bare .txt: "el lunes" of no known week
    assert {(r["year"], r["month"]) for r in from_batch} == {(2023, 11), (2024, 2), (0, 0)}  # 0: no date
    assert all(r["year"] == int(r["date"][:4]) and r["month"] == int(r["date"][5:7]) for r in from_batch if r["date"])


def test_failures_parquet_names_input_record_and_reason(inputs, reference):
    rows = sorted(pq.read_table(reference / "failures").to_pylist(), key=lambda r: r["input"])
    assert [(Path(r["input"]).name, r["record"]) for r in rows] == [("dump.jsonl.zst", "3"), ("empty.txt", None)]
    assert rows[0]["reason"].startswith("not valid JSON") and rows[1]["reason"] == "empty file"


def test_duckdb_pandas_and_polars_read_the_parquet(reference):
    import duckdb
    import pandas as pd
    import polars as pl

    glob = str(reference / "events" / "**" / "*.parquet")
    con = duckdb.connect()
    got = con.execute(f"SELECT year, month, count(*), min(actors[1].code), max(location.country) FROM "
                      f"read_parquet('{glob}', hive_partitioning = true) GROUP BY ALL ORDER BY ALL").fetchall()
    assert got == [(0, 0, 1, "MEXGOV", "MEX"), (2023, 11, 3, "DEUGOV", "POL"), (2024, 2, 2, "BRACOP", "EGY")]  # max of BRA (the arrest) and EGY (the visit's host)
    df = pd.read_parquet(reference / "events")
    assert len(df) == 6 and sorted(df["event_type"]) == ["ACCUSE", "ACCUSE", "COERCE", "CONSULT", "CONSULT", "SANCTION"]
    sanction = df[df["event_type"] == "SANCTION"].iloc[0]
    assert sanction["recipients"][0]["code"] == "FRAGOV" and sanction["location"]["name"] == "Bamako"
    pf = pl.read_parquet(glob, hive_partitioning=True)
    assert pf.filter(pl.col("event_type") == "COERCE").select(
        pl.col("actors").list.get(0).struct.field("code"), "year", "month").row(0) == ("BRACOP", 2024, 2)


def test_rerun_skips_finished_shards_and_a_broken_attempt_is_redone_exactly(inputs, reference, tmp_path):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(reference, out)
    again = run_batch(inputs, out, workers=1, options={})
    assert (again.skipped, again.done, again.dashboard) == (3, 0, None)  # no cluster started
    # what a kill leaves: a shard without its marker, one of its files cut short, a stray temporary
    marker = next((out / "_shards").glob("*.done"))
    info = json.loads(marker.read_text())
    marker.unlink()
    victim = out / info["files"][0]
    victim.write_bytes(victim.read_bytes()[:100])
    (victim.parent / f".{victim.stem}.123.456.tmp").write_bytes(b"partial")
    redo = run_batch(inputs, out, workers=1, options={})
    assert (redo.skipped, redo.done, redo.documents, redo.events) == (2, 1, 6, 6)
    assert _snapshot(out) == _snapshot(reference)
    with pytest.raises(ValueError, match="other options"):
        run_batch(inputs, out, workers=1, options={"published": "2024-01-01"})


def _big_inputs(d: Path, shards: int, per_shard: int) -> list[str]:
    """``shards`` JSONL files of ``per_shard`` English stories each, published in three months."""
    lang, sentence, _, _ = STORIES[0]
    for k in range(shards):
        lines = [json.dumps({"id": f"k{k}-{i}", "text": sentence, "lang": lang, "published": f"2024-0{1 + k % 3}-15"})
                 for i in range(per_shard)]
        write_jsonl(d / f"part-{k:02d}.jsonl", lines)
    return [str(d)]


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> tuple[list[str], Path]:
    """6 shards of 60 documents, and the output of an uninterrupted batch over them."""
    d = tmp_path_factory.mktemp("big")
    (d / "in").mkdir()
    inputs = _big_inputs(d / "in", 6, 60)
    s = run_batch(inputs, d / "ref", workers=2)
    assert (s.done, s.documents, s.events) == (6, 360, 360)
    return inputs, d / "ref"


def test_a_worker_killed_mid_shard_loses_and_duplicates_nothing(big, tmp_path):
    inputs, ref = big
    killed = []

    def kill_one(summary, docs, events):
        if not killed and docs and summary.running:
            pid = next(iter(summary.running.values()))
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    got = run_batch(inputs, tmp_path / "out", workers=2, on_progress=kill_one)
    assert killed, "no worker was killed: the shards ended before the first progress report"
    assert (got.done, got.failed, got.documents, got.events) == (6, 0, 360, 360)
    assert _snapshot(tmp_path / "out") == _snapshot(ref)
    months = {p.parent.name for p in (tmp_path / "out" / "events").glob("year=2024/*/*.parquet")}
    assert months == {"month=1", "month=2", "month=3"}


def _all_rows(out: Path) -> dict[str, list[dict]]:
    """Every row of each table of a batch folder, whatever file it is in, in a stable order."""
    return {t: sorted(pq.read_table(out / t, partitioning=None).to_pylist(),
                      key=lambda r: json.dumps(r, sort_keys=True, default=str))
            for t in ("events", "articles", "failures")}


def test_only_big_jsonl_and_warc_files_are_split_and_into_at_most_max_parts(tmp_path):
    from tidings.scale.layout import MAX_PARTS, Shard, plan_shards

    (tmp_path / "a.jsonl").write_text("x" * 250)
    (tmp_path / "b.txt").write_text("y" * 250)
    (tmp_path / "c.warc.gz").write_bytes(b"z" * 5000)
    got = plan_shards([str(tmp_path)], split_bytes=100)
    assert [(Path(s.inputs[0]).name, s.part, s.parts) for s in got] == \
        [("a.jsonl", 0, 3), ("a.jsonl", 1, 3), ("a.jsonl", 2, 3), ("b.txt", 0, 1)] + \
        [("c.warc.gz", k, MAX_PARTS) for k in range(MAX_PARTS)]
    assert len({s.id for s in got}) == len(got)
    assert plan_shards([str(tmp_path / "a.jsonl")], split_bytes=0)[0].id == Shard([str(tmp_path / "a.jsonl")]).id


def test_a_big_file_is_split_into_parts_that_together_give_the_unsplit_output(big, tmp_path):
    inputs, _ = big
    one = tmp_path / "one.jsonl"  # 60 documents, then a line that fails: it belongs to one part only
    one.write_bytes(sorted(Path(inputs[0]).glob("*.jsonl"))[1].read_bytes() + b"{not json\n")
    split = one.stat().st_size // 3 + 1
    whole = run_batch([str(one)], tmp_path / "whole", workers=1, split_bytes=0)  # never split: one shard
    assert (whole.shards, whole.documents, whole.events, whole.failures) == (1, 60, 60, 1)
    out = tmp_path / "out"
    got = run_batch([str(one)], out, workers=2, split_bytes=split)
    assert (got.shards, got.done, got.documents, got.events, got.failures) == (3, 3, 60, 60, 1)
    parts = sorted([*m["part"], m["documents"], m["failures"]]
                   for m in (json.loads(p.read_text()) for p in (out / "_shards").glob("*.done")))
    assert parts == [[0, 3, 20, 1], [1, 3, 20, 0], [2, 3, 20, 0]]  # every third record: even parts
    assert _all_rows(out) == _all_rows(tmp_path / "whole")  # same ids, events, texts, the failure's record
    assert [r["record"] for r in _all_rows(out)["failures"]] == ["61"]
    # a part whose marker is lost is coded again alone, and the output ends the same
    before = _snapshot(out)
    next((out / "_shards").glob("*.done")).unlink()
    redo = run_batch([str(one)], out, workers=1, split_bytes=split)
    assert (redo.skipped, redo.done, redo.documents, redo.failures) == (2, 1, 60, 1)
    assert _snapshot(out) == before


def _run_and_kill(cmd: list[str], out: Path, total: int) -> int:
    """Start the batch in its own process group, kill -9 its client once some but not all shards are
    marked, then every process of the group (the workers left behind); returns the shards done."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 600  # start-up (the Coder build) takes minutes on a loaded machine
        while time.monotonic() < deadline and proc.poll() is None:
            done = len(list((out / "_shards").glob("*.done"))) if (out / "_shards").is_dir() else 0
            if done >= 1:
                break
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    for _ in range(100):  # no stray process is left
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail("processes of the killed batch are still running")
    return len(list((out / "_shards").glob("*.done")))


def test_a_client_killed_mid_run_and_restarted_ends_with_the_uninterrupted_output(big, tmp_path):
    inputs, ref = big
    out = tmp_path / "out"
    cmd = [TIDINGS, "batch", *inputs, "--out", str(out), "--workers", "2", "--no-progress"]
    done = _run_and_kill(cmd, out, 6)
    assert 1 <= done < 6, f"the kill came too late or too early ({done} of 6 shards done)"
    restart = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert restart.returncode == 0, restart.stderr
    assert "Dask dashboard: http://127.0.0.1:" in restart.stderr
    assert f"{done} of 6 shards already finished in {out}: skipped" in restart.stderr
    assert f"6 shards ({done} finished before, {6 - done} now, 0 failed): 360 documents, 360 events" in restart.stdout
    assert _snapshot(out) == _snapshot(ref)


def test_ingest_loads_batch_output_like_ingesting_the_inputs(inputs, reference, tmp_path):
    import duckdb

    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    r1 = _cli("ingest", str(reference), "--db", str(a), "--no-progress")
    r2 = _cli("ingest", *inputs, "--db", str(b), "--no-progress")
    assert r1.exit_code == r2.exit_code == 1, (r1.output, r2.output)  # the two failed inputs
    assert "6 coded" in r1.stdout and "6 event mentions" in r1.stdout
    q = {"mentions": "SELECT mention_id, doc_id, sentence_start, sentence_end, record FROM mentions ORDER BY 1",
         "events": "SELECT event_id, event_type, actor_codes, date, num_mentions FROM events ORDER BY 1",
         "articles": "SELECT doc_id, content_hash, title, published, n_chars, n_mentions FROM articles ORDER BY 1",
         "failures": "SELECT source, reason FROM failures ORDER BY 1"}
    with duckdb.connect(str(a), read_only=True) as ca, duckdb.connect(str(b), read_only=True) as cb:
        for name, sql in q.items():
            got, want = ca.execute(sql).fetchall(), cb.execute(sql).fetchall()
            assert got == want, name
        assert ca.execute("SELECT count(*) FROM events").fetchone()[0] == 6
    again = _cli("ingest", str(reference), "--db", str(a), "--no-progress")
    assert "0 coded, 6 unchanged" in again.stdout
