"""Tests for tidings.when: date finding and the event-date rule, 8 languages.

Every expected date was worked out by hand from a calendar: 2024-03-14 is a Thursday (so Mon 11, Tue 12,
Wed 13, Fri 8), 2024-10-08 a Tuesday, 2024-06-03 a Monday, 2024-09-15 a Sunday, 2024-02-07 a Wednesday,
2024-03-16 a Saturday.  Sentences are written for these tests (cases B06, B07, B09 of the field-failure list
are reproduced with new sentences of the same kind).
"""
import datetime as dt
import time

import pytest

from tidings.when import DateMention, ResolvedDate, find_dates, parse_published, resolve_event_date

THU = dt.date(2024, 3, 14)
SAT = dt.date(2024, 3, 16)
TUE_OCT = dt.date(2024, 10, 8)
MON_JUN = dt.date(2024, 6, 3)
SUN_SEP = dt.date(2024, 9, 15)
WED_FEB = dt.date(2024, 2, 7)


def spans(text, lang, base):
    return [(m.text, m.date, m.precision, m.kind) + ((m.end_date,) if m.end_date else ())
            for m in find_dates(text, lang, base)]


CASES = [
    # ---- English
    ("en", "The talks in Geneva ended on 9 June 2022.", THU, [("9 June 2022", "2022-06-09", "day", "explicit")]),
    ("en", "Troops withdrew on June 9, 2022, officials said.", THU, [("June 9, 2022", "2022-06-09", "day", "explicit")]),
    ("en", "Police arrested two men last Friday.", THU, [("last Friday", "2024-03-08", "day", "relative")]),
    ("en", "On Monday the minister resigned.", THU, [("On Monday", "2024-03-11", "day", "relative")]),
    ("en", "The rebels attacked the base two days ago.", THU, [("two days ago", "2024-03-12", "day", "relative")]),
    ("en", "Delegations met last week and again last month.", THU,
     [("last week", "2024-03-04", "week", "relative"), ("last month", "2024-02", "month", "relative")]),
    ("en", "The summit ran from 3 to 5 March.", THU, [("from 3 to 5 March", "2024-03-03", "day", "explicit", "2024-03-05")]),
    ("en", "The court was founded in 2011.", THU, [("in 2011", "2011", "year", "explicit")]),
    ("en", "Filed 03/04/2024, amended 25/03/2023.", THU,
     [("03/04/2024", "2024-03-04", "day", "explicit"), ("25/03/2023", "2023-03-25", "day", "explicit")]),
    ("en", "The 30 years of conflict killed 44 people in 12 villages.", THU, []),
    ("en", "Talks may resume in May.", THU, [("in May", "2023-05", "month", "explicit")]),
    ("en", "This Wednesday the envoy left; tonight he speaks.", THU,
     [("This Wednesday", "2024-03-13", "day", "relative"), ("tonight", "2024-03-14", "day", "relative")]),
    # ---- Spanish
    ("es", "El 9 de junio de 2022 se firmó el acuerdo.", THU, [("9 de junio de 2022", "2022-06-09", "day", "explicit")]),
    ("es", "El pasado martes, militares detuvieron a tres dirigentes en Maracay.", THU,
     [("El pasado martes", "2024-03-12", "day", "relative")]),
    ("es", "Anoche, los vecinos protestaron frente a la alcaldía.", THU, [("Anoche", "2024-03-13", "day", "relative")]),
    ("es", "Los estudiantes marcharon hace dos días.", THU, [("hace dos días", "2024-03-12", "day", "relative")]),
    ("es", "La reunión fue del 3 al 5 de marzo.", THU, [("del 3 al 5 de marzo", "2024-03-03", "day", "explicit", "2024-03-05")]),
    ("es", "El conflicto de 30 años dejó un saldo de 44 días de huelga.", THU, []),
    ("es", "Este miércoles el gobierno anunció sanciones.", THU, [("Este miércoles", "2024-03-13", "day", "relative")]),
    ("es", "La policía detuvo al alcalde la semana pasada.", THU, [("la semana pasada", "2024-03-04", "week", "relative")]),
    ("es", "El lunes, en 2011 o el 06/02/2024: da igual.", THU,
     [("El lunes", "2024-03-11", "day", "relative"), ("en 2011", "2011", "year", "explicit"),
      ("06/02/2024", "2024-02-06", "day", "explicit")]),
    ("es", "Bakú, 10 de junio, AGENCIA", dt.date(2022, 6, 10), [("10 de junio", "2022-06-10", "day", "explicit")]),
    # ---- French
    ("fr", "Lyon, 14 sept. 2024 – Des agriculteurs ont bloqué une route pendant sept heures.", SUN_SEP,
     [("14 sept. 2024", "2024-09-14", "day", "explicit")]),
    ("fr", "Le ministre est arrivé le 9 juin 2022 à Dakar.", THU, [("9 juin 2022", "2022-06-09", "day", "explicit")]),
    ("fr", "Des milliers de manifestants ont défilé mardi soir.", THU, [("mardi soir", "2024-03-12", "day", "relative")]),
    ("fr", "Ce mercredi, les syndicats ont appelé à la grève.", THU, [("Ce mercredi", "2024-03-13", "day", "relative")]),
    ("fr", "Il y a deux jours, l'armée a frappé un village.", THU, [("Il y a deux jours", "2024-03-12", "day", "relative")]),
    ("fr", "Le sommet s'est tenu du 3 au 5 mars.", THU, [("du 3 au 5 mars", "2024-03-03", "day", "explicit", "2024-03-05")]),
    ("fr", "Hier, le parlement a voté; le mois dernier, il avait refusé.", THU,
     [("Hier", "2024-03-13", "day", "relative"), ("le mois dernier", "2024-02", "month", "relative")]),
    # ---- Portuguese
    ("pt", "Atualizado em 06/02/2024 – A polícia prendeu um ex-governador.", WED_FEB,
     [("06/02/2024", "2024-02-06", "day", "explicit")]),
    ("pt", "Em 9 de junho de 2022 o acordo foi assinado.", THU, [("9 de junho de 2022", "2022-06-09", "day", "explicit")]),
    ("pt", "Hoje, sábado, milhares protestaram em Lisboa.", SAT, [("Hoje, sábado", "2024-03-16", "day", "relative")]),
    ("pt", "Há dois dias, a polícia prendeu dez pessoas.", THU, [("Há dois dias", "2024-03-12", "day", "relative")]),
    ("pt", "Na terça-feira passada, o governo anunciou cortes.", THU,
     [("Na terça-feira passada", "2024-03-12", "day", "relative")]),
    ("pt", "A greve começou na quarta e terminou ontem.", THU,
     [("na quarta", "2024-03-13", "day", "relative"), ("ontem", "2024-03-13", "day", "relative")]),
    ("pt", "A quarta parte do orçamento foi cortada no mês passado.", THU,
     [("no mês passado", "2024-02", "month", "relative")]),
    # ---- German
    ("de", "Am 9. Juni 2022 trafen sich die Minister.", THU, [("9. Juni 2022", "2022-06-09", "day", "explicit")]),
    ("de", "Die Wahl fand am 01.11.2019 statt.", THU, [("01.11.2019", "2019-11-01", "day", "explicit")]),
    ("de", "Vor zwei Tagen griffen Rebellen das Lager an.", THU, [("Vor zwei Tagen", "2024-03-12", "day", "relative")]),
    ("de", "Am Dienstagabend demonstrierten Tausende in Berlin.", THU,
     [("Am Dienstagabend", "2024-03-12", "day", "relative")]),
    ("de", "Letzten Freitag wurde der Botschafter ausgewiesen.", THU, [("Letzten Freitag", "2024-03-08", "day", "relative")]),
    ("de", "Gestern verhängte die EU Sanktionen, die vom 3. bis 5. März galten.", THU,
     [("Gestern", "2024-03-13", "day", "relative"), ("vom 3. bis 5. März", "2024-03-03", "day", "explicit", "2024-03-05")]),
    ("de", "Im Jahr 2011 begann der Krieg.", THU, [("Im Jahr 2011", "2011", "year", "explicit")]),
    # ---- Italian
    ("it", "Il 9 giugno 2022 i ministri si sono incontrati a Roma.", THU, [("9 giugno 2022", "2022-06-09", "day", "explicit")]),
    ("it", "Martedì scorso la polizia ha arrestato tre persone.", THU, [("Martedì scorso", "2024-03-12", "day", "relative")]),
    ("it", "Ieri sera migliaia di persone hanno manifestato.", THU, [("Ieri sera", "2024-03-13", "day", "relative")]),
    ("it", "Due giorni fa l'esercito ha bombardato il villaggio.", THU, [("Due giorni fa", "2024-03-12", "day", "relative")]),
    ("it", "Il vertice si è svolto dal 3 al 5 marzo 2024.", THU,
     [("dal 3 al 5 marzo 2024", "2024-03-03", "day", "explicit", "2024-03-05")]),
    ("it", "La settimana scorsa il governo si è dimesso.", THU, [("La settimana scorsa", "2024-03-04", "week", "relative")]),
    ("it", "Nel 2011 il regime è caduto; lunedì il premier ha parlato.", THU,
     [("Nel 2011", "2011", "year", "explicit"), ("lunedì", "2024-03-11", "day", "relative")]),
    # ---- Russian
    ("ru", "Протестующие собирались в Ереване с 12 января по 30 апреля; в мае акции прекратились.", MON_JUN,
     [("с 12 января по 30 апреля", "2024-01-12", "day", "explicit", "2024-04-30"), ("в мае", "2024-05", "month", "explicit")]),
    ("ru", "9 июня 2022 года министры подписали соглашение.", THU, [("9 июня 2022 года", "2022-06-09", "day", "explicit")]),
    ("ru", "21 апреля полиция задержала активистов.", THU, [("21 апреля", "2023-04-21", "day", "explicit")]),
    ("ru", "В ночь на вторник беспилотники атаковали аэродром.", THU, [("В ночь на вторник", "2024-03-12", "day", "relative")]),
    ("ru", "Два дня назад армия обстреляла село.", THU, [("Два дня назад", "2024-03-12", "day", "relative")]),
    ("ru", "В прошлую пятницу посла выслали, а вчера парламент принял закон.", THU,
     [("В прошлую пятницу", "2024-03-08", "day", "relative"), ("вчера", "2024-03-13", "day", "relative")]),
    ("ru", "Закон действует в 2011 году и в июне 2026 года.", THU,
     [("в 2011 году", "2011", "year", "explicit"), ("июне 2026 года", "2026-06", "month", "explicit")]),
    # ---- Arabic
    ("ar", "انتقد مسؤولون عراقيون يوم الاثنين تركيا بسبب غارات جوية شنتها طائراتها يوم الأحد على مواقع في دهوك.", TUE_OCT,
     [("يوم الاثنين", "2024-10-07", "day", "relative"), ("يوم الأحد", "2024-10-06", "day", "relative")]),
    ("ar", "وقعت الحكومتان الاتفاق في ٩ يونيو ٢٠٢٢.", THU, [("٩ يونيو ٢٠٢٢", "2022-06-09", "day", "explicit")]),
    ("ar", "اجتمع الوزراء في 3 تشرين الأول 2023 ثم في 5 اكتوبر 2023.", THU,
     [("3 تشرين الأول 2023", "2023-10-03", "day", "explicit"), ("5 اكتوبر 2023", "2023-10-05", "day", "explicit")]),
    ("ar", "أمس الجمعة، تظاهر الآلاف في بيروت.", SAT, [("أمس الجمعة", "2024-03-15", "day", "relative")]),
    ("ar", "قبل يومين قصف الجيش القرية.", THU, [("قبل يومين", "2024-03-12", "day", "relative")]),
    ("ar", "زار الوزير القاهرة الأسبوع الماضي، وكان قد زارها في عام 2011.", THU,
     [("الأسبوع الماضي", "2024-03-04", "week", "relative"), ("في عام 2011", "2011", "year", "explicit")]),
    ("ar", "وقع الهجوم في 9 حزيران/يونيو 2022.", THU, [("9 حزيران/يونيو 2022", "2022-06-09", "day", "explicit")]),
]


@pytest.mark.parametrize("lang,text,base,expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_find_dates(lang, text, base, expected):
    assert spans(text, lang, base) == expected


def test_offsets_point_into_text():
    text = "Ayer, el 9 de junio de 2022, hubo choques."
    for m in find_dates(text, "es", THU):
        assert text[m.start:m.end] == m.text
    assert isinstance(find_dates(text, "es", THU)[0], DateMention)


def test_no_base_drops_relative_and_yearless():
    assert spans("Ayer, el 9 de junio, y el 10 de junio de 2022.", "es", None) == [
        ("10 de junio de 2022", "2022-06-10", "day", "explicit")]


def test_datetime_base_is_truncated():
    assert spans("yesterday", "en", dt.datetime(2024, 3, 14, 23, 50)) == [("yesterday", "2024-03-13", "day", "relative")]


def test_cldr_only_language_gets_explicit_dates():
    assert spans("op 9 juni 2022", "nl", None) == [("9 juni 2022", "2022-06-09", "day", "explicit")]


@pytest.mark.parametrize("lang", ["zz-1", "", "e1", "qq"])
def test_bad_language_is_a_clear_error(lang):
    with pytest.raises(ValueError, match=f"'{lang}'"):
        find_dates("9 June 2022", lang, None)


def test_language_tags_are_normalized():
    assert spans("ontem", "pt-BR", THU) == spans("ontem", "PT", THU) == [("ontem", "2024-03-13", "day", "relative")]


def test_blocked_phrases_are_not_dates():
    # "среда обитания" is "habitat", not Wednesday; "hoy en día" is "nowadays"; "اليوم التالي" is "the next day"
    assert spans("Выбросы попали в среду обитания птиц.", "ru", THU) == []
    assert spans("Hoy en día nadie protesta.", "es", THU) == []
    assert spans("وفي اليوم التالي انسحب الجيش.", "ar", THU) == []


# ------------------------------------------------------------------ event-date rule

def trig(sentence, word):
    i = sentence.index(word)
    return i


B07_ES = ["El pasado martes, militares venezolanos detuvieron a tres dirigentes opositores en Maracay.",
          "Anoche, sus familiares protestaron frente a la sede de la policía política en Caracas."]
B07_EN = ["Last Tuesday, soldiers detained three opposition leaders in the port city.",
          "Last night their relatives protested outside the intelligence headquarters."]


@pytest.mark.parametrize("sentences,triggers", [(B07_ES, ["detuvieron", "protestaron"]),
                                                (B07_EN, ["detained", "protested"])])
def test_b07_relative_weekday_and_last_night(sentences, triggers):
    got = [resolve_event_date(s, lang, published=THU, trigger_offset=trig(s, t))
           for s, t, lang in zip(sentences, triggers, ["es" if "El" in sentences[0] else "en"] * 2)]
    assert [(r.date, r.precision, r.source) for r in got] == [("2024-03-12", "day", "relative"),
                                                              ("2024-03-13", "day", "relative")]


def test_b07_french_mardi_dernier():
    s = "Mardi dernier, des soldats ont arrêté trois opposants."
    r = resolve_event_date(s, "fr", published=THU, trigger_offset=trig(s, "arrêté"))
    assert (r.date, r.source, r.mention.text) == ("2024-03-12", "relative", "Mardi dernier")


B09 = [
    ("ar", "انتقد مسؤولون عراقيون يوم الاثنين تركيا بسبب غارات جوية شنتها طائراتها يوم الأحد على مواقع في دهوك.",
     {"انتقد": "2024-10-07", "غارات": "2024-10-06", "شنتها": "2024-10-06"}),
    ("en", "Iraqi leaders on Monday criticised Turkey over air strikes that its jets carried out on Sunday in Dohuk.",
     {"criticised": "2024-10-07", "strikes": "2024-10-06", "carried": "2024-10-06"}),
    ("es", "El lunes, dirigentes iraquíes criticaron a Turquía por los bombardeos que sus aviones realizaron el domingo en Dohuk.",
     {"criticaron": "2024-10-07", "bombardeos": "2024-10-06", "realizaron": "2024-10-06"}),
]


@pytest.mark.parametrize("lang,sentence,expected", B09, ids=[b[0] for b in B09])
def test_b09_each_event_gets_its_own_day(lang, sentence, expected):
    for word, date in expected.items():
        r = resolve_event_date(sentence, lang, published=TUE_OCT, trigger_offset=trig(sentence, word))
        assert (word, r.date, r.source) == (word, date, "relative")


def test_b06_russian_range_and_month():
    s = "Протестующие собирались в Ереване с 12 января по 30 апреля; в мае акции прекратились."
    r1 = resolve_event_date(s, "ru", published=MON_JUN, trigger_offset=trig(s, "собирались"))
    r2 = resolve_event_date(s, "ru", published=MON_JUN, trigger_offset=trig(s, "прекратились"))
    assert (r1.date, r1.precision, r1.source, r1.mention.end_date) == ("2024-01-12", "day", "explicit", "2024-04-30")
    assert (r2.date, r2.precision, r2.source) == ("2024-05", "month", "explicit")


def test_b06_french_sept_and_portuguese_day_first():
    s = "Lyon, 14 sept. 2024 – Des agriculteurs ont bloqué l'autoroute pendant sept heures."
    assert resolve_event_date(s, "fr", published=SUN_SEP).date == "2024-09-14"
    s = "Atualizado em 06/02/2024 – A polícia prendeu um ex-governador."
    assert resolve_event_date(s, "pt", published=WED_FEB).date == "2024-02-06"


def test_explicit_beats_relative():
    s = "Ayer se informó de que el 9 de marzo de 2024 hubo choques en la frontera."
    r = resolve_event_date(s, "es", published=THU, trigger_offset=trig(s, "choques"))
    assert (r.date, r.source) == ("2024-03-09", "explicit")


def test_future_explicit_date_and_next_weekday_are_not_event_dates():
    s = "The vote, planned for 20 April 2024, was announced yesterday."
    r = resolve_event_date(s, "en", published=THU, trigger_offset=trig(s, "announced"))
    assert (r.date, r.source) == ("2024-03-13", "relative")
    s = "Ministers will meet next Tuesday."
    assert [m.date for m in find_dates(s, "en", THU)] == ["2024-03-19"]
    r = resolve_event_date(s, "en", published=THU)
    assert (r.date, r.source, r.mention) == ("2024-03-14", "published", None)


def test_background_year_far_from_trigger_is_skipped():
    s = ("UN envoys praised the president for rebuilding schools, clinics and roads and the agency office "
         "which was bombed in 2011.")
    r = resolve_event_date(s, "en", published=dt.date(2020, 8, 25), trigger_offset=trig(s, "praised"))
    assert (r.date, r.source) == ("2020-08-25", "published")
    s = "The regime fell in 2011, the report said."
    r = resolve_event_date(s, "en", published=dt.date(2020, 8, 25), trigger_offset=trig(s, "fell"))
    assert (r.date, r.precision, r.source) == ("2011", "year", "explicit")


def test_string_dates_are_accepted_and_bad_ones_named():
    r = resolve_event_date("Ayer hubo protestas.", "es", published="2024-03-14T10:00:00Z")
    assert r.date == "2024-03-13"
    with pytest.raises(ValueError, match="'14 de marzo'"):
        resolve_event_date("Ayer hubo protestas.", "es", published="14 de marzo")


def test_fallbacks():
    s = "Protesters gathered outside parliament."
    assert resolve_event_date(s, "en", published=THU, dateline_date=dt.date(2024, 3, 13)) == \
        ResolvedDate("2024-03-13", "day", "dateline", None)
    assert resolve_event_date(s, "en", published=THU) == ResolvedDate("2024-03-14", "day", "published", None)
    assert resolve_event_date(s, "en", published=None) == ResolvedDate(None, None, None, None)
    # relative resolved against the dateline date when there is no publication date
    r = resolve_event_date("Ayer hubo protestas.", "es", published=None, dateline_date=dt.date(2022, 6, 10))
    assert (r.date, r.source) == ("2022-06-09", "relative")


# ------------------------------------------------------------------ publication dates

@pytest.mark.parametrize("value,expected", [
    ("2022-06-10T15:11:00Z", dt.datetime(2022, 6, 10, 15, 11, tzinfo=dt.timezone.utc)),
    ("2022-06-10 15:11:00", dt.datetime(2022, 6, 10, 15, 11)),
    ("2022-06-10", dt.datetime(2022, 6, 10)),
    ("2022-06-10T15:11:00.000+0200 extra", dt.datetime(2022, 6, 10, 15, 11)),
    ("20220610", dt.datetime(2022, 6, 10)),
    ("Fri, 10 Jun 2022 15:11:00 GMT", dt.datetime(2022, 6, 10, 15, 11, tzinfo=dt.timezone.utc)),
    ("10.06.2022", dt.datetime(2022, 6, 10)),
    ("June 10, 2022", dt.datetime(2022, 6, 10)),
    ("not a date", None),
    ("", None),
    (None, None),
])
def test_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("text,lang,iso", [
    ("Nov 14, 2020 | Internacional, Política", "es", "2020-11-14"),   # a CMS byline, English order
    ("Publicado: marzo 5, 2019", "es", "2019-03-05"),
    ("mis à jour le juin 30, 2021 à 10h", "fr", "2021-06-30"),
    ("Aktualisiert: Okt. 2, 2018", "de", "2018-10-02"),
    ("Pubblicato il settembre 9, 2022", "it", "2022-09-09"),
])
def test_month_day_comma_year_is_read_in_day_first_languages(text, lang, iso):
    assert [m.date for m in find_dates(text, lang, None)] == [iso]


@pytest.mark.parametrize("text,lang", [
    ("el 14 sobrevivientes, 2020 personas", "es"),   # no month name: nothing
    ("marzo 5 de los 12 casos", "es"),                # no comma and year: the day-first reading only
    ("juin 30 soldats", "fr"),
])
def test_month_day_without_comma_year_is_not_month_first(text, lang):
    assert all(m.date.count("-") < 2 for m in find_dates(text, lang, None))
