"""Stage ``link``: triggers linked to actor phrases into event candidates."""
from __future__ import annotations

from tidings.coder.record import Candidate, CodingDoc


class Link:
    """``doc.reads`` -> ``doc.candidates``: ``EventLinker.candidates`` of every sentence (actor,
    recipient, mode, modality, confidence), any modality, in text order."""

    name = "link"

    def __call__(self, doc: CodingDoc) -> CodingDoc:
        linker = doc.res.linker
        return doc.with_(candidates=[Candidate(found, read) for read in doc.reads
                                     for found in linker.candidates(read.sentence, read.keys, read.phrases, read.triggers,
                                                                   read.places)])


class Modality:
    """``doc.candidates`` -> the candidates whose modality the caller wants (``doc.modalities``);
    negated, hypothetical and future events are dropped by default."""

    name = "modality"

    def __call__(self, doc: CodingDoc) -> CodingDoc:
        return doc.with_(candidates=[c for c in doc.candidates if c.found.modality in doc.modalities])
