"""Shared check for the per-language tables of one sentence per PLOVER type."""
import tidings

PUB = "2024-03-14"  # a Thursday


def check_case(lang: str, etype: str, text: str, actor, recipient):
    """Code ``text`` and check its ``etype`` event: the first actor's (country, sector) is ``actor``;
    the first recipient matches ``recipient`` where given (None in it means any value). A meeting with
    no host named lists every party among the actors (PLOVER, compound and reciprocal actors)."""
    events = tidings.code_text(text, lang=lang, published=PUB)
    found = [e for e in events if e.event_type == etype]
    assert found, f"no {etype} in {[e.event_type for e in events]}"
    ev = found[0]
    assert ev.language == lang and ev.cameo_code[:2] == ev.cameo_root
    if etype == "CONSULT":
        parties = {(a.country, a.sector) for a in ev.actors + ev.recipients}
        assert {actor, recipient} <= parties
        assert ev.recipients == []
        return ev
    assert (ev.actors[0].country, ev.actors[0].sector) == actor
    if recipient is not None:
        assert ev.recipients, "no recipient"
        r = ev.recipients[0]
        for want, got in zip(recipient, (r.country, r.sector)):
            assert want is None or want == got
    return ev
