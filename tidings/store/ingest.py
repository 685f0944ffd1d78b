"""Ingest documents into the event store: read -> code -> store, resumable and idempotent.

A document is identified by its :func:`document_id` (the reader's stable ``key``: JSONL id,
record URL, the file's real path, or ``stdin:`` + a hash of the text) and its
:func:`content_hash`.  A document already stored with the same hash is skipped before coding; a
changed one replaces its own rows; two different documents never share an id.
Coded documents are written in batches, one transaction each (see EventStore.write_batch),
so a run killed at any moment and started again ends with exactly the rows of an
uninterrupted run.  When readers in other processes (``tidings serve``, ``export``, ``stats``)
ask for the store, it is closed after each batch (EventStore.yield_to_readers), so they can open
it between batches (docs/store.md, "Reading while ingest runs").
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import time
from dataclasses import dataclass
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


def document_id(raw: RawDocument) -> str:
    """The id a document is stored under: the reader's ``key`` (stable across runs, see
    docs/store.md), else the caller's ``doc_id``."""
    return raw.key or raw.doc_id


def location(source: str | None) -> tuple[str | None, int | None]:
    """Where an input was read, from a reader ``source``: ``(real path, JSONL line or None)``;
    ``("-", line)`` for standard input; ``(None, None)`` for an option (``--lang``) or nothing.
    A file source never ends in ``:<digits>`` (it ends in its extension), so ``path:7`` is a line."""
    if not source or source.startswith("--"):
        return None, None
    head, sep, tail = source.rpartition(":")
    path, line = (head, int(tail)) if sep and head and tail.isdigit() else (source, None)
    if path == "-":
        return "-", line
    try:
        return os.path.realpath(path), line
    except (OSError, ValueError):
        return path, line


@dataclass
class IngestReport:
    """Counts of one ingest run: ``documents`` seen, ``skipped`` (unchanged), ``coded``,
    ``mentions`` written, ``failures`` recorded, ``seconds`` elapsed, ``events`` (the
    deduplicated events in the store at the end) and ``reasons`` (the first
    :data:`FIRST_REASONS` failures as ``"<source>: <reason>"`` lines)."""

    documents: int = 0
    skipped: int = 0
    coded: int = 0
    mentions: int = 0
    failures: int = 0
    events: int = 0
    seconds: float = 0.0
    reasons: list[str] = dataclasses.field(default_factory=list)

    def note_failure(self, source: str | None, reason: str) -> None:
        """Count a failure and keep its line while fewer than FIRST_REASONS are kept."""
        self.failures += 1
        if len(self.reasons) < FIRST_REASONS:
            self.reasons.append(f"{source or '?'}: {reason}")

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


FIRST_REASONS = 5


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
    failed_places = {(f["input"], f["line"]) for f in store.failures()}
    cleared: set[tuple[str, int | None]] = set()
    store.release()  # free while the first batch is coded; later batches keep it unless a reader asks
    docs: list[DocRow] = []
    fails: list[FailureRow] = []

    def flush() -> None:
        if docs or fails or cleared:
            ids = {d.doc_id for d in docs} | {f.doc_id for f in fails if f.doc_id}
            store.write_batch(docs, fails, replace={i for i in ids if i in known or i in failed}, clear=cleared)
            store.yield_to_readers()  # one transaction per batch, then the file is free for readers who asked
            failed_places.difference_update(cleared)
            cleared.clear()
            for d in docs:
                known[d.doc_id] = d.content_hash
                failed.discard(d.doc_id)
            for f in fails:
                if f.doc_id:
                    known.pop(f.doc_id, None)
                    failed.add(f.doc_id)
            docs.clear()
            fails.clear()

    seen: dict[str, str] = {}  # id -> content hash of the documents met in this run

    for item in documents:
        report.documents += 1
        if _is_failure(item):
            source = getattr(item, "source", None)
            where, line = location(source)
            report.note_failure(source, str(item.reason))
            if not (where and os.path.isdir(where)):  # a folder with nothing readable: reported, not a document
                fails.append(FailureRow(source=source, reason=str(item.reason), input=where, line=line))
        else:
            raw: RawDocument = item
            h = content_hash(raw)
            doc_id = document_id(raw)
            if doc_id in seen and seen[doc_id] != h:  # another document under a seen id (a JSONL id repeated)
                doc_id = f"{doc_id}#{h[:12]}"
            if seen.get(doc_id) == h or known.get(doc_id) == h:  # met in this run, or stored unchanged
                report.skipped += 1
                place = location(raw.source)
                if place in failed_places and place[0] != "-":  # its line failed before, now it reads
                    cleared.add(place)
            else:
                _code_into(raw, doc_id, h, coder, docs, fails, report)
            seen[doc_id] = h
        if len(docs) + len(fails) >= batch_size:
            flush()
        if on_progress is not None:
            on_progress(report)
    flush()
    report.events = store.counts()["events"]
    store.release()
    report.seconds = time.perf_counter() - t0
    return report


def as_stored(raw: RawDocument, doc_id: str | None = None) -> RawDocument:
    """The document as the store codes it: under ``doc_id`` (default :func:`document_id`), so its
    event ids are the store's own, and with ``source`` naming the file by its real path (+ ``:line``)
    rather than as typed (exports' SOURCEURL, the ``--out`` guard)."""
    where, line = location(raw.source)
    real = where not in (None, "-") and os.path.exists(where)  # not a name a caller made up
    source = (f"{where}:{line}" if line else where) if real else raw.source
    return dataclasses.replace(raw, doc_id=doc_id or document_id(raw), source=source)


def stored_record(event: Any, article: Any) -> dict[str, Any]:
    """An event's record as the store keeps it: ``Event.to_dict()`` plus ``article.agency``, the
    news agency of the article's dateline (None without one); tidings.store.from_batch does the same."""
    rec = event.to_dict() if hasattr(event, "to_dict") else dict(event)
    rec["article"] = {**(rec.get("article") or {}), "agency": getattr(getattr(article, "dateline", None), "agency", None)}
    return rec


def _code_into(raw: RawDocument, doc_id: str, h: str, coder: Any, docs: list[DocRow],
               fails: list[FailureRow], report: IngestReport) -> None:
    """Code one document as stored (:func:`as_stored`) with the one document loop's step, and
    queue its row or its failure."""
    where, line = location(raw.source)
    stored = as_stored(raw, doc_id)
    res = code_one(coder, stored)
    if res.ok:
        art = _article_dict(res.article, stored)
        recs = [stored_record(e, res.article) for e in res.events]
        docs.append(DocRow(doc_id, h, art, recs, input=where, line=line))
        report.coded += 1
        report.mentions += len(recs)
    else:
        reason = res.error.removeprefix(f"{res.source}: ")
        fails.append(FailureRow(source=stored.source or doc_id, reason=reason, doc_id=doc_id, content_hash=h,
                                input=where, line=line))
        report.note_failure(raw.source or doc_id, reason)
