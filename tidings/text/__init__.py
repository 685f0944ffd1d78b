"""Segmentation, tokens, normalization and lemmas, with character offsets into the article text.

Sentences come from syntok (Latin and Cyrillic scripts) after a split into paragraphs at line breaks;
Arabic sentence ends (``؟``, ``.``, ``!``) are split on as well.  Lemmas come from simplemma (bundled
dictionaries, no download).  Every token keeps ``start``/``end`` offsets into the text it was cut from.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tidings.records import Sentence, Token

LEMMA_LANGS = {"en", "es", "fr", "pt", "de", "it", "ru", "ar"}

# Words (with inner hyphens), the English clitic n't, and any other single non-space character.
_TOKEN_RE = re.compile(r"\w+(?=n['’]t\b)|n['’]t\b|\w+(?:[-‐]\w+)*|[^\w\s]", re.UNICODE)
_ARABIC_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ٱ": "ا"})


def fold(text: str) -> str:
    """The matching key of a word or phrase: casefolded, accents removed, Arabic diacritics and
    alef/ya variants unified, Cyrillic ``ё`` as ``е``, typographic apostrophes as ``'``.

    >>> fold("Tayikistán"), fold("ЁЛКА"), fold("Außenminister")
    ('tayikistan', 'елка', 'aussenminister')
    """
    text = text.casefold().replace("’", "'").replace("ё", "е")
    if any("\u0600" <= ch <= "\u06ff" for ch in text):
        return _ARABIC_DIACRITICS.sub("", text).translate(_ARABIC_FOLD)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped)


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """The folded lemma of ``word`` in ``lang`` (simplemma); the folded word itself when unknown."""
    if lang in LEMMA_LANGS and any(ch.isalpha() for ch in word):
        import simplemma

        try:
            return fold(simplemma.lemmatize(word, lang=lang))
        except ValueError:  # pragma: no cover - language without a dictionary
            return fold(word)
    return fold(word)


def tokenize(text: str, lang: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text`` with offsets shifted by ``offset``; ``norm`` and ``lemma`` are folded."""
    tokens: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        word = m.group()
        norm = fold(word)
        tokens.append(Token(word, m.start() + offset, m.end() + offset, norm, lemma(word, lang)))
    return tokens


_PARA_RE = re.compile(r"[^\n]+")
_ARABIC_END_RE = re.compile(r"[^.!؟?]+(?:[.!؟?]+|$)")


def _syntok_spans(paragraph: str) -> list[tuple[int, int]]:
    from syntok import segmenter

    spans = []
    for para in segmenter.analyze(paragraph):
        for sent in para:
            toks = list(sent)
            if not toks:
                continue
            start = toks[0].offset
            last = toks[-1]
            end = last.offset + len(last.value)
            spans.append((start, end))
    return spans


def segment(text: str, lang: str, with_tokens: bool = True) -> list[Sentence]:
    """Split an article body into sentences (one paragraph a line or a block), with tokens.

    Returns ``Sentence`` objects whose ``start``/``end`` and token offsets index into ``text``.
    """
    sentences: list[Sentence] = []
    for pm in _PARA_RE.finditer(text):
        para = pm.group()
        if not para.strip():
            continue
        base = pm.start()
        if lang == "ar":
            spans = [(m.start(), m.end()) for m in _ARABIC_END_RE.finditer(para) if m.group().strip()]
        else:
            spans = _syntok_spans(para)
        for s, e in spans:
            raw = para[s:e]
            lead = len(raw) - len(raw.lstrip())
            s += lead
            e = s + len(raw.strip())
            if e <= s:
                continue
            stext = text[base + s : base + e]
            sent = Sentence(index=len(sentences), text=stext, start=base + s, end=base + e)
            if with_tokens:
                sent.tokens = tokenize(stext, lang, offset=base + s)
            sentences.append(sent)
    return sentences
