"""Scoring coded events against hand-coded gold events (the rule of the corpus's SCORING.md).

Gold lines: ``{"id", "plover", "plover_alt"?, "optional"?, "symmetric"?, "target_optional"?,
"source": {"country"}, "target": {"country"} | null, "date"}`` or ``{"id", "none": true}``.
Predictions are event records (``doc_id``, ``event_type``, ``actors``, ``recipients``, ``date``).

Levels: ``type`` (type only), ``dyad`` (type + countries, direction ignored), ``directed`` (type +
countries in the gold direction; CONSULT and symmetric gold lines either way) and ``full`` (dyad +
date: null gold date matches anything, day precision within one day, month/year by prefix).
A null gold country matches anything and a list matches any member.  Each gold event matches at
most one prediction and each prediction at most one gold event; the pairing is a maximum matching
that pairs the most required gold events, then the most optional ones (so the order of lines does
not matter).  Predictions paired with an optional gold event count neither way; every other
prediction is a false positive.  Micro precision, recall and F1.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path
from typing import Iterable

LEVELS = ("type", "dyad", "directed", "full")


def _gold_countries(side) -> set[str] | None:
    if side is None:
        return None
    c = side.get("country") if isinstance(side, dict) else side
    if c is None:
        return None
    return set(c) if isinstance(c, list) else {c}


def _pred_countries(parties) -> set[str]:
    out: set[str] = set()
    for p in parties or []:
        c = p.get("country") if isinstance(p, dict) else p
        if isinstance(c, list):
            out |= set(c)
        elif c:
            out.add(c)
    return out


def date_matches(gold: str | None, pred: str | None) -> bool:
    """Gold date vs predicted date: None gold matches all; days within one; month/year by prefix."""
    if not gold:
        return True
    if not pred:
        return False
    if len(gold) == 10 and len(pred) >= 10:
        try:
            return abs((dt.date.fromisoformat(gold) - dt.date.fromisoformat(pred[:10])).days) <= 1
        except ValueError:
            return False
    return pred.startswith(gold) or (gold.startswith(pred) and len(pred) >= len(gold))


def matches(gold: dict, pred: dict, level: str) -> bool:
    """Whether prediction ``pred`` fits gold event ``gold`` at ``level`` (one of LEVELS)."""
    if pred.get("event_type") not in {gold["plover"], *(gold.get("plover_alt") or [])}:
        return False
    if level == "type":
        return True
    gs, gt = _gold_countries(gold.get("source")), _gold_countries(gold.get("target"))
    ps, pt = _pred_countries(pred.get("actors")), _pred_countries(pred.get("recipients"))
    if gold.get("target_optional") and not pt:
        gt = None

    def fits(g, p):
        return g is None or bool(g & p)

    forward = fits(gs, ps) and fits(gt, pt)
    symmetric = gold["plover"] == "CONSULT" or bool(gold.get("symmetric"))
    if level == "directed" and not symmetric:
        return forward
    every = ps | pt
    either = forward or (fits(gs, pt) and fits(gt, ps)) or (fits(gs, every) and fits(gt, every))
    if level in ("dyad", "directed"):
        return either
    return either and date_matches(gold.get("date"), pred.get("date"))


def pair(lines: list[dict], plist: list[dict], level: str) -> dict[int, int]:
    """A maximum matching of gold ``lines`` to predictions ``plist`` at ``level``: ``{gold index:
    prediction index}``.  Required gold events are matched first, then optional ones, each by an
    augmenting path (Kuhn's algorithm); an augmenting path never unmatches a matched gold event, so
    the result pairs the most required gold events and, among such pairings, the most optional ones
    (the matched sets form a matroid, where this greedy order is optimal)."""
    fits = [[i for i, p in enumerate(plist) if matches(g, p, level)] for g in lines]
    owner: dict[int, int] = {}  # prediction index -> gold index

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in fits[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    order = [i for i, g in enumerate(lines) if not g.get("optional")] + \
            [i for i, g in enumerate(lines) if g.get("optional")]
    for gi in order:
        augment(gi, set())
    return {gi: pi for pi, gi in owner.items()}


def _events(gold: dict[str, list[dict]], doc: str) -> list[dict]:
    return [g for g in gold.get(doc, []) if not g.get("none")]


def score(gold: dict[str, list[dict]], preds: dict[str, list[dict]], level: str) -> dict:
    """Micro P/R/F1 at ``level`` over documents (pairing by :func:`pair`); returns tp, fp, fn,
    ``opt`` (predictions paired with an optional gold event: neither true nor false positives, so
    tp + fp + opt = the predictions scored), P, R, F1."""
    tp = fp = fn = opt = 0
    for doc in set(gold) | set(preds):
        lines = _events(gold, doc)
        plist = preds.get(doc, [])
        pairs = pair(lines, plist, level)
        hits = sum(1 for gi in pairs if not lines[gi].get("optional"))
        tp += hits
        fn += sum(1 for g in lines if not g.get("optional")) - hits
        fp += len(plist) - len(pairs)
        opt += len(pairs) - hits
    P = tp / (tp + fp) if tp + fp else 0.0
    R = tp / (tp + fn) if tp + fn else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "opt": opt, "P": round(P, 3), "R": round(R, 3), "F1": round(F, 3)}


def date_and_place_accuracy(gold: dict[str, list[dict]], preds: dict[str, list[dict]]) -> dict:
    """Among dyad-matched events (pairing by :func:`pair`): share with the right date (within a
    day, gold day precision only) and with the right place country (gold with a place country)."""
    dated = dated_ok = placed = placed_ok = 0
    for doc in gold:
        lines = _events(gold, doc)
        plist = preds.get(doc, [])
        for gi, pi in pair(lines, plist, "dyad").items():
            g, p = lines[gi], plist[pi]
            if g.get("date") and len(g["date"]) == 10:
                dated += 1
                dated_ok += date_matches(g["date"], p.get("date"))
            gc = (g.get("location") or {}).get("country")
            if gc:
                placed += 1
                placed_ok += ((p.get("location") or {}).get("country") == gc)
    return {"date_n": dated, "date_acc": round(dated_ok / dated, 3) if dated else None,
            "place_n": placed, "place_acc": round(placed_ok / placed, 3) if placed else None}


class GoldError(ValueError):
    """A gold or index file that cannot be scored; the message is ``file:line: problem``."""


def load_jsonl(path: str | Path) -> list[dict]:
    """Records of a JSON Lines file (blank lines skipped).  Raises GoldError ``file:line: problem``
    for a line that is not JSON or a file that is not UTF-8."""
    out = []
    try:
        with open(path, encoding="utf-8") as fh:
            for no, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        out.append(json.loads(line))
                    except (json.JSONDecodeError, RecursionError) as exc:
                        raise GoldError(f"{path}:{no}: not valid JSON ({exc})") from None
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    return out


def check_index(lines: list, where: str) -> list[dict]:
    """Index lines as dicts with a string ``id``; raises GoldError naming the first bad line."""
    for no, rec in enumerate(lines, 1):
        if not isinstance(rec, dict) or not isinstance(rec.get("id"), (str, int)):
            raise GoldError(f"{where}: record {no}: expected an object with an 'id'")
        rec["id"] = str(rec["id"])
        for k in ("lang", "url", "published"):
            if rec.get(k) is not None and not isinstance(rec[k], str):
                raise GoldError(f"{where}: record {no}: {k!r} must be a string")
    return lines


def check_gold(lines: list, where: str) -> list[dict]:
    """Gold lines checked for the fields the scoring reads; raises GoldError naming the first bad one."""
    for no, g in enumerate(lines, 1):
        if not isinstance(g, dict) or "id" not in g:
            raise GoldError(f"{where}: record {no}: expected an object with an 'id'")
        if g.get("none"):
            continue
        if not isinstance(g.get("plover"), str):
            raise GoldError(f"{where}: record {no}: no 'plover' event type")
        if g.get("date") is not None and not isinstance(g["date"], str):
            raise GoldError(f"{where}: record {no}: 'date' must be a string like 2024-03-14")
        for side in ("source", "target"):
            if g.get(side) is not None and not isinstance(g[side], dict):
                raise GoldError(f"{where}: record {no}: {side!r} must be an object or null")
    return lines


def group_gold(lines: Iterable[dict]) -> dict[str, list[dict]]:
    g: dict[str, list[dict]] = defaultdict(list)
    for line in lines:
        g[line["id"]].append(line)
    return g


def evaluate(gold_lines: list[dict], predictions: list[dict], index: list[dict] | None = None) -> dict:
    """Scores per level, overall and per language (``index`` gives each document's ``lang``)."""
    gold = group_gold(gold_lines)
    preds: dict[str, list[dict]] = defaultdict(list)
    for p in predictions:
        if p.get("doc_id") in gold:
            preds[p["doc_id"]].append(p)
    out = {lvl: score(gold, preds, lvl) for lvl in LEVELS}
    out["scored"] = sum(len(v) for v in preds.values())  # predictions in documents that have gold
    out["accuracy"] = date_and_place_accuracy(gold, preds)
    if index:
        langs: dict[str, set[str]] = defaultdict(set)
        lang_of = {r["id"]: r.get("lang", "?") for r in index}
        for d in gold:
            langs[lang_of.get(d, "?")].add(d)
        out["by_lang"] = {
            lang: {lvl: score({d: gold[d] for d in ds}, {d: preds.get(d, []) for d in ds}, lvl) for lvl in LEVELS}
            for lang, ds in sorted(langs.items())
        }
    return out


def format_report(result: dict, title: str = "") -> str:
    """A plain-text table of an ``evaluate`` result."""
    lines = []
    if title:
        lines.append(title)
    if "scored" in result:
        lines.append(f"{result['scored']} predicted events scored (tp + fp + opt on every level; "
                     f"opt: paired with an optional gold event)")
    lines.append(f"{'level':<9} {'P':>6} {'R':>6} {'F1':>6}   tp   fp   fn  opt")
    for lvl in LEVELS:
        m = result[lvl]
        lines.append(f"{lvl:<9} {m['P']:>6.3f} {m['R']:>6.3f} {m['F1']:>6.3f} {m['tp']:>4} {m['fp']:>4} {m['fn']:>4} "
                     f"{m.get('opt', 0):>4}")
    acc = result.get("accuracy")
    if acc:
        lines.append(f"date right (within a day) among matched dated events: {acc['date_acc']} of {acc['date_n']}; "
                     f"place country right: {acc['place_acc']} of {acc['place_n']}")
    if result.get("by_lang"):
        lines.append("")
        lines.append(f"{'lang':<6} {'type F1':>8} {'dyad F1':>8} {'directed':>9} {'full F1':>8}")
        for lang, m in result["by_lang"].items():
            lines.append(f"{lang:<6} {m['type']['F1']:>8.3f} {m['dyad']['F1']:>8.3f} {m['directed']['F1']:>9.3f} {m['full']['F1']:>8.3f}")
    return "\n".join(lines)
