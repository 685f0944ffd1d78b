"""Finding date expressions in a text: :func:`find_dates` (explicit and relative dates)."""
from __future__ import annotations

import copy
import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

from tidings.when.arith import _add_months, _as_date, _monday, _valid, _year2, _yearless
from tidings.when.grammar import TIME_RX, _HeaderGrammar, _Pack, _key, _lang_code, _norm, _pack, header_grammar


@dataclass
class DateMention:
    """One date expression found in a text.

    ``text`` is the matched span, ``start``/``end`` are character offsets into the text given to
    :func:`find_dates` (half-open).  ``date`` is ISO ``YYYY-MM-DD`` | ``YYYY-MM`` | ``YYYY``;
    ``precision`` is ``day`` | ``week`` | ``month`` | ``year`` (for ``week`` the date is that week's
    Monday).  ``kind`` is ``explicit`` (calendar date written out) or ``relative`` (resolved against the
    base date).  For a range ("del 3 al 5 de marzo") ``date`` is the start and ``end_date`` the end.
    :func:`find_header_dates` also gives ``--MM-DD`` (ISO 8601:2000 reduced form) for a day written
    without its year (see :func:`tidings.when.resolve_yearless`), and ``time`` (``HH:MM:SS``) when a
    time of day follows the date.
    """

    text: str
    start: int
    end: int
    date: str
    precision: str
    kind: str
    end_date: str | None = None
    time: str | None = None

    @property
    def iso(self) -> str:
        """``date``, with ``THH:MM:SS`` appended when a time was written."""
        return f"{self.date}T{self.time}" if self.time else self.date


def _month(p: _Pack, s: str | None) -> int | None:
    if not s:
        return None
    return p.month_of.get(_key(s).rstrip("."))


def _interpret(p: _Pack, name: str, m: re.Match, base: _dt.date | None, orig: str):
    """(date, precision, kind, end_date) for one regex match, or None to reject it."""
    if name in ("relday", "wd", "night", "ago", "rel"):
        # relative expressions need a base date
        return _relative(p, name, m.groupdict(), base) if base is not None else None
    return _explicit(p, name, m, base, orig)


def _explicit(p: _Pack, name: str, m: re.Match, base: _dt.date | None, orig: str):
    """An explicit (calendar) date match: ISO, numeric, with a month name, a range or a year."""
    g = m.groupdict()
    if name == "iso":
        x = _valid(int(g["y"]), int(g["m"]), int(g["d"]))
        return (x.isoformat(), "day", "explicit", None) if x else None
    if name == "num":
        a, b, y = int(g["a"]), int(g["b"]), _year2(g["y"])
        first = (b, a) if (p.mdy and a <= 12) else (a, b)   # (day, month)
        x = _valid(y, first[1], first[0]) or _valid(y, first[0], first[1])
        return (x.isoformat(), "day", "explicit", None) if x else None
    if name in ("dmy", "dm", "mdy", "my", "pm", "range1", "range2"):
        if p.month_capital:
            for grp in ("m", "m1"):
                if g.get(grp) and not orig[m.start(grp)].isupper():
                    return None
        mo = _month(p, g.get("m"))
        if mo is None:
            return None
        ys = g.get("y") or g.get("y2")
        if name in ("my", "pm"):
            if ys:
                return (f"{int(ys):04d}-{mo:02d}", "month", "explicit", None)
            if base is None:
                return None
            y = base.year if mo <= base.month else base.year - 1
            return (f"{y:04d}-{mo:02d}", "month", "explicit", None)
        if name in ("range1", "range2"):
            m1 = _month(p, g.get("m1")) or mo
            d1, d2 = int(g["d1"]), int(g["d2"])
            if ys:
                y2 = int(ys)
                y1 = y2 - 1 if (m1, d1) > (mo, d2) else y2
                s, e = _valid(y1, m1, d1), _valid(y2, mo, d2)
            else:
                s = _yearless(m1, d1, base)
                if s is None:
                    return None
                e = _valid(s.year, mo, d2)
                if e is not None and e < s:
                    e = _valid(s.year + 1, mo, d2)
            if s is None or e is None or e < s:
                return None
            return (s.isoformat(), "day", "explicit", e.isoformat())
        d = int(g["d"])
        x = _valid(int(ys), mo, d) if ys else _yearless(mo, d, base)
        if x is None:
            return None
        return (x.isoformat(), "day", "explicit", None)
    if name == "py":
        return (f"{int(g['y']):04d}", "year", "explicit", None)
    return None


def _relative(p: _Pack, name: str, g: dict, base: _dt.date):
    """A relative expression resolved against ``base``: a relative day, a weekday, "N units ago",
    a relative week, month or year."""
    if name == "relday":
        x = base + _dt.timedelta(days=p.relday[_key(g["rd"])])
        return (x.isoformat(), "day", "relative", None)
    if name in ("wd", "night"):
        if name == "wd":
            has_ctx = any(g.get(k) for k in ("dpre", "nb", "prep", "lp", "tp", "np", "lq", "tq", "nq"))
            if _key(g["wd"]) in p.ctx_days and not has_ctx:
                return None
        wd = p.wd_of.get(_key(g["wd"]))
        if wd is None:
            return None
        back = (base.weekday() - wd) % 7
        if name == "wd" and (g.get("np") or g.get("nq")):
            fwd = (wd - base.weekday()) % 7 or 7
            x = base + _dt.timedelta(days=fwd)
        else:
            if name == "wd" and (g.get("lp") or g.get("lq")) and back == 0:
                back = 7
            x = base - _dt.timedelta(days=back)
        return (x.isoformat(), "day", "relative", None)
    if name == "ago":
        unit = p.units.get(_key(g.get("u") or g.get("u2") or ""))
        if unit is None:
            return None
        ns = g.get("n") or g.get("n2")
        implied = None
        if "*" in unit:
            unit, implied = unit.split("*")
        plural = unit.endswith("+")
        unit = unit.rstrip("+")
        if ns:
            n = int(ns) if ns.isdigit() else p.numbers.get(_key(ns))
        elif implied:
            n = int(implied)
        elif plural:
            return None   # "hace años": vague, no number
        else:
            n = 1
        if n is None:
            return None
        if unit == "day":
            return ((base - _dt.timedelta(days=n)).isoformat(), "day", "relative", None)
        if unit == "week":
            return (_monday(base - _dt.timedelta(days=7 * n)).isoformat(), "week", "relative", None)
        if unit == "month":
            y, mo = _add_months(base.year, base.month, -n)
            return (f"{y:04d}-{mo:02d}", "month", "relative", None)
        if unit == "year":
            return (f"{base.year - n:04d}", "year", "relative", None)
        return None
    if name == "rel":
        if g.get("rw"):
            x = _monday(base) + _dt.timedelta(days=7 * p.relweek[_key(g["rw"])])
            return (x.isoformat(), "week", "relative", None)
        if g.get("rm"):
            y, mo = _add_months(base.year, base.month, p.relmonth[_key(g["rm"])])
            return (f"{y:04d}-{mo:02d}", "month", "relative", None)
        return (f"{base.year + p.relyear[_key(g['ry'])]:04d}", "year", "relative", None)
    return None


@lru_cache(maxsize=4096)
def _find(text: str, lang: str, base: _dt.date | None, extra_dirs: tuple[str, ...] = ()) -> tuple[DateMention, ...]:
    p = _pack(lang, extra_dirs)
    norm = _norm(text)
    cands = []
    for prio, (name, rx) in enumerate(p.rx):
        for m in rx.finditer(norm):
            if m.end() == m.start():
                continue
            r = _interpret(p, name, m, base, text)
            if r is None:
                continue
            cands.append((m.start(), m.end(), prio, r))
    if p.block_rx is not None and cands:
        blocked = [(b.start(), b.end()) for b in p.block_rx.finditer(norm)]
        cands = [c for c in cands if not any(c[0] < be and bs < c[1] for bs, be in blocked)]
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int, tuple]] = []
    for s, e, _, r in cands:
        if any(s < te and ts < e for ts, te, _ in taken):
            continue
        taken.append((s, e, r))
    taken.sort()
    return tuple(DateMention(text[s:e], s, e, r[0], r[1], r[2], r[3]) for s, e, r in taken)


def find_dates(text: str, lang: str, base: _dt.date | None, *, lexicon_dirs=()) -> list[DateMention]:
    """Every date expression in ``text``, in text order, resolved against ``base``.

    ``lang`` is an ISO 639-1 code (full support: the languages with a ``dates.tsv``, see
    :func:`supported_languages`; other CLDR languages get explicit dates only).  ``base`` is the
    reference day for relative expressions and year-less dates (a :class:`datetime.date`; a datetime
    is truncated to its date); without it, relative and year-less expressions are left out.
    Year-less dates take the year that puts them on or before ``base``; numeric dates are day-first
    except in English, where ``a/b/yyyy`` is month-first unless ``a`` > 12.  Mentions do not overlap
    (the longest wins).  ``lexicon_dirs``: user lexicon folders whose ``<lang>/dates.tsv`` extends
    the grammar.  Raises ``ValueError`` for an invalid or unknown language code and
    ``TypeError`` when ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates: text must be a str, got {type(text).__name__}")
    return [copy.copy(m) for m in _find(text, _lang_code(lang), _as_date(base), tuple(str(d) for d in lexicon_dirs))]


def _header_parts(hg: _HeaderGrammar, name: str, g: dict):
    """(year or None, month, day or None, (hour, minute, second) or None) of a header-kind match,
    or None when its numbers are out of range or its month word is unknown."""
    if name == "iso":
        y, mo, d = int(g["y"]), int(g["mo"]), int(g["d"]) if g["d"] else None
        if not 1 <= mo <= 12 or (d is not None and not 1 <= d <= 31):
            return None
        t = (int(g["hh"]), int(g["mi"]), int(g["ss"] or 0)) if g["hh"] else None
        return y, mo, d, t if t and t[0] < 24 and t[1] < 60 and t[2] < 60 else None
    if name == "num":
        d, mo = (int(g["b"]), int(g["a"])) if hg.mdy and int(g["a"]) <= 12 else (int(g["a"]), int(g["b"]))
        if mo > 12 and d <= 12:
            d, mo = mo, d
        return (int(g["y"]), mo, d, None) if 1 <= mo <= 12 and 1 <= d <= 31 else None
    mo, d = hg.month_of.get(_key(g["m"]).rstrip(".")), int(g["d"])
    return (int(g["y"]) if g["y"] else None, mo, d, None) if mo and 1 <= d <= 31 else None


def _add_time(norm: str, end: int, parts):
    """A time of day right after a dated match (``10:22``, ``à 17h25``): (parts, new end)."""
    t = TIME_RX.match(norm, end) if parts[2] is not None else None
    if t and int(t.group(1)) < 24 and int(t.group(2)) < 60:
        return (*parts[:3], (int(t.group(1)), int(t.group(2)), int(t.group(3) or 0))), t.end()
    return parts, end


def _header_mention(text: str, s: int, e: int, parts) -> DateMention | None:
    y, mo, d, t = parts
    if d is None:
        return DateMention(text[s:e], s, e, f"{y:04d}-{mo:02d}", "month", "explicit")
    if _valid(y or 2000, mo, d) is None:
        return None
    date = f"{y:04d}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}"
    time = f"{t[0]:02d}:{t[1]:02d}:{t[2]:02d}" if t else None
    return DateMention(text[s:e], s, e, date, "day", "explicit", time=time)


@lru_cache(maxsize=4096)
def _find_header(text: str, lang: str | None, extra_dirs: tuple[str, ...]) -> tuple[DateMention, ...]:
    hg = header_grammar(lang, extra_dirs)
    norm = _norm(text)
    found = []
    for name, rx in hg.rx:
        for m in rx.finditer(norm):
            parts = _header_parts(hg, name, m.groupdict())
            if parts is not None:
                found.append((m.start(), m.end(), parts))
    found.sort(key=lambda c: (c[0], c[0] - c[1]))   # the earliest, then the longest, of overlapping ones
    out: list[DateMention] = []
    last_end = -1
    for s, e, parts in found:
        if s < last_end:
            continue
        last_end = e
        parts, e = _add_time(norm, e, parts)
        mention = _header_mention(text, s, e, parts)
        if mention is not None:
            out.append(mention)
    return tuple(out)


def find_header_dates(text: str, lang: str | None, *, lexicon_dirs=()) -> list[DateMention]:
    """The dates of a header line, dateline or trailer, left to right, not overlapping.

    The same grammar as :func:`find_dates` (its month tables), with the header pattern kinds of
    :class:`tidings.when.grammar._HeaderGrammar`: ISO dates (``2024-03-14``, month-only
    ``2024-03``), numeric ``14/03/2024`` (month-first only where the pack says so: ``en``), a day and
    month name with or without a year (``14 mars 2024``, ``3 févr``, ``March 14, 2024``), each with a
    time of day when one follows (``mention.time``; ``mention.iso`` joins them).  A day written
    without its year has ``date`` ``--MM-DD`` (resolve it with
    :func:`tidings.when.resolve_yearless`).  ``lang`` may be None or a language without a pack:
    every pack's month names are tried after the language's own.  Impossible days (31 February)
    are dropped.  ``lexicon_dirs``: user lexicon folders whose ``<lang>/dates.tsv`` extends the
    grammar, as for :func:`find_dates`.  Raises ``TypeError`` when ``text`` is not a string and
    ``ValueError`` naming ``file:line`` for a bad ``dates.tsv`` row.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_header_dates: text must be a str, got {type(text).__name__}")
    return [copy.copy(m) for m in _find_header(text, lang, tuple(str(d) for d in lexicon_dirs))]
