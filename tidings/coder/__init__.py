"""The ``Coder``: an ordered list of named stages over one per-document record.

    RawDocument --clean--> Article --> CodingDoc
      segment -> recognize -> link -> modality -> resolve -> date -> date_people -> place -> dedup
      -> infer_place -> multilateral -> name_people --> CodingDoc.events

Each stage is an object with a ``name`` and ``__call__(doc) -> doc`` over a
:class:`~tidings.coder.record.CodingDoc`; it keeps nothing on ``self`` between documents (only its
settings).  ``Coder().stages`` lists them in order; ``Coder(stages=[...])`` runs another list,
``coder.replace("link", MyLinker())`` swaps one and ``coder.disable("infer_place")`` drops one.
See docs/architecture.md for what each stage decides and where to add a language, a stage, a
dictionary or an export.

The ontology loads when the ``Coder`` is built; each language's pack the first time a document in
that language needs it, and the gazetteer the first time a place is looked up
(:class:`~tidings.coder.resources.Resources`); nothing is fetched from the network.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Sequence

from tidings.coder.dating import DateStage
from tidings.coder.dedup import Dedup
from tidings.coder.finish import DatePeople, Multilateral, NamePeople
from tidings.coder.link import Link, Modality
from tidings.coder.places import InferPlace, PlaceStage
from tidings.coder.recognize import Recognize
from tidings.coder.record import Candidate, CodingDoc, Draft, SentenceRead
from tidings.coder.resolve import Resolve
from tidings.coder.resources import LangResources, Resources, lexicon_languages
from tidings.coder.segment import MAX_SENTENCE_TOKENS, Segment
from tidings.records import Article, Event, RawDocument

__all__ = ["Coder", "CodingDoc", "SentenceRead", "Candidate", "Draft", "DocumentError", "Stage",
           "default_stages", "default_coder", "ALL_MODALITIES", "DEFAULT_MODALITIES", "MAX_ARTICLE_CHARS",
           "MAX_SENTENCE_TOKENS", "LangResources", "Resources"]

DEFAULT_MODALITIES = frozenset({"asserted", "claimed"})
ALL_MODALITIES = frozenset({"asserted", "claimed", "negated", "hypothetical", "future"})
# a news article is a few thousand characters; past this the input is a dump, not an article
MAX_ARTICLE_CHARS = 500_000

Stage = Callable[[CodingDoc], CodingDoc]  # with a ``name`` attribute


class DocumentError(ValueError):
    """A document that cannot be coded; the message names the document and the reason."""


def default_stages() -> list:
    """New instances of the default stages, in order."""
    return [Segment(), Recognize(), Link(), Modality(), Resolve(), DateStage(), DatePeople(), PlaceStage(), Dedup(),
            InferPlace(), Multilateral(), NamePeople()]


def _stage_name(stage) -> str:
    name = getattr(stage, "name", None)
    if not isinstance(name, str) or not name or not callable(stage):
        raise TypeError(f"a stage is a callable doc -> doc with a non-empty str 'name'; got {stage!r}")
    return name


class Coder:
    """Codes documents into events.

    ``lexicon_dirs``: extra language-pack folders (``DIR/<lang>/events.tsv`` ...) that extend or
    override the packaged packs.  ``modalities``: which event modalities to return (default:
    asserted and claimed; "all", or a collection of names).  ``default_lang``: language used when an
    article has none.  ``stages``: the stages to run (default :func:`default_stages`).
    ``languages``: packs to load now (default: none, each loads when a document first needs it;
    ``"all"``: every available pack and the gazetteer).
    Raises ``ValueError`` for a bad option and ``LexiconError`` for a broken pack."""

    def __init__(self, lexicon_dirs: Sequence[str | Path] | str | Path = (), modalities=DEFAULT_MODALITIES,
                 default_lang: str = "en", *, stages: Iterable | None = None,
                 languages: Iterable[str] | str | None = None) -> None:
        if isinstance(lexicon_dirs, (str, Path)):
            lexicon_dirs = (lexicon_dirs,)
        self.lexicon_dirs = tuple(str(d) for d in lexicon_dirs)
        for d in self.lexicon_dirs:
            if not Path(d).is_dir():
                raise ValueError(f"lexicon folder {d!r} is not a directory")
        self.modalities = _check_modalities(modalities)
        self.default_lang = default_lang
        self.stages = list(default_stages() if stages is None else stages)
        names = [_stage_name(s) for s in self.stages]
        if len(set(names)) != len(names):
            raise ValueError(f"stage names must be unique; got {', '.join(names)}")
        from tidings.text import use_full_lemmas

        for lang in lexicon_languages(self.lexicon_dirs):  # a user lexicon may use words the shipped lemma tables lack
            use_full_lemmas(lang)
        self.res = Resources(self.lexicon_dirs, languages)
        self.ontology = self.res.ontology

    def __repr__(self) -> str:
        return (f"Coder(lexicon_dirs={self.lexicon_dirs!r}, modalities={sorted(self.modalities)!r}, "
                f"stages={self.stage_names!r})")

    # -- stages ----------------------------------------------------------------------------------
    @property
    def stage_names(self) -> list[str]:
        """The names of the stages, in order."""
        return [s.name for s in self.stages]

    def _index(self, name: str) -> int:
        try:
            return self.stage_names.index(name)
        except ValueError:
            raise ValueError(f"no stage named {name!r}; the stages are {', '.join(self.stage_names)}") from None

    def replace(self, name: str, stage) -> "Coder":
        """Put ``stage`` in place of the stage called ``name`` (in place; returns the coder).
        Raises ``ValueError`` for an unknown name and ``TypeError`` for a stage without a name."""
        new = _stage_name(stage)
        i = self._index(name)
        if new != name and new in self.stage_names:
            raise ValueError(f"a stage named {new!r} is already in the coder")
        self.stages[i] = stage
        return self

    def disable(self, *names: str) -> "Coder":
        """Drop the stages called ``names`` (in place; returns the coder).  Raises ``ValueError``
        for an unknown name."""
        for name in names:
            del self.stages[self._index(name)]
        return self

    # -- resources -------------------------------------------------------------------------------
    def resources(self, lang: str) -> LangResources:
        """The loaded pack, recognizer and linker for ``lang``.  Raises ``LexiconError`` for a
        language without a pack."""
        return self.res.lang(lang)

    def languages(self) -> list[str]:
        """ISO 639-1 codes of the languages with a pack (packaged or from ``lexicon_dirs``)."""
        return list(self.res.languages)

    def supported(self, lang: str) -> bool:
        """Whether ``lang`` has a language pack (a pack with errors still raises LexiconError when used)."""
        return self.res.supported(lang)

    # -- coding ----------------------------------------------------------------------------------
    def clean(self, raw: RawDocument) -> Article:
        """RawDocument -> Article (chrome, title, dateline, trailer, published, language)."""
        from tidings.clean import clean

        return clean(raw, lexicon_dirs=self.lexicon_dirs)

    def code_document(self, raw: RawDocument) -> tuple[Article, list[Event]]:
        """Clean and code one document.  Raises ``DocumentError`` (a ValueError) for a bad one."""
        name = raw.source or raw.doc_id
        try:
            article = self.clean(raw)
        except ValueError as exc:
            msg = str(exc)
            raise DocumentError(msg if msg.startswith(f"{name}:") else f"{name}: {msg}") from None
        if not self.supported(article.language or ""):
            raise DocumentError(f"{name}: language '{article.language}' has no language pack "
                                f"(supported: {', '.join(self.languages())}); not coded")
        if len(article.text) > MAX_ARTICLE_CHARS:
            raise DocumentError(f"{name}: article too long to code ({len(article.text):,} characters; "
                                f"the limit is {MAX_ARTICLE_CHARS:,}); split it into articles")
        return article, self.code_article(article)

    def start(self, article: Article) -> CodingDoc | None:
        """The record the stages start from, or None for a language without a pack."""
        lang = article.language or self.default_lang
        if not self.supported(lang):
            return None
        return CodingDoc(article, lang, self.res.lang(lang), self.ontology, self.modalities)

    def run(self, article: Article) -> CodingDoc | None:
        """Run every stage on a cleaned article; the final record (None for a language without a
        pack: nothing is coded rather than guessed)."""
        doc = self.start(article)
        if doc is None:
            return None
        for stage in self.stages:
            doc = stage(doc)
            if not isinstance(doc, CodingDoc):
                raise TypeError(f"stage {stage.name!r} returned {type(doc).__name__}, not a CodingDoc")
        return doc

    def code_article(self, article: Article) -> list[Event]:
        """Code a cleaned article: a list of events in text order (after per-article dedup)."""
        doc = self.run(article)
        return doc.events if doc is not None else []

    # -- conveniences ----------------------------------------------------------------------------
    def code_text(self, text: str, *, doc_id: str = "text", lang: str | None = None,
                  published: str | None = None, url: str | None = None) -> list[Event]:
        """Code a plain-text article (chrome, dateline and trailer are cleaned as for files).

        ``text`` is a str (bytes are decoded like files: BOM, UTF-8, then legacy encodings).
        Raises ``TypeError`` for other types and ``DocumentError`` (a ValueError) for empty text, a
        bad ``published`` or a language without a pack."""
        text = _as_text(text, doc_id, "code_text", "text")
        return self.code_document(RawDocument(doc_id, text=text, lang=lang, published=published, url=url, source=doc_id))[1]

    def code_html(self, html: str, *, doc_id: str = "html", lang: str | None = None,
                  published: str | None = None, url: str | None = None) -> list[Event]:
        """Code an HTML page (body and metadata through trafilatura and htmldate).  Raises as code_text."""
        html = _as_text(html, doc_id, "code_html", "html")
        return self.code_document(RawDocument(doc_id, html=html, lang=lang, published=published, url=url, source=doc_id))[1]


def _as_text(value, doc_id: str, caller: str, what: str) -> str:
    if isinstance(value, (bytes, bytearray)):
        from tidings.read import decode_bytes

        value = decode_bytes(bytes(value), doc_id)
    if not isinstance(value, str):
        raise TypeError(f"{caller}: {what} must be str, got {type(value).__name__}")
    return value


def _check_modalities(value) -> frozenset[str]:
    if isinstance(value, str):
        named = {"all": ALL_MODALITIES, "default": DEFAULT_MODALITIES}
        if value not in named:
            raise ValueError(f"modalities {value!r}: give 'all', 'default' or a collection of names")
        value = named[value]
    value = frozenset(value)
    if not value or not value <= ALL_MODALITIES:
        raise ValueError(f"modalities must be a non-empty subset of {', '.join(sorted(ALL_MODALITIES))}; "
                         f"got {', '.join(sorted(map(str, value))) or 'none'}")
    return value


_DEFAULT: Coder | None = None


def default_coder() -> Coder:
    """A process-wide Coder with the packaged language packs."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Coder()
    return _DEFAULT
