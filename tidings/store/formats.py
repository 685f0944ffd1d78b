"""Event records in the row shapes of other datasets: PLOVER JSON, GDELT 2.0 Events, ICEWS.

Each converter takes one stored event record (DESIGN.md contract plus the dedup counts, as
:mod:`tidings.store.export` reads it from the ``events`` table) and returns the record or the rows
of the target format; GDELT and ICEWS code one row per dyad (:func:`dyads`).

* :func:`to_plover`: PLOVER manual Draft 0.8, ch. "Data Fields".
* :func:`to_gdelt`: the 61 columns of the GDELT 2.0 Events table (GDELT Event Codebook V2.0,
  :data:`GDELT_COLUMNS`); country codes are FIPS 10-4 (:mod:`tidings.store.codetables`).
* :func:`to_icews`: the 20 columns of the ICEWS Dataverse event files (doi:10.7910/DVN/28075,
  :data:`ICEWS_COLUMNS`).
"""
from __future__ import annotations

import re
from typing import Any

from tidings.store.codetables import (cameo_names, cameo_types, country_name, fips_by_admin1, fips_names, fips_of,
                                      icews_sectors, nonstate_codes)

__all__ = ["GDELT_COLUMNS", "ICEWS_COLUMNS", "to_plover", "to_gdelt", "to_icews", "dyads", "dyad_event_id",
           "gdelt_event_id", "clean_cells", "publisher"]

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
