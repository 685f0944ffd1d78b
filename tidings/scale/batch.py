"""The client side of ``tidings batch``: plan shards, skip finished ones, run the rest on Dask.

    from tidings.scale.batch import run_batch
    summary = run_batch(["crawl/"], "out/", workers=2)          # a LocalCluster of 2 processes
    summary = run_batch(["crawl/"], "out/", scheduler="tcp://10.0.0.5:8786")  # a running cluster

Exactness: each shard is one Dask task (``run_shard``); its files are renamed into place and its
completion marker renamed in after them, so a shard counts as done exactly when the marker exists.
A restart (after a kill -9 of the client or of a worker) plans the same shards, skips the marked
ones, deletes what an unfinished attempt left and codes the rest: the output ends identical to an
uninterrupted run.  Dask itself reruns the task of a worker that died (up to
``distributed.scheduler.allowed-failures`` times).
"""
from __future__ import annotations

import json
import os
import shutil
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from tidings.scale.layout import SPLIT_BYTES, check_manifest, marker_path, plan_shards, read_marker
from tidings.scale.worker import PROGRESS_TOPIC, run_shard


@dataclass
class BatchSummary:
    """What a batch did: ``shards`` planned, ``skipped`` (finished before), ``done`` now, ``failed``
    (shards whose task failed: ``errors`` gives ``shard id -> reason``), ``documents``, ``events``
    and ``failures`` (document failures recorded) over the finished shards, ``seconds``,
    ``first_event_seconds`` (from start to the first event any worker reported), the Dask
    ``dashboard`` link and ``running`` (shard id -> process id of the worker coding it now)."""

    shards: int = 0
    skipped: int = 0
    done: int = 0
    failed: int = 0
    documents: int = 0
    events: int = 0
    failures: int = 0
    seconds: float = 0.0
    first_event_seconds: float | None = None
    dashboard: str | None = None
    errors: dict[str, str] = field(default_factory=dict)
    running: dict[str, int] = field(default_factory=dict)


def _purge_unplanned(out: Path, planned: set[str]) -> int:
    """Remove markers and files of shards that are not in this plan (inputs changed since): they
    would duplicate the events of the shards that replace them.  Returns how many were removed."""
    removed = 0
    for m in (out / "_shards").glob("*.done"):
        if m.stem not in planned:
            m.unlink(missing_ok=True)
            removed += 1
    for path in list(out.glob("events/*/*/part-*.parquet")) + list(out.glob("articles/part-*.parquet")) \
            + list(out.glob("failures/part-*.parquet")):
        if path.stem.removeprefix("part-") not in planned:
            path.unlink(missing_ok=True)
    return removed


@contextmanager
def _connect(scheduler: str | None, workers: int | None, threads: int, memory_limit: str | None,
             options: dict[str, Any]) -> Iterator[Any]:
    """A dask.distributed Client, closed on exit: of a new local cluster (:func:`local_cluster`) or
    connected to the scheduler at ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``, or the
    path of a scheduler file written by ``dask scheduler --scheduler-file``)."""
    from distributed import Client

    if scheduler:
        if os.path.isfile(scheduler):
            client = Client(scheduler_file=scheduler, timeout="60s")
        else:
            client = Client(scheduler, timeout="60s")
        try:
            yield client
        finally:
            client.close()
        return
    with local_cluster(workers, threads, memory_limit, options) as cluster:
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()


@contextmanager
def local_cluster(workers: int | None, threads: int = 1, memory_limit: str | None = None,
                  options: dict[str, Any] | None = None) -> Iterator[Any]:
    """A LocalCluster of ``workers`` processes (default: one per CPU) of ``threads`` threads each.

    Where the platform has a forkserver (Linux, macOS) the worker processes are forked from one that
    has built the Coder for ``options`` (:mod:`tidings.scale.preload`): the Coder is built once
    instead of once per worker, the workers share its memory pages, and a worker Dask restarts
    after a crash starts with it too.  The forkserver lives as long as this process, so a later
    batch with the same options starts at once (with other options its workers build their own).
    Elsewhere each worker builds its own on its first shard."""
    from distributed import LocalCluster

    n = workers or os.cpu_count() or 1
    with _forkserver_with_coder(options):
        cluster = LocalCluster(n_workers=n, threads_per_worker=threads, processes=True,
                               memory_limit=memory_limit or "auto", dashboard_address=":0", silence_logs=40)
        try:
            yield cluster
        finally:
            cluster.close()


@contextmanager
def _forkserver_with_coder(options: dict[str, Any] | None) -> Iterator[None]:
    """Within: Dask starts worker processes from the forkserver, which imports
    :mod:`tidings.scale.preload` (and so builds the Coder for ``options``) when it starts.  A
    forkserver already running in this process (an earlier batch) is reused as it is: if it holds
    other options, the workers build their own Coder."""
    import multiprocessing

    import dask

    if options is None or "forkserver" not in multiprocessing.get_all_start_methods():
        yield
        return
    from distributed.utils import get_mp_context

    from tidings.scale.preload import ENV

    os.environ[ENV] = json.dumps(options, sort_keys=True)
    try:
        with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
            get_mp_context()  # distributed sets its own preload list on first use; ours replaces it
            forkserver = multiprocessing.get_context("forkserver")
            forkserver.set_forkserver_preload(["distributed", "tidings.scale.preload"])
            yield
    finally:
        os.environ.pop(ENV, None)


def run_batch(inputs: list[str], out: str | os.PathLike, *, scheduler: str | None = None,
              workers: int | None = None, threads: int = 1, options: dict[str, Any] | None = None,
              memory_limit: str | None = None, split_bytes: int = SPLIT_BYTES,
              on_start: Callable[[BatchSummary], None] | None = None,
              on_progress: Callable[[BatchSummary, int, int], None] | None = None) -> BatchSummary:
    """Code ``inputs`` (files and folders) on Dask into the batch folder ``out``.

    ``options``: reader defaults ``lang``/``published``/``url`` and coder options ``lexicon`` (list
    of folders) and ``modalities`` (list); they are written to ``out/_batch.json`` and a restart must
    give the same (ValueError otherwise).  A JSONL or WARC file over ``split_bytes`` is coded as
    several part shards (:func:`tidings.scale.layout.plan_shards`).  ``on_start(summary)`` is called
    once the cluster is up (``summary.dashboard`` set); ``on_progress(summary, docs, events)`` after
    every report of a worker and every finished shard (``docs``/``events``: so far in the shards
    still running).  Returns the
    :class:`BatchSummary`; a shard whose task failed (a worker that died too often on it, an
    unwritable output) is counted in ``failed`` and left unmarked for the next run.

    The client only plans: it sends each worker a shard's paths and options and gets back the
    shard's small summary; the workers read, code and write Parquet themselves."""
    t0 = time.perf_counter()
    outp = Path(out).absolute()
    options = batch_options(options)
    summary, todo = _plan(inputs, outp, options, split_bytes)
    if todo:
        with _connect(scheduler, workers, threads, memory_limit, options) as client:
            summary.dashboard = client.dashboard_link
            if on_start:
                on_start(summary)
            _run_shards(client, todo, str(outp), options, summary, t0, on_progress)
    elif on_start:
        on_start(summary)
    summary.seconds = time.perf_counter() - t0
    return summary


def batch_options(options: dict[str, Any] | None) -> dict[str, Any]:
    """``options`` with the defaults filled in (no reader defaults, no user lexicon, the default
    modalities): the form written to the manifest and sent to the workers."""
    from tidings.pipeline import DEFAULT_MODALITIES

    return {"lang": None, "published": None, "url": None, "lexicon": [],
            "modalities": sorted(DEFAULT_MODALITIES), **(options or {})}


def _plan(inputs: list[str], outp: Path, options: dict[str, Any], split_bytes: int) -> tuple[BatchSummary, list]:
    """Plan the shards, check (or write) the manifest, remove what an older plan left, and return
    the summary so far (finished shards counted as skipped) with the shards still to code."""
    shards = plan_shards(inputs, split_bytes)
    check_manifest(outp, {**options, "inputs": [str(Path(p).absolute()) for p in inputs]})
    _purge_unplanned(outp, {s.id for s in shards})
    summary = BatchSummary(shards=len(shards))
    return summary, _unfinished(outp, shards, summary)


def _unfinished(outp: Path, shards: list, summary: BatchSummary) -> list:
    """The shards still to code; the finished ones are counted into ``summary`` (skipped)."""
    todo = []
    for s in shards:
        done = read_marker(outp, s)
        if done is None:
            marker_path(outp, s.id).unlink(missing_ok=True)  # inputs changed: code it again
            todo.append(s)
            continue
        summary.skipped += 1
        for k in ("documents", "events", "failures"):
            setattr(summary, k, getattr(summary, k) + int(done.get(k, 0)))
    return todo


def _run_shards(client, todo: list, out: str, options: dict, summary: BatchSummary, t0: float,
                on_progress: Callable[[BatchSummary, int, int], None] | None) -> None:
    """Submit one task per shard, follow the workers' progress reports and count what finished."""
    from distributed import as_completed

    docs: dict[str, int] = {}
    events: dict[str, int] = {}
    lock = threading.Lock()  # progress arrives on the client's event-loop thread

    def tell() -> None:
        if on_progress:
            on_progress(summary, sum(docs.values()), sum(events.values()))

    def progress(event) -> None:
        _, msg = event
        with lock:
            if not isinstance(msg, dict) or msg.get("shard") not in docs:
                return
            docs[msg["shard"]], events[msg["shard"]] = int(msg.get("documents", 0)), int(msg.get("events", 0))
            summary.running[msg["shard"]] = int(msg.get("pid", 0))
            if summary.first_event_seconds is None and msg.get("events"):
                summary.first_event_seconds = time.perf_counter() - t0
            tell()

    client.subscribe_topic(PROGRESS_TOPIC, progress)
    futures = {}
    for s in todo:
        docs[s.id] = 0
        futures[client.submit(run_shard, s, out, options, key=f"tidings-shard-{s.id}", pure=False)] = s
    for fut in as_completed(futures):
        s = futures[fut]
        try:
            res = fut.result()
        except Exception as exc:  # noqa: BLE001 - a shard that failed is reported, the others go on
            summary.failed += 1
            summary.errors[s.id] = f"{', '.join(s.inputs[:3])}: {type(exc).__name__}: {exc}"
        else:
            summary.done += 1
            summary.documents += res["documents"]
            summary.events += res["events"]
            summary.failures += res["failures"]
            if summary.first_event_seconds is None and res.get("events"):
                summary.first_event_seconds = time.perf_counter() - t0
        with lock:
            for d in (docs, events, summary.running):
                d.pop(s.id, None)
            tell()
    try:
        client.unsubscribe_topic(PROGRESS_TOPIC)
    except Exception:  # noqa: BLE001 - the client closes next anyway
        pass


def clear_batch(out: str | os.PathLike) -> None:
    """Delete a batch folder's output (``--fresh``): markers, Parquet files and the manifest."""
    outp = Path(out)
    for name in ("_shards", "events", "articles", "failures"):
        shutil.rmtree(outp / name, ignore_errors=True)
    (outp / "_batch.json").unlink(missing_ok=True)
