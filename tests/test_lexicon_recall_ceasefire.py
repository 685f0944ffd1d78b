"""Trigger recall, family "ceasefire agreed or announced" (issue 13 items 3 and 7): the agreement or
announcement verb with the ceasefire noun is CONCEDE 0871 in every pack (an announced ceasefire is a
verbal concession in PLOVER), and wins over the bare agree trigger (AGREE 030).  Violating or rejecting
a ceasefire stays ASSAULT 196 / REJECT."""
import pytest

from recall_support import coded as _coded
from recall_support import coder  # noqa: F401  (the module's fixture)


AGREED = [
    ("en", "Israel and Hamas agreed to a ceasefire in Gaza.", ["ISR", "PSEREB"]),
    ("en", "Russia and Ukraine agreed on a temporary truce.", ["RUS", "UKR"]),
    ("en", "The Colombian government and the ELN announced a bilateral ceasefire.", ["COLGOV", "COLREB"]),
    ("es", "Israel y Hamás acordaron un alto el fuego en Gaza.", ["ISR", "PSEREB"]),
    ("es", "Rusia y Ucrania pactaron una tregua temporal.", ["RUS", "UKR"]),
    ("es", "El Gobierno colombiano y el ELN anunciaron un cese al fuego bilateral.", ["COLGOV", "COLREB"]),
    ("fr", "Israël et le Hamas ont conclu un cessez-le-feu à Gaza.", ["ISR", "PSEREB"]),
    ("fr", "La Russie et l'Ukraine se sont mises d'accord sur une trêve temporaire.", ["RUS", "UKR"]),
    ("pt", "Israel e o Hamas acordaram um cessar-fogo em Gaza.", ["ISR", "PSEREB"]),
    ("pt", "A Rússia e a Ucrânia concordaram com uma trégua temporária.", ["RUS", "UKR"]),
    ("pt", "O governo colombiano e o ELN anunciaram um cessar-fogo bilateral.", ["COLGOV", "COLREB"]),
    ("de", "Israel und die Hamas einigten sich auf eine Waffenruhe in Gaza.", ["ISR", "PSEREB"]),
    ("de", "Russland und die Ukraine vereinbarten eine vorübergehende Waffenruhe.", ["RUS", "UKR"]),
    ("it", "Israele e Hamas hanno concordato un cessate il fuoco a Gaza.", ["ISR", "PSEREB"]),
    ("it", "Russia e Ucraina hanno raggiunto una tregua temporanea.", ["RUS", "UKR"]),
    ("ru", "Израиль и ХАМАС договорились о прекращении огня в Газе.", ["ISR", "PSEREB"]),
    ("ru", "Россия и Украина согласовали временное перемирие.", ["RUS", "UKR"]),
    ("ar", "اتفقت إسرائيل وحماس على وقف إطلاق النار في غزة.", ["ISR"]),
    ("ar", "توصلت روسيا وأوكرانيا إلى هدنة مؤقتة.", ["RUS"]),
]


@pytest.mark.parametrize("lang,text,actors", AGREED)
def test_agreed_ceasefire_is_concede_0871(coder, lang, text, actors):
    got = _coded(coder, lang, text)
    assert [(t, c) for t, c, _, _ in got] == [("CONCEDE", "0871")]
    assert got[0][2] == actors


@pytest.mark.parametrize("lang,text,kind", [
    ("en", "Russian troops violated the ceasefire in eastern Ukraine.", ("ASSAULT", "196")),
    ("es", "Las tropas rusas violaron el alto el fuego en Ucrania.", ("ASSAULT", "196")),
    ("fr", "Les troupes russes ont violé le cessez-le-feu en Ukraine.", ("ASSAULT", "196")),
    ("de", "Russische Truppen verletzten die Waffenruhe in der Ukraine.", ("ASSAULT", "196")),
    ("en", "Egypt called for a ceasefire between Israel and Hamas.", ("REQUEST", "1056")),
    ("es", "Egipto pidió un alto el fuego entre Israel y Hamás.", ("REQUEST", "1056")),
])
def test_other_acts_on_a_ceasefire_keep_their_type(coder, lang, text, kind):
    got = _coded(coder, lang, text)
    assert kind in [(t, c) for t, c, _, _ in got]
    assert ("CONCEDE", "0871") not in [(t, c) for t, c, _, _ in got]
