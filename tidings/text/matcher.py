"""Dictionary matching over tokens: the recognizer behind actors, triggers and frame cues.

Patterns are tuples of folded words (see ``tidings.lexicon`` for the syntax: exact words, ``word*``
prefixes, ``*word`` suffixes and ``..`` gaps).  Each token offers several keys (its folded surface
form, its lemma, and forms with clitic prefixes removed); a pattern word matches a token when it
equals, or for wildcards starts/ends, any of those keys.  Look-ups are hash-indexed on the first
pattern word (exact words directly, wildcards by their first or last three letters) and the rest
of each pattern hangs in a token trie, so the cost is a few dictionary look-ups per token and live
branch whatever the size of the lexicon.
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


_NO_CHILDREN: dict = {}  # shared by the nodes without exact children (never written to)


class _Node:
    """A trie node: children by next pattern word (exact words in a dict, wildcards in a tuple), the
    node after a ``..`` gap, and the patterns ending here as (sequence number, words, payload).
    Empty containers are shared (a lexicon has about 100,000 nodes, most with one kind of child)."""

    __slots__ = ("exact", "wild", "gap", "items")

    def __init__(self) -> None:
        self.exact: dict[str, _Node] = _NO_CHILDREN
        self.wild: tuple[tuple[str, _Node], ...] = ()
        self.gap: _Node | None = None
        self.items: tuple[tuple[int, tuple[str, ...], Any], ...] = ()

    def child(self, word: str) -> "_Node":
        if word == GAP:
            if self.gap is None:
                self.gap = _Node()
            return self.gap
        if word.endswith("*") or word.startswith("*"):
            for w, node in self.wild:
                if w == word:
                    return node
            node = _Node()
            self.wild += ((word, node),)
            return node
        node = self.exact.get(word)
        if node is None:
            if not self.exact:  # the shared empty dict (or its unpickled copy): a node's own dict now
                self.exact = {}
            node = self.exact[word] = _Node()
        return node


class Matcher:
    """Collects patterns with payloads and finds them in token sequences.

    The patterns form a token trie, so a sentence costs a few dictionary look-ups per token and
    per live trie branch whatever the size of the lexicon.  The first pattern word is bucketed at
    the root (exact words by themselves, ``word*`` by their first three characters, ``*word`` by
    their last three), and that bucket and each pattern's order of addition fix the order of the
    matches found at one token (see ``find``)."""

    def __init__(self) -> None:
        self._exact: dict[str, _Node] = {}
        self._prefix: dict[str, list[tuple[str, _Node]]] = defaultdict(list)
        self._suffix: dict[str, list[tuple[str, _Node]]] = defaultdict(list)
        self._seen: set[tuple[tuple[str, ...], int]] | None = set()
        self._count = 0
        self._memo: dict[tuple[str, ...], list] = {}  # token keys -> _firsts (a word's, not a document's)

    def __getstate__(self) -> dict:
        """Pickled without the duplicate check, which holds ids (rebuilt on the next ``add``), and
        without the look-up memo."""
        return {k: v for k, v in self.__dict__.items() if k not in ("_seen", "_memo")} | {"_seen": None}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._memo = {}

    def patterns(self) -> list[tuple[tuple[str, ...], Any]]:
        """(words, payload) of every pattern, in order of addition."""
        items = []
        stack = list(self._exact.values()) + [n for b in (*self._prefix.values(), *self._suffix.values()) for _, n in b]
        while stack:
            node = stack.pop()
            items += node.items
            stack += list(node.exact.values()) + [n for _, n in node.wild] + ([node.gap] if node.gap else [])
        return [(w, p) for _, w, p in sorted(items, key=lambda it: it[0])]

    def add(self, words: tuple[str, ...], payload: Any) -> None:
        """Add a pattern (folded words) that yields ``payload`` when found; duplicates are ignored."""
        key = (words, id(payload))
        if self._seen is None:  # unpickled: the payloads have new ids
            self._seen = {(w, id(p)) for w, p in self.patterns()}
        if not words or key in self._seen:
            return
        self._seen.add(key)
        self._memo = {}
        first = words[0]
        if first.endswith("*"):
            node = self._root_wild(self._prefix[first[:3]], first)
        elif first.startswith("*"):
            node = self._root_wild(self._suffix[first[-3:]], first)
        else:
            node = self._exact.get(first)
            if node is None:
                node = self._exact[first] = _Node()
        for w in words[1:]:
            node = node.child(w)
        node.items += ((self._count, words, payload),)
        self._count += 1

    @staticmethod
    def _root_wild(bucket: list[tuple[str, _Node]], word: str) -> _Node:
        for w, node in bucket:
            if w == word:
                return node
        node = _Node()
        bucket.append((word, node))
        return node

    def _firsts(self, tk: tuple[str, ...]) -> list[tuple[int, int, _Node]]:
        """(first key index, bucket rank, node) of the root children the token keys ``tk`` match
        (remembered per distinct key tuple: the same words recur in every sentence)."""
        out = self._memo.get(tk)
        if out is None:
            if len(self._memo) >= 100_000:
                self._memo = {}
            out = self._memo[tk] = self._firsts_now(tk)
        return out

    def _firsts_now(self, tk: tuple[str, ...]) -> list[tuple[int, int, _Node]]:
        out = []
        exact = self._exact
        for j, k in enumerate(tk):
            node = exact.get(k)
            if node is not None and k not in tk[:j]:
                out.append((j, 0, node))
        if self._prefix or self._suffix:
            seen: set[int] = set()
            for j, k in enumerate(tk):
                for rank, bucket in ((1, self._prefix.get(k[:3])), (2, self._suffix.get(k[-3:]))):
                    for word, node in bucket or ():
                        if id(node) not in seen and _word_ok(word, tk):
                            seen.add(id(node))
                            out.append((j, rank, node))
        return out

    def find(self, keys: list[tuple[str, ...]]) -> list[Match]:
        """All matches (possibly overlapping) in a sentence given as per-token key tuples.

        At each start token the matches come in the order the patterns' root buckets are first
        reached through the token's keys (exact word, then prefix, then suffix bucket, for each key
        in turn), then in the order the patterns were added; a pattern with gaps ends where its
        first alignment ends, trying shorter gaps first."""
        out: list[Match] = []
        n = len(keys)
        memo = self._memo
        for i, tk in enumerate(keys):
            firsts = memo.get(tk)  # self._firsts(tk), its memo read here (most tokens start nothing)
            if firsts is None:
                firsts = self._firsts(tk)
            if not firsts:
                continue
            found: list[tuple[int, int, int, int, Any]] = []
            for j, rank, node in firsts:
                ends: dict[int, int] = {}
                self._walk(node, keys, i + 1, n, ends)
                for seq, end_payload in ends.items():
                    found.append((j, rank, seq, end_payload[0], end_payload[1]))
            if len(found) > 1:
                found.sort(key=lambda f: (f[0], f[1], f[2]))
            for f in found:
                out.append(Match(i, f[3], f[4]))
        return out

    def _walk(self, node: _Node, keys, p: int, n: int, ends: dict) -> None:
        """Depth-first over the trie from ``node`` with the next token at ``p``: each pattern ending
        on the way keeps the end of its first alignment (gaps try 0 to MAX_GAP tokens in order)."""
        for seq, _words, payload in node.items:
            if seq not in ends:
                ends[seq] = (p, payload)
        if node.gap is not None:
            for skip in range(MAX_GAP + 1):
                self._walk(node.gap, keys, p + skip, n, ends)
        if p >= n or not (node.exact or node.wild):
            return
        tk = keys[p]
        exact = node.exact
        if exact:
            for k in tk:
                child = exact.get(k)
                if child is not None:
                    self._walk(child, keys, p + 1, n, ends)
        for word, child in node.wild:
            if _word_ok(word, tk):
                self._walk(child, keys, p + 1, n, ends)


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
