"""Calendar arithmetic for date expressions (ISO weeks start on Monday)."""
from __future__ import annotations

import datetime as _dt



def _as_date(d) -> _dt.date | None:
    if d is None:
        return None
    if isinstance(d, _dt.datetime):
        return d.date()
    if isinstance(d, _dt.date):
        return d
    if isinstance(d, str):
        from tidings.when.published import parse_published

        parsed = parse_published(d)
        if parsed is None:
            raise ValueError(f"unparsable date {d!r}: expected ISO 'YYYY-MM-DD' or a datetime.date")
        return parsed.date()
    raise TypeError(f"expected a datetime.date or None, got {type(d).__name__}: {d!r}")


def _valid(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _yearless(m: int, d: int, base: _dt.date | None) -> _dt.date | None:
    """The latest date with this month/day that is on or before ``base`` (None without base)."""
    if base is None:
        return None
    for y in range(base.year, base.year - 9, -1):
        x = _valid(y, m, d)
        if x is not None and x <= base:
            return x
    return None


def _year2(y: str) -> int:
    v = int(y)
    if len(y) == 2:
        v += 2000 if v < 50 else 1900
    return v


def _monday(d: _dt.date) -> _dt.date:
    return d - _dt.timedelta(days=d.weekday())


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _period_start(date: str) -> _dt.date:
    parts = [int(p) for p in date.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return _dt.date(*parts)

