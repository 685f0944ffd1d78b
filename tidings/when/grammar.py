"""The date grammar of each language: ``tidings/lang/<xx>/dates.tsv`` plus CLDR month and weekday
names, compiled once per language into regexes (see :mod:`tidings.when`)."""
from __future__ import annotations

import re
import unicodedata
from functools import cached_property, lru_cache
from pathlib import Path

from tidings.text import fold

LANG_DIR = Path(__file__).resolve().parent.parent / "lang"

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
    """Lookup key of a matched phrase: the matching fold (``tidings.text.fold``) of the normalized
    phrase, spaces collapsed."""
    return " ".join(fold(_norm(s)).split())


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


def _cldr_month_first(lang: str) -> bool:
    """True when the CLDR short date pattern of ``lang`` puts the month before the day (en: M/d/yy)."""
    try:
        from babel.dates import get_date_format

        p = get_date_format("short", locale=lang).pattern
    except Exception:
        return False
    return p.find("M") < p.find("d")


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
        self.mdy = opt["mdy"] == "1" if "mdy" in opt else _cldr_month_first(lang)
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
            days, days_abbr = {}, {}
            for ctx in ("format", "stand-alone"):
                for d, name in get_day_names("wide", context=ctx, locale=lang).items():
                    days[name] = int(d)
                for d, name in get_day_names("abbreviated", context=ctx, locale=lang).items():
                    days_abbr[name.rstrip(".")] = int(d)
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
        self.month_forms = {**abbr, **free}          # every month form as written -> 1..12
        self.month_of = {_key(k): v for k, v in self.month_forms.items()}
        self.wd_of = {_key(k): v for k, v in {**days, **ctx_days}.items()}
        self.ctx_days = {_key(k) for k in ctx_days}
        # every weekday form, abbreviations included ("Mon", "lun."): words a header line may hold
        self.weekday_words = frozenset(_key(k) for k in {**days_abbr, **days, **ctx_days})
        self.weekday_full = frozenset(_key(k) for k in {**days, **ctx_days})   # no abbreviations
        # weekday phrases that date a clause on their own: a form needing context only after a
        # weekday preposition ("в среду", "يوم الاثنين"), as the grammar reads it
        self.weekday_phrases = frozenset(_key(k) for k in days) | frozenset(
            _key(f"{prep} {k}") for k in ctx_days for _, prep, _ in (r for r in rows if r[0] == "weekday_prep"))
        self.month_full = frozenset(_key(k) for k in free)

        self._compile(kinds, free, abbr, days, ctx_days)

    def _compile(self, kinds, free, abbr, days, ctx_days) -> None:
        """The relative-word tables and the regexes of the date grammar."""
        rows = self.rows

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
        else:  # "Nov 14, 2020" in a byline of a day-first language: unambiguous with its comma and year
            R["mdy"] = (rf"{LB}(?P<m>{FREE}|{ABBR}\.?)\s+(?P<d>[0-3]?\d)(?!\d)\s*,\s*{year('y')}{RB}")
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
        # compiled on first use (``rx``, ``block_rx``, ``clause_rx``, ``cause_rx``: the large alternations
        # of eight languages were about a quarter of a second of every start-up); causes ("over", "a raíz de")
        self._rx_src, blocks, causes = list(R.items()), words("block"), words("clause", "cause")
        self._block_src = rf"{LB}{_alt(blocks)}{RB}" if blocks else None
        self._clause_src = rf"{LB}{_alt(words('clause'))}(?=\W|$)|;|\s[-–—]\s"
        self._cause_src = rf"{LB}{_alt(causes)}(?=\W|$)" if causes else None

    @cached_property
    def rx(self) -> list[tuple[str, re.Pattern]]:
        """(name, compiled regex) of the grammar's date patterns, in priority order."""
        return [(name, re.compile(p, re.IGNORECASE)) for name, p in self._rx_src]

    @cached_property
    def block_rx(self) -> re.Pattern | None:
        """Phrases that block a date reading (``block`` rows), or None."""
        return re.compile(self._block_src, re.IGNORECASE) if self._block_src else None

    @cached_property
    def clause_rx(self) -> re.Pattern:
        """Clause boundaries (``clause`` rows, semicolons, dashes)."""
        return re.compile(self._clause_src, re.IGNORECASE)

    @cached_property
    def cause_rx(self) -> re.Pattern | None:
        """Cause words (``clause`` rows of value ``cause``): a date after one dates another event."""
        return re.compile(self._cause_src, re.IGNORECASE) if self._cause_src else None



def _read_tsv(path: Path) -> list[tuple[str, str, str]]:
    """(kind, pattern, value) rows of a ``dates.tsv`` (tidings.packfile; ValueError naming file:line)."""
    from tidings.packfile import read_rows

    return [(r["kind"], r["pattern"], r["value"])
            for _, r in read_rows(path, ("kind", "pattern", "value"), required=("kind", "pattern"), error=ValueError)]


def supported_languages() -> list[str]:
    """ISO 639-1 codes that have a ``tidings/lang/<xx>/dates.tsv`` (full relative-date support)."""
    return sorted(p.parent.name for p in LANG_DIR.glob("*/dates.tsv"))


def _pack(lang: str, extra_dirs=()) -> _Pack:
    """The compiled date grammar of ``lang``: the packaged ``dates.tsv``, then the ``<lang>/dates.tsv``
    of each user lexicon folder in ``extra_dirs`` (later rows of a kind and pattern win).  Raises
    ValueError for a bad language code or a bad row (``file:line``)."""
    return _pack_cached(lang, tuple(str(d) for d in extra_dirs))


@lru_cache(maxsize=None)
def _pack_cached(lang: str, extra_dirs: tuple[str, ...]) -> _Pack:
    if not isinstance(lang, str) or not re.fullmatch(r"[a-z]{2,3}", lang or ""):
        raise ValueError(f"invalid language code {lang!r}: expected an ISO 639-1 code such as 'es'")
    import hashlib

    from tidings.packcache import cached, library_versions, package_sources

    paths = [LANG_DIR / lang / "dates.tsv"] + [Path(d) / lang / "dates.tsv" for d in extra_dirs]
    # through the compiled cache (the CLDR month and weekday names come from babel: a tenth of a second
    # for eight languages); the regexes are compiled on first use, never pickled
    name = f"dates-{lang}-" + hashlib.sha256("|".join(extra_dirs).encode()).hexdigest()[:8]
    return cached(name, [p.parent for p in paths], package_sources(),
                  lambda: _Pack(lang, [row for path in paths if path.is_file() for row in _read_tsv(path)]),
                  extra=library_versions("babel"))


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
# Pattern kinds of header lines, datelines, trailers and URLs (the publication-date finders)

_CONNECT = r"(?:\s+[^\W\d_]{1,2}\s+|[\s,./-]+)"   # "de", "du" or punctuation between day and month
TIME_RX = re.compile(r"[^\d\n]{0,6}?(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?!\d)")   # "10:22", "à 17h25"


class _HeaderGrammar:
    """The header pattern kinds of one language (built once, see :func:`header_grammar`).

    A header line, dateline or trailer is already a date slot, so these kinds drop the event
    grammar's guards: an abbreviated month needs no dot (``3 févr``), month-day order (``Nov 14``) is
    read in every language, and the month tables are the language's own first, then every other
    pack's (a Spanish page often carries an English byline date).  Kinds: ``iso`` (``2024-03-14``,
    ``2024-03``, with a time), ``num`` (``14/03/2024``, order from the pack), ``dmy`` (``14 de marzo
    [de] 2024``), ``mdy`` (``March 14[, 2024]``)."""

    def __init__(self, lang: str | None, extra_dirs: tuple[str, ...] = ()):
        own = _try_pack(lang, extra_dirs)
        packs = ([own] if own else []) + [_pack(c, extra_dirs) for c in supported_languages() if c != lang]
        self.month_of: dict[str, int] = {}
        forms: set[str] = set()
        weekdays: set[str] = set()
        for p in packs:
            for k, v in p.month_of.items():
                self.month_of.setdefault(k, v)
            forms.update(p.month_forms)
            weekdays |= p.weekday_words
        self.weekday_words = frozenset(weekdays)
        self.mdy = own.mdy if own else False
        MON = rf"(?P<m>{_alt(forms)})(?![^\W\d_])"
        R = {
            "iso": r"(?<![\d/.])(?P<y>\d{4})-(?P<mo>\d{1,2})(?:-(?P<d>\d{1,2}))?"
                   r"(?:[T ](?P<hh>\d{1,2}):(?P<mi>\d{2})(?::(?P<ss>\d{2}))?)?(?!\d)",
            "num": r"(?<![\d/.])(?P<a>\d{1,2})([./-])(?P<b>\d{1,2})\2(?P<y>\d{4})(?![\d/.])",
            "dmy": (rf"(?<![\d/.])(?P<d>\d{{1,2}})(?:er|º|°|st|nd|rd|th)?\.?{_CONNECT}{MON}\.?"
                    rf"(?:(?:\s+[^\W\d_]{{1,2}}\s+|[\s,]+)(?P<y>\d{{4}}))?(?!\d)"),
            "mdy": rf"(?<!\w){MON}\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?(?![\d:])",
        }
        self.rx = [(name, re.compile(p, re.IGNORECASE)) for name, p in R.items()]


def _try_pack(lang: str | None, extra_dirs=()) -> "_Pack | None":
    """The date grammar of ``lang``, or None for no language or one CLDR does not know."""
    try:
        return _pack(lang, extra_dirs) if lang else None
    except ValueError:
        return None


def header_grammar(lang: str | None, extra_dirs=()) -> _HeaderGrammar:
    """The header pattern kinds of ``lang`` (None or an unknown language: every pack's months);
    ``extra_dirs``: user lexicon folders whose ``dates.tsv`` rows extend the packs, as for
    :func:`_pack`.  Built once per language and folders."""
    return _header_grammar(lang, tuple(str(d) for d in extra_dirs))


@lru_cache(maxsize=None)
def _header_grammar(lang: str | None, extra_dirs: tuple[str, ...]) -> _HeaderGrammar:
    return _HeaderGrammar(lang, extra_dirs)


# (kind, pattern) over a URL's path: "ymd" year month day, "ybd" year, English month abbreviation,
# day, "ym", "y", "stamp" a compact timestamp and "dstamp" a day-first one (their time part is
# checked, so an article number rarely passes).  Tried in this order; the first valid one wins.
URL_PATTERNS = (
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
