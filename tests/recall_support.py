"""Shared by the trigger-recall tests (tests/test_lexicon_recall_*.py): one Coder with all eight packs
for a test module, and the events of a text as (event type, CAMEO code, actor codes, recipient codes)."""
import pytest

from tidings.coder import Coder


@pytest.fixture(scope="module")
def coder():
    return Coder(languages=["en", "es", "fr", "pt", "de", "it", "ru", "ar"])


def coded(coder, lang, text):
    """The events of ``text`` (published 2024-03-14) as (type, CAMEO, actor codes, recipient codes)."""
    return [(e.event_type, e.cameo_code, [a.code for a in e.actors], [a.code for a in e.recipients])
            for e in coder.code_text(text, lang=lang, published="2024-03-14")]
