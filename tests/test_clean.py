"""Cleaning: chrome, title, dateline, trailer, publication date and language, on articles written for
these tests (the seed itself is read from ../shared at test time when present)."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from tidings.clean import CleanError, clean
from tidings import when as W
from tidings.records import RawDocument

ES_SEED_SHAPE = """×
A
A
A
Ajustes

Se reúnen los cancilleres de Uruguay y Paraguay en Montevideo

Montevideo, 14 de marzo, AZERTAC

El 13 de marzo de 2023 se reunieron en Montevideo los ministros de Relaciones Exteriores de Uruguay y Paraguay para revisar la agenda bilateral.

Las partes acordaron ampliar la cooperación en comercio, energía y transporte fluvial, según informó la cancillería uruguaya.

Compartir

POLÍTICA INTERNACIONAL 2023-03-14 09:30:00"""

EN_REUTERS = """Senate panel backs new aid package for Ukraine

Share:

WASHINGTON, March 3 (Reuters) - A U.S. Senate committee on Tuesday approved a package of military aid for Ukraine, sending the measure to the full chamber.

The vote was 15 to 6, committee aides said, and the bill now goes to the floor.

More news from Washington"""

FR_AFP = """Moscou convoque l'ambassadeur de Finlande

Publié le 03/03/2023 à 14h05

MOSCOU, 3 mars (AFP) - Le ministère russe des Affaires étrangères a convoqué vendredi l'ambassadeur de Finlande pour protester contre de nouvelles sanctions.

Lire aussi : La Finlande ferme un poste-frontière dans le nord

Helsinki n'a pas réagi dans l'immédiat à cette convocation, selon un porte-parole."""

RU_TASS = """Лавров провел переговоры с главой МИД Египта

МОСКВА, 3 марта. /ТАСС/. Министр иностранных дел России Сергей Лавров провел в пятницу переговоры со своим египетским коллегой.

Читайте также
В Каире открылся новый культурный центр

Стороны обсудили ситуацию на Ближнем Востоке и двустороннее сотрудничество.

Поделиться"""

AR = """القاهرة - أعلنت وزارة الخارجية المصرية اليوم أن الوزير سيزور عمان الأسبوع المقبل لبحث التعاون الثنائي.

اقرأ أيضاً: الأردن يستضيف مؤتمرا للمانحين

وقال المتحدث باسم الوزارة إن الزيارة تأتي في إطار التشاور المستمر بين البلدين."""

DE_DPA = """12. April 2019

Anzeige

Berlin und Warschau vereinbaren engere Zusammenarbeit

Berlin (dpa) - Deutschland und Polen wollen bei der Sicherung ihrer gemeinsamen Grenze enger zusammenarbeiten. Das vereinbarten die Innenminister beider Länder am Freitag in Berlin.

Lesen Sie auch: Streit um Bahnstrecke nach Stettin

Weitere Artikel aus diesem Ressort"""

HTML_B01 = """<html lang="fr"><head><title>Grève à Lille</title></head><body>
<div class="consent">Nous utilisons des cookies pour améliorer votre navigation. Accepter / Refuser</div>
<aside class="post-content">
<p>Des centaines d'infirmières ont manifesté jeudi à Lille contre la fermeture de lits à l'hôpital régional.</p>
<p>Les syndicats demandent au ministère de la Santé un moratoire sur les suppressions de postes.</p>
</aside></body></html>"""

HTML_B02 = """<html><head><title>Marcha en Quito</title></head><body>
<nav><a href="/">Inicio</a> <a href="/mundo">Mundo</a></nav>
<article><h1>Campesinos marchan en Quito contra el gobierno</h1>
<p>Miles de campesinos caminaron el martes hasta la plaza principal de Quito para exigir precios justos para sus cosechas.</p>
<p><b>Lee también:</b> <a href="/x">China lanza maniobras navales cerca de Taiwán</a></p>
<p>Los agentes bloquearon con vallas metálicas el acceso al palacio presidencial durante varias horas.</p></article>
<section class="ultimas"><h3>Lo último</h3><ul><li><a href="/y">Corea del Norte dispara un misil balístico</a></li></ul></section>
<div class="comments"><p>Comentario de LectorZ: ¡fuera todos!</p></div>
</body></html>"""

HTML_B04 = """<html lang="en"><head><title>World news</title>
<meta property="article:published_time" content="2024-05-16T08:40:00"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/about">About us</a> <a href="/contact">Contact</a></nav>
<article><h1>Казахстан выслал двух журналистов</h1>
<p>Власти Казахстана в среду выслали из Алматы двух иностранных журналистов, сообщили в министерстве информации.</p>
<p>По данным ведомства, журналисты работали в стране без необходимой аккредитации.</p></article>
<footer>Copyright 2024 World News Network. All rights reserved. Terms of use. Privacy.</footer>
</body></html>"""


def _where_available() -> bool:
    try:
        from tidings.where import resolve_place  # noqa: F401
    except ImportError:
        return False
    return True


WHERE = _where_available()


def test_spanish_article_shaped_like_the_seed():
    a = clean(RawDocument("uy-py", text=ES_SEED_SHAPE))
    assert a.title == "Se reúnen los cancilleres de Uruguay y Paraguay en Montevideo"
    assert a.language == "es"
    assert a.removed_chrome == ["×", "A", "A", "A", "Ajustes", "Compartir"]
    assert a.section == "POLÍTICA INTERNACIONAL"
    assert (a.published, a.published_source) == ("2023-03-14T09:30:00", "trailer")
    dl = a.dateline
    assert (dl.text, dl.place, dl.date, dl.agency) == ("Montevideo, 14 de marzo, AZERTAC", "Montevideo", "2023-03-14", "AZERTAC")
    if WHERE:
        assert dl.country == "URY"
    assert a.text == (
        "El 13 de marzo de 2023 se reunieron en Montevideo los ministros de Relaciones Exteriores de Uruguay y "
        "Paraguay para revisar la agenda bilateral.\n\nLas partes acordaron ampliar la cooperación en comercio, "
        "energía y transporte fluvial, según informó la cancillería uruguaya."
    )


def test_english_reuters_dateline_cut_from_first_paragraph():
    url = "https://www.example.com/world/2020/03/03/senate-aid/"
    a = clean(RawDocument("us", text=EN_REUTERS, url=url))
    assert a.title == "Senate panel backs new aid package for Ukraine"
    assert a.text.startswith("A U.S. Senate committee on Tuesday approved")
    assert "Reuters" not in a.text and "More news" not in a.text
    assert a.removed_chrome == ["Share:", "More news from Washington"]
    dl = a.dateline
    assert (dl.place, dl.date, dl.agency) == ("WASHINGTON", "2020-03-03", "Reuters")
    if WHERE:
        assert dl.country == "USA"
    # dateline (year from the URL) outranks the URL date itself
    assert (a.published, a.published_source) == ("2020-03-03", "dateline")
    # a given date outranks everything, and gives the dateline its year
    b = clean(RawDocument("us", text=EN_REUTERS, url=url, published="2019-03-04"))
    assert (b.published, b.published_source, b.dateline.date) == ("2019-03-04", "given", "2019-03-03")


def test_french_afp_with_header_date_and_read_also():
    a = clean(RawDocument("fr", text=FR_AFP))
    assert a.language == "fr"
    assert a.title == "Moscou convoque l'ambassadeur de Finlande"
    assert (a.published, a.published_source) == ("2023-03-03T14:05:00", "explicit")
    assert (a.dateline.place, a.dateline.date, a.dateline.agency) == ("MOSCOU", "2023-03-03", "AFP")
    if WHERE:
        assert a.dateline.country == "RUS"
    assert a.text.startswith("Le ministère russe des Affaires étrangères a convoqué vendredi")
    assert "Lire aussi" not in a.text and "poste-frontière" not in a.text
    assert a.text.endswith("selon un porte-parole.")


def test_russian_tass_dateline_and_teaser_label_on_its_own_line():
    a = clean(RawDocument("ru", text=RU_TASS, published="2023-03-05"))
    assert a.language == "ru"
    assert a.title == "Лавров провел переговоры с главой МИД Египта"
    assert (a.dateline.place, a.dateline.date, a.dateline.agency) == ("МОСКВА", "2023-03-03", "ТАСС")
    assert a.text.startswith("Министр иностранных дел России Сергей Лавров")
    assert a.removed_chrome == ["Читайте также", "В Каире открылся новый культурный центр", "Поделиться"]
    assert (a.published, a.published_source) == ("2023-03-05", "given")


def test_arabic_place_dash_dateline_and_url_date():
    a = clean(RawDocument("ar", text=AR, url="https://example.com/news/2024/5/16/visit"))
    assert a.language == "ar"
    assert a.title is None
    assert (a.dateline.place, a.dateline.date, a.dateline.agency) == ("القاهرة", None, None)
    if WHERE:
        assert a.dateline.country == "EGY"
    assert a.text.startswith("أعلنت وزارة الخارجية المصرية")
    assert "اقرأ" not in a.text
    assert (a.published, a.published_source) == ("2024-05-16", "url")


def test_german_dpa_with_header_date_and_anzeige():
    a = clean(RawDocument("de", text=DE_DPA))
    assert a.language == "de"
    assert a.title == "Berlin und Warschau vereinbaren engere Zusammenarbeit"
    assert (a.published, a.published_source) == ("2019-04-12", "explicit")
    assert (a.dateline.place, a.dateline.agency) == ("Berlin", "dpa")
    assert a.text.startswith("Deutschland und Polen wollen")
    assert a.removed_chrome == ["Anzeige", "Lesen Sie auch: Streit um Bahnstrecke nach Stettin",
                                "Weitere Artikel aus diesem Ressort"]


def test_b01_body_in_aside_behind_consent_banner():
    a = clean(RawDocument("b01", html=HTML_B01))
    assert a.text == (
        "Des centaines d'infirmières ont manifesté jeudi à Lille contre la fermeture de lits à l'hôpital régional."
        "\n\nLes syndicats demandent au ministère de la Santé un moratoire sur les suppressions de postes."
    )
    assert "cookies" not in a.text
    assert a.language == "fr"


def test_b02_teasers_sidebars_and_comments_stay_out():
    a = clean(RawDocument("b02", html=HTML_B02))
    assert a.title == "Campesinos marchan en Quito contra el gobierno"
    assert a.text == (
        "Miles de campesinos caminaron el martes hasta la plaza principal de Quito para exigir precios justos "
        "para sus cosechas.\n\nLos agentes bloquearon con vallas metálicas el acceso al palacio presidencial "
        "durante varias horas."
    )
    for phantom in ("Taiwán", "Corea", "Comentario", "Lo último"):
        assert phantom not in a.text


def test_b04_language_from_body_not_html_lang():
    a = clean(RawDocument("b04", html=HTML_B04))
    assert a.language == "ru"
    assert a.language_score > 0.8
    assert (a.published, a.published_source) == ("2024-05-16T08:40:00", "metadata")
    assert a.text.startswith("Власти Казахстана в среду выслали из Алматы")
    assert "Home" not in a.text and "Copyright" not in a.text


def test_given_language_is_kept():
    a = clean(RawDocument("x", text=ES_SEED_SHAPE, lang="ES"))
    assert a.language == "es" and a.language_score is None


@pytest.mark.parametrize(
    "header, lang, expected",
    [
        ("miércoles, marzo 15, 2017", "es", "2017-03-15"),
        ("November 2, 2006 09:41 IST", "en", "2006-11-02T09:41:00"),
        ("11/04/2022 17h25", "pt", "2022-04-11T17:25:00"),
        ("Ce contenu a été publié le 9 octobre 2019 08:02", "fr", "2019-10-09T08:02:00"),
        ("3. Juli 2015", "de", "2015-07-03"),
        ("date 2021-02-19 From Jane Roe, Kano", "en", "2021-02-19"),
        ("2020-12-01 18:30:05", "ru", "2020-12-01T18:30:05"),
    ],
)
def test_header_date_lines_give_published_and_leave_the_body(header, lang, expected):
    body = "Officials met in the capital on Monday to discuss the border crossing and trade rules."
    a = clean(RawDocument("h", text=f"{header}\n\n{body}\n\n{body}", lang=lang))
    assert (a.published, a.published_source) == (expected, "explicit")
    assert a.text == f"{body}\n\n{body}"


def test_header_rest_becomes_title():
    text = ("date 2019-07 Farmers block roads near the capital\n\n"
            "Hundreds of farmers blocked three highways on Tuesday to protest new fuel taxes.")
    a = clean(RawDocument("h", text=text))
    assert (a.published, a.title) == ("2019-07", "Farmers block roads near the capital")
    assert a.text.startswith("Hundreds of farmers")


def test_most_precise_explicit_date_wins_and_future_dates_are_ignored():
    body = "El gobierno anunció el lunes un nuevo plan de seguridad para la frontera norte del país."
    text = f"{body}\n\nINTERNACIONAL 2099-01-01 10:00:00"
    a = clean(RawDocument("f", text=text, url="https://x.com/2021/10/12/plan"), now=datetime(2024, 1, 1))
    assert (a.published, a.published_source) == ("2021-10-12", "url")
    assert a.section == "INTERNACIONAL"  # the trailer is still furniture, not body
    assert a.text == body


@pytest.mark.parametrize(
    "url, iso",
    [
        ("https://www.upi.com/Top_News/2021/10/12/some-story/9141634015664/", "2021-10-12"),
        ("https://www.example.com.ar/noticias/x/20140226/nota/2101414.aspx", "2014-02-26"),
        ("https://example.blogspot.com/2025_11_22_archive.html?m=0", "2025-11-22"),
        ("https://alaraby.example/politics/2019/9/21/%D8%AA", "2019-09-21"),
        ("http://business.example.com/news/2004/dec/23lanka.htm", "2004-12-23"),
        ("http://example.com/2017/08/maduro.html", "2017-08"),
        # an archive's percent-encoded wrapper around the article's own URL
        ("http://archive.example/http%3A%2F%2Fnews.example%2F2012%2F10%2F25%2Ftreve-annoncee_n_1.html", "2012-10-25"),
        ("https://radio.example.gt/2020/colombia-envia-ayuda-a-guatemala/", "2020"),  # year folder, then slug
        ("https://example.org/archivo/2018/", None),  # a year folder with no article slug
        ("https://news.example.it/a/5e4/2020-02-18/ministro-riceve-omologo", "2020-02-18"),
        ("http://fr.example.cn/foreign/txt/2025-01/05/content_117.htm", "2025-01-05"),
        ("https://www.example.fr/a/a-46-2009-07-25-voa6-91968159/1375699.html", "2009-07-25"),
        ("https://example.kr/mobile/view.php?ud=20241115050233", "2024-11-15"),       # yyyymmddHHMMSS
        ("https://example.com/stories/202009270230.html", "2020-09-27"),             # yyyymmddHHMM
        ("https://example.az/news/20141012112826107-Siriya-aviatsiya", "2014-10-12"),  # with milliseconds
        ("https://example.es/articulo/20150527140706059736.amp.html", "2015-05-27"),  # with microseconds
        ("https://news.example.ua/world/mid-otreagiroval-17092015171100/amp", "2015-09-17"),  # ddmmyyyyHHMMSS
        ("https://news.example.ua/world/vybory-0103201909/amp", None),  # ddmmyyyy + 2 digits: no time shape
        ("https://example.com/news/201909278899.html", None),  # 88:99 is no time: an article number
        ("https://example.com/item/2019092712", None),          # ten digits: no timestamp shape
        ("https://example.com/news/9410303", None),
        (None, None),
    ],
)
def test_url_dates(url, iso):
    assert W.url_date(url) == iso


def test_header_dates_use_cldr_month_names_and_day_first_order():
    def isos(text, lang):
        return [d.iso for d in W.find_header_dates(text, lang)]

    assert isos("14 sept. 2024", "fr") == ["2024-09-14"]
    assert isos("с 12 января по 30 апреля 2024", "ru") == ["--01-12", "2024-04-30"]  # genitive month names
    assert isos("06/02/2024", "pt") == ["2024-02-06"]
    assert isos("01.11.2019", "de") == ["2019-11-01"]
    assert isos("03/04/2020", "en") == ["2020-03-04"]
    assert isos("10 de junio", "es") == ["--06-10"]
    assert W.resolve_yearless("--06-10", datetime(2022, 6, 10, 15)) == "2022-06-10"
    assert W.resolve_yearless("--12-31", datetime(2023, 1, 1)) == "2022-12-31"


@pytest.mark.parametrize(
    "raw, message",
    [
        (RawDocument("e1", text="   \n "), "e1: empty document"),
        (RawDocument("e2", html="<html><body><script>var a = 1;</script></body></html>", source="p/e2.html"),
         "p/e2.html: no article text found in HTML"),
        (RawDocument("e3", text="×\nA\nShare:\n"), "e3: no article text left after removing page chrome"),
        (RawDocument("e4", text="Texto suficiente para limpiar.", published="ayer"), "e4: published 'ayer'"),
    ],
)
def test_clean_errors_name_the_document(raw, message):
    with pytest.raises(CleanError) as err:
        clean(raw)
    assert str(err.value).startswith(message)


def test_consent_lines_dropped_from_text():
    text = ("We use cookies to improve your browsing experience. Accept all / Reject all\n\n"
            "Protesters gathered outside parliament in Tbilisi on Sunday evening to oppose the new law.")
    a = clean(RawDocument("c", text=text))
    assert a.text.startswith("Protesters gathered")
    assert a.removed_chrome == ["We use cookies to improve your browsing experience. Accept all / Reject all"]


SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed"


@pytest.mark.skipif(not (SEED / "azertac-es-2022-06-10.txt").exists(), reason="shared seed not present")
def test_real_seed_against_expected_article():
    exp = json.loads((SEED / "expected-article.json").read_text(encoding="utf-8"))["expected_article"]
    text = (SEED / "azertac-es-2022-06-10.txt").read_text(encoding="utf-8")
    a = clean(RawDocument("azertac-es-2022-06-10", text=text))
    assert a.title == exp["title"]
    assert a.language == exp["language"]
    assert a.section == exp["section"]
    assert a.published == exp["published"]
    assert a.removed_chrome == exp["removed_page_chrome"]
    assert a.text.startswith(exp["body_starts_with"])
    dl = exp["dateline"]
    assert (a.dateline.place, a.dateline.date, a.dateline.agency) == (dl["place"], dl["date"], dl["agency"])
    if WHERE:
        assert a.dateline.country == dl["country"]


def test_html_lxml_cannot_hold_still_gives_its_text():
    from tidings import clean_text  # noqa: F401  (the package imports)
    from tidings.clean import clean
    from tidings.records import RawDocument

    deep = "<html><body>" + "<div>" * 300 + "<p>Peruvian police arrested ten protesters in Lima on Monday.</p>" + "</div>" * 300 + "</body></html>"
    art = clean(RawDocument("deep", html=deep, lang="en"))
    assert art.text == "Peruvian police arrested ten protesters in Lima on Monday."
    short = clean(RawDocument("short", html="<p>Peru expelled the envoy.</p>", lang="en"))
    assert short.text == "Peru expelled the envoy."
