"""Parties named without a country (a mixin of ``ActorRecognizer``): a generic body word standing
for the body the article named last ("в ведомстве", "the ministry"), and a body that takes the
country of the phrase before it or of the last body of its sector."""
from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.records import Actor

if TYPE_CHECKING:
    from tidings.actors import ActorPhrase, DocumentMemory


def _is_cap(text: str) -> bool:
    return text[:1].isupper() and any(ch.isalpha() for ch in text)


class ReferenceRules:
    """Anaphora and country inheritance; uses the pack words set by ``ActorRecognizer``."""

    def _anaphora(self, phrases: list[ActorPhrase], memory: DocumentMemory) -> None:
        """A generic body word alone ("в ведомстве", "the ministry said", "le ministère a") stands for
        the body the article named last: its country and sector ("МИД России ... В ведомстве
        предупредили": RUS GOV; after "Минобороны России": RUS MIL). Only the bare word, after an
        article, a preposition or nothing, and with no of-phrase or name after it."""
        toks = self._toks
        for ph in phrases:
            if len(ph.units) == 1 and ph.units[0].anaphor and memory.last_body and not ph.countries:
                before = toks[ph.start - 1].norm if ph.start > 0 else ""
                after = toks[ph.end] if ph.end < len(toks) else None
                bare_before = not before or not before[:1].isalnum() or before in self.articles \
                    or before in self.locative or before in self.of_words or before in self.preps \
                    or self.is_definite(toks[ph.start])  # "الوزارة": the ministry
                bare_after = after is None or (after.norm not in self.of_words and not _is_cap(after.text))
                if bare_before and bare_after:
                    country, sector = memory.last_body
                    for a in ph.actors:
                        a.country, a.sector = country, sector
                    continue
            if ph.kinds & {"institution", "org"}:
                body = next((a for a in ph.actors if a.country and a.sector), None)
                if body is not None:
                    memory.last_body = (body.country, body.sector)

    def _inherit(self, phrases: list[ActorPhrase], memory: DocumentMemory) -> None:
        """Give a country to actors that lack one: from the phrase just before in the sentence when
        it names the same kind of body (la delegación azerbaiyana ... por el viceministro X), else
        from the last body of that sector in the article."""
        for k, ph in enumerate(phrases):
            if ph.start > 0 and self._toks[ph.start - 1].norm in self.both_words and not any(a.country for a in ph.actors):
                ranked = memory.ranked_countries()
                if len(ranked) >= 2 and ph.actors:
                    # "ambas delegaciones", "both sides": the article's two states
                    a = ph.actors[0]
                    a.country = ranked[0]
                    ph.actors.insert(1, Actor(a.text, a.name, ranked[1], a.sector, a.start, a.end))
                    continue
            for a in ph.actors:
                if a.country:
                    continue
                donor = None
                for prev in reversed(phrases[:k]):
                    gap = range(prev.end, ph.start)
                    if not gap or any(i in self._triggers for i in gap) or any(
                            self._toks[i].norm in {",", ";", ":", "(", ")", "«", "»", '"', "“", "”"} or self._toks[i].norm in self.conj
                            for i in gap):  # "Merkel und Präsident Karsai": coordinated parties differ
                        break
                    if prev.countries and ph.start - prev.end <= 8 and all(
                            (x.sector in (None, a.sector) or a.sector in (None, "GOV", "ELI")) for x in prev.actors):
                        donor = prev.countries[0]
                        break
                    if prev.countries:
                        break
                if donor is None and a.sector and a.sector in memory.by_sector and a.sector not in {"CVL", "UAF", "CRM"}:
                    donor = memory.by_sector[a.sector]
                if donor:
                    a.country = donor
