"""Clauses with no named subject (a mixin of ``EventLinker``): the body in a fronted locative that
speaks for an impersonal verb ("В МИД России заявили", "Im Außenministerium verurteilte man",
"Au ministère, on a condamné"), a fronted dative that is the recipient, not the subject ("Украине
передали танки"), and a subject after a clause-initial verb ("Condenó el gobierno español")."""
from __future__ import annotations

from dataclasses import replace

from tidings.actors import ActorPhrase
from tidings.events.candidate import INTRANSITIVE, SYMMETRIC_TYPES, EventCandidate

#: kinds of units that name a body able to speak for a clause it is the locative of
BODY_KINDS = {"institution", "org", "igo"}
#: kinds of units a fronted dative recipient is made of (a country, a capital, a named body)
DATIVE_KINDS = {"country", "capital", "org", "igo"}


class ImpersonalRules:
    """Subjectless clauses; uses the pack words set by ``EventLinker``."""

    def _impersonal(self, c: EventCandidate, cues, toks) -> bool:
        """Whether the trigger's verb has an impersonal subject: an ``impersonal`` pronoun next to it
        ("verurteilte man", "on a condamné") or an ``impersonal_suffix`` on the verb (Arabic
        "أدانوا", Russian "передали": a plural with no subject of its own)."""
        ts, te = c.t_start, c.t_end
        if any(ts - 3 <= s < ts or te <= s <= te + 1 for s, _, _ in cues.get("impersonal", [])):
            return True
        word = toks[ts].text.lower()
        return any(word.endswith(suf) and len(word) > len(suf) + 2 for suf in self.impersonal_suffix)

    def _locative_agent(self, c: EventCandidate, phrases: list[ActorPhrase], left: list[int], lb: int, toks) -> int | None:
        """The index of a body named in a locative that opens the clause and so speaks for its
        subjectless verb ("В Кремле отвергли", "En el Ministerio de Exteriores condenaron"): the
        clause's first party, governed by a ``locative_agent`` preposition, naming an institution,
        organization or international body, at most four tokens from the clause start and six from the
        verb, with no verb trigger between."""
        if not left or not self.locative_agent:
            return None
        k = left[0]
        p = phrases[k]
        i = p.start - 1  # the preposition, or one fused with the article ("Au ministère", "im Amt")
        if i >= 0 and toks[i].norm not in self.locative_agent:
            i = self._prep_before(p.start, toks)
        if i < lb or toks[i].norm not in self.locative_agent or not p.kinds & BODY_KINDS:
            return None
        if i - lb > 4 or c.t_start - p.end > 6:
            return None
        if any(j in self._verbal_tokens for j in range(lb, c.t_start) if not p.start <= j < p.end):
            return None
        return k

    def _dative(self, p: ActorPhrase, toks) -> bool:
        """Whether a phrase before the verb is a bare dative (a ``dative_suffix`` ending on its last
        word, no preposition before it, made of countries, capitals or named bodies): "Украине
        передали", "Сирии направили помощь" name the recipient, not the subject."""
        if not self.dative_suffix or not p.kinds <= DATIVE_KINDS:
            return False
        last = toks[p.end - 1]
        word = last.text.lower()
        # an inflected form (its lemma differs), not an indeclinable name ("Мали", "Перу")
        if last.lemma in (None, last.norm) or not any(word.endswith(suf) for suf in self.dative_suffix):
            return False
        i = self._prep_before(p.start, toks)
        return i < 0 or toks[i].norm not in self.preps

    def _verb_opens_clause(self, c: EventCandidate, phrases: list[ActorPhrase], right: list[int], lb: int, toks) -> bool:
        """Whether a verb trigger opens its clause (at most two words, an adverb, before it) and a party
        follows it at once, after at most an article: that party is the subject ("Condenó el
        gobierno español el ataque", "Anunciou o governo brasileiro que ..."), unless a recipient
        preposition governs it ("Condenó a Rusia"). Only where the pack allows the order (setting
        ``subject_inversion``: Spanish, Portuguese, Italian); no article opening the clause ("I critici
        accusano il partito": the critics are the subject)."""
        words = [j for j in range(lb, c.t_start) if toks[j].text[:1].isalnum()]
        if not self.inversion or not right or len(words) > 2 or any(j in self._verbal_tokens for j in words) \
                or any(toks[j].text[:1].isupper() for j in words[1:]) or (words and self._article(toks[words[0]])):
            return False  # at most a time adverb before the verb ("Ayer condenó Macron ..."), no name
        p = phrases[right[0]]
        gap = [toks[j].norm for j in range(c.t_end, p.start)]
        return len(gap) <= 1 and all(w in self.articles and w not in self.recipient_preps for w in gap)

    def _subjectless(self, c: EventCandidate, phrases, cues, left, right, lb: int, fronted: bool, rest,
                     toks) -> list[int]:
        """A verb with no subject before it in its clause: a locative body that speaks for it, the
        party after it in verb-subject order, else the subject of the main clause. Returns the
        parties left for the recipient; ``fronted``: an object stands before the verb."""
        ts, te = c.t_start, c.t_end
        flags = c.entry.flags
        rprep = {s for s, _, _ in cues.get("recipient_prep", [])}
        outer = [k for k, p in enumerate(phrases) if p.end <= ts and p.start < lb and not self._oblique(p, toks)]
        # a subject pronoun next to the verb ("Er verurteilte Russland", "Am Montag verurteilte er
        # Russland") leaves the party after the verb its object; the speaker rule finds the actor
        pronoun = any(e == ts or s == te for s, e, _ in cues.get("pronoun", []))
        # an impersonal verb ("verurteilte man", "أدانوا") has no subject after it; a verb opening
        # its clause, or one after a fronted dative, has one ("Condenó el gobierno", "Украине помогла Германия")
        impersonal = self._impersonal(c, cues, toks)
        if impersonal:
            c.notes.append("impersonal")
        verb_subject_order = (self.verb_first and not pronoun and not impersonal) or c.event_type in INTRANSITIVE \
            or "self" in flags or (not impersonal and not any(e == ts for _, e, _ in cues.get("pronoun", [])) and (fronted or (
                not any(lb <= s < ts for s, _, _ in cues.get("pronoun", []))
                and self._verb_opens_clause(c, phrases, right, lb, toks))))
        located = self._locative_agent(c, phrases, left, lb, toks)
        if located is not None and (impersonal or not (verb_subject_order and right)):
            # "В МИД России заявили", "Im Außenministerium verurteilte man": the body speaks
            c.actors = self._actors_of(phrases, self._group(phrases, located, toks, +1))
            c.notes.append("locative agent")
            c.confidence = 0.55
        elif right and verb_subject_order and not (right[0] in rprep or any(s in rprep for s in range(te, phrases[right[0]].start))):
            # verb-first order ("هاجمت روسيا أوكرانيا", "protestaron miles de estudiantes")
            grp = self._group(phrases, right[0], toks, +1)
            c.actors = self._actors_of(phrases, grp)
            c.confidence = 0.55
            rest = [k for k in rest if k not in grp]
        elif outer:
            # no subject in the clause: the speaker of the main clause ("Moscou affirme avoir
            # abattu ...", "X said that it shot down Y")
            c.actors = self._actors_of(phrases, self._group(phrases, outer[-1], toks, -1))
            c.confidence = 0.5
        return rest

    def _noun_complement(self, p: ActorPhrase, toks) -> bool:
        """Whether a phrase completes a noun trigger (right after it, or after an of-word or an
        article): "protests of Iranian students", "احتجاجات الطلاب الإيرانيين", "удары Израиля". It is
        the noun's party, never the subject of a later verb ("وسط احتجاجات الطلاب، أدانت فرنسا")."""
        j = p.start
        while j > 0 and (toks[j - 1].norm in self.of_words or toks[j - 1].norm in self.articles):
            j -= 1
        return j in self._noun_ends

    def _fronted_meeting(self, c: EventCandidate, phrases: list[ActorPhrase], lb: int, rb: int, toks) -> None:
        """A meeting noun in a fronted phrase ("After talks with Putin, Erdogan said", "Tras la reunión
        con Putin, Erdogan condenó", "Nach Gesprächen mit Putin verurteilte Erdogan") is the main
        clause subject's: the first party not governed by a preposition after a comma or a verb that
        follows the noun joins its actors."""
        if c.event_type not in SYMMETRIC_TYPES or c.t_start - lb > 3 \
                or any(lb <= p.start < c.t_start for p in phrases):
            return
        before = toks[c.t_start - 1].norm if c.t_start > lb else ""
        if "noun" not in c.entry.flags and not (before in self.possessive or before in self.articles or before in self.preps):
            return  # a verb entry read as a noun only after an article, a possessive or a preposition
        for p in phrases:
            if p.start < c.t_end or p.end > rb or self._oblique(p, toks) or self._noun_complement(p, toks):
                continue
            gap = range(c.t_end, p.start)
            if any(toks[i].text == "," for i in gap) or any(i in self._verbal_tokens for i in gap):
                keys = {a.code for a in c.actors + c.recipients}
                new = [a for a in p.actors if a.code not in keys]
                if new:
                    c.actors = new + c.actors + c.recipients
                    c.recipients = []
                    c.notes.append("fronted meeting")
            return

    def _located_subject(self, c: EventCandidate, phrases: list[ActorPhrase], left: list[int], subj: list[int],
                         lb: int, toks) -> list:
        """The actors of the subject ``subj``; a subject named without a country ("officials",
        "чиновники") in a clause fronted by a locative body takes that body's country ("In the
        Kremlin, officials rejected ...": RUS)."""
        actors = self._actors_of(phrases, subj)
        if any(a.country for a in actors):
            return actors
        located = self._locative_agent(c, phrases, [k for k in left if k not in subj], lb, toks)
        if located is None or phrases[located].start > phrases[subj[0]].start:
            return actors
        country = next((a.country for a in phrases[located].actors if a.country), None)
        return [replace(a, country=country) for a in actors] if country else actors

    def _victim_of_noun(self, c: EventCandidate, p: ActorPhrase, cues) -> bool:
        """Whether a party after the verb is the target of a noun trigger between them, after a
        recipient preposition ("condenó el ataque contra Siria", "condemned the strikes on Syria",
        "осудил удары по Сирии", "أدان الغارات على سوريا"): the act's victim, not the verb's object."""
        rprep = {s for s, _, _ in cues.get("recipient_prep", [])}
        return any(c.t_end <= ns and ne <= p.start and any(ns < i < p.start for i in rprep)
                   and p.start - ne <= 6 for ns, ne in self._noun_spans)
