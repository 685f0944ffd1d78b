"""The per-document record that travels through the coder's stages.

    CodingDoc(article)                         start: the cleaned article, its language's resources
      --segment-->   .sentences                body sentences (long ones cut into windows) + headline (-1)
      --recognize--> .reads                    per sentence: token keys, trigger matches, actor phrases,
                                               places named by country
      --link-->      .candidates               EventCandidate + the read it came from
      --resolve-->   .drafts                   Event (codes, parties, confidence) + its candidate
      --date-->      .drafts                   Event.date / date_precision / date_source set
      --place-->     .drafts                   Event.location = the place its own sentence gives
      --dedup-->     .drafts                   one draft per real-world event
      --infer_place, multilateral, name_people--> .drafts       (see tidings.coder.finish)
    CodingDoc.events                           the Event list the coder returns

Every stage is ``doc -> doc``: it returns a new ``CodingDoc`` (``CodingDoc.with_(...)``) with new
lists and new events (``dataclasses.replace``), never changing what an earlier stage built.  The
links between the parts are fields: a ``Draft`` holds its ``Candidate``, which holds its
``SentenceRead``, which holds its ``Sentence``.  The one mutable part is ``memory`` (the article's
``DocumentMemory``: people, bodies and countries named so far, and the place scans of sentences),
which the recognizer fills sentence by sentence and later stages consult.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from tidings.actors import ActorPhrase, DocumentMemory
from tidings.events import EventCandidate
from tidings.records import Article, Event, Sentence


@dataclass(frozen=True)
class SentenceRead:
    """What recognition read in one sentence (or window of a long sentence).

    ``keys``: per token, the match keys (``tidings.text.matcher.token_keys``); ``triggers``: the
    trigger matches (payload ``EventEntry``), text order; ``phrases``: the coded actor phrases;
    ``party_spans``: article character spans ``[start, end)`` of those phrases; ``places``:
    ``(article offset, ISO3, text)`` of countries and regions the sentence names as places."""

    sentence: Sentence
    keys: list[tuple[str, ...]]
    triggers: list[Any]
    phrases: list[ActorPhrase]
    party_spans: list[tuple[int, int]] = field(default_factory=list)
    places: list[tuple[int, str, str | None]] = field(default_factory=list)


@dataclass(frozen=True)
class Candidate:
    """An event candidate (``tidings.events.EventCandidate``) and the sentence read it came from."""

    found: EventCandidate
    read: SentenceRead

    @property
    def sentence(self) -> Sentence:
        return self.read.sentence


@dataclass(frozen=True)
class Draft:
    """An event being coded and the candidate it was resolved from."""

    event: Event
    candidate: Candidate

    @property
    def sentence(self) -> Sentence:
        return self.candidate.sentence

    def with_event(self, **changes) -> "Draft":
        """A new Draft whose event has ``changes`` (``dataclasses.replace``)."""
        return Draft(_replaced(self.event, changes), self.candidate)


@dataclass(frozen=True)
class CodingDoc:
    """One article on its way through the coder (see the module doc for which stage fills what).

    ``lang``: ISO 639-1 of the pack used; ``res``: that language's loaded resources
    (``tidings.coder.resources.LangResources``, read-only); ``ontology``: the loaded
    ``tidings.ontology.Ontology``; ``modalities``: the modalities the caller wants."""

    article: Article
    lang: str
    res: Any
    ontology: Any
    modalities: frozenset[str]
    memory: DocumentMemory = field(default_factory=DocumentMemory)
    sentences: tuple[Sentence, ...] = ()
    reads: tuple[SentenceRead, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    drafts: tuple[Draft, ...] = ()

    def with_(self, **changes) -> "CodingDoc":
        """A new CodingDoc with ``changes`` (sequences are stored as tuples)."""
        changes = {k: tuple(v) if isinstance(v, list) else v for k, v in changes.items()}
        return _replaced(self, changes)

    @property
    def events(self) -> list[Event]:
        """The events of the drafts, in order."""
        return [d.event for d in self.drafts]


_FIELDS: dict[type, frozenset[str]] = {}


def _replaced(obj, changes: dict):
    """``dataclasses.replace(obj, **changes)`` for the coder's records (dataclasses whose fields are
    all ``init`` fields, without ``__post_init__`` or slots), made by copying the instance dict:
    stages copy records thousands of times per article.  Raises ``TypeError`` for an unknown field."""
    cls = type(obj)
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = frozenset(f.name for f in fields(cls))
    if not names.issuperset(changes):
        raise TypeError(f"{cls.__name__} has no field(s) {', '.join(sorted(set(changes) - names))}")
    new = object.__new__(cls)
    d = new.__dict__
    d.update(obj.__dict__)
    d.update(changes)
    return new
