"""Validation of the office-holder data in tidings/lang/_all/officeholders/*.tsv.

The files list heads of state, heads of government and foreign ministers with their dates, and the
heads of international bodies, for the time-aware named-actor gazetteer (issue 13, item 2). These
tests check the format every loader relies on (header, ISO 3166-1 alpha-3 or PLOVER non-state
codes, PLOVER sectors, role words, ISO 8601 dates, scripts of the name forms), the consistency of
terms (no two holders of one office at once, except documented splits) and a handful of facts
worked out by hand through a small lookup helper.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pycountry
import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tidings" / "lang" / "_all" / "officeholders"
ONTOLOGY = ROOT / "tidings" / "ontology"
REGIONS = ("africa", "americas", "asia", "europe", "middle_east", "oceania", "igo")
HEADER = ["country", "sector", "role", "start", "end", "latin", "ru", "ar"]

# Codes used by the project that are not ISO 3166-1 alpha-3: Kosovo (tidings/lang/en/actors.tsv).
EXTRA_CODES = {"KOS"}
STATE_ROLES = {
    "head_of_state", "head_of_government", "foreign_minister",
    # offices with their own name, kept apart from the three above
    "state_counsellor",  # Myanmar 2016-2021: de facto head of government beside the president
    "president_of_confederation",  # Switzerland: a one-year presidency of the collective head of state
}
BODY_ROLES = {
    "UNO": {"secretary_general"},
    "EUR": {"president_of_commission", "president_of_council", "high_representative"},
    "IGO": {
        "nato_secretary_general", "au_commission_chairperson", "arab_league_secretary_general",
        "oas_secretary_general", "asean_secretary_general",
    },
}
# Offices legitimately held by two people at once: rival governments recognised by different
# bodies (Libya 2022-2023: Dbeibah in Tripoli, Bashagha then Hamad named by the House of
# Representatives); Nicaragua from 2025: Ortega and Murillo as co-presidents under the 2025 constitution;
# South Korea 2024-12 to 2025-04: acting presidents while the impeached president was suspended.
OVERLAP_OK = {("LBY", "head_of_government"), ("NIC", "head_of_state"), ("KOR", "head_of_state")}
# Iran: the Leader is the head of state (head_of_state), the elected president heads the government.
WRITTEN = dt.date(2026, 12, 31)
MONONYMS = {"Sugiono"}  # people known by a single name (Indonesia)
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF .'\-’]+$")
CYRILLIC = re.compile(r"^[\u0400-\u04FF .'\-IVX]+$")  # Roman numerals of monarchs
ARTICLE = re.compile(r"^(al|el|as|ash|ad|az|an|at|ar)-[A-Z]")
ARABIC = re.compile(r"^[\u0600-\u06FF\u0750-\u077F .\-]+$")


def _codes(name: str) -> set[str]:
    """The first column of an ontology TSV (comment lines skipped, header dropped)."""
    lines = [ln for ln in (ONTOLOGY / name).read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    return {ln.split("\t")[0] for ln in lines[1:]}


def _read(region: str) -> tuple[list[str], list[str], list[dict[str, str]]]:
    """(leading comment lines, header, rows as dicts) of one region file."""
    text = (DATA / f"{region}.tsv").read_text(encoding="utf-8")
    lines = text.splitlines()
    comments = []
    while lines and lines[0].startswith("#"):
        comments.append(lines.pop(0))
    header = lines[0].split("\t")
    body = [ln for ln in lines[1:] if ln.strip() and not ln.startswith("#")]
    rows = [dict(zip(header, r)) | {"_n": str(len(r))}
            for r in csv.reader(body, delimiter="\t", quoting=csv.QUOTE_NONE)]
    return comments, header, rows


ALL = {region: _read(region) for region in REGIONS if (DATA / f"{region}.tsv").exists()}
ROWS = [(region, row) for region in ALL for row in ALL[region][2]]


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def holders(country: str, role: str, day: str) -> list[str]:
    """Full names (first latin form) of who held `role` for `country` on `day` (YYYY-MM-DD).

    A term covers start <= day < end: the end date is the day the successor took office.
    """
    d = _day(day)
    return [r["latin"].split("|")[0] for _, r in ROWS
            if r["country"] == country and r["role"] == role and _day(r["start"]) <= d
            and (not r["end"] or d < _day(r["end"]))]


def test_only_region_files():
    assert {p.stem for p in DATA.glob("*.tsv")} <= set(REGIONS)
    assert {p.name for p in DATA.iterdir()} == {p.name for p in DATA.glob("*.tsv")}


@pytest.mark.parametrize("region", sorted(ALL))
def test_file_head(region):
    comments, header, rows = ALL[region]
    text = "\n".join(comments)
    assert comments, f"{region}.tsv starts with no comment lines"
    assert "tidings" in text and "2026-12" in text and "public" in text
    assert header == HEADER
    assert rows, f"{region}.tsv has no rows"


def test_columns_codes_sectors_roles():
    iso = {c.alpha_3 for c in pycountry.countries} | EXTRA_CODES
    nonstate = _codes("plover_nonstate.tsv")
    sectors = _codes("plover_sectors.tsv") | {"IGO"}
    for region, r in ROWS:
        where = f"{region}.tsv {r.get('country')} {r.get('latin')}"
        assert r["_n"] == "8", f"{where}: {r['_n']} columns"
        code = r["country"]
        if region == "igo":
            assert code in nonstate, where
            assert r["sector"] == "IGO", where
            assert r["role"] in BODY_ROLES[code], where
        else:
            assert code in iso, where
            assert r["sector"] in sectors and r["sector"] in {"GOV", "MIL"}, where
            assert r["role"] in STATE_ROLES, where


def test_each_state_in_one_region_file():
    seen: dict[str, str] = {}
    for region, r in ROWS:
        assert seen.setdefault(r["country"], region) == region, r["country"]


def test_dates():
    for region, r in ROWS:
        where = f"{region}.tsv {r['country']} {r['latin'][:30]}"
        start = _day(r["start"])
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", r["start"]), where
        assert dt.date(1950, 1, 1) <= start <= WRITTEN, where
        if r["end"]:
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", r["end"]), where
            end = _day(r["end"])
            assert start < end <= WRITTEN, where
            assert end >= dt.date(2018, 1, 1), f"{where}: left office before the scope (2018)"


def test_no_overlapping_terms():
    terms: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = {}
    for _, r in ROWS:
        end = _day(r["end"]) if r["end"] else dt.date.max
        terms.setdefault((r["country"], r["role"]), []).append((_day(r["start"]), end, r["latin"]))
    for key, spans in terms.items():
        if key in OVERLAP_OK:
            continue
        spans.sort()
        for (_, end, name), (start, _, other) in zip(spans, spans[1:]):
            assert start >= end, f"{key}: {name.split('|')[0]} overlaps {other.split('|')[0]}"


def test_name_forms():
    for region, r in ROWS:
        where = f"{region}.tsv {r['country']} {r['latin'][:30]}"
        for column, script in (("latin", LATIN), ("ru", CYRILLIC), ("ar", ARABIC)):
            forms = r[column].split("|")
            assert r[column] and all(forms), f"{where}: empty {column} form"
            assert len(forms) == len(set(forms)), f"{where}: repeated {column} form"
            for form in forms:
                assert form == form.strip() and "  " not in form, f"{where}: spaces in {form!r}"
                assert script.match(form), f"{where}: {form!r} is not {column} script"
        full = r["latin"].split("|")[0]
        assert " " in full or full in MONONYMS, f"{where}: the first form is not a full name"
        for form in r["latin"].split("|"):
            # a lowercase start only for the Arabic article written in Latin script (al-Sisi)
            assert not form[0].islower() or ARTICLE.match(form), f"{where}: {form!r} is not a name"


def test_no_duplicate_rows():
    keys = [(r["country"], r["role"], r["start"], r["latin"].split("|")[0]) for _, r in ROWS]
    assert len(keys) == len(set(keys))


def test_common_word_surnames_not_alone():
    # bare forms that are common words in en es fr pt de it; they may appear only inside a full name
    common = {"May", "Costa", "Rich", "Sales", "Mora", "Brown", "Long", "Rama", "Santos", "Duque",
              "Marin", "Arce", "Sala", "Conte", "Draghi", "Maduro", "Duda", "Moon", "Tusk", "Fico",
              "Kurz", "Rubio", "Castillo", "Lasso", "Moreno", "Paz", "Champagne", "Joly", "França",
              "Borne", "Colonna", "Truss", "Mesa", "Vieira", "Noble", "Fox", "Ruto", "Mora"}
    for _, r in ROWS:
        assert not set(r["latin"].split("|")) & common, r["latin"]


HAND_WORKED = [  # (region, country, role, day, holder): worked out by hand from the public record
    ("europe", "FRA", "head_of_state", "2020-06-01", "Emmanuel Macron"),
    ("americas", "USA", "head_of_state", "2022-01-01", "Joe Biden"),
    ("americas", "USA", "head_of_state", "2019-07-04", "Donald Trump"),
    ("igo", "UNO", "secretary_general", "2019-05-01", "António Guterres"),
    ("europe", "GBR", "head_of_government", "2022-10-01", "Liz Truss"),
    ("europe", "GBR", "head_of_government", "2022-10-25", "Rishi Sunak"),
    ("europe", "DEU", "head_of_government", "2022-01-01", "Olaf Scholz"),
    ("europe", "RUS", "head_of_government", "2020-06-01", "Mikhail Mishustin"),
    ("europe", "UKR", "head_of_state", "2019-01-01", "Petro Poroshenko"),
    ("igo", "EUR", "president_of_commission", "2019-06-01", "Jean-Claude Juncker"),
    ("igo", "EUR", "high_representative", "2020-01-01", "Josep Borrell"),
    ("igo", "IGO", "nato_secretary_general", "2024-12-01", "Mark Rutte"),
    ("igo", "IGO", "nato_secretary_general", "2024-09-30", "Jens Stoltenberg"),
]


@pytest.mark.parametrize("region,country,role,day,holder", HAND_WORKED)
def test_hand_worked_holders(region, country, role, day, holder):
    if region not in ALL:
        pytest.skip(f"{region}.tsv not written yet")
    assert holders(country, role, day) == [holder]


def test_hand_worked_scripts():
    if "europe" not in ALL:
        pytest.skip("europe.tsv not written yet")
    putin = [r for _, r in ROWS if r["country"] == "RUS" and r["latin"].startswith("Vladimir Putin")]
    assert putin and "Владимир Путин" in putin[0]["ru"].split("|")
    assert "بوتين" in putin[0]["ar"].split("|")
