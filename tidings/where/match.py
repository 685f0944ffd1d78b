"""Matching toponyms in tokens: gazetteer and alias look-up with clitic and case-ending variants, the
token helpers the scanner needs, division words and qualifiers ("Paris, Texas").  Rules: docs/places.md."""
from __future__ import annotations

from dataclasses import dataclass, field

from tidings.text import fold_index_word
from tidings.where.gazetteer import Entry, admin1_of, tokens
from tidings.where.lexicon import PlaceLexicon

MAX_NAME_TOKENS = 5
MIN_KEY_LETTERS = 3
#: a country form of the actor pack ("Palestina") wins over GeoNames towns of that name under this size
COUNTRY_FORM_MAX_TOWN = 100_000


@dataclass
class _Span:
    i: int
    j: int  # token range [i, j)
    cands: list[Entry]
    aliased: set[int] = field(default_factory=set)  # id() of entries given by an alias
    role: str | None = None
    admin_cue: bool = False
    qualifier_of: int | None = None
    bonus: dict[int, float] = field(default_factory=dict)  # id(entry) -> extra score
    start_tok: int | None = None  # first token of the mention text (admin word before the name)
    best: Entry | None = None
    key: str = ""  # the gazetteer key matched (after clitic stripping and suffix rewriting)


def _is_cased(tok: str) -> bool:
    ch = tok[0]
    return ch.upper() != ch.lower()


def _is_cap(tok: str) -> bool:
    return tok[0].isupper()


def _alias_entries(targets, gaz) -> list[Entry]:
    out = []
    for t in targets:
        if isinstance(t, int):
            e = gaz.by_geonameid.get(t)
        elif "-" in t:
            e = gaz.admin1s.get(t)
        else:
            e = gaz.countries.get(t)
        if e is not None:
            out.append(e)
    return out


def _first_variants(tok: str, lex: PlaceLexicon) -> list[tuple[str, str | None]]:
    """``tok`` and the forms left after stripping up to two glued clitics, with the role they mark
    (remembered per word and lexicon; the list is shared, never change it)."""
    memo = lex.__dict__.get("_first_memo")
    if memo is None or len(memo) > 100_000:
        memo = lex.__dict__["_first_memo"] = {}
    out = memo.get(tok)
    if out is None:
        out = memo[tok] = _first_variants_now(tok, lex)
    return out


def _first_variants_now(tok: str, lex: PlaceLexicon) -> list[tuple[str, str | None]]:
    out = [(tok, None)]
    for c, role in lex.clitics:
        if tok.startswith(c) and len(tok) - len(c) >= MIN_KEY_LETTERS:
            rest = tok[len(c):]
            out.append((rest, role))
            for c2, role2 in lex.clitics:
                if rest.startswith(c2) and len(rest) - len(c2) >= MIN_KEY_LETTERS:
                    out.append((rest[len(c2):], role or role2))
    return out


def _last_variants(tok: str, lex: PlaceLexicon) -> list[str]:
    out = [tok]
    for end, rep in lex.suffixes:
        if tok.endswith(end) and len(tok) - len(end) >= MIN_KEY_LETTERS:
            v = tok[: -len(end)] + rep
            if v not in out:
                out.append(v)
    return out


_HEADS: dict[tuple[int, int], tuple[PlaceLexicon, object, frozenset[str]]] = {}


def _multiword_heads(lex: PlaceLexicon, gaz) -> frozenset[str]:
    """The first words of the multi-word keys of the lexicon's aliases and country forms, made once
    per lexicon; with the gazetteer's own (``gaz.multiword_heads``, one set for every lexicon), the
    first words of every multi-word key a look-up can hit: a span whose first token gives none of
    them is no multi-word name, whatever follows."""
    got = _HEADS.get((id(lex), id(gaz)))
    if got is None or got[0] is not lex or got[1] is not gaz:
        heads = frozenset(k.split(" ", 1)[0] for keys in (lex.aliases, lex.country_forms) for k in keys if " " in k)
        got = _HEADS[(id(lex), id(gaz))] = (lex, gaz, heads)
    return got[2]


def _lookup(norms: list[str], lex: PlaceLexicon, gaz, allow_stop: bool = False
            ) -> tuple[list[Entry], set[int], str | None, str]:
    """Candidates for the normalized tokens ``norms``: (entries, ids of aliased entries, clitic role, key).
    Tries the exact key first, then clitic-stripped first token and suffix-rewritten last token.
    A division that has a namesake city among the candidates is dropped (``Berlin`` is the city unless
    an admin word says otherwise).  A one-word look-up is remembered per word (the scanner tries
    every capitalized word, and every word of an uncased script); the caller gets its own list and set."""
    if len(norms) != 1:
        return _lookup_now(norms, lex, gaz, allow_stop)
    memo = lex.__dict__.get("_one_memo")
    if memo is None or memo[0] is not gaz or len(memo[1]) > 100_000:
        memo = lex.__dict__["_one_memo"] = (gaz, {})
    got = memo[1].get((norms[0], allow_stop))
    if got is None:
        got = memo[1][(norms[0], allow_stop)] = _lookup_now(norms, lex, gaz, allow_stop)
    return list(got[0]), set(got[1]), got[2], got[3]


def _lookup_now(norms: list[str], lex: PlaceLexicon, gaz, allow_stop: bool) -> tuple[list[Entry], set[int], str | None, str]:
    firsts = _first_variants(norms[0], lex)
    if len(norms) > 1 and not any(f in gaz.multiword_heads or f in _multiword_heads(lex, gaz) for f, _ in firsts):
        key = " ".join(norms)  # no key starts with any form of the first token: only the stop check is left
        if key in lex.stop and (len(key.replace(" ", "")) < MIN_KEY_LETTERS or not allow_stop):
            return [], set(), None, key
        return [], set(), None, ""
    for fi, (first, role) in enumerate(firsts):
        toks = [first] + norms[1:]
        lasts = _last_variants(toks[-1], lex)
        for li, last in enumerate(lasts):
            key = " ".join(toks[:-1] + [last])
            if len(key.replace(" ", "")) < MIN_KEY_LETTERS or (key in lex.stop and not allow_stop):
                if fi == 0 and li == 0 and key in lex.stop:
                    return [], set(), None, key  # the surface form itself is a stop word
                continue
            alias = _alias_entries(lex.aliases.get(key, ()), gaz)
            found = gaz.index.get(key, [])
            if not alias and key in lex.country_forms and \
                    all(e.kind == "city" and e.population < COUNTRY_FORM_MAX_TOWN for e in found):
                # a country the actor pack names, known to GeoNames as no more than a town's other name
                alias, found = _alias_entries([lex.country_forms[key]], gaz), []
            if alias or found:
                cands: list[Entry] = []
                for e in alias + found:
                    if not any(x is e for x in cands):
                        cands.append(e)
                cities = {(c.cc, c.gn_admin1) for c in cands if c.kind == "city"}
                cands = [e for e in cands if not (e.kind == "admin1" and id(e) not in {id(a) for a in alias}
                                                  and (e.cc, e.gn_admin1) in cities)] or cands
                return cands, {id(e) for e in alias}, role, key
    return [], set(), None, ""


class _Text:
    """Tokens of one text with the helpers the matcher needs."""

    def __init__(self, text: str, lex: PlaceLexicon):
        self.text = text
        self.lex = lex
        self.toks = tokens(text)
        self.norms = [fold_index_word(t) for t, _, _ in self.toks]  # norm_token, remembered per word
        self.name_parts: set[str] = set()  # keys of small towns met glued to another name (a person's)

    def gap(self, k: int) -> str:
        """Text between token k and token k+1."""
        return self.text[self.toks[k][2]: self.toks[k + 1][1]]

    def connected(self, k: int) -> bool:
        gap = self.text[self.toks[k][2]: self.toks[k + 1][1]]
        return gap in (" ", "-", "‑", "–") or (len(gap) <= 2 and gap.strip() == "" and "\n" not in gap)

    def hyphen(self, k: int) -> bool:
        return self.gap(k) in ("-", "‑")

    def startable(self, k: int) -> bool:
        ch = self.toks[k][0][0]
        if ch.isdigit():
            return False
        if ch.upper() != ch.lower():  # _is_cased, then _is_cap
            return ch.isupper()
        return True

    def name_token(self, k: int, prev: int) -> bool:
        """May token k continue a name whose previous token is ``prev``?"""
        t = self.toks[k][0]
        if t[0].isdigit():
            return False
        gap = self.text[self.toks[prev][2]: self.toks[prev + 1][1]]  # self.gap(prev), read once
        if not (gap in (" ", "-", "‑", "–") or (len(gap) <= 2 and gap.strip() == "" and "\n" not in gap)):
            return False  # not self.connected(prev)
        if not _is_cased(t) or _is_cap(t) or gap in ("-", "‑"):
            return True
        return self.norms[k] in self.lex.joins

    def prep_before(self, k: int) -> str | None:
        """Role of the preposition ending right before token k, if any (longest first)."""
        lex = self.lex
        for n in range(min(lex.max_prep_words, k), 0, -1):
            if not all(self.gap(m).strip() in ("", "'", "’") for m in range(k - n, k)):
                continue
            key = " ".join(self.norms[k - n: k])
            if key in lex.preps:
                return lex.preps[key]
            if n == 1:
                for c, _ in lex.clitics:  # "وفي" = wa + fi
                    if key.startswith(c) and key[len(c):] in lex.preps:
                        return lex.preps[key[len(c):]]
        return None


def _match_at(tx: _Text, i: int, gaz) -> _Span | None:
    toks, norms, lex = tx.toks, tx.norms, tx.lex
    n_tok = len(toks)
    allow_stop = lex.nouns_capitalized and tx.prep_before(i) == "in"
    limit = i + 1
    while limit < n_tok and limit - i < MAX_NAME_TOKENS and tx.name_token(limit, limit - 1):
        limit += 1
    # whether any multi-word key can start with a form of this word (else a longer look-up only
    # checks the stop list, as ``_lookup_now`` does)
    multi = limit > i + 1 and _starts_multiword(norms[i], lex, gaz)
    for j in range(limit, i, -1):
        last = toks[j - 1][0]
        if j - 1 > i and _is_cased(last) and not _is_cap(last):
            continue
        if j < n_tok and tx.hyphen(j - 1) and not toks[j][0][0].isdigit():
            continue  # the head of a hyphenated word ("Хан-Шейхун", "Corona-bedingt", "Moskau-treu") is no name
        if j > i + 1 and not multi:
            key = " ".join(norms[i:j])
            if key in lex.stop and (len(key.replace(" ", "")) < MIN_KEY_LETTERS or not allow_stop):
                # a stop-listed name ("Latin America", "Notre-Dame") is skipped whole: none of its
                # words starts another name ("America", "Latina")
                return _Span(i, j, [])
            continue
        cands, aliased, role, key = _lookup(norms[i:j], lex, gaz, allow_stop)
        if not cands and key and key in lex.stop:
            return _Span(i, j, []) if j > i + 1 else None
        if cands:
            return _Span(i, j, cands, aliased, role, key=key)
    return None


def _starts_multiword(word: str, lex: PlaceLexicon, gaz) -> bool:
    """Whether a form of ``word`` (itself or without glued clitics) starts a multi-word key of the
    gazetteer, the aliases or the country forms (remembered per word and lexicon)."""
    memo = lex.__dict__.get("_head_memo")
    if memo is None or memo[0] is not gaz or len(memo[1]) > 100_000:
        memo = lex.__dict__["_head_memo"] = (gaz, {})
    got = memo[1].get(word)
    if got is None:
        heads, gaz_heads = _multiword_heads(lex, gaz), gaz.multiword_heads
        got = memo[1][word] = any(f in heads or f in gaz_heads for f, _ in _first_variants(word, lex))
    return got


def _apply_admin(tx: _Text, sp: _Span, gaz) -> None:
    lex = tx.lex
    n_tok = len(tx.toks)
    if sp.j < n_tok and tx.connected(sp.j - 1) and lex.admin.get(tx.norms[sp.j]) in ("after", "both"):
        sp.j += 1
        sp.admin_cue = True
    else:
        k = sp.i - 1
        if k >= 1 and tx.norms[k] in lex.joins and tx.connected(k - 1):
            k -= 1
        if k >= 0 and k < sp.i and tx.connected(k) and lex.admin.get(tx.norms[k]) in ("before", "both"):
            sp.start_tok = k
            sp.admin_cue = True
    if sp.admin_cue:
        admins: list[Entry] = []
        for e in sp.cands:
            a = e if e.kind == "admin1" else admin1_of(gaz, e)
            if a is not None and not any(x is a for x in admins):
                admins.append(a)
                if id(e) in sp.aliased:
                    sp.aliased.add(id(a))
                if a is not e:  # the division inherits its namesake city's population prior
                    sp.bonus[id(a)] = e.prior - a.prior
        if admins:
            sp.cands = admins


def _qualifier_cands(tx: _Text, k: int, gaz) -> tuple[int, list[Entry]] | None:
    """A qualifier starting at token k: (end token, candidates) or None."""
    sp = _match_at(tx, k, gaz)
    if sp is not None:
        return (sp.j, sp.cands) if sp.cands else None
    # US postal abbreviations ("TX", "N.C.") only count in qualifier position.
    t = tx.toks[k][0]
    if len(t) == 1 and k + 1 < len(tx.toks) and tx.gap(k) == "." and len(tx.toks[k + 1][0]) == 1:
        code = (t + tx.toks[k + 1][0]).upper()
        j = k + 2
    else:
        code, j = t.upper(), k + 1
    e = gaz.us_postal.get(code) if t[:1].isupper() else None
    return (j, [e]) if e is not None else None


def _agree(q: Entry, c: Entry) -> float:
    if q is c or q.iso3 != c.iso3:
        return 0.0
    if q.kind == "country":
        return 4.0
    if q.kind == "admin1":
        if c.admin1 == q.admin1 or (c.gn_admin1 and c.gn_admin1 == q.gn_admin1):
            return 7.0
        # a known, different division of the same country contradicts the qualifier
        return 0.0 if (c.gn_admin1 and q.gn_admin1) else 3.0
    return 0.0
