"""Language packs for cleaning: ``tidings/lang/<xx>/chrome.tsv`` loaded lazily, once per language.

File format: UTF-8 TSV, ``#`` comment lines, a header line ``kind<TAB>pattern``, then one row per pattern.

====================  ======================================================================
kind                  meaning
====================  ======================================================================
``line``              an exact page-chrome line (compared casefolded, surrounding space ignored)
``prefix``            a line starting with it is dropped ("read also" teasers, share labels)
``cookie``            consent-banner vocabulary (whole words/phrases, casefolded)
``dateline``          regex, named groups ``place``/``date``/``agency`` (all optional)
``trailer``           regex, named groups ``section`` and ``timestamp``
``header_date``       regex for a header/byline date line, group ``date`` (and optional ``rest``)
``byline``            regex for a whole byline line ("By Jane Roe, Lagos")
``feed``              regex for a feed or CMS trailer found anywhere in a line ("The post X appeared first
                      on Y", "L'articolo X proviene da Y"): the line is cut where it starts
====================  ======================================================================

Month and weekday names are not chrome: they live once, in ``dates.tsv`` (read by
:mod:`tidings.when`, which finds the dates inside ``dateline``/``trailer``/``header_date`` groups).

Regexes are Python :mod:`re` patterns applied with ``re.match`` to a stripped line; ``header_date``
and ``byline`` are case-insensitive.  A bad file raises :class:`ValueError` naming ``file:line``.
Adding a language is adding a folder with a ``chrome.tsv``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

LANG_DIR = Path(__file__).resolve().parent.parent / "lang"
KINDS = ("line", "prefix", "cookie", "dateline", "trailer", "header_date", "byline", "feed")


@dataclass
class ChromePatterns:
    """Compiled chrome patterns of one language (or the union of all: ``lang == '*'``)."""

    lang: str
    lines: set[str] = field(default_factory=set)
    prefixes: tuple[str, ...] = ()
    cookie_words: tuple[str, ...] = ()
    cookie_re: re.Pattern | None = None
    datelines: list[re.Pattern] = field(default_factory=list)
    trailers: list[re.Pattern] = field(default_factory=list)
    header_dates: list[re.Pattern] = field(default_factory=list)
    bylines: list[re.Pattern] = field(default_factory=list)
    feeds: list[re.Pattern] = field(default_factory=list)


def available_languages() -> list[str]:
    """ISO 639-1 codes of the folders under ``tidings/lang`` that hold a ``chrome.tsv``, sorted."""
    if not LANG_DIR.is_dir():
        return []
    return sorted(p.name for p in LANG_DIR.iterdir() if (p / "chrome.tsv").is_file())


@lru_cache(maxsize=1)
def _languages() -> tuple[str, ...]:
    """``available_languages()``, read once per process like the patterns themselves (``_load``)."""
    return tuple(available_languages())


def _read_rows(path: Path) -> list[tuple[int, str, str]]:
    """(line, kind, pattern) rows of a ``chrome.tsv`` (tidings.packfile; the pattern is kept as
    written, spaces included).  Raises ValueError naming file:line."""
    from tidings.packfile import read_rows

    rows = []
    for n, r in read_rows(path, ("kind", "pattern"), required=("kind", "pattern"), error=ValueError, rest_in_last=True):
        if r["kind"] == "month":
            raise ValueError(f"{path}:{n}: month names belong in dates.tsv (kind month or month_abbr), not chrome.tsv")
        if r["kind"] not in KINDS:
            raise ValueError(f"{path}:{n}: unknown kind {r['kind']!r} (expected one of {', '.join(KINDS)})")
        rows.append((n, r["kind"], r["pattern"]))
    return rows


def _compile(path: Path, n: int, pattern: str, flags: int = 0) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ValueError(f"{path}:{n}: bad regex {pattern!r}: {exc}") from None


def load(lang: str, extra_dirs=()) -> ChromePatterns:
    """Compiled patterns of one language; an unknown language gives empty patterns.

    ``load('*')`` is the union of every available language (own-language entries are not needed to
    recognise chrome: scraped pages often mix an English share bar into a Spanish article).
    ``extra_dirs``: user lexicon folders whose ``<lang>/chrome.tsv`` rows extend the packaged ones.
    Raises ValueError naming ``file:line`` for a bad row.
    """
    return _load(lang, tuple(str(d) for d in extra_dirs))


@lru_cache(maxsize=None)
def _load(lang: str, extra_dirs: tuple[str, ...]) -> ChromePatterns:
    if lang == "*":
        out = ChromePatterns("*")
        prefixes: list[str] = []
        cookies: list[str] = []
        for code in available_languages():
            p = _load(code, extra_dirs)
            out.lines |= p.lines
            prefixes.extend(p.prefixes)
            cookies.extend(p.cookie_words)
            out.datelines.extend(p.datelines)
            out.trailers.extend(p.trailers)
            out.header_dates.extend(p.header_dates)
            out.bylines.extend(p.bylines)
            out.feeds.extend(p.feeds)
        out.prefixes = tuple(dict.fromkeys(prefixes))
        out.cookie_words = tuple(dict.fromkeys(cookies))
        out.cookie_re = _cookie_regex(out.cookie_words)
        return out
    out = ChromePatterns(lang)
    if not re.fullmatch(r"[a-z]{2,3}", lang or ""):
        return out
    paths = [p for p in [LANG_DIR / lang / "chrome.tsv"] + [Path(d) / lang / "chrome.tsv" for d in extra_dirs]
             if p.is_file()]
    prefixes = []
    cookies = []
    for path, n, kind, pattern in ((path, *row) for path in paths for row in _read_rows(path)):
        if kind == "line":
            out.lines.add(pattern.strip().casefold())
        elif kind == "prefix":
            prefixes.append(pattern.strip().casefold())
        elif kind == "cookie":
            cookies.append(pattern.strip().casefold())
        elif kind == "dateline":
            out.datelines.append(_compile(path, n, pattern))
        elif kind == "trailer":
            out.trailers.append(_compile(path, n, pattern))
        elif kind == "header_date":
            out.header_dates.append(_compile(path, n, pattern, re.IGNORECASE))
        elif kind == "byline":
            out.bylines.append(_compile(path, n, pattern, re.IGNORECASE))
        elif kind == "feed":
            out.feeds.append(_compile(path, n, pattern, re.IGNORECASE))
    out.prefixes = tuple(prefixes)
    out.cookie_words = tuple(cookies)
    out.cookie_re = _cookie_regex(out.cookie_words)
    return out


def _cookie_regex(words: tuple[str, ...]) -> re.Pattern | None:
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)")


def languages_in_order(lang: str | None, extra_dirs=()) -> list[ChromePatterns]:
    """The pattern sets to try for a document: its own language first, then every other one
    (``extra_dirs``: user lexicon folders, as for :func:`load`)."""
    order = [lang] if lang else []
    order += [c for c in _languages() if c != lang]
    return [load(c, extra_dirs) for c in order]
