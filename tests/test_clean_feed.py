"""Feed and CMS trailers ("The post X appeared first on Y"), "read more" lines without a colon and
newsletter calls are page chrome in every language (chrome.tsv kinds ``feed`` and ``prefix``).
Sentences written for these tests."""
import pytest

from tidings.clean import clean
from tidings.records import RawDocument


def _text(body: str, lang: str) -> str:
    return clean(RawDocument(doc_id="t", text=body, lang=lang, published="2024-03-14")).text


FEEDS = [
    ("en", "Ministers met in Rome on Monday.", "The post Ministers meet in Rome appeared first on Daily Planet."),
    ("es", "Los ministros se reunieron en Quito el lunes.", "La entrada Reunión en Quito se publicó primero en Diario Uno."),
    ("fr", "Les ministres se sont réunis à Dakar lundi.", "L’article Réunion à Dakar est apparu en premier sur Le Journal."),
    ("pt", "Os ministros reuniram-se em Lisboa na segunda-feira.", "O post Ministros em Lisboa apareceu primeiro em Jornal Sete."),
    ("it", "I ministri si sono incontrati a Roma lunedì.", "L'articolo Ministri a Roma proviene da Il Quotidiano."),
    ("de", "Die Minister trafen sich am Montag in Wien.", "Der Beitrag Treffen in Wien erschien zuerst auf Tagesblatt."),
    ("ru", "Министры встретились в Минске в понедельник.", "Запись Встреча в Минске впервые появилась Новости Дня."),
    ("ar", "اجتمع الوزراء في عمان يوم الاثنين.", "ظهرت المقالة اجتماع في عمان أولاً على صحيفة اليوم."),
]
TAIL = {"en": "The talks will resume next month.", "es": "Las conversaciones seguirán el próximo mes.",
        "fr": "Les discussions reprendront le mois prochain.", "pt": "As conversações continuam no próximo mês.",
        "it": "I colloqui riprenderanno il mese prossimo.", "de": "Die Gespräche gehen nächsten Monat weiter.",
        "ru": "Переговоры продолжатся в следующем месяце.", "ar": "وستستأنف المحادثات الشهر المقبل."}


@pytest.mark.parametrize("lang,body,trailer", FEEDS, ids=[f[0] for f in FEEDS])
def test_a_feed_trailer_line_is_chrome(lang, body, trailer):
    text = _text(f"{body}\n\n{trailer}\n\n{TAIL[lang]}", lang)
    assert text == f"{body}\n\n{TAIL[lang]}"


@pytest.mark.parametrize("lang,body,trailer", FEEDS, ids=[f[0] for f in FEEDS])
def test_a_feed_trailer_glued_to_a_sentence_is_cut(lang, body, trailer):
    text = _text(f"{body} {trailer}\n\n{TAIL[lang]}", lang)
    assert text == f"{body}\n\n{TAIL[lang]}"


@pytest.mark.parametrize("lang,line", [
    ("en", "Read more Ministers clash over the budget in Rome"),
    ("es", "Entérate al instante de las noticias más importantes en nuestro canal"),
    ("es", "Lee más Ministros discuten el presupuesto"),
    ("pt", "Leia mais Governo aprova a lei do orçamento"),
    ("fr", "Lire aussi Les ministres divisés sur le budget"),
    ("it", "Leggi di più sui ministri e il bilancio"),
    ("de", "Weiterlesen Minister streiten über den Haushalt"),
    ("ru", "Читать также Министры спорят о бюджете"),
])
def test_read_more_and_newsletter_lines_are_chrome(lang, line):
    first = FEEDS[[f[0] for f in FEEDS].index(lang)][1]
    assert _text(f"{first}\n\n{line}\n\n{TAIL[lang]}", lang) == f"{first}\n\n{TAIL[lang]}"


def test_an_ordinary_sentence_about_a_post_stays():
    body = "The post of foreign minister went first to a diplomat, and the vote appeared close."
    assert _text(f"{body}\n\n{TAIL['en']}", "en") == f"{body}\n\n{TAIL['en']}"
