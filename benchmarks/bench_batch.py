"""Throughput of `tidings batch` on a LocalCluster with 1 and then 2 worker processes (issue 12, item 6).

    python benchmarks/bench_batch.py [--corpus ../shared/corpus/dev] [--repeat 100] [--shards 8] [--json]

Writes the corpus's articles (repeated ``--repeat`` times under new ids; generated text when the corpus
is absent) into ``--shards`` JSONL.zst files in a temporary folder, then runs ``run_batch`` on them
with 1 and with 2 workers (1 thread each), each in a fresh Python process (so the second run gets no
cluster, forkserver or Coder the first one left), each into a fresh output folder, and prints:

* articles per second over the whole call (cluster start and Coder build included: what a batch
  pays) and in the steady state (from the first event to the end); the speed-up of 2 workers over 1
  for both (target >= 1.7 on a 2-core machine);
* time to first event, cluster start, and the Coder build (wall and CPU; built once in the forkserver
  the workers are forked from, see tidings/scale/preload.py);
* per worker: articles, CPU milliseconds per article while coding, peak RSS and PSS (the PSS counts
  pages shared with the other workers for their share only);
* the client process's CPU seconds (client, scheduler and nannies live there): it only plans and
  collects summaries, so this stays small;
* a projection that other load does not move: the speed-up 2 workers would have on two free cores,
  from the CPU seconds each worker spent (start-up + the busiest worker's coding);
* the machine's own parallel speed-up for CPU-bound Python (one process, then two at once, on a
  fixed loop): the ceiling any 2-process run can reach on this machine right now;
* the 1-minute load average before and after each run, with a warning when the machine is not quiet
  (wall-clock ratios taken under load say little; the CPU figures still hold).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
QUIET_LOAD = 0.5  # 1-minute load average above which a wall-clock figure is flagged as taken under load


def default_corpus() -> Path:
    """``shared/corpus/dev`` beside the checkout or beside any folder above it (a worktree)."""
    for up in HERE.parents:
        cand = up / "shared" / "corpus" / "dev"
        if (cand / "index.jsonl").is_file():
            return cand
    return HERE.parent.parent / "shared" / "corpus" / "dev"


def write_shards(folder: Path, corpus: Path | None, repeat: int, shards: int) -> int:
    """JSONL.zst shards of the corpus articles repeated under new ids; returns the article count."""
    import zstandard

    from bench_code import load_docs

    docs = load_docs(corpus)
    lines = [json.dumps({"id": f"{d.doc_id}-{r}", "text": d.text, "url": d.url, "lang": d.lang,
                         "published": d.published}, ensure_ascii=False)
             for r in range(repeat) for d in docs]
    for k in range(shards):
        part = ("\n".join(lines[k::shards]) + "\n").encode("utf-8")
        (folder / f"shard-{k:03d}.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(part))
    return len(lines)


def output_sizes(corpus: Path | None) -> dict:
    """Parquet bytes per event and per article for the corpus coded once, without repetition (the
    repeated shards of the throughput runs compress better than real archives, and their many small
    files carry a footer each, ``empty_file_bytes``)."""
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    from bench_code import load_docs
    from tidings.pipeline import Coder
    from tidings.run import code_documents
    from tidings.scale.layout import ARTICLE_SCHEMA, EVENT_SCHEMA

    events, arts, text_bytes, json_bytes = [], [], 0, 0
    for r in code_documents(load_docs(corpus), Coder()):
        if r.error:
            continue
        for e in r.events:
            events.append(e.to_dict())
            json_bytes += len(json.dumps(events[-1], ensure_ascii=False).encode("utf-8"))
        a = r.article.to_dict()
        text_bytes += len(a["text"].encode("utf-8"))
        arts.append({**{k: a.get(k) for k in ARTICLE_SCHEMA.names if k in a}, "dateline": None,
                     "content_hash": "0" * 64, "n_events": len(r.events)})

    def size(rows, schema) -> int:
        buf = io.BytesIO()
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), buf, compression="zstd")
        return len(buf.getvalue())

    n_ev, n_art = max(len(events), 1), max(len(arts), 1)
    return {"articles": len(arts), "events_per_article": round(len(events) / n_art, 2),
            "event_json_bytes_per_event": round(json_bytes / n_ev),
            "text_bytes_per_article": round(text_bytes / n_art),
            "events_parquet_bytes_per_event": round((size(events, EVENT_SCHEMA) - size([], EVENT_SCHEMA)) / n_ev),
            "articles_parquet_bytes_per_article": round((size(arts, ARTICLE_SCHEMA) - size([], ARTICLE_SCHEMA)) / n_art),
            "empty_file_bytes": size([], EVENT_SCHEMA)}


def _spin(n: int, go=None, results=None) -> None:
    """A fixed CPU-bound Python loop with dictionary and string work, like the coder's; with ``go``
    (an Event) it waits for it, then puts its own wall seconds into ``results`` (a Queue)."""
    if go is not None:
        go.wait()
    t0 = time.perf_counter()
    table: dict[str, int] = {}
    for i in range(n):
        key = f"w{i % 50021}"
        table[key] = table.get(key, 0) + len(key)
    if results is not None:
        results.put(time.perf_counter() - t0)


def machine_parallelism(n: int = 1_500_000, tries: int = 3) -> dict:
    """The speed-up two CPU-bound Python processes get over one on this machine now: the loop
    :func:`_spin` in one process, then in two at once (best of ``tries`` each; process start-up not
    counted).  About 1.9-2.0 on two free cores; lower when the CPUs are shared (other load,
    hyperthreads of one physical core)."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")

    def timed(k: int) -> float:
        go, results = ctx.Event(), ctx.Queue()
        procs = [ctx.Process(target=_spin, args=(n, go, results)) for _ in range(k)]
        for p in procs:
            p.start()
        time.sleep(0.5)  # let them import and wait
        go.set()
        took = max(results.get(timeout=600) for _ in procs)
        for p in procs:
            p.join()
        return took

    one = min(timed(1) for _ in range(tries))
    two = min(timed(2) for _ in range(tries))
    return {"one_process_seconds": round(one, 3), "two_processes_seconds": round(two, 3),
            "speedup": round(2 * one / two, 2)}


def measure(inputs: list[str], out: Path, workers: int) -> dict:
    """One ``run_batch`` with ``workers`` local workers into ``out``: the figures of one run (see
    the module docstring), from the call, the summary and the shards' completion markers."""
    from tidings.scale.batch import run_batch

    load_before = os.getloadavg()[0]
    ready = {}
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    s = run_batch(inputs, out, workers=workers, on_start=lambda _: ready.setdefault("t", time.perf_counter()))
    end = time.perf_counter()
    client_cpu = time.process_time() - cpu0
    markers = [json.loads(p.read_text()) for p in (out / "_shards").glob("*.done")]
    per: dict[int, dict] = {}
    for m in markers:
        w = per.setdefault(m["worker_pid"], {"articles": 0, "shards": 0, "cpu_seconds": 0.0, "coding_cpu_seconds": 0.0,
                                             "peak_rss_mb": 0.0, "pss_mb": 0.0})
        w["articles"] += m["documents"]
        w["shards"] += 1
        w["cpu_seconds"] += m.get("cpu_seconds", 0)
        w["coding_cpu_seconds"] += m.get("coding_cpu_seconds", m.get("cpu_seconds", 0))
        w["peak_rss_mb"] = max(w["peak_rss_mb"], m.get("peak_rss_mb") or 0)
        w["pss_mb"] = max(w["pss_mb"], m.get("pss_mb") or 0)
    builds = {(b["pid"], b["seconds"], b["cpu_seconds"]) for m in markers if (b := m.get("coder_built"))}
    for w in per.values():
        w["cpu_ms_per_article"] = round(1000 * w["coding_cpu_seconds"] / max(w["articles"], 1), 1)
        w["cpu_seconds"], w["coding_cpu_seconds"] = round(w["cpu_seconds"], 2), round(w["coding_cpu_seconds"], 2)
    first = s.first_event_seconds or (end - t0)
    size = {k: sum(f.stat().st_size for f in (out / k).rglob("*.parquet")) for k in ("events", "articles", "failures")}
    build_cpu = sum(b[2] for b in builds)
    return {"workers": workers, "articles": s.documents, "events": s.events, "failed_shards": s.failed,
            "seconds_total": round(end - t0, 2), "articles_per_second_total": round(s.documents / (end - t0), 1),
            "cluster_up_seconds": round(ready.get("t", t0) - t0, 2), "first_event_seconds": round(first, 2),
            "steady_seconds": round(end - t0 - first, 2),
            "articles_per_second_steady": round(s.documents / max(end - t0 - first, 1e-9), 1),
            "coder_builds": len(builds), "coder_build_seconds": max((b[1] for b in builds), default=None),
            "coder_build_cpu_seconds": round(build_cpu, 2),
            "client_cpu_seconds": round(client_cpu, 2),
            "per_worker": sorted(per.values(), key=lambda w: -w["articles"]),
            "projected_seconds_on_free_cores": round(build_cpu / max(len(builds), 1)
                                                     + max((w["coding_cpu_seconds"] for w in per.values()), default=0), 2),
            "output_bytes_per_article": {k: round(v / max(s.documents, 1)) for k, v in size.items()},
            "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)]}


def run_fresh(src: Path, out: Path, workers: int) -> dict:
    """:func:`measure` in a new Python process (nothing of an earlier run is reused)."""
    proc = subprocess.run([sys.executable, __file__, "--measure", str(workers), str(src), str(out)],
                          capture_output=True, text=True, timeout=7200)
    if proc.returncode:
        raise RuntimeError(f"the {workers}-worker run failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def report(summary: dict) -> None:
    """Print the figures of :func:`main` for a reader."""
    runs = summary["runs"]
    print(f"corpus: {summary['corpus']}, {summary['articles']} articles in {summary['shards']} JSONL.zst shards; "
          f"{summary['cpus']} CPUs")
    m = summary["machine"]
    print(f"machine: two CPU-bound Python processes run {m['speedup']}x one (its ceiling for 2 workers now)")
    for r in runs:
        print(f"\n{r['workers']} worker(s), load average {r['load_average_1min'][0]} before, {r['load_average_1min'][1]} after:")
        print(f"  {r['articles_per_second_total']} articles/s in all ({r['articles']} articles, {r['events']} events, "
              f"{r['seconds_total']} s from the call, cluster start and Coder build included)")
        print(f"  {r['articles_per_second_steady']} articles/s steady (from the first event, {r['steady_seconds']} s)")
        print(f"  cluster up after {r['cluster_up_seconds']} s, first event after {r['first_event_seconds']} s; "
              f"Coder built {r['coder_builds']} time(s), {r['coder_build_seconds']} s, {r['coder_build_cpu_seconds']} CPU s in all")
        print(f"  client process (client, scheduler, nannies): {r['client_cpu_seconds']} CPU s")
        for w in r["per_worker"]:
            print(f"  worker: {w['articles']} articles in {w['shards']} shards, {w['cpu_ms_per_article']} CPU ms per "
                  f"article coding, peak RSS {w['peak_rss_mb']} MB, PSS {w['pss_mb']} MB")
    sp = summary["speedup_2_vs_1"]
    print(f"\nspeed-up, 2 workers over 1 (target >= 1.7): {sp['total']}x in all, {sp['steady']}x steady; "
          f"{sp['projected_on_free_cores']}x projected from CPU seconds on two free cores")
    if summary["loaded"]:
        print(f"WARNING: the machine was not quiet (1-minute load average above {QUIET_LOAD} before a run): the "
              "wall-clock figures and ratios above are not the target's; the CPU figures and the projection hold")
    print(f"output, corpus coded once: {summary['sizes']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=default_corpus())
    ap.add_argument("--repeat", type=int, default=100)
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--measure", nargs=3, metavar=("WORKERS", "SRC", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure([args.measure[1]], Path(args.measure[2]), int(args.measure[0]))))
        return
    corpus = args.corpus if (args.corpus / "index.jsonl").is_file() else None
    machine = machine_parallelism()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        n = write_shards(src, corpus, args.repeat, args.shards)
        runs = [run_fresh(src, Path(tmp) / f"out{w}", w) for w in (1, 2)]
    one, two = runs
    summary = {"corpus": str(corpus or "generated"), "articles": n, "shards": args.shards, "cpus": os.cpu_count(),
               "machine": machine, "runs": runs,
               "speedup_2_vs_1": {
                   "total": round(two["articles_per_second_total"] / one["articles_per_second_total"], 2),
                   "steady": round(two["articles_per_second_steady"] / one["articles_per_second_steady"], 2),
                   "projected_on_free_cores": round(one["projected_seconds_on_free_cores"]
                                                    / max(two["projected_seconds_on_free_cores"], 1e-9), 2)},
               "loaded": any(r["load_average_1min"][0] > QUIET_LOAD for r in runs),
               "sizes": output_sizes(corpus)}
    if args.json:
        print(json.dumps(summary, indent=1))
    else:
        report(summary)


if __name__ == "__main__":
    main()
