"""Portuguese language pack (tidings/lang/pt): one hand-written sentence per PLOVER type, plus the
morphology and field-failure kinds (B15, B16, B19, B21, B22, B24, B29) in Portuguese.

Expected values are worked out by hand: PLOVER type (PLOVER manual), actor and recipient as
(ISO 3166-1 alpha-3 country, PLOVER sector).
"""
import pytest

import tidings

PUB = "2024-03-14"
ALL = ["asserted", "claimed", "negated", "future", "hypothetical"]


def code(text, modalities=None):
    return tidings.code_text(text, lang="pt", published=PUB, modalities=modalities)


def pairs(parties):
    return [(a.country, a.sector) for a in parties]


# (sentence, PLOVER type, first actor, first recipient or None when the type has none)
CASES = [
    ("O governo angolano prometeu ajuda ao governo moçambicano.", "AGREE", ("AGO", "GOV"), ("MOZ", "GOV")),
    ("O presidente brasileiro reuniu-se com o primeiro-ministro português em Lisboa.", "CONSULT", ("BRA", "GOV"), None),
    ("O chanceler brasileiro elogiou o governo chileno pela organização da cimeira.", "SUPPORT", ("BRA", "GOV"), ("CHL", "GOV")),
    ("O governo colombiano concedeu indulto a guerrilheiros das FARC.", "CONCEDE", ("COL", "GOV"), ("COL", "REB")),
    ("As forças armadas brasileiras e o exército paraguaio realizaram exercícios conjuntos.", "COOPERATE", ("BRA", "MIL"), None),
    ("O governo japonês enviou ajuda humanitária ao governo turco.", "AID", ("JPN", "GOV"), ("TUR", "GOV")),
    ("O exército russo retirou-se da fronteira com a Ucrânia.", "RETREAT", ("RUS", "MIL"), None),
    ("O ministro português exortou o governo venezuelano a negociar.", "REQUEST", ("PRT", "GOV"), ("VEN", "GOV")),
    ("O governo brasileiro acusou o governo venezuelano de violar o acordo.", "ACCUSE", ("BRA", "GOV"), ("VEN", "GOV")),
    ("A Venezuela rejeitou a proposta do governo guianense.", "REJECT", ("VEN", None), ("GUY", "GOV")),
    ("A Coreia do Norte ameaçou o Japão com novos testes de mísseis.", "THREATEN", ("PRK", None), ("JPN", None)),
    ("Manifestantes argentinos protestaram contra o governo em Buenos Aires.", "PROTEST", ("ARG", "CVL"), ("ARG", "GOV")),
    ("A União Europeia impôs sanções ao governo iraniano.", "SANCTION", ("EUR", "IGO"), ("IRN", "GOV")),
    ("O exército venezuelano mobilizou tropas perto da fronteira com a Guiana.", "MOBILIZE", ("VEN", "MIL"), None),
    ("A polícia moçambicana prendeu dezenas de manifestantes em Maputo.", "COERCE", ("MOZ", "COP"), ("MOZ", "CVL")),
    ("A aviação israelense bombardeou posições do Hezbollah no sul do Líbano.", "ASSAULT", ("ISR", "MIL"), ("LBN", "REB")),
]


@pytest.mark.parametrize("text,etype,actor,recip", CASES)
def test_type(text, etype, actor, recip):
    evs = code(text)
    ev = next(e for e in evs if e.event_type == etype)
    assert (ev.actors[0].country, ev.actors[0].sector) == actor
    if recip is None:
        assert not ev.recipients or etype in {"CONSULT", "COOPERATE", "RETREAT", "MOBILIZE"}
    else:
        assert (ev.recipients[0].country, ev.recipients[0].sector) == recip


def test_every_plover_type_is_covered():
    assert {c[1] for c in CASES} == {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
        "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_symmetric_meeting_lists_both_parties_as_actors():
    ev = next(e for e in code("O presidente brasileiro reuniu-se com o primeiro-ministro português em Lisboa.")
              if e.event_type == "CONSULT")
    assert pairs(ev.actors) == [("BRA", "GOV"), ("PRT", "GOV")]
    assert ev.recipients == []


# -- morphology: demonym inflection, contractions, hyphenated forms --------------------------------
@pytest.mark.parametrize("text,country", [
    ("As tropas ucranianas atacaram a cidade.", "UKR"),          # feminine plural of ucraniano
    ("Os soldados norte-americanos atacaram a base.", "USA"),    # hyphenated compound, listed by form
    ("As autoridades afegãs atacaram a aldeia.", "AFG"),         # afegã(s): not reduced by simplemma
    ("Os militares sul-coreanos atacaram o barco.", "KOR"),
    ("A marinha chinesa atacou um navio.", "CHN"),               # chinesa -> chinês
])
def test_demonym_forms(text, country):
    ev = next(e for e in code(text) if e.event_type == "ASSAULT")
    assert ev.actors[0].country == country


def test_contractions_of_and_by():
    # "do Hamas" (de + o) names the attacker of a noun trigger, "contra Israel" its target; the attack
    # condemned is the condemnation's content (no event of its own, tests/test_nested_events.py) and
    # its attacker the condemnation's recipient
    ev = next(e for e in code("O ataque do Hamas contra Israel deixou 40 mortos.") if e.event_type == "ASSAULT")
    assert pairs(ev.actors) == [("PSE", "REB")]
    assert pairs(ev.recipients) == [("ISR", None)]
    assert "ASSAULT" not in {e.event_type for e in code("O Itamaraty condenou o ataque do Hamas contra Israel.")}
    acc = next(e for e in code("O Itamaraty condenou o ataque do Hamas contra Israel.") if e.event_type == "ACCUSE")
    assert pairs(acc.actors) == [("BRA", "GOV")]
    assert pairs(acc.recipients) == [("PSE", "REB")]


def test_passive_with_pela_agent():
    ev = next(e for e in code("O jornalista angolano foi detido pela polícia em Luanda.") if e.event_type == "COERCE")
    assert pairs(ev.actors) == [("AGO", "COP")]
    assert pairs(ev.recipients) == [("AGO", "JRN")]


def test_igo_acronym_and_capital_metonym():
    ev = next(e for e in code("Pequim criticou a OTAN pelas manobras no Pacífico.") if e.event_type == "ACCUSE")
    assert pairs(ev.actors) == [("CHN", "GOV")]
    assert pairs(ev.recipients) == [("IGO", "IGO")]


# -- field-failure kinds -----------------------------------------------------------------------------
def test_b15_coordinated_recipients_keep_their_own_sectors():
    ev = next(e for e in code("O governo brasileiro criticou o cardeal Paulo Arns e o líder sindical João Silva.")
              if e.event_type == "ACCUSE")
    assert pairs(ev.actors) == [("BRA", "GOV")]
    assert [r.sector for r in ev.recipients] == ["REL", "LAB"]


def test_b16_former_president_is_elite_not_government():
    ev = next(e for e in code("O ex-presidente Fernández acusou o governo argentino de corrupção.")
              if e.event_type == "ACCUSE")
    assert (ev.actors[0].country, ev.actors[0].sector) == ("ARG", "ELI")
    assert pairs(ev.recipients) == [("ARG", "GOV")]


def test_b19_recipient_is_the_a_phrase_not_the_object():
    ev = next(e for e in code("O embaixador japonês apresentou as suas credenciais ao presidente senegalês.")
              if e.event_type == "SUPPORT")
    assert pairs(ev.actors) == [("JPN", "GOV")]
    assert pairs(ev.recipients) == [("SEN", "GOV")]


def test_b21_accusation_is_coded_and_the_alleged_attack_is_claimed():
    evs = code("O governo ucraniano acusou a Rússia de bombardear bairros civis.", modalities=ALL)
    acc = next(e for e in evs if e.event_type == "ACCUSE")
    assert (acc.actors[0].country, acc.recipients[0].country) == ("UKR", "RUS")
    alleged = [e for e in evs if e.event_type == "ASSAULT"]
    assert all(e.modality == "claimed" for e in alleged)


def test_b22_future_meeting_is_agree():
    evs = code("O presidente brasileiro vai visitar o governo chinês no próximo mês.", modalities=ALL)
    assert "CONSULT" not in {e.event_type for e in evs}
    ev = next(e for e in evs if e.event_type == "AGREE")
    assert (ev.actors[0].country, ev.actors[0].sector) == ("BRA", "GOV")


def test_b24_negated_attack_is_not_asserted():
    text = "O exército russo não atacou a cidade ucraniana."
    assert not [e for e in code(text) if e.event_type == "ASSAULT"]
    neg = [e for e in code(text, modalities=ALL) if e.event_type == "ASSAULT"]
    assert neg and neg[0].modality == "negated"


def test_b24_denial_verb_negates_the_embedded_attack():
    evs = code("O Ministério da Defesa russo negou ter atacado bairros residenciais ucranianos.")
    assert not [e for e in evs if e.event_type == "ASSAULT"]


def test_b29_euphemism_neutralizar_is_an_assault():
    ev = next(e for e in code("O exército burquinense neutralizou trinta terroristas no norte do país.")
              if e.event_type == "ASSAULT")
    assert (ev.actors[0].country, ev.actors[0].sector) == ("BFA", "MIL")
    assert ev.recipients and ev.recipients[0].sector == "REB"


def test_segundo_marks_a_claim():
    ev = next(e for e in code("Segundo o Kremlin, as forças russas atacaram posições ucranianas.")
              if e.event_type == "ASSAULT")
    assert ev.modality == "claimed"
    assert ("RUS", "MIL") in pairs(ev.actors)
