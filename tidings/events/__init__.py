"""Triggers, linking and modality: from a sentence's actor phrases to event candidates.

For each trigger found by the language pack's ``events.tsv`` the linker picks, within the
trigger's clause:

* the **actor**: the party on the subject side (the nearest actor phrase before the trigger, with
  any phrases coordinated to it), or the party after the trigger in verb-first order;
* the **recipient**: the first party after the trigger (skipping the agent of a passive);
* **passive voice** (an auxiliary before the trigger, or an agent preposition after it: ``fue
  atacado por``, ``was attacked by``) swaps the two;
* **symmetric frames** (``entre A y B``, ``between A and B``, ``A and B held talks``) put every party
  among the actors with no recipient, as the PLOVER manual does for compound and reciprocal actors;
* **modality** from cues of ``frames.tsv``: negation, future, hypothetical, denial and attribution.
  PLOVER's rules for announced acts apply: a future CONSULT, SUPPORT, COOPERATE or AID is AGREE, a
  future RETREAT is CONCEDE, a future ASSAULT or COERCE is THREATEN (PLOVER manual, event types).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from tidings.actors import ActorPhrase
from tidings.lexicon import EventEntry, LanguagePack
from tidings.records import Actor, Sentence
from tidings.text.matcher import Matcher, longest_non_overlapping

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
    asserted|negated|hypothetical|future|claimed.
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


class EventLinker:
    """Finds triggers in a sentence and links them to actor phrases (see module doc)."""

    def __init__(self, pack: LanguagePack) -> None:
        self.lang = pack.lang
        self.matcher = Matcher()
        for e in pack.events:
            self.matcher.add(e.words, e)
        self.frames = Matcher()
        for f in pack.frames:
            if f.kind not in {"clitic_prefix", "future_suffix", "case_suffix", "participle_suffix"}:
                self.frames.add(f.words, f)
        self.future_suffix = tuple(" ".join(f.words).lower() for f in pack.frame_values("future_suffix"))
        self.conj = pack.frame_words("conj")
        self.articles = pack.frame_words("article")
        self.of_words = pack.frame_words("of")
        self.quantity = pack.frame_words("quantity")
        self.possessive = pack.frame_words("possessive")
        self.preps = set().union(*(pack.frame_words(k) for k in (
            "of", "agent_prep", "recipient_prep", "locative_prep", "between", "source_prep")))
        self.participle_suffix = tuple(" ".join(f.words).lower() for f in pack.frame_values("participle_suffix"))
        self.function_words = set().union(*(pack.frame_words(k) for k in (
            "article", "of", "conj", "agent_prep", "recipient_prep", "locative_prep", "between", "source_prep",
            "negation", "future", "modal", "passive_aux", "clause_aux", "clause_break", "speech", "claim",
            "possessive", "quantity", "deny", "hypothetical", "stop", "auxiliary")))
        settings = pack.frame_words("setting")
        self.verb_first = "verb_first" in settings
        self.instrumental_agent = "instrumental_agent" in settings
        self.source_preps = pack.frame_words("source_prep")
        self.locatives = pack.frame_words("locative_prep")
        clitics = {" ".join(f.words) for f in pack.frame_values("clitic_prefix")}
        self.clitic_conj = tuple(w for w in self.conj if w in clitics)

    def _cues(self, keys):
        cues: dict[str, list[tuple[int, int, str | None]]] = {}
        for m in self.frames.find(keys):
            cues.setdefault(m.payload.kind, []).append((m.start, m.end, m.payload.value))
        return cues

    def triggers(self, keys: list[tuple[str, ...]]):
        """Trigger matches of a sentence (longest first, no overlaps), in text order."""
        return longest_non_overlapping(self.matcher.find(keys))

    def candidates(self, sent: Sentence, keys: list[tuple[str, ...]], phrases: list[ActorPhrase],
                   triggers=None, places=(), previous: list[Actor] | None = None) -> list[EventCandidate]:
        """Event candidates of one sentence (any modality, including ``background``; the caller filters).

        ``places``: (character offset, ISO3, text) of the countries the sentence names as places
        (``ActorRecognizer.last_places``), a destination for aid, strikes and deployments;
        ``previous``: the subject of the article's previous sentences (:func:`sentence_subject`), which
        a pronoun or a subjectless clause refers to when the sentence names no speaker."""
        if triggers is None:
            triggers = self.triggers(keys)
        if not triggers:
            return []
        cues = self._cues(keys)
        toks = sent.tokens
        n = len(toks)
        self._trigger_tokens = {i for m in triggers for i in range(m.start, m.end)}
        operations = self._operation_names(cues, toks)
        named = {i for a, b in operations for i in range(a, b)}
        all_phrases = phrases
        # a reporting source ("according to officials", "по данным полиции") and a party inside an
        # operation's name ("Operation Iraqi Freedom") are neither actor nor recipient
        phrases = [p for p in self._without_sources(phrases, cues, toks) if p.start not in named]
        breaks = sorted({s for s, _, _ in cues.get("clause_break", [])} | {i for i, t in enumerate(toks) if t.text in {";", ":", "—", "–"} and 0 < i < n - 1})
        out = []
        accuse_before = []
        phrase_tokens = {i for p in all_phrases for i in range(p.start, p.end)}
        for m in triggers:
            entry: EventEntry = m.payload
            if m.start in named:
                continue  # "Operation Protective Edge", "операция «Буря»": a name, not an act
            if m.start in phrase_tokens and m.end - m.start == 1 and "noun" not in entry.flags:
                continue  # the trigger word is part of an actor name ("Liberation Army")
            if self._adjectival(toks, m, phrase_tokens):
                continue  # "los territorios liberados": a participle describing a thing, no event
            ts, te = m.start, m.end
            left_b = max([b for b in breaks if b < ts] + [-1]) + 1
            right_b = min([b for b in breaks if b >= te] + [n])
            cand = EventCandidate(sent, ts, te, entry, entry.type, entry.mode, entry.cameo)
            cand.contexts = sorted({v for _, _, v in cues.get("context", []) if v})
            self._link(cand, phrases, cues, left_b, right_b, toks)
            inner = [p for p in phrases if ts < p.start and p.end < te]
            if inner and ".." in entry.words and "noun" not in entry.flags and "passive" not in cand.notes:
                # a party in a gap pattern's gap is the verb's object: "threatened Greece with sanctions",
                # "a menacé la Grèce de représailles", "exigió a Irán la liberación de"
                if self.verb_first and not any(q.end <= ts and q.start >= left_b for q in phrases):
                    # verb-subject-object: the first party in the gap is the subject ("علقت إيران المفاوضات مع
                    # ..."); the parties linked after the trigger are then its recipients
                    after = cand.actors + cand.recipients
                    cand.actors, inner = list(inner[0].actors), inner[1:]
                    cand.recipients = [a for a in after if a.code not in {b.code for b in cand.actors}]
                if inner:
                    cand.recipients = [a for p in inner for a in p.actors]
            if ts > 0 and toks[ts - 1].norm in self.conj and "passive" not in cand.notes and "noun" not in entry.flags:
                # "X informed Y about the talks and praised Z": coordinated verbs share the clause's
                # subject, the party that opens it
                first = next((k for k, p in enumerate(phrases) if p.start >= left_b), None)
                if first is not None and phrases[first].start - left_b <= 2 and phrases[first].end < ts \
                        and not self._oblique(phrases[first], toks):
                    subject = [a for k in self._group(phrases, first, toks, +1) for a in phrases[k].actors]
                    keep = {(a.country, a.sector) for a in subject}
                    cand.recipients = [r for r in cand.recipients if (r.country, r.sector) not in keep]
                    if not cand.recipients and cand.actors and {(a.country, a.sector) for a in cand.actors} != keep:
                        cand.recipients = cand.actors
                    cand.actors = subject
                    cand.notes.append("shared subject")
            self._speaker(cand, phrases, cues, toks, left_b, previous)
            self._destination(cand, phrases, places, toks, right_b)
            self._modality(cand, cues, toks, left_b, accuse_before, right_b)
            gov = self._governor(out, cand, left_b)
            if gov is not None and cand.modality == "asserted":
                if gov.event_type == "AGREE":
                    new = FUTURE_TO.get(cand.event_type)
                    if new:  # "pledged to cooperate": an intention, coded as AGREE (PLOVER)
                        cand.notes.append(f"intended {cand.event_type} -> {new}")
                        cand.event_type, cand.mode, cand.cameo = new, None, None
                    else:
                        cand.modality = "future"
                elif gov.event_type in {"REQUEST", "THREATEN", "REJECT"}:
                    cand.modality = "hypothetical"  # "urged Iran to release", "threatened to attack"
                    cand.notes.append(f"governed by {gov.event_type}")
            if accuse_before and cand.modality == "claimed" and "alleged in an accusation" in cand.notes \
                    and accuse_before[-1].t_start >= left_b - 1 and cand.event_type in ALLEGED_TYPES:
                # "Kiev accuse la Russie d'avoir bombardé Kharkiv": the accused did the alleged act
                accusation = accuse_before[-1]
                cand.actors = list(accusation.recipients)
                keys_ = {(a.country, a.sector) for a in cand.actors}
                cand.recipients = [r for r in cand.recipients if (r.country, r.sector) not in keys_]
            if entry.type == "ACCUSE":
                accuse_before.append(cand)
            out.append(cand)
        return out

    # -- who is who -------------------------------------------------------------------------------
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
        if not (pronoun or quoted or bare):
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
        if c.event_type not in DESTINATION_TYPES or c.recipients or "self" in c.entry.flags:
            return
        own = {a.country for a in c.actors}
        end_char = toks[rb - 1].end if rb > 0 else 0
        for p in phrases:
            if p.start < c.t_end or p.end > rb or not any(toks[i].norm in self.locatives
                                                          for i in range(max(c.t_end, p.start - 4), p.start)):
                continue
            foreign = [a for a in p.actors if a.country and a.country not in own and not a.sector]
            if foreign:
                c.recipients = foreign
                c.notes.append("destination")
                return
        trig_end = toks[c.t_end - 1].end
        for off, code, text in sorted(places or ()):
            if trig_end <= off <= end_char and code and code not in own:
                c.recipients = [Actor(text or "", None, code, None, off, off + len(text or ""))]
                c.notes.append("destination")
                return

    # -- linking ---------------------------------------------------------------------------------
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

    def _link(self, c: EventCandidate, phrases, cues, lb: int, rb: int, toks) -> None:
        ts, te = c.t_start, c.t_end
        flags = c.entry.flags
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
        agent_preps = {s for s, _, _ in cues.get("agent_prep", [])}
        # a finite auxiliary before a clause-final participle (German "hat ... angegriffen")
        aux = max([s for s, _, _ in cues.get("clause_aux", []) if lb <= s < ts - 1] + [-1])
        aux = aux if aux >= 0 else None
        passive_aux = [s for s, _, _ in cues.get("passive_aux", []) if ts - 4 <= s < ts or (aux is not None and s == aux)]
        between = [s for s, _, _ in cues.get("between", []) if te <= s <= te + 3]
        rprep = {s for s, _, _ in cues.get("recipient_prep", [])}

        def actors_of(ks):
            out = []
            for k in ks:
                out.extend(phrases[k].actors)
            return out

        def after_agent_prep(p) -> bool:
            return any(s in agent_preps for s in range(max(0, p.start - 3), p.start))

        # the agent of a passive: a phrase right after an agent preposition, after the trigger or,
        # in verb-final clauses, between the auxiliary and the trigger ("wurde von Russland angegriffen")
        agent = next((k for k in right if after_agent_prep(phrases[k]) and phrases[k].start - te <= 4), None)
        if agent is None and passive_aux:
            agent = next((k for k in left if phrases[k].start > min(passive_aux) and after_agent_prep(phrases[k])), None)
        after = [k for k in right if phrases[k].start >= te]  # not the parties inside a gap pattern
        passive = bool(passive_aux) or (agent is not None and after and agent == after[0])
        if passive and agent is None and right and phrases[right[0]].start - te <= 2:
            p0 = phrases[right[0]]
            before = {toks[i].norm for i in range(te, p0.start)}
            if (self.instrumental_agent and p0.start == te) or before & self.source_preps:
                # "был атакован российскими военными" (instrumental), "تعرض لهجوم من مسلحين"
                agent = right[0]
        if passive:
            subj = [k for k in left if k != agent and not self._oblique(phrases[k], toks)] or [
                k for k in left if k != agent]  # "le convoi de l'armée malienne a été visé"
            if agent is not None:
                c.actors = actors_of(self._group(phrases, agent, toks, +1))
                c.notes.append("passive")
                c.confidence = 0.65
            else:
                c.notes.append("passive-no-agent")  # "4 people were arrested": actor unnamed
                c.confidence = 0.45
            if subj:
                c.recipients = actors_of(self._group(phrases, subj[-1], toks, -1))
            return
        # symmetric frame after the trigger: "consultas entre A y B", "talks between A and B"
        if between and right:
            first = next((k for k in right if phrases[k].start > between[0]), None)
            if first is not None:
                acts = actors_of(self._group(phrases, first, toks, +1))
                if len(acts) >= 2:
                    c.actors = acts
                    c.notes.append("between")
                    c.confidence = 0.75
                    return
        if "noun" in flags:
            self._link_noun(c, phrases, left, right, toks, cues)
            return
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
            # phrase ("... the annexation by the Russian Federation, and continues to condemn")
            direct = [k for k in left if not self._oblique(phrases[k], toks)]
            subj = self._group(phrases, direct[-1], toks, -1) if direct else (
                self._group(phrases, left[-1], toks, -1) if left and not right else [])
        rest = objects + [k for k in right]
        if subj:
            c.actors = actors_of(subj)
            c.confidence = 0.7
        else:
            outer = [k for k, p in enumerate(phrases) if p.end <= ts and p.start < lb and not self._oblique(p, toks)]
            verb_subject_order = self.verb_first or c.event_type in INTRANSITIVE or "self" in flags
            if right and verb_subject_order and not (right[0] in rprep or any(s in rprep for s in range(te, phrases[right[0]].start))):
                # verb-first order ("هاجمت روسيا أوكرانيا", "protestaron miles de estudiantes")
                grp = self._group(phrases, right[0], toks, +1)
                c.actors = actors_of(grp)
                c.confidence = 0.55
                rest = [k for k in rest if k not in grp]
            elif outer:
                # no subject in the clause: the speaker of the main clause ("Moscou affirme avoir
                # abattu ...", "X said that it shot down Y")
                c.actors = actors_of(self._group(phrases, outer[-1], toks, -1))
                c.confidence = 0.5
        if "self" in flags:
            rest = []
        if rest:
            # the recipient is the first party after the verb that names a country, else the first
            # ("desplegó tropas contra Pakistán": the troops are the actor's own, not the recipient)
            own = {a.country for a in c.actors}
            pick = next((k for k in rest if set(phrases[k].countries) - own), rest[0])
            grp = self._group(phrases, pick, toks, +1)
            actor_keys = {(a.country, a.sector, a.start) for a in c.actors}
            c.recipients = [r for r in actors_of(grp) if (r.country, r.sector, r.start) not in actor_keys]
            c.confidence += 0.1
        if "host" in flags and c.recipients:
            c.actors, c.recipients = c.recipients, c.actors
            c.mode = c.mode or "visit"
        elif "inverse" in flags and c.recipients:  # an imported pattern's "+ * ..." / "* (FROM $)" slots
            c.actors, c.recipients = c.recipients, c.actors
        if ("symmetric" in flags or c.event_type in SYMMETRIC_TYPES) and not c.recipients and len(c.actors) >= 2:
            c.notes.append("compound")
        elif "symmetric" in flags and c.recipients and c.event_type in SYMMETRIC_TYPES:
            c.actors = c.actors + c.recipients
            c.recipients = []
            c.notes.append("symmetric")

    def _governor(self, previous: list[EventCandidate], cand: EventCandidate, lb: int) -> EventCandidate | None:
        """A verbal trigger before ``cand`` in its clause that governs it (at most 8 tokens apart:
        "urged Serbia and Kosovo to resume talks")."""
        for p in reversed(previous):
            if p.t_end <= cand.t_start and cand.t_start - p.t_end <= 8 and p.t_start >= lb - 1 \
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
        i = p.start - 1
        while i >= 0 and toks[i].norm in self.articles:
            i -= 1
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
        left = [k for k in left if not self._oblique(phrases[k], toks)]
        if left and not any(phrases[left[-1]].end <= i < ts for i in self._trigger_tokens):
            # the clause subject ("A and B held talks", "Maduro ordenó ensayos militares"), unless the
            # noun is the object of another trigger ("condenaron el ataque")
            c.actors = [a for k in self._group(phrases, left[-1], toks, -1) for a in phrases[k].actors]
            c.confidence = 0.6 if ts - phrases[left[-1]].end <= 3 else 0.5
        for k in right:
            p = phrases[k]
            gap = range(te, p.start)
            by_agent = any(i in agent for i in gap)
            if len(gap) > (8 if by_agent else 4):
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
        if "symmetric" in c.entry.flags and c.recipients and c.event_type in SYMMETRIC_TYPES:
            c.actors, c.recipients = c.actors + c.recipients, []

    # -- modality --------------------------------------------------------------------------------
    def _modality(self, c: EventCandidate, cues, toks, lb: int, accuse_before: list[EventCandidate],
                  rb: int | None = None) -> None:
        """Modality of ``c`` from the cues of its clause ``[lb, rb)``: negated, hypothetical, future,
        claimed, or ``background`` (history or a habitual statement: no asserted event of this report)."""
        ts = c.t_start
        rb = len(toks) if rb is None else rb
        # in a verb-final clause the cues stand around the auxiliary ("wird ... nicht angreifen")
        auxs = [s for s, _, _ in cues.get("clause_aux", []) if lb <= s < ts - 1]
        aux = max(auxs) if auxs else ts

        def near(kind: str, width: int, start: int = lb) -> bool:
            return any(max(start, min(ts, aux) - width) <= s < ts for s, _, _ in cues.get(kind, []))

        trig_word = toks[c.t_end - 1].text.lower()
        future = near("future", 4) or any(trig_word.endswith(suf) or toks[c.t_end - 1].norm.endswith(suf)
                                          for suf in self.future_suffix)
        if any(s < ts for s, _, _ in cues.get("deny", [])) or near("negation", 4):
            c.modality = "negated"
        elif near("hypothetical", 12, lb - 1) or near("modal", 3):
            c.modality = "hypothetical"
        elif future:
            new = FUTURE_TO.get(c.event_type)
            if new:
                c.notes.append(f"future {c.event_type} -> {new}")
                c.event_type, c.mode, c.cameo = new, None, None
            else:
                c.modality = "future"
        if c.modality == "asserted":
            if accuse_before and c.event_type not in {"ACCUSE"} and accuse_before[-1].t_start >= lb - 1:
                c.modality = "claimed"
                c.notes.append("alleged in an accusation")
            elif cues.get("claim") or cues.get("source"):
                c.modality = "claimed"
        if c.modality in {"asserted", "claimed"}:
            in_clause = lambda kind: any(lb - 1 <= s < rb for s, _, _ in cues.get(kind, []))  # noqa: E731
            if in_clause("background") and not in_clause("recent"):
                c.modality = "background"  # "Earlier, ...", "в прошлом году", "in the past"
                c.notes.append("background")
            elif near("habitual", 4) or any(c.t_end <= s <= c.t_end + 1 for s, _, _ in cues.get("habitual", [])):
                c.modality = "background"  # "police usually detain", "suelen detener"
                c.notes.append("habitual")
