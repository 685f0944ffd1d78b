"""Time-aware named people (tidings/actors/people.py): office-holder tables and dated dictionary
roles; the coder picks the role valid at the event's date (or the publication date).

The fixture tests/data/people/_all/officeholders/fixture.tsv holds real office dates: Angela Merkel,
German chancellor 2005-11-22 to 2021-12-08; Boris Johnson, British foreign secretary 2016-07-13 to
2018-07-09 and prime minister 2019-07-24 to 2022-09-06; George W. Bush, US president 2001-2009."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tidings.actors.people import Person, PersonRef, Role, read_officeholders
from tidings.lexicon import LexiconError
from tidings.pipeline import Coder

FIXTURE = Path(__file__).parent / "data" / "people"


@pytest.fixture(scope="module")
def coder():
    return Coder(lexicon_dirs=[str(FIXTURE)])


def parties(coder, text, lang, published, etype):
    events = [e for e in coder.code_text(text, lang=lang, published=published) if e.event_type == etype]
    assert events, f"no {etype} in {text!r}"
    ev = events[0]
    return [(a.country, a.sector) for a in ev.actors], [(a.country, a.sector) for a in ev.recipients], ev


# a surname alone, coded by the publication date: in office in 2019, former (ELI) in 2023
@pytest.mark.parametrize("lang,text", [
    ("en", "Merkel criticized Russia on Tuesday."),
    ("es", "Merkel criticó a Rusia el martes."),
    ("ru", "Меркель раскритиковала Россию во вторник."),
    ("ar", "انتقدت ميركل روسيا يوم الثلاثاء."),
])
@pytest.mark.parametrize("published,sector", [("2019-03-05", "GOV"), ("2023-03-07", "ELI")])
def test_surname_alone_is_coded_by_the_date(coder, lang, text, published, sector):
    actors, recipients, _ = parties(coder, text, lang, published, "ACCUSE")
    assert actors == [("DEU", sector)]
    assert recipients == [("RUS", None)]


# the full name and a title with the name; a change of office keeps GBR GOV, leaving it gives ELI
@pytest.mark.parametrize("lang,text", [
    ("fr", "Boris Johnson a condamné l'Iran."),
    ("en", "Boris Johnson condemned Iran."),
    ("es", "El primer ministro Boris Johnson condenó a Irán."),
])
@pytest.mark.parametrize("published,sector", [
    ("2017-05-02", "GOV"),  # foreign secretary
    ("2021-05-04", "GOV"),  # prime minister
    ("2023-05-02", "ELI"),  # out of office
])
def test_full_name_follows_the_offices(coder, lang, text, published, sector):
    actors, recipients, ev = parties(coder, text, lang, published, "ACCUSE")
    assert actors == [("GBR", sector)]
    assert recipients == [("IRN", None)]
    assert ev.actors[0].name == "Boris Johnson"


# the event's own date wins over the publication date: Johnson left office on 2022-09-06
@pytest.mark.parametrize("lang,text", [
    ("en", "On 2 September 2022, Johnson condemned Iran in a speech in London."),
    ("es", "El 2 de septiembre de 2022, Johnson condenó a Irán en un discurso en Londres."),
    ("fr", "Le 2 septembre 2022, Johnson a condamné l'Iran dans un discours à Londres."),
])
def test_event_date_chooses_the_role(coder, lang, text):
    actors, _, ev = parties(coder, text, lang, "2022-09-20", "ACCUSE")
    assert ev.date == "2022-09-02"
    assert actors == [("GBR", "GOV")]


# a month or a lower-case common word is no person; a capitalized surname inside a sentence is
@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Germany criticized Russia in May.", [("DEU", None)]),
    ("en", "Iraq criticized the bush fires near the border.", None),
    ("en", "Officials said Bush criticized Iraq.", [("USA", "GOV")]),
])
def test_common_words_are_not_people(coder, lang, text, expected):
    events = coder.code_text(text, lang=lang, published="2003-06-02")
    people = [a for e in events for a in e.actors + e.recipients if a.country in {"GBR", "USA"}]
    if expected is None:
        assert people == []
    else:
        assert [(a.country, a.sector) for e in events for a in e.actors] == expected


def _person(name, *roles):
    return Person(name, [Role(c, s, dt.date.fromisoformat(a), dt.date.fromisoformat(b) if b else None, "t", curated=True)
                         for c, s, a, b in roles])


def test_role_at_and_ambiguous_surnames():
    kim = _person("Kim One", ("KOR", "GOV", "2017-05-10", "2022-05-09"))
    other = _person("Kim Two", ("PRK", "GOV", "2011-12-17", None))
    assert kim.role_at(dt.date(2018, 1, 1)) == ("KOR", "GOV")
    assert kim.role_at(dt.date(2023, 1, 1)) == ("KOR", "ELI")
    from tidings.actors.people import PeopleIndex
    from tidings.lexicon import LanguagePack

    index = PeopleIndex(LanguagePack("en"))
    ref = PersonRef((kim, other), surname=True)
    assert index.pick(ref, dt.date(2018, 1, 1)) is None  # both in office: the surname is ambiguous
    assert index.pick(ref, dt.date(2023, 1, 1)) is other  # only one in office


def test_officeholder_rows_and_errors(tmp_path):
    rows = read_officeholders(FIXTURE / "_all" / "officeholders" / "fixture.tsv", "ru")
    forms, role = rows[0]
    assert forms == ["Angela Merkel", "Ангела Меркель", "Меркель"]
    assert (role.country, role.sector, role.start, role.end) == ("DEU", "GOV", dt.date(2005, 11, 22), dt.date(2021, 12, 8))
    bad = tmp_path / "bad.tsv"
    bad.write_text("country\tsector\trole\tstart\tend\tlatin\tru\tar\nXXQ\tGOV\thead_of_state\t2020-01-01\t\tA B\t\t\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad.tsv:2: 'XXQ'"):
        read_officeholders(bad, "en")
    bad.write_text("country\tsector\trole\tstart\tend\tlatin\tru\tar\nFRA\tGOV\thead_of_state\t2020-13-01\t\tA B\t\t\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="must be YYYY-MM-DD"):
        read_officeholders(bad, "en")
