"""Stage ``link``: triggers linked to actor phrases into event candidates."""
from __future__ import annotations

from tidings.coder.record import Candidate, CodingDoc
from tidings.events import sentence_subject


class Link:
    """``doc.reads`` -> ``doc.candidates``: ``EventLinker.candidates`` of every sentence (actor,
    recipient, mode, modality, confidence), any modality, in text order; each sentence is given
    the subject of the sentences before it (``sentence_subject``) for its pronouns."""

    name = "link"

    def __call__(self, doc: CodingDoc) -> CodingDoc:
        linker = doc.res.linker
        out = []
        previous = None  # the subject of the sentences so far, for pronouns and subjectless clauses
        for read in doc.reads:
            if read.sentence.index < 0:
                previous = None  # the headline refers to nothing in the body
            found = linker.candidates(read.sentence, read.keys, read.phrases, read.triggers, read.places, previous)
            out.extend(Candidate(f, read) for f in found)
            previous = sentence_subject(found, read.phrases, previous)
        return doc.with_(candidates=out)


class Modality:
    """``doc.candidates`` -> the candidates whose modality the caller wants (``doc.modalities``);
    negated, hypothetical and future events are dropped by default."""

    name = "modality"

    def __call__(self, doc: CodingDoc) -> CodingDoc:
        return doc.with_(candidates=[c for c in doc.candidates if c.found.modality in doc.modalities])
