"""From PETRARCH/TABARI dictionary records to language-pack rows (what we keep, and why).

The dictionaries were written for a parser-based English coder, so conversion is selective; every
row dropped is counted under a reason (``Conversion.dropped``):

* **verb patterns** -> trigger rows ``pattern type mode cameo flags source``.  The verb becomes a
  lemma, the pattern's nouns and prepositional phrases follow it with ``..`` gaps (``{A B}`` stays
  consecutive), synonym sets are expanded (at most ``MAX_EXPANSIONS`` patterns), and the CAMEO code
  goes to PLOVER through ``tidings.ontology``.  A block's patterns go to each of its verbs, but
  in blocks of more than ``MAX_BLOCK_VERBS`` verbs (loose WordNet synonym lists) only to the first.  A pattern that puts the target (``+``) before the
  verb or the source (``$``) after it, or whose code is ``[:X]`` (the reverse event), gets the
  ``inverse`` flag: the linker then swaps actor and recipient.  Every imported pattern is ``weak``
  (coded only with both an actor and a recipient found): PETRARCH matched them on a parse, we match
  them on words, and on the dev corpus the flag keeps their gain in dyads without the false events.  A verb alone is not kept: without a
  parse it cannot be told from a noun ("march", "deal"); nor is a pattern with a word that
  is a one-word trigger of the hand-written pack (that entry keeps its type and flags).  Dropped: codes PLOVER does not code (01x,
  02x, ``---``), patterns with negation, modal or future words of the pack (the linker judges
  modality), undefined or too large synonym sets, and patterns the hand-written pack already has.
* **agents** -> actor rows of kind ``group``/``title``/``institution`` with a PLOVER sector.  The
  kind comes from the pack's own entry for one of the phrase's words (``minister`` is a title),
  else ``institution`` for a phrase of several words, ``group`` for one word.  Dropped: phrases with a word the pack gives another sector, phrases naming a
  country (the agent would swallow it), phrases starting with an article, phrases shorter than four letters, phrases with two different sectors,
  codes without a PLOVER sector, phrases the pack has.
* **actors** -> named actors.  A record with dated codes is a person: one row per name and period
  (``start``/``end`` ISO dates) plus the record's default code (empty dates).  Records with an
  organization code become ``igo``/``org`` rows.  Dropped: bare country codes (country names come
  from CLDR and the pack; these records list cities), multinational companies, people whose roles
  all ended before ``PERSON_SINCE``, one-word names shorter than four letters or that are common
  words of the language, and codes that are neither ISO 3166-1 nor PLOVER non-state codes.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from tidings.dictionaries.petrarch import ActorRecord, AgentRecord, VerbDictionary, VerbPattern

MAX_EXPANSIONS = 6
MAX_BLOCK_VERBS = 12  # larger blocks are WordNet-wide synonym lists: only their first verb takes the patterns
PERSON_SINCE = dt.date(2012, 1, 1)  # the dictionaries end in 2019: people out of office long before are background
# CAMEO role codes that PLOVER names differently (PLOVER manual, sector codes)
CAMEO_SECTORS = {"HLH": "MED", "MUS": "REL", "CHR": "REL", "JEW": "REL", "BUD": "REL", "HIN": "REL",
                 "CTH": "REL", "ORT": "REL", "SHI": "REL", "SUN": "REL", "MOD": "GOV", "RAD": "REB",
                 "UNR": "REB", "INS": "REB", "IGO": "IGO"}
EVENT_OUT = ("pattern", "type", "mode", "cameo", "flags", "source")
ACTOR_OUT = ("pattern", "kind", "country", "sector", "flags", "start", "end", "source")


@dataclass
class Conversion:
    """Rows made from one dictionary file, and how many records were dropped for each reason."""

    rows: list[dict[str, str]] = field(default_factory=list)
    dropped: Counter = field(default_factory=Counter)


def _lemma(word: str, lang: str) -> str:
    import simplemma

    from tidings.text import fold

    w = word.lower()
    try:
        return fold(simplemma.lemmatize(w, lang=lang))
    except ValueError:
        return fold(w)


def _common(word: str, lang: str) -> bool:
    """Whether a lower-case ``word`` is a word of the language (simplemma's dictionary)."""
    import simplemma

    try:
        return simplemma.is_known(word.lower(), lang=lang)
    except ValueError:
        return False


def _alternatives(el: str, synsets: dict[str, list[str]], lang: str) -> list[str] | None:
    """Word sequences an element stands for (None: unusable)."""
    if el.startswith("&"):
        members = synsets.get(el.rstrip("_"))
        return [" ".join(_lemma(w, lang) for w in m.split()) for m in members] if members else None
    return [" ".join(_lemma(w, lang) for w in el.replace("_", " ").split())]


def _flatten(elements: tuple[str, ...]) -> list[tuple[str, bool]]:
    """(element, glued to the previous one) pairs: ``{A B}`` is consecutive, ``(P X)`` a
    preposition then a gap."""
    out: list[tuple[str, bool]] = []
    for el in elements:
        if el.startswith("{"):
            for k, w in enumerate(el[1:-1].split()):
                out.append((w, k > 0))
        elif el.startswith("("):
            from tidings.dictionaries.petrarch import _pattern_elements

            inner = _flatten(_pattern_elements(el[1:-1]) or ())
            out.extend(inner)
        else:
            out.append((el, False))
    return out


def pattern_rows(pat: VerbPattern, verb: str, vd: VerbDictionary, lang: str,
                 blocked: set[str], function: set[str]) -> tuple[list[tuple[str, str, bool]], str | None]:
    """(pattern text, CAMEO code, inverse) rows of one pattern for one verb, or ([], reason)."""
    code = pat.code
    inverse = code.startswith(":")
    code = code.lstrip(":").split(":")[0].strip()
    if not code or code == "---":
        return [], "no code"
    parts: list[tuple[list[str], bool]] = []
    slots: list[str] = []
    for el, glued in _flatten(pat.elements):
        if el == "*":
            slots.append("*")
            parts.append(([verb], False))
        elif el in {"$", "+", "^", "%"}:
            slots.append(el)
        else:
            alts = _alternatives(el, vd.synsets, lang)
            if alts is None:
                return [], "undefined synonym set"
            if any(w in blocked for a in alts for w in a.split()):
                return [], "modality word"
            parts.append((alts, glued))
    if "*" not in slots:
        return [], "no verb"
    if len(parts) > 1 and all(w in function for alts, _ in parts[1:] for a in alts for w in a.split()) \
            and any(w in function for alts, _ in parts for a in alts for w in a.split()):
        return [], "only function words besides the verb"
    star = slots.index("*")
    pre, post = slots[:star], slots[star + 1:]
    if ("+" in pre or "$" in post) and not ("$" in pre or "+" in post):
        inverse = not inverse  # "+ * {DEATH THREAT}", "* PROTESTS (FROM $)": the roles are swapped
    combos = list(itertools.islice(itertools.product(*[alts for alts, _ in parts]), MAX_EXPANSIONS + 1))
    if len(combos) > MAX_EXPANSIONS:
        return [], "synonym set too large"
    rows = []
    for combo in combos:
        text = ""
        for (alts, glued), words in zip(parts, combo):
            text = words if not text else f"{text} {words}" if glued else f"{text} .. {words}"
        rows.append((text, code, inverse))
    return rows, None


def convert_verbs(vd: VerbDictionary, lang: str, label: str, known: dict[str, str], blocked: set[str],
                  function: set[str]) -> Conversion:
    """Trigger rows of a verb dictionary (see module doc).  ``known``: the pack's patterns (folded,
    space-joined) -> PLOVER type; ``blocked``: the pack's negation, modal and future words;
    ``function``: its articles and prepositions (a pattern needs a content word besides the verb)."""
    from tidings.ontology import load_ontology

    ont = load_ontology()
    conv = Conversion()
    seen: set[str] = set(known)
    verb = ""
    for block in vd.blocks:
        for k, (verb_raw, _, _) in enumerate(block.verbs):
            if k and len(block.verbs) > MAX_BLOCK_VERBS:
                conv.dropped[f"verb of a block of more than {MAX_BLOCK_VERBS} loose synonyms"] += 1
                continue
            verb = " ".join(_lemma(w, lang) for w in verb_raw.split())
            # a verb alone is no usable trigger without a parse ("march", "take", "deal" are nouns
            # too): only the block's patterns, which name the verb's object, are kept
            conv.dropped["verb without an object (needs a parse)"] += 1
            for pat in block.patterns:
                rows, why = pattern_rows(pat, verb, vd, lang, blocked, function)
                if why:
                    conv.dropped[why] += 1
                for text, code, inverse in rows:
                    row = _event_row(ont, text, code, inverse, "weak", f"{label}:{pat.line}", conv)
                    if row is None:
                        continue
                    if text in seen:
                        conv.dropped["already in the pack or repeated"] += 1
                    elif any(w in known for w in text.split()):
                        # the hand-written entry stays in charge of its word (a longer imported
                        # match would override its type and flags)
                        conv.dropped["a word of it is a trigger of the pack"] += 1
                    else:
                        seen.add(text)
                        conv.rows.append(row)
    return conv


def _event_row(ont, text: str, code: str, inverse: bool, flag: str, source: str, conv: Conversion) -> dict | None:
    if code == "---":
        conv.dropped["no code"] += 1
        return None
    if not re.match(r"^\d{3,4}$", code):
        conv.dropped["not a CAMEO event code (3 or 4 digits)"] += 1
        return None
    try:
        ptype, mode, _ = ont.plover_of_cameo(code)
        cameo = ont.cameo(code).code
    except KeyError:
        conv.dropped["not a CAMEO code"] += 1
        return None
    if ptype is None:
        conv.dropped["CAMEO code without a PLOVER type (01x, 02x)"] += 1
        return None
    if not _valid_pattern(text):
        conv.dropped["not a valid pack pattern"] += 1
        return None
    flags = ",".join(f for f in (flag, "inverse" if inverse else "") if f)
    return {"pattern": text, "type": ptype, "mode": mode or "", "cameo": cameo, "flags": flags, "source": source}


def _valid_pattern(text: str) -> bool:
    from tidings.lexicon import LexiconError, _pattern_words

    if "*" in text:  # a literal star would read as a wildcard
        return False
    try:
        _pattern_words(text, "import")
    except LexiconError:
        return False
    return True


def code_parts(code: str) -> tuple[str | None, str | None] | None:
    """(country, PLOVER sector) of a CAMEO actor code (``AZEGOV`` -> AZE, GOV; ``IGOUNO`` -> UNO,
    IGO; ``ELI`` -> None, ELI); None for codes we do not keep (``---``, companies, unknown)."""
    from tidings.lexicon import _plover_codes, _valid_country

    PLOVER_SECTORS, NONSTATE = _plover_codes()

    code = code.strip().upper()
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    if not chunks or code.startswith("---") or chunks[0] == "MNC":
        return None

    def sector_of(rest: list[str]) -> str | None:
        for c in rest:
            s = CAMEO_SECTORS.get(c, c)
            if s in PLOVER_SECTORS and s != "IGO":
                return s
        return None

    head = chunks[0]
    if head == "IGO":
        return (chunks[1] if len(chunks) > 1 and chunks[1] in {"UNO", "EUR"} else "IGO"), "IGO"
    if head in NONSTATE:
        return head, sector_of(chunks[1:]) or ("NGO" if head == "NGO" else None)
    if head in PLOVER_SECTORS or head in CAMEO_SECTORS:
        return None, sector_of(chunks)
    if _valid_country(head):
        return head, sector_of(chunks[1:])
    return None


def convert_agents(agents: list[AgentRecord], lang: str, label: str, pack_kinds: dict[str, tuple[str, str | None]],
                   function: set[str] = frozenset(), min_words: int = 1) -> Conversion:
    """Sector-noun rows of an agent dictionary (see module doc).  ``pack_kinds``: folded phrase ->
    (actor kind, sector) of the hand-written pack, which also blocks repeats;
    ``function``: the pack's articles and prepositions (a phrase may not start with one);
    ``min_words``: shorter phrases are dropped (for lists whose one-word entries are unreliable)."""
    from tidings.text import fold

    conv = Conversion()
    by_phrase: dict[str, list[tuple[str, AgentRecord]]] = {}
    for a in agents:
        parts = code_parts(a.code.replace("~", ""))
        sector = parts[1] if parts else None
        if sector is None:
            conv.dropped["code without a PLOVER sector"] += 1
            continue
        by_phrase.setdefault(fold(a.phrase), []).append((sector, a))
    for key, found in by_phrase.items():
        sectors = {s for s, _ in found}
        if len(sectors) > 1:
            conv.dropped["ambiguous (two sectors)"] += 1
            continue
        if len(key.replace(" ", "")) < 4 or not any(ch.isalpha() for ch in key):
            conv.dropped["too short"] += 1
            continue
        if key in pack_kinds:
            conv.dropped["already in the pack"] += 1
            continue
        if _names_country(key, lang, pack_kinds):
            conv.dropped["names a country (the agent would swallow it)"] += 1
            continue
        if key.split()[0] in function:
            conv.dropped["starts with an article or preposition"] += 1
            continue
        if len(key.split()) < min_words:
            conv.dropped[f"fewer than {min_words} words"] += 1
            continue
        if not _valid_pattern(key):
            conv.dropped["not a valid pack pattern"] += 1
            continue
        words = key.split()
        sector, a = found[0]
        own = [pack_kinds[k] for w in words for k in {w, _lemma(w, lang)} if k in pack_kinds]
        if any(s_ and s_ != sector for _, s_ in own):
            # "unidentified gunmen" REB where the pack's "gunmen" is UAF: the pack decides
            conv.dropped["a word of it has another sector in the pack"] += 1
            continue
        kinds = {k for k, _ in own}
        # unknown phrases of several words are bodies ("asuntos exteriores"): a title's complement
        default = "institution" if len(words) > 1 else "group"
        kind = next((k for k in ("title", "institution", "group") if k in kinds), default)
        conv.rows.append({"pattern": a.phrase.lower(), "kind": kind, "country": "", "sector": sector, "flags": "",
                          "start": "", "end": "", "source": f"{label}:{a.line}"})
    return conv


def _names_country(key: str, lang: str, pack_kinds: dict[str, tuple[str, str | None]]) -> bool:
    """Whether a phrase contains a country name, demonym or capital (CLDR or the pack)."""
    from tidings.actors.countries import country_names

    names = country_names(lang)
    words = key.split()
    for n in range(1, 4):
        for i in range(len(words) - n + 1):
            part = " ".join(words[i:i + n])
            if part in names or pack_kinds.get(part, ("",))[0] in {"country", "demonym", "capital"}:
                return True
    return False


def _name_ok(name: str, lang: str) -> str | None:
    """Why a person or organization name is noise, or None when it is kept."""
    words = name.split()
    letters = sum(ch.isalpha() for ch in name)
    if len(words) == 1 and (letters < 4 or _common(name, lang)):
        return "one-word name that is short or a common word"
    if letters < 4:
        return "too short"
    return None


def convert_actors(records: list[ActorRecord], lang: str, label: str, known: set[str]) -> Conversion:
    """Named-actor rows of an actor dictionary (see module doc); ``known``: folded names the pack
    or an earlier file already has (updated)."""
    from tidings.text import fold

    conv = Conversion()
    people_seen: set[str] = set()
    for rec in records:
        default = code_parts(rec.default) if rec.default else None
        roles = [(code_parts(r.code), r) for r in rec.restrictions]
        roles = [(p, r) for p, r in roles if p is not None]
        if rec.restrictions:
            if not roles:
                conv.dropped["no usable code"] += 1
                continue
            if any(sector is None for (_, sector), _ in roles):  # a person always has a role
                conv.dropped["country name with dated codes (CLDR and the pack name countries)"] += 1
                continue
            if all(r.end is not None and r.end < PERSON_SINCE for _, r in roles):
                conv.dropped[f"person out of office before {PERSON_SINCE.year}"] += 1
                continue
            kind = "person"
        elif default and default[1]:
            kind = "igo" if default[1] == "IGO" else "org"
        else:
            conv.dropped["country name or no code (CLDR and the pack name countries)"] += 1
            continue
        for name, line in rec.phrases:
            key = fold(name)
            # a person's dated entry is kept even when the hand-written pack names them undated
            seen = people_seen if kind == "person" else known
            why = _name_ok(name, lang) or ("already known" if key in seen else None) or (
                None if _valid_pattern(name) else "not a valid pack pattern")
            if why:
                conv.dropped[why] += 1
                continue
            seen.add(key)
            shown = name.title() if name.isupper() else name
            periods = [(p, r.start, r.end) for p, r in roles] + ([(default, None, None)] if default else [])
            for (country, sector), start, end in periods:
                conv.rows.append({"pattern": shown, "kind": kind, "country": country or "", "sector": sector or "",
                                  "flags": "", "start": start.isoformat() if start else "",
                                  "end": end.isoformat() if end else "",
                                  # a person's names share the record's line: one person, several names
                                  "source": f"{label}:{rec.line if kind == 'person' else line}"})
    return conv
