"""Stage ``recognize``: per sentence, token keys, event triggers and actor phrases."""
from __future__ import annotations

from tidings.coder.record import CodingDoc, SentenceRead
from tidings.text.matcher import token_keys, word_tokens


class Recognize:
    """``doc.sentences`` -> ``doc.reads``: the pack's match keys of every token, the trigger
    matches (``EventLinker.triggers``) and the actor phrases (``ActorRecognizer.read``), which
    update ``doc.memory`` sentence by sentence (people and bodies named so far).  Trigger tokens
    keep a phrase from inheriting across them; tokens of unambiguous triggers own their group
    words ("military exercises"), but not the words a gap skips ("threatened *the army* with")."""

    name = "recognize"

    def __call__(self, doc: CodingDoc) -> CodingDoc:
        res = doc.res
        reads = []
        memo = _key_memo(res.clitics, res.suffixes)
        for sent in doc.sentences:
            keys = []
            for t in sent.tokens:
                k = (t.norm, t.lemma, t.text[:1].isupper())  # all token_keys reads of a token
                got = memo.get(k)
                if got is None:
                    got = memo[k] = token_keys(t, res.clitics, res.suffixes)
                keys.append(got)
            triggers = res.linker.triggers(keys)
            trig_tokens = frozenset(i for m in triggers for i in range(m.start, m.end))
            owned = frozenset(i for m in triggers if "weak" not in m.payload.flags for i in word_tokens(m, keys))
            phrases, places = res.actors.read(sent, keys, doc.memory, trig_tokens, owned)
            spans = [(sent.tokens[p.start].start, sent.tokens[p.end - 1].end) for p in phrases]
            reads.append(SentenceRead(sent, keys, triggers, phrases, spans, places))
        return doc.with_(reads=reads)


_MEMOS: dict[tuple, dict] = {}


def _key_memo(clitics: tuple, suffixes: tuple) -> dict:
    """The remembered ``token_keys`` of one language's clitics and suffixes, by (norm, lemma,
    capitalized): a word's keys are worked out once, not at every occurrence (capped in size)."""
    memo = _MEMOS.get((clitics, suffixes))
    if memo is None or len(memo) > 200_000:
        memo = _MEMOS[(clitics, suffixes)] = {}
    return memo
