"""Throughput of `tidings batch` on a LocalCluster with 1 and then 2 worker processes.

    python benchmarks/bench_batch.py [--corpus ../shared/corpus/dev] [--repeat 40] [--shards 8] [--json]

Writes the corpus's articles (repeated ``--repeat`` times under new ids; generated text when the corpus
is absent) into ``--shards`` JSONL.zst files in a temporary folder, then runs ``run_batch`` on them
with 1 and with 2 workers (1 thread each), each into a fresh output folder, and prints for each:
  * articles per second, from the moment the cluster is up to the last shard's marker (workers'
    start-up, language packs and the gazetteer included: that is what a batch pays), and articles per
    CPU-second of the workers' shards (which other load on the machine does not change);
  * time to first event, from the call (cluster start included);
  * peak RSS per worker process (VmHWM, from the shards' completion markers);
  * Parquet bytes per article written (events, articles with their text, failures);
and the speed-up of 2 workers over 1 (target >= 1.7 on a 2-core machine).  The 1-minute load average
is printed too: other processes on the machine slow both runs (figures in docs/performance.md).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "dev"
sys.path.insert(0, str(HERE))


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


def run(inputs: list[str], out: Path, workers: int) -> dict:
    from tidings.scale.batch import run_batch

    ready = {}
    t0 = time.perf_counter()
    s = run_batch(inputs, out, workers=workers, on_start=lambda _: ready.setdefault("t", time.perf_counter()))
    end = time.perf_counter()
    markers = [json.loads(p.read_text()) for p in (out / "_shards").glob("*.done")]
    cpu = sum(m.get("cpu_seconds", 0) for m in markers)
    rss: dict[int, float] = {}
    for m in markers:
        rss[m["worker_pid"]] = max(rss.get(m["worker_pid"], 0), m.get("peak_rss_mb") or 0)
    coding = end - ready.get("t", t0)
    size = {k: sum(f.stat().st_size for f in (out / k).rglob("*.parquet")) for k in ("events", "articles", "failures")}
    return {"workers": workers, "articles": s.documents, "events": s.events, "failed_shards": s.failed,
            "seconds_total": round(end - t0, 2), "seconds_after_cluster_up": round(coding, 2),
            "articles_per_second": round(s.documents / coding, 1),
            "articles_per_worker_cpu_second": round(s.documents / cpu, 1) if cpu else None,
            "first_event_seconds": round(s.first_event_seconds or -1, 2),
            "peak_rss_mb_per_worker": sorted(rss.values()),
            "output_bytes_per_article": {k: round(v / max(s.documents, 1)) for k, v in size.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=40)
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    corpus = args.corpus if (args.corpus / "index.jsonl").is_file() else None
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        n = write_shards(src, corpus, args.repeat, args.shards)
        load_before = os.getloadavg()[0]
        results = [run([str(src)], Path(tmp) / f"out{w}", w) for w in (1, 2)]
        load_after = os.getloadavg()[0]
    speedup = results[1]["articles_per_second"] / results[0]["articles_per_second"]
    sizes = output_sizes(corpus)
    summary = {"sizes": sizes, "corpus": str(corpus or "generated"), "articles": n, "shards": args.shards, "runs": results,
               "speedup_2_vs_1": round(speedup, 2), "load_average_1min": [round(load_before, 2), round(load_after, 2)],
               "cpus": os.cpu_count()}
    if args.json:
        print(json.dumps(summary, indent=1))
        return
    print(f"corpus: {summary['corpus']}, {n} articles in {args.shards} JSONL.zst shards; {os.cpu_count()} CPUs, "
          f"load average {load_before:.1f} before, {load_after:.1f} after")
    for r in results:
        print(f"{r['workers']} worker(s): {r['articles_per_second']} articles/s, "
              f"{r['articles_per_worker_cpu_second']} per worker CPU-second ({r['articles']} articles, "
              f"{r['events']} events, {r['seconds_after_cluster_up']} s after the cluster was up, "
              f"{r['seconds_total']} s in all); first event after {r['first_event_seconds']} s; "
              f"peak RSS per worker {r['peak_rss_mb_per_worker']} MB; Parquet bytes per article "
              f"{r['output_bytes_per_article']}")
    print(f"speed-up, 2 workers over 1: {speedup:.2f}x (target >= 1.7)")
    print(f"output, corpus coded once: {sizes}")


if __name__ == "__main__":
    main()
