"""Exports of the deduplicated ``events`` table: jsonl, csv, parquet, plover, gdelt, icews.

* ``jsonl``   the native record (DESIGN.md contract) + ``num_mentions``/``num_articles``/
              ``num_sources``/``dedup_rule``/``mentions`` (tidings.dedup.Cluster.to_dict).
* ``csv``     flat columns (:data:`FLAT_COLUMNS`), lists joined with ``;``, header line.
* ``parquet`` the same flat columns, lists kept as lists (written by DuckDB ``COPY``).
* ``plover``  PLOVER JSON Lines (PLOVER manual Draft 0.8, ch. "Data Fields").
* ``gdelt``   the GDELT 2.0 Events table: 61 tab-separated columns in codebook order, no
              header (GDELT Event Codebook V2.0; :data:`GDELT_COLUMNS`); geo country codes
              are FIPS 10-4 (``fips.tsv``).
* ``icews``   ICEWS-style tab-separated file with the 20 columns of the Dataverse event
              files (doi:10.7910/DVN/28075; :data:`ICEWS_COLUMNS`), with a header line.

This module selects and writes; the record converters of the plover, gdelt and icews formats are
in :mod:`tidings.store.formats` and the code tables they use in :mod:`tidings.store.codetables`
(both re-exported here).
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, TextIO

from tidings.store.codetables import (cameo_names, cameo_types, country_name, fips_by_admin1, fips_codes,
                                      fips_names, fips_of, icews_sectors, nonstate_codes)
from tidings.store.db import EventStore
from tidings.store.formats import (GDELT_COLUMNS, ICEWS_COLUMNS, clean_cells, dyad_event_id, dyads, gdelt_event_id,
                                   publisher, to_gdelt, to_icews, to_plover)

__all__ = [
    "FORMATS", "PLOVER_TYPES", "FLAT_COLUMNS", "ExportError", "ExportFilter", "export_events",
    # record converters (tidings.store.formats)
    "GDELT_COLUMNS", "ICEWS_COLUMNS", "to_plover", "to_gdelt", "to_icews", "dyads", "dyad_event_id",
    "gdelt_event_id", "clean_cells", "publisher",
    # code tables (tidings.store.codetables)
    "fips_codes", "fips_by_admin1", "fips_names", "fips_of", "cameo_types", "icews_sectors", "nonstate_codes",
    "cameo_names", "country_name",
]

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt", "icews")

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

FLAT_COLUMNS = (
    "event_id", "date", "date_precision", "event_type", "mode", "contexts", "cameo_code", "cameo_root",
    "goldstein", "quad_class", "actor_codes", "actor_countries", "recipient_codes",
    "recipient_countries", "location_name", "location_country", "location_admin1", "location_lat",
    "location_lon", "location_geonameid", "location_precision", "modality", "confidence",
    "num_mentions", "num_articles", "num_sources", "doc_id", "sentence_index", "sentence",
    "trigger_text", "language", "url", "source_name", "published", "dedup_rule",
)
_LIST_COLUMNS = {"contexts", "actor_codes", "actor_countries", "recipient_codes", "recipient_countries"}

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class ExportError(ValueError):
    """Bad export options (format, date, country, event type, output path)."""


@dataclass
class ExportFilter:
    """Which events to export.  ``since``/``until``: ISO dates (``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``), inclusive, compared on the event date (``until=2024-03`` keeps all of
    March).  ``countries``: ISO 3166-1 alpha-3 (or PLOVER non-state) codes matched against
    actor, recipient and location countries.  ``types``: PLOVER event types.
    Raises ExportError naming the bad value."""

    since: str | None = None
    until: str | None = None
    countries: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            v = getattr(self, name)
            if v is not None and not _DATE_RE.match(v):
                raise ExportError(f"--{name} {v!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
            if v is not None:
                import datetime as _dt

                full = v + "-01" * ((10 - len(v)) // 3)  # 2024 -> 2024-01-01, 2024-03 -> 2024-03-01
                try:
                    _dt.date.fromisoformat(full)
                except ValueError:
                    raise ExportError(f"--{name} {v!r} is not a calendar date") from None
        countries = [c.strip() for c in self.countries for c in c.split(",") if c.strip()]
        for c in countries:
            if not re.fullmatch(r"[A-Za-z]{3}", c):
                raise ExportError(f"--country {c!r} is not a 3-letter code (ISO 3166-1 alpha-3, e.g. AZE)")
        self.countries = [c.upper() for c in countries]
        types = [t.strip() for t in self.types for t in t.split(",") if t.strip()]
        for t in types:
            if t.upper() not in PLOVER_TYPES:
                raise ExportError(f"--type {t!r} is not a PLOVER event type ({', '.join(PLOVER_TYPES)})")
        self.types = [t.upper() for t in types]

    def where(self) -> tuple[str, list[Any]]:
        """SQL ``WHERE`` clause over the ``events`` table and its parameters."""
        parts, params = ["TRUE"], []
        if self.since:
            parts.append("date IS NOT NULL AND date >= ?")
            params.append(self.since)
        if self.until:
            parts.append("date IS NOT NULL AND left(date, ?) <= ?")
            params += [len(self.until), self.until]
        if self.countries:
            ors = []
            for c in self.countries:
                ors.append("(list_contains(actor_countries, ?) OR list_contains(recipient_countries, ?) "
                           "OR location_country = ?)")
                params += [c, c, c]
            parts.append("(" + " OR ".join(ors) + ")")
        if self.types:
            parts.append("event_type IN (" + ",".join("?" * len(self.types)) + ")")
            params += self.types
        return " AND ".join(parts), params


# -- export ------------------------------------------------------------------------------------
def _records(store: EventStore, flt: ExportFilter) -> Iterator[dict[str, Any]]:
    for rec, _, _ in _records_with(store, flt, joined=False):
        yield rec


def _records_with(store: EventStore, flt: ExportFilter,
                  joined: bool = True) -> Iterator[tuple[dict[str, Any], str | None, str | None]]:
    """(record, added, agency) per event in export order: ``added`` = when the event entered
    the store (earliest ``ingested_at`` of its articles, YYYYMMDDHHMMSS), ``agency`` = the dateline
    agency of its representative article; both None when ``joined`` is False."""
    where, params = flt.where()
    if joined:
        sql = (f"SELECT e.record, strftime(x.added, '%Y%m%d%H%M%S'), r.agency FROM (SELECT * FROM events WHERE {where}) e "
               "LEFT JOIN (SELECT m.event_id, min(a.ingested_at) AS added FROM mentions m "
               "JOIN articles a ON a.doc_id = m.doc_id GROUP BY m.event_id) x ON x.event_id = e.event_id "
               "LEFT JOIN articles r ON r.doc_id = e.doc_id ORDER BY e.date, e.event_id")
    else:
        sql = f"SELECT record, NULL, NULL FROM events WHERE {where} ORDER BY date, event_id"
    cur = store.con.execute(sql, params)
    while True:
        rows = cur.fetchmany(10000)
        if not rows:
            return
        for r, added, agency in rows:
            yield json.loads(r), added, agency


def _flat_select(flt: ExportFilter, join_lists: bool) -> tuple[str, list[Any]]:
    where, params = flt.where()
    cols = [f"array_to_string({c}, ';') AS {c}" if join_lists and c in _LIST_COLUMNS else c
            for c in FLAT_COLUMNS]
    return f"SELECT {', '.join(cols)} FROM events WHERE {where} ORDER BY date, event_id", params


def _sql_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def export_events(store: EventStore, fmt: str, out: str | Path | None = None,
                  flt: ExportFilter | None = None, stream: TextIO | None = None) -> int:
    """Write the store's events in ``fmt`` (one of :data:`FORMATS`) to ``out`` (a path; None
    writes text formats to ``stream`` or stdout; parquet needs a path).  Returns the number of
    events written.  Raises ExportError for an unknown format or a missing parquet path."""
    flt = flt or ExportFilter()
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    where, params = flt.where()
    count = store.con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()[0]
    if fmt in ("parquet", "csv") and out is not None:
        sql, params = _flat_select(flt, join_lists=(fmt == "csv"))
        opts = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER true"
        # COPY cannot take prepared parameters: inline them as SQL literals.
        for p in params:
            lit = str(p) if isinstance(p, int) else _sql_str(str(p))
            sql = sql.replace("?", lit, 1)
        store.con.execute(f"COPY ({sql}) TO {_sql_str(str(out))} ({opts})")
        return count
    if fmt == "parquet":
        raise ExportError("--format parquet needs --out PATH (Parquet is binary)")

    fh: TextIO
    close = False
    if out is not None:
        fh = open(out, "w", encoding="utf-8", newline="")
        close = True
    else:
        fh = stream or sys.stdout
    try:
        if fmt == "csv":
            sql, params = _flat_select(flt, join_lists=True)
            df = store.con.execute(sql, params).df()
            df.to_csv(fh, index=False)
        elif fmt in ("jsonl", "plover"):
            for rec in _records(store, flt):
                obj = to_plover(rec) if fmt == "plover" else rec
                fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
        else:  # tab-separated, one line per dyad, cells cleaned (clean_cells), nothing quoted
            if fmt == "icews":
                fh.write("\t".join(ICEWS_COLUMNS) + "\n")
            for rec, added, agency in _records_with(store, flt):
                rows = to_gdelt(rec, added) if fmt == "gdelt" else to_icews(rec, agency)
                fh.write("".join("\t".join(row) + "\n" for row in rows))
    finally:
        if close:
            fh.close()
    return count
