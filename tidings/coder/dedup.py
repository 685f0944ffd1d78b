"""Stage ``dedup``: one event per real-world event, within a sentence and within an article."""
from __future__ import annotations

import datetime as dt

from tidings.coder.record import CodingDoc, Draft
from tidings.records import Actor, Event


class Dedup:
    """``doc.drafts`` -> one draft per sentence and pair of parties (``sentence`` level), then one
    per real-world event in the article (``article`` level); ``levels`` chooses which run."""

    name = "dedup"

    def __init__(self, levels: tuple[str, ...] = ("sentence", "article")) -> None:
        self.levels = tuple(levels)

    def __call__(self, doc: CodingDoc) -> CodingDoc:
        drafts = list(doc.drafts)
        if "sentence" in self.levels:
            drafts = dedup_sentence(drafts)
        if "article" in self.levels:
            drafts = dedup_article(drafts)
        return doc.with_(drafts=drafts)


def _party_key(actors: list[Actor]) -> frozenset:
    return frozenset(a.country or a.sector or "?" for a in actors)


def completeness(ev: Event) -> int:
    """How many sides of ``ev`` name a party with a country (0, 1 or 2)."""
    return bool(_countries(ev.actors)) + bool(_countries(ev.recipients))


def dedup_sentence(drafts: list[Draft]) -> list[Draft]:
    """One event per sentence, event type and pair of parties (two different acts between the same
    parties stay two events: "attacked and then sanctioned"): an asserted act before a claimed
    one, then the first trigger (usually the main verb)."""
    best: dict[tuple, Draft] = {}
    order: list[tuple] = []

    def rank(ev: Event) -> tuple:
        return (ev.modality != "asserted", ev.trigger.start)

    for d in drafts:
        ev = d.event
        key = (ev.sentence_index, ev.event_type, _party_key(ev.actors) | _party_key(ev.recipients))
        cur = best.get(key)
        if cur is None:
            best[key] = d
            order.append(key)
        elif rank(ev) < rank(cur.event):
            best[key] = d
    return [best[k] for k in order]


def _countries(actors: list[Actor]) -> set[str]:
    return {a.country for a in actors if a.country}


def _days_apart(a: Event, b: Event) -> int | None:
    """Days between two events' dates when both sentences state their day, else None (a date that
    only falls back on the publication date says nothing about being another event)."""
    stated = {"explicit", "relative"}
    if a.date_source not in stated or b.date_source not in stated or a.date_precision != "day" or b.date_precision != "day":
        return None
    return abs((dt.date.fromisoformat(a.date) - dt.date.fromisoformat(b.date)).days)


def same_event(ev: Event, k: Event) -> bool:
    """Whether ``ev`` is another mention of the kept event ``k`` in the same article: same type, a
    country in common, actor and recipient countries agreeing (equal, or unknown on one side, or
    ``ev``'s parties all among ``k``'s actors when ``k`` has no recipient), days within one (when
    both state a day) and the same city (when both sentences name one)."""
    if k.event_type != ev.event_type:
        return False
    a, r = _countries(ev.actors), _countries(ev.recipients)
    ka, kr = _countries(k.actors), _countries(k.recipients)
    if not ((a | r) & (ka | kr)):
        return False  # nothing in common: two events (or too little known to tell)
    same_dir = (not a or not ka or a & ka) and (not r or not kr or r & kr)
    sym = not kr and (a | r) <= ka
    if not (same_dir or sym):
        return False
    apart = _days_apart(ev, k)
    if apart is not None and apart > 1:
        return False
    p1, p2 = ev.location, k.location
    return not (p1 and p2 and p1.precision == p2.precision == "city" and p1.geonameid != p2.geonameid)


def dedup_article(drafts: list[Draft]) -> list[Draft]:
    """One event per real-world event within an article (:func:`same_event`).  The first mention is
    kept (the lead carries the main wording and date) unless a later one names more sides with a
    country (:func:`completeness`), which then replaces it; a recipient it lacked is taken from a later
    body mention with the same actor countries.  Two arrests on different days or in different
    cities stay two events."""
    kept: list[Draft] = []
    for d in drafts:
        ev = d.event
        i = next((i for i, k in enumerate(kept) if same_event(ev, k.event)), None)
        if i is None:
            kept.append(d)
            continue
        dup = kept[i].event
        if completeness(ev) > completeness(dup):
            kept[i] = d  # never an actorless mention over a complete one ("the attack" vs "X attacked Y")
            continue
        if (not dup.recipients and ev.recipients and ev.sentence_index >= 0
                and _countries(ev.actors) == _countries(dup.actors)):
            kept[i] = kept[i].with_event(recipients=ev.recipients)  # (never from the headline: its offsets index the title)
    return kept
