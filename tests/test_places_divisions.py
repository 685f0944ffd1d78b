"""Ambiguous toponyms resolved by the places around them (issue 13 item 7): a division that contains
another place the text names beats a namesake country ("Georgia" beside Atlanta is the US state; beside
Tbilisi the country), and a city goes to the country of its neighbours ("Córdoba" beside Seville or
Rosario).  Languages that name the US state apart from the country ("Джорджия") or like it
("Géorgie", "جورجيا") have ``alias`` rows.  Sentences written for these tests."""
import pytest

import tidings
from tidings.where import find_places


def resolved(text, lang):
    return [(m.place.country, m.place.precision) for m in find_places(text, lang) if m.place][0]


@pytest.mark.parametrize("text,lang", [
    ("Police in Georgia arrested ten protesters after the rally in Atlanta.", "en"),
    ("La policía detuvo a diez manifestantes en Georgia, tras una marcha en Atlanta.", "es"),
    ("Die Polizei nahm in Georgia zehn Demonstranten fest, nach einer Kundgebung in Atlanta.", "de"),
    ("La police a arrêté dix manifestants en Géorgie, après une marche à Atlanta.", "fr"),
    ("Полиция задержала десять человек в Джорджии после митинга в Атланте.", "ru"),
    ("اعتقلت الشرطة عشرة متظاهرين في جورجيا بعد مسيرة في أتلانتا", "ar"),
])
def test_georgia_beside_atlanta_is_the_us_state(text, lang):
    assert resolved(text, lang) == ("USA", "admin1")


@pytest.mark.parametrize("text,lang", [
    ("Russian troops remain in Georgia, near Tbilisi.", "en"),
    ("Las tropas rusas siguen en Georgia, cerca de Tiflis.", "es"),
    ("Les troupes russes restent en Géorgie, près de Tbilissi.", "fr"),
    ("Российские войска остаются в Грузии, под Тбилиси.", "ru"),
    ("انسحبت القوات الروسية من جورجيا قرب تبليسي", "ar"),
    ("Les troupes russes restent en Géorgie.", "fr"),  # alone, the country's larger prior decides
])
def test_georgia_beside_tbilisi_is_the_country(text, lang):
    assert resolved(text, lang) == ("GEO", "country")


@pytest.mark.parametrize("text,lang,country", [
    ("Police in Córdoba arrested ten after a march in Seville.", "en", "ESP"),
    ("La policía de Córdoba detuvo a diez tras una marcha en Rosario.", "es", "ARG"),
    ("La polizia ha arrestato dieci persone a Córdoba dopo un corteo a Siviglia.", "it", "ESP"),
    ("La police a arrêté dix personnes à Córdoba après une marche à Rosario.", "fr", "ARG"),
])
def test_cordoba_goes_with_its_neighbours(text, lang, country):
    assert resolved(text, lang)[0] == country


@pytest.mark.parametrize("text,lang,country", [
    ("Police in Georgia arrested ten protesters after the rally in Atlanta.", "en", "USA"),
    ("La policía detuvo a diez manifestantes en Georgia, tras una marcha en Atlanta.", "es", "USA"),
    ("La police a arrêté dix manifestants en Géorgie, après une marche à Atlanta.", "fr", "USA"),
    ("La policía rusa detuvo a diez manifestantes en Georgia, cerca de Tiflis.", "es", "GEO"),
])
def test_coded_arrest_is_placed_in_the_right_georgia(text, lang, country):
    events = [e for e in tidings.code_text(text, lang=lang, published="2024-03-14") if e.event_type == "COERCE"]
    assert events and events[0].location.country == country
