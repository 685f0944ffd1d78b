"""Who is who around a trigger: reporting sources, speakers of quotes and pronouns, names of
operations, and the destination of aid, strikes and deployments (a mixin of ``EventLinker``)."""
from __future__ import annotations

from dataclasses import replace

from tidings.actors import ActorPhrase
from tidings.events.candidate import DESTINATION_TYPES, QUOTES, SOURCE_SPAN, EventCandidate
from tidings.records import Actor


class PartyRules:
    """Reporting sources, speakers and destinations; uses the pack words set by ``EventLinker``."""

    def _without_sources(self, phrases: list[ActorPhrase], cues, toks) -> list[ActorPhrase]:
        """``phrases`` without the reporting sources: the parties after a ``source`` cue up to the
        next comma, trigger or clause end (at most SOURCE_SPAN tokens: "according to Ukrainian
        officials", "selon le ministère", "وفقا لوزارة الصحة السورية") or, for a postposition
        (value ``before``: "dem Ministerium zufolge"), the parties right before it."""
        drop: set[int] = set()
        n = len(toks)
        verbal = {s for kind in ("clause_aux", "passive_aux", "auxiliary", "speech", "clause_break", "negation",
                                 "modal", "future") for s, _, _ in cues.get(kind, [])}
        for s, e, value in cues.get("source", []):
            if value == "before":
                k = next((k for k in range(len(phrases) - 1, -1, -1) if s - 2 <= phrases[k].end <= s), None)
                if k is not None:
                    drop.update(self._group(phrases, k, toks, -1))
                continue
            stop = e
            while stop < min(n, e + SOURCE_SPAN) and toks[stop].text not in {",", "،", ";", ".", ":"} \
                    and stop not in self._trigger_tokens and stop not in verbal:
                stop += 1
            last = e
            for k, p in enumerate(phrases):
                if e <= p.start < stop and p.start - last <= 2:  # contiguous parties of the source
                    drop.add(k)
                    last = p.end
        return [p for k, p in enumerate(phrases) if k not in drop]

    def _speaker(self, c: EventCandidate, phrases, cues, toks, lb: int, previous: list[Actor] | None) -> None:
        """Quotes and pronouns take their speaker: a verbal, active trigger with no actor whose
        subject is a pronoun ("he said they would attack"), which stands inside a quotation, or
        whose sentence names no party before it (a subjectless clause: "Tambien condeno el ataque")
        takes the party next to a speech verb in the sentence ("..., the minister said"), else the
        previous sentence's subject."""
        if c.actors or "noun" in c.entry.flags or any(n.startswith("passive") for n in c.notes):
            return
        ts = c.t_start
        pronoun = any(lb <= s < ts for s, _, _ in cues.get("pronoun", []))
        quoted = sum(1 for t in toks[:ts] if t.text in QUOTES) % 2 == 1
        bare = not any(p.start < ts for p in phrases)
        if not (pronoun or quoted or bare or "impersonal" in c.notes):  # "Украине передали": who did
            return
        speech = {s for s, _, _ in cues.get("speech", [])}
        speaker = next((p for p in phrases if (p.end in speech or p.end + 1 in speech or p.start - 1 in speech
                                              or (p.start - 2 in speech and toks[p.start - 1].norm in self.articles))
                        and not (ts <= p.start < c.t_end)), None)
        actors = list(speaker.actors) if speaker is not None else list(previous or [])
        if not actors:
            return
        keys = {(a.country, a.sector) for a in actors}
        c.actors = actors
        c.recipients = [r for r in c.recipients if (r.country, r.sector) not in keys]
        c.notes.append("speaker" if speaker is not None else "previous subject")
        c.confidence = min(c.confidence, 0.5)

    def _operation_names(self, cues, toks) -> list[tuple[int, int]]:
        """Token spans of the names after an ``operation`` cue: a quoted name ("Operation «Dawn»",
        "عملية «طوفان الأقصى»") or, in cased scripts, a run of capitalized words ("Operation Iron
        Shield"); a lower-case word after the cue ("a military operation in") names nothing."""
        spans = []
        n = len(toks)
        for _, e, _ in cues.get("operation", []):
            i = e
            if i < n and toks[i].text in QUOTES:
                j = i + 1
                while j < n and toks[j].text not in QUOTES and j - i <= 8:
                    j += 1
                spans.append((i, j + 1))
            elif i < n and toks[i].text[:1].isupper() and toks[i].text[:1] != toks[i].text[:1].lower():
                j = i
                while j < n and toks[j].text[:1].isupper():
                    j += 1
                spans.append((i, j))
        return spans

    def _destination(self, c: EventCandidate, phrases, places, toks, rb: int) -> None:
        """The destination of aid, strikes and deployments is their recipient: a country after the
        trigger in its clause, named after a locative ("airstrikes in northern Iraq") or as a place
        (``places``), that is not the actor's own ("Japan sent aid to Sudan": SDN)."""
        # victims named without a country are of the place ("civilians killed in strikes in Syria")
        victims = "victims" in c.notes and c.recipients and not any(r.country for r in c.recipients)
        if c.event_type not in DESTINATION_TYPES or (c.recipients and not victims) or "self" in c.entry.flags:
            return
        own = {a.country for a in c.actors}

        def put(found: list[Actor]) -> None:
            c.recipients = [replace(r, country=found[0].country) for r in c.recipients] if victims else found
            c.notes.append("destination")
        end_char = toks[rb - 1].end if rb > 0 else 0
        for p in phrases:
            if p.start < c.t_end or p.end > rb or not any(toks[i].norm in self.locatives
                                                          for i in range(max(c.t_end, p.start - 4), p.start)):
                continue
            foreign = [a for a in p.actors if a.country and a.country not in own and not a.sector]
            if foreign:
                put(foreign)
                return
        trig_end = toks[c.t_end - 1].end
        for off, code, text in sorted(places or ()):
            if trig_end <= off <= end_char and code and code not in own:
                put([Actor(text or "", None, code, None, off, off + len(text or ""))])
                return


    def _victims_before(self, c: EventCandidate, phrases, left: list[int], cues, toks) -> tuple[list[Actor], int | None]:
        """The victims of a noun trigger and the actor named with it: a ``victim`` cue (died, were
        killed, murieron, погибли, قتل) between a subject and the noun, with at most four words and no
        other party or trigger between them ("ten civilians died in an airstrike", "quinze soldats ont
        été tués dans une attaque"). Returns the subject's actors (empty when there is no such cue)
        and the index of a party right before the noun ("in Israeli airstrikes"), else None."""
        ts = c.t_start
        for vs, ve, _ in cues.get("victim", []):
            if not (ve <= ts and ts - ve <= 4):
                continue
            subj = [k for k in left if phrases[k].end <= vs
                    and not any(phrases[k].end <= i < vs for i in self._trigger_tokens)]
            first = ve
            if self.verb_first and (not subj or vs - phrases[subj[-1]].end > 3):
                # verb-subject order: "قتل عشرة مدنيين في غارة" (ten civilians were killed in a raid)
                subj = [k for k in left if ve <= phrases[k].start <= ve + 2][:1]  # a number may stand between
                subj = self._group(phrases, subj[0], toks, +1) if subj else []
                first = phrases[subj[-1]].end if subj else ve
                if not subj or ts - first > 4:
                    continue
                subj = [subj[0]]
            elif not subj or vs - phrases[subj[-1]].end > 3:
                continue
            inner = [k for k, p in enumerate(phrases) if first <= p.start < ts]
            # a demonym right before the noun is its actor ("in Russian strikes"); a country name there
            # is a place ("killed in Iraq, Syria strikes")
            adjacent = inner[-1] if inner and phrases[inner[-1]].end == ts and len(inner) == 1 \
                and phrases[inner[-1]].kinds == {"demonym"} else None
            if (inner and adjacent is None) or any(ve <= i < ts for i in self._trigger_tokens):
                continue
            grp = self._group(phrases, subj[0], toks, +1) if first > ve else self._group(phrases, subj[-1], toks, -1)
            return self._actors_of(phrases, grp), adjacent
        return [], None

    def _victim_verb(self, c: EventCandidate, phrases, cues, toks, lb: int, rb: int) -> None:
        """A killing verb with no object is said of its victims ("five soldiers killed in an attack",
        unvocalized Arabic "قتل جندي في غزة": was killed): its subject is the recipient and the actor
        is unnamed. The trigger must be a ``victim`` cue, active, followed by a preposition or the
        clause end (in verb-first order: by one party group, then a preposition or the end)."""
        if "noun" in c.entry.flags or any(n.startswith("passive") for n in c.notes) or not c.actors:
            return
        if not any(s < c.t_end and c.t_start < e for s, e, _ in cues.get("victim", [])):
            return
        te = c.t_end
        after = [k for k, p in enumerate(phrases) if te <= p.start and p.end <= rb]
        before = [p for p in phrases if lb <= p.start and p.end <= c.t_start]
        if self.verb_first and not before:
            if not after or phrases[after[0]].start > te + 2:
                return
            grp = self._group(phrases, after[0], toks, +1)
            end = phrases[grp[-1]].end
            if len({a.country for a in self._actors_of(phrases, grp)}) > 1:
                return  # "قتل جندي إسرائيلي فلسطينيا": a killer and a victim
            if not (end >= rb or toks[end].norm in self.preps or toks[end].text in {",", "،", "."}):
                return
        elif not (te >= rb or toks[te].norm in self.preps):
            return
        c.recipients = c.actors + [r for r in c.recipients if r.code not in {a.code for a in c.actors}]
        c.actors = []
        c.notes.append("victims")
