"""Linking a trigger to its actor and recipient phrases in its clause: subject, object, passive
agent, symmetric frames, coordinated parties and noun triggers (a mixin of ``EventLinker``)."""
from __future__ import annotations

from tidings.actors import ActorPhrase
from tidings.events.candidate import SYMMETRIC_TYPES, EventCandidate

# nouns whose of-phrase is the one acted on ("the arrest of journalists", "la liberación de presos")
OBJECT_OF_NOUN = {"COERCE", "RETREAT", "AID", "CONCEDE", "MOBILIZE"}


class LinkRules:
    """The linking rules; uses the pack words set by ``EventLinker``."""

    def _group(self, phrases: list[ActorPhrase], k: int, toks, direction: int) -> list[int]:
        """Indices of phrases coordinated with phrase ``k`` (``A, B y C``), walking in ``direction``.

        A comma alone joins phrases only within a list closed by a conjunction ("A, B y C"); without
        one it is a clause or apposition boundary ("Ante la amenaza de Trump, Maduro ordena")."""
        idx = [k]
        pending: list[int] = []
        seen_conj = False
        j = k
        while 0 <= j + direction < len(phrases):
            a, b = (phrases[j + direction], phrases[j]) if direction < 0 else (phrases[j], phrases[j + direction])
            between = [t.norm for t in toks[a.end:b.start]]
            glued = not between and any(toks[b.start].norm.startswith(cj) for cj in self.clitic_conj)  # "والصين"
            listy = between and all(w in self.conj or w == "," or w in self.articles for w in between)
            if glued or (listy and any(w in self.conj for w in between)):
                j += direction
                idx.extend(pending)
                pending = []
                idx.append(j)
                seen_conj = True
            elif listy and "," in between and (direction < 0 and seen_conj or direction > 0):
                j += direction
                (idx if direction < 0 else pending).append(j)
            else:
                break
        return sorted(idx)

    def _actors_of(self, phrases, ks) -> list:
        """The actors of the phrases at indices ``ks``, in order."""
        return [a for k in ks for a in phrases[k].actors]

    def _link(self, c: EventCandidate, phrases, cues, lb: int, rb: int, toks) -> None:
        """Link ``c`` to the parties of its clause ``[lb, rb)``: passive voice first, then a symmetric
        frame after the trigger, then a noun trigger's parties, else subject and object of a verb."""
        ts, te = c.t_start, c.t_end
        left = [k for k, p in enumerate(phrases) if p.end <= ts and p.start >= lb]
        speech = {s for s, _, _ in cues.get("speech", [])}
        # ", a State Department spokesman said" / "dijo el ministro": the speaker is no recipient
        # parties after the trigger, including those inside a gap pattern ("schossen .. Drohnen ab")
        right = [k for k, p in enumerate(phrases) if (p.start >= te or ts < p.start < te) and p.end <= rb
                 and not (p.end in speech or p.end + 1 in speech or (p.start - 1) in speech
                          or (p.start - 2 in speech and toks[p.start - 1].norm in self.articles))
                 # "withdrawing its troops", "retiró sus tropas": the actor's own forces, not a recipient
                 # (but "met his counterpart" names another party)
                 and not (p.start > 0 and toks[p.start - 1].norm in self.possessive and not p.countries
                          and p.kinds <= {"group", "institution"})]
        # a finite auxiliary before a clause-final participle (German "hat ... angegriffen")
        aux = max([s for s, _, _ in cues.get("clause_aux", []) if lb <= s < ts - 1] + [-1])
        aux = aux if aux >= 0 else None
        if self._link_passive(c, phrases, cues, left, right, aux, toks):
            return
        # symmetric frame after the trigger: "consultas entre A y B", "talks between A and B"
        between = [s for s, _, _ in cues.get("between", []) if te <= s <= te + 3]
        if between and right:
            first = next((k for k in right if phrases[k].start > between[0]), None)
            if first is not None:
                acts = self._actors_of(phrases, self._group(phrases, first, toks, +1))
                if len(acts) >= 2:
                    c.actors = acts
                    c.notes.append("between")
                    c.confidence = 0.75
                    return
        if "noun" in c.entry.flags:
            self._link_noun(c, phrases, left, right, toks, cues)
            return
        victims, adjacent = self._victims_before(c, phrases, left, cues, toks)
        if victims:  # a verb entry used as a noun: "five soldiers killed in attack"
            c.actors = list(phrases[adjacent].actors) if adjacent is not None else []
            c.recipients = victims
            c.notes.append("victims")
            return
        self._link_verb(c, phrases, cues, left, right, lb, aux, toks)

    def _link_passive(self, c: EventCandidate, phrases, cues, left, right, aux, toks) -> bool:
        """Passive voice (an auxiliary before the trigger, or an agent preposition after it: "fue
        atacado por", "was attacked by", "wurde von Russland angegriffen"): the agent is the actor and
        the subject the recipient. Returns whether the clause was passive."""
        ts, te = c.t_start, c.t_end
        agent_preps = {s for s, _, _ in cues.get("agent_prep", [])}
        passive_aux = [s for s, _, _ in cues.get("passive_aux", []) if ts - 4 <= s < ts or (aux is not None and s == aux)]

        def after_agent_prep(p) -> bool:
            return any(s in agent_preps for s in range(max(0, p.start - 3), p.start))

        # the agent of a passive: a phrase right after an agent preposition, after the trigger or,
        # in verb-final clauses, between the auxiliary and the trigger ("wurde von Russland angegriffen")
        agent = next((k for k in right if after_agent_prep(phrases[k]) and phrases[k].start - te <= 4), None)
        if agent is None and passive_aux:
            agent = next((k for k in left if phrases[k].start > min(passive_aux) and after_agent_prep(phrases[k])), None)
        after = [k for k in right if phrases[k].start >= te]  # not the parties inside a gap pattern
        passive = bool(passive_aux) or (agent is not None and after and agent == after[0])
        if not passive:
            return False
        if agent is None and right and phrases[right[0]].start - te <= 2:
            p0 = phrases[right[0]]
            before = {toks[i].norm for i in range(te, p0.start)}
            if (self.instrumental_agent and p0.start == te) or before & self.source_preps:
                # "был атакован российскими военными" (instrumental), "تعرض لهجوم من مسلحين"
                agent = right[0]
        subj = [k for k in left if k != agent and not self._oblique(phrases[k], toks)] or [
            k for k in left if k != agent]  # "le convoi de l'armée malienne a été visé"
        if agent is not None:
            c.actors = self._actors_of(phrases, self._group(phrases, agent, toks, +1))
            c.notes.append("passive")
            c.confidence = 0.65
        else:
            c.notes.append("passive-no-agent")  # "4 people were arrested": actor unnamed
            c.confidence = 0.45
        if subj:
            c.recipients = self._actors_of(phrases, self._group(phrases, subj[-1], toks, -1))
        return True

    def _link_verb(self, c: EventCandidate, phrases, cues, left, right, lb: int, aux, toks) -> None:
        """A verb trigger in active voice: its subject is the actor and its first object naming a
        country the recipient; host, inverse and symmetric entries then swap or merge them."""
        ts, te = c.t_start, c.t_end
        flags = c.entry.flags
        objects: list[int] = []
        if aux is not None:
            # verb-final clause: subject before the auxiliary, or right after it when inverted
            # ("Am Montag hat Russland die Ukraine angegriffen"); what stands between is the object
            before = [k for k in left if phrases[k].end <= aux and not self._oblique(phrases[k], toks)]
            inside = [k for k in left if phrases[k].start > aux]
            if before:
                subj = self._group(phrases, before[-1], toks, -1)
            elif inside:
                subj = self._group(phrases, inside[0], toks, +1)
            else:
                subj = []
            objects = [k for k in inside if k not in subj]
        else:
            # the subject is the nearest party before the trigger that is not inside a prepositional
            # phrase ("... the annexation by the Russian Federation, and continues to condemn"), nor the
            # party of a noun trigger ("amid protests of X"), nor a bare dative ("Украине передали танки")
            complements = [k for k in left if self._noun_complement(phrases[k], toks)]
            datives = [k for k in left if k not in complements and self._dative(phrases[k], toks)]
            direct = [k for k in left if not self._oblique(phrases[k], toks) and k not in complements + datives]
            others = [k for k in left if k not in complements + datives]
            subj = self._group(phrases, direct[-1], toks, -1) if direct else (
                self._group(phrases, others[-1], toks, -1) if others and not right else [])
            # a noun's party before the verb, with no comma between, is part of a fronted object
            # ("Удары Израиля осудила Франция": ISR); after a comma it was an adverbial ("Amid protests of X,")
            # (only where case endings allow an object first: setting ``free_order``; in "O Movimento de
            # Libertação de Angola criticou o presidente" the name is the subject, not an object)
            objects = datives + ([] if subj or not self.free_order else [k for k in complements if not any(
                toks[i].text in {",", "،"} for i in range(phrases[k].end, ts)) and not any(
                phrases[k].end <= s < ts for s, _, _ in cues.get("pronoun", []))])
        rest = objects + [k for k in right]
        if subj:
            c.actors = self._located_subject(c, phrases, left, subj, lb, toks)
            c.confidence = 0.7
        else:
            # an object before the verb (a dative, a noun's party: "Решение о высылке дипломатов
            # поддержала Латвия") leaves the subject after it
            rest = self._subjectless(c, phrases, cues, left, right, lb, bool(objects), rest, toks)
        if "self" in flags:
            rest = []
        if c.event_type == "ACCUSE":
            # "condemned the attack on Syria": the victim of the condemned act is not the one accused
            rest = [k for k in rest if not self._victim_of_noun(c, phrases[k], cues)]
        if rest:
            # the recipient is the first party after the verb that names a country, else the first
            # ("desplegó tropas contra Pakistán": the troops are the actor's own, not the recipient)
            own = {a.country for a in c.actors}
            pick = next((k for k in rest if set(phrases[k].countries) - own), rest[0])
            grp = self._group(phrases, pick, toks, +1)
            actor_keys = {(a.country, a.sector, a.start) for a in c.actors}
            c.recipients = [r for r in self._actors_of(phrases, grp) if (r.country, r.sector, r.start) not in actor_keys]
            c.confidence += 0.1
        if "host" in flags and c.recipients:
            c.actors, c.recipients = c.recipients, c.actors
            c.mode = c.mode or "visit"
        elif "inverse" in flags and c.recipients:  # an imported pattern's "+ * ..." / "* (FROM $)" slots
            c.actors, c.recipients = c.recipients, c.actors
        if ("symmetric" in flags or c.event_type in SYMMETRIC_TYPES) and not c.recipients and len(c.actors) >= 2:
            c.notes.append("compound")
        elif "symmetric" in flags and c.recipients and c.event_type in SYMMETRIC_TYPES:
            c.notes += ["symmetric", f"subject:{len(c.actors)}"]
            c.actors = c.actors + c.recipients
            c.recipients = []

    def _governor(self, previous: list[EventCandidate], cand: EventCandidate, lb: int) -> EventCandidate | None:
        """A verbal trigger before ``cand`` in its clause that governs it (at most 8 tokens apart, not
        counting parties and parentheses: "urged Serbia and Kosovo to resume talks")."""
        toks = cand.sentence.tokens
        for p in reversed(previous):
            # parties and a parenthesis do not count ("amenazó a Estados Unidos este martes (02.08.2022) con romper")
            depth, gap = 0, 0
            for i in range(p.t_end, cand.t_start):
                depth += (toks[i].text == "(") - (toks[i].text == ")")
                gap += not (depth > 0 or toks[i].text in "()" or i in self._phrase_tokens)
            if p.t_end <= cand.t_start and gap <= 8 and p.t_start >= lb - 1 \
                    and p.event_type in {"AGREE", "REQUEST", "THREATEN", "REJECT"} and "noun" not in p.entry.flags:
                return p
        return None

    def _adjectival(self, toks, m, phrase_tokens) -> bool:
        """Whether a one-word trigger is a participle used as an adjective after a common noun
        (languages whose adjectives follow the noun: "territorios liberados", "territori liberati").
        A participle after a party ("los periodistas detenidos") or an auxiliary still is an event."""
        if not self.participle_suffix or m.end - m.start != 1 or m.start == 0:
            return False
        word = toks[m.start].text.lower()
        if not any(word.endswith(suf) for suf in self.participle_suffix):
            return False
        prev = toks[m.start - 1]
        return (prev.text.isalpha() and prev.text[:1].islower() and len(prev.text) > 3
                and m.start - 1 not in phrase_tokens and m.start - 1 not in self._trigger_tokens
                and prev.norm not in self.function_words and prev.lemma not in self.function_words)

    def _oblique(self, p: ActorPhrase, toks) -> bool:
        """Whether a phrase is governed by a preposition (the token before it, skipping articles);
        "thousands of students", "miles de estudiantes" are not oblique."""
        i = self._prep_before(p.start, toks)
        if i < 0 or toks[i].norm not in self.preps:
            return False
        if toks[i].norm in self.of_words and i > 0 and (toks[i - 1].norm in self.quantity or toks[i - 1].text.isdigit()):
            return False
        return True

    def _link_noun(self, c: EventCandidate, phrases, left, right, toks, cues) -> None:
        """A noun trigger ("talks", "el ataque", "protestas"): its parties are a subject right before
        it (light verb: "A and B held talks"), an of/by phrase after it ("el ataque del Hamas") and a
        recipient-preposition phrase after it ("contra Ucrania", "with X")."""
        ts, te = c.t_start, c.t_end
        rprep = {s for s, _, _ in cues.get("recipient_prep", [])}
        agent = {s for s, _, _ in cues.get("agent_prep", [])}
        in_pp, own = self._noun_in_pp(c, phrases, toks)
        victims, adjacent = self._victims_before(c, phrases, left, cues, toks)
        left = [k for k in left if not self._oblique(phrases[k], toks) and k not in own]
        if victims:
            # "ten civilians died in (Israeli) airstrikes": the dead are the recipients, the actor
            # is a party named with the noun (a demonym right before it, an of/by phrase after it)
            c.actors = list(phrases[adjacent].actors) if adjacent is not None else []
            c.notes.append("victims")
        elif left and not any(phrases[left[-1]].end <= i < ts for i in self._trigger_tokens):
            # the clause subject ("A and B held talks", "Maduro ordenó ensayos militares"), unless the
            # noun is the object of another trigger ("condenaron el ataque")
            c.actors = [a for k in self._group(phrases, left[-1], toks, -1) for a in phrases[k].actors]
            c.confidence = 0.6 if ts - phrases[left[-1]].end <= 3 else 0.5
        # a noun inside a prepositional phrase with a party of its own ("Russia responded to the EU
        # sanctions", "Rusia respondió a las sanciones de la UE"): that party is its actor and the clause
        # subject the one it was aimed at
        subject = c.actors
        if in_pp:
            c.actors = [a for k in own for a in phrases[k].actors]
        for k in right:
            p = phrases[k]
            gap = range(te, p.start)
            by_agent = any(i in agent for i in gap)
            # a recipient preposition may head a longer noun phrase ("sanciones contra bancos y empresas
            # de Rusia", "frappes contre les installations énergétiques de l'Ukraine"), not past a comma
            # or another trigger
            to_whom = not c.recipients and any(i in rprep for i in gap) and not any(
                toks[i].norm == "," or i in self._trigger_tokens for i in gap)
            words = [i for i in gap if toks[i].norm not in self.articles and any(ch.isalnum() for ch in toks[i].text)]
            if len(gap) > (8 if by_agent else 4) and not (to_whom and len(words) <= 8):
                break
            before = [toks[i].norm for i in gap]
            grp = self._group(phrases, k, toks, +1)
            acts = [a for j in grp for a in phrases[j].actors]
            if any(i in rprep for i in gap) and not c.recipients:
                c.recipients = acts
            elif (any(w in self.of_words for w in before) or by_agent or not before) and (not c.actors or by_agent):
                # "el ataque del Hamas", "attack by X", and a party right after the noun (Russian
                # genitive "нападение ХАМАС")
                c.actors = acts
                c.confidence = 0.6
            else:
                break
            te = phrases[grp[-1]].end
        if in_pp:
            if c.actors and {a.country for a in c.actors} - {a.country for a in subject} - {None}:
                c.recipients = c.recipients or subject
                c.notes.append("noun in a prepositional phrase")
            else:
                c.actors = subject
        if victims:
            keys = {(a.country, a.sector) for a in c.actors}
            c.recipients = [a for a in victims if (a.country, a.sector) not in keys] or c.recipients
        if "symmetric" in c.entry.flags and c.recipients and c.event_type in SYMMETRIC_TYPES:
            c.notes.append(f"subject:{len(c.actors)}")
            c.actors, c.recipients = c.actors + c.recipients, []


    def _prep_before(self, start: int, toks) -> int:
        """The index of the token that governs a phrase starting at ``start``: the token before it,
        skipping articles; -1 if none."""
        i = start - 1
        while i >= 0 and self._article(toks[i]):
            i -= 1
        return i

    def _addressee(self, c: EventCandidate, phrases, toks, lb: int) -> None:
        """The second of two coordinated verbs takes the first one's addressee as its recipient when
        it names none of its own, or only the actor's own country ("se dirigió a Rusia y pidió ayuda",
        "turned to Russia and asked for help", "обратился к России и попросил помощи")."""
        ts = c.t_start
        if not (ts > 0 and toks[ts - 1].norm in self.conj) or "noun" in c.entry.flags \
                or "passive" in c.notes or "self" in c.entry.flags or not c.actors:
            return
        own = {a.country for a in c.actors}
        if c.recipients and any(r.country not in own for r in c.recipients):
            return
        for p in reversed([p for p in phrases if lb <= p.start and p.end <= ts - 1]):
            i = self._prep_before(p.start, toks)
            between = [t.norm for t in toks[p.end:ts - 1]]
            if any(w == "," or w in self.conj for w in between):
                break  # the addressee is the first verb's last phrase, right before the conjunction
            if i >= 0 and toks[i].norm in self.recipient_preps and set(p.countries) - own:
                c.recipients = list(p.actors)
                c.notes.append("addressee")
            break

    def _article(self, tok) -> bool:
        """Whether a token is an article; a contraction that only folding made look like one is the
        preposition it contains (Portuguese "à", "às" fold to the articles "a", "as")."""
        return tok.norm in self.articles and not (tok.text.lower() != tok.norm and tok.norm in self.preps)

    def _noun_in_pp(self, c: EventCandidate, phrases, toks) -> tuple[bool, list[int]]:
        """Whether a noun trigger stands in a prepositional phrase ("a las nuevas sanciones", "to the
        EU sanctions", "на односторонние санкции"), and the indices of the parties inside that phrase
        before the noun. Nouns whose of-phrase is their object (arrest, release, aid) and the
        instrument of "threatened with sanctions" are left to the other rules."""
        if c.event_type in OBJECT_OF_NOUN:
            return False, []
        i, inner, words, article = c.t_start - 1, [], 0, False
        while i >= 0:
            k = next((k for k, p in enumerate(phrases) if p.start <= i < p.end), None)
            t = toks[i]
            if k is not None:
                inner.insert(0, k)
                i = phrases[k].start - 1
            elif self._article(t):
                article = True
                i -= 1
            elif t.norm in self.recipient_preps:
                # adjectives stand between an article and the noun ("a las nuevas sanciones"); a word
                # with no article before it may be an infinitive ("to impose sanctions", "a imponer"),
                # except where nouns take no article (setting bare_adjectives: "на односторонние санкции")
                # or the preposition holds one (contraction: "às novas sanções", "aux nouvelles")
                return (not words or article or self.bare_adjectives or t.norm in self.contractions), inner
            elif words < 2 and not article and t.text.isalpha() and t.text[:1].islower() \
                    and t.norm not in self.function_words and i not in self._trigger_tokens:
                words += 1
                i -= 1
            else:
                break
        return False, []

    def _official_protest(self, c: EventCandidate, phrases, cues) -> None:
        """A government that protests ("Russia protested to Poland", "el Gobierno protestó ante",
        "МИД протестует") complains officially, CAMEO 114 (PLOVER ACCUSE, disapprove); PROTEST is
        civilian collective dissent. The actors are governments when every one is named by a country
        name, a capital or a government body (sector GOV), none by a demonym or a group noun."""
        if c.event_type != "PROTEST" or not c.actors or c.mode not in {None, "demo"} or "noun" in c.entry.flags:
            return  # "demonstrations", "las protestas" are a crowd's, whoever is named with them
        if "speaker" in c.notes or "previous subject" in c.notes:
            return  # "a crowd which protested": the actor was not named with the verb
        by_start = {a.start: p for p in phrases for a in p.actors}
        relatives = {s for s, _, _ in cues.get("relative", [])}
        for a in c.actors:
            p = by_start.get(a.start)
            if p is None or not (a.sector == "GOV" or (a.sector is None and p.kinds <= {"country", "capital"})):
                return
            # the verb's own subject: before it with no relative pronoun between ("une foule qui
            # protestait"), or right after it in verb-first order, not inside a prepositional phrase
            before = p.end <= c.t_start and not any(p.end <= i < c.t_start for i in relatives)
            if not (before or c.t_end <= p.start <= c.t_end + 1) or self._oblique(p, c.sentence.tokens):
                return
        c.event_type, c.mode, c.cameo = "ACCUSE", "disapprove", "114"
        c.notes.append("official protest")

    def _host_visitor(self, c: EventCandidate, phrases) -> None:
        """An ambiguous hosting verb ("received", "recibió", "принял", "استقبل") is a visit only when
        its visitor is a person, an office, a delegation or a side ("Putin received Erdogan", "принял
        делегацию"), not a bare country or demonym: "Latvia also took the decision" ("решение ...
        приняли также Латвия"), "received Ukraine's request"."""
        if not {"host", "weak"} <= c.entry.flags or not c.actors:
            return
        by_start = {a.start: p for p in phrases for a in p.actors}
        if not any((p := by_start.get(a.start)) is not None and p.kinds & {"person", "title", "side", "institution", "igo"}
                   for a in c.actors):
            c.actors = []
            c.notes.append("no visitor")

    def _in_name(self, toks, m) -> bool:
        """Whether a trigger is a word of a capitalized multi-word name ("Frente Farabundo Martí para
        la Liberación Nacional", "Ministry of Defence", "Peace Corps", "Movimento de Libertação"):
        capitalized inside a sentence that is not in title case, next to another capitalized word
        (across at most two short lower-case words: "para la", "of the"); a meeting word in a name
        ("the Strategic Dialogue") still counts. Scripts without capitals and
        languages that capitalize every noun (settings ``no_capitals``, ``nouns_capitalized``) skip it."""
        if not self.cased_names or m.payload.type == "CONSULT":
            return False  # a meeting's own name ("the Strategic Dialogue", "la Reunión de Alto Nivel") names a meeting
        words = [i for i, t in enumerate(toks) if t.text[:1].isalpha()]
        if not words or m.start <= words[0] or not _capital(toks[m.start].text):
            return False
        long_words = [t.text for t in toks if t.text[:1].isalpha() and len(t.text) > 3]
        if sum(_capital(w) for w in long_words) > 0.6 * len(long_words):
            return False  # a headline in title case

        def capital_near(start: int, step: int) -> bool:
            j, small = start, 0
            while 0 <= j < len(toks) and j != words[0]:
                t = toks[j].text
                if _capital(t):
                    return True
                if not (t.isalpha() and t.islower() and len(t) <= 4) or small == 2:
                    return False
                small += 1
                j += step
            return False
        return capital_near(m.start - 1, -1) or capital_near(m.end, +1)


def _capital(word: str) -> bool:
    """A capitalized word (not an acronym in capitals: "EU", "NATO")."""
    return word[:1].isupper() and not word.isupper()

