"""Common words are never places (issue 13 item 5), continued: a gazetteer name that is also a word of
the language is no place when only a genitive or partitive "of"/"from" word stands before it, when its
capital belongs to a longer name (an institution's), when it is written in capitals throughout, or
when it opens a headline item; a Latin-script word in Russian or Arabic text is a foreign name, not a
town.  A locative still makes it a place.  Sentences written for these tests."""
import pytest

from tidings.where import find_places


def names(text, lang):
    return [(m.text, m.place.country if m.place else None) for m in find_places(text, lang)]


# "of"/"from" words (de, da, di, من) are also genitive and partitive markers: they govern no toponym
@pytest.mark.parametrize("text,lang", [
    ("O porta-voz do ministério da Saúde falou ontem.", "pt"),
    ("O vice-presidente da República recebeu os militares.", "pt"),
    ("A reunião do ministério da Saúde terminou tarde.", "pt"),
    ("ونشر الجيش عددا من صور الدمار", "ar"),
    ("واطلعت اللجنة على مجموعة من صور الأقمار الصناعية", "ar"),
    ("La Corte Suprema de Justicia confirmó la condena.", "es"),
])
def test_genitive_word_governs_no_common_word(text, lang):
    assert names(text, lang) == []


# a capital that belongs to an institution's longer name, directly or across "de", "of", "di"
@pytest.mark.parametrize("text,lang", [
    ("La alianza opositora Mesa de Unidad rechazó el diálogo.", "es"),
    ("El Ministerio de Salud informó de tres casos.", "es"),
    ("El jefe del Comando Norte habló ayer.", "es"),
    ("O chefe da Missão de Observação falou ontem.", "pt"),
    ("A Tropa de Choque dispersou os manifestantes.", "pt"),
    ("Os voos partem da Base Aérea do Galeão.", "pt"),
    ("Il ricorso è stato respinto dalla Corte di Cassazione.", "it"),
])
def test_capital_of_a_longer_name_is_no_toponym(text, lang):
    assert names(text, lang) == []


# capitals throughout and headline items: the capital proves nothing
@pytest.mark.parametrize("text,lang", [
    ("LO ULTIMO: el gobierno anuncia nuevas medidas", "es"),
    ("ACORDO DE PAZ ASSINADO EM LUANDA", "pt"),
    ("Nacionales | Este viernes hubo protestas frente al Congreso.", "es"),
    ("Política | Este domingo o governo anunciou cortes.", "pt"),
])
def test_all_capitals_and_headline_items(text, lang):
    assert [n for n in names(text, lang) if n[0].upper() in ("ULTIMO", "PAZ", "ESTE")] == []


@pytest.mark.parametrize("text,lang", [
    ("Выделите текст и нажмите Ctrl + Enter.", "ru"),
    ("Как сообщает Tayga.info, митинг прошёл спокойно.", "ru"),
    ("Подписывайтесь на наш канал в Telegram.", "ru"),
    ("شارك عبر Facebook Post", "ar"),
    ("اضغط Enter للمتابعة", "ar"),
])
def test_latin_word_in_other_script_is_no_town(text, lang):
    assert names(text, lang) == []


# a locative still makes the common word a place; a name that is no common word is unaffected
@pytest.mark.parametrize("text,lang,expected", [
    ("Las tropas llegaron a Mesa el lunes.", "es", [("Mesa", "USA")]),
    ("O avião descolou de Lisboa à noite.", "pt", [("Lisboa", "PRT")]),
    ("Na cidade da Beira falta quase tudo.", "pt", [("Beira", "MOZ")]),
    ("Les critiques de Paris ont irrité Bamako.", "fr", [("Paris", "FRA"), ("Bamako", "MLI")]),
    ("Переговоры прошли в Москве.", "ru", [("Москве", "RUS")]),
    ("Он прилетел из Paris вчера.", "ru", [("Paris", "FRA")]),  # a Latin name after a preposition
])
def test_governed_names_stay(text, lang, expected):
    assert names(text, lang) == expected


# lower-case ordinary words never start a toponym in cased scripts, in any of the languages
@pytest.mark.parametrize("text,lang", [
    ("The tyre burst on the road to the capital.", "en"),
    ("Pusieron una mesa de diálogo y pidieron paz.", "es"),
    ("A saúde pública e a paz social estão em risco.", "pt"),
    ("La police a bouclé la cité et le bar voisin.", "fr"),
    ("Wir essen heute in der halle neben dem hamm.", "de"),
    ("La corte ha chiesto pace e una soluzione.", "it"),
    ("Рядом с домом открыли тир и атар.", "ru"),
])
def test_lowercase_ordinary_words_never_match(text, lang):
    assert names(text, lang) == []
