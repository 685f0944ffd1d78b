"""Article body, title and date from HTML: trafilatura + htmldate, with guards for field failures.

- B01: when the body sits in an ``<aside>`` (or similar) and precision mode returns nothing, or
  returns consent-banner prose, consent elements are removed, ``<aside>`` becomes ``<div>``, and
  extraction is retried (precision, then recall, then all ``<p>`` text).
- B02: comments are excluded; "read also" teasers are dropped later by the line filter.

Bounded cost: extraction time grows with the markup (about 3 s per MB of repeated blocks on the
reference machine), so a page over :data:`MAX_HTML_CHARS` characters once scripts, styles and
comments are cut is refused at once, and each page gets :data:`HTML_SECONDS` seconds (a watchdog,
``func_timeout``); both raise :class:`HtmlTooCostly` naming the limit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tidings.clean import patterns

MAX_HTML_CHARS = 5_000_000  # markup characters, after scripts, styles and comments are cut
HTML_SECONDS = 20.0  # watchdog on one page's extraction

_NOT_TEXT = re.compile(r"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->", re.S | re.I)


class HtmlTooCostly(ValueError):
    """A page too large or too slow to extract; the message says which limit it hit."""

_CONSENT_ATTR = re.compile(r"cookie|consent|gdpr|\bcmp\b|privacy|didomi|onetrust|banner", re.I)
_DROP_ATTR = re.compile(r"comment|sidebar|related|share|social|newsletter|promo|advert|\bads?\b|"
                        r"most-?read|popular|latest|ultimas|recommend|teaser", re.I)


@dataclass
class HtmlExtract:
    """What came out of one HTML page: ``text`` has one paragraph per line."""

    text: str
    title: str | None
    date: str | None  # ISO from htmldate (page metadata / visible date), or None


def consent_share(lines: list[str]) -> float:
    """Share (0..1) of the characters of ``lines`` that are in consent-banner lines."""
    total = sum(len(x) for x in lines) or 1
    return sum(len(x) for x in lines if is_consent(x)) / total


def is_consent(line: str) -> bool:
    """True when a line reads as a cookie/consent notice: at least two distinct consent words
    (``chrome.tsv`` ``cookie`` rows, all languages) and at most 60 words, or three in any length."""
    rx = patterns.load("*").cookie_re
    if rx is None:
        return False
    hits = {m.group(0) for m in rx.finditer(line.casefold())}
    return len(hits) >= 3 or (len(hits) >= 2 and len(line.split()) <= 60)


def _extract(html: str, **kw):
    import trafilatura

    return trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, **kw)


def _ok(doc) -> bool:
    if doc is None or not (doc.text or "").strip():
        return False
    lines = [x for x in doc.text.split("\n") if x.strip()]
    kept = [x for x in lines if not is_consent(x)]
    return consent_share(lines) < 0.5 and sum(len(x) for x in kept) >= 40


def _repaired(html: str) -> str | None:
    """The page with consent elements and comment/sidebar blocks removed and ``<aside>`` made ``<div>``."""
    try:
        import lxml.html
        from lxml import etree

        tree = lxml.html.document_fromstring(html)
    except Exception:
        return None
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        attrs = " ".join(filter(None, (el.get("class"), el.get("id"))))
        text = el.text_content() if el.tag in ("div", "section", "p", "span", "aside", "form", "dialog") else ""
        if el.tag in ("script", "style", "noscript", "nav", "footer", "form", "dialog", "iframe") or (
            attrs and (_CONSENT_ATTR.search(attrs) or _DROP_ATTR.search(attrs)) and not _has_article_inside(el)
        ) or (text and len(text) < 600 and is_consent(text)):
            el.drop_tree()
    for el in tree.iter("aside"):
        el.tag = "div"
    return etree.tostring(tree, encoding="unicode", method="html")


def _has_article_inside(el) -> bool:
    return any(True for _ in el.iter("article")) or sum(len(p.text_content()) for p in el.iter("p")) > 400


def _paragraphs(html: str) -> str:
    import lxml.html

    tree = lxml.html.document_fromstring(html)
    out = []
    for p in tree.iter("p", "h1", "h2", "li"):
        t = " ".join(p.text_content().split())
        if t and not is_consent(t):
            out.append(t)
    return "\n".join(out)


def extract_html(html: str, *, max_chars: int = MAX_HTML_CHARS,
                 seconds: float = HTML_SECONDS) -> HtmlExtract | None:
    """Body text (one paragraph per line), title and ISO publication date of an HTML page.

    Returns None when no article text can be found.  Dates: ``htmldate.find_date`` with
    ``original_date=True`` (timestamp ``YYYY-MM-DDTHH:MM:SS`` when the page gives a time).
    Raises :class:`HtmlTooCostly` for markup over ``max_chars`` characters (scripts, styles and
    comments not counted) or an extraction that runs over ``seconds`` (it is stopped).
    """
    if len(html) > max_chars:
        html = _NOT_TEXT.sub(" ", html)
        if len(html) > max_chars:
            raise HtmlTooCostly(f"HTML page too large to extract ({len(html) / 1e6:.1f} million characters of "
                                f"markup; the limit is {max_chars / 1e6:g} million)")
    from func_timeout import FunctionTimedOut, func_timeout

    try:
        return func_timeout(seconds, _extract_page, args=(html,))
    except FunctionTimedOut:
        raise HtmlTooCostly(f"HTML extraction stopped after {seconds:g} s ({len(html) / 1e6:.1f} million "
                            f"characters of markup)") from None


def _extract_page(html: str) -> HtmlExtract | None:
    doc = _extract(html, favor_precision=True)
    if not _ok(doc):
        fixed = _repaired(html)
        doc = None
        if fixed:
            for kw in (dict(favor_precision=True), dict(favor_recall=True)):
                d = _extract(fixed, **kw)
                if _ok(d):
                    doc = d
                    break
            if doc is None:
                text = _paragraphs(fixed)
                if len(text) >= 20:
                    return HtmlExtract(text, _title_of(fixed), _find_date(html))
        if doc is None:
            # last resort for pages lxml cannot hold (nesting deeper than 255, a text node over 10 MB):
            # the standard library's tolerant parser, text of the block elements only
            text = _plain_text(html)
            if len(text) >= 20:
                return HtmlExtract(text, _title_of(html), _find_date(html))
            return None
    return HtmlExtract(doc.text or "", doc.title, _find_date(html))


def _plain_text(html: str) -> str:
    """Text of a page's paragraphs, headings and list items by ``html.parser`` (no depth or size
    limits), skipping scripts, styles and consent lines; one block per line."""
    from html.parser import HTMLParser

    class _Blocks(HTMLParser):
        BLOCKS = {"p", "h1", "h2", "h3", "li", "div", "td", "article", "section", "br"}

        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.lines: list[str] = []
            self.cur: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag, attrs):
            if tag in ("script", "style", "noscript", "template"):
                self.skip += 1
            elif tag in self.BLOCKS:
                self.flush()

        def handle_endtag(self, tag):
            if tag in ("script", "style", "noscript", "template"):
                self.skip = max(0, self.skip - 1)
            elif tag in self.BLOCKS:
                self.flush()

        def handle_data(self, data):
            if not self.skip:
                self.cur.append(data)

        def flush(self):
            t = " ".join("".join(self.cur).split())
            if t and not is_consent(t):
                self.lines.append(t)
            self.cur = []

    parser = _Blocks()
    try:
        parser.feed(html)
        parser.close()
        parser.flush()
    except Exception:
        return ""
    return "\n".join(parser.lines)


def _title_of(html: str) -> str | None:
    m = re.search(r"<h1[^>]*>(.*?)</h1>|<title[^>]*>(.*?)</title>", html, re.S | re.I)
    if not m:
        return None
    t = re.sub(r"<[^>]+>", "", m.group(1) or m.group(2) or "")
    return " ".join(t.split()) or None


def _find_date(html: str) -> str | None:
    try:
        from htmldate import find_date

        d = find_date(html, outputformat="%Y-%m-%dT%H:%M:%S", original_date=True)
    except Exception:
        return None
    if not d:
        return None
    return d[:10] if d.endswith("T00:00:00") else d
