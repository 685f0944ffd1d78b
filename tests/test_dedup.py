"""Deduplication rules (tidings.dedup) on made-up articles written for these tests."""
import random

import pytest

from tidings.dedup import RULES, dedup_events, dedup_within, group_key, lacks_recipient_of, place_key
from tidings.records import RawDocument
from tidings.store.testing import ScriptCoder

CODER = ScriptCoder()


def code(doc_id, url, published, *lines):
    raw = RawDocument(doc_id=doc_id, text="\n".join(lines), url=url, published=published, source=doc_id)
    return CODER.code_document(raw)[1]


# One abduction in Kuriga (geonameid 9999001 is made up) on 2024-03-07, reported four ways:
# twice in an English article, once in a French one (with a place), once in a Spanish one
# that knows no place.
ONE_EVENT = (
    code("en1", "https://www.wire-one.example/a", "2024-03-08",
         "Headline line.",
         "EVENT ASSAULT actor=NGA:UAF recipient=NGA:EDU date=2024-03-07 place=9999001:Kuriga:NGA conf=0.6",
         "EVENT ASSAULT actor=NGA:UAF recipient=NGA:EDU date=2024-03-07 conf=0.4")
    + code("fr1", "https://journal-deux.example/b", "2024-03-09",
           "EVENT ASSAULT actor=NGA:UAF recipient=NGA:EDU+NGA:CVL date=2024-03-07 place=9999001:Kuriga:NGA conf=0.9")
    + code("es1", "https://diario-tres.example/c", "2024-03-12",
           "EVENT ASSAULT actor=NGA:UAF recipient=NGA:CVL date=2024-03-07 conf=0.5")
)


def test_day_rule_merges_one_event_reported_four_ways():
    clusters = dedup_events(ONE_EVENT, rule="day")
    assert len(clusters) == 1
    c = clusters[0].to_dict()
    assert (c["num_mentions"], c["num_articles"], c["num_sources"]) == (4, 3, 3)
    # representative = highest confidence (the French mention), place known from it
    assert c["doc_id"] == "fr1" and c["confidence"] == 0.9
    assert c["location"]["name"] == "Kuriga" and c["location"]["geonameid"] == 9999001
    assert sorted(m["doc_id"] for m in c["mentions"]) == ["en1", "en1", "es1", "fr1"]
    assert {m["source"] for m in c["mentions"]} == {"wire-one.example", "journal-deux.example", "diario-tres.example"}
    assert c["dedup_rule"] == "day"


def test_article_rule_merges_only_within_a_document():
    clusters = dedup_events(ONE_EVENT, rule="article")
    assert len(clusters) == 3
    by_doc = {c.representative["doc_id"]: c for c in clusters}
    assert by_doc["en1"].num_mentions == 2 and by_doc["en1"].num_articles == 1
    assert by_doc["fr1"].num_mentions == 1 and by_doc["es1"].num_mentions == 1


def test_off_rule_keeps_every_mention_with_its_event_id():
    clusters = dedup_events(ONE_EVENT, rule="off")
    assert len(clusters) == 4
    assert sorted(c.id for c in clusters) == sorted(e.id for e in ONE_EVENT)


def test_result_does_not_depend_on_input_order():
    dicts = [e.to_dict() for e in ONE_EVENT]
    ref = [(c.id, c.num_mentions) for c in dedup_events(dicts, rule="day")]
    for seed in range(5):
        shuffled = dicts[:]
        random.Random(seed).shuffle(shuffled)
        assert [(c.id, c.num_mentions) for c in dedup_events(shuffled, rule="day")] == ref


def test_similar_but_distinct_events_stay_apart():
    evs = (
        # a rescue in Kuriga the same day: another type
        code("en2", "https://a.example/1", "2024-03-08",
             "EVENT AID actor=NGA:MIL recipient=NGA:EDU date=2024-03-07 place=9999001:Kuriga:NGA")
        # the same kind of attack on the same day in another town (known places differ)
        + code("en3", "https://b.example/2", "2024-03-08",
               "EVENT ASSAULT actor=NGA:UAF recipient=NGA:EDU date=2024-03-07 place=9999002:Gidan Bakuso:NGA")
        # the same attack type in Kuriga a day later
        + code("en4", "https://c.example/3", "2024-03-09",
               "EVENT ASSAULT actor=NGA:UAF recipient=NGA:EDU date=2024-03-08 place=9999001:Kuriga:NGA")
        # a different recipient country set
        + code("en5", "https://d.example/4", "2024-03-09",
               "EVENT ASSAULT actor=NGA:UAF recipient=NER:EDU date=2024-03-07 place=9999001:Kuriga:NGA")
    )
    clusters = dedup_events(list(ONE_EVENT) + list(evs), rule="day")
    assert len(clusters) == 5
    sizes = sorted(c.num_mentions for c in clusters)
    assert sizes == [1, 1, 1, 1, 4]


def test_unknown_place_joins_the_largest_place_cluster():
    evs = code("x", "https://x.example/1", "2024-01-02",
               "EVENT PROTEST actor=FRA:CVL date=2024-01-01 place=1:Lyon:FRA",
               "EVENT PROTEST actor=FRA:CVL date=2024-01-01 place=2:Paris:FRA",
               "EVENT PROTEST actor=FRA:CVL date=2024-01-01 place=2:Paris:FRA conf=0.7",
               "EVENT PROTEST actor=FRA:CVL date=2024-01-01")
    clusters = dedup_events(evs, rule="article")
    assert sorted(c.num_mentions for c in clusters) == [1, 3]
    big = max(clusters, key=lambda c: c.num_mentions)
    assert big.place == "g:2" and big.to_dict()["location"]["name"] == "Paris"


def test_keys_and_errors():
    rec = ONE_EVENT[0].to_dict()
    assert group_key(rec, "day") == "day|ASSAULT|NGA|NGA|2024-03-07"
    assert group_key(rec, "article") == "article|en1|ASSAULT|NGA|NGA|2024-03-07"
    assert place_key(rec) == "g:9999001"
    assert RULES == ("article", "day", "off")
    with pytest.raises(ValueError, match="unknown dedup rule 'week'"):
        dedup_events(ONE_EVENT, rule="week")
    with pytest.raises(TypeError, match="expected an Event"):
        dedup_events([42])


# -- the levels within one document (what the coder applies before the store) --------------------
def _m(sentence, etype, actors, recipients=(), *, start=0, modality="asserted", date=None, city=None):
    """A mention dict: parties as (country, sector) pairs; ``city`` a made-up GeoNames id."""
    party = [{"country": c, "sector": s} for c, s in actors]
    rec = [{"country": c, "sector": s} for c, s in recipients]
    return {"sentence_index": sentence, "event_type": etype, "actors": party, "recipients": rec,
            "trigger": {"start": start}, "modality": modality, "date": date,
            "date_source": "explicit" if date else None, "date_precision": "day" if date else None,
            "location": {"precision": "city", "geonameid": city} if city else None}


def test_sentence_level_keeps_one_mention_per_type_and_set_of_parties():
    claimed = _m(0, "ASSAULT", [("RUS", "MIL")], [("UKR", None)], start=3, modality="claimed")
    asserted = _m(0, "ASSAULT", [("RUS", "MIL")], [("UKR", None)], start=30)
    sanction = _m(0, "SANCTION", [("RUS", "GOV")], [("UKR", None)], start=60)  # another act: kept
    other_pair = _m(0, "CONSULT", [("FRA", "GOV")], [("DEU", "GOV")], start=80)
    kept = dedup_within([claimed, asserted, sanction, other_pair], ["sentence"])
    assert kept == [asserted, sanction, other_pair]  # the asserted act wins over the claimed one


def test_article_level_merges_a_day_apart_and_keeps_other_cities_apart():
    first = _m(0, "COERCE", [("GEO", "COP")], [("GEO", "CVL")], date="2024-03-04", city=611717)
    next_day = _m(3, "COERCE", [("GEO", "COP")], [], date="2024-03-05", city=611717)
    other_city = _m(5, "COERCE", [("GEO", "COP")], [("GEO", "CVL")], date="2024-03-04", city=615532)
    week_later = _m(7, "COERCE", [("GEO", "COP")], [("GEO", "CVL")], date="2024-03-11")
    assert dedup_within([first, next_day, other_city, week_later], ["article"]) == [first, other_city, week_later]


def test_article_level_kept_mention_takes_a_missing_recipient():
    lead = _m(0, "SANCTION", [("USA", "GOV")])
    later = _m(4, "SANCTION", [("USA", "GOV")], [("IRN", "GOV")])
    headline = _m(-1, "SANCTION", [("USA", "GOV")], [("IRN", None)])
    take = lambda k, x: dict(k, recipients=x["recipients"]) if lacks_recipient_of(k, x) else k  # noqa: E731
    kept, = dedup_within([lead, later], merge=take)  # the mention naming both sides is kept
    assert [r["country"] for r in kept["recipients"]] == ["IRN"] and kept["sentence_index"] == 4
    kept, = dedup_within([lead, headline], merge=take)  # never from the headline
    assert kept["recipients"] == [] and kept["sentence_index"] == 0
    with_recipient = _m(0, "SANCTION", [("USA", "GOV")], [("IRN", "GOV")])
    kept, = dedup_within([with_recipient, _m(6, "SANCTION", [("USA", "GOV")], [("IRN", "GOV")], start=9)], merge=take)
    assert kept is with_recipient  # equally complete: the first mention stays
    with pytest.raises(ValueError, match="unknown dedup level 'day'"):
        dedup_within([lead], ["day"])
