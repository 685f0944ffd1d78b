"""The server keeps answering while `tidings ingest` (a second process) writes to the same store, and
new events appear without a restart (docs/store.md, "Reading while ingest runs")."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from serve_support import coder, make_store
from tidings.serve.app import create_app

TIDINGS = [sys.executable, "-m", "tidings.cli"]
PAIRS = [("Ukraine", "Poland"), ("Spain", "Germany"), ("Chile", "Peru"), ("Kenya", "Uganda"), ("Brazil", "Argentina")]


def _write_news(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        a, b = PAIRS[i % len(PAIRS)]
        (folder / f"talks{i:04d}.txt").write_text(
            f"Talks number {i}\n\nThe foreign minister of {a} met the foreign minister of {b} on "
            f"{1 + i % 28} March 2024.\n", encoding="utf-8")


def test_server_answers_while_ingest_writes_and_sees_new_events(tmp_path):
    db = make_store(tmp_path / "events.duckdb")
    news = tmp_path / "news"
    _write_news(news, 120)
    ingest = subprocess.Popen(TIDINGS + ["ingest", str(news), "--db", str(db), "--batch-size", "4", "--no-progress"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    totals, statuses, stats_rc = [], [], None
    # a busy machine (CI shares its cores) can make one batch's write take seconds: allow 30 s
    with TestClient(create_app(db, coder=coder(), lock_wait=30.0)) as client:
        deadline = time.monotonic() + 240
        while ingest.poll() is None:
            assert time.monotonic() < deadline, "ingest did not finish"
            r = client.get("/events", params={"limit": 1, "since": "2024-03-01"})
            statuses.append(r.status_code)
            if r.status_code == 200:
                totals.append(r.json()["total"])
            if stats_rc is None and len(set(totals)) >= 3:  # the CLI readers work meanwhile too
                stats_rc = subprocess.run(TIDINGS + ["stats", "--db", str(db), "--out", str(tmp_path / "s.csv")],
                                          capture_output=True, text=True).returncode
            time.sleep(0.02)
        out, err = ingest.communicate()
        assert ingest.returncode == 0, err
        final = client.get("/events", params={"limit": 1, "since": "2024-03-01"}).json()["total"]
    assert set(statuses) == {200}, statuses
    assert totals == sorted(totals), "the event count went down"
    assert len(set(totals)) >= 3, f"new events did not show while ingest ran: {sorted(set(totals))}"
    from tidings.store.db import EventStore

    with EventStore(db, read_only=True) as store:
        stored = store.con.execute("SELECT count(*) FROM events WHERE date >= '2024-03-01'").fetchone()[0]
    assert final == stored >= 120 + 6
    assert stats_rc == 0


HOLDER = textwrap.dedent("""
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])  # a writer that never lets go (a forgotten Python session)
    print("holding", flush=True)
    time.sleep(30)
""")


@pytest.fixture
def held_store(tmp_path):
    db = make_store(tmp_path / "events.duckdb")
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    yield db
    proc.kill()
    proc.wait()


def test_a_store_held_too_long_is_503_and_a_clear_cli_error(held_store, tmp_path):
    with TestClient(create_app(held_store, coder=coder(), lock_wait=0.3)) as client:
        t0 = time.monotonic()
        r = client.get("/events")
        waited = time.monotonic() - t0
    assert r.status_code == 503 and r.headers["retry-after"] == "2"
    assert "locked by another process" in r.json()["detail"] and 0.3 <= waited < 3
    from tidings.store.db import EventStore, StoreBusy

    with pytest.raises(StoreBusy, match="for more than 0.2 s"):
        EventStore(held_store, read_only=True, wait=0.2)


WRITER = textwrap.dedent("""
    import sys, time
    from tidings.store.db import EventStore
    t0 = time.monotonic()
    with EventStore(sys.argv[1]) as s:  # announces itself (<store>.writing), then waits for the lock
        s.con.execute("INSERT INTO meta VALUES ('bench_note', 'written')")
    print(f"{time.monotonic() - t0:.2f}", flush=True)
""")


def test_shared_reader_lets_go_when_a_writer_announces_itself(tmp_path):
    from tidings.serve.reader import StoreReader
    from tidings.store.access import writer_flag

    db = make_store(tmp_path / "events.duckdb")
    reader = StoreReader(db, wait=5.0, idle=60.0, poll=0.05)  # idle release would take a minute
    reader.start()
    try:
        with reader.cursor() as con:
            assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 6
        assert reader._con is not None  # kept open between requests: no writer yet
        out = subprocess.run([sys.executable, "-c", WRITER, str(db)], capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        assert float(out.stdout) < 5.0, "the writer waited for the idle release, not for the flag"
        assert not writer_flag(db).exists()  # removed by the writer's close
        with reader.cursor() as con:  # the next request sees what was written
            assert con.execute("SELECT value FROM meta WHERE key = 'bench_note'").fetchone() == ("written",)
    finally:
        reader.stop()


READ_ONCE = "import sys; from tidings.store.access import connect; connect(sys.argv[1], read_only=True, wait=0.3).close()"


def test_writer_keeps_the_file_until_a_reader_asks(tmp_path):
    from tidings.store.access import reader_flag
    from tidings.store.db import EventStore

    db = make_store(tmp_path / "events.duckdb")
    reader_flag(db).unlink(missing_ok=True)
    with EventStore(db) as writer:
        assert writer.con.execute("SELECT count(*) FROM events").fetchone()[0] == 6
        assert writer.yield_to_readers() is False  # nobody asked: no reopening cost per batch
        first = subprocess.run([sys.executable, "-c", READ_ONCE, str(db)], capture_output=True, text=True)
        assert first.returncode != 0 and "locked by another process" in first.stderr
        assert reader_flag(db).exists()  # the reader that could not get in asked for the file
        assert writer.yield_to_readers() is True
        second = subprocess.run([sys.executable, "-c", READ_ONCE, str(db)], capture_output=True, text=True)
        assert second.returncode == 0, second.stderr


def test_a_writer_that_yielded_keeps_the_file_closed_for_the_reader_window(tmp_path):
    # a batch that codes faster than a reader opens the file must not take the file straight back
    from tidings.store.access import reader_flag
    from tidings.store.db import READER_WINDOW, EventStore

    db = make_store(tmp_path / "events.duckdb")
    with EventStore(db) as writer:
        reader_flag(db).touch()
        assert writer.yield_to_readers() is True
        t0 = time.monotonic()
        assert writer.con.execute("SELECT count(*) FROM events").fetchone()[0] == 6
        assert time.monotonic() - t0 >= READER_WINDOW - 0.01
        reader_flag(db).unlink()
        assert writer.yield_to_readers() is False  # nobody asked: the file stays open, no wait
