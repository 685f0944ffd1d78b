"""Publication dates from an article's header lines, datelines and URL (used by cleaning).

Every date here is read by the one date grammar (:mod:`tidings.when.grammar`): header lines,
datelines and trailers through :func:`tidings.when.find_header_dates` (its header pattern kinds),
URLs through the grammar's URL pattern kinds (``URL_PATTERNS``; month abbreviations from the
English pack).  Month and weekday names exist once, in the packs' ``dates.tsv`` and CLDR.  Output
is ISO 8601: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``YYYY-MM-DDTHH:MM:SS``.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from urllib.parse import unquote

from tidings.when.grammar import URL_PATTERNS, _key, _pack, header_grammar
from tidings.when.published import to_datetime


def resolve_yearless(iso: str, ref: datetime) -> str | None:
    """Give a day written without its year (``--MM-DD``, from :func:`find_header_dates`) the year
    of ``ref``, or the year before when that would put it more than two days after ``ref`` (a
    31 December dateline published 1 January).  Any other ISO string is returned unchanged; None
    when the day does not exist in ``ref``'s year (29 February)."""
    if not iso.startswith("--"):
        return iso
    mo, d = int(iso[2:4]), int(iso[5:7])
    try:
        out = date(ref.year, mo, d)
        if datetime(out.year, mo, d) > ref.replace(tzinfo=None) + timedelta(days=2):
            out = date(ref.year - 1, mo, d)
    except ValueError:
        return None
    return out.isoformat() + iso[7:]   # a time of day ("T10:22:00") is kept


def weekday_words(lang: str | None, lexicon_dirs=()) -> frozenset[str]:
    """Weekday forms (wide and abbreviated, folded as :func:`tidings.text.fold`) of ``lang`` and of
    every other pack: the words a header date line may hold beside its date."""
    return header_grammar(lang, lexicon_dirs).weekday_words


def calendar_words(lang: str, *, months: bool = True, abbreviated: bool = True) -> frozenset[str]:
    """Month and weekday forms of ``lang``'s date grammar (``dates.tsv`` and CLDR), folded as
    :func:`tidings.text.fold`: weekdays only with ``months=False``, no abbreviations ("Mar", "lun")
    with ``abbreviated=False``.  Empty for a language CLDR does not know."""
    try:
        p = _pack(lang)
    except ValueError:
        return frozenset()
    if abbreviated:
        return (frozenset(p.month_of) if months else frozenset()) | p.weekday_words
    return (p.month_full if months else frozenset()) | p.weekday_full


def weekday_phrases(lang: str) -> frozenset[str]:
    """Weekday names of ``lang`` that date a clause on their own (``lunes``, ``Monday``), folded; a
    form the grammar reads only in context (Russian ``среду``, Arabic ``الاثنين``) comes after each
    weekday preposition of ``dates.tsv`` (``в среду``).  Empty for a language CLDR does not know."""
    try:
        return _pack(lang).weekday_phrases
    except ValueError:
        return frozenset()


def url_date(url: str | None) -> str | None:
    """The date written in a URL (``/2021/10/12/``, ``/20140226/``, ``2025_11_22``, ``/2019/9/21/``,
    ``/2004/dec/23``, ``/2020-02-18/``, a timestamp ``?ud=20241115050233`` or ``/202009270230.html``
    (``yyyymmddHHMM`` with seconds, milli- or microseconds or none) or day-first ``-17092015171100``
    (``ddmmyyyyHHMM[SS]``), month-only ``/2017/02/``, year-only
    ``/2020/a-slug/`` when the year is the last folder before the article's slug) as ISO
    ``YYYY[-MM[-DD]]``, or None.  Percent-encoded URLs (an archive's or a redirector's wrapper,
    ``%2F2012%2F10%2F25%2F``) are decoded first."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", unquote(url.strip()), flags=re.I)
    for kind, rx in URL_PATTERNS:
        m = rx.search(path)
        if m:
            iso = _url_match(kind, m.groups())
            if iso:
                return iso
    return None


def _url_match(kind: str, g: tuple) -> str | None:
    """The ISO date of one URL pattern match, or None when its numbers are no date."""
    if kind == "dstamp":  # day-first timestamp: read as year, month, day, hour, minute
        g, kind = (g[2], g[1], g[0], g[3], g[4]), "stamp"
    y = int(g[0])
    if kind == "y":
        return f"{y:04d}"
    mo = _pack("en").month_of.get(_key(g[1])) if kind == "ybd" else int(g[1])
    if kind == "ym":
        return f"{y:04d}-{mo:02d}" if mo and 1 <= mo <= 12 else None
    if not mo or (kind == "stamp" and (int(g[3]) > 23 or int(g[4]) > 59)):
        return None
    try:
        return date(y, mo, int(g[2])).isoformat()
    except ValueError:
        return None
