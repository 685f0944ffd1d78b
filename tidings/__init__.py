"""tidings: political event data from news in many languages, offline.

Quick use::

    import tidings
    events = tidings.code_text("Francia y Alemania firmaron ayer un acuerdo de cooperación.", published="2024-03-14")
    for ev in events:
        print(ev.event_type, [a.code for a in ev.actors], ev.date)

``code_text``, ``code_html`` and ``code_file`` return ``list[Event]`` (see ``tidings.records.Event``:
the event record of the design, PLOVER type, CAMEO code, Goldstein, QuadClass, actors and
recipients with ISO 3166-1 alpha-3 countries and PLOVER sectors, date, place, modality, evidence).
For many documents build one ``Coder`` and call ``Coder.code_document``.
"""
from __future__ import annotations

from pathlib import Path

from tidings.records import Actor, Article, Dateline, Event, Place, RawDocument, Trigger

__version__ = "0.1.0"
__all__ = ["Coder", "Article", "Event", "Actor", "Place", "Dateline", "RawDocument", "Trigger",
           "code_text", "code_html", "code_file", "clean_text"]


def __getattr__(name):
    if name == "Coder":
        from tidings.coder import Coder

        return Coder
    raise AttributeError(name)


def _coder(lexicon_dirs=(), modalities=None):
    from tidings.coder import Coder, default_coder

    if not lexicon_dirs and modalities is None:
        return default_coder()
    kw = {"lexicon_dirs": lexicon_dirs}
    if modalities is not None:
        kw["modalities"] = modalities
    return Coder(**kw)


def code_text(text: str, *, lang: str | None = None, published: str | None = None, url: str | None = None,
              doc_id: str = "text", lexicon_dirs=(), modalities=None) -> list[Event]:
    """Code one plain-text article.

    ``lang``: ISO 639-1 (detected when None); ``published``: ISO date/timestamp used for relative
    dates; ``lexicon_dirs``: extra language-pack folders; ``modalities``: which modalities to return
    (default asserted and claimed; "all" for every modality).  Raises ``TypeError`` for a text that
    is not a string and ``ValueError`` for empty or unusable text or a language without a pack.

    Character offsets in the events (``trigger.start``, ``actors[i].start``...) index the cleaned
    article body (``Article.text``: chrome, title, dateline and trailer removed, NFKC, invisible
    characters dropped), not ``text`` itself; ``Coder().code_document(...)`` returns that article
    with the events, and ``clean_text(text).text`` gives the same body.
    """
    return _coder(lexicon_dirs, modalities).code_text(text, doc_id=doc_id, lang=lang, published=published, url=url)


def code_html(html: str, *, lang: str | None = None, published: str | None = None, url: str | None = None,
              doc_id: str = "html", lexicon_dirs=(), modalities=None) -> list[Event]:
    """Code one HTML page (article body via trafilatura, date via htmldate).  Same options as code_text."""
    return _coder(lexicon_dirs, modalities).code_html(html, doc_id=doc_id, lang=lang, published=published, url=url)


def code_file(path: str | Path, *, lang: str | None = None, published: str | None = None,
              url: str | None = None, lexicon_dirs=(), modalities=None) -> list[Event]:
    """Code every document of a file or directory (.txt, .html, .jsonl).

    Raises ``ValueError`` naming the input when a document cannot be read or cleaned."""
    from tidings.read import iter_documents
    from tidings.run import code_documents

    if not isinstance(path, (str, Path)):
        raise TypeError(f"code_file: path must be a str or Path, got {type(path).__name__}")
    coder = _coder(lexicon_dirs, modalities)
    events: list[Event] = []
    for res in code_documents(iter_documents([str(path)], lang=lang, published=published, url=url), coder):
        if res.error:
            raise ValueError(res.error)
        events.extend(res.events)
    return events


def clean_text(text: str, *, lang: str | None = None, published: str | None = None, url: str | None = None,
               doc_id: str = "text") -> Article:
    """Clean a raw article (chrome, title, dateline, trailer, language) without coding it."""
    from tidings.clean import clean

    return clean(RawDocument(doc_id, text=text, lang=lang, published=published, url=url, source=doc_id))
