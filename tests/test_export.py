"""Exports read back with pandas / DuckDB, and the stats aggregates, on hand-made events."""
import json

import duckdb
import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from tidings.records import RawDocument
from tidings.store.db import EventStore
from tidings.store.export import (GDELT_COLUMNS, ICEWS_COLUMNS, ExportError, ExportFilter, export_events,
                                  fips_codes, gdelt_event_id)
from tidings.store.ingest import ingest
from tidings.store.stats import StatsError, compute_stats
from tidings.store.testing import ScriptCoder

BAKU = ("EVENT CONSULT actor=AZE:GOV recipient=TJK:GOV date=2022-06-10 place=587084:Baku:AZE "
        "lat=40.37767 lon=49.89201 admin1=09 conf=0.8 contexts=diplomatic mode=visit")


def doc(doc_id, url, published, *lines):
    return RawDocument(doc_id=doc_id, text="\n".join(lines), url=url, published=published,
                       source=f"{doc_id}.txt", lang="es")


@pytest.fixture()
def store(tmp_path):
    docs = [
        # the Baku consultations, reported by two outlets -> one event, 3 mentions, 2 articles
        doc("azertac1", "https://azertag.example/es/1", "2022-06-10", "Titular", BAKU, BAKU.replace("conf=0.8", "conf=0.3")),
        doc("other1", "https://www.other.example/2", "2022-06-11", BAKU.replace("conf=0.8", "conf=0.6")),
        # a negated threat in Moscow, one mention
        doc("ru1", "https://ru.example/3", "2022-07-02",
            "EVENT THREATEN actor=RUS:MIL recipient=UKR:GOV date=2022-07-01 modality=negated "
            "place=524901:Moscow:RUS lat=55.75222 lon=37.61556"),
        # a protest in Caracas with no recipient
        doc("ve1", "https://ve.example/4", "2022-07-15", "EVENT PROTEST actor=VEN:CVL date=2022-07-14"),
    ]
    s = EventStore(tmp_path / "e.duckdb", dedup="day")
    ingest(s, docs, ScriptCoder())
    yield s
    s.close()


def test_jsonl_export_has_the_record_and_counts(store, tmp_path):
    out = tmp_path / "e.jsonl"
    assert export_events(store, "jsonl", out) == 3
    df = pd.read_json(out, lines=True)
    assert list(df["event_type"]) == ["CONSULT", "THREATEN", "PROTEST"]
    baku = df.iloc[0]
    assert (baku["num_mentions"], baku["num_articles"], baku["num_sources"]) == (3, 2, 2)
    assert baku["doc_id"] == "azertac1" and baku["confidence"] == 0.8
    assert baku["location"]["geonameid"] == 587084
    assert len(baku["mentions"]) == 3 and baku["dedup_rule"] == "day"


def test_csv_and_parquet_read_back(store, tmp_path):
    export_events(store, "csv", tmp_path / "e.csv")
    df = pd.read_csv(tmp_path / "e.csv")
    row = df[df.event_type == "CONSULT"].iloc[0]
    assert row["actor_codes"] == "AZEGOV" and row["recipient_countries"] == "TJK"
    assert row["location_lat"] == pytest.approx(40.37767) and row["num_mentions"] == 3
    assert row["contexts"] == "diplomatic" and row["mode"] == "visit"
    export_events(store, "parquet", tmp_path / "e.parquet")
    pq = duckdb.sql(f"SELECT * FROM read_parquet('{tmp_path / 'e.parquet'}') ORDER BY date").df()
    assert len(pq) == 3
    assert list(pq.iloc[0]["actor_countries"]) == ["AZE"]
    assert pq.iloc[1]["event_type"] == "THREATEN" and pq.iloc[1]["modality"] == "negated"
    assert pq.iloc[1]["goldstein"] == -4.4 and pq.iloc[1]["quad_class"] == 3
    with pytest.raises(ExportError, match="needs --out"):
        export_events(store, "parquet", None)


def test_plover_export(store, tmp_path):
    export_events(store, "plover", tmp_path / "p.jsonl")
    recs = [json.loads(l) for l in (tmp_path / "p.jsonl").read_text().splitlines()]
    baku, threat, protest = recs
    assert baku["event"] == ["CONSULT"] and baku["mode"] == ["visit"] and baku["context"] == ["diplomatic"]
    assert baku["actor"] == [{"code": "AZE", "sector": "GOV", "entity_text": "AZE:GOV", "identifier_text": "AZE:GOV"}]
    assert baku["recipient"][0]["code"] == "TJK" and baku["quad_code"] == 1 and baku["date"] == "2022-06-10"
    assert baku["event_loc"]["country_code"] == "AZE" and baku["event_loc"]["geonameid"] == 587084
    assert baku["event_loc"]["resolution"] == 4 and baku["event_loc"]["country"] == "Azerbaijan"
    assert baku["cite_info"]["language"] == "es" and baku["cite_info"]["url"] == "https://azertag.example/es/1"
    assert baku["text_info"]["sequence"] == 1
    assert threat["mode"] == ["negation"] and threat["event_scale"] == -4.4
    assert protest["recipient"] == [] and protest["event_loc"] is None


def test_gdelt_export_61_columns(store, tmp_path):
    export_events(store, "gdelt", tmp_path / "g.tsv")
    df = pd.read_csv(tmp_path / "g.tsv", sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=str,
                     keep_default_na=False)
    assert df.shape == (3, 61)
    b = df.iloc[0]
    assert b["SQLDATE"] == "20220610" and b["MonthYear"] == "202206" and b["Year"] == "2022"
    assert b["FractionDate"] == f"{2022 + (5 * 30 + 10) / 365:.4f}" == "2022.4384"
    assert (b["Actor1Code"], b["Actor1CountryCode"], b["Actor1Type1Code"]) == ("AZEGOV", "AZE", "GOV")
    assert (b["Actor2Code"], b["Actor2CountryCode"]) == ("TJKGOV", "TJK")
    assert (b["EventCode"], b["EventBaseCode"], b["EventRootCode"], b["QuadClass"], b["GoldsteinScale"]) == \
        ("040", "040", "04", "1", "1")
    assert (b["NumMentions"], b["NumSources"], b["NumArticles"]) == ("3", "2", "2")
    assert b["IsRootEvent"] == "0"  # the title line is sentence 0; the event is in sentence 1
    # geo: FIPS 10-4, not ISO (Azerbaijan = AJ), world city = type 4
    assert (b["ActionGeo_Type"], b["ActionGeo_CountryCode"], b["ActionGeo_ADM1Code"]) == ("4", "AJ", "AJ09")
    assert b["ActionGeo_FullName"] == "Baku, Azerbaijan" and b["ActionGeo_FeatureID"] == "587084"
    assert (b["ActionGeo_Lat"], b["ActionGeo_Long"]) == ("40.3777", "49.8920")
    # the Azerbaijani actor is known to be at the Baku place; the Tajik one is not
    assert (b["Actor1Geo_Type"], b["Actor1Geo_FeatureID"], b["Actor2Geo_Type"]) == ("4", "587084", "0")
    assert b["AvgTone"] == "" and b["ActionGeo_ADM2Code"] == ""
    added = store.con.execute("SELECT strftime(min(ingested_at), '%Y%m%d%H%M%S') FROM articles").fetchone()[0]
    assert b["DATEADDED"] == added and b["SOURCEURL"] == "https://azertag.example/es/1"
    assert int(b["GLOBALEVENTID"]) == gdelt_event_id(json.loads(
        store.con.execute("SELECT record FROM events WHERE event_type='CONSULT'").fetchone()[0])["id"])
    r = df.iloc[1]
    assert r["ActionGeo_CountryCode"] == "RS" and r["EventRootCode"] == "13" and r["QuadClass"] == "3"
    assert fips_codes()["DEU"] == "GM" and fips_codes()["ESP"] == "SP" and fips_codes()["GBR"] == "UK"


def test_icews_export_20_columns(store, tmp_path):
    export_events(store, "icews", tmp_path / "i.tab")
    df = pd.read_csv(tmp_path / "i.tab", sep="\t", dtype=str, keep_default_na=False)
    assert tuple(df.columns) == ICEWS_COLUMNS
    b = df.iloc[0]
    assert (b["Event Date"], b["Source Sectors"], b["Source Country"]) == ("2022-06-10", "Government", "Azerbaijan")
    assert (b["Target Country"], b["CAMEO Code"], b["Intensity"]) == ("Tajikistan", "040", "1")
    assert (b["Story ID"], b["Sentence Number"], b["Publisher"]) == ("azertac1", "2", "azertag.example")
    assert int(b["Event ID"]) == gdelt_event_id(json.loads(
        store.con.execute("SELECT record FROM events WHERE event_type='CONSULT'").fetchone()[0])["id"])
    assert (b["City"], b["Province"], b["Country"], b["Latitude"]) == ("Baku", "09", "Azerbaijan", "40.37767")
    assert df.iloc[1]["Source Sectors"] == "Military" and df.iloc[2]["Target Name"] == ""


def test_filters(store, tmp_path):
    def n(**kw):
        return export_events(store, "jsonl", tmp_path / "f.jsonl", ExportFilter(**kw))

    assert n(since="2022-07") == 2
    assert n(until="2022-06") == 1
    assert n(since="2022-07-01", until="2022-07-01") == 1
    assert n(countries=["ukr"]) == 1          # recipient country
    assert n(countries=["AZE,VEN"]) == 2
    assert n(types=["protest", "CONSULT"]) == 2
    assert n(types=["ASSAULT"]) == 0
    with pytest.raises(ExportError, match="--since '10/06/2022' is not an ISO date"):
        ExportFilter(since="10/06/2022")
    with pytest.raises(ExportError, match="--country 'Azerbaijan'"):
        ExportFilter(countries=["Azerbaijan"])
    with pytest.raises(ExportError, match="--type 'meet' is not a PLOVER event type"):
        ExportFilter(types=["meet"])


def test_stats(store):
    df = compute_stats(store, by="type", freq="month")
    assert list(df["period"]) == ["2022-06", "2022-07", "2022-07"]
    assert list(df["key"]) == ["CONSULT", "PROTEST", "THREATEN"]
    assert list(df["mentions"]) == [3, 1, 1]
    jul = compute_stats(store, by="country", freq="month", flt=ExportFilter(since="2022-07"))
    assert list(jul["key"]) == ["RUS", "VEN"]
    assert list(jul["goldstein_sum"]) == [-4.4, -6.5]
    dyad = compute_stats(store, by="dyad", freq="week")
    assert list(dyad["key"]) == ["AZE->TJK", "RUS->UKR", "VEN->---"]
    assert list(dyad["period"]) == ["2022-06-06", "2022-06-27", "2022-07-11"]  # ISO weeks by Monday
    total = compute_stats(store, by="dyad", freq="month", flt=ExportFilter(since="2022-07"))
    assert list(total["quad3_share"]) == [1.0, 1.0]
    with pytest.raises(StatsError, match="unknown --by 'actor'"):
        compute_stats(store, by="actor")


def test_cli_export_and_stats(store, tmp_path):
    from tidings.store.commands import register

    app = typer.Typer()
    register(app)

    @app.callback()
    def main():
        pass

    db = str(store.path)
    store.close()
    run = CliRunner().invoke
    res = run(app, ["export", "--db", db, "--format", "gdelt", "--out", str(tmp_path / "g.tsv"), "--type", "CONSULT"])
    assert res.exit_code == 0, res.output
    assert len((tmp_path / "g.tsv").read_text().splitlines()) == 1
    res = run(app, ["export", "--db", db, "--format", "jsonl", "--country", "RUS"])
    assert res.exit_code == 0 and json.loads(res.output.splitlines()[0])["event_type"] == "THREATEN"
    res = run(app, ["export", "--db", db, "--format", "xml"])
    assert res.exit_code == 2 and "unknown export format 'xml'" in res.output
    res = run(app, ["export", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 2 and "no event store at" in res.output
    out = tmp_path / "s.csv"
    res = run(app, ["stats", "--db", db, "--by", "country", "--freq", "month", "--out", str(out)])
    assert res.exit_code == 0, res.output
    s = pd.read_csv(out)
    assert list(s["key"]) == ["AZE", "RUS", "VEN"] and list(s["events"]) == [1, 1, 1]
    res = run(app, ["stats", "--db", db, "--freq", "decade"])
    assert res.exit_code == 2 and "unknown --freq 'decade'" in res.output


def test_gdelt_adm1_has_the_country_once():
    from tidings.store.formats import _admin1_part

    # GeoNames "FR.11" and ISO 3166-2 "US-TX" forms both lose their own country prefix
    assert ("FR" + _admin1_part("FR.11"), "US" + _admin1_part("US-TX"), _admin1_part(None)) == ("FR11", "USTX", "")
