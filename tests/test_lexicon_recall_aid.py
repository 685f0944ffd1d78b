"""Trigger recall, family "aid" (issue 13 items 3 and 7): every pack has the common verbs of giving,
sending and delivering crossed with the common nouns of weapons (AID 072, military aid), of relief
(AID 073, humanitarian aid) and of money (AID 071), as lemma gap patterns, so "delivered tanks",
"a livré des chars", "поставила танки" and "سلمت ... دبابات" all code; the same verbs with other objects
(a speech, an analysis, a question) code nothing."""
import pytest

from recall_support import coded as _coded
from recall_support import coder  # noqa: F401  (the module's fixture)


AID = [
    ("en", "Germany delivered tanks to Ukraine.", "072", "DEU", "UKR"),
    ("en", "Britain has supplied more ammunition to Ukraine.", "072", "GBR", "UKR"),
    ("en", "Saudi Arabia donated ten million dollars to Sudan.", "071", "SAU", "SDN"),
    ("en", "Japan flew relief supplies to Syria after the earthquake.", "073", "JPN", "SYR"),
    ("es", "Alemania entregó tanques a Ucrania.", "072", "DEU", "UKR"),
    ("es", "Japón envió ayuda humanitaria a Turquía tras el terremoto.", "073", "JPN", "TUR"),
    ("es", "Arabia Saudita donó diez millones de dólares a Sudán.", "071", "SAU", "SDN"),
    ("fr", "L'Allemagne a livré des chars à l'Ukraine.", "072", "DEU", "UKR"),
    ("fr", "Le Japon a envoyé de l'aide humanitaire à la Turquie après le séisme.", "073", "JPN", "TUR"),
    ("fr", "L'Arabie saoudite a fait don de dix millions de dollars au Soudan.", "071", "SAU", "SDN"),
    ("pt", "A Alemanha entregou tanques à Ucrânia.", "072", "DEU", "UKR"),
    ("pt", "O Japão enviou ajuda humanitária à Turquia após o terremoto.", "073", "JPN", "TUR"),
    ("pt", "A Arábia Saudita doou dez milhões de dólares ao Sudão.", "071", "SAU", "SDN"),
    ("de", "Deutschland lieferte Panzer an die Ukraine.", "072", "DEU", "UKR"),
    ("de", "Frankreich hat Luftabwehrsysteme an die Ukraine geliefert.", "072", "FRA", "UKR"),
    ("de", "Japan schickte nach dem Erdbeben humanitäre Hilfe in die Türkei.", "073", "JPN", "TUR"),
    ("it", "La Germania ha consegnato carri armati all'Ucraina.", "072", "DEU", "UKR"),
    ("it", "Il Giappone ha inviato aiuti umanitari alla Turchia dopo il terremoto.", "073", "JPN", "TUR"),
    ("it", "L'Arabia Saudita ha donato dieci milioni di dollari al Sudan.", "071", "SAU", "SDN"),
    ("ru", "Германия поставила танки Украине.", "072", "DEU", "UKR"),
    ("ru", "Япония направила гуманитарную помощь Турции после землетрясения.", "073", "JPN", "TUR"),
    ("ru", "Франция передала Украине гаубицы и боеприпасы.", "072", "FRA", "UKR"),
    ("ar", "سلمت ألمانيا دبابات إلى أوكرانيا.", "072", "DEU", "UKR"),
    ("ar", "أرسلت اليابان مساعدات إنسانية إلى تركيا بعد الزلزال.", "073", "JPN", "TUR"),
    ("ar", "زودت فرنسا أوكرانيا بصواريخ.", "072", "FRA", "UKR"),
]


@pytest.mark.parametrize("lang,text,cameo,actor,recipient", AID)
def test_giving_verb_with_aid_object_is_aid(coder, lang, text, cameo, actor, recipient):
    assert _coded(coder, lang, text) == [("AID", cameo, [actor], [recipient])]


@pytest.mark.parametrize("lang,text", [
    ("en", "The minister delivered a speech on the economy in London."),
    ("fr", "Le ministre a livré son analyse de la situation à Paris."),
    ("es", "El ministro entregó un informe al Parlamento en Madrid."),
    ("ru", "Министр поставил вопрос о реформе в Москве."),
    ("it", "Il ministro ha fornito dettagli sulla riforma a Roma."),
    ("pt", "O ministro levou a família ao Rio de Janeiro."),
])
def test_giving_verb_with_other_object_is_no_aid(coder, lang, text):
    assert "AID" not in [t for t, _, _, _ in _coded(coder, lang, text)]
