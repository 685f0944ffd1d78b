"""The article view of ``tidings serve``: an article's cleaned text and the character spans of
the evidence coded in it (triggers, actors, recipients, places, dates).

Offsets are Python string indices into the stored cleaned body (``articles.text``), half-open
``[start, end)`` as everywhere in tidings (docs/record.md).  A span is given only when the text
at its offsets is the text the coder saw, so a highlighted span is always right.
"""
from __future__ import annotations

import json
from typing import Any

from tidings.when import find_dates, parse_published

SPAN_KINDS = ("trigger", "actor", "recipient", "place", "date")


def _span(text: str, kind: str, start: Any, end: Any, expect: str | None, mention: str, event: str | None) -> dict | None:
    if start is None or end is None or not 0 <= int(start) < int(end) <= len(text):
        return None
    if expect is not None and text[int(start):int(end)] != expect:
        return None
    return {"kind": kind, "start": int(start), "end": int(end), "text": text[int(start):int(end)],
            "mention_id": mention, "event_id": event}


def _place_span(text: str, m: dict[str, Any], rec: dict[str, Any]) -> dict | None:
    loc = rec.get("location") or {}
    word, s0, s1 = loc.get("text"), m["sentence_start"], m["sentence_end"]
    if not word or s0 is None or s1 is None:
        return None
    i = text.find(word, s0, s1)
    return _span(text, "place", i, i + len(word), word, m["mention_id"], m["event_id"]) if i >= 0 else None


def _date_spans(text: str, m: dict[str, Any], rec: dict[str, Any], lang: str | None, base: Any) -> list[dict]:
    """The date expressions of the mention's sentence that resolve to the mention's date."""
    s0, s1, date = m["sentence_start"], m["sentence_end"], rec.get("date")
    if s0 is None or s1 is None or not date or rec.get("date_source") not in ("explicit", "relative"):
        return []
    try:
        found = find_dates(text[s0:s1], lang or "en", base)
    except (ValueError, TypeError):  # a language without date rules
        return []
    return [sp for d in found if d.date == date
            for sp in [_span(text, "date", s0 + d.start, s0 + d.end, d.text, m["mention_id"], m["event_id"])] if sp]


def get_article(con: Any, doc_id: str) -> dict[str, Any] | None:
    """An article's metadata, ``text`` (the cleaned body; null for stores made before it was
    kept), its ``events`` (id, type, CAMEO code, Goldstein, QuadClass, date, modality, trigger,
    sentence index) and ``spans`` (``kind`` one of :data:`SPAN_KINDS`, ``start``, ``end``,
    ``text``, ``mention_id``, ``event_id``), sorted by start.  None for an unknown ``doc_id``.
    Headline events (sentence index -1) index the title, so they get no span in the body."""
    cols = ("doc_id", "source", "url", "title", "published", "language", "section", "dateline",
            "n_chars", "n_mentions", "ingested_at", "text")
    row = con.execute(f"SELECT {', '.join(cols)} FROM articles WHERE doc_id = ?", [doc_id]).fetchone()
    if row is None:
        return None
    art = dict(zip(cols, row))
    art["ingested_at"] = str(art["ingested_at"]) if art["ingested_at"] else None
    text = art["text"] or ""
    mcols = ("mention_id", "event_id", "sentence_index", "sentence_start", "sentence_end",
             "trigger_text", "trigger_start", "trigger_end", "record")
    mentions = [dict(zip(mcols, r)) for r in con.execute(
        f"SELECT {', '.join(mcols)} FROM mentions WHERE doc_id = ? ORDER BY sentence_index, trigger_start",
        [doc_id]).fetchall()]
    actors = con.execute("SELECT mention_id, role, text, start_offset, end_offset FROM actors WHERE doc_id = ?",
                         [doc_id]).fetchall()
    base = parse_published(art["published"])
    spans: list[dict] = []
    events = []
    by_mention = {}
    for m in mentions:
        rec = json.loads(m.pop("record") or "{}")
        by_mention[m["mention_id"]] = m
        events.append({"event_id": m["event_id"], "mention_id": m["mention_id"], "event_type": rec.get("event_type"),
                       "cameo_code": rec.get("cameo_code"), "goldstein": rec.get("goldstein"),
                       "quad_class": rec.get("quad_class"), "date": rec.get("date"), "modality": rec.get("modality"),
                       "actors": [a.get("code") for a in rec.get("actors") or []],
                       "recipients": [a.get("code") for a in rec.get("recipients") or []],
                       "place": (rec.get("location") or {}).get("name"),
                       "trigger": m["trigger_text"], "sentence_index": m["sentence_index"]})
        if m["sentence_index"] is None or m["sentence_index"] < 0:
            continue
        spans.append(_span(text, "trigger", m["trigger_start"], m["trigger_end"], m["trigger_text"],
                           m["mention_id"], m["event_id"]))
        spans.append(_place_span(text, m, rec))
        spans.extend(_date_spans(text, m, rec, art["language"], base))
    for mid, role, word, s, e in actors:
        m = by_mention.get(mid)
        if m is not None and (m["sentence_index"] or 0) >= 0:
            spans.append(_span(text, role, s, e, word, mid, m["event_id"]))
    unique = {(s["kind"], s["start"], s["end"], s["mention_id"]): s for s in spans if s}
    art["spans"] = sorted(unique.values(), key=lambda s: (s["start"], -s["end"], SPAN_KINDS.index(s["kind"])))
    art["events"] = events
    return art
