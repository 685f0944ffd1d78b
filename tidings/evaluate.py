"""Scoring coded events against hand-coded gold events (the rule of the corpus's SCORING.md).

Gold lines: ``{"id", "plover", "plover_alt"?, "optional"?, "symmetric"?, "target_optional"?,
"source": {"country"}, "target": {"country"} | null, "date"}`` or ``{"id", "none": true}``.
Predictions are event records (``doc_id``, ``event_type``, ``actors``, ``recipients``, ``date``).

Levels: ``type`` (type only), ``dyad`` (type + countries, direction ignored), ``directed`` (type +
countries in the gold direction; CONSULT and symmetric gold lines either way) and ``full`` (dyad +
date: null gold date matches anything, day precision within one day, month/year by prefix).
A null gold country matches anything and a list matches any member.  Each gold event matches at
most one prediction, greedily in file order; predictions matching an optional gold event count
neither way; every other prediction is a false positive.  Micro precision, recall and F1.
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


def score(gold: dict[str, list[dict]], preds: dict[str, list[dict]], level: str) -> dict:
    """Micro P/R/F1 at ``level`` over documents; returns tp, fp, fn, P, R, F1."""
    tp = fp = fn = 0
    for doc in set(gold) | set(preds):
        lines = [g for g in gold.get(doc, []) if not g.get("none")]
        required = [g for g in lines if not g.get("optional")]
        optional = [g for g in lines if g.get("optional")]
        plist = preds.get(doc, [])
        used: set[int] = set()
        hits = 0
        for group, counts in ((required, True), (optional, False)):
            for g in group:
                for i, p in enumerate(plist):
                    if i not in used and matches(g, p, level):
                        used.add(i)
                        hits += counts
                        break
        tp += hits
        fn += len(required) - hits
        fp += len(plist) - len(used)
    P = tp / (tp + fp) if tp + fp else 0.0
    R = tp / (tp + fn) if tp + fn else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "P": round(P, 3), "R": round(R, 3), "F1": round(F, 3)}


def date_and_place_accuracy(gold: dict[str, list[dict]], preds: dict[str, list[dict]]) -> dict:
    """Among dyad-matched events: share with the right date (within a day) and place country."""
    dated = dated_ok = placed = placed_ok = 0
    for doc, lines in gold.items():
        plist = preds.get(doc, [])
        used: set[int] = set()
        for g in lines:
            if g.get("none"):
                continue
            for i, p in enumerate(plist):
                if i not in used and matches(g, p, "dyad"):
                    used.add(i)
                    if g.get("date") and len(g["date"]) == 10:
                        dated += 1
                        dated_ok += date_matches(g["date"], p.get("date"))
                    gc = (g.get("location") or {}).get("country")
                    if gc:
                        placed += 1
                        placed_ok += ((p.get("location") or {}).get("country") == gc)
                    break
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
    lines.append(f"{'level':<9} {'P':>6} {'R':>6} {'F1':>6}   tp   fp   fn")
    for lvl in LEVELS:
        m = result[lvl]
        lines.append(f"{lvl:<9} {m['P']:>6.3f} {m['R']:>6.3f} {m['F1']:>6.3f} {m['tp']:>4} {m['fp']:>4} {m['fn']:>4}")
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
