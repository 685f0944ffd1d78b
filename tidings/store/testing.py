"""A tiny stand-in coder for tests and benchmarks of the store (no language knowledge).

:class:`ScriptCoder` reads documents written in a made-up one-line-per-event script, so tests
can state exactly which events an "article" reports::

    EVENT CONSULT actor=AZE:GOV recipient=TJK:GOV date=2022-06-10 place=587084:Baku:AZE conf=0.8
    FAIL this document is broken

Every ``EVENT`` line becomes one ``tidings.records.Event`` (sentence index = line number,
trigger = the type word); a ``FAIL`` line makes ``code_document`` raise :class:`BadScript`
(a ValueError).  CAMEO code, Goldstein and QuadClass come from a small table of PLOVER types
(PLOVER manual Draft 0.8 / CAMEO codebook 1.1b3 root codes).
"""
from __future__ import annotations

import time

from tidings.records import Actor, Article, Event, Place, RawDocument, Trigger

# PLOVER type -> (CAMEO code, CAMEO root, Goldstein, QuadClass)
TYPES: dict[str, tuple[str, str, float, int]] = {
    "AGREE": ("030", "03", 4.0, 1),
    "CONSULT": ("040", "04", 1.0, 1),
    "SUPPORT": ("051", "05", 3.4, 1),
    "COOPERATE": ("061", "06", 6.4, 2),
    "AID": ("070", "07", 7.0, 2),
    "ACCUSE": ("112", "11", -2.0, 3),
    "THREATEN": ("130", "13", -4.4, 3),
    "PROTEST": ("141", "14", -6.5, 3),
    "COERCE": ("173", "17", -5.0, 4),
    "ASSAULT": ("190", "19", -10.0, 4),
}


class BadScript(ValueError):
    """A document that the script coder refuses (a ``FAIL`` line or an unknown type)."""


def _actor(spec: str, text: str) -> Actor:
    country, _, sector = spec.partition(":")
    return Actor(text=text, name=text, country=country or None, sector=sector or None)


class ScriptCoder:
    """``code_document(raw) -> (Article, list[Event])`` for the script format above.

    ``delay`` seconds are slept per document (to simulate a real coder's cost)."""

    def __init__(self, delay: float = 0.0):
        self.delay = delay

    def code_document(self, raw: RawDocument) -> tuple[Article, list[Event]]:
        if self.delay:
            time.sleep(self.delay)
        text = raw.text if raw.text is not None else (raw.html or "")
        art = Article(doc_id=raw.doc_id, text=text, language=raw.lang or "en", title=None,
                      published=raw.published, url=raw.url, source=raw.source)
        events: list[Event] = []
        offset = 0
        for i, line in enumerate(text.split("\n")):
            start = offset
            offset += len(line) + 1
            words = line.split()
            if not words:
                continue
            if words[0] == "FAIL":
                raise BadScript(f"document {raw.doc_id!r} refused: {' '.join(words[1:])}")
            if words[0] != "EVENT":
                continue
            etype = words[1]
            if etype not in TYPES:
                raise BadScript(f"document {raw.doc_id!r}: unknown event type {etype!r}")
            kv: dict[str, str] = dict(w.split("=", 1) for w in words[2:] if "=" in w)
            code, root, gold, quad = TYPES[etype]
            place = None
            if "place" in kv:
                gid, name, country = (kv["place"].split(":") + ["", "", ""])[:3]
                place = Place(text=name, name=name, country=country or None,
                              geonameid=int(gid) if gid else None, precision="city",
                              lat=float(kv["lat"]) if "lat" in kv else None,
                              lon=float(kv["lon"]) if "lon" in kv else None,
                              admin1=kv.get("admin1"))
            tstart = start + line.index(etype)
            events.append(Event(
                doc_id=raw.doc_id, event_type=etype, cameo_code=kv.get("cameo", code), cameo_root=root,
                goldstein=gold, quad_class=quad,
                actors=[_actor(s, s) for s in kv.get("actor", "").split("+") if s],
                recipients=[_actor(s, s) for s in kv.get("recipient", "").split("+") if s],
                sentence_index=i, sentence=line, trigger=Trigger(etype, tstart, tstart + len(etype)),
                language=art.language, mode=kv.get("mode"),
                contexts=[c for c in kv.get("contexts", "").split(",") if c],
                date=kv.get("date") or raw.published, date_precision="day",
                date_source="explicit" if "date" in kv else "published", location=place,
                confidence=float(kv.get("conf", 0.5)), modality=kv.get("modality", "asserted"),
                article={"title": None, "url": raw.url, "published": raw.published, "source": raw.source},
            ))
        return art, events


def generated_documents(n: int, *, events_per_doc: int = 3, seed: int = 0) -> list[RawDocument]:
    """``n`` deterministic script documents (for kill -9 tests and benchmarks)."""
    import random

    rnd = random.Random(seed)
    countries = ["AZE", "TJK", "RUS", "UKR", "USA", "CHN", "FRA", "ESP", "NGA", "VEN"]
    types = list(TYPES)
    docs = []
    for i in range(n):
        lines = [f"Generated article {i}."]
        for _ in range(events_per_doc):
            a, b = rnd.sample(countries, 2)
            day = rnd.randint(1, 28)
            lines.append(f"EVENT {rnd.choice(types)} actor={a}:GOV recipient={b}:GOV "
                         f"date=2024-03-{day:02d} conf={rnd.random():.2f}")
        if i % 97 == 13:
            lines.append("FAIL generated failure")
        docs.append(RawDocument(doc_id=f"gen{i:06d}", text="\n".join(lines),
                                url=f"https://site{i % 7}.example/{i}", published="2024-03-29",
                                source=f"gen{i:06d}.txt"))
    return docs
