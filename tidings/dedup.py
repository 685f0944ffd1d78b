"""Event deduplication: one event per real-world event (DESIGN.md, stage "dedup").

Many sentences, and many articles, report the same event.  This module groups coded event
records (``Event`` objects or their ``Event.to_dict()`` form, each one a *mention*) into
:class:`Cluster` objects, one per real-world event, keeping every mention as evidence.

The rule (documented in docs/store.md):

* Two mentions are the same event when they have the same PLOVER ``event_type``, the same
  *set* of actor countries, the same *set* of recipient countries, the same ``date`` string,
  and -- when both know it -- the same place (GeoNames id, else country + admin1 + name).
  A mention whose place is unknown joins the place-known cluster of its group with the most
  mentions (ties: smallest place key); if no mention of the group knows a place, they form one
  cluster.
* ``rule`` sets the scope:

  - ``"article"`` (default): only mentions of the same document merge (PETRARCH's
    "one-a-story" filter, but keyed by the country sets and date rather than the full codes);
  - ``"day"``: mentions from any document merge when the key above matches (Phoenix's
    "one-a-day" filter, extended with the place condition);
  - ``"off"``: every mention is its own event.

Actor countries are ISO 3166-1 alpha-3 codes or PLOVER non-state codes (``IGO``, ``NGO``...);
an actor without a country counts as ``---``.  The cluster's fields come from its
*representative* mention: highest ``confidence``, ties broken by earliest publication, then
``doc_id``, sentence index and mention id, so the result does not depend on input order.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Iterable
from urllib.parse import urlsplit

RULES = ("article", "day", "off")


def _as_record(event: Any) -> dict[str, Any]:
    if isinstance(event, dict):
        return event
    to_dict = getattr(event, "to_dict", None)
    if to_dict is None:
        raise TypeError(f"dedup_events: expected an Event or an event dict, got {type(event).__name__}")
    return to_dict()


def country_set(actors: Iterable[dict[str, Any]] | None) -> tuple[str, ...]:
    """Sorted unique countries of a list of actor dicts (``---`` for an actor without country)."""
    return tuple(sorted({(a.get("country") or "---") for a in (actors or [])}))


def place_key(record: dict[str, Any]) -> str | None:
    """A string naming the record's place, or None when the place is unknown.

    GeoNames id when known (``g:<id>``), else ``p:<country>|<admin1>|<name>`` (casefolded)."""
    loc = record.get("location")
    if not loc:
        return None
    if loc.get("geonameid") is not None:
        return f"g:{loc['geonameid']}"
    name = (loc.get("name") or loc.get("text") or "").casefold()
    if not (name or loc.get("country")):
        return None
    return f"p:{loc.get('country') or ''}|{loc.get('admin1') or ''}|{name}"


def source_name(record: dict[str, Any]) -> str:
    """The outlet a mention comes from, for ``num_sources``: the host of ``article.url``
    (without ``www.``), else ``article.source``, else the ``doc_id``."""
    art = record.get("article") or {}
    url = art.get("url")
    if isinstance(url, str) and url:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:  # "http://[::1": no host to tell
            host = ""
        if host:
            return host[4:] if host.startswith("www.") else host
    return art.get("source") or str(record.get("doc_id"))


def group_key(record: dict[str, Any], rule: str = "article") -> str:
    """The key under which mentions may merge (place is decided inside the group).

    Raises ValueError for an unknown ``rule`` (one of :data:`RULES`)."""
    if rule == "off":
        return f"off|{record['id']}"
    parts = [
        str(record.get("event_type")),
        ",".join(country_set(record.get("actors"))),
        ",".join(country_set(record.get("recipients"))),
        str(record.get("date") or ""),
    ]
    if rule == "article":
        return "article|" + str(record.get("doc_id")) + "|" + "|".join(parts)
    if rule == "day":
        return "day|" + "|".join(parts)
    raise ValueError(f"unknown dedup rule {rule!r}; choose one of {', '.join(RULES)}")


def _order(record: dict[str, Any]) -> tuple:
    art = record.get("article") or {}
    return (
        str(art.get("published") or "9999"),
        str(record.get("doc_id")),
        int(record.get("sentence_index") or 0),
        str(record.get("id")),
    )


def mention_summary(record: dict[str, Any]) -> dict[str, Any]:
    """The evidence kept for one mention inside a cluster record."""
    art = record.get("article") or {}
    return {
        "id": record.get("id"),
        "doc_id": record.get("doc_id"),
        "sentence_index": record.get("sentence_index"),
        "sentence": record.get("sentence"),
        "trigger": record.get("trigger"),
        "date": record.get("date"),
        "url": art.get("url"),
        "published": art.get("published"),
        "source": source_name(record),
        "language": record.get("language"),
    }


@dataclass
class Cluster:
    """One real-world event and the mentions (coded event records) that report it.

    ``id``: for rules ``article``/``day`` a 16-hex-digit hash of the group key and place key
    (stable across runs and input order); for rule ``off`` the mention's own ``Event.id``.
    ``mentions`` are event dicts in publication order; ``representative`` is one of them.
    """

    id: str
    rule: str
    key: str
    place: str | None
    mentions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def representative(self) -> dict[str, Any]:
        """The mention that gives the cluster's fields (max confidence, then earliest)."""
        best = self.mentions[0]
        for m in self.mentions[1:]:
            if (m.get("confidence") or 0) > (best.get("confidence") or 0):
                best = m
        return best

    @property
    def num_mentions(self) -> int:
        return len(self.mentions)

    @property
    def num_articles(self) -> int:
        return len({m.get("doc_id") for m in self.mentions})

    @property
    def num_sources(self) -> int:
        return len({source_name(m) for m in self.mentions})

    def to_dict(self) -> dict[str, Any]:
        """The event record (DESIGN.md contract) of the representative, with ``id`` set to the
        cluster id, ``location`` the first known place of the cluster, ``confidence`` the
        maximum over mentions, and added ``num_mentions``, ``num_articles``, ``num_sources``,
        ``dedup_rule`` and ``mentions`` (list of :func:`mention_summary` dicts)."""
        rep = self.representative
        out = dict(rep)
        out["id"] = self.id
        if not out.get("location"):
            for m in self.mentions:
                if m.get("location"):
                    out["location"] = m["location"]
                    break
        out["confidence"] = max((m.get("confidence") or 0.0) for m in self.mentions)
        out["num_mentions"] = self.num_mentions
        out["num_articles"] = self.num_articles
        out["num_sources"] = self.num_sources
        out["dedup_rule"] = self.rule
        out["mentions"] = [mention_summary(m) for m in self.mentions]
        return out


def _cluster_id(key: str, place: str | None) -> str:
    return hashlib.sha1(f"{key}#{place or ''}".encode("utf-8")).hexdigest()[:16]


def dedup_events(events: Iterable[dict[str, Any] | Any], rule: str = "article") -> list[Cluster]:
    """Group event mentions into clusters, one per real-world event.

    ``events``: ``tidings.records.Event`` objects or dicts shaped like ``Event.to_dict()``
    (``id``, ``doc_id``, ``event_type``, ``actors``, ``recipients``, ``date``, ``location``,
    ``confidence``, ``article``...).  ``rule``: ``"article"``, ``"day"`` or ``"off"`` (see the
    module docstring).  Returns clusters sorted by (date, id).  A mention id seen twice is kept
    once.  Raises ValueError for an unknown rule, TypeError for an item that is not an event.
    """
    if rule not in RULES:
        raise ValueError(f"unknown dedup rule {rule!r}; choose one of {', '.join(RULES)}")
    groups: dict[str, list[dict[str, Any]]] = {}
    seen: set[str] = set()
    for ev in events:
        rec = _as_record(ev)
        if rec.get("id") in seen:
            continue
        seen.add(rec.get("id"))
        groups.setdefault(group_key(rec, rule), []).append(rec)

    clusters: list[Cluster] = []
    for key, recs in groups.items():
        recs.sort(key=_order)
        if rule == "off":
            rec = recs[0]
            clusters.append(Cluster(str(rec["id"]), rule, key, place_key(rec), [rec]))
            continue
        by_place: dict[str, list[dict[str, Any]]] = {}
        unknown: list[dict[str, Any]] = []
        for rec in recs:
            pk = place_key(rec)
            (by_place.setdefault(pk, []) if pk else unknown).append(rec)
        if unknown:
            if by_place:
                target = min(by_place, key=lambda p: (-len(by_place[p]), p))
                by_place[target].extend(unknown)
                by_place[target].sort(key=_order)
            else:
                by_place[""] = unknown
        for pk, members in by_place.items():
            place = pk or None
            clusters.append(Cluster(_cluster_id(key, place), rule, key, place, members))
    clusters.sort(key=lambda c: (str(c.representative.get("date") or ""), c.id))
    return clusters
