"""Event dates: find date expressions in a sentence and pick the date of an event.

Two public steps:

* :func:`find_dates` finds every date expression in a text (explicit dates such as ``9 de junio de
  2022``, ``14 sept. 2024``, ``01.11.2019``, ``2022-06-10``, ``в мае``; relative ones such as ``ayer``,
  ``el pasado martes``, ``в ночь на вторник``, ``two days ago``, ``last week``) and resolves each against a
  base date (the publication date).
* :func:`resolve_event_date` applies the event-date rule of tidings: an explicit date in the event's
  sentence (the one nearest the trigger), else a relative expression resolved against the base date
  (publication date, else dateline date), else the dateline date, else the publication date.  The
  ``source`` field says which rule fired (``explicit`` | ``relative`` | ``dateline`` | ``published``).

Dates are ISO 8601 strings: ``YYYY-MM-DD`` (precision ``day`` or ``week``; for ``week`` the date is the
Monday of that ISO week), ``YYYY-MM`` (``month``) or ``YYYY`` (``year``).  Weekdays count Monday=0, as in
ISO 8601 and :meth:`datetime.date.weekday`.

Language knowledge is data: month and weekday names come from CLDR through babel
(``babel.dates.get_month_names`` / ``get_day_names``, wide and abbreviated, format and stand-alone
contexts); everything else (inflected month forms, relative words, number words, prepositions) is read
from ``tidings/lang/<xx>/dates.tsv`` (columns ``kind  pattern  value``; the kinds are documented in
``docs/dates.md``).  A language without a ``dates.tsv`` but known to CLDR gets explicit dates only.
Regexes are compiled once per language, lazily, on first use.
"""
from __future__ import annotations

import copy
import datetime as _dt
import email.utils
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["DateMention", "ResolvedDate", "find_dates", "resolve_event_date", "parse_published",
           "supported_languages"]

LANG_DIR = Path(__file__).resolve().parent / "lang"

# Distance penalties (characters) for clause markers between a date mention and the trigger.
_PENALTY_BEFORE = 40   # marker between an earlier mention and the trigger: the trigger sits in another clause
_PENALTY_AFTER = 10    # marker between the trigger and a later mention
_PENALTY_HARD = 60     # ';' or a dash between them (both directions)
# A bare year ("in 2011") far from the trigger is background ("the office attacked in 2011"), not the
# event's date: with a known trigger it is used only within this (penalized) distance.
_YEAR_MAX_DISTANCE = 40


@dataclass
class DateMention:
    """One date expression found in a text.

    ``text`` is the matched span, ``start``/``end`` are character offsets into the text given to
    :func:`find_dates` (half-open).  ``date`` is ISO ``YYYY-MM-DD`` | ``YYYY-MM`` | ``YYYY``;
    ``precision`` is ``day`` | ``week`` | ``month`` | ``year`` (for ``week`` the date is that week's
    Monday).  ``kind`` is ``explicit`` (calendar date written out) or ``relative`` (resolved against the
    base date).  For a range ("del 3 al 5 de marzo") ``date`` is the start and ``end_date`` the end.
    """

    text: str
    start: int
    end: int
    date: str
    precision: str
    kind: str
    end_date: str | None = None


@dataclass
class ResolvedDate:
    """The date chosen for an event.

    ``date``/``precision`` as in :class:`DateMention`; ``source`` is ``explicit`` | ``relative`` |
    ``dateline`` | ``published``; ``mention`` is the date expression used (None for the dateline and
    publication fallbacks).  All fields are None when nothing at all is known.
    """

    date: str | None
    precision: str | None
    source: str | None
    mention: DateMention | None


# ---------------------------------------------------------------------------------------------
# Normalization (length-preserving, so offsets stay valid)

_TABLE = {ord(a): b for a, b in zip("٠١٢٣٤٥٦٧٨٩", "0123456789")}
_TABLE.update({ord(a): b for a, b in zip("۰۱۲۳۴۵۶۷۸۹", "0123456789")})
_TABLE.update({ord(c): "ا" for c in "أإآٱ"})
_TABLE.update({ord("ى"): "ي", ord("ё"): "е", ord("Ё"): "Е", ord("’"): "'", ord("‘"): "'", ord("`"): "'",
               ord("\u00a0"): " ", ord("\u202f"): " ", ord("\u2009"): " ", ord("\u2007"): " "})


def _norm(s: str) -> str:
    return s.translate(_TABLE)


def _key(s: str) -> str:
    """Lookup key of a matched phrase: normalized, accents stripped, case-folded, spaces collapsed."""
    s = unicodedata.normalize("NFKD", _norm(s))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.casefold().split())


def _strip_accents(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


_LATIN = re.compile(r"^[\x00-\u024f\s]+$")


def _alt(patterns) -> str:
    """Regex alternation of literal phrases (longest first); ``(?!)`` when empty."""
    forms = set()
    for p in patterns:
        p = _norm(p.strip())
        if not p:
            continue
        forms.add(p)
        if _LATIN.match(p):
            forms.add(_strip_accents(p))
    if not forms:
        return "(?!)"
    parts = []
    for f in sorted(forms, key=lambda x: (-len(x), x)):
        parts.append(r"\s+".join(re.escape(w) for w in f.split()))
    return "(?:" + "|".join(parts) + ")"


# ---------------------------------------------------------------------------------------------
# Language packs


class _Pack:
    """Compiled date grammar of one language (built once, see :func:`_pack`)."""

    def __init__(self, lang: str, rows: list[tuple[str, str, str]]):
        self.lang = lang
        self.rows = rows
        kinds: dict[str, dict[str, str]] = {}     # kind -> {pattern: value} (last one wins)
        for kind, pat, val in rows:
            kinds.setdefault(kind, {})[pat] = val
        opt = kinds.get("option", {})
        self.mdy = opt.get("mdy") == "1"
        self.month_capital = opt.get("month_capital") == "1"

        # months: CLDR wide (format + stand-alone) and TSV `month` are free forms; CLDR abbreviated
        # and TSV `month_abbr` count only next to a day number (with a dot) or with a year.
        free: dict[str, int] = {}
        abbr: dict[str, int] = {}
        try:
            from babel.dates import get_day_names, get_month_names
            for ctx in ("format", "stand-alone"):
                for m, name in get_month_names("wide", context=ctx, locale=lang).items():
                    free[name] = int(m)
                for m, name in get_month_names("abbreviated", context=ctx, locale=lang).items():
                    abbr[name.rstrip(".")] = int(m)
            days = {}
            for ctx in ("format", "stand-alone"):
                for d, name in get_day_names("wide", context=ctx, locale=lang).items():
                    days[name] = int(d)
        except Exception as exc:  # unknown locale
            raise ValueError(f"unsupported language {lang!r} for dates: CLDR has no locale data ({exc})") from None
        for pat, val in kinds.get("month", {}).items():
            free[pat] = int(val)
        for pat, val in kinds.get("month_abbr", {}).items():
            abbr[pat.rstrip(".")] = int(val)
        free_keys = {_key(k) for k in free}
        abbr = {k: v for k, v in abbr.items() if _key(k) not in free_keys}
        for pat, val in kinds.get("weekday", {}).items():
            days[pat] = int(val)
        ctx_days = {pat: int(val) for pat, val in kinds.get("weekday_ctx", {}).items()}
        for pat in ctx_days:
            days.pop(pat, None)
        self.month_of = {_key(k): v for k, v in {**abbr, **free}.items()}
        self.wd_of = {_key(k): v for k, v in {**days, **ctx_days}.items()}
        self.ctx_days = {_key(k) for k in ctx_days}

        def vals(kind):
            return {_key(k): v for k, v in kinds.get(kind, {}).items()}

        self.relday = {k: int(v) for k, v in vals("relative_day").items()}
        self.numbers = {k: int(v) for k, v in vals("number").items()}
        self.units = vals("unit")
        self.relweek = {k: int(v) for k, v in vals("relative_week").items()}
        self.relmonth = {k: int(v) for k, v in vals("relative_month").items()}
        self.relyear = {k: int(v) for k, v in vals("relative_year").items()}

        def words(kind, value=None):
            return [p for k, p, v in rows if k == kind and (value is None or v == value)]

        FREE, ABBR = _alt(free), _alt(abbr)
        MANY = rf"(?:{FREE}|{ABBR}\.?)"          # any month form (digit context + year)
        MDOT = rf"(?:{FREE}|{ABBR}\.)"           # month form allowed without a year
        DSUF = _alt(words("day_suffix") + ["º", "°"])
        DMJ = _alt(words("dm_joiner"))
        MYJ = _alt(words("my_joiner"))
        YSUF = _alt(words("year_suffix"))
        LB, RB = r"(?<!\w)", r"(?!\w)"
        clitics = words("clitic")
        CLB = LB + (rf"(?:{_alt(clitics)})?" if clitics else "")

        def day(g):
            return rf"(?P<{g}>[0-3]?\d)(?!\d)(?:{DSUF})?"

        def year(g):
            return rf"(?P<{g}>(?:1[89]|20)\d\d)(?!\d)(?:\s*{YSUF}(?!\w))?"

        YP = rf"(?:\s*,?\s*(?:{MYJ}\s+)?{year('y')})"
        FROM, TO = _alt(words("range_from")), _alt(words("range_to"))
        WD = _alt(list(days) + list(ctx_days))
        WPREP = _alt(words("weekday_prep"))
        DPPRE, DPPOST, DPSUF = (_alt(words("day_part", v)) for v in ("pre", "post", "suffix"))
        LASTPRE, LASTPOST = _alt(words("last", "pre")), _alt(words("last", "post"))
        THISPRE, THISPOST = _alt(words("this", "pre")), _alt(words("this", "post"))
        NEXTPRE, NEXTPOST = _alt(words("next", "pre")), _alt(words("next", "post"))
        NUM = rf"(?:\d{{1,3}}|{_alt(words('number'))})"
        UNIT = _alt(words("unit"))

        R = {}
        R["iso"] = r"(?<![\d/.-])(?P<y>(?:1[89]|20)\d\d)([-/.])(?P<m>[01]?\d)\2(?P<d>[0-3]?\d)(?!\d)"
        R["num"] = r"(?<![\d/.,-])(?P<a>[0-3]?\d)([./-])(?P<b>[0-3]?\d)\2(?P<y>(?:1[89]|20)\d\d|\d\d)(?![\d]|[./-]\d)"
        R["range1"] = (rf"{LB}(?:{FROM}\s+)?{day('d1')}\s*(?:{TO}|[-–—])\s*{day('d2')}\s*(?:{DMJ}\s+)?"
                       rf"(?P<m>{MANY}){YP}?{RB}")
        R["range2"] = (rf"{LB}(?:{FROM}\s+)?{day('d1')}\s*(?:{DMJ}\s+)?(?P<m1>{MANY})\s*(?:{TO}|[-–—])\s*"
                       rf"{day('d2')}\s*(?:{DMJ}\s+)?(?P<m>{MANY}){YP}?{RB}")
        R["dmy"] = rf"{LB}{day('d')}\s*(?:{DMJ}\s+)?(?P<m>{MANY})(?:\s*/\s*(?P<m2>{FREE}))?{YP}{RB}"
        R["dm"] = rf"{LB}{day('d')}\s*(?:{DMJ}\s+)?(?P<m>{MDOT})(?:\s*/\s*(?P<m2>{FREE}))?{RB}"
        if self.mdy:
            R["mdy"] = (rf"{LB}(?P<m>{FREE}|{ABBR}\.?)\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
                        rf"(?:\s*,\s*{year('y')}|\s+{year('y2')})?{RB}")
        R["my"] = rf"{LB}(?P<m>{FREE})(?:\s*/\s*(?P<m2>{FREE}))?{YP}{RB}"
        R["pm"] = rf"{LB}{_alt(words('month_prep'))}\s+(?P<m>{FREE}){RB}"
        R["py"] = rf"{LB}{_alt(words('year_prep'))}\s+{year('y')}{RB}"
        R["relday"] = (rf"{CLB}(?P<rd>{_alt(words('relative_day'))})(?:\s*,?\s*(?:{WPREP}\s+)?(?P<wd>{WD}))?"
                       rf"(?:\s+{DPPOST})?{RB}")
        R["wd"] = (rf"{CLB}(?:(?P<dpre>{DPPRE})\s+)?(?:(?P<nb>{_alt(words('night_before'))})\s+)?"
                   rf"(?:(?P<prep>{WPREP})\s+)?(?:(?P<lp>{LASTPRE})\s+|(?P<tp>{THISPRE})\s+|(?P<np>{NEXTPRE})\s+)?"
                   rf"(?P<wd>{WD})(?:{DPSUF})?"
                   rf"(?:\s+(?:(?P<lq>{LASTPOST})|(?P<tq>{THISPOST})|(?P<nq>{NEXTPOST})))?(?:\s+{DPPOST})?{RB}")
        R["night"] = (rf"{CLB}{_alt(words('night_from'))}\s+(?P<wd1>{WD})\s+{_alt(words('night_to'))}\s+"
                      rf"(?P<wd>{WD}){RB}")
        R["ago"] = (rf"{CLB}(?:{_alt(words('ago', 'pre'))}\s+(?:(?P<n>{NUM})\s+)?(?P<u>{UNIT})"
                    rf"|(?:(?P<n2>{NUM})\s+)?(?P<u2>{UNIT})\s+{_alt(words('ago', 'post'))}){RB}")
        R["rel"] = (rf"{CLB}(?:(?P<rw>{_alt(words('relative_week'))})|(?P<rm>{_alt(words('relative_month'))})"
                    rf"|(?P<ry>{_alt(words('relative_year'))})){RB}")
        self.rx = [(name, re.compile(p, re.IGNORECASE)) for name, p in R.items()]
        blocks = words("block")
        self.block_rx = re.compile(rf"{LB}{_alt(blocks)}{RB}", re.IGNORECASE) if blocks else None
        self.clause_rx = re.compile(rf"{LB}{_alt(words('clause'))}(?=\W|$)|;|\s[-–—]\s", re.IGNORECASE)


def _read_tsv(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    header_seen = False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen:
            header_seen = True
            if [c.strip() for c in cols[:3]] != ["kind", "pattern", "value"]:
                raise ValueError(f"{path}:{n}: expected header 'kind<TAB>pattern<TAB>value', got {line!r}")
            continue
        if len(cols) < 2 or not cols[0].strip() or not cols[1].strip():
            raise ValueError(f"{path}:{n}: expected 'kind<TAB>pattern<TAB>value', got {line!r}")
        rows.append((cols[0].strip(), cols[1].strip(), cols[2].strip() if len(cols) > 2 else ""))
    return rows


def supported_languages() -> list[str]:
    """ISO 639-1 codes that have a ``tidings/lang/<xx>/dates.tsv`` (full relative-date support)."""
    return sorted(p.parent.name for p in LANG_DIR.glob("*/dates.tsv"))


@lru_cache(maxsize=None)
def _pack(lang: str) -> _Pack:
    if not isinstance(lang, str) or not re.fullmatch(r"[a-z]{2,3}", lang or ""):
        raise ValueError(f"invalid language code {lang!r}: expected an ISO 639-1 code such as 'es'")
    path = LANG_DIR / lang / "dates.tsv"
    rows = _read_tsv(path) if path.is_file() else []
    return _Pack(lang, rows)


# ---------------------------------------------------------------------------------------------
# Date arithmetic


def _as_date(d) -> _dt.date | None:
    if d is None:
        return None
    if isinstance(d, _dt.datetime):
        return d.date()
    if isinstance(d, _dt.date):
        return d
    if isinstance(d, str):
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


# ---------------------------------------------------------------------------------------------
# Finding


def _month(p: _Pack, s: str | None) -> int | None:
    if not s:
        return None
    return p.month_of.get(_key(s).rstrip("."))


def _interpret(p: _Pack, name: str, m: re.Match, base: _dt.date | None, orig: str):
    """(date, precision, kind, end_date) for one regex match, or None to reject it."""
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
    # relative expressions need a base date
    if base is None:
        return None
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
def _find(text: str, lang: str, base: _dt.date | None) -> tuple[DateMention, ...]:
    p = _pack(lang)
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


def find_dates(text: str, lang: str, base: _dt.date | None) -> list[DateMention]:
    """Every date expression in ``text``, in text order, resolved against ``base``.

    ``lang`` is an ISO 639-1 code (full support: the languages with a ``dates.tsv``, see
    :func:`supported_languages`; other CLDR languages get explicit dates only).  ``base`` is the
    reference day for relative expressions and year-less dates (a :class:`datetime.date`; a datetime
    is truncated to its date); without it, relative and year-less expressions are left out.
    Year-less dates take the year that puts them on or before ``base``; numeric dates are day-first
    except in English, where ``a/b/yyyy`` is month-first unless ``a`` > 12.  Mentions do not overlap
    (the longest wins).  Raises ``ValueError`` for an invalid or unknown language code and
    ``TypeError`` when ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates: text must be a str, got {type(text).__name__}")
    return [copy.copy(m) for m in _find(text, _lang_code(lang), _as_date(base))]


def _lang_code(lang: str) -> str:
    """'es', 'ES', 'pt-BR', 'pt_BR' -> the primary subtag in lower case; ValueError naming the input."""
    if not isinstance(lang, str) or not lang.strip():
        raise ValueError(f"invalid language code {lang!r}: expected an ISO 639-1 code such as 'es'")
    code = re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0]
    try:
        _pack(code)
    except ValueError as exc:
        raise ValueError(f"language {lang!r}: {exc}") from None
    return code


# ---------------------------------------------------------------------------------------------
# Event date


_EXPLICIT_BONUS = 40  # characters of nearness an explicit date is worth over a relative one


def _distance(p: _Pack, norm: str, m: DateMention, t: int | None) -> int:
    if t is None:
        return m.start
    if m.start <= t < m.end:
        return 0
    if m.end <= t:
        gap, before = norm[m.end:t], True
        dist = t - m.end
    else:
        gap, before = norm[t:m.start], False
        dist = m.start - t
    for hit in p.clause_rx.finditer(gap):
        if hit.group(0).strip() in (";", "-", "–", "—"):
            dist += _PENALTY_HARD
        else:
            dist += _PENALTY_BEFORE if before else _PENALTY_AFTER
    return dist


def resolve_event_date(sentence: str, lang: str, *, published: _dt.date | None,
                       dateline_date: _dt.date | None = None,
                       trigger_offset: int | None = None) -> ResolvedDate:
    """The date of an event whose trigger is in ``sentence``.

    Rule: (1) the date expression of the sentence nearest ``trigger_offset`` (a character offset into
    ``sentence``; without it the first one), explicit dates counted 40 characters nearer than relative
    ones, so an explicit date wins unless a relative one is clearly closer; dates after the base date
    are ignored (a report does not date a past event in the future) and relative expressions resolve
    against the base date (``published``, else ``dateline_date``); (2) ``dateline_date``;
    (3) ``published``.  Nearness counts characters plus a penalty for each
    clause marker (``dates.tsv`` kind ``clause``: relative pronouns, "because of", "after"...) between
    the mention and the trigger, heavier when the mention comes before the trigger.  With a trigger
    given, a year-only mention ("in 2011") more than 40 such characters away is taken as background
    and skipped.  ``published``/``dateline_date`` may also be ISO strings (parsed leniently).
    Returns a :class:`ResolvedDate` (all None when nothing is known).  Raises ``ValueError`` for an
    unknown language or an unparsable date string, ``TypeError`` for other non-date values.
    """
    pub, dl = _as_date(published), _as_date(dateline_date)
    base = pub or dl
    mentions = find_dates(sentence, lang, base) if sentence else []
    if mentions:
        p = _pack(_lang_code(lang))
        norm = _norm(sentence)
        usable = []
        for m in mentions:
            if base is not None and _period_start(m.date) > base:
                continue
            dist = _distance(p, norm, m, trigger_offset)
            if m.precision == "year" and trigger_offset is not None and dist > _YEAR_MAX_DISTANCE:
                continue
            # an explicit date wins unless a relative one is clearly nearer the trigger
            # ("X last week held talks ... suspended since April": last week)
            rank = dist if m.kind == "relative" else dist - _EXPLICIT_BONUS
            usable.append((rank, m.start, m))
        if usable:
            best = min(usable, key=lambda u: u[:2])[2]
            return ResolvedDate(best.date, best.precision, best.kind, best)
    if dl is not None:
        return ResolvedDate(dl.isoformat(), "day", "dateline", None)
    if pub is not None:
        return ResolvedDate(pub.isoformat(), "day", "published", None)
    return ResolvedDate(None, None, None, None)


# ---------------------------------------------------------------------------------------------
# Publication dates

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?\s*$")
_DMY = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$")


def parse_published(value: str | None) -> _dt.datetime | None:
    """Parse a publication date/time leniently; None when empty or unparsable (never raises).

    Accepts ISO 8601 (``2022-06-10``, ``2022-06-10T15:11:00Z``, ``2022-06-10 15:11:00+02:00``, also
    with trailing text), compact ``20220610``, RFC 2822 (``Fri, 10 Jun 2022 15:11:00 GMT``, as in RSS),
    day-first ``10/06/2022`` or ``10.06.2022``, Unix epoch seconds, and English month-name dates
    (``June 10, 2022``, ``10 June 2022``).  Returns a :class:`datetime.datetime` (timezone-aware when
    the input gives an offset, else naive); a date-only input gives midnight.
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
    m = _DMY.match(s)
    if m:
        g = [int(x) if x else 0 for x in m.groups()]
        try:
            return _dt.datetime(g[2], g[1], g[0], g[3], g[4], g[5])
        except ValueError:
            try:
                return _dt.datetime(g[2], g[0], g[1], g[3], g[4], g[5])
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
    try:
        for mention in find_dates(s, "en", None):
            if mention.kind == "explicit" and mention.precision == "day":
                return _dt.datetime.fromisoformat(mention.date)
    except ValueError:
        pass
    return None
