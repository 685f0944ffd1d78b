"""End to end: an agency report of the seed's shape (written for this test, not copied), the event record
contract, modality, document memory and the field-failure kinds of linking (B15, B16, B19, B21, B22, B24)."""
import json

import pytest

import tidings
from tidings.records import EVENT_FIELDS

AGENCY_REPORT = """×
A
A
A
Ajustes

Se celebran consultas políticas entre los Ministerios de Asuntos Exteriores de Georgia y Moldavia

Tiflis, 21 de abril, GEOPRESS

El 20 de abril de 2023 se celebraron consultas políticas entre los Ministerios de Asuntos Exteriores de Georgia y Moldavia.

La delegación georgiana estaba encabezada por el viceministro de Asuntos Exteriores, Levan Tsiklauri, y la moldava por el viceministro de Asuntos Exteriores, Ion Rusnac, según informa GEOPRESS.

Las partes revisaron el estado de las relaciones bilaterales y la cooperación en el marco de la Asociación Oriental.

Tsiklauri informó a la parte moldava de las reformas en curso.

POLÍTICA EXTERIOR 2023-04-21 09:30:00
"""


@pytest.fixture(scope="module")
def coder():
    return tidings.Coder()


def test_agency_report_article_fields():
    art = tidings.clean_text(AGENCY_REPORT, doc_id="geo-mda")
    assert art.title == "Se celebran consultas políticas entre los Ministerios de Asuntos Exteriores de Georgia y Moldavia"
    assert art.language == "es"
    assert (art.dateline.place, art.dateline.date, art.dateline.agency) == ("Tiflis", "2023-04-21", "GEOPRESS")
    assert art.section == "POLÍTICA EXTERIOR"
    assert art.published.startswith("2023-04-21T09:30")
    assert art.text.startswith("El 20 de abril de 2023 se celebraron consultas políticas")
    assert "Ajustes" not in art.text and "×" not in art.text
    assert art.removed_chrome[:5] == ["×", "A", "A", "A", "Ajustes"]


def test_agency_report_consult_event(coder):
    art, events = coder.code_document(tidings.RawDocument("geo-mda", text=AGENCY_REPORT, source="geo-mda.txt"))
    consult = [e for e in events if e.event_type == "CONSULT"]
    assert len(consult) == 1
    ev = consult[0]
    parties = {(a.country, a.sector, a.name) for a in ev.actors + ev.recipients}
    assert parties == {("GEO", "GOV", "Levan Tsiklauri"), ("MDA", "GOV", "Ion Rusnac")}
    assert ev.recipients == []  # no host named: all parties are actors (PLOVER)
    assert (ev.date, ev.date_precision, ev.date_source) == ("2023-04-20", "day", "explicit")
    assert (ev.cameo_code, ev.cameo_root, ev.quad_class) == ("040", "04", 1)
    assert ev.goldstein == 1.0
    assert ev.sentence_index == 0
    assert art.text[ev.trigger.start:ev.trigger.end] == "consultas"
    assert ev.sentence.startswith("El 20 de abril de 2023")
    assert ev.location is None  # the text does not say where; Tiflis is only the dateline


def test_record_has_exactly_the_contract_fields(coder):
    _, events = coder.code_document(tidings.RawDocument("geo-mda", text=AGENCY_REPORT))
    d = events[0].to_dict()
    assert tuple(d) == EVENT_FIELDS
    json.dumps(d)
    assert d["id"] == events[0].id and len(d["id"]) == 16
    # ids are deterministic
    _, again = coder.code_document(tidings.RawDocument("geo-mda", text=AGENCY_REPORT))
    assert again[0].id == d["id"]


def test_surname_keeps_coding_from_apposition(coder):
    text = ("El viceministro de Defensa de Perú, Julio Quispe, visitó Quito el lunes. "
            "Quispe criticó al gobierno ecuatoriano por el cierre de la frontera.")
    events = tidings.code_text(text, lang="es", published="2024-03-14")
    acc = [e for e in events if e.event_type == "ACCUSE"][0]
    assert (acc.actors[0].country, acc.actors[0].sector, acc.actors[0].name) == ("PER", "GOV", "Julio Quispe")
    assert (acc.recipients[0].country, acc.recipients[0].sector) == ("ECU", "GOV")


# B24: a negated trigger gives no asserted event; --modality all keeps it, marked
@pytest.mark.parametrize("text,lang", [
    ("Las tropas colombianas no atacaron el campamento de los rebeldes.", "es"),
    ("Colombian troops did not attack the rebel camp.", "en"),
])
def test_negated_attack_is_not_asserted(text, lang):
    assert [e for e in tidings.code_text(text, lang=lang) if e.event_type == "ASSAULT"] == []
    kept = tidings.code_text(text, lang=lang, modalities=["asserted", "negated"])
    assault = [e for e in kept if e.event_type == "ASSAULT"]
    assert len(assault) == 1 and assault[0].modality == "negated"
    assert assault[0].actors[0].country == "COL"


# B22: announced acts are AGREE, not CONSULT
@pytest.mark.parametrize("text,lang", [
    ("Japan would keep talking to China about the dispute, a spokesman added.", "en"),
    ("El gobierno japonés se reunirá con China la próxima semana.", "es"),
])
def test_future_meeting_is_agree(text, lang):
    events = tidings.code_text(text, lang=lang, published="2024-03-14")
    types = [e.event_type for e in events]
    assert "CONSULT" not in types
    agree = [e for e in events if e.event_type == "AGREE"][0]
    assert {a.country for a in agree.actors + agree.recipients} == {"JPN", "CHN"}


# B15: coordinated actors are a list, never fused or dropped
@pytest.mark.parametrize("text,lang", [
    ("Francia y Alemania condenaron el bombardeo de Jersón.", "es"),
    ("France and Germany condemned the shelling of Kherson.", "en"),
])
def test_compound_actors_are_a_list(text, lang):
    acc = [e for e in tidings.code_text(text, lang=lang) if e.event_type == "ACCUSE"][0]
    assert [a.country for a in acc.actors] == ["FRA", "DEU"]
    assert all(len(a.code) <= 6 for a in acc.actors)


# B16: a former office holder is ELI, not GOV
@pytest.mark.parametrize("text,lang", [
    ("El expresidente Fernández acusó al gobierno de Javier Milei de desmantelar la salud pública.", "es"),
    ("Former president Fernandez accused the government of Javier Milei of dismantling public health.", "en"),
])
def test_former_president_is_elite(text, lang):
    acc = [e for e in tidings.code_text(text, lang=lang, published="2024-06-10") if e.event_type == "ACCUSE"][0]
    assert acc.actors[0].sector == "ELI"
    assert (acc.recipients[0].country, acc.recipients[0].sector) == ("ARG", "GOV")


# B21: an attack alleged in an accusation is claimed, with the accused as its actor
@pytest.mark.parametrize("text,lang", [
    ("Ucrania acusó a Rusia de bombardear barrios civiles de Járkov.", "es"),
    ("Ukraine accused Russia of shelling civilian districts of Kharkiv.", "en"),
])
def test_accusation_is_accuse_and_alleged_attack_is_claimed(text, lang):
    events = tidings.code_text(text, lang=lang, modalities=["asserted", "claimed"])
    acc = [e for e in events if e.event_type == "ACCUSE"][0]
    assert (acc.actors[0].country, acc.recipients[0].country) == ("UKR", "RUS")
    assert acc.modality == "asserted"
    alleged = [e for e in events if e.event_type == "ASSAULT"]
    assert all(e.modality == "claimed" and e.actors and e.actors[0].country == "RUS" for e in alleged)


def test_one_event_per_real_event_in_an_article():
    # two arrests on different days in different cities stay two events
    text = ("Police arrested ten students in Dhaka on Monday. "
            "Police arrested two journalists in Istanbul on Friday.")
    coerce = [e for e in tidings.code_text(text, lang="en", published="2024-03-14") if e.event_type == "COERCE"]
    assert [(e.actors[0].country, e.date, e.location.name) for e in coerce] == [
        ("BGD", "2024-03-11", "Dhaka"), ("TUR", "2024-03-08", "Istanbul")]
    # one arrest told twice is one event, kept at its first mention
    text = ("Turkish police detained twelve Kurdish journalists in Ankara on Tuesday. "
            "The journalists were detained by police during a raid, their lawyers said.")
    coerce = [e for e in tidings.code_text(text, lang="en", published="2024-03-14") if e.event_type == "COERCE"]
    assert len(coerce) == 1 and coerce[0].sentence_index == 0 and coerce[0].date == "2024-03-12"


def test_place_from_the_sentence_else_inferred():
    ev = tidings.code_text("Bolivian police detained three opposition leaders in La Paz yesterday.",
                           lang="en", published="2024-03-14")[0]
    assert (ev.location.name, ev.location.country, ev.location.precision, ev.location.geonameid) == (
        "La Paz", "BOL", "city", 3911925)
    ev = tidings.code_text("Peru expelled the Mexican ambassador on Tuesday.", lang="en", published="2024-03-14")[0]
    assert (ev.location.country, ev.location.precision, ev.location.text) == ("PER", "country", "")


def test_both_sides_are_the_articles_two_states():
    text = ("Los cancilleres de Chile y Bolivia se reunieron el lunes en Santiago. "
            "Ambas delegaciones acordaron crear una comisión sobre el agua.")
    agree = [e for e in tidings.code_text(text, lang="es", published="2024-03-14") if e.event_type == "AGREE"][0]
    assert {(a.country, a.sector) for a in agree.actors} == {("CHL", "GOV"), ("BOL", "GOV")}


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le ministre péruvien de la Défense, Julio Quispe, a visité Quito lundi. Quispe a critiqué le gouvernement équatorien."),
    ("pt", "O ministro da Defesa do Peru, Julio Quispe, visitou Quito na segunda-feira. Quispe criticou o governo equatoriano."),
    ("it", "Il ministro della Difesa del Perù, Julio Quispe, ha visitato Quito lunedì. Quispe ha criticato il governo ecuadoriano."),
])
def test_given_name_that_is_a_month_is_a_name(lang, text):
    # "Julio" is July in these languages; written capitalized before a surname it is a given name
    acc = [e for e in tidings.code_text(text, lang=lang, published="2024-03-14") if e.event_type == "ACCUSE"][0]
    assert (acc.actors[0].country, acc.actors[0].name) == ("PER", "Julio Quispe")
    assert acc.recipients[0].code == "ECUGOV"


def test_capitalized_month_before_a_year_is_no_name():
    events = tidings.code_text("Julio de 2023 fue un mes difícil. El gobierno de Perú acusó a Ecuador.",
                               lang="es", published="2024-03-14")
    assert [(e.event_type, e.actors[0].code, e.actors[0].name) for e in events] == [("ACCUSE", "PERGOV", None)]
