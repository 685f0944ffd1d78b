"""Per-language place knowledge read from ``tidings/lang/<xx>/places.tsv`` (format in that file's header).

Adding a language is adding ``tidings/lang/<xx>/places.tsv``; nothing here names a language.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from tidings.where.gazetteer import norm_key

LANG_DIR = Path(__file__).resolve().parent.parent / "lang"
KINDS = ("prep", "stop", "alias", "clitic", "suffix", "admin", "feature", "join", "setting", "street", "determiner", "venue")
ROLES = ("in", "from", "by")


class PlacesDataError(ValueError):
    """A ``places.tsv`` row is malformed (message names the file and line)."""


@dataclass
class PlaceLexicon:
    """The place knowledge of one language, all keys normalized with :func:`norm_key`.

    ``preps``: preposition (possibly several words) -> role (``in``/``from``/``by``);
    ``stop``: names never geocoded; ``aliases``: name -> list of targets (ISO3, GeoNames id as int, or
    ISO 3166-2 code); ``clitics``: (prefix, role or None), longest first; ``suffixes``: (ending,
    replacement) in file order; ``admin``: word -> ``before``/``after``/``both``; ``features``: nouns that
    introduce a place name; ``joins``: lower-case words allowed inside a name; ``nouns_capitalized``; ``script`` (``setting script``: latin, cyrillic, arabic);
    ``determiners``: articles and contracted prepositions; ``country_forms``: the ``country`` rows of
    the language's ``actors.tsv`` (key -> ISO3); ``common``: gazetteer keys that are common
    words of the language (``placewords.tsv``, built by ``tools/build_placewords.py``); ``venues``:
    phrases that state where the story happens ("took place in", "viajó a"), the country after one
    counting for the article's scene.
    """

    lang: str
    preps: dict[str, str] = field(default_factory=dict)
    stop: set[str] = field(default_factory=set)
    aliases: dict[str, list[str | int]] = field(default_factory=dict)
    clitics: list[tuple[str, str | None]] = field(default_factory=list)
    suffixes: list[tuple[str, str]] = field(default_factory=list)
    admin: dict[str, str] = field(default_factory=dict)
    features: set[str] = field(default_factory=set)
    streets: set[str] = field(default_factory=set)  # "piazza", "rue", "street": the name after one is no town
    joins: set[str] = field(default_factory=set)
    nouns_capitalized: bool = False
    script: str = "latin"  # the script the language is written in: latin | cyrillic | arabic
    determiners: set[str] = field(default_factory=set)  # "the", "la", "del": a name after one is a common noun
    common: frozenset[str] = frozenset()  # gazetteer keys that are common words (placewords.tsv)
    country_forms: dict[str, str] = field(default_factory=dict)  # actors.tsv country rows: key -> ISO3
    venues: frozenset[str] = frozenset()  # "took place in", "viajó a": the country after one is the scene

    @property
    def max_prep_words(self) -> int:
        return max((len(p.split()) for p in self.preps), default=1)


def _parse(path: Path, lang: str, lex: PlaceLexicon | None = None) -> PlaceLexicon:
    """Read one places.tsv into ``lex`` (a new lexicon when None); later files extend and override."""
    from tidings.packfile import read_rows

    lex = lex if lex is not None else PlaceLexicon(lang)
    for lineno, row in read_rows(path, ("kind", "form", "value"), error=PlacesDataError, header_optional=True):
        kind, form, value = row["kind"], row["form"], row["value"]
        if kind not in KINDS or not form:
            raise PlacesDataError(f"{path}:{lineno}: expected 'kind<TAB>form[<TAB>value]' with kind in {KINDS}, "
                                  f"got {kind!r} {form!r}")
        key = norm_key(form)
        if kind == "prep":
            if value not in ROLES:
                raise PlacesDataError(f"{path}:{lineno}: prep role must be one of {ROLES}, got {value!r}")
            lex.preps[key] = value
        elif kind == "stop":
            lex.stop.add(key)
        elif kind == "alias":
            if not value:
                raise PlacesDataError(f"{path}:{lineno}: alias {form!r} needs a target (ISO3, GeoNames id, ISO 3166-2)")
            lex.aliases.setdefault(key, []).append(int(value) if value.isdigit() else value)
        elif kind == "clitic":
            lex.clitics.append((key, value or None))
        elif kind == "suffix":
            lex.suffixes.append((key, norm_key(value) if value else ""))
        elif kind == "admin":
            lex.admin[key] = value or "both"
        elif kind == "feature":
            lex.features.add(key)
        elif kind == "street":
            lex.streets.add(key)
        elif kind == "join":
            lex.joins.add(key)
        elif kind == "determiner":
            lex.determiners.add(key)
        elif kind == "venue":
            lex.venues = lex.venues | {key}
        elif kind == "setting" and form == "nouns_capitalized":
            lex.nouns_capitalized = value.lower() in ("yes", "true", "1")
        elif kind == "setting" and form == "script":
            lex.script = value.lower()
    lex.clitics.sort(key=lambda c: -len(c[0]))
    words = path.parent / "placewords.tsv"
    if words.is_file():
        lex.common = frozenset(r["key"] for _, r in read_rows(words, ("key",), error=PlacesDataError))
    return lex


def get_lexicon(lang: str | None, extra_dirs=()) -> PlaceLexicon:
    """The :class:`PlaceLexicon` of ISO 639-1 ``lang`` (cached). A language without a ``places.tsv``
    (or ``None``) gets an empty lexicon: places are then found by capitalization and the gazetteer only.
    ``extra_dirs``: user lexicon folders whose ``<lang>/places.tsv`` extends the packaged one.

    Raises :class:`PlacesDataError` when a file is malformed.
    """
    return _get_lexicon(lang, tuple(str(d) for d in extra_dirs))


@functools.lru_cache(maxsize=None)
def _get_lexicon(lang: str | None, extra_dirs: tuple[str, ...]) -> PlaceLexicon:
    if not lang:
        return PlaceLexicon("")
    lang = lang.lower().split("-")[0].split("_")[0]
    if not (LANG_DIR / lang).is_dir() and not extra_dirs:
        return _build_lexicon(lang, extra_dirs)
    import hashlib

    from tidings.packcache import cached, library_versions, package_sources

    # through the compiled cache: rebuilt when a file of the language's folders or the code changes
    folders = [LANG_DIR / lang] + [Path(d) / lang for d in extra_dirs]
    name = f"places-{lang}-" + hashlib.sha256("|".join(extra_dirs).encode()).hexdigest()[:8]
    return cached(name, folders, package_sources(), lambda: _build_lexicon(lang, extra_dirs),
                  extra=library_versions("babel"))


def _build_lexicon(lang: str, extra_dirs: tuple[str, ...]) -> PlaceLexicon:
    lex = PlaceLexicon(lang)
    for path in [LANG_DIR / lang / "places.tsv"] + [Path(d) / lang / "places.tsv" for d in extra_dirs]:
        if path.is_file():
            lex = _parse(path, lang, lex)
    from tidings.when import calendar_words

    # month and weekday names and their abbreviations ("Monday", "Mayo", "Nov", "Mon") are never
    # geocoded; the date grammar holds them
    lex.stop |= {norm_key(w) for w in calendar_words(lang, abbreviated=True)}
    for path in [LANG_DIR / lang / "actors.tsv"] + [Path(d) / lang / "actors.tsv" for d in extra_dirs]:
        if path.is_file():
            _add_country_forms(path, lex)
    return lex


def _add_country_forms(path: Path, lex: PlaceLexicon) -> None:
    """The ``country`` rows of a language's ``actors.tsv`` (short and common country names the actor
    recognizer knows but CLDR lacks: "Palestina", "Birmanie", "Elfenbeinküste", "فلسطين") become
    ``country_forms``, unless ``places.tsv`` already says what the name is.  The matcher uses one only
    where GeoNames knows the name as nothing larger than a town (``Palestina`` is otherwise a
    Brazilian town's old name; ``Gaza`` stays the city)."""
    from tidings.packfile import read_rows

    for _, row in read_rows(path, None, error=PlacesDataError):
        form, code = row.get("pattern", ""), row.get("country", "")
        if row.get("kind") != "country" or not form or "*" in form or len(code) != 3 or not code.isupper():
            continue
        key = norm_key(form)
        if key and key not in lex.aliases and key not in lex.stop:
            lex.country_forms[key] = code
