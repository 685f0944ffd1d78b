"""The sentence splitter's shortcuts give syntok's own sentences: paragraphs cut where syntok surely
ends a sentence, and pieces syntok surely leaves whole, are checked against syntok run on the whole
paragraph."""
from __future__ import annotations

import itertools

import pytest

from tidings.text import _one_sentence, _sure_ends, _syntok_spans, segment

PARAGRAPHS = [
    "The minister arrived in Paris on Monday. He met his counterpart. They signed a treaty.",
    "Le ministre est arrivé lundi. « Nous avons signé », a-t-il dit. Puis il est reparti.",
    'Der Minister sagte: "Wir verhandeln." Die Gespräche dauern an.',
    "El canciller habló con la prensa. ¿Habrá acuerdo? Nadie lo sabe.",
    "Министр прибыл в Москву. Переговоры начались в среду.",
    "U.S. troops arrived on Monday. Officials said 1.5 million people were affected.",
    "Mr. Smith met Dr. Jones in St. Louis. No. 5 was absent.",
    "The talks (held in Geneva. Really.) ended. A deal followed.",
    "He said it. (The source spoke on condition of anonymity.) Then he left.",
    "It ended in the 1990s. Jan. 5 was the date. In 2024. May 3 was next.",
    "The report was published by Lenta.ru yesterday. It cited the ministry.",
    'She said: "It is over." "We won," he replied. The crowd cheered.',
    "They met in Vienna... Then they went home!",
    "Chapter IV. The end. Section XI. More text follows here.",
    "He works for the UN. NATO said otherwise. The EU agreed.",
    "The vote was 52.3 percent. turnout was low. Observers agreed.",
    "Attacks continued.Police arrived later. the end.",
    "The ceasefire held. “It is fragile,” an envoy said. Talks resume soon.",
    'The minister said the deal was "final". Critics disagreed.',
    "Protests spread (see map). Police used tear gas. Dozens were arrested (reports say 40). Calm returned.",
    "A. Smith wrote this. B. Jones replied. ok.",
    "Il a dit non. No. 3 non plus. etc. Fin.",
]


def _syntok(paragraph: str) -> list[tuple[int, int]]:
    """syntok's sentence spans of the whole paragraph, stripped as ``segment`` strips them."""
    from syntok import segmenter

    out = []
    for para in segmenter.analyze(paragraph):
        for sent in para:
            toks = list(sent)
            if toks:
                out.append((toks[0].offset, toks[-1].offset + len(toks[-1].value)))
    return _stripped(paragraph, out)


def _stripped(paragraph: str, spans) -> list[tuple[int, int]]:
    out = []
    for s, e in spans:
        raw = paragraph[s:e]
        if raw.strip():
            s += len(raw) - len(raw.lstrip())
            out.append((s, s + len(raw.strip())))
    return out


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_spans_equal_syntok(paragraph):
    assert _stripped(paragraph, _syntok_spans(paragraph)) == _syntok(paragraph)


def test_pairs_of_paragraphs_equal_syntok():
    for a, b in itertools.permutations(PARAGRAPHS[:12], 2):
        for glue in (" ", "  ", ""):
            paragraph = a + glue + b
            assert _stripped(paragraph, _syntok_spans(paragraph)) == _syntok(paragraph), paragraph


def test_sure_ends_cut_after_words_and_quotes_only():
    text = 'He left. "We won." She said no. U.S. Then (a. B) x. Y'
    cuts = [text[:end] for end, _ in _sure_ends(text)]
    assert cuts == ["He left.", 'He left. "We won."']  # "no." and "U.S." are not sure; "x." is one letter
    text = "Talks (in Geneva) ended. Then (they said. More) it rained. Both (left"
    cuts = [text[:end] for end, _ in _sure_ends(text)]
    # a closed bracket before is fine; no cut inside one ("said.") nor where one is still open
    assert cuts == ["Talks (in Geneva) ended.", "Talks (in Geneva) ended. Then (they said. More) it rained."]
    assert _stripped(text, _syntok_spans(text)) == _syntok(text)


def test_one_sentence_knows_quiet_terminals():
    assert _one_sentence("U.S. troops left Lenta.ru at 1.5 km.")
    assert _one_sentence('He said "it is over."')
    assert not _one_sentence("He left. She stayed.")
    assert not _one_sentence("He left (quickly) today.")
    assert not _one_sentence("It ended.Then more.")


def test_segment_offsets():
    text = "First sentence here. Second one (with a bracket). Third.\nNew paragraph."
    sents = segment(text, "en", with_tokens=False)
    assert [s.text for s in sents] == ["First sentence here.", "Second one (with a bracket).", "Third.",
                                      "New paragraph."]
    assert all(text[s.start:s.end] == s.text for s in sents)
