"""The place of one event, read in its sentence (docs/places.md, rule 6)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from tidings.records import Dateline, Place
from tidings.where.gazetteer import get_gazetteer
from tidings.where.places import PlaceMention, find_places, resolve_place


#: event_location: extra distance (characters) for a toponym without a locative preposition / after "from",
#: and for one before the trigger (in SVO sentences the event's place mostly follows its verb)
ROLE_PENALTY = {"in": 0.0, "by": 0.0, None: 15.0, "from": 40.0}
BEFORE_TRIGGER_PENALTY = 20.0


def event_location(sentence: str, sentence_start: int, lang: str, *, trigger_start: int | None = None,
                   country_context: Mapping[str, float] | None = None, dateline: Dateline | None = None,
                   body_mentions_dateline_place: bool = False,
                   mentions: list[PlaceMention] | None = None) -> Place | None:
    """The place of the event whose trigger is in ``sentence`` (which starts at ``sentence_start`` in the
    article text; ``trigger_start`` is an article offset), or None when the text does not say.

    Order: (1) toponyms of the sentence itself, the nearest to the trigger in characters, where a name
    without a locative preposition counts 15 characters farther, one after "from" 40, and one before the
    trigger 20 (``ROLE_PENALTY``, ``BEFORE_TRIGGER_PENALTY``); a country named without a preposition is
    taken for an actor, not a place, and skipped (a bare division likewise, unless it is all there is);
    a qualifier (``Texas`` of ``Paris, Texas``) yields to the name it qualifies; (2) the dateline place, only when ``body_mentions_dateline_place`` says the
    body supports it; never just the first place of the article.  The dateline's country is added to
    ``country_context`` for disambiguation.  ``mentions``: the sentence's places when the caller has
    them already (``find_places(sentence, lang, offset=sentence_start, ...)``), to save a second scan.
    """
    if mentions is None:
        ctx = dict(country_context or {})
        if dateline is not None and dateline.country:
            c = dateline.country
            ctx[c] = ctx.get(c, 0.0) + 0.5 * (max(ctx.values()) if ctx else 1.0)
        mentions = find_places(sentence, lang, offset=sentence_start, country_context=ctx)
    usable = [m for m in mentions if m.place is not None and not m.qualifier
              and not (m.place.precision in ("country", "admin1") and m.role is None)]
    if not usable:  # a bare division ("Georgia state troopers ...") only when nothing better is said
        usable = [m for m in mentions if m.place is not None and not m.qualifier
                  and m.place.precision == "admin1"]
    if usable:
        anchor = trigger_start if trigger_start is not None else sentence_start

        def rank(m: PlaceMention) -> float:
            if trigger_start is None:
                return m.start + ROLE_PENALTY.get(m.role, 0.0)
            dist = m.start - anchor if m.start >= anchor else anchor - m.end + BEFORE_TRIGGER_PENALTY
            return dist + ROLE_PENALTY.get(m.role, 0.0)

        return min(usable, key=rank).place
    if dateline is not None and dateline.place and body_mentions_dateline_place:
        return resolve_place(dateline.place, lang, country_hint=dateline.country)
    return None


def scene_place(mentions: list[PlaceMention], stated: list[PlaceMention] = ()) -> Place | None:
    """Where an article's story happens, from the toponyms it names with a locative or proximity
    preposition (role ``in``/``by``: "talks in Quito", "reunidas en Quito", "near Kharkiv", "в
    Хабаровске"), or None.  Only towns and divisions count (a country after "in" is often a party's
    title: "Ukraine's envoy in Russia").  When they all lie in one country the scene is that country
    (precision ``country``), or that one town when it is the only one named; several countries give
    None: the article has no single scene.  ``text`` of the returned Place is empty (not read in the
    event's sentence).  ``mentions``: the :class:`PlaceMention` of the whole article, any order;
    ``stated``: countries the article states as the venue ("las citas tuvieron lugar en Estados
    Unidos", "travelled to China"), which count like towns."""
    located = [m.place for m in mentions if m.place is not None and not m.qualifier and m.role in ("in", "by")
               and m.place.precision in ("city", "admin1") and m.place.country]
    located += [m.place for m in stated if m.place is not None and m.place.country]
    if not located or len({p.country for p in located}) != 1:
        return None
    if len({p.geonameid or p.name for p in located}) == 1 and located[0].precision == "city":
        return replace(located[0], text="")
    entry = get_gazetteer().countries.get(located[0].country)
    return replace(entry.to_place(""), precision="country") if entry is not None else None


__all__ = ["event_location", "scene_place", "ROLE_PENALTY", "BEFORE_TRIGGER_PENALTY"]
