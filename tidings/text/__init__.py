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

@lru_cache(maxsize=1)
def _simplemma_languages() -> frozenset[str]:
    """Languages simplemma ships a dictionary for (simplemma is imported at the first lemma: its
    import compiles the affix rules of every language it knows, a sixth of a second)."""
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    return frozenset(SUPPORTED_LANGUAGES)


def __getattr__(name: str):
    if name == "LEMMA_LANGS":  # the module constant it was, read on demand
        return _simplemma_languages()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# Words (with inner hyphens), the English clitic n't, and any other single non-space character.
_TOKEN_RE = re.compile(r"\w+(?=n['’]t\b)|n['’]t\b|\w+(?:[-‐]\w+)*|[^\w\s]", re.UNICODE)
_ARABIC_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ٱ": "ا"})


# every combining mark of the scripts in the gazetteer, apostrophes and the Arabic tatweel (the index form)
_COMBINING_RANGES = ((0x300, 0x36F), (0x483, 0x489), (0x591, 0x5C7), (0x610, 0x61A), (0x64B, 0x65F),
                     (0x670, 0x670), (0x6D6, 0x6ED), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF),
                     (0xFE20, 0xFE2F))
_INDEX_DROP = re.compile("[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in _COMBINING_RANGES)
                         + "'’ʼ`ʻـ]+")
_ALEF = re.compile("[أإآٱ]")


def fold(text: str, *, index: bool = False) -> str:
    """The one matching fold of tidings (lexicons, dates, places), for every script.

    Default (words and phrases of the language packs and date grammars): casefolded, accents
    removed from Latin letters (Cyrillic ``й`` keeps its breve), Arabic diacritics and tatweel
    removed and alef/ya variants unified, Cyrillic ``ё`` as ``е``, typographic apostrophes as ``'``.

    ``index=True`` (the gazetteer's place-name index, where names come from many transliterations):
    compatibility forms decomposed (NFKD), every combining mark of every script dropped, apostrophes
    and tatweel dropped, alef forms as ``ا``, ``ة`` as ``ه``, ``ى`` as ``ي``, casefolded; fast on a
    long string (the whole gazetteer is folded at once).

    >>> fold("Tayikistán"), fold("ЁЛКА"), fold("Außenminister"), fold("Dar’a", index=True)
    ('tayikistan', 'елка', 'aussenminister', 'dara')
    """
    if index:
        if text.isascii():
            return _INDEX_DROP.sub("", text).casefold()
        text = _INDEX_DROP.sub("", unicodedata.normalize("NFKD", text))
        if "ة" in text or "ى" in text or _ALEF.search(text):
            text = _ALEF.sub("ا", text).replace("ة", "ه").replace("ى", "ي")
        return text.casefold()
    text = text.casefold().replace("’", "'").replace("ё", "е").replace("،", ",").replace("؛", ";")
    if any("\u0600" <= ch <= "\u06ff" for ch in text):
        return _ARABIC_DIACRITICS.sub("", text).translate(_ARABIC_FOLD)
    if text.isascii():
        return text
    # accents are removed from Latin letters only: Cyrillic й keeps its breve
    out = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.category(ch) == "Mn" and out and out[-1] < "\u0250":
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """``fold(word)``, remembered: a token's folding is done once per distinct word, not per token."""
    return fold(word)


@lru_cache(maxsize=200_000)
def fold_index_word(word: str) -> str:
    """``fold(word, index=True)``, remembered (the place scanner folds every token of a sentence)."""
    return fold(word, index=True)


# languages whose lemmas come from simplemma's full dictionary rather than the shipped table
# (``use_full_lemmas``: a user lexicon may add words the table does not cover)
_FULL_LEMMAS: set[str] = set()


@lru_cache(maxsize=64)
def lemma_table(lang: str) -> dict[str, str]:
    """The shipped lemma table of ``lang`` (``tidings/lang/<lang>/lemmas.tsv``, built by
    ``tools/build_lemmas.py`` from simplemma's dictionary): form -> lemma, only for the lemmas that
    are words of the language pack (each lemma also maps to itself).  Empty without a table."""
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "lang" / lang / "lemmas.tsv"
    table: dict[str, str] = {}
    lemmas: dict[str, str] = {}  # one string per lemma (a lemma has tens of forms: megabytes in Spanish)
    if path.is_file():
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or line.startswith("form\t"):
                    continue
                form, _, lem = line.rstrip("\n").partition("\t")
                if lem:
                    lem = lemmas.setdefault(lem, lem)
                    table[form] = lem
                    table.setdefault(lem, lem)
    return table


class _TableFactory:
    """A simplemma DictionaryFactory serving the shipped tables instead of the full dictionaries."""

    def get_dictionary(self, lang: str):
        return lemma_table(lang)


class _OverlayFactory:
    """simplemma's full dictionaries, with the shipped table read first: the forms the table adds where
    simplemma fails (``inflections.tsv``, ``lemmas.added.tsv``; see tools/build_lemmas.py) still count."""

    def __init__(self) -> None:
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory

        self._full = DefaultDictionaryFactory()

    def get_dictionary(self, lang: str):
        from collections import ChainMap

        return ChainMap(lemma_table(lang), self._full.get_dictionary(lang))


@lru_cache(maxsize=2)
def _lemmatizer(full: bool):
    import simplemma
    from simplemma.strategies.default import DefaultStrategy

    factory = _OverlayFactory() if full else _TableFactory()
    return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))


def use_full_lemmas(lang: str) -> None:
    """Take lemmas of ``lang`` from simplemma's full dictionary (slower to load, ~50-150 MB more)."""
    _FULL_LEMMAS.add(lang)
    lemma.cache_clear()
    _WORD_FORMS.clear()


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """The folded lemma of ``word`` in ``lang`` by simplemma's strategies (dictionary, hyphens,
    clitics, affixes) over the shipped table of the lemmas that matter to the language pack, or over
    simplemma's full dictionary after ``use_full_lemmas(lang)``; the folded word when unknown."""
    if lang in _simplemma_languages() and any(ch.isalpha() for ch in word):
        try:
            return fold_word(_lemmatizer(lang in _FULL_LEMMAS).lemmatize(word, lang=lang))
        except ValueError:  # pragma: no cover - language without a dictionary
            pass
    return fold_word(word)


def tokenize(text: str, lang: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text`` with offsets shifted by ``offset``; ``norm`` and ``lemma`` are folded."""
    memo = _WORD_FORMS.get(lang)
    if memo is None or len(memo) > 200_000:
        memo = _WORD_FORMS[lang] = {}
    tokens: list[Token] = []
    append = tokens.append
    for m in _TOKEN_RE.finditer(text):
        word = m.group()
        forms = memo.get(word)
        if forms is None:
            forms = memo[word] = (fold_word(word), lemma(word, lang))
        start, end = m.span()
        append(Token(word, start + offset, end + offset, *forms))
    return tokens


#: per language, word -> (fold_word(word), lemma(word, lang)): a word's forms are worked out once
_WORD_FORMS: dict[str, dict[str, tuple[str, str]]] = {}


_PARA_RE = re.compile(r"[^\n]+")
_ARABIC_RE = re.compile("[\u0600-\u06ff]")
_ARABIC_END_RE = re.compile(r"[^.!؟?]+(?:[.!؟?]+|$)")


@lru_cache(maxsize=1)
def _syntok_breaks() -> tuple[re.Pattern, frozenset[str]]:
    """(a pattern of the characters at which syntok may end a sentence, its terminals and opening
    brackets, or that it treats as space where ``str.strip`` does not or the reverse; those of them
    that may not end a paragraph given as one sentence)."""
    from syntok._segmentation_states import State

    odd = set("\u200b\x1c\x1d\x1e\x1f\u180e")
    chars = {ch for t in State.terminals for ch in t} | set(State.opening_brackets) | odd
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]"), frozenset(set(State.opening_brackets) | odd)


#: a terminal, maybe a closing quote, and spaces: where syntok may surely end a sentence (see
#: :func:`_sure_ends`, which checks the token before it and the character after it)
_TERMINAL_GAP_RE = re.compile("[.!?]([\"'\u00b4\u2019\u201d]?) +")
#: a word of two or more letters (with no digit or underscore)
_LETTERS_RE = re.compile(r"[^\W\d_]{2,}")
#: closing quotes that may stand glued between a word and a sure terminal
_QUOTES_BEFORE = frozenset("\"'\u00ab\u00bb\u00b4\u2018\u2019\u201c\u201d")
#: terminals syntok never ends a sentence at: a run of them before spaces and a lower-case letter (its
#: next token is in lower case); one between two letters or digits (inside a token: "U.S", "1.5",
#: "Lenta.ru"), unless a lower-case letter comes before it and an upper-case one after ("end.The");
#: a run that ends the text, maybe with closing brackets and one closing quote (nothing follows it)
_QUIET_RE = re.compile(r"[.!?]+ +(?=(.))|(?<=([^\W_]))[.!?](?=([^\W_]))|[.!?]+[)\]}]*[\"'\u00b4\u2019\u201d]?\Z")
#: characters that may open the sentence after a sure end besides upper-case letters (quotes)
_NEXT_OPENERS = frozenset("\"'\u00ab\u00bb\u2018\u201c\u201e")


@lru_cache(maxsize=1)
def _syntok_keeps() -> tuple[frozenset[str], re.Pattern, frozenset[str]]:
    """(the words after which syntok may not end a sentence at a terminal: its abbreviations, "no"
    and Roman numerals; a pattern of its opening and closing brackets; its opening brackets)."""
    from syntok._segmentation_states import State

    keep = frozenset(State.abbreviations | State.roman_numerals | {"no", "No", "NO"})
    chars = sorted(State.opening_brackets | State.closing_brackets)
    return keep, re.compile("[" + "".join(re.escape(ch) for ch in chars) + "]"), frozenset(State.opening_brackets)


def _bracket_token(paragraph: str, k: int) -> bool:
    """Whether syntok's tokenizer makes the bracket at ``k`` a token of its own: in a run of
    non-spaces with a letter or digit, one before the first or after the last of them, or an
    opening or closing punctuation mark between them; in a run without any, the run itself."""
    import unicodedata

    from syntok.tokenizer import Tokenizer

    run = next(m for m in Tokenizer._spaces.finditer(paragraph) if m.start() <= k < m.end())
    alnum = [i for i in range(run.start(), run.end()) if paragraph[i].isalnum()]
    if not alnum:
        return run.end() - run.start() == 1
    return k < alnum[0] or k > alnum[-1] or unicodedata.category(paragraph[k]) in ("Ps", "Pe")


def _sure_ends(paragraph: str) -> list[tuple[int, int]]:
    """(end of a sentence, start of the next) at every terminal where syntok surely ends a sentence:
    ``.``, ``?`` or ``!`` after a word of two or more letters (in lower case, capitalized or in
    capitals; not one of syntok's abbreviations, "no" or a Roman numeral) that follows a space or
    opens the paragraph, or after a closing quote glued to a word; then maybe a closing quote,
    spaces and an upper-case letter or an opening quote.  syntok decides such a terminal from the
    token before it and the tokens after it alone, and starts afresh after it, so the text on
    either side segments alone as it does in the paragraph.  Only terminals outside brackets count
    (syntok may skip a bracket's text whole, terminals included, and looks ahead to its end): every
    bracket opened before the terminal is closed before it, and each is a token of its own."""
    keep, brackets, opening = _syntok_keeps()
    marks = [(b.start(), b.group()) for b in brackets.finditer(paragraph)]
    limit = len(paragraph)
    depth = 0  # brackets open before the terminal (a closing one without an opening one counts none)
    at = 0  # the next of ``marks`` to count
    out = []
    for m in _TERMINAL_GAP_RE.finditer(paragraph):
        t, nxt_at = m.start(), m.end()
        while at < len(marks) and marks[at][0] < t:
            k, ch = marks[at]
            if not _bracket_token(paragraph, k):
                limit = k  # a bracket inside a token syntok may not see as one: no sure end after it
                break
            depth = depth + 1 if ch in opening else max(0, depth - 1)
            at += 1
        if t >= limit:
            break
        if depth or nxt_at >= len(paragraph) or t == 0:
            continue
        nxt = paragraph[nxt_at]
        if not (nxt.isupper() or nxt in _NEXT_OPENERS):
            continue
        if paragraph[t - 1] in _QUOTES_BEFORE:  # a closing quote glued to a word: "...гнева". Однако"
            if t >= 2 and paragraph[t - 2].isalnum():
                out.append((m.end(1), nxt_at))
            continue
        word = paragraph[paragraph.rfind(" ", 0, t) + 1:t]  # after a space, or opening the paragraph
        if _LETTERS_RE.fullmatch(word) and word not in keep and _cased(word) and (
                word.isupper() or word.islower() or word[0].isupper() and word[1:].islower()):
            out.append((m.end(1), nxt_at))
    return out


def _cased(word: str) -> bool:
    """Whether every character of ``word`` is a cased letter (upper or lower case)."""
    return all(ch.islower() or ch.isupper() for ch in word)


def _one_sentence(body: str) -> bool:
    """Whether syntok gives the (right-stripped, non-empty) text ``body`` as one sentence: it has no
    opening bracket, no character syntok takes for a space where ``str.strip`` does not (or the
    reverse), and no terminal before its last character except quiet ones (``_QUIET_RE``)."""
    breaks, bad_last = _syntok_breaks()
    if body[-1] in bad_last:
        return False
    last = len(body) - 1
    at = 0
    while True:
        m = breaks.search(body, at, last)
        if m is None:
            return True
        q = _QUIET_RE.match(body, m.start())
        if q is None:
            return False
        if q.group(1) is not None:
            if not q.group(1).islower():
                return False
        elif q.group(2) is not None and not (q.group(2).isupper() or q.group(2).isdigit() or q.group(3).islower() or q.group(3).isdigit()):
            return False
        at = q.end()


def _syntok_spans(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph by syntok.  The paragraph is first cut where syntok is sure
    to end a sentence (:func:`_sure_ends`); a piece syntok surely gives as one sentence
    (:func:`_one_sentence`) is given as such without tokenizing it (about half the paragraphs of
    news, and most pieces of the others)."""
    body = paragraph.rstrip()
    if body and _one_sentence(body):
        return [(0, len(paragraph))]  # the caller strips the spaces around it
    spans: list[tuple[int, int]] = []
    start = 0
    for end, nxt in _sure_ends(paragraph) + [(len(paragraph), len(paragraph))]:
        spans += [(start + s, start + e) for s, e in _syntok_piece(paragraph[start:end])]
        start = nxt
    return spans


def _syntok_piece(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans of one piece of a paragraph by syntok (see :func:`_syntok_spans`)."""
    body = paragraph.rstrip()
    if not body:
        return []
    if _one_sentence(body):
        return [(0, len(paragraph))]  # the caller strips the spaces around it
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
        if _ARABIC_RE.search(para):  # syntok does not know the Arabic question mark
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
