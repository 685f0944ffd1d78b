"""Country names CLDR lacks but the actor packs know ("Palestina", "Birmanie", "Elfenbeinküste") are
places of that country, not the GeoNames towns that once bore the name (Palestina was a Brazilian
town's name); a real city of the name stays the city (Gaza).  Sentences written for these tests."""
import pytest

from tidings.where import find_places


def places(text, lang):
    return [(m.place.country, m.place.precision) for m in find_places(text, lang) if m.place]


@pytest.mark.parametrize("text,lang", [
    ("Aid convoys arrived in Palestine on Monday.", "en"),
    ("Los convoyes llegaron a Palestina el lunes.", "es"),
    ("Os comboios chegaram à Palestina na segunda-feira.", "pt"),
    ("I convogli sono arrivati in Palestina lunedì.", "it"),
    ("Les convois sont arrivés en Palestine lundi.", "fr"),
    ("Die Konvois kamen am Montag in Palästina an.", "de"),
    ("وصلت القوافل إلى فلسطين يوم الاثنين", "ar"),
])
def test_palestine_is_the_country(text, lang):
    assert places(text, lang) == [("PSE", "country")]


@pytest.mark.parametrize("text,lang,country", [
    ("Elections were held in Burma on Sunday.", "en", "MMR"),
    ("Des élections ont eu lieu en Birmanie dimanche.", "fr", "MMR"),
    ("Die Wahl fand am Sonntag in der Elfenbeinküste statt.", "de", "CIV"),
])
def test_other_short_country_names(text, lang, country):
    assert places(text, lang) == [(country, "country")]


@pytest.mark.parametrize("text,lang", [
    ("Shelling was reported in Gaza overnight.", "en"),
    ("Se registraron bombardeos en Gaza durante la noche.", "es"),
    ("Des bombardements ont été signalés à Gaza dans la nuit.", "fr"),
])
def test_a_real_city_of_the_name_stays_the_city(text, lang):
    assert places(text, lang) == [("PSE", "city")]
