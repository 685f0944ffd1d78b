"""Kinds of actor/recipient linking failure found on untuned news, each fixed as one mechanism and
tested in several languages with sentences written for these tests (codes worked out by hand)."""
import pytest

import tidings


def found(text, lang, etype):
    evs = [e for e in tidings.code_text(text, lang=lang, published="2024-03-14") if e.event_type == etype]
    assert evs, f"no {etype} in {text!r}"
    return evs[0]


def countries(parties):
    return sorted({a.country for a in parties})


# A noun trigger's recipient after a recipient preposition ("contra", "against", "gegen") stays the
# recipient when a longer common-noun phrase stands between the preposition and the country.
@pytest.mark.parametrize("lang,text,etype,actor,recipient", [
    ("es", "Rusia lanzó ayer un ataque con drones contra las infraestructuras energéticas de Ucrania.",
     "ASSAULT", "RUS", "UKR"),
    ("es", "Los ataques de Rusia contra las centrales eléctricas y los puertos de Ucrania continúan.",
     "ASSAULT", "RUS", "UKR"),
    ("pt", "Os EUA anunciaram sanções contra bancos e empresas da Rússia.", "SANCTION", "USA", "RUS"),
    ("fr", "La Russie a mené des frappes contre les installations énergétiques et portuaires de l'Ukraine.",
     "ASSAULT", "RUS", "UKR"),
    ("it", "La Russia ha lanciato attacchi contro le infrastrutture energetiche e i porti dell'Ucraina.",
     "ASSAULT", "RUS", "UKR"),
    ("de", "Russland verhängte Sanktionen gegen mehrere große Banken und Firmen aus Polen.",
     "SANCTION", "RUS", "POL"),
])
def test_recipient_after_a_long_prepositional_phrase(lang, text, etype, actor, recipient):
    ev = found(text, lang, etype)
    assert countries(ev.actors) == [actor]
    assert countries(ev.recipients) == [recipient]


# ... but not across a comma: what follows it is another phrase, not the noun's recipient.
@pytest.mark.parametrize("lang,text,etype", [
    ("es", "Rusia anunció sanciones contra los bancos, mientras Francia criticó a Polonia.", "SANCTION"),
    ("pt", "A Rússia anunciou sanções contra os bancos, e a França criticou a Polónia.", "SANCTION"),
])
def test_long_recipient_phrase_stops_at_a_comma(lang, text, etype):
    ev = found(text, lang, etype)
    assert "POL" not in countries(ev.recipients)
