"""Spanish pack: one sentence per PLOVER type (written for these tests), each checked for the type and the
actor's and recipient's country and sector."""
import pytest

import tidings

PUB = "2024-03-14"  # jueves

CASES = [
    ("AGREE", "El gobierno chileno se comprometió a cooperar con Bolivia en materia de agua.", ("CHL", "GOV"), ("BOL", None)),
    ("CONSULT", "El canciller argentino se reunió con su homólogo uruguayo en Montevideo el lunes.", ("ARG", "GOV"), ("URY", "GOV")),
    ("SUPPORT", "El presidente colombiano elogió al gobierno ecuatoriano por su apoyo en la frontera.", ("COL", "GOV"), ("ECU", "GOV")),
    ("CONCEDE", "El gobierno peruano indultó a veinte presos políticos el martes.", ("PER", "GOV"), ("PER", "CVL")),
    ("COOPERATE", "España extraditó a México a un narcotraficante colombiano.", ("ESP", None), ("MEX", None)),
    ("AID", "Japón donó diez millones de dólares a los refugiados sirios en Jordania.", ("JPN", None), ("SYR", "REF")),
    ("RETREAT", "Las tropas rusas se retiraron de la ciudad ucraniana de Jersón.", ("RUS", "MIL"), None),
    ("REQUEST", "El gobierno mexicano pidió a Estados Unidos la extradición de un exgobernador.", ("MEX", "GOV"), ("USA", None)),
    ("ACCUSE", "El ministro venezolano acusó a Colombia de proteger a grupos armados.", ("VEN", "GOV"), ("COL", None)),
    ("REJECT", "La oposición nicaragüense rechazó la propuesta del gobierno.", ("NIC", "OPP"), ("NIC", "GOV")),
    ("THREATEN", "Corea del Norte amenazó a Japón con nuevas pruebas de misiles.", ("PRK", None), ("JPN", None)),
    ("PROTEST", "Miles de estudiantes chilenos protestaron contra el gobierno en Santiago el jueves.", ("CHL", "EDU"), ("CHL", "GOV")),
    ("SANCTION", "La Unión Europea sancionó a nueve funcionarios bielorrusos el lunes.", ("EUR", "IGO"), ("BLR", "GOV")),
    ("MOBILIZE", "Venezuela desplegó tropas en la frontera con Guyana.", ("VEN", None), None),
    ("COERCE", "La policía boliviana detuvo a tres dirigentes opositores en La Paz.", ("BOL", "COP"), ("BOL", "OPP")),
    ("ASSAULT", "Guerrilleros colombianos atacaron una base militar en el Cauca.", ("COL", "REB"), None),
]


def _find(events, etype):
    found = [e for e in events if e.event_type == etype]
    assert found, f"no {etype} in {[e.event_type for e in events]}"
    return found[0]


@pytest.mark.parametrize("etype,text,actor,recipient", CASES, ids=[c[0] for c in CASES])
def test_each_plover_type(etype, text, actor, recipient):
    ev = _find(tidings.code_text(text, lang="es", published=PUB), etype)
    if etype == "CONSULT":
        # a meeting with no host named: every party is an actor (PLOVER, compound and reciprocal actors)
        parties = {(a.country, a.sector) for a in ev.actors + ev.recipients}
        assert {actor, recipient} <= parties
        assert ev.recipients == []
        return
    assert (ev.actors[0].country, ev.actors[0].sector) == actor
    if recipient is not None:
        rc, rs = recipient
        assert ev.recipients, "no recipient"
        r = ev.recipients[0]
        if rc is not None:
            assert r.country == rc
        if rs is not None:
            assert r.sector == rs
    assert ev.language == "es"
