"""English pack: one sentence per PLOVER type (written for these tests), each checked for the type and the
actor's and recipient's country and sector (PLOVER manual, Draft 0.8)."""
import pytest

from plover_cases import check_case


CASES = [
    ("AGREE", "The Indian government pledged to cooperate with Nepal on flood control.", ("IND", "GOV"), ("NPL", None)),
    ("CONSULT", "The Chilean foreign minister met his Peruvian counterpart in Lima on Monday.", ("CHL", "GOV"), ("PER", "GOV")),
    ("SUPPORT", "The Kenyan president praised the Ethiopian government for its mediation efforts.", ("KEN", "GOV"), ("ETH", "GOV")),
    ("CONCEDE", "The Colombian government pardoned forty imprisoned FARC fighters on Tuesday.", ("COL", "GOV"), ("COL", "REB")),
    ("COOPERATE", "Japan extradited a fugitive banker to South Korea on Tuesday.", ("JPN", None), ("KOR", None)),
    ("AID", "Norway donated ten million dollars to Sudanese refugees in Chad.", ("NOR", None), ("SDN", "REF")),
    ("RETREAT", "Ethiopian troops withdrew from the Somali town of Baidoa on Sunday.", ("ETH", "MIL"), None),
    ("REQUEST", "The French government urged Iran to release two detained aid workers.", ("FRA", "GOV"), ("IRN", None)),
    ("ACCUSE", "The Polish prime minister accused Belarus of pushing migrants across the border.", ("POL", "GOV"), ("BLR", None)),
    ("REJECT", "The Venezuelan opposition rejected the government's offer of new talks.", ("VEN", "OPP"), ("VEN", "GOV")),
    ("THREATEN", "North Korea threatened South Korea with unspecified retaliation on Wednesday.", ("PRK", None), ("KOR", None)),
    ("PROTEST", "Thousands of Serbian students protested against the government in Belgrade on Saturday.", ("SRB", "EDU"), ("SRB", "GOV")),
    ("SANCTION", "Canada imposed sanctions on six Nicaraguan officials on Monday.", ("CAN", None), ("NIC", "GOV")),
    ("MOBILIZE", "Armenia deployed troops along its border with Azerbaijan on Tuesday.", ("ARM", None), None),
    ("COERCE", "Turkish police detained twelve Kurdish journalists in Ankara on Tuesday.", ("TUR", "COP"), (None, "JRN")),
    ("ASSAULT", "Sudanese rebels attacked an army base near El Fasher on Monday.", ("SDN", "REB"), None),
]


@pytest.mark.parametrize("etype,text,actor,recipient", CASES, ids=[c[0] for c in CASES])
def test_each_plover_type(etype, text, actor, recipient):
    check_case("en", etype, text, actor, recipient)


def test_dates_follow_the_sentence():
    # Monday before Thursday 2024-03-14 is 2024-03-11
    ev = check_case("en", "CONSULT", CASES[1][1], CASES[1][2], CASES[1][3])
    assert (ev.date, ev.date_source, ev.date_precision) == ("2024-03-11", "relative", "day")
