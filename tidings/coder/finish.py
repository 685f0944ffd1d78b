"""Stages after dating and deduplication: ``date_people`` (a person's office at the event's date),
``multilateral`` (PLOVER CONSULT mode) and ``name_people``."""
from __future__ import annotations

from dataclasses import replace

from tidings.coder.record import CodingDoc


class Multilateral:
    """A CONSULT with no mode and three or more states among its parties gets mode "multilateral"
    (PLOVER CONSULT mode)."""

    name = "multilateral"

    def __call__(self, doc: CodingDoc) -> CodingDoc:
        def states(ev):
            return {a.country for a in ev.actors + ev.recipients if a.country}

        return doc.with_(drafts=[d.with_event(mode="multilateral")
                                 if d.event.event_type == "CONSULT" and d.event.mode is None and len(states(d.event)) >= 3
                                 else d for d in doc.drafts])


class NamePeople:
    """Name the person behind a body where the article links exactly one person to its country and
    sector ("consultations between the ministries of A and B ... A's delegation was headed by X")."""

    name = "name_people"

    def __call__(self, doc: CodingDoc) -> CodingDoc:
        by_code: dict[tuple, set[str]] = {}
        for name, country, sector in doc.memory.people.values():
            if country and sector:
                by_code.setdefault((country, sector), set()).add(name)

        def named(actors):
            out = []
            for a in actors:
                names = by_code.get((a.country, a.sector), set()) if a.name is None and a.country and a.sector else ()
                out.append(replace(a, name=next(iter(names))) if len(names) == 1 else a)
            return out

        return doc.with_(drafts=[d.with_event(actors=named(d.event.actors), recipients=named(d.event.recipients))
                                 for d in doc.drafts])


class DatePeople:
    """Named people of the gazetteer (``tidings.actors.people``) were coded by the publication
    date while reading; once events have dates, each event's people take the role valid at the
    event's own date ("On 12 March 2020, Johnson ..." in a 2023 article: GBR GOV, not ELI)."""

    name = "date_people"

    def __call__(self, doc: CodingDoc) -> CodingDoc:
        people = getattr(doc.res.actors, "people", None)
        if people is None:
            return doc
        published = doc.memory.date
        return doc.with_(drafts=[d.with_event(actors=people.recode(d.event.actors, d.event.date, published),
                                              recipients=people.recode(d.event.recipients, d.event.date, published))
                                 for d in doc.drafts])
