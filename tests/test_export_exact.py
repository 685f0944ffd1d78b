"""GDELT and ICEWS exports row for row: dyads, FIPS splits, DATEADDED, SOURCEURL, Publisher, clean cells.

Every file is loaded back the way analysts load the published data: pandas with GDELT 2.0's 61
column names (no header, tab-separated, no quoting) and the ICEWS header.
"""
import csv
import os

import pandas as pd
import pytest

from tidings.read import iter_documents
from tidings.records import RawDocument
from tidings.store.db import EventStore
from tidings.store.export import (GDELT_COLUMNS, ICEWS_COLUMNS, clean_cells, dyads, export_events,
                                  fips_of, publisher)
from tidings.store.ingest import ingest
from tidings.store.testing import ScriptCoder


def gdelt(path):
    return pd.read_csv(path, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=str,
                       keep_default_na=False, quoting=csv.QUOTE_NONE)


def icews(path):
    df = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE)
    assert tuple(df.columns) == ICEWS_COLUMNS
    return df


def store_of(tmp_path, *lines, url="https://news.example/1"):
    s = EventStore(tmp_path / "x.duckdb")
    ingest(s, [RawDocument("d1", text="\n".join(lines), url=url, published="2023-10-10", source="d1.txt")],
           ScriptCoder())
    return s


def test_symmetric_and_multiparty_events_give_one_row_per_dyad(tmp_path):
    s = store_of(tmp_path,
                 "EVENT CONSULT actor=AZE:GOV+TJK:GOV date=2023-10-01",             # A and B met
                 "EVENT CONSULT actor=FRA:GOV+DEU:GOV+ITA:GOV date=2023-10-02",     # three leaders met
                 "EVENT ACCUSE actor=RUS:GOV recipient=UKR:GOV+POL:GOV date=2023-10-03",
                 "EVENT PROTEST actor=VEN:CVL date=2023-10-04")
    export_events(s, "gdelt", tmp_path / "g.tsv")
    export_events(s, "icews", tmp_path / "i.tsv")
    g = gdelt(tmp_path / "g.tsv")
    pairs = list(zip(g["SQLDATE"], g["Actor1Code"], g["Actor2Code"]))
    assert pairs == [
        ("20231001", "AZEGOV", "TJKGOV"),
        ("20231002", "FRAGOV", "DEUGOV"), ("20231002", "FRAGOV", "ITAGOV"), ("20231002", "DEUGOV", "ITAGOV"),
        ("20231003", "RUSGOV", "UKRGOV"), ("20231003", "RUSGOV", "POLGOV"),
        ("20231004", "VENCVL", ""),
    ]
    assert g["GLOBALEVENTID"].is_unique and g.shape == (7, 61)
    i = icews(tmp_path / "i.tsv")
    assert list(zip(i["Source Country"], i["Target Country"]))[:2] == [("Azerbaijan", "Tajikistan"), ("France", "Germany")]
    assert list(i["Event ID"]) == list(g["GLOBALEVENTID"])
    s.close()


def test_dyads_rule():
    a, b, c = {"code": "A"}, {"code": "B"}, {"code": "C"}
    assert dyads({"actors": [a], "recipients": []}) == [(a, None)]
    assert dyads({"actors": [], "recipients": [b]}) == [(None, b)]
    assert dyads({"actors": [a, b, c]}) == [(a, b), (a, c), (b, c)]
    assert dyads({"actors": [a, b], "recipients": [c]}) == [(a, c), (b, c)]


def test_gaza_and_west_bank_fips_codes(tmp_path):
    s = store_of(tmp_path,
                 "EVENT ASSAULT actor=ISR:MIL recipient=PSE:REB date=2023-10-09 place=281124:Khan_Yunis:PSE "
                 "admin1=PS-KYS lat=31.34 lon=34.31",
                 "EVENT ASSAULT actor=ISR:MIL recipient=PSE:REB date=2023-10-10 place=293425:Jenin:PSE "
                 "admin1=PS-JEN lat=32.46 lon=35.30",
                 "EVENT COERCE actor=ISR:COP recipient=PSE:CVL date=2023-10-11 place=294640:Tel_Aviv:ISR "
                 "admin1=IL-TA")
    export_events(s, "gdelt", tmp_path / "g.tsv")
    g = gdelt(tmp_path / "g.tsv")
    assert list(g["ActionGeo_CountryCode"]) == ["GZ", "WE", "IS"]
    assert list(g["ActionGeo_ADM1Code"]) == ["GZ", "WE", "ISTA"]
    assert list(g["ActionGeo_FullName"])[:2] == ["Khan_Yunis, Gaza Strip", "Jenin, West Bank"]
    # the Palestinian recipient is at the Palestinian place; the Israeli actor only at the Israeli one
    assert list(g["Actor2Geo_CountryCode"]) == ["GZ", "WE", ""]
    assert list(g["Actor1Geo_CountryCode"]) == ["", "", "IS"]
    assert fips_of({"country": "PSE", "admin1": "PS.GZ"}) == "GZ" and fips_of({"country": "ESP"}) == "SP"
    s.close()


def test_sourceurl_publisher_and_dateadded(tmp_path):
    story = tmp_path / "wire" / "story.txt"
    story.parent.mkdir()
    story.write_text("EVENT AID actor=JPN:GOV recipient=TUR:GOV date=2023-02-08\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    with EventStore(db) as s:
        ingest(s, iter_documents([str(story)], published="2023-02-09"), ScriptCoder())
        export_events(s, "gdelt", tmp_path / "g.tsv")
        export_events(s, "icews", tmp_path / "i.tsv")
        added = s.con.execute("SELECT ingested_at FROM articles").fetchone()[0]
    g = gdelt(tmp_path / "g.tsv").iloc[0]
    assert g["SOURCEURL"] == os.path.realpath(story)  # no URL: the file the event came from
    assert g["DATEADDED"] == added.strftime("%Y%m%d%H%M%S")  # when it entered the store
    assert icews(tmp_path / "i.tsv").iloc[0]["Publisher"] == ""  # never a file path
    rec = {"article": {"source": "/data/x.txt"}, "mentions": [{"url": None}]}
    assert publisher(rec, "AFP") == "AFP"
    rec["mentions"] = [{"url": "https://www.agenzia.example/it/1"}]
    assert publisher(rec, "AFP") == "agenzia.example"


def test_tsv_cells_have_no_tabs_breaks_or_escapes(tmp_path):
    url = 'https://odd.example/a"b\\c\td\ne\u2028f'
    s = store_of(tmp_path, "EVENT SUPPORT actor=BRA:GOV recipient=ARG:GOV date=2023-05-05", url=url)
    export_events(s, "gdelt", tmp_path / "g.tsv")
    export_events(s, "icews", tmp_path / "i.tsv")
    raw = (tmp_path / "g.tsv").read_text(encoding="utf-8")
    assert raw.count("\n") == 1 and raw.count("\t") == 60
    g = gdelt(tmp_path / "g.tsv")
    assert g.iloc[0]["SOURCEURL"] == 'https://odd.example/a"b\\c d e f'
    assert icews(tmp_path / "i.tsv").iloc[0]["Publisher"] == "odd.example"
    assert clean_cells([None, "a\r\nb", 3, "x\x1cy"]) == ["", "a b", "3", "x y"]
    s.close()
