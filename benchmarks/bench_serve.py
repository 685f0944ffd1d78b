"""Speed of ``tidings serve`` on a store of one million generated events (docs/performance.md).

    .venv/bin/python benchmarks/bench_serve.py [--events 1000000] [--db /tmp/bench_serve.duckdb] [--runs 200]

Builds (once; reused when the file exists with the right size) a store whose ``events``,
``mentions`` and ``articles`` tables are generated in SQL: 60 countries with a skewed share
(a few large, many small), ten years of dates, the 16 PLOVER types with their QuadClass and a
Goldstein value, places with coordinates, one mention and one article per event.  Then starts
``tidings serve`` in a subprocess and measures over real HTTP (httpx):

* ``GET /events`` with a country + date filter (random country, random 1-12 month window):
  median and 95th percentile (goal < 200 ms);
* ``GET /stats?by=type&freq=month`` and ``by=country`` (goal < 1 s);
* the dashboard's first page in headless Chromium, from navigation to the event table drawn
  (goal < 2 s), when a Chromium is found ($CHROMIUM or ``chromium`` on the PATH).
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

COUNTRIES = ["USA", "RUS", "UKR", "CHN", "ISR", "IRN", "SYR", "TUR", "FRA", "DEU", "GBR", "IND", "PAK", "AFG",
             "IRQ", "SDN", "NGA", "EGY", "SAU", "YEM", "LBN", "PSE", "KOR", "PRK", "JPN", "BRA", "MEX", "COL",
             "VEN", "ARG", "CHL", "PER", "ESP", "ITA", "POL", "BLR", "AZE", "ARM", "GEO", "KAZ", "UZB", "TJK",
             "ETH", "SOM", "KEN", "COD", "MLI", "NER", "LBY", "TUN", "DZA", "MAR", "ZAF", "ZWE", "MMR", "THA",
             "PHL", "IDN", "AUS", "CAN"]
TYPES = [("AGREE", 1, 4.0), ("CONSULT", 1, 1.0), ("SUPPORT", 1, 3.4), ("CONCEDE", 2, 5.0), ("COOPERATE", 2, 6.4),
         ("AID", 2, 7.0), ("RETREAT", 2, 5.0), ("REQUEST", 1, 3.0), ("ACCUSE", 3, -2.0), ("REJECT", 3, -4.0),
         ("THREATEN", 3, -4.4), ("PROTEST", 3, -6.5), ("SANCTION", 4, -8.0), ("MOBILIZE", 4, -7.2),
         ("COERCE", 4, -5.0), ("ASSAULT", 4, -10.0)]


def build_store(db: Path, n: int) -> None:
    """Write ``n`` generated events (with mentions and articles) into a new store at ``db``."""
    import duckdb

    from tidings.store.db import EventStore

    db.unlink(missing_ok=True)
    EventStore(db).close()  # the schema (and meta) exactly as tidings makes it
    con = duckdb.connect(str(db))
    # country i gets weight 1/(i+1): a Zipf-like share, as in real event data
    con.execute("CREATE TEMP TABLE c AS SELECT unnest(?) AS code, generate_subscripts(?, 1) AS k", [COUNTRIES, COUNTRIES])
    con.execute("CREATE TEMP TABLE t AS SELECT unnest(?) AS type, unnest(?) AS quad, unnest(?) AS gold, "
                "generate_subscripts(?, 1) AS k",
                [[t[0] for t in TYPES], [t[1] for t in TYPES], [t[2] for t in TYPES], [t[0] for t in TYPES]])
    m = len(COUNTRIES)
    pick = f"(1 + least({m - 1}, floor(pow({m}, random()) - 1))::INT)"  # skewed index 1..m
    con.execute(f"""
        CREATE TEMP TABLE g AS
        SELECT i, {pick} AS a, {pick} AS b, 1 + (hash(i * 31) % 16)::INT AS ty,
               (DATE '2015-01-01' + ((hash(i * 7) % 3652)::INT)) AS d,
               random() * 10 - 5 AS dlat, random() * 10 - 5 AS dlon
        FROM range({n}) r(i)""")
    con.execute("""
        INSERT INTO events (event_id, group_key, dedup_rule, event_type, mode, contexts, cameo_code, cameo_root,
            goldstein, quad_class, date, date_precision, date_source, actor_codes, actor_countries,
            recipient_codes, recipient_countries, location_name, location_country, location_lat, location_lon,
            location_precision, modality, confidence, num_mentions, num_articles, num_sources, doc_id,
            sentence_index, sentence, trigger_text, language, url, source_name, published, record)
        SELECT printf('%016x', hash(i)), 'g' || i, 'article', t.type, NULL, [], '000', '00', t.gold, t.quad,
            strftime(d, '%Y-%m-%d'), 'day', 'explicit', [ca.code || 'GOV'], [ca.code], [cb.code || 'GOV'], [cb.code],
            'Place ' || cb.code, cb.code, 10 + cb.k + dlat, ca.k * 5 - 150 + dlon, 'city',
            CASE WHEN i % 10 = 0 THEN 'claimed' ELSE 'asserted' END, 0.5 + (i % 50) / 100.0, 1, 1, 1,
            'doc' || i, 0, 'The government of ' || ca.code || ' did ' || t.type || ' to ' || cb.code || ' (' || i || ').',
            t.type, 'en', 'https://site' || (i % 40) || '.example/' || i, 'site' || (i % 40) || '.example',
            strftime(d, '%Y-%m-%d'), '{}'
        FROM g JOIN c ca ON ca.k = g.a JOIN c cb ON cb.k = g.b JOIN t ON t.k = g.ty""")
    con.execute("""
        INSERT INTO mentions (mention_id, event_id, group_key, doc_id, sentence_index, sentence_start, sentence_end,
            sentence, trigger_text, trigger_start, trigger_end, event_type, cameo_code, date, modality, confidence,
            source_name, url, published, record)
        SELECT event_id, event_id, group_key, doc_id, 0, 0, length(sentence), sentence, trigger_text, 0, 1,
            event_type, cameo_code, date, modality, confidence, source_name, url, published, '{}' FROM events""")
    con.execute("""
        INSERT INTO articles (doc_id, content_hash, source, url, title, published, language, n_chars, n_mentions,
            ingested_at, text)
        SELECT doc_id, event_id, NULL, url, 'Article ' || doc_id, published, 'en', length(sentence), 1,
            now()::TIMESTAMP, sentence FROM events""")
    con.execute("CHECKPOINT")
    con.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def bench_api(base: str, runs: int, seed: int = 1) -> dict[str, float]:
    """Times (ms) of the filtered event list and the stats over HTTP."""
    import httpx

    rnd = random.Random(seed)
    out: dict[str, float] = {}
    with httpx.Client(base_url=base, timeout=60) as c:
        c.get("/events", params={"limit": 1})  # first request: OS page cache warm-up
        times = []
        for _ in range(runs):
            year, month = rnd.randint(2015, 2024), rnd.randint(1, 12)
            span = rnd.randint(1, 12)
            end_m = month + span - 1
            until = f"{year + (end_m - 1) // 12}-{(end_m - 1) % 12 + 1:02d}"
            params = {"country": rnd.choice(COUNTRIES), "since": f"{year}-{month:02d}", "until": until}
            t0 = time.perf_counter()
            r = c.get("/events", params=params)
            times.append((time.perf_counter() - t0) * 1000)
            assert r.status_code == 200, r.text
        out["events_p50_ms"], out["events_p95_ms"] = statistics.median(times), _pct(times, 0.95)
        for by in ("type", "country"):
            ts = []
            for _ in range(5):
                t0 = time.perf_counter()
                r = c.get("/stats", params={"by": by, "freq": "month"})
                ts.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200, r.text
            out[f"stats_{by}_month_median_ms"], out[f"stats_{by}_month_max_ms"] = statistics.median(ts), max(ts)
        ids = [e["event_id"] for e in c.get("/events", params={"country": "SDN", "limit": 20}).json()["events"]]
        ts = []
        for eid in ids:
            t0 = time.perf_counter()
            assert c.get("/events/" + eid).status_code == 200
            ts.append((time.perf_counter() - t0) * 1000)
        out["event_detail_median_ms"] = statistics.median(ts)
        ts = []
        for _ in range(5):
            t0 = time.perf_counter()
            assert c.get("/events", params={"limit": 50}).status_code == 200
            ts.append((time.perf_counter() - t0) * 1000)
        out["events_unfiltered_median_ms"] = statistics.median(ts)
    return out


def bench_dashboard(base: str, runs: int = 5) -> dict[str, float] | None:
    """Milliseconds from navigation to the drawn event table, in headless Chromium."""
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not chromium:
        return None
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        for _ in range(runs):
            page = browser.new_page()  # a new page each time: no cache of scripts or data
            t0 = time.perf_counter()
            page.goto(base + "/")
            page.wait_for_selector("#events tbody tr", timeout=30000)
            times.append((time.perf_counter() - t0) * 1000)
            page.close()
        browser.close()
    return {"dashboard_first_page_median_ms": statistics.median(times), "dashboard_first_page_max_ms": max(times)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/bench_serve.duckdb"))
    ap.add_argument("--runs", type=int, default=200)
    args = ap.parse_args()
    import duckdb

    have = 0
    if args.db.exists():
        with duckdb.connect(str(args.db), read_only=True) as con:
            have = con.execute("SELECT count(*) FROM events").fetchone()[0]
    if have != args.events:
        t0 = time.perf_counter()
        build_store(args.db, args.events)
        print(f"built {args.events} events in {time.perf_counter() - t0:.1f} s "
              f"({args.db.stat().st_size / 1e6:.0f} MB)", flush=True)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "tidings.cli", "serve", "--db", str(args.db), "--port", str(port)],
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        for _ in range(200):
            try:
                httpx.get(base + "/summary", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        results = bench_api(base, args.runs)
        results.update(bench_dashboard(base) or {"dashboard": "skipped (no Chromium)"})
    finally:
        server.terminate()
        server.wait(10)
    results["load_average_1min"] = os.getloadavg()[0]
    results["cpus"] = float(os.cpu_count() or 0)
    for k, v in results.items():
        print(f"{k:34s} {v:.1f}" if isinstance(v, float) else f"{k:34s} {v}")


if __name__ == "__main__":
    main()
