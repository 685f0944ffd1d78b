"""Modality of an event candidate from the frame cues of its clause: negated, hypothetical, future
(PLOVER's announced acts become AGREE, CONCEDE or THREATEN), claimed, or background (a mixin of
``EventLinker``)."""
from __future__ import annotations

from tidings.events.candidate import FUTURE_TO, EventCandidate


class ModalityRules:
    """The modality rules; uses the pack words set by ``EventLinker``."""

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
        if any(s < ts for s, _, _ in cues.get("deny", [])) or near("negation", 4) or _negated_after(c, cues, rb):
            c.modality = "negated"
        elif near("hypothetical", 12, lb - 1) or near("modal", 3):
            c.modality = "hypothetical"
        elif near("desire", 12, 0):
            # a wish or hope ("I hope our ministers will continue to cooperate", "espera gestos
            # concretos", "نأمل أن"), also across the complementizer that opens the wished clause:
            # PLOVER's hypothetical mode, no asserted event
            c.modality = "hypothetical"
            c.notes.append("desired")
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
            # a background word that opens the sentence ("Earlier, a spokesman announced that ...",
            # "Ранее ... заявили, что ...") dates every clause of it
            opening = any(s <= 1 for s, _, _ in cues.get("background", [])) and not cues.get("recent")
            if (in_clause("background") or opening) and not in_clause("recent"):
                c.modality = "background"  # "Earlier, ...", "в прошлом году", "in the past"
                c.notes.append("background")
            elif near("habitual", 4) or any(ts < s < min(rb, c.t_end + HABITUAL_AFTER_WIDTH)
                                            for s, _, _ in cues.get("habitual", [])):
                # "police usually detain", "suelen detener"; after the verb or inside a gap pattern:
                # "wirft der Ukraine seit Jahren ... vor", "nimmt ... regelmäßig ... fest", "اتهمت روسيا أوكرانيا مرارا"
                c.modality = "background"
                c.notes.append("habitual")

    def _halted(self, c: EventCandidate, cues, toks, lb: int, phrase_tokens: set[int]) -> None:
        """Polarity: aid or talks that a ``halt`` word stops ("paused military aid", "stoppte die
        Entwicklungshilfe", "la suspension de l'aide", "прекратить финансирование") are no aid and no
        talks but their reduction, CAMEO 162x / 164 (SANCTION, PLOVER mode discontinue / withdraw).
        The halt word stands at most three words before the trigger, with no party or clause break
        between."""
        if c.event_type not in HALTED or (c.event_type == "CONSULT" and (c.cameo or "040")[:3] not in {"040", "046"}):
            return  # a cancelled visit is not halted talks
        ts = c.t_start
        for s, e, _ in cues.get("halt", []):
            if lb <= s and e <= ts and ts - e <= 3 and not any(e <= i < ts for i in phrase_tokens) \
                    and not any(toks[i].text in {",", ";", ":", "،"} for i in range(e, ts)):
                mode, cameo = HALTED[c.event_type]
                c.notes.append(f"halted {c.event_type}")
                code = (c.cameo or "")[:3]
                c.event_type, c.mode = "SANCTION", mode
                c.cameo = {"071": "1621", "072": "1622", "073": "1623"}.get(code, cameo)
                k = next((int(n[8:]) for n in c.notes if n.startswith("subject:")), 0)
                if k and not c.recipients:  # "froze talks with Iran": one side breaks off, not both
                    c.actors, c.recipients = c.actors[:k], c.actors[k:]
                return


# the acts a halt word reverses: (SANCTION mode, CAMEO code)
HALTED = {"AID": ("discontinue", "162"), "CONSULT": ("withdraw", "164")}


#: tokens after a trigger (in its clause) in which a habitual cue makes its statement generic
HABITUAL_AFTER_WIDTH = 3
#: tokens after a trigger in which a postposed negation ("Нападения ... не было") negates it
NEGATION_AFTER_WIDTH = 6


def _negated_after(c: EventCandidate, cues, rb: int) -> bool:
    """Whether a postposed negation (a ``negation`` cue with value ``after``: "Задержаний не было",
    "Нападения на посольство не зафиксировано") follows the trigger in its clause."""
    return any(c.t_end <= s < min(rb, c.t_end + NEGATION_AFTER_WIDTH)
               for s, _, v in cues.get("negation", []) if v == "after")
