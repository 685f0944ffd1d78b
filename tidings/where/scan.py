"""The scanner: every toponym span of one text (see docs/places.md, rules 1-5)."""
from __future__ import annotations

import re

from tidings.where.filters import _common_word, _keep
from tidings.where.gazetteer import get_gazetteer
from tidings.where.lexicon import get_lexicon
from tidings.where.match import _agree, _apply_admin, _is_cap, _is_cased, _match_at, _qualifier_cands, _Span, _Text

#: 2-4 capitals with a lower-case case ending of up to 2 letters ("МИДе", "NATOs"); all-capital words of
#: up to 4 letters are tested with ``str.isupper``
_ACRONYM_CASED = re.compile(r"^[^\W\d_a-zа-яё]{2,4}[a-zа-яё]{1,2}$")


def _scan(text: str, lang: str | None, lexicon_dirs=()) -> tuple[_Text, list[_Span], list[tuple[int, int]]]:
    """All spans of ``text``: resolved spans and (start token, end token) of unresolved feature names."""
    gaz = get_gazetteer()
    lex = get_lexicon(lang, lexicon_dirs)
    tx = _Text(text, lex)
    spans: list[_Span] = []
    unresolved: list[tuple[int, int]] = []
    toks, norms, joins = tx.toks, tx.norms, lex.joins
    n_tok = len(toks)
    i = 0
    while i < n_tok:
        ch = toks[i][0][0]  # tx.startable(i), inlined: no digit, no lower-case letter
        if ch.isdigit() or (ch.upper() != ch.lower() and not ch.isupper()) or (
                norms[i] in joins and not ch.isupper()):
            i += 1  # a lower-case "de", "la" never starts a name; "La Paz", "El Paso", "Le Havre" do
            continue
        # A name introduced by a feature noun ("the hamlet of X") is taken whole.
        k = i - 1
        if k >= 1 and tx.norms[k] in lex.joins:
            k -= 1
        after_feature = k >= 0 and tx.norms[k] in lex.features and _is_cased(tx.toks[i][0])
        if after_feature:
            r = i + 1
            while r < n_tok and tx.name_token(r, r - 1):
                r += 1
            while r - 1 > i and not _is_cap(tx.toks[r - 1][0]):
                r -= 1
            sp = _match_at(tx, i, gaz)
            if sp is None or sp.j < r:
                if sp is None or r - i > 1:
                    unresolved.append((i, r))
                    i = r
                    continue
        sp = _match_at(tx, i, gaz)
        if sp is None or not sp.cands:
            i = sp.j if sp is not None else i + 1
            continue
        if all(tx.norms[x] in lex.joins for x in range(i, sp.j)):
            i = sp.j  # "Des", "La" alone: an article, not Dej or La (a name needs more than a join word)
            continue
        if (i >= 1 and tx.norms[i - 1] in lex.streets) or (sp.j < n_tok and tx.norms[sp.j] in lex.streets):
            i = sp.j  # "piazza Venezia", "rue de Paris", "Tahrir Square": a street or square, not the town
            continue
        tok0 = tx.toks[i][0]
        if ((len(tok0) <= 4 and tok0.isupper()) or _ACRONYM_CASED.match(tok0)) and not sp.aliased and sp.j == i + 1 and \
                not any(e.kind == "country" for e in sp.cands):
            i += 1  # an acronym (NATO, AP), also with a case ending (МИДе, NATOs), not a place
            continue
        prep = tx.prep_before(i)
        sp.role = prep or sp.role
        _apply_admin(tx, sp, gaz)
        if not _keep(tx, sp) or (not after_feature and _common_word(tx, sp)):
            i = sp.j
            continue
        spans.append(sp)
        i = _attach_qualifier(tx, sp, spans, gaz)
    return tx, spans, unresolved


def _attach_qualifier(tx: _Text, sp: _Span, spans: list[_Span], gaz) -> int:
    """A qualifier after the last span ``sp`` ("Paris, Texas", "Córdoba (Veracruz)", "Troy, N.C."):
    bonus the candidates it agrees with and append it as its own span.  Returns the token to scan on."""
    n_tok = len(tx.toks)
    if not (sp.j < n_tok and tx.gap(sp.j - 1).strip() in (",", "(") and not sp.admin_cue):
        return sp.j
    q = _qualifier_cands(tx, sp.j, gaz)
    if q is None:
        return sp.j
    qj, qc = q
    best = max(((_agree(qe, c), qe, c) for qe in qc for c in sp.cands), key=lambda t: t[0])
    if best[0] > 0:
        for qe in qc:
            for c in sp.cands:
                s = _agree(qe, c)
                if s > sp.bonus.get(id(c), 0.0):
                    sp.bonus[id(c)] = s
        spans.append(_Span(sp.j, qj, [best[1]], role=None, qualifier_of=len(spans) - 1))
        return qj
    qa = [e for e in qc if e.kind == "admin1"]
    if qa and all(c.kind == "city" for c in sp.cands):
        # "Troy, N.C." with no Troy of North Carolina in the gazetteer: the division, not a namesake
        # elsewhere.
        sp.cands, sp.aliased = qa[:1], set()
        spans.append(_Span(sp.j, qj, qa[:1], qualifier_of=len(spans) - 1))
        return qj
    return sp.j
