"""Rows of the event store's tables, built from coded documents before a write.

:func:`batch_rows` turns one batch of :class:`DocRow` and :class:`FailureRow` into the rows of the
``articles``, ``mentions``, ``actors`` and ``failures`` tables (``schema.sql``, docs/store.md), with
the Arrow schema of each table; :func:`event_row` flattens one deduplicated event (a
:meth:`tidings.dedup.Cluster.to_dict` record) into an ``events`` row.  Nothing here touches the
database: :class:`tidings.store.db.EventStore` writes the rows in one transaction.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterable

import pyarrow as pa

from tidings.dedup import group_key, source_name


@dataclass
class DocRow:
    """One coded document ready to be written: the article (``Article.to_dict()`` shape) and
    its event records (``Event.to_dict()`` shape).  ``input``/``line``: where it was read (the
    file's real path and JSONL line, see :func:`tidings.store.ingest.location`); an earlier
    failure recorded there is removed when the document is written."""

    doc_id: str
    content_hash: str
    article: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)
    input: str | None = None
    line: int | None = None


@dataclass
class FailureRow:
    """An input that failed: ``source`` (path or ``path:line`` as given), ``doc_id`` when known,
    reason, and ``input``/``line`` (the file's real path, the JSONL line): a later failure or
    success at the same place replaces it."""

    source: str | None
    reason: str
    doc_id: str | None = None
    content_hash: str | None = None
    input: str | None = None
    line: int | None = None


def _sentence_offsets(text: str | None, rec: dict[str, Any]) -> tuple[int | None, int | None]:
    sent = rec.get("sentence") or ""
    trig = rec.get("trigger") or {}
    if not text or not sent:
        return None, None
    t0 = trig.get("start") or 0
    lo = max(0, int(t0) - len(sent))
    idx = text.find(sent, lo)
    if idx < 0 or idx > t0:
        idx = text.find(sent)
    if idx < 0:
        return None, None
    return idx, idx + len(sent)


_LIST = pa.list_(pa.string())

EVENT_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("group_key", pa.string()), ("dedup_rule", pa.string()),
    ("event_type", pa.string()), ("mode", pa.string()), ("contexts", _LIST),
    ("cameo_code", pa.string()), ("cameo_root", pa.string()), ("goldstein", pa.float64()),
    ("quad_class", pa.int32()), ("date", pa.string()), ("date_precision", pa.string()),
    ("date_source", pa.string()), ("actor_codes", _LIST), ("actor_countries", _LIST),
    ("recipient_codes", _LIST), ("recipient_countries", _LIST), ("location_name", pa.string()),
    ("location_country", pa.string()), ("location_admin1", pa.string()),
    ("location_lat", pa.float64()), ("location_lon", pa.float64()),
    ("location_geonameid", pa.int64()), ("location_precision", pa.string()),
    ("modality", pa.string()), ("confidence", pa.float64()), ("num_mentions", pa.int32()),
    ("num_articles", pa.int32()), ("num_sources", pa.int32()), ("doc_id", pa.string()),
    ("sentence_index", pa.int32()), ("sentence", pa.string()), ("trigger_text", pa.string()),
    ("language", pa.string()), ("url", pa.string()), ("source_name", pa.string()),
    ("published", pa.string()), ("record", pa.string()),
])

MENTION_SCHEMA = pa.schema([
    ("mention_id", pa.string()), ("event_id", pa.string()), ("group_key", pa.string()),
    ("doc_id", pa.string()), ("sentence_index", pa.int32()), ("sentence_start", pa.int32()),
    ("sentence_end", pa.int32()), ("sentence", pa.string()), ("trigger_text", pa.string()),
    ("trigger_start", pa.int32()), ("trigger_end", pa.int32()), ("event_type", pa.string()),
    ("cameo_code", pa.string()), ("date", pa.string()), ("modality", pa.string()),
    ("confidence", pa.float64()), ("source_name", pa.string()), ("url", pa.string()),
    ("published", pa.string()), ("record", pa.string()),
])

ACTOR_SCHEMA = pa.schema([
    ("mention_id", pa.string()), ("doc_id", pa.string()), ("role", pa.string()),
    ("position", pa.int32()), ("text", pa.string()), ("name", pa.string()),
    ("country", pa.string()), ("sector", pa.string()), ("code", pa.string()),
    ("start_offset", pa.int32()), ("end_offset", pa.int32()),
])

ARTICLE_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("content_hash", pa.string()), ("source", pa.string()),
    ("url", pa.string()), ("title", pa.string()), ("published", pa.string()),
    ("published_source", pa.string()), ("language", pa.string()), ("section", pa.string()),
    ("dateline", pa.string()), ("agency", pa.string()), ("n_chars", pa.int32()), ("n_mentions", pa.int32()),
    ("ingested_at", pa.timestamp("us")), ("text", pa.string()),
])

FAILURE_SCHEMA = pa.schema([
    ("source", pa.string()), ("doc_id", pa.string()), ("content_hash", pa.string()),
    ("reason", pa.string()), ("failed_at", pa.timestamp("us")), ("input", pa.string()),
    ("line", pa.int32()),
])

_PLACE_SCHEMA = pa.schema([("input", pa.string()), ("line", pa.int32())])


def event_row(cluster: dict[str, Any], key: str) -> dict[str, Any]:
    """Flatten a :meth:`tidings.dedup.Cluster.to_dict` record into an ``events`` table row."""
    loc = cluster.get("location") or {}
    art = cluster.get("article") or {}
    actors = cluster.get("actors") or []
    recips = cluster.get("recipients") or []
    gid = loc.get("geonameid")
    return {
        "event_id": cluster["id"], "group_key": key, "dedup_rule": cluster.get("dedup_rule"),
        "event_type": cluster.get("event_type"), "mode": cluster.get("mode"),
        "contexts": list(cluster.get("contexts") or []),
        "cameo_code": cluster.get("cameo_code"), "cameo_root": cluster.get("cameo_root"),
        "goldstein": cluster.get("goldstein"), "quad_class": cluster.get("quad_class"),
        "date": cluster.get("date"), "date_precision": cluster.get("date_precision"),
        "date_source": cluster.get("date_source"),
        "actor_codes": [a.get("code") or ((a.get("country") or "---") + (a.get("sector") or "")) for a in actors],
        "actor_countries": sorted({a.get("country") for a in actors if a.get("country")}),
        "recipient_codes": [a.get("code") or ((a.get("country") or "---") + (a.get("sector") or "")) for a in recips],
        "recipient_countries": sorted({a.get("country") for a in recips if a.get("country")}),
        "location_name": loc.get("name") or loc.get("text"), "location_country": loc.get("country"),
        "location_admin1": loc.get("admin1"), "location_lat": loc.get("lat"),
        "location_lon": loc.get("lon"), "location_geonameid": int(gid) if gid is not None else None,
        "location_precision": loc.get("precision"), "modality": cluster.get("modality"),
        "confidence": cluster.get("confidence"), "num_mentions": cluster.get("num_mentions"),
        "num_articles": cluster.get("num_articles"), "num_sources": cluster.get("num_sources"),
        "doc_id": cluster.get("doc_id"), "sentence_index": cluster.get("sentence_index"),
        "sentence": cluster.get("sentence"), "trigger_text": (cluster.get("trigger") or {}).get("text"),
        "language": cluster.get("language"), "url": art.get("url"),
        "source_name": source_name(cluster), "published": art.get("published"),
        "record": json.dumps(cluster, ensure_ascii=False, sort_keys=False),
    }


def mention_row(rec: dict[str, Any], doc_id: str, key: str, text: str | None) -> dict[str, Any]:
    """A ``mentions`` row of one event record (``Event.to_dict()`` shape) of document ``doc_id``
    in dedup group ``key``; ``text`` is the article text the sentence offsets index.  Its
    ``event_id`` is None until the events are recomputed."""
    s0, s1 = _sentence_offsets(text, rec)
    trig = rec.get("trigger") or {}
    a = rec.get("article") or {}
    return {
        "mention_id": rec["id"], "event_id": None, "group_key": key, "doc_id": doc_id,
        "sentence_index": rec.get("sentence_index"), "sentence_start": s0, "sentence_end": s1,
        "sentence": rec.get("sentence"), "trigger_text": trig.get("text"),
        "trigger_start": trig.get("start"), "trigger_end": trig.get("end"),
        "event_type": rec.get("event_type"), "cameo_code": rec.get("cameo_code"),
        "date": rec.get("date"), "modality": rec.get("modality"),
        "confidence": rec.get("confidence"), "source_name": source_name(rec),
        "url": a.get("url"), "published": a.get("published"),
        "record": json.dumps(rec, ensure_ascii=False),
    }


def actor_rows(rec: dict[str, Any], doc_id: str) -> list[dict[str, Any]]:
    """The ``actors`` rows of one event record: its actors then its recipients, each with its
    role (``actor``/``recipient``) and position in its list."""
    rows = []
    for role, lst in (("actor", rec.get("actors") or []), ("recipient", rec.get("recipients") or [])):
        for i, ac in enumerate(lst):
            rows.append({
                "mention_id": rec["id"], "doc_id": doc_id, "role": role, "position": i,
                "text": ac.get("text"), "name": ac.get("name"), "country": ac.get("country"),
                "sector": ac.get("sector"), "code": ac.get("code"),
                "start_offset": ac.get("start"), "end_offset": ac.get("end"),
            })
    return rows


def article_row(d: DocRow, n_mentions: int, now: datetime) -> dict[str, Any]:
    """The ``articles`` row of a document with ``n_mentions`` distinct mentions, ingested at
    ``now`` (naive UTC); the dateline is a record (``text``, ``agency``) or its text alone."""
    art = d.article
    dl = art.get("dateline")
    return {
        "doc_id": d.doc_id, "content_hash": d.content_hash, "source": art.get("source"),
        "url": art.get("url"), "title": art.get("title"), "published": art.get("published"),
        "published_source": art.get("published_source"), "language": art.get("language"),
        "section": art.get("section"),
        "dateline": (dl.get("text") if isinstance(dl, dict) else dl),
        "agency": dl.get("agency") if isinstance(dl, dict) else art.get("agency"),
        "n_chars": len(art.get("text") or ""), "n_mentions": n_mentions, "ingested_at": now,
        "text": art.get("text"),
    }


def failure_row(f: FailureRow, now: datetime) -> dict[str, Any]:
    """The ``failures`` row of a failed input, failed at ``now`` (naive UTC)."""
    return {"source": f.source, "doc_id": f.doc_id, "content_hash": f.content_hash,
            "reason": f.reason, "failed_at": now, "input": f.input, "line": f.line}


@dataclass
class BatchRows:
    """The rows one :meth:`tidings.store.db.EventStore.write_batch` call inserts.

    ``articles``/``mentions``/``actors``/``failures``: table rows (schemas above); ``records``:
    the event records of the new mentions, in order; ``keys``: their dedup group keys;
    ``doc_ids``: every document and failure doc_id of the batch; ``places``: the (input, line)
    places whose earlier failure rows are outdated."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    failures: list[dict[str, Any]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    doc_ids: set[str] = field(default_factory=set)
    places: set[tuple[str, int | None]] = field(default_factory=set)


def batch_rows(docs: list[DocRow], failures: Iterable[FailureRow], rule: str, now: datetime,
               clear: Iterable[tuple[str, int | None]] = ()) -> BatchRows:
    """The rows of a batch of coded documents and failures under dedup ``rule`` (tidings.dedup).

    A mention id repeated within one document is stored once.  ``places``: every failure's
    place and every success's except standard input's (another stream's line 3 is another
    document), plus ``clear``."""
    failures = list(failures)
    out = BatchRows(failures=[failure_row(f, now) for f in failures])
    out.doc_ids = {d.doc_id for d in docs} | {f.doc_id for f in failures if f.doc_id}
    out.places = {(f.input, f.line) for f in failures if f.input} | {
        (d.input, d.line) for d in docs if d.input and d.input != "-"} | set(clear)
    for d in docs:
        seen: set[str] = set()
        for rec in d.events:
            if rec["id"] in seen:
                continue
            seen.add(rec["id"])
            key = group_key(rec, rule)
            out.keys.add(key)
            out.records.append(rec)
            out.mentions.append(mention_row(rec, d.doc_id, key, d.article.get("text")))
            out.actors.extend(actor_rows(rec, d.doc_id))
        out.articles.append(article_row(d, len(seen), now))
    return out
