"""Ingest documents into the event store: read -> code -> store, resumable and idempotent.

A document is identified by ``doc_id`` and its :func:`content_hash`.  A document already
stored with the same hash is skipped before coding; a changed one replaces its own rows.
Coded documents are written in batches, one transaction each (see EventStore.write_batch),
so a run killed at any moment and started again ends with exactly the rows of an
uninterrupted run.  The store's file is open only while a batch is written (EventStore.release
after each), so readers in other processes (``tidings serve``, ``export``, ``stats``) can open it
between batches (docs/store.md, "Reading while ingest runs").
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from tidings.records import RawDocument
from tidings.run import code_one
from tidings.store.db import DocRow, EventStore, FailureRow


def content_hash(raw: RawDocument) -> str:
    """SHA-256 (hex) of what determines a document's events: its text or HTML, URL,
    publication date and language hint."""
    h = hashlib.sha256()
    for part in (raw.text, raw.html, raw.url, raw.published, raw.lang):
        h.update((part or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


@dataclass
class IngestReport:
    """Counts of one ingest run: ``documents`` seen, ``skipped`` (unchanged), ``coded``,
    ``mentions`` written, ``failures`` recorded, ``seconds`` elapsed, and ``events`` (the
    deduplicated events in the store at the end)."""

    documents: int = 0
    skipped: int = 0
    coded: int = 0
    mentions: int = 0
    failures: int = 0
    events: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _is_failure(item: Any) -> bool:
    return not isinstance(item, RawDocument) and hasattr(item, "reason")


def _article_dict(article: Any, raw: RawDocument) -> dict[str, Any]:
    d = article.to_dict() if hasattr(article, "to_dict") else dict(article)
    d.setdefault("source", raw.source)
    if not d.get("url"):
        d["url"] = raw.url
    return d


def ingest(
    store: EventStore,
    documents: Iterable[Any],
    coder: Any,
    *,
    batch_size: int = 64,
    on_progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Code ``documents`` (RawDocument or reader ``Failure(source, reason)`` items) with
    ``coder.code_document(raw) -> (Article, list[Event])`` and write them to ``store``.

    A document whose coding raises is recorded in ``failures`` with
    ``"<ExceptionName>: <message>"`` and the run goes on.  ``batch_size`` documents go in one
    transaction.  ``on_progress`` is called with the running report after each document.
    Returns the :class:`IngestReport`.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    report = IngestReport()
    t0 = time.perf_counter()
    known = store.known_hashes()
    failed = store.failed_doc_ids()
    store.release()  # the file stays closed while documents are coded (readers may open it)
    docs: list[DocRow] = []
    fails: list[FailureRow] = []
    pending: set[str] = set()

    def flush() -> None:
        if docs or fails:
            ids = {d.doc_id for d in docs} | {f.doc_id for f in fails if f.doc_id}
            store.write_batch(docs, fails, replace={i for i in ids if i in known or i in failed})
            store.release()  # one transaction per batch, then the file is free for readers
            for d in docs:
                known[d.doc_id] = d.content_hash
                failed.discard(d.doc_id)
            for f in fails:
                if f.doc_id:
                    known.pop(f.doc_id, None)
                    failed.add(f.doc_id)
            docs.clear()
            fails.clear()
            pending.clear()

    for item in documents:
        report.documents += 1
        if _is_failure(item):
            fails.append(FailureRow(source=getattr(item, "source", None), reason=str(item.reason)))
            report.failures += 1
        else:
            raw: RawDocument = item
            h = content_hash(raw)
            if known.get(raw.doc_id) == h:
                report.skipped += 1
            else:
                if raw.doc_id in pending:  # same doc_id twice in a batch: the later one wins
                    flush()
                pending.add(raw.doc_id)
                res = code_one(coder, raw)  # the one document loop's step (tidings.run)
                if res.ok:
                    recs = [e.to_dict() if hasattr(e, "to_dict") else dict(e) for e in res.events]
                    docs.append(DocRow(raw.doc_id, h, _article_dict(res.article, raw), recs))
                    report.coded += 1
                    report.mentions += len(recs)
                else:
                    fails.append(FailureRow(source=raw.source or raw.doc_id, reason=res.error.removeprefix(f"{res.source}: "),
                                            doc_id=raw.doc_id, content_hash=h))
                    report.failures += 1
        if len(docs) + len(fails) >= batch_size:
            flush()
        if on_progress is not None:
            on_progress(report)
    flush()
    report.events = store.counts()["events"]
    store.release()
    report.seconds = time.perf_counter() - t0
    return report


def load_coder() -> Any:
    """The pipeline's ``Coder()`` (tidings.pipeline); raises RuntimeError with a clear message
    when the pipeline is not available."""
    try:
        from tidings.pipeline import Coder  # type: ignore[import-not-found]
    except ImportError as exc:
        raise RuntimeError(f"the coding pipeline (tidings.pipeline) is not available: {exc}") from None
    return Coder()


def iter_paths(paths: Iterable[str | Path], **kw: Any) -> Iterable[Any]:
    """Documents of ``paths`` through ``tidings.read.iter_documents`` (keyword options passed on)."""
    try:
        from tidings.read import iter_documents  # type: ignore[attr-defined]
    except ImportError as exc:
        raise RuntimeError(f"the readers (tidings.read) are not available: {exc}") from None
    return iter_documents([str(p) for p in paths], **kw)
