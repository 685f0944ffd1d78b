"""One date parser: dates in body text (absolute and relative), datelines, publication headers and
URLs are all read by the grammar of tidings.when (the packs' dates.tsv and CLDR), in several
languages.  Every sentence here was written for these tests."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tidings.clean import clean
from tidings.clean import patterns
from tidings.lexicon import load_pack
from tidings.records import RawDocument
from tidings.text import fold
from tidings.when import calendar_words, find_dates, find_header_dates, resolve_event_date, url_date

THU = dt.date(2024, 3, 14)   # a Thursday


@pytest.mark.parametrize("text, lang, iso", [
    ("Los cancilleres firmaron el acuerdo el 9 de febrero de 2024 en Lima.", "es", "2024-02-09"),
    ("Les ministres se sont réunis le 1er février 2024 à Dakar.", "fr", "2024-02-01"),
    ("The two leaders met on February 9, 2024 in Nairobi.", "en", "2024-02-09"),
    ("Стороны подписали договор 9 февраля 2024 года в Минске.", "ru", "2024-02-09"),
    ("Die Minister trafen sich am 9. Februar 2024 in Wien.", "de", "2024-02-09"),
    ("وقع الوزيران الاتفاق في 9 فبراير 2024 في عمان.", "ar", "2024-02-09"),
])
def test_absolute_dates_in_body_text(text, lang, iso):
    assert [(m.date, m.kind) for m in find_dates(text, lang, THU)] == [(iso, "explicit")]


@pytest.mark.parametrize("text, lang, iso", [
    ("Rebels shelled the border post yesterday, officials said.", "en", "2024-03-13"),
    ("La policía detuvo a diez manifestantes el martes pasado en Quito.", "es", "2024-03-12"),
    ("Переговоры прошли в понедельник в Баку.", "ru", "2024-03-11"),
    ("Les deux présidents se sont parlé mardi dernier au téléphone.", "fr", "2024-03-12"),
    ("Die Armee zog sich vor zwei Tagen aus der Stadt zurück.", "de", "2024-03-12"),
])
def test_relative_dates_resolved_against_the_publication_date(text, lang, iso):
    r = resolve_event_date(text, lang, published=THU)
    assert (r.date, r.source) == (iso, "relative")


BODY = {
    "fr": "Les deux gouvernements ont signé un accord de coopération sur la pêche et le commerce.",
    "en": "The two governments signed a cooperation agreement on fishing and trade in the capital.",
    "es": "Los dos gobiernos firmaron un acuerdo de cooperación sobre pesca y comercio en la capital.",
    "ru": "Правительства двух стран подписали соглашение о сотрудничестве в области рыболовства.",
}


@pytest.mark.parametrize("lead, lang, published, place, date", [
    ("PARIS, 3 mars (AFP) - ", "fr", "2024-03-14", "PARIS", "2024-03-03"),
    ("MADRID, 3 de marzo (EFE) - ", "es", "2024-03-14", "MADRID", "2024-03-03"),
    ("МОСКВА, 3 марта /ТАСС/. ", "ru", "2024-03-14", "МОСКВА", "2024-03-03"),
    ("NAIROBI, March 3 (Reuters) - ", "en", "2024-03-14", "NAIROBI", "2024-03-03"),
    # a 30 December dateline on a 2 January article belongs to the year before
    ("PARIS, 30 décembre (AFP) - ", "fr", "2025-01-02", "PARIS", "2024-12-30"),
])
def test_datelines_take_their_year_from_the_publication_date(lead, lang, published, place, date):
    a = clean(RawDocument("d", text=lead + BODY[lang] + "\n\n" + BODY[lang], lang=lang, published=published))
    assert (a.dateline.place, a.dateline.date) == (place, date)
    assert a.text.startswith(BODY[lang][:20])


@pytest.mark.parametrize("header, lang, iso", [
    ("Published 14 March 2024", "en", "2024-03-14"),
    ("Publié le 14/03/2024 à 10h22", "fr", "2024-03-14T10:22:00"),
    ("Publicado el 14 de marzo de 2024", "es", "2024-03-14"),
    ("Опубликовано: 14 марта 2024, 18:05", "ru", "2024-03-14T18:05:00"),
    ("Veröffentlicht am 14. März 2024", "de", "2024-03-14"),
])
def test_publication_header_lines(header, lang, iso):
    body = BODY.get(lang, BODY["en"])
    a = clean(RawDocument("h", text=f"{header}\n\n{body}\n\n{body}", lang=lang), now=dt.datetime(2024, 6, 1))
    assert (a.published, a.published_source) == (iso, "explicit")
    assert header not in a.text


@pytest.mark.parametrize("url, iso", [
    ("https://news.example.org/world/2024/03/14/ministers-meet/", "2024-03-14"),
    ("https://example.com.mx/internacional/20240314/cancilleres.html", "2024-03-14"),
    ("https://example.fr/monde/2024/mar/14/accord", "2024-03-14"),
    ("https://example.ru/politics/2024-03/14/123.html", "2024-03-14"),
    ("https://example.com/blog/2024/03/", "2024-03"),
    ("https://example.com/item/20240399", None),          # day 99: no date
])
def test_url_dates(url, iso):
    assert url_date(url) == iso


def test_url_date_becomes_the_publication_date_when_nothing_else_gives_one():
    a = clean(RawDocument("u", text=BODY["es"] + "\n\n" + BODY["es"], lang="es",
                          url="https://example.com.ar/2024/03/14/nota"), now=dt.datetime(2024, 6, 1))
    assert (a.published, a.published_source) == ("2024-03-14", "url")


def test_header_finder_reads_every_packs_months_after_the_languages_own():
    # an English byline date on a Spanish page, a French abbreviation without its dot
    assert [m.iso for m in find_header_dates("Nov 14, 2020 | Política", "es")] == ["2020-11-14"]
    assert [m.iso for m in find_header_dates("3 févr 2024", "fr")] == ["2024-02-03"]
    assert [m.iso for m in find_header_dates("3 fév. 2024", "fr")] == ["2024-02-03"]
    assert [m.date for m in find_header_dates("14 March", None)] == ["--03-14"]


def test_a_month_form_added_to_dates_tsv_is_read_in_body_text_headers_and_datelines(tmp_path: Path):
    """The same grammar serves every kind of date: one user dates.tsv row reaches all of them."""
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "dates.tsv").write_text("kind\tpattern\tvalue\nmonth\tmarzuelo\t3\n", encoding="utf-8")
    body_text = "El acuerdo se firmó el 9 de marzuelo de 2024 en Lima."
    assert find_dates(body_text, "es", THU) == []
    assert [m.date for m in find_dates(body_text, "es", THU, lexicon_dirs=[tmp_path])] == ["2024-03-09"]

    text = "MADRID, 3 de marzuelo (EFE) - " + BODY["es"] + "\n\n" + BODY["es"]
    plain = clean(RawDocument("d", text=text, lang="es", published="2024-03-14"))
    extended = clean(RawDocument("d", text=text, lang="es", published="2024-03-14"), lexicon_dirs=[tmp_path])
    assert plain.dateline.date is None and extended.dateline.date == "2024-03-03"

    text = "Publicado el 14 de marzuelo de 2024\n\n" + BODY["es"] + "\n\n" + BODY["es"]
    now = dt.datetime(2024, 6, 1)
    assert clean(RawDocument("h", text=text, lang="es"), now=now).published is None
    assert clean(RawDocument("h", text=text, lang="es"), now=now, lexicon_dirs=[tmp_path]).published == "2024-03-14"


@pytest.mark.parametrize("lang", ["ar", "de", "en", "es", "fr", "it", "pt", "ru"])
def test_no_second_list_of_month_or_weekday_names(lang):
    """chrome.tsv, frames.tsv and places.tsv hold no month or weekday name: the date grammar has them,
    and the frame cues (stop, recent) and the place stop list take them from it."""
    names = calendar_words(lang, abbreviated=False)
    for kind_file in ("chrome.tsv", "frames.tsv", "places.tsv"):
        path = Path(patterns.LANG_DIR) / lang / kind_file
        rows = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
        assert not [r for r in rows[1:] if r[0] == "month"], path
        listed = [r[1] for r in rows[1:] if len(r) > 1 and r[0] in {"stop", "recent"}
                  and fold(r[1]).split()[-1] in names]
        assert listed == [], f"{path}: {listed}"
    pack = load_pack(lang)
    some_weekday = sorted(calendar_words(lang, months=False, abbreviated=False))[0]
    assert some_weekday in {" ".join(f.words) for f in pack.frames if f.kind == "stop"}


def test_chrome_month_rows_are_refused_with_file_and_line(tmp_path: Path):
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "chrome.tsv").write_text("kind\tpattern\nmonth\tfév=2\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"chrome.tsv:2: month names belong in dates.tsv"):
        patterns.load("fr", [tmp_path])
