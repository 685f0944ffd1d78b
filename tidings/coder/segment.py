"""Stage ``segment``: the article body into sentences, plus the headline as sentence -1."""
from __future__ import annotations

from typing import Iterable

from tidings.actors.people import publication_day
from tidings.coder.record import CodingDoc
from tidings.records import Sentence
from tidings.text import segment, tokenize

# a sentence longer than this many tokens (a table, a list run together) is coded in windows
MAX_SENTENCE_TOKENS = 120


class Segment:
    """``doc.article`` -> ``doc.sentences``: body sentences in order (over-long ones cut into
    windows of MAX_SENTENCE_TOKENS tokens so linking stays linear), then the headline as sentence
    -1 with offsets into the title: its events survive only where the body does not report them
    (dedup keeps the first mention).  Also tells ``doc.memory`` the body sentences and the
    dateline's country."""

    name = "segment"

    def __call__(self, doc: CodingDoc) -> CodingDoc:
        article, lang = doc.article, doc.lang
        sentences = segment(article.text, lang)
        doc.memory.sentences = [s for s in sentences if s.index >= 0]
        doc.memory.date = publication_day(article.published)  # dated people are read by it
        if article.dateline and article.dateline.country:
            doc.memory.countries[article.dateline.country] += 1
        if article.title and article.title.strip():
            sentences = sentences + [Sentence(index=-1, text=article.title, start=0, end=len(article.title),
                                              tokens=tokenize(article.title, lang))]
        return doc.with_(sentences=[s for s in windows(sentences) if s.tokens])


def windows(sentences: list[Sentence]) -> Iterable[Sentence]:
    """Sentences, with an over-long one (no punctuation for hundreds of words) cut into windows of
    MAX_SENTENCE_TOKENS tokens (same ``index``, offsets into the article)."""
    for sent in sentences:
        toks = sent.tokens
        if len(toks) <= MAX_SENTENCE_TOKENS:
            yield sent
            continue
        for i in range(0, len(toks), MAX_SENTENCE_TOKENS):
            part = toks[i:i + MAX_SENTENCE_TOKENS]
            start, end = part[0].start, part[-1].end
            yield Sentence(sent.index, sent.text[start - sent.start:end - sent.start], start, end, part)
