"""Stage ``dedup``: one event per real-world event within the article (``tidings.dedup``, levels
``sentence`` and ``article``)."""
from __future__ import annotations

from tidings.coder.record import CodingDoc, Draft
from tidings.dedup import dedup_within, lacks_recipient_of


class Dedup:
    """``doc.drafts`` -> one draft per sentence and set of parties, then one per real-world event
    (``tidings.dedup.dedup_within``); the first mention is kept and takes a recipient it lacked
    from a later body mention with the same actor countries.  ``levels``: which levels run."""

    name = "dedup"

    def __init__(self, levels: tuple[str, ...] = ("sentence", "article")) -> None:
        self.levels = tuple(levels)

    def __call__(self, doc: CodingDoc) -> CodingDoc:
        def merge(kept: Draft, later: Draft) -> Draft:
            if lacks_recipient_of(kept.event, later.event):
                return kept.with_event(recipients=later.event.recipients)
            return kept

        return doc.with_(drafts=dedup_within(doc.drafts, self.levels, event=lambda d: d.event, merge=merge))
