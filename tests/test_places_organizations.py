"""An organization without a country (the UN, an NGO) that agrees with, helps or asks one state is
placed in that state when its sentence names no place; its condemnations stay unplaced (issue 13
item 7).  Sentences written for these tests."""
import pytest

import tidings


def coded(text, lang):
    return [(e.event_type, [a.country for a in e.actors], [a.country for a in e.recipients],
             e.location.country if e.location else None)
            for e in tidings.code_text(text, lang=lang, published="2024-03-14")]


@pytest.mark.parametrize("text,lang,etype", [
    ("The United Nations agreed to help the Sudanese government.", "en", "AGREE"),
    ("The United Nations asked the Sudanese government for access.", "en", "REQUEST"),
    ("La ONU acordó ayudar al gobierno sudanés.", "es", "AGREE"),
    ("Las Naciones Unidas expresaron su apoyo al gobierno sudanés.", "es", "SUPPORT"),
    ("L'ONU a demandé au gouvernement soudanais un accès humanitaire.", "fr", "REQUEST"),
    ("L'ONU a exprimé son soutien au gouvernement soudanais.", "fr", "SUPPORT"),
])
def test_organization_engages_in_its_counterpart_state(text, lang, etype):
    assert (etype, ["UNO"], ["SDN"], "SDN") in coded(text, lang)


@pytest.mark.parametrize("text,lang", [
    ("The United Nations condemned the Sudanese government.", "en"),
    ("La ONU condenó al gobierno sudanés.", "es"),
    ("L'ONU a condamné le gouvernement soudanais.", "fr"),
])
def test_organization_statement_stays_unplaced(text, lang):
    assert ("ACCUSE", ["UNO"], ["SDN"], None) in coded(text, lang)
