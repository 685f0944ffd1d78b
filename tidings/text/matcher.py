"""Dictionary matching over tokens: the recognizer behind actors, triggers and frame cues.

Patterns are tuples of folded words (see ``tidings.lexicon`` for the syntax: exact words, ``word*``
prefixes, ``*word`` suffixes and ``..`` gaps).  Each token offers several keys (its folded surface
form, its lemma, and forms with clitic prefixes removed); a pattern word matches a token when it
equals, or for wildcards starts/ends, any of those keys.  Look-ups are hash-indexed on the first
pattern word (exact words directly, wildcards by their first or last three letters), so the cost
is a few dictionary look-ups per token whatever the size of the lexicon.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Sequence

from tidings.records import Token

GAP = ".."
MAX_GAP = 3


@dataclass(frozen=True)
class Match:
    """A pattern found at tokens ``[start, end)`` of the token list given to ``Matcher.find``."""

    start: int
    end: int
    payload: Any


def token_keys(tok: Token, clitics: Sequence[str | tuple[str, str]] = (), suffixes: Sequence[str] = ()) -> tuple[str, ...]:
    """The keys a token offers to patterns: surface, lemma, and forms with a clitic prefix replaced
    (``clitics`` are prefixes or (prefix, replacement) pairs; 3+ letters must remain):
    Arabic "والصين" also offers "الصين" and "صين"; "للأمم" offers "الامم".  For a capitalized token,
    the first of ``suffixes`` (case endings, longest first) it ends with is removed as one more key."""
    keys = [tok.norm]
    if tok.lemma != tok.norm:
        keys.append(tok.lemma)
    for c in clitics:
        prefix, repl = (c, "") if isinstance(c, str) else c
        if tok.norm.startswith(prefix) and len(tok.norm) - len(prefix) >= 3:
            k = repl + tok.norm[len(prefix):]
            if k not in keys:
                keys.append(k)
    for suf in suffixes:  # case endings of names no dictionary knows ("Лавровым" -> "лавров")
        if tok.norm.endswith(suf) and len(tok.norm) - len(suf) >= 4 and tok.text[:1].isupper():
            k = tok.norm[: -len(suf)]
            if k not in keys:
                keys.append(k)
            break
    return tuple(keys)


def _word_ok(word: str, keys: tuple[str, ...]) -> bool:
    if word.endswith("*"):
        core = word[:-1]
        return any(k.startswith(core) for k in keys)
    if word.startswith("*"):
        core = word[1:]
        return any(k.endswith(core) for k in keys)
    return word in keys


class Matcher:
    """Collects patterns with payloads and finds them in token sequences."""

    def __init__(self) -> None:
        self._exact: dict[str, list[tuple[tuple[str, ...], Any]]] = defaultdict(list)
        self._prefix: dict[str, list[tuple[tuple[str, ...], Any]]] = defaultdict(list)
        self._suffix: dict[str, list[tuple[tuple[str, ...], Any]]] = defaultdict(list)
        self._seen: set[tuple[tuple[str, ...], int]] = set()

    def add(self, words: tuple[str, ...], payload: Any) -> None:
        """Add a pattern (folded words) that yields ``payload`` when found; duplicates are ignored."""
        key = (words, id(payload))
        if not words or key in self._seen:
            return
        self._seen.add(key)
        first = words[0]
        if first.endswith("*"):
            self._prefix[first[:3]].append((words, payload))
        elif first.startswith("*"):
            self._suffix[first[-3:]].append((words, payload))
        else:
            self._exact[first].append((words, payload))

    def _candidates(self, keys: tuple[str, ...]):
        seen = set()
        for k in keys:
            for bucket in (self._exact.get(k), self._prefix.get(k[:3]), self._suffix.get(k[-3:])):
                if bucket:
                    for item in bucket:
                        if id(item) not in seen:
                            seen.add(id(item))
                            yield item

    def _match_from(self, words: tuple[str, ...], keys: list[tuple[str, ...]], i: int, w: int) -> int | None:
        """End token index if ``words[w:]`` matches from token ``i``, else None (gaps backtrack)."""
        if w == len(words):
            return i
        word = words[w]
        if word == GAP:
            for skip in range(0, MAX_GAP + 1):
                end = self._match_from(words, keys, i + skip, w + 1)
                if end is not None:
                    return end
            return None
        if i >= len(keys) or not _word_ok(word, keys[i]):
            return None
        return self._match_from(words, keys, i + 1, w + 1)

    def find(self, keys: list[tuple[str, ...]]) -> list[Match]:
        """All matches (possibly overlapping) in a sentence given as per-token key tuples."""
        out: list[Match] = []
        for i, tk in enumerate(keys):
            for words, payload in self._candidates(tk):
                if not _word_ok(words[0], tk):
                    continue
                end = self._match_from(words, keys, i + 1, 1)
                if end is not None:
                    out.append(Match(i, end, payload))
        return out


def word_tokens(match: Match, keys: list[tuple[str, ...]]) -> list[int]:
    """Token indices of ``match`` (a match whose payload has ``words``) that a pattern word matched,
    leaving out the tokens a ``..`` gap skipped ("threatened *Greece* with sanctions")."""
    words = [w for w in match.payload.words if w != GAP]
    return [i for i in range(match.start, match.end) if any(_word_ok(w, keys[i]) for w in words)]


def longest_non_overlapping(matches: list[Match]) -> list[Match]:
    """Keep the longest match at each place (ties: the earliest added), in text order."""
    chosen: list[Match] = []
    taken: set[int] = set()
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        span = set(range(m.start, m.end))
        if span & taken:
            continue
        taken |= span
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)
