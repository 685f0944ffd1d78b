"""Dates in article headers, datelines and URLs (used by cleaning to find the publication date).

Month and weekday names come from CLDR (via :mod:`babel`, wide and abbreviated, format and
stand-alone forms, so Russian genitive ``марта`` and French ``sept.`` are covered) plus the
``month`` rows of ``tidings/lang/<xx>/chrome.tsv``.  Numeric day/month order follows the CLDR
short date pattern of the language (``en`` M/d/y; ``es``/``fr``/``pt``/``de``/``it``/``ru`` d/M/y),
unless one number is above 12.  Output is ISO 8601: ``YYYY-MM-DD``, ``YYYY-MM`` or
``YYYY-MM-DDTHH:MM:SS``.
"""
from __future__ import annotations

import re
from urllib.parse import unquote
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from tidings.when.published import to_datetime

_CONNECT = r"(?:\s+[^\W\d_]{1,2}\s+|[\s,./-]+)"   # "de", "du" or punctuation between date parts
_ISO = re.compile(
    r"(?<![\d/.])(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?(?![\d])"
)
_NUM = re.compile(r"(?<![\d/.])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d/.])")
_DMY = re.compile(
    r"(?<![\d/.])(\d{1,2})(?:er|º|°|st|nd|rd|th)?\.?" + _CONNECT
    + r"([^\W\d_]{3,12})\.?(?:(?:\s+[^\W\d_]{1,2}\s+|[\s,]+)(\d{4}))?(?!\d)"
)
_MDY = re.compile(r"(?<!\w)([^\W\d_]{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?(?![\d:])")
_TIME = re.compile(r"[^\d\n]{0,6}?(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?!\d)")


def _patterns():
    """tidings.clean.patterns (the chrome.tsv reader; imported late: cleaning imports this module)."""
    from tidings.clean import patterns

    return patterns


@dataclass
class DateMatch:
    """A date found in a string: ``start``/``end`` are offsets into it; missing parts are None."""

    start: int
    end: int
    year: int | None
    month: int
    day: int | None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None

    def iso(self, year: int | None = None) -> str | None:
        """ISO string at the precision found (year from ``year`` when the match has none)."""
        y = self.year or year
        if y is None:
            return None
        if self.day is None:
            return f"{y:04d}-{self.month:02d}"
        try:
            date(y, self.month, self.day)
        except ValueError:
            return None
        s = f"{y:04d}-{self.month:02d}-{self.day:02d}"
        if self.hour is not None:
            s += f"T{self.hour:02d}:{self.minute or 0:02d}:{self.second or 0:02d}"
        return s


@lru_cache(maxsize=None)
def month_names(lang: str) -> dict[str, int]:
    """Casefolded month name (no final dot) -> 1..12 for ``lang`` (CLDR + chrome.tsv ``month`` rows).

    ``'*'`` gives the union over the available languages (first language wins a clash).
    """
    if lang == "*":
        out: dict[str, int] = {}
        for code in _patterns().available_languages():
            for k, v in month_names(code).items():
                out.setdefault(k, v)
        return out
    out = {}
    try:
        from babel.dates import get_month_names

        for width in ("wide", "abbreviated"):
            for ctx in ("format", "stand-alone"):
                for num, name in get_month_names(width, ctx, locale=lang).items():
                    out.setdefault(name.casefold().rstrip("."), num)
    except Exception:  # unknown locale for babel: only the TSV rows
        pass
    out.update(_patterns().load(lang).months)
    return out


@lru_cache(maxsize=None)
def weekday_names(lang: str) -> frozenset[str]:
    """Casefolded weekday names (wide and abbreviated, CLDR) of ``lang``; ``'*'`` for all languages."""
    if lang == "*":
        out: set[str] = set()
        for code in _patterns().available_languages():
            out |= weekday_names(code)
        return frozenset(out)
    try:
        from babel.dates import get_day_names

        return frozenset(
            n.casefold().rstrip(".")
            for w in ("wide", "abbreviated")
            for ctx in ("format", "stand-alone")
            for n in get_day_names(w, ctx, locale=lang).values()
        )
    except Exception:
        return frozenset()


@lru_cache(maxsize=None)
def month_first(lang: str | None) -> bool:
    """True when the CLDR short date pattern of ``lang`` puts the month before the day (en: M/d/yy)."""
    if not lang:
        return False
    try:
        from babel.dates import get_date_format

        p = get_date_format("short", locale=lang).pattern
    except Exception:
        return False
    return p.find("M") < p.find("d")


def _month(word: str, lang: str | None) -> int | None:
    w = word.casefold().rstrip(".")
    if lang:
        m = month_names(lang).get(w)
        if m:
            return m
    return month_names("*").get(w)


def _add_time(text: str, m: DateMatch) -> DateMatch:
    t = _TIME.match(text, m.end) if m.day is not None else None
    if t:
        h, mi = int(t.group(1)), int(t.group(2))
        if h < 24 and mi < 60:
            m.hour, m.minute = h, mi
            m.second = int(t.group(3)) if t.group(3) else 0
            m.end = t.end()
    return m


def find_dates(text: str, lang: str | None = None) -> list[DateMatch]:
    """All dates in ``text`` (ISO, numeric d/m/y, or with a month name), left to right, not overlapping.

    A date without a year (``10 de junio``) has ``year=None``; a time right after a date is attached.
    Invalid combinations (month 13, 31 February) are skipped.
    """
    found: list[DateMatch] = []
    for m in _ISO.finditer(text):
        y, mo = int(m.group(1)), int(m.group(2))
        d = int(m.group(3)) if m.group(3) else None
        if not 1 <= mo <= 12 or (d is not None and not 1 <= d <= 31):
            continue
        dm = DateMatch(m.start(), m.end(), y, mo, d)
        if m.group(4):
            dm.hour, dm.minute = int(m.group(4)), int(m.group(5))
            dm.second = int(m.group(6)) if m.group(6) else 0
        found.append(dm)
    for m in _NUM.finditer(text):
        a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if month_first(lang) and a <= 12:
            a, b = b, a
        d, mo = a, b
        if mo > 12 and d <= 12:
            d, mo = mo, d
        if 1 <= mo <= 12 and 1 <= d <= 31:
            found.append(DateMatch(m.start(), m.end(), y, mo, d))
    for m in _DMY.finditer(text):
        mo = _month(m.group(2), lang)
        if mo and 1 <= int(m.group(1)) <= 31:
            found.append(DateMatch(m.start(), m.end(), int(m.group(3)) if m.group(3) else None, mo, int(m.group(1))))
    for m in _MDY.finditer(text):
        mo = _month(m.group(1), lang)
        if mo and 1 <= int(m.group(2)) <= 31:
            found.append(DateMatch(m.start(), m.end(), int(m.group(3)) if m.group(3) else None, mo, int(m.group(2))))
    # keep the earliest, then the longest, of overlapping matches
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[DateMatch] = []
    for dm in found:
        if out and dm.start < out[-1].end:
            continue
        out.append(dm)
    out = [_add_time(text, dm) for dm in out]
    return [dm for dm in out if dm.day is None or dm.iso(dm.year or 2000) is not None]



def resolve_partial(dm: DateMatch, ref: datetime) -> str | None:
    """ISO day of a match that may lack its year: the year of ``ref``, or the year before when that
    would put the date more than two days after ``ref`` (a 31 December dateline published 1 January)."""
    if dm.year:
        return dm.iso()
    iso = dm.iso(ref.year)
    if iso and to_datetime(iso) > ref + timedelta(days=2):
        iso = dm.iso(ref.year - 1)
    return iso


_URL_PATTERNS = (  # (kind, pattern): "ymd" year month day, "ybd" year, month abbreviation, day, "ym", "y",
    # "stamp" a compact timestamp (its time part checked, so an article number rarely passes)
    ("ymd", re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?=[/_-]|\.|$)")),      # /2021/10/12/  /2019/9/21/
    ("ymd", re.compile(r"(?<!\d)((?:19|20)\d{2})_(\d{2})_(\d{2})(?!\d)")),              # 2025_11_22
    ("ymd", re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_-]|\.|$)")),              # /20140226/  /20160825-
    ("ybd", re.compile(r"/((?:19|20)\d{2})/([a-z]{3})/(\d{1,2})(?!\d)")),               # /2004/dec/23lanka.htm
    ("ymd", re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})[-/](\d{2})(?!\d)")),          # /2020-02-18/  /2025-01/05/
    ("stamp", re.compile(r"(?<!\w)((?:19|20)\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\d{2}|\d{5}|\d{8})?(?!\d)")),
    ("dstamp", re.compile(r"(?<!\d)(\d{2})(\d{2})((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{2})?(?!\d)")),  # ddmmyyyyHHMM[SS]
    ("ym", re.compile(r"/((?:19|20)\d{2})/(\d{2})(?=/)")),                             # /2017/02/  (month)
    ("y", re.compile(r"/((?:19|20)\d{2})/(?=[^/\d][^/]*-[^/]*/?$)")),                   # /2020/some-slug/  (year)
)


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
    for kind, rx in _URL_PATTERNS:
        m = rx.search(path)
        if not m:
            continue
        g = m.groups()
        if kind == "dstamp":  # day-first timestamp: read as year, month, day, hour, minute
            g, kind = (g[2], g[1], g[0], g[3], g[4]), "stamp"
        y = int(g[0])
        if kind == "y":
            return f"{y:04d}"
        mo = month_names("en").get(g[1].casefold()) if kind == "ybd" else int(g[1])
        if kind == "ym":
            if mo and 1 <= mo <= 12:
                return f"{y:04d}-{mo:02d}"
            continue
        if not mo or (kind == "stamp" and (int(g[3]) > 23 or int(g[4]) > 59)):
            continue
        try:
            return date(y, mo, int(g[2])).isoformat()
        except ValueError:
            continue
    return None
    path = re.sub(r"^[a-z]+://[^/]+", "", unquote(url.strip()), flags=re.I)
    for i, rx in enumerate(_URL_PATTERNS):
        m = rx.search(path)
        if not m:
            continue
        y = int(m.group(1))
        if i == 5:
            return f"{y:04d}"
        if i == 3:
            mo = month_names("en").get(m.group(2).casefold())
            if not mo:
                continue
        else:
            mo = int(m.group(2))
        if i == 4:
            if 1 <= mo <= 12:
                return f"{y:04d}-{mo:02d}"
            continue
        d = int(m.group(3))
        try:
            return date(y, mo, d).isoformat()
        except ValueError:
            continue
    return None
