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
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, TextIO

from tidings.store.db import EventStore

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

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor1{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                             "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    *[f"Actor2{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                             "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo")
      for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

ICEWS_COLUMNS = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
)
assert len(ICEWS_COLUMNS) == 20

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


# -- reference tables (data files) -----------------------------------------------------------
def _read_tsv(path: Any) -> list[dict[str, str]]:
    """The rows of a packaged TSV whose header names its columns (tidings.packfile)."""
    from tidings.packfile import read_rows

    return [row for _, row in read_rows(str(path), None)]


def _store_file(name: str) -> Any:
    return resources.files("tidings.store").joinpath(name)


@lru_cache(maxsize=None)
def fips_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> FIPS 10-4 country code (``fips.tsv``, from GeoNames countryInfo)."""
    return {r["iso3"]: r["fips"] for r in _read_tsv(_store_file("fips.tsv"))}


@lru_cache(maxsize=None)
def fips_by_admin1() -> dict[str, str]:
    """Admin1 code (ISO 3166-2 or GeoNames) -> FIPS 10-4 country code where GDELT splits an ISO
    country (``fips_admin1.tsv``: the Gaza Strip ``GZ`` and the West Bank ``WE`` of PSE)."""
    return {r["admin1"]: r["fips"] for r in _read_tsv(_store_file("fips_admin1.tsv"))}


@lru_cache(maxsize=None)
def fips_names() -> dict[str, str]:
    """FIPS 10-4 country code -> the short English name GDELT's FullName ends with ("Russia",
    "South Korea"; ``GZ`` "Gaza Strip", ``WE`` "West Bank")."""
    names = {r["fips"]: r["name"] for r in _read_tsv(_store_file("fips.tsv"))}
    names.update({r["fips"]: r["fips_name"] for r in _read_tsv(_store_file("fips_admin1.tsv"))})
    return names


def fips_of(loc: dict[str, Any]) -> str:
    """The FIPS 10-4 country code GDELT gives a place: by its admin1 where GDELT splits the
    country (Gaza ``GZ``, West Bank ``WE``), else by its ISO country (``fips.tsv``)."""
    admin1 = loc.get("admin1") or ""
    split = fips_by_admin1()
    if admin1 in split:
        return split[admin1]
    return fips_codes().get(loc.get("country") or "", "")


@lru_cache(maxsize=None)
def cameo_types() -> dict[str, str]:
    """PLOVER sector -> CAMEO actor type code (``cameo_types.tsv``)."""
    return {r["plover"]: r["cameo"] for r in _read_tsv(_store_file("cameo_types.tsv"))}


@lru_cache(maxsize=None)
def icews_sectors() -> dict[str, str]:
    """PLOVER sector -> ICEWS-style sector name (``icews_sectors.tsv``)."""
    return {r["code"]: r["icews_name"] for r in _read_tsv(_store_file("icews_sectors.tsv"))}


@lru_cache(maxsize=None)
def nonstate_codes() -> frozenset[str]:
    """PLOVER non-state actor codes (tidings/ontology/plover_nonstate.tsv when present)."""
    try:
        rows = _read_tsv(resources.files("tidings").joinpath("ontology", "plover_nonstate.tsv"))
        return frozenset(r["code"] for r in rows) | {"NGO", "IGO"}
    except (FileNotFoundError, OSError):
        return frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})


@lru_cache(maxsize=None)
def cameo_names() -> dict[str, str]:
    """CAMEO code -> name (tidings/ontology/cameo_codes.tsv when present, else empty)."""
    try:
        rows = _read_tsv(resources.files("tidings").joinpath("ontology", "cameo_codes.tsv"))
        return {r["code"]: r["name"] for r in rows}
    except (FileNotFoundError, OSError, KeyError):
        return {}


@lru_cache(maxsize=4096)
def country_name(code: str | None) -> str:
    """English short name of an ISO 3166-1 alpha-3 code (pycountry), the code itself otherwise."""
    if not code:
        return ""
    if code == "KOS":
        return "Kosovo"
    try:
        import pycountry

        c = pycountry.countries.get(alpha_3=code)
        if c is not None:
            return getattr(c, "common_name", None) or c.name
    except (ImportError, LookupError, KeyError):
        pass
    return code


# -- record converters -----------------------------------------------------------------------
def to_plover(rec: dict[str, Any]) -> dict[str, Any]:
    """A stored event record as a PLOVER JSON record (PLOVER manual Draft 0.8, "Data Fields").

    ``actor``/``recipient``: entity objects ``{code, sector, entity_text, identifier_text}``;
    ``event``: ``[event_type]``; ``mode``: the PLOVER mode plus the auxiliary mode
    (``negation``, ``hypothetical``, ``future``) when the modality says so; ``event_loc``: the
    location object (resolution 1 country, 2 province/admin1, 4 city); ``event_scale``: the
    event's Goldstein value (CAMEO scale); ``text_info``: sentence number and trigger offsets."""
    def ent(a: dict[str, Any]) -> dict[str, Any]:
        return {"code": a.get("country"), "sector": a.get("sector"), "entity_text": a.get("text"),
                "identifier_text": a.get("name")}

    modes = [rec["mode"]] if rec.get("mode") else []
    aux = {"negated": "negation", "hypothetical": "hypothetical", "future": "future"}.get(rec.get("modality") or "")
    if aux:
        modes.append(aux)
    loc = rec.get("location")
    event_loc = None
    if loc:
        res = {"country": 1, "admin1": 2, "city": 4}.get(loc.get("precision") or "", None)
        event_loc = {
            "extracted_place": loc.get("text"), "resolved_place": loc.get("name"),
            "geonameid": loc.get("geonameid"), "lat": loc.get("lat"), "lon": loc.get("lon"),
            "city": loc.get("name") if loc.get("precision") == "city" else None,
            "district": None, "province": loc.get("admin1"),
            "country": country_name(loc.get("country")) or None, "country_code": loc.get("country"),
            "resolution": res,
        }
    art = rec.get("article") or {}
    trig = rec.get("trigger") or {}
    return {
        "id": rec["id"],
        "date": rec.get("date"),
        "actor": [ent(a) for a in rec.get("actors") or []],
        "recipient": [ent(a) for a in rec.get("recipients") or []],
        "event": [rec.get("event_type")],
        "mode": modes,
        "context": list(rec.get("contexts") or []),
        "event_loc": event_loc,
        "event_text": [trig.get("text")] if trig.get("text") else [],
        "quad_code": rec.get("quad_class"),
        "event_scale": rec.get("goldstein"),
        "text": rec.get("sentence"),
        "text_info": {"sequence": rec.get("sentence_index"), "start": trig.get("start"), "end": trig.get("end")},
        "cite_info": {
            "corpus": (rec.get("mentions") or [{}])[0].get("source") if rec.get("mentions") else art.get("source"),
            "url": art.get("url"), "title": art.get("title"), "language": rec.get("language"),
            "publication": art.get("published"), "codebook": "PLOVER Draft 0.8", "coder": "tidings",
        },
        "coder": "tidings",
        "cameo_code": rec.get("cameo_code"),
        "confidence": rec.get("confidence"),
        "num_mentions": rec.get("num_mentions", 1),
        "num_articles": rec.get("num_articles", 1),
        "num_sources": rec.get("num_sources", 1),
    }


def _gdelt_date(date: str | None) -> tuple[str, str, str, str]:
    if not date:
        return "", "", "", ""
    y = int(date[:4])
    m = int(date[5:7]) if len(date) >= 7 else 1
    d = int(date[8:10]) if len(date) >= 10 else 1
    # GDELT: the year plus the fraction of it elapsed, approximated with 30-day months
    # (published rows agree: SQLDATE 20150218 has FractionDate 2015.1315 = 2015 + (1*30 + 18)/365)
    frac = y + ((m - 1) * 30 + d) / 365
    return f"{y:04d}{m:02d}{d:02d}", f"{y:04d}{m:02d}", f"{y:04d}", f"{frac:.4f}"


def _gdelt_actor(a: dict[str, Any] | None) -> list[str]:
    if not a:
        return [""] * 10
    country = a.get("country") or ""
    sector = a.get("sector") or ""
    ctype = cameo_types().get(sector, sector) if sector else ""
    group = country if country in nonstate_codes() else ""
    iso = "" if group else country
    code = (country + ctype) if country else ctype
    name = (a.get("name") or a.get("text") or "").upper()
    return [code, name, iso, group, "", "", "", ctype, "", ""]


def _gdelt_geo(loc: dict[str, Any] | None) -> list[str]:
    if not loc or not loc.get("country"):
        return ["0", "", "", "", "", "", "", ""]
    iso = loc.get("country") or ""
    fips = fips_of(loc)
    prec = loc.get("precision") or ("city" if loc.get("geonameid") else "country")
    us = iso == "USA"
    gtype = {"country": 1, "admin1": 2 if us else 5, "city": 3 if us else 4}.get(prec, 4)
    cname = fips_names().get(fips) or country_name(iso)
    name = loc.get("name") or loc.get("text") or ""
    full = cname if gtype == 1 else ", ".join(x for x in (name, cname) if x)
    split = (loc.get("admin1") or "") in fips_by_admin1()  # Gaza, West Bank: the FIPS code is the ADM1
    adm1 = fips + _admin1_part(loc.get("admin1")) if gtype != 1 and not split else fips
    lat = "" if loc.get("lat") is None else f"{float(loc['lat']):.4f}"
    lon = "" if loc.get("lon") is None else f"{float(loc['lon']):.4f}"
    fid = fips if gtype == 1 else ("" if loc.get("geonameid") is None else str(loc["geonameid"]))
    return [str(gtype), full, fips, adm1, "", lat, lon, fid]


def gdelt_event_id(event_id: str) -> int:
    """GDELT's integer GLOBALEVENTID from a tidings event id: the first 15 hex digits (< 2**60)."""
    try:
        return int(event_id[:15], 16)
    except ValueError:
        import hashlib

        return int(hashlib.sha1(event_id.encode()).hexdigest()[:15], 16)


def _admin1_part(admin1: str | None) -> str:
    """The division part of an admin1 code, without its country: "FR.11" -> "11" (GeoNames),
    "US-TX" -> "TX" (ISO 3166-2); GDELT puts it after the FIPS country code ("FR11", "USTX")."""
    if not admin1:
        return ""
    for sep in (".", "-"):
        if sep in admin1:
            return admin1.split(sep, 1)[1]
    return admin1


def dyads(rec: dict[str, Any]) -> list[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """The (actor, recipient) pairs of an event record, one export row each, as GDELT and ICEWS
    code one event per dyad: every actor with every recipient; without recipients, every
    unordered pair of actors (a symmetric event: "A and B met" gives A-B); a lone actor pairs
    with None."""
    actors = [a for a in rec.get("actors") or [] if a] or [None]
    recips = [a for a in rec.get("recipients") or [] if a]
    if recips:
        return [(a, r) for a in actors for r in recips]
    if len(actors) >= 2:
        return [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:]]
    return [(actors[0], None)]


def dyad_event_id(event_id: str, n: int) -> int:
    """GLOBALEVENTID of the ``n``-th dyad row (from 0) of an event: :func:`gdelt_event_id` for
    the first, a hash of ``<event_id>/<n>`` for the others (unique per row, stable across runs)."""
    if n == 0:
        return gdelt_event_id(event_id)
    import hashlib

    return int(hashlib.sha1(f"{event_id}/{n}".encode()).hexdigest()[:15], 16)


def _actor_geo(actor: dict[str, Any] | None, loc: dict[str, Any] | None) -> list[str]:
    """Actor geo block: the event place when it lies in the actor's own country (the actor is
    known to be there), else empty (type 0)."""
    if actor and loc and actor.get("country") and actor.get("country") == loc.get("country"):
        return _gdelt_geo(loc)
    return _gdelt_geo(None)


def _source_url(rec: dict[str, Any]) -> str:
    """URL of the earliest article with one, else the representative article's source (the
    file's real path as stored by ingest)."""
    url = next((m.get("url") for m in rec.get("mentions") or [] if m.get("url")), None)
    art = rec.get("article") or {}
    return url or art.get("url") or art.get("source") or ""


def to_gdelt(rec: dict[str, Any], added: str | None = None) -> list[list[str]]:
    """A stored event record as GDELT 2.0 Events rows (each 61 strings, :data:`GDELT_COLUMNS`),
    one per dyad (:func:`dyads`), with GLOBALEVENTID from :func:`dyad_event_id`.

    Actor types are CAMEO codes (PLOVER JRN -> MED, MED -> HLH).  ActionGeo is the event place
    with FIPS 10-4 country codes (Gaza ``GZ``, West Bank ``WE``) and ADM1 = FIPS country code +
    the admin1 division code; Actor1Geo/Actor2Geo repeat it for an actor of the place's
    country, else are empty (type 0).  AvgTone and the ADM2 codes are empty (not computed).
    DATEADDED is ``added``, the time the event entered the store (YYYYMMDDHHMMSS, UTC; the
    earliest publication time when not given); SOURCEURL the earliest article's URL, else its
    source path."""
    sqldate, my, y, frac = _gdelt_date(rec.get("date"))
    code = rec.get("cameo_code") or ""
    if not added:
        pubs = sorted(m.get("published") for m in rec.get("mentions") or [] if m.get("published")) or \
            [(rec.get("article") or {}).get("published") or rec.get("date") or ""]
        added = pubs[0]
    digits = re.sub(r"\D", "", added or "")[:14].ljust(14, "0") if added else ""
    gold = rec.get("goldstein")
    loc = rec.get("location")
    rows = []
    for n, (a1, a2) in enumerate(dyads(rec)):
        rows.append(clean_cells([
            str(dyad_event_id(rec["id"], n)), sqldate, my, y, frac,
            *_gdelt_actor(a1), *_gdelt_actor(a2),
            "1" if rec.get("sentence_index") == 0 else "0",
            code, code[:3], rec.get("cameo_root") or code[:2], str(rec.get("quad_class") or ""),
            "" if gold is None else f"{float(gold):g}",
            str(rec.get("num_mentions", 1)), str(rec.get("num_sources", 1)), str(rec.get("num_articles", 1)), "",
            *_actor_geo(a1, loc), *_actor_geo(a2, loc), *_gdelt_geo(loc),
            digits, _source_url(rec),
        ]))
    return rows


_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


def clean_cells(row: list[Any]) -> list[str]:
    """Cells fit for a tab-separated line: None -> "", tabs and line breaks (any that a reader
    may split lines on) -> one space, as GDELT does; nothing is escaped."""
    return [_BREAKS.sub(" ", "" if v is None else str(v)) for v in row]


def publisher(rec: dict[str, Any], agency: str | None = None) -> str:
    """The outlet of an event's earliest article: its URL's host without ``www.``, else
    ``agency`` (the news agency of the representative article's dateline, ``articles.agency``),
    else ""; never a file path."""
    from urllib.parse import urlsplit

    art = rec.get("article") or {}
    for url in [m.get("url") for m in rec.get("mentions") or []] + [art.get("url")]:
        if isinstance(url, str) and url:
            try:
                host = urlsplit(url).hostname or ""
            except ValueError:
                host = ""
            if host:
                return host[4:] if host.startswith("www.") else host
    return agency or ""


def to_icews(rec: dict[str, Any], agency: str | None = None) -> list[list[str]]:
    """A stored event record as ICEWS-style rows (each 20 strings, :data:`ICEWS_COLUMNS`), one
    per dyad (:func:`dyads`).

    Event ID = :func:`dyad_event_id` (an integer, as in the ICEWS files); Source/Target = the
    dyad's actor and recipient; sectors as ICEWS-style names; countries as English names
    (pycountry); Event Text = the CAMEO code's name (CAMEO codebook); Intensity = the Goldstein
    value; Story ID = doc_id; Sentence Number counts from 1; Publisher = :func:`publisher` (site,
    else ``agency``); City = the place when it is a city, Province = its admin1 code."""
    sect = icews_sectors()

    def side(a: dict[str, Any] | None) -> list[str]:
        if not a:
            return ["", "", ""]
        s = a.get("sector")
        return [a.get("name") or a.get("text") or "", sect.get(s, s or ""), country_name(a.get("country"))]

    loc = rec.get("location") or {}
    code = rec.get("cameo_code") or ""
    rows = []
    for n, (a1, a2) in enumerate(dyads(rec)):
        rows.append(clean_cells([
            str(dyad_event_id(rec["id"], n)), rec.get("date") or "", *side(a1),
            cameo_names().get(code, (rec.get("event_type") or "").title()),
            code, "" if rec.get("goldstein") is None else f"{float(rec['goldstein']):g}",
            *side(a2), rec.get("doc_id") or "",
            "" if rec.get("sentence_index") is None else str(int(rec["sentence_index"]) + 1),
            publisher(rec, agency),
            (loc.get("name") or "") if loc.get("precision") == "city" else "", "",
            loc.get("admin1") or "", country_name(loc.get("country")) if loc else "",
            "" if loc.get("lat") is None else str(loc["lat"]),
            "" if loc.get("lon") is None else str(loc["lon"]),
        ]))
    return rows


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
