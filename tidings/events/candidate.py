"""The event candidate (a trigger with its linked parties) and the linker's shared constants.

The future-to-intention mapping follows the PLOVER manual's rules for announced acts (event types).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from tidings.actors import ActorPhrase
from tidings.lexicon import EventEntry
from tidings.records import Actor, Sentence

FUTURE_TO = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE",
             "RETREAT": "CONCEDE", "ASSAULT": "THREATEN", "COERCE": "THREATEN", "SANCTION": "THREATEN"}
SYMMETRIC_TYPES = {"CONSULT", "COOPERATE", "AGREE"}
# types whose party after the verb is its subject when no subject precedes ("protestaron miles de ...")
INTRANSITIVE = {"PROTEST", "MOBILIZE"}
# acts that an accusation alleges ("accused Russia of shelling"): the accused becomes their actor
ALLEGED_TYPES = {"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE", "REJECT"}
# acts whose destination is their recipient: aid sent to a country, strikes and deployments in one
# ("airstrikes in northern Iraq", "envió tropas a Malí") when the actor is foreign or unnamed
DESTINATION_TYPES = {"AID", "ASSAULT", "MOBILIZE", "COERCE", "RETREAT"}
SOURCE_SPAN = 8  # tokens a reporting source may run to after its cue
QUOTES = {"«", "»", '"', "“", "”", "„", "‘", "’", "'"}


@dataclass
class EventCandidate:
    """A trigger with its linked parties, before codes, date and place are resolved.

    ``trigger`` is a token span ``[t_start, t_end)`` of ``sentence``; ``modality`` one of
    asserted|negated|hypothetical|future|claimed, or background|nested (history, habit; the content or
    reason of another event: never returned).
    """

    sentence: Sentence
    t_start: int
    t_end: int
    entry: EventEntry
    event_type: str
    mode: str | None
    cameo: str | None
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    modality: str = "asserted"
    confidence: float = 0.5
    notes: list[str] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)  # PLOVER contexts cued by the sentence's words


def sentence_subject(cands: list[EventCandidate], phrases: list[ActorPhrase],
                     previous: list[Actor] | None) -> list[Actor] | None:
    """The subject a following sentence's pronoun refers to: the actors of the sentence's first
    candidate that has one, else a party that opens the sentence (within its first three tokens),
    else ``previous`` (the subject carries over sentences without one)."""
    found = next((list(c.actors) for c in cands if c.actors), None)
    if found is None and phrases and phrases[0].start <= 3:
        found = list(phrases[0].actors)
    return found or previous

