"""Load the output of ``tidings batch`` into the event store, without coding anything again.

``tidings ingest OUT/`` (a folder holding ``_batch.json``) comes here.  Only finished shards (those
with a completion marker) are read; each document's article row and its events (from every
year/month partition, merged back in document order, so memory holds one document's events, not a
shard's) become one :class:`DocRow`, written like ``tidings ingest`` writes coded documents: a
document already stored with the same content hash is skipped, a changed one replaces its rows.
"""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any, Callable, Iterator

import pyarrow.parquet as pq

from tidings.records import event_id
from tidings.store.db import DocRow, EventStore, FailureRow
from tidings.store.ingest import IngestReport, location

__all__ = ["ingest_batch", "is_batch_dir"]


def is_batch_dir(path: str | Path) -> bool:
    """True for a folder written by ``tidings batch`` (it holds ``_batch.json``)."""
    from tidings.scale.layout import is_batch_dir as _is

    return _is(path)


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
        yield from batch.to_pylist()


class _Peek:
    """An iterator of event rows with a look at the next one."""

    def __init__(self, rows: Iterator[dict[str, Any]]):
        self.rows = rows
        self.head = next(rows, None)

    def take(self, doc_id: str) -> list[dict[str, Any]]:
        out = []
        while self.head is not None and self.head["doc_id"] == doc_id:
            out.append(self.head)
            self.head = next(self.rows, None)
        return out


def _store_source(source: str | None) -> tuple[str | None, str | None, int | None]:
    """(source as the store names it, real path, line) of a reader source, as ``tidings ingest``."""
    where, line = location(source)
    return (source if where in (None, "-") else (f"{where}:{line}" if line else where)), where, line


def _document(art: dict[str, Any], recs: list[dict[str, Any]], store_id: str) -> DocRow:
    """The DocRow ``tidings ingest`` would write for this coded document: stored under the reader's
    key, its events' ``doc_id`` and ``id`` re-derived for that id, the source as a real path."""
    source, where, line = _store_source(art["source"])
    agency = art.get("agency")
    for rec in recs:
        rec["doc_id"] = store_id
        rec["id"] = event_id(store_id, rec["sentence_index"], rec["event_type"], [a["code"] for a in rec["actors"]],
                             [a["code"] for a in rec["recipients"]], rec["trigger"]["start"])
        rec["article"] = {**(rec.get("article") or {}), "source": source, "agency": agency}
    article = {k: v for k, v in art.items() if k not in ("content_hash", "n_events", "key", "agency")}
    article.update(doc_id=store_id, source=source, dateline={"text": art.get("dateline"), "agency": agency})
    return DocRow(store_id, art["content_hash"], article, recs, input=where, line=line)


def _shard_items(out: Path, info: dict) -> Iterator[tuple[dict, list[dict]] | FailureRow]:
    """The documents (article row, its events) and failures of one finished shard, in its order."""
    files = info.get("files", [])
    events = [_Peek(_rows(out / f)) for f in files if f.startswith("events/")]
    for f in files:
        if f.startswith("articles/"):
            for art in _rows(out / f):
                yield art, [r for p in events for r in p.take(art["doc_id"])]
        elif f.startswith("failures/"):
            for row in _rows(out / f):
                source = row["input"] + (f":{row['record']}" if row.get("record") else "")  # as the reader gave it
                where, line = location(source)
                yield FailureRow(source=source, reason=row["reason"], doc_id=row.get("key"),
                                 content_hash=row.get("content_hash"), input=where, line=line)


def ingest_batch(store: EventStore, out: str | Path, *, batch_size: int = 256,
                 on_progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Write the finished shards of the batch folder ``out`` into ``store``, as ``tidings ingest``
    of the same inputs would (same document ids, event ids, sources and failures).

    Returns an :class:`IngestReport` (``documents`` read, ``skipped`` unchanged, ``coded``: loaded,
    ``mentions``, ``failures``, ``events`` in the store at the end).  Raises ValueError when ``out``
    is not a batch folder.  Idempotent: loading the same folder again adds nothing."""
    outp = Path(out)
    if not is_batch_dir(outp):
        raise ValueError(f"{outp}: not a tidings batch folder (no _batch.json)")
    report = IngestReport()
    t0 = time.perf_counter()
    known, failed = store.known_hashes(), store.failed_doc_ids()
    store.release()
    docs: list[DocRow] = []
    fails: list[FailureRow] = []
    seen: dict[str, str] = {}

    def flush() -> None:
        ids = {d.doc_id for d in docs} | {f.doc_id for f in fails if f.doc_id}
        store.write_batch(docs, fails, replace={i for i in ids if i in known or i in failed})
        store.yield_to_readers()  # a reader of another process (tidings serve) asked: let it in
        known.update((d.doc_id, d.content_hash) for d in docs)
        docs.clear()
        fails.clear()

    for marker in sorted((outp / "_shards").glob("*.done")):
        info = json.loads(marker.read_text(encoding="utf-8"))
        for item in _shard_items(outp, info):
            report.documents += 1
            if isinstance(item, FailureRow):
                fails.append(item)
                report.note_failure(item.source, item.reason)
            else:
                art, recs = item
                store_id, h = art.get("key") or art["doc_id"], art["content_hash"]
                if store_id in seen and seen[store_id] != h:  # as tidings ingest: two documents, one id
                    store_id = f"{store_id}#{h[:12]}"
                if seen.get(store_id) == h or known.get(store_id) == h:
                    report.skipped += 1
                else:
                    docs.append(_document(art, recs, store_id))
                    report.coded += 1
                    report.mentions += len(recs)
                seen[store_id] = h
            if len(docs) + len(fails) >= batch_size:
                flush()
            if on_progress is not None:
                on_progress(report)
    if docs or fails:
        flush()
    report.events = store.counts()["events"]
    store.release()
    report.seconds = time.perf_counter() - t0
    return report
