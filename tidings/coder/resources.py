"""The loaded resources a ``Coder`` codes with: language packs (with their actor recognizer and
event linker), the ontology and the gazetteer.

``Resources`` is built when the ``Coder`` is: the ontology loads then; a language's pack (with its
recognizer, linker, date grammar and place words) loads, once, the first time a document in that
language needs it, and the GeoNames gazetteer the first time a place is looked up.  So a ``Coder()``
starts in well under a second and only pays for the languages it codes.  ``Coder(languages=[...])``
loads those packs now, and ``Coder(languages="all")`` every available pack and the gazetteer (a
batch's forkserver does, so that its forked workers share them).  Nothing is fetched from the network.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from tidings.actors import ActorRecognizer
from tidings.events import EventLinker
from tidings.lexicon import LanguagePack, available_languages, load_pack


@dataclass(frozen=True)
class LangResources:
    """One language's pack, recognizer, linker and token-key settings (clitic prefixes and case
    suffixes, for ``tidings.text.matcher.token_keys``)."""

    pack: LanguagePack
    actors: ActorRecognizer
    linker: EventLinker
    clitics: tuple
    suffixes: tuple[str, ...] = ()
    lexicon_dirs: tuple[str, ...] = ()  # user folders: their dates.tsv and places.tsv extend the packaged ones

    @classmethod
    def build(cls, pack: LanguagePack, lexicon_dirs: tuple[str, ...] = ()) -> "LangResources":
        """Recognizer and linker built from ``pack``; the date grammar and place lexicon of its
        language (with ``lexicon_dirs``) are compiled now too."""
        from tidings.when import load_grammar
        from tidings.where.lexicon import get_lexicon

        load_grammar(pack.lang, lexicon_dirs)
        get_lexicon(pack.lang, lexicon_dirs)
        return cls(pack, ActorRecognizer(pack), EventLinker(pack), pack.clitic_prefixes(), pack.case_suffixes(),
                   tuple(lexicon_dirs))

    def compact(self) -> "LangResources":
        """These resources with a pack that no longer lists its people's rows (``pack.people``): they
        only feed the recognizer's people index, already built, and are a third of a small
        language's cache entry (load time and memory in every process)."""
        from dataclasses import replace

        return replace(self, pack=replace(self.pack, people=[]))

    @classmethod
    def load(cls, lang: str, lexicon_dirs: tuple[str, ...] = ()) -> "LangResources":
        """``build(load_pack(lang, lexicon_dirs))`` through the compiled cache (tidings.packcache):
        the pack, recognizer, linker and people index of ``lang`` are unpickled when no pack file,
        source file or data library changed since they were built; the date grammar and place
        lexicon of the language are loaded as by ``build``."""
        import hashlib

        from tidings.lexicon import LANG_DIR
        from tidings.packcache import cached, library_versions, package_sources
        from tidings.when import load_grammar
        from tidings.where.lexicon import get_lexicon

        folders = [LANG_DIR / "_all", LANG_DIR / lang] + [Path(d) / s for d in lexicon_dirs for s in ("_all", lang)]
        name = f"res-{lang}-" + hashlib.sha256("|".join(lexicon_dirs).encode()).hexdigest()[:8]
        res = cached(name, folders, package_sources(), lambda: cls.build(load_pack(lang, lexicon_dirs), lexicon_dirs).compact(),
                     extra=library_versions("babel", "pycountry", "simplemma"))
        load_grammar(lang, lexicon_dirs)
        get_lexicon(lang, lexicon_dirs)
        return res


class Resources:
    """Packs (per language), ontology and gazetteer for one set of lexicon folders.

    ``lexicon_dirs``: extra pack folders (``DIR/<lang>/*.tsv``); ``languages``: packs to load now
    (None: none, each loads when first needed; ``"all"``: every available one, and the gazetteer too).  Raises ``LexiconError`` (a ValueError) naming the file and line
    of a broken pack, and ``ValueError`` for a language without one."""

    def __init__(self, lexicon_dirs: Sequence[str] = (), languages: Iterable[str] | str | None = None,
                 gazetteer: bool | None = None) -> None:
        from tidings.ontology import load_ontology

        self.lexicon_dirs = tuple(lexicon_dirs)
        self.ontology = load_ontology()
        self.languages = available_languages(self.lexicon_dirs)
        self._langs: dict[str, LangResources] = {}
        if isinstance(languages, str) and languages != "all":
            raise ValueError(f"languages: give 'all' or a list of language codes; got {languages!r}")
        wanted = self.languages if languages == "all" else list(languages or ())
        for lang in wanted:
            if lang not in self.languages:
                raise ValueError(f"language {lang!r} has no language pack (available: {', '.join(self.languages)})")
            self.lang(lang)
        if gazetteer or (gazetteer is None and languages == "all"):
            from tidings.where import get_gazetteer

            get_gazetteer()

    def supported(self, lang: str) -> bool:
        """Whether ``lang`` has a language pack."""
        return lang in self._langs or lang in self.languages

    def lang(self, lang: str) -> LangResources:
        """The resources of ``lang`` (loaded now if they were not at construction)."""
        res = self._langs.get(lang)
        if res is None:
            res = self._langs[lang] = LangResources.load(lang, self.lexicon_dirs)
        return res

    def loaded(self) -> list[str]:
        """Languages whose packs are loaded."""
        return sorted(self._langs)


def lexicon_languages(lexicon_dirs: Sequence[str | Path]) -> list[str]:
    """Language folders (``DIR/<lang>/``) the user lexicon folders give."""
    return sorted({sub.name for d in lexicon_dirs for sub in Path(d).iterdir()
                   if sub.is_dir() and not sub.name.startswith("_")})
