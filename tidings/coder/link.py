"""Stage ``link``: triggers linked to actor phrases into event candidates."""
from __future__ import annotations

from tidings.coder.record import Candidate, CodingDoc
from tidings.events import EventCandidate, sentence_subject


class Link:
    """``doc.reads`` -> ``doc.candidates``: ``EventLinker.candidates`` of every sentence (actor,
    recipient, mode, modality, confidence), any modality, in text order; each sentence is given
    the subject of the sentences before it (``sentence_subject``) for its pronouns."""

    name = "link"

    def __call__(self, doc: CodingDoc) -> CodingDoc:
        linker = doc.res.linker
        out = []
        previous = None  # the subject of the sentences so far, for pronouns and subjectless clauses
        named: dict[str, EventCandidate] = {}  # the last event of each type whose actor was named
        for read in doc.reads:
            if read.sentence.index < 0:
                previous = None  # the headline refers to nothing in the body
            found = linker.candidates(read.sentence, read.keys, read.phrases, read.triggers, read.places, previous)
            for f in found:
                _refer_back(f, named)
            out.extend(Candidate(f, read) for f in found)
            previous = sentence_subject(found, read.phrases, previous)
        return doc.with_(candidates=out)


#: the acts an article names again by a bare noun ("the attack", "the sanctions", "the protests")
REFER_BACK_TYPES = {"ASSAULT", "COERCE", "PROTEST", "SANCTION", "MOBILIZE"}
#: notes of an actor that was not named with the trigger but taken from the speaker or an earlier sentence
_FALLBACK = {"speaker", "previous subject"}


def _refer_back(c: EventCandidate, named: dict[str, EventCandidate]) -> None:
    """An event noun whose actor is not named with it ("the attack", "القصف"), or a trigger that names
    no party at all, refers to the last
    event of its type in the article that named one, including one named only as the content of a
    condemnation ("condemned the Israeli strikes ... The shelling killed 16"): it takes that actor,
    and that recipient when it names none."""
    if c.modality in {"negated", "hypothetical"}:
        return
    fallback = not c.actors or any(n in _FALLBACK for n in c.notes)
    # a verb entry may be a noun too ("the attack"): it refers back only when no party is named
    if fallback and ("noun" in c.entry.flags or not c.actors) and c.event_type in named \
            and c.event_type in REFER_BACK_TYPES:
        before = named[c.event_type]
        c.actors = list(before.actors)
        c.recipients = c.recipients or [r for r in before.recipients]
        c.notes.append("refers back")
    elif c.actors and not fallback:
        named[c.event_type] = c


class Modality:
    """``doc.candidates`` -> the candidates whose modality the caller wants (``doc.modalities``);
    negated, hypothetical and future events are dropped by default."""

    name = "modality"

    def __call__(self, doc: CodingDoc) -> CodingDoc:
        return doc.with_(candidates=[c for c in doc.candidates if c.found.modality in doc.modalities])
