"""The trie matcher finds exactly what a pattern-by-pattern search finds, in the same order."""
from __future__ import annotations

import random

import pytest

from tidings.text.matcher import GAP, MAX_GAP, Matcher, longest_non_overlapping


def _ok(word, keys):
    if word.endswith("*"):
        return any(k.startswith(word[:-1]) for k in keys)
    if word.startswith("*"):
        return any(k.endswith(word[1:]) for k in keys)
    return word in keys


def _reference(patterns, keys):
    """The plain definition: for each token, the patterns bucketed under its keys (exact word, then
    the first three letters of a ``word*``, then the last three of a ``*word``, key by key), each in
    order of addition, tried from that token with gaps of 0..MAX_GAP tokens, shortest first."""
    def from_(words, i, w):
        if w == len(words):
            return i
        if words[w] == GAP:
            for skip in range(MAX_GAP + 1):
                end = from_(words, i + skip, w + 1)
                if end is not None:
                    return end
            return None
        if i >= len(keys) or not _ok(words[w], keys[i]):
            return None
        return from_(words, i + 1, w + 1)

    def bucket(words):
        first = words[0]
        if first.endswith("*"):
            return 1, first[:3]
        if first.startswith("*"):
            return 2, first[-3:]
        return 0, first

    out = []
    for i, tk in enumerate(keys):
        seen = set()
        for k in tk:
            for rank, probe in ((0, k), (1, k[:3]), (2, k[-3:])):
                for n, (words, payload) in enumerate(patterns):
                    if n in seen or bucket(words) != (rank, probe) or not _ok(words[0], tk):
                        continue
                    seen.add(n)
                    end = from_(words, i + 1, 1)
                    if end is not None:
                        out.append((i, end, payload))
    return out


VOCAB = ["talks", "talk", "held", "with", "the", "army", "armed", "attack", "attacked", "on", "minister", "*ister",
         "att*", "arm*", "*ked", "peace"]


@pytest.mark.parametrize("seed", range(40))
def test_trie_matches_the_reference_search(seed):
    rng = random.Random(seed)
    patterns = []
    for n in range(rng.randint(5, 40)):
        words = [rng.choice(VOCAB)]
        for _ in range(rng.randint(0, 3)):
            if rng.random() < 0.3:
                words.append(GAP)
            words.append(rng.choice([w for w in VOCAB if "*" not in w] + ["arm*", "*ked"]))
        patterns.append((tuple(words), f"p{n}"))
    plain = [w for w in VOCAB if "*" not in w]
    keys = []
    for _ in range(rng.randint(1, 14)):
        a, b = rng.choice(plain), rng.choice(plain)
        keys.append((a,) if a == b or rng.random() < 0.5 else (a, b))
    m = Matcher()
    for words, payload in patterns:
        m.add(words, payload)
    dedup = list(dict.fromkeys(patterns))
    assert [(x.start, x.end, x.payload) for x in m.find(keys)] == _reference(dedup, keys)


def test_gap_pattern_ends_at_its_first_alignment_and_exact_patterns_outrank_wildcards():
    m = Matcher()
    m.add(("arm*",), "wild")
    m.add(("armed", GAP, "attack"), "gap")
    m.add(("armed",), "exact")
    keys = [("armed",), ("the",), ("attack",), ("attack",)]
    found = [(x.start, x.end, x.payload) for x in m.find(keys)]
    # the exact bucket comes first (patterns in order of addition), then the prefix bucket
    assert found == [(0, 3, "gap"), (0, 1, "exact"), (0, 1, "wild")]
    assert [x.payload for x in longest_non_overlapping(m.find(keys))] == ["gap"]


def test_an_unpickled_matcher_finds_the_same_and_still_ignores_duplicates():
    import pickle

    m = Matcher()
    payloads = [{"n": 1}, {"n": 2}]
    m.add(("held", GAP, "talks"), payloads[0])
    m.add(("arm*",), payloads[1])
    copy = pickle.loads(pickle.dumps(m))
    keys = [("held",), ("the",), ("talks", "talk"), ("armed",)]
    assert [(x.start, x.end, x.payload) for x in copy.find(keys)] == [(x.start, x.end, x.payload) for x in m.find(keys)]
    first = copy.patterns()[0][1]
    copy.add(("held", GAP, "talks"), first)  # the same pattern and payload again: ignored
    copy.add(("talk",), {"n": 3})
    assert [p["n"] for _, p in copy.patterns()] == [1, 2, 3]
