"""Language packs: the per-language data the coder reads (DESIGN: "Language knowledge is data").

A pack is a folder ``tidings/lang/<iso639-1>/`` of tab-separated files, each with a header line;
blank lines and lines starting with ``#`` are ignored.  The coder reads three of them:

``events.tsv``  ``pattern  type  mode  cameo  flags``
    A trigger word or phrase -> PLOVER type (PLOVER manual), optional PLOVER mode, CAMEO code
    (CAMEO codebook; empty = the ontology's default for the type and mode) and flags
    (comma-separated, see ``EVENT_FLAGS``).
``actors.tsv``  ``pattern  kind  country  sector  flags``
    Names, demonyms, capitals, organizations, institutions, titles and group nouns -> an ISO 3166-1
    alpha-3 country (or a PLOVER non-state code such as ``IGO``/``UNO``/``EUR``) and/or a PLOVER
    sector.  ``kind`` is one of ``ACTOR_KINDS``.
``frames.tsv``  ``kind  pattern  value``
    Closed-class cues for linking and modality: negation, future, passive auxiliaries, agent and
    recipient prepositions, coordination, clause breaks, attribution, clitic prefixes (``FRAME_KINDS``).

Pattern syntax (events, actors, frames): words separated by spaces, matched against each token's
folded surface form or lemma (see ``tidings.text.fold``); patterns are also lemmatized when loaded,
so either form may be written.  ``word*`` matches any token starting with ``word`` (at least three
characters before the star), ``*word`` any token ending with it (German compounds: ``*minister``),
and ``..`` stands for a gap of zero to three tokens.

Users extend or override a pack with ``--lexicon DIR`` (``DIR/<lang>/events.tsv`` ...): an entry with
the same pattern (and kind, for frames) replaces the packaged one, and a type or kind of ``-``
removes it.  Every problem is reported as ``LexiconError("path:line: message")``.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

LANG_DIR = Path(__file__).parent / "lang"

EVENT_COLUMNS = ("pattern", "type", "mode", "cameo", "flags")
ACTOR_COLUMNS = ("pattern", "kind", "country", "sector", "flags")
FRAME_COLUMNS = ("kind", "pattern", "value")
# imported files (``events.<name>.tsv``, ``actors.<name>.tsv``, see tidings.dictionaries) add the
# entry's source (dictionary file:line) and, for actors, the dates a role holds (ISO, inclusive)
EVENT_IMPORT_COLUMNS = EVENT_COLUMNS + ("source",)
ACTOR_IMPORT_COLUMNS = ACTOR_COLUMNS + ("start", "end", "source")

EVENT_FLAGS = {
    "symmetric",  # all parties are actors (talks between A and B), PLOVER compound-actor convention
    "host",  # subject hosts the object (received X): the object is the visitor = actor
    "noun",  # the trigger is a noun: needs an actor in an attached phrase (of/de/between, A-B)
    "weak",  # ambiguous trigger: coded only with both an actor and a recipient found
    "report",  # a speech verb that makes the following clause a claim (said, dijo)
    "deny",  # a denial verb: the embedded event is negated (denied, negó)
    "self",  # no recipient: the actor acts on itself (resigned)
    "inverse",  # the party after the trigger is the actor, the one before the recipient (received threats from)
}
ACTOR_KINDS = {
    "country",  # a name or short form of a country (EE.UU.)
    "demonym",  # an adjective or demonym (azerbaiyano, Tajik)
    "capital",  # a capital used for its government (Moscú dijo)
    "igo",  # an international organization
    "org",  # a named organization with a country and sector (Hamas, OFAC)
    "person",  # a named person with a country and sector (as of the lexicon's date)
    "title",  # a title or office held by a person (minister, president)
    "institution",  # a body (ministry, parliament, army)
    "group",  # a group noun (protesters, rebels, gunmen)
    "former",  # a word that makes the following title former (ex-, former): sector ELI
    "side",  # "the Tajik side", "la parte tayika": country + GOV
}
ACTOR_FLAGS = {
    "needs_country",  # the word is an actor only next to a country or demonym ("the Tajik side", "la parte uzbeka")
    "anaphor",  # a generic body word ("ведомство", "the ministry") standing for the body the article named last
}
FRAME_KINDS = {
    "negation", "future", "hypothetical", "claim", "passive_aux", "agent_prep", "recipient_prep",
    "conj", "clause_break", "between", "clitic_prefix", "locative_prep", "source_prep",
    "future_suffix", "modal", "article", "title_prefix", "name_particle", "stop", "of", "deny", "speech", "quantity", "clause_aux", "setting", "case_suffix", "possessive", "context", "territory", "participle_suffix", "auxiliary", "both",
    "background", "recent", "habitual", "source", "operation", "pronoun", "contraction", "victim", "halt",
    "relative", "reason", "purpose", "idiom", "desire", "concern",
    "impersonal", "impersonal_suffix", "dative_suffix", "locative_agent", "definite_prefix",
}
#: frame kinds whose pattern is a word part (a prefix or an ending), not words
AFFIX_KINDS = frozenset({"clitic_prefix", "future_suffix", "case_suffix", "participle_suffix", "impersonal_suffix",
                         "dative_suffix", "definite_prefix"})
#: the values a frame kind takes (empty: the default reading): ``after``, a postposed negation ("не было")
FRAME_VALUES = {"negation": {"", "after"}, "definite_prefix": {"", "prep"}}
# country codes pycountry lacks: Palestine's alpha-3 in older data, Kosovo's user-assigned XKX and CAMEO's KOS
_EXTRA_COUNTRIES = {"PSE", "XKX", "KOS"}


def _plover_codes() -> tuple[frozenset[str], frozenset[str]]:
    """(sector codes an actor may have, non-state country codes), from tidings/ontology: the PLOVER
    sectors, plus the non-state codes IGO and NGO, which the manual also uses as sectors."""
    from tidings.ontology import load_ontology

    ont = load_ontology()
    return frozenset(ont.sectors) | frozenset(ont.nonstate), frozenset(ont.nonstate)
_ISO3_RE = re.compile(r"^[A-Z]{3}$")


class LexiconError(ValueError):
    """A problem in a language pack file; the message is ``path:line: problem``."""


def _reduce_fields(self):
    """Pickle a frozen dataclass with slots as a call of its constructor: dataclasses' own
    ``__setstate__`` for such classes costs several times more per object, and a language pack's
    cache entry holds tens of thousands of them."""
    return type(self), tuple(getattr(self, name) for name in self.__slots__)


@dataclass(frozen=True, slots=True)
class EventEntry:
    """A trigger: ``words`` are folded pattern words; ``cameo`` may be empty (ontology default)."""

    __reduce__ = _reduce_fields

    words: tuple[str, ...]
    type: str
    mode: str | None
    cameo: str | None
    flags: frozenset[str]
    where: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """An actor pattern: ``country`` ISO3/non-state code or None, ``sector`` PLOVER sector or None."""

    __reduce__ = _reduce_fields

    words: tuple[str, ...]
    kind: str
    country: str | None
    sector: str | None
    flags: frozenset[str]
    where: str
    text: str = ""


@dataclass(frozen=True)
class PersonRole:
    """A named person's role for a period (``start``/``end`` ISO dates, inclusive, None = open;
    both None = the default role when no period holds), from an imported actors file."""

    words: tuple[str, ...]
    text: str
    country: str | None
    sector: str | None
    start: str | None
    end: str | None
    where: str


@dataclass(frozen=True, slots=True)
class FrameEntry:
    """A closed-class cue (``kind`` in FRAME_KINDS) with an optional value."""

    __reduce__ = _reduce_fields

    kind: str
    words: tuple[str, ...]
    value: str | None
    where: str


@dataclass
class LanguagePack:
    """All the data the coder has for one language (merged from the package and ``--lexicon`` dirs)."""

    lang: str
    events: list[EventEntry] = field(default_factory=list)
    actors: list[ActorEntry] = field(default_factory=list)
    frames: list[FrameEntry] = field(default_factory=list)
    removed_actors: list[tuple[str, ...]] = field(default_factory=list)  # "-" lines (also block CLDR names)
    people: list[PersonRole] = field(default_factory=list)  # dated roles of named people (tidings.actors.people)
    officeholder_files: list[str] = field(default_factory=list)  # _all/officeholders/*.tsv (tidings.actors.people)

    def frame_words(self, kind: str) -> set[str]:
        """Single-word cues of ``kind`` as a set of folded words."""
        return {" ".join(f.words) for f in self.frames if f.kind == kind}

    def frame_values(self, kind: str) -> list[FrameEntry]:
        return [f for f in self.frames if f.kind == kind]

    def clitic_prefixes(self) -> tuple[tuple[str, str], ...]:
        """(prefix, replacement) of the ``clitic_prefix`` cues, longest first (see token_keys)."""
        return tuple(sorted(((" ".join(f.words), f.value or "") for f in self.frame_values("clitic_prefix")),
                            key=lambda c: len(c[0]), reverse=True))

    def case_suffixes(self) -> tuple[str, ...]:
        """The ``case_suffix`` endings, longest first (see token_keys)."""
        return tuple(sorted((" ".join(f.words) for f in self.frame_values("case_suffix")), key=len, reverse=True))


_SHARED: dict = {}


def _shared(value):
    """One object for equal flag sets, type, mode and CAMEO strings (tens of thousands of entries
    share a handful of values)."""
    return _SHARED.setdefault(value, value)


def _rows(path: Path, columns: Sequence[str]) -> Iterable[tuple[int, dict[str, str]]]:
    """(line number, row) of a pack file, its header checked against ``columns`` (tidings.packfile)."""
    from tidings.packfile import read_rows

    return read_rows(path, columns, error=LexiconError)


def _pattern_words(raw: str, where: str) -> tuple[str, ...]:
    from tidings.text import fold, tokenize

    if not raw:
        raise LexiconError(f"{where}: empty pattern")
    words = []
    for part in raw.split():
        if part == "..":
            words.append("..")
            continue
        star_end, star_start = part.endswith("*"), part.startswith("*")
        core = part.strip("*")
        if (star_end or star_start) and len(core) < 3:
            raise LexiconError(f"{where}: wildcard '{part}' needs at least 3 letters")
        # a pattern word is cut like text is, so "EE.UU." or "l'armée" match their tokens
        pieces = [t.norm for t in tokenize(core, "xx")] if not (star_end or star_start) else [fold(core)]
        if not pieces:
            raise LexiconError(f"{where}: pattern word '{part}' has no letters")
        if star_end:
            pieces[-1] += "*"
        if star_start:
            pieces[0] = "*" + pieces[0]
        words.extend(pieces)
    if words[0] == ".." or words[-1] == "..":
        raise LexiconError(f"{where}: a pattern cannot start or end with a gap")
    return tuple(words)


def _valid_country(code: str) -> bool:
    if code in _plover_codes()[1] or code in _EXTRA_COUNTRIES:
        return True
    if not _ISO3_RE.match(code):
        return False
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None


def _where(path: Path, no: int, row: dict[str, str]) -> str:
    return f"{path}:{no}" + (f" <- {row['source']}" if row.get("source") else "")


def _load_events(path: Path, pack: LanguagePack, types: set[str], errors: list[str] | None = None) -> None:
    from tidings.ontology import load_ontology

    ont = load_ontology()
    merged = {e.words: e for e in pack.events}
    for no, row in _rows(path, EVENT_COLUMNS if path.name == "events.tsv" else EVENT_IMPORT_COLUMNS):
        try:
            where = _where(path, no, row)
            words = _pattern_words(row["pattern"], where)
            if row["type"] == "-":
                merged.pop(words, None)
                continue
            if row["type"] not in types:
                raise LexiconError(f"{where}: unknown PLOVER type '{row['type']}'")
            cameo = row["cameo"] or None
            if cameo and not re.match(r"^\d{3,4}$", cameo):
                raise LexiconError(f"{where}: CAMEO code '{cameo}' must be 3 or 4 digits")
            if cameo and cameo not in ont.cameo_codes:
                raise LexiconError(f"{where}: '{cameo}' is not a CAMEO code (tidings/ontology/cameo_codes.tsv)")
            mode = row["mode"] or None
            if mode and not ont.is_valid(row["type"], mode):
                raise LexiconError(f"{where}: '{mode}' is not a PLOVER mode of {row['type']} (tidings/ontology/plover_modes.tsv)")
            flags = frozenset(f.strip() for f in row["flags"].split(",") if f.strip())
            bad = flags - EVENT_FLAGS
            if bad:
                raise LexiconError(f"{where}: unknown flag(s) {', '.join(sorted(bad))}; known: {', '.join(sorted(EVENT_FLAGS))}")
            merged[words] = EventEntry(words, _shared(row["type"]), _shared(row["mode"] or None), _shared(cameo),
                                       _shared(flags), where, row["pattern"])
        except LexiconError as exc:
            if errors is None:
                raise
            errors.append(str(exc))
    pack.events = list(merged.values())


def _load_actors(path: Path, pack: LanguagePack, errors: list[str] | None = None) -> None:
    merged = {(e.words, e.kind): e for e in pack.actors}
    imported = path.name != "actors.tsv"
    for no, row in _rows(path, ACTOR_IMPORT_COLUMNS if imported else ACTOR_COLUMNS):
        try:
            where = _where(path, no, row)
            words = _pattern_words(row["pattern"], where)
            kind = row["kind"]
            if kind == "-":
                for key in [k for k in merged if k[0] == words]:
                    merged.pop(key)
                pack.removed_actors.append(words)
                continue
            if kind not in ACTOR_KINDS:
                raise LexiconError(f"{where}: unknown actor kind '{kind}'; known: {', '.join(sorted(ACTOR_KINDS))}")
            country = row["country"] or None
            if country and not _valid_country(country):
                raise LexiconError(f"{where}: '{country}' is not an ISO 3166-1 alpha-3 code or a PLOVER non-state code")
            sector = row["sector"] or None
            if sector and sector not in _plover_codes()[0]:
                raise LexiconError(f"{where}: unknown PLOVER sector '{sector}'")
            if kind in {"country", "demonym", "capital", "side"} and not country:
                raise LexiconError(f"{where}: a {kind} entry needs a country")
            flags = frozenset(f.strip() for f in row["flags"].split(",") if f.strip())
            if flags - ACTOR_FLAGS:
                raise LexiconError(f"{where}: unknown flag(s) {', '.join(sorted(flags - ACTOR_FLAGS))}; known: {', '.join(sorted(ACTOR_FLAGS))}")
            if imported and (kind == "person" or row["start"] or row["end"]):
                pack.people.append(PersonRole(words, row["pattern"], _shared(country), _shared(sector), _iso(row["start"], where),
                                              _iso(row["end"], where), where))
                continue
            merged[(words, kind)] = ActorEntry(words, _shared(kind), _shared(country), _shared(sector), _shared(flags),
                                               where, row["pattern"])
        except LexiconError as exc:
            if errors is None:
                raise
            errors.append(str(exc))
    pack.actors = list(merged.values())


def _iso(value: str, where: str) -> str | None:
    if not value:
        return None
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        raise LexiconError(f"{where}: date '{value}' must be YYYY-MM-DD")
    return value


def pack_files(d: Path) -> list[tuple[str, Path]]:
    """(kind, path) of the pack files of folder ``d`` in loading order: imported ``events.*.tsv``
    and ``actors.*.tsv`` (sorted) before the hand-written file of their kind, so hand-written wins."""
    out: list[tuple[str, Path]] = []
    for kind in ("events", "actors", "frames"):
        if kind != "frames":
            out += [(kind, p) for p in sorted(d.glob(f"{kind}.*.tsv"))]
        out.append((kind, d / f"{kind}.tsv"))
    return out


def _load_frames(path: Path, pack: LanguagePack, errors: list[str] | None = None) -> None:
    merged = {(f.kind, f.words): f for f in pack.frames}
    for no, row in _rows(path, FRAME_COLUMNS):
        try:
            where = f"{path}:{no}"
            kind = row["kind"]
            if kind.startswith("-"):
                merged.pop((kind[1:], _pattern_words(row["pattern"], where)), None)
                continue
            if kind not in FRAME_KINDS:
                raise LexiconError(f"{where}: unknown frame kind '{kind}'; known: {', '.join(sorted(FRAME_KINDS))}")
            if kind in AFFIX_KINDS:
                words = (row["pattern"].strip(),)
                if not words[0]:
                    raise LexiconError(f"{where}: empty pattern")
            else:
                words = _pattern_words(row["pattern"], where)
            if kind in FRAME_VALUES and (row["value"] or "") not in FRAME_VALUES[kind]:
                raise LexiconError(f"{where}: value '{row['value']}' of {kind} must be empty or one of "
                                   f"{', '.join(sorted(v for v in FRAME_VALUES[kind] if v))}")
            if kind == "context":
                from tidings.ontology import load_ontology

                if row["value"] not in load_ontology().contexts:
                    raise LexiconError(f"{where}: '{row['value']}' is not a PLOVER context (tidings/ontology/plover_contexts.tsv)")
            merged[(kind, words)] = FrameEntry(kind, words, row["value"] or None, where)
        except LexiconError as exc:
            if errors is None:
                raise
            errors.append(str(exc))
    pack.frames = list(merged.values())


def available_languages(extra_dirs: Sequence[str | Path] = ()) -> list[str]:
    """ISO 639-1 codes of every language with an ``events.tsv`` in the package or ``extra_dirs``
    (folders starting with ``_``, such as the shared ``_all``, are not languages)."""
    langs = {p.parent.name for p in LANG_DIR.glob("*/events.tsv")}
    for d in extra_dirs:
        langs |= {p.parent.name for p in Path(d).glob("*/events.tsv")}
    return sorted(x for x in langs if not x.startswith("_"))


def load_pack(lang: str, extra_dirs: Sequence[str | Path] = ()) -> LanguagePack:
    """Load and validate the pack for ``lang``, then apply each of ``extra_dirs`` in order.

    Raises ``LexiconError`` (``path:line: message``) on any problem, and when no directory has
    data for ``lang``.
    """
    return _load_pack_cached(lang, tuple(str(d) for d in extra_dirs))


@lru_cache(maxsize=64)
def _load_pack_cached(lang: str, extra_dirs: tuple[str, ...]) -> LanguagePack:
    from tidings.packcache import cached

    folders = [LANG_DIR / "_all", LANG_DIR / lang] + [Path(d) / s for d in extra_dirs for s in ("_all", lang)]
    name = f"pack-{lang}-" + hashlib.sha256("|".join(extra_dirs).encode()).hexdigest()[:8]
    return cached(name, folders, [Path(__file__)], lambda: _load_pack_files(lang, extra_dirs))


def _load_pack_files(lang: str, extra_dirs: tuple[str, ...]) -> LanguagePack:
    from tidings.ontology import load_ontology

    types = set(load_ontology().plover_types)
    pack = LanguagePack(lang)
    found = False
    dirs = [LANG_DIR / "_all", LANG_DIR / lang]
    for d in extra_dirs:
        dirs += [Path(d) / "_all", Path(d) / lang]
    for d in dirs:
        if not d.is_dir():
            continue
        loaders = {"events": lambda p: _load_events(p, pack, types), "actors": lambda p: _load_actors(p, pack),
                   "frames": lambda p: _load_frames(p, pack)}
        for kind, path in pack_files(d):
            if path.is_file():
                loaders[kind](path)
                found = found or d.name != "_all"
        pack.officeholder_files += [str(p) for p in sorted((d / "officeholders").glob("*.tsv"))]
    if not found:
        raise LexiconError(f"{LANG_DIR / lang}:0: no language pack for '{lang}'")
    _add_calendar_cues(pack)
    return pack


CALENDAR_WHERE = "date grammar (dates.tsv and CLDR)"  # the ``where`` of the cues _add_calendar_cues adds


def _add_calendar_cues(pack: LanguagePack) -> None:
    """Month and weekday names are frame cues too: never part of a name (``stop``) and, for weekdays,
    the news of the last days (``recent``).  They come from the date grammar (``dates.tsv`` and CLDR,
    :func:`tidings.when.calendar_words`, :func:`tidings.when.weekday_phrases`), the one list of them,
    with every inflected form it reads; frames.tsv does not repeat them."""
    from tidings.when import calendar_words, weekday_phrases

    have = {(f.kind, f.words) for f in pack.frames}
    for kind, words in (("stop", calendar_words(pack.lang, abbreviated=False)), ("recent", weekday_phrases(pack.lang))):
        for w in sorted(words):
            key = (kind, _pattern_words(w, CALENDAR_WHERE))
            if key not in have:
                have.add(key)
                pack.frames.append(FrameEntry(kind, key[1], None, CALENDAR_WHERE))


def validate_all(extra_dirs: Sequence[str | Path] = ()) -> list[str]:
    """Check every pack; return every problem (``path:line: message``), empty when all are valid.
    Unlike loading, which stops at the first problem, this reports every bad line."""
    from tidings.ontology import load_ontology

    types = set(load_ontology().plover_types)
    problems: list[str] = []
    files = {"events": lambda p, pk, err: _load_events(p, pk, types, err),
             "actors": _load_actors, "frames": _load_frames}
    for base in [LANG_DIR] + [Path(d) for d in extra_dirs]:
        for d in sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []:
            for name, path in pack_files(d):
                loader = files[name]
                if path.exists() and not path.is_file():
                    problems.append(f"{path}:0: not a file")
                elif path.is_file():
                    try:
                        loader(path, LanguagePack(d.name), problems)
                    except LexiconError as exc:  # the header or the encoding: the file cannot be read
                        problems.append(str(exc))
    problems += _check_other_files(extra_dirs)
    return problems


def _check_other_files(extra_dirs: Sequence[str | Path] = ()) -> list[str]:
    """Problems of the chrome.tsv (cleaning), dates.tsv (dates) and places.tsv (places) files, packaged
    and in ``extra_dirs``, read by their own loaders, which report ``file:line: message`` too."""
    from tidings.clean import patterns
    from tidings.when import load_grammar
    from tidings.where.lexicon import get_lexicon

    out = []
    for base, extra in [(LANG_DIR, ())] + [(Path(d), (str(d),)) for d in extra_dirs]:
        for d in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith("_")) if base.is_dir() else []:
            for name, load in (("chrome.tsv", patterns.load), ("dates.tsv", load_grammar), ("places.tsv", get_lexicon)):
                if (d / name).is_file():
                    try:
                        load(d.name, extra)
                    except ValueError as exc:  # LexiconError-like: "file:line: problem"
                        out.append(str(exc))
    return out
