"""An actor the pack writes as an acronym ("WHO", "US", "ВОЗ") is no actor when the text has the
common word in lower case ("who", "us", "воз"); written as a name ("WHO", "Nato", "ВОЗ") it still is."""
import pytest

import tidings


def _codes(text, lang):
    return [(e.event_type, [a.code for a in e.actors], [r.code for r in e.recipients])
            for e in tidings.code_text(text, lang=lang, published="2024-03-14")]


@pytest.mark.parametrize("lang,text", [
    ("en", "Protesters who gathered in Paris accused the government of France."),
    ("en", "The envoy, who flew in on Monday, condemned Iran."),
    ("en", "Officials who spoke to us said Russia accused Ukraine of shelling."),
    ("ru", "Крестьяне, чей воз застрял у границы, обвинили власти Казахстана."),
])
def test_lower_case_common_word_is_no_acronym_actor(lang, text):
    parties = [c for _, actors, recipients in _codes(text, lang) for c in actors + recipients]
    assert parties and not any(c.startswith(("UNO", "USA")) for c in parties), parties


@pytest.mark.parametrize("lang,text,actor", [
    ("en", "The WHO criticized China over the data.", "UNOIGO"),
    ("en", "The US condemned Iran on Monday.", "USA"),
    ("ru", "ВОЗ раскритиковала Китай.", "UNOIGO"),
    ("fr", "Un porte-parole de l'ONU a condamné la Russie.", "UNOIGO"),
])
def test_acronym_written_as_a_name_is_still_the_actor(lang, text, actor):
    assert [(t, a) for t, a, _ in _codes(text, lang)] == [("ACCUSE", [actor])]
