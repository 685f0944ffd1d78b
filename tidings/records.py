"""Typed records passed between the pipeline stages (see DESIGN: one record at each boundary).

    source --read--> RawDocument --clean--> Article --segment--> Sentence[]
      --recognize--> Mention[] --link--> EventCandidate[] --resolve--> Event[]

All character offsets (``start``/``end``) are Python string indices into ``Article.text``
(the cleaned body), half-open ``[start, end)``.  Dates are ISO 8601 strings
(``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``); timestamps ``YYYY-MM-DDTHH:MM:SS``.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

MODALITIES = ("asserted", "negated", "hypothetical", "future", "claimed")


@dataclass
class RawDocument:
    """One input document as read from its source, before cleaning.

    Exactly one of ``text`` or ``html`` is set.  ``published`` is an ISO date or
    timestamp given by the source (JSONL field, CLI ``--published``), else None.
    ``lang`` is a caller-given ISO 639-1 hint (``--lang``), else None.
    ``source`` names where it came from (a path, ``-`` for stdin, or ``path:line``).
    ``crawled`` is the ISO timestamp a crawler fetched it (a WARC record's ``WARC-Date``), else None;
    it stands for the publication date only when the page gives none.
    ``key`` is the document's identity across runs, set by the reader (docs/store.md): the JSONL
    ``id``, else the record's ``url``, else the file's real path (``+ :line`` for a JSONL line),
    else (standard input) ``stdin:`` + 16 hex digits of the text's SHA-256; None for documents
    made by a caller, whose ``doc_id`` then serves.
    """

    doc_id: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    published: str | None = None
    lang: str | None = None
    source: str | None = None
    crawled: str | None = None
    key: str | None = None


@dataclass
class Dateline:
    """A news dateline such as ``Bakú, 10 de junio, AZERTAC`` or ``WASHINGTON, March 3 (Reuters) -``.

    ``date`` is resolved to ISO (year taken from the publication date when the line has none);
    ``country`` is ISO 3166-1 alpha-3 of ``place`` when known.
    """

    text: str
    place: str | None = None
    country: str | None = None
    date: str | None = None
    agency: str | None = None


@dataclass
class Article:
    """A cleaned article: the body text the coder reads, plus what cleaning found.

    ``text`` is the body only: page chrome, title line, dateline and section/timestamp trailer are
    removed (``removed_chrome`` keeps the chrome lines for audit).  ``published`` is ISO
    (date or timestamp) or None; ``language`` is ISO 639-1.
    """

    doc_id: str
    text: str
    language: str
    title: str | None = None
    published: str | None = None
    published_source: str | None = None  # explicit|metadata|dateline|url|trailer|given|crawl
    dateline: Dateline | None = None
    section: str | None = None
    url: str | None = None
    source: str | None = None
    removed_chrome: list[str] = field(default_factory=list)
    language_score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The article fields as a plain JSON-able dict."""
        return asdict(self)


@dataclass
class Token:
    """A token with its offsets into ``Article.text``; ``norm`` is the casefolded surface,
    ``lemma`` the casefolded lemma (equal to ``norm`` when no lemma is known)."""

    text: str
    start: int
    end: int
    norm: str
    lemma: str


@dataclass
class Sentence:
    """A sentence of the article body: ``index`` counts from 0 in body order."""

    index: int
    text: str
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)


@dataclass
class Actor:
    """A coded actor or recipient.

    ``country``: ISO 3166-1 alpha-3, or a PLOVER non-state code (``IGO``, ``UNO``, ``EUR``, ``NGO``...),
    or None when unknown.  ``sector``: PLOVER sector code (``GOV``, ``MIL``, ``COP``...) or None.
    ``code`` is the CAMEO-style concatenation (``AZEGOV``).  ``start``/``end`` locate ``text``.
    """

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None

    @property
    def code(self) -> str:
        return (self.country or "---") + (self.sector or "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "code": self.code,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Place:
    """A resolved place (GeoNames).  ``precision``: ``country``, ``admin1`` or ``city``."""

    text: str
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Trigger:
    """The words that evoke the event, with offsets into ``Article.text``."""

    text: str
    start: int
    end: int


@dataclass
class Event:
    """One coded event: the output contract of DESIGN.md ("The event record").

    ``event_type`` is a PLOVER type (PLOVER manual, Draft 0.8); ``cameo_code``/``cameo_root`` are
    CAMEO codes (CAMEO codebook 1.1b3) with the code's ``goldstein`` value (Goldstein 1992 scale,
    -10..+10) and ``quad_class`` (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict).
    """

    doc_id: str
    event_type: str
    cameo_code: str
    cameo_root: str
    goldstein: float
    quad_class: int
    actors: list[Actor]
    recipients: list[Actor]
    sentence_index: int
    sentence: str
    trigger: Trigger
    language: str
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None
    location: Place | None = None
    modality: str = "asserted"
    confidence: float = 0.5
    article: dict[str, Any] = field(default_factory=dict)
    # the pack entries behind the trigger and each party, only when asked (``tidings code --explain``,
    # ``tidings.explain.Explain``); not part of the default record
    explain: dict[str, Any] | None = None

    @property
    def id(self) -> str:
        """Deterministic id: hash of doc_id, sentence index, type, actor and recipient codes."""
        return event_id(self.doc_id, self.sentence_index, self.event_type, [a.code for a in self.actors],
                        [a.code for a in self.recipients], self.trigger.start)

    def to_dict(self) -> dict[str, Any]:
        """The event as the JSON record of DESIGN.md, with exactly its fields, in its order (plus
        ``explain`` last when it was asked for)."""
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "event_type": self.event_type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "cameo_code": self.cameo_code,
            "cameo_root": self.cameo_root,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "actors": [a.to_dict() for a in self.actors],
            "recipients": [a.to_dict() for a in self.recipients],
            "date": self.date,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "location": self.location.to_dict() if self.location else None,
            "modality": self.modality,
            "confidence": round(self.confidence, 3),
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "trigger": {"text": self.trigger.text, "start": self.trigger.start, "end": self.trigger.end},
            "language": self.language,
            "article": dict(self.article),
        } | ({"explain": self.explain} if self.explain is not None else {})


def event_id(doc_id: str, sentence_index: int, event_type: str, actor_codes, recipient_codes,
             trigger_start: int) -> str:
    """The deterministic event id (16 hex digits of a SHA-1) of :attr:`Event.id`, from the record's
    fields: a stored record can be given the id it would have under another ``doc_id``."""
    key = "|".join([doc_id, str(sentence_index), event_type, ",".join(sorted(actor_codes)),
                    ",".join(sorted(recipient_codes)), str(trigger_start)])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


EVENT_FIELDS = (
    "id", "doc_id", "event_type", "mode", "contexts", "cameo_code", "cameo_root", "goldstein",
    "quad_class", "actors", "recipients", "date", "date_precision", "date_source", "location",
    "modality", "confidence", "sentence_index", "sentence", "trigger", "language", "article",
)
