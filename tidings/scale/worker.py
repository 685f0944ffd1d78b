"""The work of one shard, run on a Dask worker: read -> the one document loop -> Parquet.

Each worker process builds its :class:`tidings.pipeline.Coder` once (:func:`worker_coder`, cached per
process and per options; on a local cluster the forkserver the workers are forked from builds it once
for all of them, :mod:`tidings.scale.preload`) and codes every document of the shard with
:func:`tidings.run.code_documents`, the loop ``tidings code`` uses, so both give the same events.
Output rows are written in row groups as they come (memory holds at most ``ROWS_PER_GROUP`` rows per
open partition, whatever the size of the shard).
"""
from __future__ import annotations

import glob
import json
import os
import re
import threading
import time
from pathlib import Path
from typing import Any, Callable

import pyarrow as pa
import pyarrow.parquet as pq

from tidings.scale.layout import (ARTICLE_SCHEMA, EVENT_SCHEMA, FAILURE_SCHEMA, NULL_PART, Shard,
                                  atomic_write_text, marker_path)

ROWS_PER_GROUP = 2000
PROGRESS_TOPIC = "tidings-batch"
PROGRESS_EVERY = 1.0  # seconds between progress reports of a shard


_CODERS: dict[tuple, Any] = {}
_CODERS_LOCK = threading.Lock()
STARTUP: dict[str, Any] = {}
"""How this process got its Coder: ``pid`` of the process that built it (another pid: inherited from
the forkserver), ``seconds`` and ``cpu_seconds`` the build took there."""


def coder_key(options: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The cache key of a batch's coder options: (lexicon folders, modalities)."""
    return tuple(options.get("lexicon") or ()), tuple(options.get("modalities") or ())


def worker_coder(lexicon_dirs: tuple[str, ...], modalities: tuple[str, ...]):
    """The process's Coder for these options, built on first use and kept (Dask runs many shards,
    one after another, in each worker process; a forked worker inherits the one its forkserver
    built).  Thread-safe: two tasks of one worker never build it twice."""
    key = (lexicon_dirs, modalities)
    with _CODERS_LOCK:
        coder = _CODERS.get(key)
        if coder is None:
            from tidings.pipeline import Coder

            t0, cpu0 = time.perf_counter(), time.process_time()
            coder = Coder(lexicon_dirs=list(lexicon_dirs), modalities=frozenset(modalities), languages="all")
            _CODERS.clear()  # one batch's options per process: never hold two Coders
            _CODERS[key] = coder
            STARTUP.update(pid=os.getpid(), seconds=round(time.perf_counter() - t0, 3),
                           cpu_seconds=round(time.process_time() - cpu0, 3))
    return coder


def partition_of(date: str | None) -> tuple[str, str]:
    """(year, month) folder values of an event date: ``2024-03-14`` -> ("2024", "3"); ``2024`` ->
    ("2024", "0"); None -> ("0", "0") (NULL_PART: unknown)."""
    m = re.match(r"(\d{4})(?:-(\d{2}))?", date or "")
    if not m:
        return NULL_PART, NULL_PART
    return str(int(m.group(1))), (str(int(m.group(2))) if m.group(2) else NULL_PART)


class _Sink:
    """Parquet files of one shard, each written under a temporary name in row groups."""

    def __init__(self, out: Path, shard_id: str):
        self.out, self.shard_id = out, shard_id
        self.rows: dict[Path, list[dict]] = {}
        self.writers: dict[Path, tuple[pq.ParquetWriter, Path, Path]] = {}
        self.schemas: dict[Path, pa.Schema] = {}

    def add(self, rel: Path, schema: pa.Schema, row: dict) -> None:
        self.schemas[rel] = schema
        rows = self.rows.setdefault(rel, [])
        rows.append(row)
        if len(rows) >= ROWS_PER_GROUP:
            self._flush(rel)

    def _flush(self, rel: Path) -> None:
        rows = self.rows.get(rel)
        if not rows:
            return
        if rel not in self.writers:
            final = self.out / rel
            final.parent.mkdir(parents=True, exist_ok=True)
            tmp = final.with_name(f".{final.stem}.{os.getpid()}.{time.monotonic_ns()}.tmp")
            self.writers[rel] = (pq.ParquetWriter(tmp, self.schemas[rel], compression="zstd"), tmp, final)
        self.writers[rel][0].write_table(pa.Table.from_pylist(rows, schema=self.schemas[rel]))
        rows.clear()

    def commit(self) -> list[str]:
        """Close every file and rename it into place; returns the paths relative to the output."""
        for rel in list(self.rows):
            self._flush(rel)
        done = []
        for rel, (writer, tmp, final) in sorted(self.writers.items()):
            writer.close()
            os.replace(tmp, final)
            done.append(rel.as_posix())
        return done

    def abort(self) -> None:
        for writer, tmp, _ in self.writers.values():
            try:
                writer.close()
                os.unlink(tmp)
            except OSError:
                pass


def _remove_stale(out: Path, shard_id: str) -> None:
    """Files of an earlier, unfinished attempt at this shard (a killed run): the rerun writes them all again."""
    name = f"part-{shard_id}.parquet"
    for pattern in (f"events/*/*/{name}", f"articles/{name}", f"failures/{name}"):
        for path in glob.glob(str(out / pattern)):
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass


def _split_source(source: str, inputs: list[str]) -> tuple[str, str | None]:
    """(input file, record) of a reader or coder source: ``/x/a.jsonl:7`` -> ("/x/a.jsonl", "7")."""
    if source in inputs or not re.search(r":\d+$", source):
        return source, None
    head, rec = source.rsplit(":", 1)
    return head, rec


def run_shard(shard: Shard, out: str, options: dict[str, Any],
              report: Callable[[dict], None] | None = None) -> dict[str, Any]:
    """Code one shard and write its Parquet files and completion marker under ``out``.

    ``options``: ``lang``, ``published``, ``url`` (reader defaults), ``lexicon`` (list of folders),
    ``modalities`` (list).  ``report(progress)`` is called about once a second and at the end with
    ``{shard, documents, events, failures, pid}``; on a Dask worker the default publishes it on the
    ``tidings-batch`` event topic.  Returns the marker's content: counts, files, ``seconds`` (wall),
    ``cpu_seconds`` of the task and ``coding_cpu_seconds`` (the same without building the Coder),
    ``started`` (Unix time), ``worker_pid``, ``coder_built`` (:data:`STARTUP`), ``peak_rss_mb`` and
    ``pss_mb`` of the worker process.
    Raises only for errors of the output (a full disk): bad documents become failure rows."""
    from tidings.read import iter_documents
    from tidings.run import code_documents
    from tidings.store.ingest import content_hash

    t0, cpu0, started = time.perf_counter(), time.process_time(), time.time()
    outp = Path(out)
    report = report or _dask_reporter()
    coder = worker_coder(*coder_key(options))
    cpu_coding0 = time.process_time()
    _remove_stale(outp, shard.id)
    sink = _Sink(outp, shard.id)
    name = f"part-{shard.id}.parquet"
    counts = {"shard": shard.id, "documents": 0, "events": 0, "failures": 0, "pid": os.getpid()}
    first_event = None
    last = time.monotonic()
    docs = iter_documents(shard.inputs, lang=options.get("lang"), published=options.get("published"),
                          url=options.get("url"))
    if shard.parts > 1:  # one part of a big file: every parts-th record (ids stay those of the whole file)
        docs = (d for i, d in enumerate(docs) if i % shard.parts == shard.part)
    try:
        for res in code_documents(docs, coder):
            if res.error:
                inp, rec = _split_source(res.source, shard.inputs)
                reason = res.error.removeprefix(f"{res.source}: ")
                doc = res.doc
                sink.add(Path("failures") / name, FAILURE_SCHEMA,
                         {"input": inp, "record": rec, "doc_id": doc.doc_id if doc else None, "reason": reason,
                          "key": (doc.key or doc.doc_id) if doc else None, "content_hash": content_hash(doc) if doc else None})
                counts["failures"] += 1
            else:
                art = res.article.to_dict()
                dl = art.get("dateline")
                sink.add(Path("articles") / name, ARTICLE_SCHEMA, {
                    **{k: art.get(k) for k in ("doc_id", "source", "url", "title", "published",
                                               "published_source", "language", "section", "text")},
                    "url": art.get("url") or res.doc.url, "source": art.get("source") or res.doc.source,
                    "content_hash": content_hash(res.doc), "key": res.doc.key or res.doc.doc_id,
                    "dateline": dl.get("text") if isinstance(dl, dict) else dl,
                    "agency": dl.get("agency") if isinstance(dl, dict) else None, "n_events": len(res.events)})
                counts["documents"] += 1
                for ev in res.events:
                    rec = ev.to_dict()
                    year, month = partition_of(rec["date"])
                    sink.add(Path("events") / f"year={year}" / f"month={month}" / name, EVENT_SCHEMA, rec)
                    counts["events"] += 1
                    if first_event is None:
                        first_event = time.perf_counter() - t0
                        last = 0.0  # report the first event at once
            if time.monotonic() - last >= PROGRESS_EVERY:
                report(dict(counts))
                last = time.monotonic()
        files = sink.commit()
    except BaseException:
        sink.abort()
        raise
    summary = {**{k: v for k, v in counts.items() if k != "pid"}, "inputs": shard.inputs, "stamp": shard.stamp,
               "part": [shard.part, shard.parts], "files": files,
               "seconds": round(time.perf_counter() - t0, 3), "cpu_seconds": round(time.process_time() - cpu0, 3),
               "coding_cpu_seconds": round(time.process_time() - cpu_coding0, 3),
               "first_event_seconds": first_event, "started": round(started, 3),
               "worker_pid": os.getpid(), "coder_built": dict(STARTUP), "peak_rss_mb": peak_rss_mb(), "pss_mb": pss_mb()}
    marker_path(outp, shard.id).parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(marker_path(outp, shard.id), json.dumps(summary, ensure_ascii=False, indent=1))
    report(dict(counts))
    return summary


def peak_rss_mb() -> float | None:
    """Peak resident memory of this process in MB (Linux ``VmHWM``: ``ru_maxrss`` would count the
    image of the parent a spawned worker was forked from), else ``ru_maxrss``; None if unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            m = re.search(r"VmHWM:\s+(\d+) kB", fh.read())
        if m:
            return round(int(m.group(1)) / 1024, 1)
    except OSError:
        pass
    try:
        import resource

        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    except (ImportError, OSError):
        return None


def pss_mb() -> float | None:
    """Proportional set size of this process now in MB (Linux ``smaps_rollup``: pages shared with
    the processes forked from the same forkserver count for their share only); None elsewhere."""
    try:
        with open("/proc/self/smaps_rollup", encoding="ascii") as fh:
            m = re.search(r"^Pss:\s+(\d+) kB", fh.read(), re.M)
        return round(int(m.group(1)) / 1024, 1) if m else None
    except OSError:
        return None


def _dask_reporter() -> Callable[[dict], None]:
    """Publish progress on the worker's event log (topic ``tidings-batch``); a no-op off Dask."""
    try:
        from distributed import get_worker

        worker = get_worker()
    except (ImportError, ValueError):
        return lambda progress: None

    def report(progress: dict) -> None:
        try:
            worker.log_event(PROGRESS_TOPIC, progress)
        except Exception:  # noqa: BLE001 - progress is best effort, never a reason to fail a shard
            pass

    return report
