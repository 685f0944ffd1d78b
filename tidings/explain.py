"""Why an event was coded: the language-pack entries behind its trigger and each of its parties.

``Explain`` is a coder stage (``doc -> doc``, see :mod:`tidings.coder.record`) run last when asked
(``tidings code --explain``; in the API ``coder.stages.append(Explain())``).  It sets
``Event.explain``::

    {"trigger": {"pattern": "threaten .. sanctions", "entry": "tidings/lang/en/events.tsv:212",
                 "source": null, "cameo": "1312", "flags": []},
     "actors": [{"text": "Russia", "code": "RUS", "country_from": "entry",
                 "entries": [{"pattern": "russia", "kind": "country", "country": "RUS", "sector": null,
                              "entry": "CLDR country names"}]}],
     "recipients": [...]}

``entry`` is the pack file and line (relative to the package for packaged files, as given for
``--lexicon`` folders); ``source`` is the dictionary file and line an imported entry came from
(``events.<name>.tsv``: "petrarch2/CAMEO.2.0.txt:719"), else null.  A party's ``entries`` are the actor
entries and CLDR country names matched inside its words (PETRARCH users read the same from the
dictionary trace); ``country_from`` says where its country came from: ``entry`` (a matched entry),
``person`` (a person the article introduced with a country), ``article`` (inferred from the article:
the country it names most, a place next to the body), or null when it has none.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from tidings.lexicon import LANG_DIR, ActorEntry, EventEntry
from tidings.records import Actor, Sentence
from tidings.text.matcher import Matcher, longest_non_overlapping

CLDR = "CLDR country names"
NAME = "a name next to a title, or one the article introduced"
_ROOT = LANG_DIR.parent.parent


def entry_ref(where: str) -> tuple[str, str | None]:
    """``(entry, source)`` of an entry's ``where`` (``path:line``, with `` <- dictionary:line`` for an
    imported entry): the path is made relative to the package for packaged files."""
    entry, _, source = where.partition(" <- ")
    path, _, line = entry.rpartition(":")
    try:
        rel = Path(path).resolve().relative_to(_ROOT)
        entry = f"{rel.as_posix()}:{line}"
    except (ValueError, OSError):
        pass
    return entry, (source or None)


def trigger_explain(entry: EventEntry, cameo: str) -> dict[str, Any]:
    """The trigger part of ``Event.explain`` for a trigger entry and the CAMEO code coded."""
    ref, source = entry_ref(entry.where)
    return {"pattern": entry.text or " ".join(entry.words), "entry": ref, "source": source,
            "cameo": cameo, "flags": sorted(entry.flags)}


class _ActorMatcher:
    """The pack's actor entries and the CLDR country names of one language, matched over tokens."""

    def __init__(self, pack) -> None:
        from tidings.actors.countries import country_names

        self.matcher = Matcher()
        for e in pack.actors:
            self.matcher.add(e.words, e)
        blocked = {" ".join(w) for w in pack.removed_actors}
        for key, code in country_names(pack.lang).items():
            if key not in blocked:
                self.matcher.add(tuple(key.split()), (key, code))

    def entries(self, sent: Sentence, keys: list[tuple[str, ...]], start: int, end: int) -> list[dict[str, Any]]:
        """The entries matched wholly inside the article span ``[start, end)`` of ``sent``."""
        idx = [i for i, t in enumerate(sent.tokens) if t.start >= start and t.end <= end]
        if not idx:
            return []
        lo, hi = idx[0], idx[-1] + 1
        out = []
        for m in longest_non_overlapping(self.matcher.find(keys[lo:hi])):
            p = m.payload
            if isinstance(p, ActorEntry):
                ref, source = entry_ref(p.where)
                out.append({"pattern": p.text or " ".join(p.words), "kind": p.kind, "country": p.country,
                            "sector": p.sector, "entry": ref, "source": source})
            else:
                out.append({"pattern": p[0], "kind": "country", "country": p[1], "sector": None,
                            "entry": CLDR, "source": None})
        return out


def party_explain(a: Actor, entries: list[dict[str, Any]], people: dict) -> dict[str, Any]:
    """One party's part of ``Event.explain`` (see the module doc); ``people`` is the article's
    ``DocumentMemory.people``."""
    from tidings.text import fold

    entries = list(entries)
    if a.name and not any(e["kind"] in {"person", "org", "igo"} for e in entries):
        entries.append({"pattern": a.name, "kind": "person", "country": None, "sector": None,
                        "entry": NAME, "source": None})
    if a.country is None:
        origin = None
    elif any(e["country"] == a.country for e in entries):
        origin = "entry"
    elif a.name and any(v[1] == a.country for k, v in people.items() if k in fold(a.name)):
        origin = "person"
    else:
        origin = "article"
    return {"text": a.text, "code": a.code, "country_from": origin, "entries": entries}


class Explain:
    """Stage ``explain``: sets ``Event.explain`` on every draft (see the module doc)."""

    name = "explain"

    def __init__(self) -> None:
        self._matchers: dict[int, _ActorMatcher] = {}

    def _matcher(self, pack) -> _ActorMatcher:
        m = self._matchers.get(id(pack))
        if m is None:
            m = self._matchers[id(pack)] = _ActorMatcher(pack)
        return m

    def __call__(self, doc):
        matcher = self._matcher(doc.res.pack)
        drafts = []
        for d in doc.drafts:
            ev, read = d.event, d.candidate.read

            def parties(actors):
                return [party_explain(a, matcher.entries(read.sentence, read.keys, a.start, a.end)
                                      if a.start is not None else [], doc.memory.people) for a in actors]

            drafts.append(d.with_event(explain={
                "trigger": trigger_explain(d.candidate.found.entry, ev.cameo_code),
                "actors": parties(ev.actors), "recipients": parties(ev.recipients)}))
        return doc.with_(drafts=drafts)
