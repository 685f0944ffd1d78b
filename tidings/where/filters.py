"""Filters that keep common words and person or organization names off the map (docs/places.md,
"Not places" and "Common words are never places")."""
from __future__ import annotations

from tidings.where.gazetteer import norm_token
from tidings.where.match import _is_cap, _is_cased, _Span, _Text

#: population a city-only name needs to count without a locative preposition where capitals are no evidence
UNCUED_MIN_POPULATION = 100_000
#: population above which a city whose name is also a common word needs no locative cue (Cairo, القاهرة)
COMMON_WORD_MIN_POPULATION = 2_000_000
#: a country or territory of fewer people named like a common word ("Réunion") is that word at a sentence start
SMALL_COUNTRY_POPULATION = 1_000_000
#: population under which a town's name met inside a person's name ("Mauricio Funes") is taken for that
#: name when it recurs alone (``tidings.where.person_names``); a large city's name is rarely a surname
NAME_PART_MAX_POPULATION = 100_000
#: characters between two tokens that make the second one open a sentence, quotation or line
SENTENCE_OPENERS = frozenset(".!?…\n\"«“„—–:;(|•·")


def _sentence_initial(tx: _Text, i: int) -> bool:
    """Whether token i opens a sentence, a quotation, a line or a headline item, or is written in
    capitals throughout ("LO ÚLTIMO", "BREAKING"): where a capital proves nothing."""
    tok = tx.toks[i][0]
    if i == 0 or (len(tok) > 1 and tok.isupper()):
        return True
    gap = tx.text[tx.toks[i - 1][2]: tx.toks[i][1]]
    # a spaced hyphen separates a dateline from the story ("BRUXELLES - 21 mars 2014 - L'Union ...")
    return any(ch in gap for ch in SENTENCE_OPENERS) or (gap.strip() == "-" and " " in gap)


def _common_word(tx: _Text, sp: _Span) -> bool:
    """Whether a one-word match is a common word of the language used as one (docs/places.md).

    A key of the language's ``placewords.tsv`` (a gazetteer name that is also a lower-case word of the
    language's dictionary: "Ayer", "Corte", "صور") is a place only when a locative preposition, a glued
    locative clitic or a division word governs it, or, in cased scripts, when it is capitalized in
    the middle of a sentence, not in all capitals, and no determiner stands before it ("in Tyre",
    "near Corte"; not "Ayer viernes", "la Suprema Corte", "LO ÚLTIMO", "وأظهرت صور").  Countries, the language's aliases and very
    large cities (COMMON_WORD_MIN_POPULATION) are exempt; a territory of fewer than SMALL_COUNTRY_POPULATION
    people named like a word ("Réunion", a meeting) is the word only where it opens a sentence or line;
    a very large city is exempt only under a form of its own name (``_named_alike``: not "Dabei", Dubai)."""
    lex = tx.lex
    word = tx.norms[sp.i]
    parts = tx.toks[sp.i][0].replace("’", "'").split("'")
    elided_det = False  # the word follows an elided article: "L'Union", "dell'Unione"
    if len(parts) == 2 and len(parts[0]) <= 4:  # an elision: "D'un", "L'Union", "dell'Unione"
        word = norm_token(parts[1])
        if word in lex.determiners:
            return True
        elided_det = norm_token(parts[0]) in lex.determiners
    # the token as written, or the key it matched after a glued clitic was stripped ("بوقف" -> "وقف"; not
    # a rewritten case ending: "ул. Пушкина" is the street's name, whatever "пушкин" is)
    stripped = sp.key if sp.key and sp.key != word and word.endswith(sp.key) else None
    if sp.j != sp.i + 1 or sp.admin_cue or sp.aliased or (word not in lex.common and stripped not in lex.common):
        return False
    if any((e.kind == "country" and e.population >= SMALL_COUNTRY_POPULATION)
           or (e.kind != "country" and e.population >= COMMON_WORD_MIN_POPULATION and _named_alike(sp.key, e))
           for e in sp.cands):
        return False
    small_country = any(e.kind == "country" for e in sp.cands)
    if small_country and not _is_cased(tx.toks[sp.i][0]):
        return False
    # a preposition glued to the word itself ("بشأن" = bi + sha'n, "about") governs nothing: only a
    # separate one does; and only a locative or proximity one: "of"/"from" words are also genitive
    # and partitive markers ("ministério da Saúde", "presidente da República", "من صور" = some pictures)
    governed = tx.prep_before(sp.i) in ("in", "by")
    if not _is_cased(tx.toks[sp.i][0]):
        # uncased scripts: a locative is needed, and a small town after one is still the common word
        # ("في إطار" = "within the framework of", not Atar)
        return not (governed and max(e.population for e in sp.cands) >= UNCUED_MIN_POPULATION)
    if governed:
        return False
    if small_country:  # a small territory named like a word ("Réunion" = meeting) only at a sentence's start
        return _sentence_initial(tx, sp.i)
    if _sentence_initial(tx, sp.i) or _in_longer_name(tx, sp.i):
        return True
    return elided_det or (sp.i > 0 and tx.norms[sp.i - 1] in lex.determiners)


def _named_alike(key: str, e) -> bool:
    """Whether the matched ``key`` is a form of the city's own name (a Latin-script key shares its
    first three letters with the GeoNames name: "roma" Rome, "mosca" Moscow, "lima" Lima), not an
    unrelated alternate name that is a word of the language ("dabei" Dubai, "sol" Seoul, "victoria"
    Hong Kong).  Keys in other scripts are taken as forms of the name."""
    if not key or not ("a" <= key[0] <= "z"):
        return True
    name = norm_token(e.name)
    return len(key) >= 3 and name[:3] == key[:3]


def _in_longer_name(tx: _Text, i: int) -> bool:
    """Whether token i belongs to a longer capitalized name, directly or across a ``join`` word
    ("Ministerio de Salud", "Mesa de Unidad Democrática", "University of Reading", "Corte
    d'Appello"): its capital is the name's, not a toponym's.  A neighbour that opens the sentence
    ("Reading, ...") or is a stop word ("Tyre on Monday") proves nothing."""
    def cap(k: int) -> bool:  # a capitalized word that is no stop word (a weekday, a month, a title)
        t = tx.toks[k][0]
        head, _, rest = t.replace("’", "'").rpartition("'")
        if head and rest and len(head) <= 4:  # an elided article: "dell'America Latina", "l'Union Africaine"
            t = rest
        return _is_cased(t) and _is_cap(t) and tx.norms[k] not in tx.lex.stop

    lex, n_tok = tx.lex, len(tx.toks)
    prv = i - 1
    if prv >= 1 and tx.norms[prv] in lex.joins and tx.connected(prv):
        prv -= 1
    if 0 <= prv < i and tx.connected(prv) and cap(prv) and not _sentence_initial(tx, prv):
        return True
    nxt = i + 1
    if nxt < n_tok - 1 and tx.norms[nxt] in lex.joins and tx.connected(i):
        nxt += 1
        return tx.connected(nxt - 1) and cap(nxt)
    return nxt < n_tok and tx.connected(i) and cap(nxt)


def _foreign_script(tx: _Text, i: int) -> bool:
    """Whether token i is in Latin letters in a language written in another script (``setting script``
    of ``places.tsv``): a brand, a web site or a key name in Russian or Arabic text ("Ctrl + Enter",
    "Tayga.info"), where a capital proves nothing."""
    ch = tx.toks[i][0][0]
    return tx.lex.script not in ("", "latin") and ch.isalpha() and ord(ch) < 0x250


def _glued_to_name(tx: _Text, sp: _Span) -> bool:
    """Whether the span is glued to another capitalized word: part of a person's or an organization's
    name ("Vladimir Putin", "Atlanta Police Department", "President Vladimir", "Donald Paris")."""
    n_tok = len(tx.toks)
    nxt = sp.j
    if nxt < n_tok and tx.gap(nxt - 1) == " " and _is_cased(tx.toks[nxt][0]) and _is_cap(tx.toks[nxt][0]):
        return True
    prv = sp.i - 1
    if prv >= 0 and tx.gap(prv) == " " and _is_cased(tx.toks[prv][0]) and _is_cap(tx.toks[prv][0]):
        before = tx.text[: tx.toks[prv][1]].rstrip()
        if before and before[-1] not in ".!?:;\"«»—–-(\n":
            return True
    return False


def _keep(tx: _Text, sp: _Span) -> bool:
    """Filters against common words and person/organization names (see module docstring)."""
    city_only = all(e.kind == "city" for e in sp.cands) and not sp.aliased
    if not city_only or sp.role is not None or sp.admin_cue:
        return True
    if _glued_to_name(tx, sp):
        if sp.j == sp.i + 1 and max(e.population for e in sp.cands) < NAME_PART_MAX_POPULATION:
            tx.name_parts.add(tx.norms[sp.i])
        return False
    uncased = not _is_cased(tx.toks[sp.i][0])
    if uncased or tx.lex.nouns_capitalized or _foreign_script(tx, sp.i):
        return max(e.population for e in sp.cands) >= UNCUED_MIN_POPULATION
    return True
