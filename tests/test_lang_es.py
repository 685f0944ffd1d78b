"""Spanish pack: one sentence per PLOVER type (written for these tests), each checked for the type and the
actor's and recipient's country and sector."""
import pytest

from plover_cases import check_case


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


@pytest.mark.parametrize("etype,text,actor,recipient", CASES, ids=[c[0] for c in CASES])
def test_each_plover_type(etype, text, actor, recipient):
    check_case("es", etype, text, actor, recipient)
