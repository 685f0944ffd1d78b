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

from tidings.actors import ActorPhrase
from tidings.events.candidate import (ALLEGED_TYPES, DESTINATION_TYPES, FUTURE_TO, INTRANSITIVE, QUOTES,
                                      SOURCE_SPAN, SYMMETRIC_TYPES, EventCandidate, sentence_subject)
from tidings.events.linking import LinkRules
from tidings.events.impersonal import ImpersonalRules
from tidings.events.modality import ModalityRules
from tidings.events.nesting import NestingRules
from tidings.events.parties import PartyRules
from tidings.lexicon import AFFIX_KINDS, EventEntry, LanguagePack
from tidings.records import Actor, Sentence
from tidings.text.matcher import Matcher, longest_non_overlapping

__all__ = ["ALLEGED_TYPES", "DESTINATION_TYPES", "FUTURE_TO", "INTRANSITIVE", "QUOTES", "SOURCE_SPAN",
           "SYMMETRIC_TYPES", "EventCandidate", "EventLinker", "sentence_subject"]


class EventLinker(PartyRules, LinkRules, ImpersonalRules, ModalityRules, NestingRules):
    """Finds triggers in a sentence and links them to actor phrases (see module doc)."""

    def __init__(self, pack: LanguagePack) -> None:
        self.lang = pack.lang
        self.matcher = Matcher()
        for e in pack.events:
            self.matcher.add(e.words, e)
        self.frames = Matcher()
        for f in pack.frames:
            if f.kind not in AFFIX_KINDS:
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
        self.bare_adjectives = "bare_adjectives" in settings
        self.cased_names = not ({"no_capitals", "nouns_capitalized"} & settings)
        self.inversion = "subject_inversion" in settings
        self.free_order = "free_order" in settings
        self.contractions = pack.frame_words("contraction")
        self.clause_auxes = pack.frame_words("clause_aux")
        self.recipient_preps = {w for w in pack.frame_words("recipient_prep") if " " not in w}
        self.source_preps = pack.frame_words("source_prep")
        self.locatives = pack.frame_words("locative_prep")
        self.locative_agent = pack.frame_words("locative_agent")
        self.impersonal_suffix = tuple(" ".join(f.words).lower() for f in pack.frame_values("impersonal_suffix"))
        self.dative_suffix = tuple(" ".join(f.words).lower() for f in pack.frame_values("dative_suffix"))
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
        self._verbal_tokens = {i for m in triggers if "noun" not in m.payload.flags for i in range(m.start, m.end)}
        self._noun_ends = {m.end for m in triggers if "noun" in m.payload.flags}
        # noun triggers, and verb entries read as nouns after an article ("the strikes on Syria")
        self._noun_spans = [(m.start, m.end) for m in triggers if "noun" in m.payload.flags
                            or (m.start > 0 and toks[m.start - 1].norm in self.articles)]
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
        self._phrase_tokens = phrase_tokens
        for m in triggers:
            entry: EventEntry = m.payload
            if m.start in named:
                continue  # "Operation Protective Edge", "операция «Буря»": a name, not an act
            if m.start in phrase_tokens and m.end - m.start == 1 and "noun" not in entry.flags:
                continue  # the trigger word is part of an actor name ("Liberation Army")
            if self._in_name(toks, m):
                continue  # "Frente ... para la Liberación Nacional", "Peace Corps": a name, not an act
            if self._adjectival(toks, m, phrase_tokens):
                continue  # "los territorios liberados": a participle describing a thing, no event
            if any(s < m.end and m.start < e for s, e, _ in cues.get("idiom", [])):
                continue  # "принять решение", "take a decision": the trigger word has no event reading
            ts, te = m.start, m.end
            left_b = max([b for b in breaks if b < ts] + [-1]) + 1
            right_b = min([b for b in breaks if b >= te] + [n])
            cand = EventCandidate(sent, ts, te, entry, entry.type, entry.mode, entry.cameo)
            cand.contexts = sorted({v for _, _, v in cues.get("context", []) if v})
            self._link(cand, phrases, cues, left_b, right_b, toks)
            self._fronted_meeting(cand, phrases, left_b, right_b, toks)
            self._victim_verb(cand, phrases, cues, toks, left_b, right_b)
            self._gap_object(cand, phrases, left_b)
            self._shared_subject(cand, phrases, toks, left_b)
            self._addressee(cand, phrases, toks, left_b)
            self._speaker(cand, phrases, cues, toks, left_b, previous)
            self._official_protest(cand, phrases, cues)
            self._host_visitor(cand, phrases)
            self._destination(cand, phrases, places, toks, right_b)
            self._halted(cand, cues, toks, left_b, phrase_tokens)
            self._modality(cand, cues, toks, left_b, accuse_before, right_b)
            self._governed(cand, out, left_b)
            self._alleged(cand, accuse_before, left_b)
            if entry.type == "ACCUSE":
                accuse_before.append(cand)
            out.append(cand)
        self._nest(out, cues, toks, breaks, phrases)
        return out

    def _gap_object(self, cand: EventCandidate, phrases: list[ActorPhrase], left_b: int) -> None:
        """A party in a gap pattern's gap is the verb's object: "threatened Greece with sanctions",
        "a menacé la Grèce de représailles", "exigió a Irán la liberación de"."""
        ts, te, entry = cand.t_start, cand.t_end, cand.entry
        inner = [p for p in phrases if ts < p.start and p.end < te]
        if not inner or ".." not in entry.words or "noun" in entry.flags or "passive" in cand.notes:
            return
        if self.verb_first and not any(q.end <= ts and q.start >= left_b for q in phrases) \
                and "impersonal" not in cand.notes:
            # verb-subject-object: the first party in the gap is the subject ("علقت إيران المفاوضات مع
            # ..."); the parties linked after the trigger are then its recipients
            after = cand.actors + cand.recipients
            cand.actors, inner = list(inner[0].actors), inner[1:]
            cand.recipients = [a for a in after if a.code not in {b.code for b in cand.actors}]
        if inner:
            cand.recipients = [a for p in inner for a in p.actors]

    def _shared_subject(self, cand: EventCandidate, phrases: list[ActorPhrase], toks, left_b: int) -> None:
        """Coordinated verbs share the clause's subject, the party that opens it: "X informed Y about
        the talks and praised Z"; the first verb's party nearest the conjunction is then the recipient
        ("Токаев обратился к членам ОДКБ и попросил поддержки")."""
        ts = cand.t_start
        if not (ts > 0 and toks[ts - 1].norm in self.conj and "passive" not in cand.notes
                and "noun" not in cand.entry.flags):
            return
        # the subject opens the clause, perhaps after fronted adverbials and prepositional phrases
        # ("El lunes, en Bruselas, el ministro ...", "На фоне протестов президент ...") in which no
        # verb trigger stands
        first = next((k for k, p in enumerate(phrases) if p.start >= left_b and not self._oblique(p, toks)), None)
        if first is None or phrases[first].end >= ts or phrases[first].start - left_b > 12:
            return
        if phrases[first].start - left_b > 2 and any(i in self._verbal_tokens for i in range(left_b, phrases[first].start)):
            return
        subject = [a for k in self._group(phrases, first, toks, +1) for a in phrases[k].actors]
        keep = {(a.country, a.sector) for a in subject}
        cand.recipients = [r for r in cand.recipients if (r.country, r.sector) not in keep]
        if not cand.recipients and cand.actors and {(a.country, a.sector) for a in cand.actors} != keep:
            cand.recipients = cand.actors
        cand.actors = subject
        cand.notes.append("shared subject")

    def _governed(self, cand: EventCandidate, previous: list[EventCandidate], left_b: int) -> None:
        """An act governed by an earlier verbal trigger of its clause: after AGREE it is an intention
        ("pledged to cooperate": AGREE, PLOVER) or future; after REQUEST, THREATEN or REJECT it is
        hypothetical ("urged Iran to release", "threatened to attack")."""
        gov = self._governor(previous, cand, left_b)
        if gov is None or cand.modality not in {"asserted", "claimed"}:
            return
        if gov.event_type == "AGREE":
            new = FUTURE_TO.get(cand.event_type)
            if new:
                cand.notes.append(f"intended {cand.event_type} -> {new}")
                cand.event_type, cand.mode, cand.cameo = new, None, None
            else:
                cand.modality = "future"
        elif gov.event_type in {"REQUEST", "THREATEN", "REJECT"}:
            cand.modality = "hypothetical"
            cand.notes.append(f"governed by {gov.event_type}")

    def _alleged(self, cand: EventCandidate, accuse_before: list[EventCandidate], left_b: int) -> None:
        """The accused did the alleged act: "Kiev accuse la Russie d'avoir bombardé Kharkiv"."""
        start = cand.sentence.tokens[cand.t_start].start
        # the accused is named before the act ("accused Russia of shelling"); a party after the act's
        # trigger is the act's own ("condenó el ataque contra la embajada de Ecuador")
        if accuse_before and cand.modality == "claimed" and "alleged in an accusation" in cand.notes \
                and accuse_before[-1].t_start >= left_b - 1 and cand.event_type in ALLEGED_TYPES \
                and accuse_before[-1].recipients and all((r.start or 0) < start for r in accuse_before[-1].recipients):
            cand.actors = list(accuse_before[-1].recipients)
            cand.notes.append("accused")
            keys_ = {(a.country, a.sector) for a in cand.actors}
            cand.recipients = [r for r in cand.recipients if (r.country, r.sector) not in keys_]
