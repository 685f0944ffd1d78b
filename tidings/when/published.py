"""Publication dates: caller-given values (``--published``, JSONL fields, feeds) and ISO helpers."""
from __future__ import annotations

import datetime as _dt
import email.utils
import re
from datetime import date, datetime, timedelta

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?\s*$")


def parse_published(value: str | None) -> _dt.datetime | None:
    """Parse a publication date/time leniently; None when empty or unparsable (never raises).

    Accepts ISO 8601 (``2022-06-10``, ``2022-06-10T15:11:00Z``, ``2022-06-10 15:11:00+02:00``, also
    with trailing text), compact ``20220610``, RFC 2822 (``Fri, 10 Jun 2022 15:11:00 GMT``, as in RSS),
    Unix epoch seconds, and what the date grammar reads in a header line
    (:func:`tidings.when.find_header_dates`): day-first ``10/06/2022`` or ``10.06.2022 15:11``,
    month names of every pack (``June 10, 2022``, ``10 de junio de 2022``).  Returns a
    :class:`datetime.datetime` (timezone-aware when the input gives an offset, else naive); a
    date-only input gives midnight.
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, _dt.date):
        return _dt.datetime(value.year, value.month, value.day)
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    try:
        return _dt.datetime.fromisoformat(s)
    except ValueError:
        pass
    m = _ISO_PREFIX.match(s)
    if m:
        try:
            parts = [int(x) for x in m.groups() if x is not None]
            return _dt.datetime(*parts)
        except ValueError:
            return None
    m = _COMPACT.match(s)
    if m:
        try:
            return _dt.datetime(*[int(x) for x in m.groups() if x is not None])
        except ValueError:
            return None
    if re.fullmatch(r"\d{9,10}", s):
        return _dt.datetime.fromtimestamp(int(s), tz=_dt.timezone.utc)
    try:
        d = email.utils.parsedate_to_datetime(s)
        if d is not None:
            return d
    except (TypeError, ValueError, IndexError):
        pass
    from tidings.when.find import find_header_dates

    for mention in find_header_dates(s, None):  # the date grammar: every pack's month names, times
        if mention.precision == "day" and not mention.date.startswith("--"):
            try:
                return _dt.datetime.fromisoformat(mention.iso)
            except ValueError:  # a written time that is none ("25:70")
                return None
    return None



def precision_rank(iso: str) -> int:
    """1 year, 2 month, 3 day, 4 timestamp: how precise an ISO date string is."""
    return 4 if "T" in iso else {4: 1, 7: 2}.get(len(iso), 3)


def to_datetime(iso: str) -> datetime:
    """An ISO date/timestamp (any precision) as a naive datetime at its start."""
    if len(iso) == 4:
        return datetime(int(iso), 1, 1)
    if len(iso) == 7:
        return datetime(int(iso[:4]), int(iso[5:7]), 1)
    return datetime.fromisoformat(iso[:19])


def not_future(iso: str | None, now: datetime | None = None) -> bool:
    """True when ``iso`` is not later than ``now`` (default: the current time) plus one day of slack."""
    if not iso:
        return False
    now = now or datetime.now()
    try:
        return to_datetime(iso) <= now + timedelta(days=1)
    except ValueError:
        return False


def normalize_given(value: str) -> str | None:
    """A caller-given date (``2023-03-09``, ``2023-03-09T10:00:00Z``, ``2023-03-09 10:00``) as ISO, or None.

    Time zones are dropped (the local time as written is kept).
    """
    v = value.strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?)?)?"
                     r"(?:Z|[+-]\d{2}:?\d{2})?", v)
    if not m:
        return None
    y, mo, d, h, mi, s = m.groups()
    if not 1800 <= int(y) <= date.today().year + 1:
        return None  # not a publication date (and 9999-12-31 would overflow date arithmetic)
    try:
        if d:
            date(int(y), int(mo), int(d))
        elif mo and not 1 <= int(mo) <= 12:
            return None
    except ValueError:
        return None
    if h:
        if int(h) > 23 or int(mi) > 59:
            return None
        return f"{y}-{mo}-{d}T{h}:{mi}:{s or '00'}"
    return "-".join(p for p in (y, mo, d) if p)

