"""Toponyms in text, resolved to GeoNames, and the place of an event.

Rules (see ``docs/places.md``):

* a toponym starts on a capitalized token in cased scripts (Latin, Cyrillic); in uncased scripts
  (Arabic) any token may start one, after stripping glued clitics (``بغزة`` -> ``غزة``);
* the longest run of up to 5 connected tokens whose normalized form (or an inflection variant from the
  language's ``suffix`` rows: ``Москве`` -> ``москва``) is in the gazetteer or the language's aliases wins;
* names in the language's ``stop`` list, keys shorter than 3 letters, and likely person/organization names
  (a city-only name glued to other capitalized words, without a locative preposition) are not geocoded;
  where capitals are no evidence (German nouns, Arabic) a city-only name without a preposition needs
  100,000 people;
* disambiguation score = population prior (countries > divisions > cities by log10 population) + alias
  bonus + qualifier ("Paris, Texas", "Córdoba, Veracruz") + caller's country context + support from the
  other places of the text; an admin word ("Donetsk Oblast", "Georgia state", "محافظة دهوك") turns the
  name into its first-level division;
* a capitalized name after a feature noun ("the hamlet of X") that does not resolve is still returned,
  with ``place=None``; one failure never removes other mentions.
"""
from __future__ import annotations


from collections.abc import Mapping
from dataclasses import dataclass, field

from tidings.records import Dateline, Place
from tidings.where.gazetteer import Entry, admin1_of, get_gazetteer, norm_key, norm_token, tokens
from tidings.where.lexicon import PlaceLexicon, get_lexicon

MAX_NAME_TOKENS = 5
MIN_KEY_LETTERS = 3
#: population a city-only name needs to count without a locative preposition where capitals are no evidence
UNCUED_MIN_POPULATION = 100_000
#: population above which a city whose name is also a common word needs no locative cue (Cairo, القاهرة)
COMMON_WORD_MIN_POPULATION = 2_000_000
#: characters between two tokens that make the second one open a sentence, quotation or line
SENTENCE_OPENERS = frozenset(".!?…\n\"«“„—–:;(")

ALIAS_BONUS = 1.5
CONTEXT_WEIGHT = 2.0
SUPPORT_WEIGHT = 1.0
HINT_BONUS = 3.0


@dataclass
class PlaceMention:
    """One toponym found in text.

    ``start``/``end``: character offsets (half-open) into the caller's text, shifted by ``offset``;
    ``place``: the resolved :class:`~tidings.records.Place`, or None when the name cannot be resolved;
    ``role``: ``in`` (locative: in, en, à, в, في, glued ب), ``from`` (source: from, desde, из, من) or
    ``by`` (proximity: near, east of, под, قرب), taken from the preposition before the name, else None;
    ``qualifier``: True when this name only qualifies the one before it (``Texas`` in ``Paris, Texas``);
    ``candidates``: how many gazetteer records the name had.
    """

    text: str
    start: int
    end: int
    place: Place | None
    role: str | None = None
    qualifier: bool = False
    candidates: int = 0


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
    """``tok`` and the forms left after stripping up to two glued clitics, with the role they mark."""
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


def _lookup(norms: list[str], lex: PlaceLexicon, gaz, allow_stop: bool = False
            ) -> tuple[list[Entry], set[int], str | None, str]:
    """Candidates for the normalized tokens ``norms``: (entries, ids of aliased entries, clitic role, key).
    Tries the exact key first, then clitic-stripped first token and suffix-rewritten last token.
    A division that has a namesake city among the candidates is dropped (``Berlin`` is the city unless
    an admin word says otherwise)."""
    firsts = _first_variants(norms[0], lex)
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
        self.norms = [norm_token(t) for t, _, _ in self.toks]

    def gap(self, k: int) -> str:
        """Text between token k and token k+1."""
        return self.text[self.toks[k][2]: self.toks[k + 1][1]]

    def connected(self, k: int) -> bool:
        return self.gap(k) in (" ", "-", "‑", "–") or (self.gap(k).strip() == "" and "\n" not in self.gap(k)
                                                       and len(self.gap(k)) <= 2)

    def hyphen(self, k: int) -> bool:
        return self.gap(k) in ("-", "‑")

    def startable(self, k: int) -> bool:
        t = self.toks[k][0]
        if t[0].isdigit():
            return False
        if _is_cased(t):
            return _is_cap(t)
        return True

    def name_token(self, k: int, prev: int) -> bool:
        """May token k continue a name whose previous token is ``prev``?"""
        t = self.toks[k][0]
        if t[0].isdigit() or not self.connected(prev):
            return False
        if not _is_cased(t) or _is_cap(t) or self.hyphen(prev):
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
    n_tok = len(tx.toks)
    allow_stop = tx.lex.nouns_capitalized and tx.prep_before(i) == "in"
    limit = i + 1
    while limit < n_tok and limit - i < MAX_NAME_TOKENS and tx.name_token(limit, limit - 1):
        limit += 1
    for j in range(limit, i, -1):
        last = tx.toks[j - 1][0]
        if j - 1 > i and _is_cased(last) and not _is_cap(last):
            continue
        if j < n_tok and tx.hyphen(j - 1) and not tx.toks[j][0][0].isdigit():
            continue  # the head of a hyphenated word ("Хан-Шейхун", "Corona-bedingt", "Moskau-treu") is no name
        cands, aliased, role, key = _lookup(tx.norms[i:j], tx.lex, gaz, allow_stop)
        if not cands and key and key in tx.lex.stop:
            return None
        if cands:
            return _Span(i, j, cands, aliased, role, key=key)
    return None


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
        return sp.j, sp.cands
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


def _scan(text: str, lang: str | None, lexicon_dirs=()) -> tuple[_Text, list[_Span], list[tuple[int, int]]]:
    """All spans of ``text``: resolved spans and (start token, end token) of unresolved feature names."""
    gaz = get_gazetteer()
    lex = get_lexicon(lang, lexicon_dirs)
    tx = _Text(text, lex)
    spans: list[_Span] = []
    unresolved: list[tuple[int, int]] = []
    n_tok = len(tx.toks)
    i = 0
    while i < n_tok:
        if not tx.startable(i) or (tx.norms[i] in lex.joins and not _is_cap(tx.toks[i][0])):
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
        if sp is None:
            i += 1
            continue
        if all(tx.norms[x] in lex.joins for x in range(i, sp.j)):
            i = sp.j  # "Des", "La" alone: an article, not Dej or La (a name needs more than a join word)
            continue
        if (i >= 1 and tx.norms[i - 1] in lex.streets) or (sp.j < n_tok and tx.norms[sp.j] in lex.streets):
            i = sp.j  # "piazza Venezia", "rue de Paris", "Tahrir Square": a street or square, not the town
            continue
        tok0 = tx.toks[i][0]
        if len(tok0) <= 4 and tok0.isupper() and not sp.aliased and sp.j == i + 1 and \
                not any(e.kind == "country" for e in sp.cands):
            i += 1  # an acronym (NATO, AP), not a place
            continue
        prep = tx.prep_before(i)
        sp.role = prep or sp.role
        _apply_admin(tx, sp, gaz)
        if not _keep(tx, sp) or (not after_feature and _common_word(tx, sp)):
            i = sp.j
            continue
        spans.append(sp)
        # qualifier: "Paris, Texas", "Córdoba (Veracruz)", "Troy, N.C."
        if sp.j < n_tok and tx.gap(sp.j - 1).strip() in (",", "(") and not sp.admin_cue:
            q = _qualifier_cands(tx, sp.j, gaz)
            if q is not None:
                qj, qc = q
                best = max(((_agree(qe, c), qe, c) for qe in qc for c in sp.cands), key=lambda t: t[0])
                if best[0] > 0:
                    for qe in qc:
                        for c in sp.cands:
                            s = _agree(qe, c)
                            if s > sp.bonus.get(id(c), 0.0):
                                sp.bonus[id(c)] = s
                    qs = _Span(sp.j, qj, [best[1]], role=None, qualifier_of=len(spans) - 1)
                    spans.append(qs)
                    i = qj
                    continue
                qa = [e for e in qc if e.kind == "admin1"]
                if qa and all(c.kind == "city" for c in sp.cands):
                    # "Troy, N.C." with no Troy of North Carolina in the gazetteer: the division, not a
                    # namesake elsewhere.
                    sp.cands, sp.aliased = qa[:1], set()
                    spans.append(_Span(sp.j, qj, qa[:1], qualifier_of=len(spans) - 1))
                    i = qj
                    continue
        i = sp.j
    return tx, spans, unresolved


def _sentence_initial(tx: _Text, i: int) -> bool:
    """Whether token i opens a sentence, a quotation or a line (where a capital proves nothing)."""
    if i == 0:
        return True
    gap = tx.text[tx.toks[i - 1][2]: tx.toks[i][1]]
    return any(ch in gap for ch in SENTENCE_OPENERS)


def _common_word(tx: _Text, sp: _Span) -> bool:
    """Whether a one-word match is a common word of the language used as one (docs/places.md).

    A key of the language's ``placewords.tsv`` (a gazetteer name that is also a lower-case word of the
    language's dictionary: "Ayer", "Corte", "صور") is a place only when a locative preposition, a glued
    locative clitic or a division word governs it, or, in cased scripts, when it is capitalized in
    the middle of a sentence and no determiner stands before it ("in Tyre", "near Corte";
    not "Ayer viernes", "la Suprema Corte", "وأظهرت صور").  Countries, the language's aliases and very
    large cities (COMMON_WORD_MIN_POPULATION) are exempt."""
    lex = tx.lex
    word = tx.norms[sp.i]
    parts = tx.toks[sp.i][0].replace("’", "'").split("'")
    if len(parts) == 2 and len(parts[0]) <= 2:  # an elided article: "D'un", "L'Union", "dell'Unione"
        word = norm_token(parts[1])
        if word in lex.determiners:
            return True
    if sp.j != sp.i + 1 or sp.admin_cue or sp.aliased or word not in lex.common:
        return False
    if any(e.kind == "country" or e.population >= COMMON_WORD_MIN_POPULATION for e in sp.cands):
        return False
    # a preposition glued to the word itself ("بشأن" = bi + sha'n, "about") governs nothing: only a
    # separate one does
    governed = tx.prep_before(sp.i) is not None
    if not _is_cased(tx.toks[sp.i][0]):
        # uncased scripts: a locative is needed, and a small town after one is still the common word
        # ("في إطار" = "within the framework of", not Atar)
        return not (governed and max(e.population for e in sp.cands) >= UNCUED_MIN_POPULATION)
    if governed:
        return False
    if _sentence_initial(tx, sp.i):
        return True
    return sp.i > 0 and tx.norms[sp.i - 1] in lex.determiners


def _keep(tx: _Text, sp: _Span) -> bool:
    """Filters against common words and person/organization names (see module docstring)."""
    city_only = all(e.kind == "city" for e in sp.cands) and not sp.aliased
    if not city_only or sp.role is not None or sp.admin_cue:
        return True
    n_tok = len(tx.toks)
    nxt = sp.j
    if nxt < n_tok and tx.gap(nxt - 1) == " " and _is_cased(tx.toks[nxt][0]) and _is_cap(tx.toks[nxt][0]):
        return False  # "Vladimir Putin", "Atlanta Police Department"
    prv = sp.i - 1
    if prv >= 0 and tx.gap(prv) == " " and _is_cased(tx.toks[prv][0]) and _is_cap(tx.toks[prv][0]):
        before = tx.text[: tx.toks[prv][1]].rstrip()
        if before and before[-1] not in ".!?:;\"«»—–-(\n":
            return False  # "President Vladimir", "Donald Paris"
    uncased = not _is_cased(tx.toks[sp.i][0])
    if uncased or tx.lex.nouns_capitalized:
        return max(e.population for e in sp.cands) >= UNCUED_MIN_POPULATION
    return True


def _norm_context(ctx: Mapping[str, float] | None) -> dict[str, float]:
    if not ctx:
        return {}
    gaz = get_gazetteer()
    out: dict[str, float] = {}
    for k, v in ctx.items():
        if not isinstance(k, str):
            continue
        k3 = gaz.iso2to3.get(k.upper(), k.upper()) if len(k) == 2 else k.upper()
        out[k3] = out.get(k3, 0.0) + float(v)
    top = max((abs(v) for v in out.values()), default=0.0)
    return {k: v / top for k, v in out.items()} if top > 0 else {}


def _score(sp: _Span, e: Entry, ctx: dict[str, float], support: dict[str, float],
           admin_support: set[str]) -> float:
    s = e.prior + sp.bonus.get(id(e), 0.0)
    if id(e) in sp.aliased:
        s += ALIAS_BONUS
    s += CONTEXT_WEIGHT * ctx.get(e.iso3, 0.0)
    s += SUPPORT_WEIGHT * min(1.0, support.get(e.iso3, 0.0))
    if e.admin1 and e.admin1 in admin_support:
        s += 1.0
    return s


def _resolve_spans(spans: list[_Span], ctx: dict[str, float]) -> None:
    for sp in spans:
        sp.best = max(sp.cands, key=lambda e: _score(sp, e, ctx, {}, set()))
    keys = [tuple(id(e) for e in sp.cands) for sp in spans]
    for n, sp in enumerate(spans):
        if len(sp.cands) < 2 or sp.qualifier_of is not None:
            continue
        support: dict[str, float] = {}
        admin_support: set[str] = set()
        for m, other in enumerate(spans):
            if m == n or keys[m] == keys[n] or other.best is None or other.qualifier_of == n:
                continue
            support[other.best.iso3] = support.get(other.best.iso3, 0.0) + 1.0
            if other.best.admin1:
                admin_support.add(other.best.admin1)
        sp.best = max(sp.cands, key=lambda e: _score(sp, e, ctx, support, admin_support))


def find_places(text: str, lang: str, *, offset: int = 0,
                country_context: Mapping[str, float] | None = None, lexicon_dirs=()) -> list[PlaceMention]:
    """Every toponym in ``text`` (ISO 639-1 ``lang``), in text order.

    Each :class:`PlaceMention` has offsets ``+ offset`` and a resolved GeoNames place
    (:class:`~tidings.records.Place`: ``country`` ISO 3166-1 alpha-3, ``admin1`` ISO 3166-2 code when
    known else GeoNames ``CC.code``, WGS84 ``lat``/``lon`` in degrees, ``geonameid``, ``precision``
    city|admin1|country), or ``place=None`` when the name cannot be resolved; an unresolvable name never
    removes the others.  ``country_context`` maps ISO3 (or alpha-2) to a non-negative weight (e.g. how
    often each country's actors occur in the article) and tips ambiguous names toward those countries.
    ``lexicon_dirs``: user lexicon folders whose ``<lang>/places.tsv`` extends the packaged one.

    Raises ``TypeError`` when ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_places: text must be str, got {type(text).__name__}")
    tx, spans, unresolved = _scan(text, lang, lexicon_dirs)
    _resolve_spans(spans, _norm_context(country_context))
    out: list[PlaceMention] = []
    for sp in spans:
        s_tok = sp.start_tok if sp.start_tok is not None else sp.i
        start, end = tx.toks[s_tok][1], tx.toks[sp.j - 1][2]
        surface = text[start:end]
        out.append(PlaceMention(surface, start + offset, end + offset, sp.best.to_place(surface) if sp.best else None,
                                sp.role, sp.qualifier_of is not None, len(sp.cands)))
    for i, j in unresolved:
        start, end = tx.toks[i][1], tx.toks[j - 1][2]
        out.append(PlaceMention(text[start:end], start + offset, end + offset, None, tx.prep_before(i), False, 0))
    out.sort(key=lambda m: m.start)
    return out


def resolve_place(name: str, lang: str | None = None, country_hint: str | None = None) -> Place | None:
    """Resolve one place name to a GeoNames :class:`~tidings.records.Place`, or None.

    ``name`` may be in any supported language and case (``"Bakú"``, ``"PARÍS, Texas"``, ``"Тбилиси"``,
    ``"بغزة"``), a country by its CLDR name in any of the languages (``"Tayikistán"`` -> precision
    ``country``), an ISO 3166-2 first-level division (``"Texas"``) or a language alias (``"EE.UU."``).
    A qualifier after a comma (``"Córdoba, Veracruz"``) picks the namesake in that division or country.
    ``lang`` (ISO 639-1) selects aliases, clitics and case endings; ``country_hint`` (ISO3 or alpha-2)
    favors that country.  When nothing else decides, the larger population wins (GeoNames).

    Raises ``TypeError`` when ``name`` is not a string.
    """
    if not isinstance(name, str):
        raise TypeError(f"resolve_place: name must be str, got {type(name).__name__}")
    head, _, qual = name.partition(",")
    if not norm_key(head):
        return None
    gaz = get_gazetteer()
    lex = get_lexicon(lang)
    toks = norm_key(head).split()
    admin_cue = False
    if len(toks) > 1 and lex.admin.get(toks[-1]) in ("after", "both"):
        toks, admin_cue = toks[:-1], True
    elif len(toks) > 1 and lex.admin.get(toks[0]) in ("before", "both"):
        toks, admin_cue = toks[1:], True
        if len(toks) > 1 and toks[0] in lex.joins:
            toks = toks[1:]
    cands, aliased, _, _ = _lookup(toks, lex, gaz, allow_stop=True)
    if not cands:
        return None
    if admin_cue:
        admins, bonus = [], {}
        for e in cands:
            a = admin1_of(gaz, e)
            if a is not None and not any(x is a for x in admins):
                admins.append(a)
                if a is not e:
                    bonus[id(a)] = e.prior - a.prior
        cands = admins or cands
    sp = _Span(0, 1, cands, aliased)
    if admin_cue:
        sp.bonus.update(bonus)
    if qual.strip():
        qk = norm_key(qual)
        qc, _, _, _ = _lookup(qk.split(), lex, gaz) if qk else ([], set(), None, "")
        if not qc and qual.strip().replace(".", "").isalpha() and len(qual.strip().replace(".", "")) == 2:
            e = gaz.us_postal.get(qual.strip().replace(".", "").upper())
            qc = [e] if e else []
        for qe in qc:
            for c in cands:
                s = _agree(qe, c)
                if s > sp.bonus.get(id(c), 0.0):
                    sp.bonus[id(c)] = s
        qa = [e for e in qc if e.kind == "admin1"]
        if not sp.bonus and qa and all(c.kind == "city" for c in cands):
            return qa[0].to_place(name.strip())
    ctx = _norm_context({country_hint: HINT_BONUS / CONTEXT_WEIGHT} if country_hint else None)
    if ctx:
        ctx = {k: HINT_BONUS / CONTEXT_WEIGHT for k in ctx}
    best = max(cands, key=lambda e: _score(sp, e, ctx, {}, set()))
    return best.to_place(name.strip())


#: event_location: extra distance (characters) for a toponym without a locative preposition / after "from",
#: and for one before the trigger (in SVO sentences the event's place mostly follows its verb)
ROLE_PENALTY = {"in": 0.0, "by": 0.0, None: 15.0, "from": 40.0}
BEFORE_TRIGGER_PENALTY = 20.0


def event_location(sentence: str, sentence_start: int, lang: str, *, trigger_start: int | None = None,
                   country_context: Mapping[str, float] | None = None, dateline: Dateline | None = None,
                   body_mentions_dateline_place: bool = False,
                   mentions: list[PlaceMention] | None = None) -> Place | None:
    """The place of the event whose trigger is in ``sentence`` (which starts at ``sentence_start`` in the
    article text; ``trigger_start`` is an article offset), or None when the text does not say.

    Order: (1) toponyms of the sentence itself, the nearest to the trigger in characters, where a name
    without a locative preposition counts 15 characters farther, one after "from" 40, and one before the
    trigger 20 (``ROLE_PENALTY``, ``BEFORE_TRIGGER_PENALTY``); a country named without a preposition is
    taken for an actor, not a place, and skipped (a bare division likewise, unless it is all there is);
    a qualifier (``Texas`` of ``Paris, Texas``) yields to the name it qualifies; (2) the dateline place, only when ``body_mentions_dateline_place`` says the
    body supports it; never just the first place of the article.  The dateline's country is added to
    ``country_context`` for disambiguation.  ``mentions``: the sentence's places when the caller has
    them already (``find_places(sentence, lang, offset=sentence_start, ...)``), to save a second scan.
    """
    if mentions is None:
        ctx = dict(country_context or {})
        if dateline is not None and dateline.country:
            c = dateline.country
            ctx[c] = ctx.get(c, 0.0) + 0.5 * (max(ctx.values()) if ctx else 1.0)
        mentions = find_places(sentence, lang, offset=sentence_start, country_context=ctx)
    usable = [m for m in mentions if m.place is not None and not m.qualifier
              and not (m.place.precision in ("country", "admin1") and m.role is None)]
    if not usable:  # a bare division ("Georgia state troopers ...") only when nothing better is said
        usable = [m for m in mentions if m.place is not None and not m.qualifier
                  and m.place.precision == "admin1"]
    if usable:
        anchor = trigger_start if trigger_start is not None else sentence_start

        def rank(m: PlaceMention) -> float:
            if trigger_start is None:
                return m.start + ROLE_PENALTY.get(m.role, 0.0)
            dist = m.start - anchor if m.start >= anchor else anchor - m.end + BEFORE_TRIGGER_PENALTY
            return dist + ROLE_PENALTY.get(m.role, 0.0)

        return min(usable, key=rank).place
    if dateline is not None and dateline.place and body_mentions_dateline_place:
        return resolve_place(dateline.place, lang, country_hint=dateline.country)
    return None


__all__ = ["PlaceMention", "find_places", "resolve_place", "event_location"]

