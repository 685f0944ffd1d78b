"""Read-only queries of ``tidings serve`` over the event store (docs/serve.md).

Every value from a request reaches SQL as a bound parameter; the only SQL text built from a
request is chosen from fixed whitelists (sort keys, stats keys).  Bad values raise
:class:`ParamError` naming the query parameter, which the app answers with HTTP 422.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from tidings.store.export import ExportError, ExportFilter

QUAD_CLASSES = (1, 2, 3, 4)
MODALITIES = ("asserted", "claimed", "negated", "hypothetical", "future")
#: sort key (``-`` prefix for descending) -> events column
SORTS = {"date": "date", "goldstein": "goldstein", "confidence": "confidence",
         "mentions": "num_mentions", "type": "event_type", "id": "event_id"}
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
MAX_TEXT = 200

#: columns of one row of ``GET /events``
LIST_COLUMNS = ("event_id", "date", "event_type", "mode", "cameo_code", "goldstein", "quad_class",
                "actor_codes", "actor_countries", "recipient_codes", "recipient_countries",
                "location_name", "location_country", "location_lat", "location_lon", "modality",
                "confidence", "num_mentions", "num_articles", "doc_id", "sentence", "trigger_text",
                "language", "url", "source_name", "published")


class ParamError(ValueError):
    """A request parameter has a bad value.  ``param`` names it; the message says what is allowed."""

    def __init__(self, param: str, message: str):
        super().__init__(f"parameter {param!r}: {message}")
        self.param = param


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _iso3(param: str, value: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{3}", value):
        raise ParamError(param, f"{value[:40]!r} is not a 3-letter country code (ISO 3166-1 alpha-3, e.g. AZE)")
    return value.upper()


@dataclass
class EventFilter:
    """The filters of ``GET /events``, ``/stats`` and ``/places``.

    ``since``/``until``: ISO ``YYYY[-MM[-DD]]``, inclusive, on the event date; ``country``:
    comma list of ISO3 codes matched against actor, recipient and place countries (any);
    ``actor_country``/``recipient_country``: ISO3 in the actor/recipient countries;
    ``dyad``: ``AAA-BBB`` (actor country AAA acting on recipient country BBB; ``->`` also
    accepted); ``type``: comma list of PLOVER types; ``quad_class``: comma list of 1-4;
    ``modality``: comma list of modalities; ``language``: ISO 639-1; ``q``: words that must
    occur (case-insensitive, as a substring) in the evidence sentence or trigger of one of the
    event's mentions.  Raises :class:`ParamError` for a bad value."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    actor_country: str | None = None
    recipient_country: str | None = None
    dyad: str | None = None
    type: str | None = None
    quad_class: str | None = None
    modality: str | None = None
    language: str | None = None
    q: str | None = None
    _base: ExportFilter = field(init=False, repr=False)

    def __post_init__(self) -> None:
        try:
            self._base = ExportFilter(since=self.since or None, until=self.until or None,
                                      countries=[self.country] if self.country else [],
                                      types=[self.type] if self.type else [])
        except ExportError as exc:  # "--since '2024-13' is not ..." -> the query parameter's name
            msg = str(exc)
            name = msg.split()[0].lstrip("-")
            raise ParamError(name if name in ("since", "until", "country") else "type",
                             msg.split(" ", 1)[1]) from None
        self._actor = _iso3("actor_country", self.actor_country) if self.actor_country else None
        self._recipient = _iso3("recipient_country", self.recipient_country) if self.recipient_country else None
        self._dyad = None
        if self.dyad:
            parts = re.split(r"->|-|>|,", self.dyad)
            if len(parts) != 2:
                raise ParamError("dyad", f"{self.dyad[:40]!r} is not ACTOR-RECIPIENT (two ISO3 codes, e.g. RUS-UKR)")
            self._dyad = (_iso3("dyad", parts[0].strip()), _iso3("dyad", parts[1].strip()))
        self._quads = []
        for v in _split(self.quad_class):
            if v not in {str(q) for q in QUAD_CLASSES}:
                raise ParamError("quad_class", f"{v[:20]!r} is not a QuadClass (1, 2, 3 or 4)")
            self._quads.append(int(v))
        self._modalities = []
        for v in _split(self.modality):
            if v.lower() not in MODALITIES:
                raise ParamError("modality", f"{v[:20]!r} is not one of {', '.join(MODALITIES)}")
            self._modalities.append(v.lower())
        if self.language and not re.fullmatch(r"[A-Za-z]{2,3}", self.language):
            raise ParamError("language", f"{self.language[:20]!r} is not an ISO 639-1 code such as 'es'")
        if self.q is not None and len(self.q) > MAX_TEXT:
            raise ParamError("q", f"search text longer than {MAX_TEXT} characters")

    def where(self) -> tuple[str, list[Any]]:
        """SQL condition over the ``events`` table and its bound parameters.  Dates compare as
        strings (ISO dates sort as text): ``until`` 2024-03 keeps every date up to
        ``2024-03~`` ('~' sorts after digits and '-'), i.e. all of March."""
        parts, params = [], []
        if self._base.since:
            parts.append("date >= ?")
            params.append(self._base.since)
        if self._base.until:
            parts.append("date <= ?")
            params.append(self._base.until + "~")
        if self._base.countries:  # any of them as actor, recipient or place
            parts.append(" OR ".join(["list_contains(actor_countries, ?) OR list_contains(recipient_countries, ?) "
                                      "OR location_country = ?"] * len(self._base.countries)))
            params += [v for c in self._base.countries for v in (c, c, c)]
        if self._base.types:
            parts.append(f"event_type IN ({','.join('?' * len(self._base.types))})")
            params += self._base.types
        if self._actor:
            parts.append("list_contains(actor_countries, ?)")
            params.append(self._actor)
        if self._recipient:
            parts.append("list_contains(recipient_countries, ?)")
            params.append(self._recipient)
        if self._dyad:
            parts.append("list_contains(actor_countries, ?) AND list_contains(recipient_countries, ?)")
            params += list(self._dyad)
        if self._quads:
            parts.append(f"quad_class IN ({','.join('?' * len(self._quads))})")
            params += self._quads
        if self._modalities:
            parts.append(f"modality IN ({','.join('?' * len(self._modalities))})")
            params += self._modalities
        if self.language:
            parts.append("language = ?")
            params.append(self.language.lower())
        if self.q and self.q.strip():
            pattern = "%" + re.sub(r"([\\%_])", r"\\\1", self.q.strip()) + "%"
            parts.append("event_id IN (SELECT event_id FROM mentions "
                         "WHERE sentence ILIKE ? ESCAPE '\\' OR trigger_text ILIKE ? ESCAPE '\\')")
            params += [pattern, pattern]
        return " AND ".join(f"({p})" for p in parts) or "TRUE", params


def order_by(sort: str) -> str:
    """``ORDER BY`` text for a sort key of :data:`SORTS` (``-key`` descending); ties by id.
    Raises ParamError for another key."""
    key = sort.lstrip("-")
    if key not in SORTS:
        raise ParamError("sort", f"{sort[:30]!r} is not one of {', '.join(SORTS)} (prefix - for descending)")
    direction = "DESC" if sort.startswith("-") else "ASC"
    return f"{SORTS[key]} {direction} NULLS LAST, event_id"


def list_events(con: Any, flt: EventFilter, sort: str = "-date", limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """One page of events: ``{"total", "limit", "offset", "events": [row of LIST_COLUMNS]}``.
    Raises ParamError for a bad ``sort``, ``limit`` (1..500) or ``offset`` (0..1,000,000)."""
    if not 1 <= limit <= MAX_LIMIT:
        raise ParamError("limit", f"{limit} is outside 1..{MAX_LIMIT}")
    if not 0 <= offset <= MAX_OFFSET:
        raise ParamError("offset", f"{offset} is outside 0..{MAX_OFFSET}")
    where, params = flt.where()
    order = order_by(sort)
    # one scan finds the page's ids and the total; the page's columns are then fetched by id
    # (index events_event_id): reading every column of every matching row costs 5x more
    if where == "TRUE":  # no filter: the count is in the table's metadata, the top-N needs no window
        total = con.execute("SELECT count(*) FROM events").fetchone()[0]
        page = con.execute(f"SELECT event_id FROM events ORDER BY {order} LIMIT ? OFFSET ?", [limit, offset]).fetchall()
    else:
        page = con.execute(f"SELECT event_id, count(*) OVER () FROM events WHERE {where} "
                           f"ORDER BY {order} LIMIT ? OFFSET ?", params + [limit, offset]).fetchall()
        total = page[0][1] if page else con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()[0]
    ids = [r[0] for r in page]
    rows = {}
    if ids:
        cur = con.execute(f"SELECT {', '.join(LIST_COLUMNS)} FROM events "
                          f"WHERE event_id IN ({','.join('?' * len(ids))})", ids)
        rows = {r[0]: dict(zip(LIST_COLUMNS, r)) for r in cur.fetchall()}
    return {"total": total, "limit": limit, "offset": offset, "events": [rows[i] for i in ids if i in rows]}


def get_event(con: Any, event_id: str) -> dict[str, Any] | None:
    """One event: its record (``tidings.dedup.Cluster.to_dict()``) under ``"event"`` and every
    mention (evidence sentence, trigger span, article) under ``"mentions"``; None if unknown."""
    row = con.execute("SELECT record FROM events WHERE event_id = ?", [event_id]).fetchone()
    if row is None:
        return None
    cols = ("mention_id", "doc_id", "sentence_index", "sentence_start", "sentence_end", "sentence",
            "trigger_text", "trigger_start", "trigger_end", "date", "modality", "confidence",
            "url", "published", "source_name", "title")
    mentions = [dict(zip(cols, r)) for r in con.execute(
        "SELECT m.mention_id, m.doc_id, m.sentence_index, m.sentence_start, m.sentence_end, m.sentence, "
        "m.trigger_text, m.trigger_start, m.trigger_end, m.date, m.modality, m.confidence, m.url, "
        "m.published, m.source_name, a.title FROM mentions m LEFT JOIN articles a USING (doc_id) "
        "WHERE m.event_id = ? ORDER BY m.doc_id, m.sentence_index, m.mention_id", [event_id]).fetchall()]
    return {"event": json.loads(row[0]), "mentions": mentions}


def list_places(con: Any, flt: EventFilter, limit: int = 2000) -> list[dict[str, Any]]:
    """Event places with coordinates, most events first: ``name``, ``country``, ``lat``,
    ``lon``, ``events`` (count) and ``goldstein_mean``."""
    where, params = flt.where()
    cur = con.execute(
        "SELECT any_value(location_name), location_country, location_lat, location_lon, count(*), "
        f"round(avg(goldstein), 2) FROM events WHERE location_lat IS NOT NULL AND {where} "
        "GROUP BY location_country, location_lat, location_lon ORDER BY count(*) DESC, 1 LIMIT ?",
        params + [limit])
    keys = ("name", "country", "lat", "lon", "events", "goldstein_mean")
    return [dict(zip(keys, r)) for r in cur.fetchall()]
