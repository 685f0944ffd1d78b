"""The event-date rule: :func:`resolve_event_date` picks an event's date from its sentence, the
dateline and the publication date."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from tidings.when.arith import _as_date, _period_start
from tidings.when.find import DateMention, find_dates
from tidings.when.grammar import _Pack, _lang_code, _norm, _pack

# Distance penalties (characters) for clause markers between a date mention and the trigger.
_PENALTY_BEFORE = 40   # marker between an earlier mention and the trigger: the trigger sits in another clause
_PENALTY_AFTER = 10    # marker between the trigger and a later mention
_PENALTY_HARD = 60     # ';' or a dash between them (both directions)
# A bare year ("in 2011") far from the trigger is background ("the office attacked in 2011"), not the
# event's date: with a known trigger it is used only within this (penalized) distance.
_YEAR_MAX_DISTANCE = 40


@dataclass
class ResolvedDate:
    """The date chosen for an event.

    ``date``/``precision`` as in :class:`DateMention`; ``source`` is ``explicit`` | ``relative`` |
    ``dateline`` | ``published``; ``mention`` is the date expression used (None for the dateline and
    publication fallbacks).  All fields are None when nothing at all is known.
    """

    date: str | None
    precision: str | None
    source: str | None
    mention: DateMention | None


_EXPLICIT_BONUS = 40  # characters of nearness an explicit date is worth over a relative one


def _distance(p: _Pack, norm: str, m: DateMention, t: int | None) -> int:
    if t is None:
        return m.start
    if m.start <= t < m.end:
        return 0
    if m.end <= t:
        gap, before = norm[m.end:t], True
        dist = t - m.end
    else:
        gap, before = norm[t:m.start], False
        dist = m.start - t
    for hit in p.clause_rx.finditer(gap):
        if hit.group(0).strip() in (";", "-", "–", "—"):
            dist += _PENALTY_HARD
        else:
            dist += _PENALTY_BEFORE if before else _PENALTY_AFTER
    return dist


def _in_later_clause(p: _Pack, norm: str, m: DateMention, t: int | None) -> bool:
    """Whether ``m`` follows the trigger at ``t`` across a causal clause marker (``clause`` rows
    of value ``cause``) ("expelled the envoys over
    the protest held on 23 January", "convocó a los embajadores a raíz de ... el pasado 23 de enero",
    "a annoncé une trêve après les combats de samedi"): such a date belongs to the later clause."""
    if t is None or m.start <= t or p.cause_rx is None:
        return False
    return p.cause_rx.search(norm[t:m.start]) is not None


def resolve_event_date(sentence: str, lang: str, *, published: _dt.date | None,
                       dateline_date: _dt.date | None = None,
                       trigger_offset: int | None = None, lexicon_dirs=()) -> ResolvedDate:
    """The date of an event whose trigger is in ``sentence``.

    Rule: (1) the date expression of the sentence nearest ``trigger_offset`` (a character offset into
    ``sentence``; without it the first one), explicit dates counted 40 characters nearer than relative
    ones, so an explicit date wins unless a relative one is clearly closer; dates after the base date
    are ignored (a report does not date a past event in the future) and relative expressions resolve
    against the base date (``published``, else ``dateline_date``); (2) ``dateline_date``;
    (3) ``published``.  Nearness counts characters plus a penalty for each
    clause marker (``dates.tsv`` kind ``clause``: relative pronouns, "because of", "after"...) between
    the mention and the trigger, heavier when the mention comes before the trigger; a mention after
    the trigger with a causal marker (``clause`` value ``cause``) between them dates that other
    event ("over strikes carried out on Sunday") and is skipped.  With a trigger
    given, a year-only mention ("in 2011") more than 40 such characters away is taken as background
    and skipped.  ``published``/``dateline_date`` may also be ISO strings (parsed leniently).
    ``lexicon_dirs``: user lexicon folders extending the date grammar (``<lang>/dates.tsv``).
    Returns a :class:`ResolvedDate` (all None when nothing is known).  Raises ``ValueError`` for an
    unknown language or an unparsable date string, ``TypeError`` for other non-date values.
    """
    pub, dl = _as_date(published), _as_date(dateline_date)
    base = pub or dl
    mentions = find_dates(sentence, lang, base, lexicon_dirs=lexicon_dirs) if sentence else []
    if mentions:
        p = _pack(_lang_code(lang), lexicon_dirs)
        norm = _norm(sentence)
        usable = []
        for m in mentions:
            if base is not None and _period_start(m.date) > base:
                continue
            if _in_later_clause(p, norm, m, trigger_offset):
                continue
            dist = _distance(p, norm, m, trigger_offset)
            if m.precision == "year" and trigger_offset is not None and dist > _YEAR_MAX_DISTANCE:
                continue
            # an explicit date wins unless a relative one is clearly nearer the trigger
            # ("X last week held talks ... suspended since April": last week)
            rank = dist if m.kind == "relative" else dist - _EXPLICIT_BONUS
            usable.append((rank, m.start, m))
        if usable:
            best = min(usable, key=lambda u: u[:2])[2]
            return ResolvedDate(best.date, best.precision, best.kind, best)
    if dl is not None:
        return ResolvedDate(dl.isoformat(), "day", "dateline", None)
    if pub is not None:
        return ResolvedDate(pub.isoformat(), "day", "published", None)
    return ResolvedDate(None, None, None, None)

