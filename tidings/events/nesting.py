"""Nested events: an event named as the content of another is not a second asserted event (a mixin
of ``EventLinker``).

* The object of a condemnation, an accusation, an investigation, a protest or a rejection ("condemned
  the missile attack on Riyadh", "a condamné l'attaque de son ambassade", "أعربت عن إدانتها للغارات")
  is what is condemned: one ACCUSE, and the attack's named perpetrator is its recipient (condemning
  Houthi attacks: the Houthis), never the attack's victim.
* A relative clause that describes such an object ("the strikes that targeted Masyaf", "للغارات
  التي استهدفت") describes the same nested event.
* The subject matter of a concern or a description ("concerned by the attacks on our embassy",
  "described the attack as ...": ``concern`` cues of ``frames.tsv``) is no event of that sentence.
* An event given as the reason of another ("sanctioned eight people over their support of the
  annexation", "expulsó a tres diplomáticos por acudir a las protestas", "в связи с расширением
  санкций") is background to it (``reason`` cues of ``frames.tsv``).

Nested candidates get the modality ``nested``, which no caller returns (like ``background``).
"""
from __future__ import annotations

from dataclasses import replace

from tidings.events.candidate import EventCandidate

#: governing types whose object is the content they are about (CAMEO 09, 11, 12, 14 criticism)
NESTING_TYPES = {"ACCUSE", "REJECT", "PROTEST"}
#: most tokens between a governing trigger and the event noun that is its object
OBJECT_GAP = 6
#: most tokens between a nested event noun and the verb of a relative clause that describes it
RELATIVE_GAP = 5
#: most tokens between a ``reason`` cue and the event it gives as a reason
REASON_GAP = 4
#: most tokens between the governing event and a ``reason`` cue after it
REASON_SPAN = 14
#: cue kinds that end a verb's object: the words between governor and nested noun hold none of them
_OBJECT_STOPS = ("speech", "future", "modal", "hypothetical", "clause_break", "claim", "purpose", "reason")


class NestingRules:
    """The nesting rules; uses the pack words set by ``EventLinker``."""

    def _nest(self, out: list[EventCandidate], cues, toks, breaks: list[int], phrases) -> None:
        """Mark the candidates of a sentence that are the content or the reason of another (see module
        doc); ``out`` in text order, ``breaks`` the sentence's clause breaks, ``phrases`` its parties."""
        stops = {s for kind in _OBJECT_STOPS for s, _, _ in cues.get(kind, [])}
        self._party_tokens = {i for p in phrases for i in range(p.start, p.end)}
        relatives = {s for s, _, _ in cues.get("relative", [])}
        reasons = cues.get("reason", [])
        for k, c in enumerate(out):
            if c.modality not in {"asserted", "claimed"}:
                continue
            gov = self._content_of(out, k, toks, breaks, stops)
            if gov is not None:
                self._relink(c, gov, phrases, cues, toks, breaks)
                self._mark(c, gov, toks, "object of")
                continue
            if self._about(c, cues, toks, breaks, stops):
                c.modality = "nested"
                c.notes.append("object of a concern")
                continue
            described = self._described(out, k, toks, breaks, relatives)
            if described is not None:
                self._mark(c, described, toks, "relative clause of")
                continue
            because = self._reason_of(out, k, toks, breaks, reasons)
            if because is not None:
                self._mark(c, because, toks, "reason of")
                continue
            self._restated(out, k, breaks, phrases)

    def _restated(self, out: list[EventCandidate], k: int, breaks, phrases) -> None:
        """A verb whose subject is an event noun of its own type right before it restates that event
        ("the shelling killed sixteen people", "القصف أسفر عن"): one event, the noun's, which takes
        the verb's recipients when it names none."""
        c = out[k]
        if "noun" in c.entry.flags or k == 0:
            return
        n = out[k - 1]
        if n.event_type != c.event_type or "noun" not in n.entry.flags or "weak" in n.entry.flags \
                or not 0 <= c.t_start - n.t_end <= 2 \
                or not self._same_clause(n.t_end, c.t_start, breaks) \
                or any(t.text in {",", "،"} for t in c.sentence.tokens[n.t_end:c.t_start]) \
                or any(n.t_end <= p.start < c.t_start for p in phrases):
            return
        c.modality = "nested"
        c.notes.append("restates its subject")
        n.recipients = n.recipients or [r for r in c.recipients if r.code not in {a.code for a in n.actors}]

    def _mark(self, c: EventCandidate, gov: EventCandidate, toks, how: str) -> None:
        """``c`` is nested in ``gov``: no asserted event; a condemnation, rejection or protest whose
        recipient came from the nested event's own parties (its victims) takes the nested event's
        actor instead ("condemned the Houthi attack on Riyadh": the Houthis, not Saudi Arabia)."""
        c.modality = "nested"
        c.notes.append(f"{how} {gov.event_type}")
        if how == "relative clause of":  # its subject is the noun it describes
            c.actors, c.recipients = list(gov.actors), c.recipients or list(gov.recipients)
        if gov.event_type not in NESTING_TYPES or how == "relative clause of":
            return
        gov.notes.append("nesting")
        start = toks[c.t_start].start
        mine = {a.code for a in gov.actors}
        if not gov.recipients or all((r.start or 0) >= start for r in gov.recipients):
            gov.recipients = [a for a in c.actors if a.code not in mine]

    def _relink(self, c: EventCandidate, gov: EventCandidate, phrases, cues, toks, breaks) -> None:
        """Link a nested event as the noun it is, with its own parties only: those after the governing
        trigger (before it, closing a verb-final clause) that are not the governor's actor ("أدانت مصر
        الهجوم الإسرائيلي": Egypt condemns, the attack is Israel's; "condemned the attack on the
        embassy by Russian forces": the forces attack)."""
        lb = max([b for b in breaks if b < c.t_start] + [-1]) + 1
        rb = min([b for b in breaks if b >= c.t_end] + [len(toks)])
        mine = {a.code for a in gov.actors}
        lo, hi = (gov.t_end, rb) if gov.t_end <= c.t_start else (max(lb, c.t_start - 3), gov.t_start)
        own = [p for p in phrases if lo <= p.start and p.end <= hi and not {a.code for a in p.actors} & mine]
        destination = c.recipients if "destination" in c.notes else []
        c.actors, c.recipients = [], []
        if "noun" not in c.entry.flags:
            c.entry = replace(c.entry, flags=c.entry.flags | {"noun"})
        self._link(c, own, cues, lb, rb, toks)
        c.recipients = c.recipients or destination  # "strikes on Masyaf in central Syria"

    def _same_clause(self, a: int, b: int, breaks: list[int]) -> bool:
        return not any(a <= x < b for x in breaks)

    def _content_of(self, out: list[EventCandidate], k: int, toks, breaks, stops) -> EventCandidate | None:
        """The governing trigger whose object the candidate ``out[k]`` is: before it in its clause
        (or after it, closing a verb-final clause: "hat den Angriff verurteilt"), at most OBJECT_GAP
        tokens away, with only the object's words between (no verb, conjunction, comma or cue)."""
        c = out[k]
        before = toks[c.t_start - 1] if c.t_start > 0 else None
        if "accused" in c.notes and "noun" not in c.entry.flags and before is not None \
                and not (self._article(before) or before.norm in self.possessive):
            return None  # "accused Russia of shelling", "accuse Israël d'avoir bombardé": an allegation (claimed)
        if before is not None and before.norm in self.possessive:
            return None  # "opuso su veto", "expressed its support": a light verb and the subject's own act
        for gov in out[:k][::-1] + out[k + 1:]:
            if gov.event_type not in NESTING_TYPES or gov is c or gov.event_type == c.event_type:
                continue  # "Demonstranten protestierten": one act named twice, not one inside the other
            if any(i in self._party_tokens for i in range(gov.t_start, gov.t_end)):
                continue  # "protesters attacked a van": a group noun is a party, it governs nothing
            a, b = (gov.t_end, c.t_start) if gov.t_end <= c.t_start else (c.t_end, gov.t_start)
            if b < a or b - a > OBJECT_GAP or not self._same_clause(a, b, breaks):
                continue
            if gov.t_start > c.t_start and not self._verb_final_object(toks, c, gov):
                continue
            if any(i in self._verbal_tokens or i in stops or toks[i].norm in self.conj or toks[i].norm in self.clause_auxes
                   or toks[i].text in {",", "،", "(", ")"} for i in range(a, b)):
                continue
            if "noun" in gov.entry.flags and gov.t_end <= c.t_start and b > a \
                    and not any(toks[i].norm in self.preps for i in range(a, b)):
                continue  # a noun governs through a preposition ("protests against the crackdown") or right next to it
            return gov
        return None

    def _about(self, c: EventCandidate, cues, toks, breaks, stops) -> bool:
        """Whether the candidate is the subject matter of a ``concern`` cue, a statement that is no
        event of its own ("deeply concerned by the attacks on our embassy", "se dit préoccupé par les
        attaques", "обеспокоены ударами", "وصفت الهجوم بأنه"): at most OBJECT_GAP tokens after it in
        its clause, with only the object's words between."""
        for _, e, _ in cues.get("concern", []):
            if e <= c.t_start and c.t_start - e <= OBJECT_GAP and self._same_clause(e, c.t_start, breaks) \
                    and not any(i in self._verbal_tokens or i in stops or toks[i].norm in self.conj
                                or toks[i].text in {",", "،"} for i in range(e, c.t_start)):
                return True
        return False

    def _verb_final_object(self, toks, c: EventCandidate, gov: EventCandidate) -> bool:
        """Whether ``c`` stands before a clause-final governing verb of a verb-final clause (after a
        finite auxiliary: "Berlin hat den Angriff scharf verurteilt")."""
        if "noun" in gov.entry.flags:
            return False
        return any(toks[i].norm in self.clause_auxes for i in range(max(0, c.t_start - OBJECT_GAP), c.t_start))

    def _described(self, out: list[EventCandidate], k: int, toks, breaks, relatives) -> EventCandidate | None:
        """A nested event that the candidate ``out[k]`` describes in a relative clause right after it
        ("the strikes that targeted ...", "للغارات التي استهدفت")."""
        c = out[k]
        for n in out[:k][::-1]:
            if n.modality != "nested" or n.t_end > c.t_start:
                continue
            a, b = n.t_end, c.t_start
            # a relative pronoun may itself break clauses (Arabic "التي"); no other break may stand between
            if b - a <= RELATIVE_GAP and any(i in relatives for i in range(a, b)) \
                    and self._same_clause(a, b, [x for x in breaks if x not in relatives]) and not any(i in self._verbal_tokens for i in range(a, b)):
                return n
            return None
        return None

    def _reason_of(self, out: list[EventCandidate], k: int, toks, breaks, reasons) -> EventCandidate | None:
        """The event the candidate ``out[k]`` is given as the reason of: a ``reason`` cue at most
        REASON_GAP tokens before it, after that event's trigger in the same clause ("sanctioned eight
        people over their support", "по обвинению в", "بسبب مشاركتهم في الاحتجاجات")."""
        c = out[k]
        for s, e, _ in reasons:
            if not (e <= c.t_start and c.t_start - e <= REASON_GAP):
                continue
            if any(i in self._trigger_tokens or i in self._party_tokens for i in range(e, c.t_start)):
                continue  # "respaldados por varios gobiernos": an agent, not a reason
            for gov in out[:k][::-1]:
                if gov.t_end <= s and s - gov.t_end <= REASON_SPAN and self._same_clause(gov.t_end, s, breaks):
                    return gov
        return None
