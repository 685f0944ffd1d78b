"""Scoring (the corpus's SCORING.md rule): pairing by maximum matching, levels, optional gold."""
from tidings.evaluate import evaluate, pair, score


def _pred(doc, typ, actors, recipients=(), date=None):
    return {"doc_id": doc, "event_type": typ, "date": date,
            "actors": [{"country": c} for c in actors], "recipients": [{"country": c} for c in recipients]}


def test_pairing_does_not_depend_on_line_order():
    # gold 0 fits both predictions, gold 1 fits only the first: greedy file order would pair
    # gold 0 with prediction 0 and leave gold 1 unmatched; a maximum matching pairs both.
    gold = [{"id": "A", "plover": "ASSAULT", "source": {"country": None}, "target": None},
            {"id": "A", "plover": "ASSAULT", "source": {"country": "RUS"}, "target": {"country": "UKR"}}]
    preds = [_pred("A", "ASSAULT", ["RUS"], ["UKR"]), _pred("A", "ASSAULT", ["ISR"], ["LBN"])]
    assert pair(gold, preds, "dyad") == {0: 1, 1: 0}
    r = score({"A": gold}, {"A": preds}, "dyad")
    assert (r["tp"], r["fp"], r["fn"]) == (2, 0, 0)
    r = score({"A": gold[::-1]}, {"A": preds[::-1]}, "dyad")
    assert (r["tp"], r["fp"], r["fn"]) == (2, 0, 0)


def test_required_gold_is_matched_before_optional():
    gold = [{"id": "B", "plover": "CONSULT", "optional": True, "source": {"country": "FRA"}, "target": None},
            {"id": "B", "plover": "CONSULT", "source": {"country": "FRA"}, "target": {"country": "DEU"}}]
    preds = [_pred("B", "CONSULT", ["FRA", "DEU"])]
    assert pair(gold, preds, "dyad") == {1: 0}
    # with a second prediction the optional line takes it: neither right nor wrong
    preds.append(_pred("B", "CONSULT", ["FRA"]))
    r = score({"B": gold}, {"B": preds}, "dyad")
    assert (r["tp"], r["fp"], r["fn"]) == (1, 0, 0)


def test_levels_and_none_articles():
    gold = [{"id": "C", "plover": "ACCUSE", "source": {"country": "CHN"}, "target": {"country": "USA"},
             "date": "2024-03-02"},
            {"id": "D", "none": True}]
    preds = [_pred("C", "ACCUSE", ["USA"], ["CHN"], "2024-03-03"), _pred("D", "PROTEST", ["FRA"])]
    r = evaluate(gold, preds)
    assert r["type"]["tp"] == 1 and r["type"]["fp"] == 1
    assert r["dyad"]["tp"] == 1 and r["full"]["tp"] == 1  # a day apart counts at full
    assert r["directed"]["tp"] == 0 and r["directed"]["fn"] == 1  # reversed direction
