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

UN_MEMBERS = """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
    BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
    DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
    GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
    LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
    NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
    KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
    SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB
    ZWE
""".split()  # the 193 member states of the United Nations
# Codes the project uses that are not ISO 3166-1 alpha-3: Kosovo (as in tidings/lang/en/actors.tsv).
EXTRA_CODES = {"KOS"}
# Observer and partly recognised states in scope beside the UN members.
OTHER_STATES = {"PSE", "TWN", "KOS", "VAT"}
STATE_ROLES = {
    "head_of_state", "head_of_government", "foreign_minister",
    # offices with their own name, kept apart from the three above
    "state_counsellor",  # Myanmar 2016-2021: de facto head of government beside the president
    "president_of_confederation",  # Switzerland: a one-year presidency of the collective head of state
}
BODY_ROLES = {
    "UNO": {"secretary_general", "who_director_general", "iaea_director_general", "unhcr_high_commissioner",
            "ohchr_high_commissioner", "unrwa_commissioner_general"},
    "EUR": {"president_of_commission", "president_of_council", "high_representative",
            "president_of_parliament", "ecb_president"},
    "IGO": {
        "nato_secretary_general", "au_commission_chairperson", "arab_league_secretary_general",
        "oas_secretary_general", "asean_secretary_general", "gcc_secretary_general",
        "oic_secretary_general", "ecowas_commission_president",
        "imf_managing_director", "world_bank_president", "wto_director_general",
    },
}
# Offices legitimately held by two people at once: rival governments recognised by different
# bodies (Libya 2022-2023: Dbeibah in Tripoli, Bashagha then Hamad named by the House of
# Representatives); Nicaragua from 2025: Ortega and Murillo as co-presidents under the 2025
# constitution; South Korea 2024-12 to 2025-04: acting presidents while the impeached president
# was suspended.
OVERLAP_OK = {("LBY", "head_of_government"), ("NIC", "head_of_state"), ("KOR", "head_of_state")}
# Iran: the Leader is the head of state (head_of_state), the elected president heads the government.
WRITTEN = dt.date(2026, 12, 31)
MONONYMS = {"Sugiono"}  # people known by a single name (Indonesia)
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF .'\-’]+$")
CYRILLIC = re.compile(r"^[\u0400-\u04FF .'\-IVX]+$")  # Roman numerals of monarchs
ARTICLE = re.compile(r"^(al|el|as|ash|ad|az|an|at|ar)-[A-Z]")
ARABIC = re.compile(r"^[\u0600-\u06FF\u0750-\u077F .\-]+$")
PERSIAN_ONLY = set("پچژگکی")  # letters of Persian, not of Arabic news


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


def test_all_region_files_written():
    assert sorted(ALL) == sorted(REGIONS)


def test_every_un_member_and_the_other_states_covered():
    assert len(set(UN_MEMBERS)) == 193
    states = {r["country"] for region, r in ROWS if region != "igo"}
    assert states == set(UN_MEMBERS) | OTHER_STATES


def test_every_state_has_a_holder_in_2025():
    heads = {"head_of_state", "head_of_government", "president_of_confederation"}
    # San Marino's heads of state are two Captains Regent changed every six months: not listed.
    for country in sorted(set(UN_MEMBERS) | OTHER_STATES):
        roles = {role for role in heads | {"foreign_minister"} if holders(country, role, "2025-06-01")}
        assert roles, f"{country}: nobody in office on 2025-06-01"
        assert roles & heads or country == "SMR", f"{country}: no head of state or government"


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
                assert column != "ar" or not set(form) & PERSIAN_ONLY, f"{where}: {form!r} is Persian"
        full = r["latin"].split("|")[0]
        assert " " in full or full in MONONYMS, f"{where}: the first form is not a full name"
        for form in r["latin"].split("|"):
            # a lowercase start only for the Arabic article written in Latin script (al-Sisi)
            assert not form[0].islower() or ARTICLE.match(form), f"{where}: {form!r} is not a name"


def test_one_person_one_key():
    # a loader keys a person by the first latin form: the rows of one person (same first Russian
    # and Arabic forms) must share it, and one key must not stand for two spellings in ru or ar
    keys: dict[tuple[str, str], set[str]] = {}
    for _, r in ROWS:
        keys.setdefault((r["ru"].split("|")[0], r["ar"].split("|")[0]), set()).add(r["latin"].split("|")[0])
    assert {k: v for k, v in keys.items() if len(v) > 1} == {}
    by_latin: dict[str, set[tuple[str, str]]] = {}
    for (ru, ar), latins in keys.items():
        for latin in latins:
            by_latin.setdefault(latin, set()).add((ru, ar))
    assert {k: v for k, v in by_latin.items() if len(v) > 1} == {}


def test_no_duplicate_rows():
    keys = [(r["country"], r["role"], r["start"], r["latin"].split("|")[0]) for _, r in ROWS]
    assert len(keys) == len(set(keys))


def test_common_word_surnames_not_alone():
    # bare forms that are common words in en es fr pt de it; they may appear only inside a full name
    common = {"May", "Costa", "Rich", "Sales", "Mora", "Brown", "Long", "Rama", "Santos", "Duque",
              "Marin", "Arce", "Sala", "Conte", "Draghi", "Maduro", "Duda", "Moon", "Tusk", "Fico",
              "Kurz", "Rubio", "Castillo", "Lasso", "Moreno", "Paz", "Champagne", "Joly", "França",
              "Borne", "Colonna", "Truss", "Mesa", "Vieira", "Noble", "Fox", "Herzog", "Albanese", "Temer",
              "Mulino", "Séjourné", "Cleverly", "Grossi", "Amano", "Sassoli", "Pellegrini", "Modi"}
    # Arabic has no capitals to tell a name from a word: these are words first ("lion", "peace",
    # "main", "spiritual", "blessed", "my thanks", "if not", "the Sudanese") and names second
    common_ar = {"الأسد", "الشرع", "سلام", "رئيسي", "روحاني", "مبارك", "شكري", "لولا", "آبي", "السوداني",
                 "المعلم", "المنفي", "ظريف", "مخبر", "الحمد الله", "الملك"}
    for _, r in ROWS:
        assert not set(r["latin"].split("|")) & common, r["latin"]
        assert not set(r["ar"].split("|")) & common_ar, r["ar"]


HAND_WORKED = [  # (country, role, day, holders): worked out by hand from the public record
    ("FRA", "head_of_state", "2020-06-01", ["Emmanuel Macron"]),
    ("USA", "head_of_state", "2022-01-01", ["Joe Biden"]),
    ("USA", "head_of_state", "2019-07-04", ["Donald Trump"]),
    ("UNO", "secretary_general", "2019-05-01", ["António Guterres"]),
    ("GBR", "head_of_government", "2022-10-01", ["Liz Truss"]),
    ("GBR", "head_of_government", "2022-10-25", ["Rishi Sunak"]),  # handover day: the successor
    ("DEU", "head_of_government", "2022-01-01", ["Olaf Scholz"]),
    ("RUS", "head_of_government", "2020-06-01", ["Mikhail Mishustin"]),
    ("UKR", "head_of_state", "2019-01-01", ["Petro Poroshenko"]),
    ("BRA", "head_of_state", "2020-01-01", ["Jair Bolsonaro"]),
    ("JPN", "head_of_government", "2021-01-01", ["Yoshihide Suga"]),
    ("ISR", "head_of_government", "2022-01-01", ["Naftali Bennett"]),
    ("IRN", "head_of_government", "2024-06-01", ["Mohammad Mokhber"]),
    ("NGA", "head_of_state", "2024-01-01", ["Bola Tinubu"]),
    ("AUS", "head_of_government", "2020-01-01", ["Scott Morrison"]),
    ("SAU", "foreign_minister", "2019-06-01", ["Ibrahim al-Assaf"]),
    ("EUR", "president_of_commission", "2019-06-01", ["Jean-Claude Juncker"]),
    ("EUR", "high_representative", "2020-01-01", ["Josep Borrell"]),
    ("IGO", "nato_secretary_general", "2024-12-01", ["Mark Rutte"]),
    ("IGO", "nato_secretary_general", "2024-09-30", ["Jens Stoltenberg"]),
    ("UNO", "iaea_director_general", "2023-03-01", ["Rafael Grossi"]),
    ("UNO", "iaea_director_general", "2019-09-01", []),  # between Amano's death and Grossi
    ("EUR", "president_of_parliament", "2021-01-01", ["David Sassoli"]),
    # documented overlaps: rival Libyan governments, a suspended Korean president and his stand-in
    ("LBY", "head_of_government", "2022-06-01", ["Abdul Hamid Dbeibah", "Fathi Bashagha"]),
    ("KOR", "head_of_state", "2025-01-15", ["Choi Sang-mok", "Yoon Suk Yeol"]),
    ("TUR", "head_of_government", "2019-01-01", []),  # the office was abolished in 2018
]


@pytest.mark.parametrize("country,role,day,expected", HAND_WORKED)
def test_hand_worked_holders(country, role, day, expected):
    assert sorted(holders(country, role, day)) == expected


def test_hand_worked_scripts():
    putin = [r for _, r in ROWS if r["country"] == "RUS" and r["latin"].startswith("Vladimir Putin")]
    assert putin and "Владимир Путин" in putin[0]["ru"].split("|")
    assert "بوتين" in putin[0]["ar"].split("|")
    sisi = [r for _, r in ROWS if r["country"] == "EGY" and r["role"] == "head_of_state"]
    assert [r["ar"].split("|")[0] for r in sisi] == ["عبد الفتاح السيسي"]
