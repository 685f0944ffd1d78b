"""Event deduplication: one event per real-world event (DESIGN.md, stage "dedup").

Many sentences, and many articles, report the same event.  One rule decides, at every level,
whether two coded events (*mentions*: ``Event`` objects or their ``Event.to_dict()`` form) report
the same real-world event:

    same PLOVER ``event_type``; their parties' countries agree; their dates agree; their places agree

and the **level** sets how far apart mentions may be and how strictly each part must agree:

===========  =====================  ===============================  ==================  ==================
level        mentions compared      parties agree                    dates agree         places agree
===========  =====================  ===============================  ==================  ==================
``sentence`` one sentence           same set of parties (any type:   --                  --
                                    the asserted, then first,
                                    trigger wins)
``article``  one document (coder)   a country in common, directions  stated days within  not two different
                                    agree or unknown on one side     one day             known cities
``article``  one document (store)   equal actor and recipient        equal ``date``      equal known place;
                                    country sets (``---``: none)                         unknown joins the
``day``      any documents (store)  as store ``article``             equal ``date``      largest cluster
``off``      --                     every mention is its own event
===========  =====================  ===============================  ==================  ==================

The coder (``tidings.coder`` stage ``dedup``) applies ``sentence`` then ``article`` to the events
of one article with :func:`dedup_within`, keeping the first mention (the lead carries the main
wording and date) and taking a recipient it lacked from a later one.  The store
(``tidings.store``) then applies ``article``, ``day`` or ``off`` (:data:`RULES`) across what it
holds with :func:`dedup_events`, keyed (:func:`group_key`) so that a store can recompute only the
groups a new document touches; a store level never merges what the coder's levels kept apart
unless the mentions come from different documents.

Store clusters: an actor without a country counts as ``---``.  The cluster's fields come from its
*representative* mention: highest ``confidence``, ties broken by earliest publication, then
``doc_id``, sentence index and mention id, so the result does not depend on input order.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence, TypeVar
from urllib.parse import urlsplit

LEVELS = ("sentence", "article", "day", "off")
RULES = ("article", "day", "off")  # the levels a store applies across documents
T = TypeVar("T")


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


# -- levels within one document (the coder) ---------------------------------------------------------
def _field(ev: Any, name: str) -> Any:
    return ev.get(name) if isinstance(ev, dict) else getattr(ev, name)


def _countries(actors) -> set[str]:
    return {c for c in (_field(a, "country") for a in actors or ()) if c}


def _party_key(actors) -> frozenset:
    return frozenset(_field(a, "country") or _field(a, "sector") or "?" for a in actors or ())


def _days_apart(a: Any, b: Any) -> int | None:
    """Days between two mentions' dates when both sentences state their day, else None (a date that
    only falls back on the publication date says nothing about being another event)."""
    stated = {"explicit", "relative"}
    if (_field(a, "date_source") not in stated or _field(b, "date_source") not in stated
            or _field(a, "date_precision") != "day" or _field(b, "date_precision") != "day"):
        return None
    return abs((dt.date.fromisoformat(_field(a, "date")) - dt.date.fromisoformat(_field(b, "date"))).days)


def _city(ev: Any):
    loc = _field(ev, "location")
    if not loc:
        return None
    precision, gid = (loc.get("precision"), loc.get("geonameid")) if isinstance(loc, dict) else (loc.precision, loc.geonameid)
    return gid if precision == "city" else None


def same_event(ev: Any, kept: Any) -> bool:
    """Whether ``ev`` reports the same event as ``kept`` at the ``article`` level of the coder: same
    type; a country in common, and actor and recipient countries equal or unknown on one side (or
    ``ev``'s parties all among ``kept``'s actors when ``kept`` has no recipient; two compound actor
    sides with no recipient, one within the other); stated days at
    most one apart; not two different known cities.  ``Event`` objects or event dicts."""
    if _field(kept, "event_type") != _field(ev, "event_type"):
        return False
    a, r = _countries(_field(ev, "actors")), _countries(_field(ev, "recipients"))
    ka, kr = _countries(_field(kept, "actors")), _countries(_field(kept, "recipients"))
    if not ((a | r) & (ka | kr)):
        return False  # nothing in common: two events (or too little known to tell)
    if not r and not kr and len(a) >= 2 and len(ka) >= 2 and not (a <= ka or ka <= a):
        return False  # two meetings of one side with different counterparts (A-B, then A-C)
    same_dir = (not a or not ka or a & ka) and (not r or not kr or r & kr)
    if not (same_dir or (not kr and (a | r) <= ka)):
        return False
    apart = _days_apart(ev, kept)
    if apart is not None and apart > 1:
        return False
    c1, c2 = _city(ev), _city(kept)
    return c1 is None or c2 is None or c1 == c2


def dedup_within(items: Sequence[T], levels: Iterable[str] = ("sentence", "article"),
                 event: Callable[[T], Any] = lambda x: x, merge: Callable[[T, T], T] | None = None) -> list[T]:
    """Deduplicate the mentions of ONE document at ``levels`` (``sentence`` and/or ``article``).

    ``items``: the mentions in text order (or anything holding one: ``event(item)`` gives its
    ``Event``/dict).  Returns the kept items in order.  ``merge(kept, later)`` gives the kept item
    updated from a later one judged the same event at the ``article`` level (the next comparisons
    see the update; default: the kept item unchanged); a later mention that names more sides with a
    country (:func:`completeness`) replaces the kept one, unless it is the headline's (sentence -1).  Raises ValueError for an unknown level."""
    levels = tuple(levels)
    bad = [lv for lv in levels if lv not in {"sentence", "article"}]
    if bad:
        raise ValueError(f"unknown dedup level {bad[0]!r} within a document; choose sentence, article")
    items = list(items)
    if "sentence" in levels:
        items = _best_per_sentence(items, event)
    if "article" not in levels:
        return items
    kept: list[T] = []
    for x in items:
        ev = event(x)
        i = next((i for i, k in enumerate(kept) if same_event(ev, event(k))), None)
        if i is None:
            kept.append(x)
        elif completeness(ev) > completeness(event(kept[i])) and _field(ev, "sentence_index") >= 0:
            # never an actorless mention over a complete one ("the attack" vs "X attacked Y"); never the
            # headline's over the body's (the headline's offsets index the title, not the body)
            kept[i] = x
        elif merge is not None:
            kept[i] = merge(kept[i], x)
    return kept


def completeness(ev: Any) -> int:
    """How many sides of a mention name a party with a country (0, 1 or 2)."""
    return bool(_countries(_field(ev, "actors"))) + bool(_countries(_field(ev, "recipients")))


def lacks_recipient_of(kept: Any, later: Any) -> bool:
    """Whether the kept mention should take ``later``'s recipients: it has none, ``later`` (a body
    sentence, not the headline, whose offsets index the title) has some, with the same actor
    countries."""
    return (not _field(kept, "recipients") and bool(_field(later, "recipients")) and _field(later, "sentence_index") >= 0
            and _countries(_field(later, "actors")) == _countries(_field(kept, "actors")))


def _best_per_sentence(items: list[T], event: Callable[[T], Any]) -> list[T]:
    """One mention per sentence, event type and set of parties (two different acts between the
    same parties stay two events: "attacked and then sanctioned"): an asserted act before a
    claimed one, then the first trigger (usually the main verb)."""
    def rank(ev) -> tuple:
        trigger = _field(ev, "trigger")
        return (_field(ev, "modality") != "asserted", trigger["start"] if isinstance(trigger, dict) else trigger.start)

    best: dict[tuple, T] = {}
    for x in items:
        ev = event(x)
        key = (_field(ev, "sentence_index"), _field(ev, "event_type"),
               _party_key(_field(ev, "actors")) | _party_key(_field(ev, "recipients")))
        if key not in best or rank(ev) < rank(event(best[key])):
            best[key] = x  # (a dict keeps the key's first position)
    return list(best.values())
