"""Stages ``place`` and ``infer_place``: where an event happened, and the place look-ups the
coder shares (the places a sentence names, scanned once per sentence and kept in the document
memory; the article's home country from the places its lead names)."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from tidings.coder.record import CodingDoc, Draft
from tidings.records import Actor, Event, Place, Sentence

_PLACED_AT_TARGET = {"ASSAULT", "COERCE", "AID"}
_PLACED_AT_ACTOR = {"PROTEST", "MOBILIZE", "ACCUSE", "REJECT", "REQUEST", "THREATEN", "SANCTION", "SUPPORT",
                    "AGREE", "CONCEDE", "RETREAT"}


class PlaceStage:
    """``doc.drafts`` -> each event's ``location`` set to the place its own sentence gives
    (``tidings.where.event_location``; the dateline place when the text supports it), else a
    country the sentence names as a place ("à l'intérieur du territoire mauritanien"), else None.
    A country that only names a party ("los Ministerios de Azerbaiyán") is no event place."""

    name = "place"

    def __call__(self, doc: CodingDoc) -> CodingDoc:
        drafts = []
        for d in doc.drafts:
            d = misread_persons(doc, d)
            location = sentence_place(doc, d)
            d = d.with_event(location=location)
            recipient = destination(d.event, location, d.sentence.start)
            drafts.append(d.with_event(recipients=[recipient]) if recipient is not None else d)
        return doc.with_(drafts=drafts)


def misread_persons(doc: CodingDoc, d: Draft) -> Draft:
    """``d`` with the parties that are a toponym read as a person's surname corrected, when the article
    never writes that person's full name: a country named like a politician ("Montenegro e Sérvia
    assinaram", without "Luís Montenegro") is that country; a town after a locative ("marcharon en
    Rosario") is the event's place, no party.  Written in full anywhere in the article, the person stays."""
    ev = d.event
    named = [a for a in ev.actors + ev.recipients if a.name and " " in a.name.strip() and a.start is not None]
    if not named:
        return d
    from tidings.text import fold

    mentions = {(m.start, m.end): m for m in sentence_mentions(doc, d.sentence) if m.place is not None}
    folded = None

    def fixed(a: Actor) -> Actor | None:
        nonlocal folded
        m = mentions.get((a.start, a.end)) if a in named else None
        if m is None or (m.place.precision != "country" and m.role not in ("in", "by")):
            return a
        folded = fold(doc.article.text) if folded is None else folded
        if fold(a.name) in folded:
            return a  # "Luís Montenegro" is named: the surname is the person
        if m.place.precision == "country":
            return Actor(a.text, None, m.place.country, None, a.start, a.end)
        return None

    actors = [x for x in map(fixed, ev.actors) if x is not None]
    recipients = [x for x in map(fixed, ev.recipients) if x is not None]
    if actors == ev.actors and recipients == ev.recipients:
        return d
    return d.with_event(actors=actors, recipients=recipients)


#: acts of engagement with a state (help, agreement, deployment, request): an organization without a
#: country (UNO, IGO, NGO) does them where its state counterpart is; its statements stay unplaced
_ENGAGEMENT_TYPES = {"AGREE", "SUPPORT", "REQUEST", "CONCEDE", "RETREAT", "MOBILIZE", "AID", "COOPERATE"}

#: acts whose place, after the trigger, is their target when the actor is foreign (or unnamed)
_DESTINATION_TYPES = {"ASSAULT", "AID", "MOBILIZE"}


def destination(ev: Event, location: Place | None, sentence_start: int) -> Actor | None:
    """The recipient an attack, aid or a deployment takes from its place: the place's country, when
    the place is named after the trigger, the event has no recipient and no actor of that country
    ("Russian forces shelled Kharkiv": UKR; "la policía detuvo ... en Madrid": none, the police are
    Spanish), else None.  ``sentence_start``: the article offset of the event's sentence."""
    if (ev.event_type not in _DESTINATION_TYPES or ev.recipients or location is None or not location.country
            or not location.text or location.country in {a.country for a in ev.actors}):
        return None
    trigger_at = ev.trigger.start - sentence_start
    at = ev.sentence.find(location.text, max(0, trigger_at))
    if at < 0:
        return None  # the place is named before the act ("In Kharkiv, Russian forces said ...")
    return Actor(location.text, None, location.country, None, sentence_start + at, sentence_start + at + len(location.text))


class InferPlace:
    """``doc.drafts`` -> events without a location get the article's scene (the one country, or
    town, where all the places it names with a locative lie: ``tidings.where.scene_place``), else
    a country-level place inferred from their parties (see :func:`inferred_place`)."""

    name = "infer_place"

    def __call__(self, doc: CodingDoc) -> CodingDoc:
        if all(d.event.location is not None for d in doc.drafts):
            return doc
        scene = article_scene(doc)
        return doc.with_(drafts=[d if d.event.location is not None else d.with_event(
            location=replace(scene) if scene is not None else inferred_place(d.event, doc.ontology.nonstate))
            for d in doc.drafts])


def article_scene(doc: CodingDoc) -> Place | None:
    """Where the article's story happens (``tidings.where.scene_place`` over the places every
    sentence names; the scans are shared with event places), or None."""
    from tidings.where import scene_place

    # a town that is itself an event's party ("envió una nota a Washington", "acusó a Bruselas") is no scene
    parties = {(a.start, a.end) for d in doc.drafts for a in d.event.actors + d.event.recipients}
    mentions = [m for sent in doc.memory.sentences for m in sentence_mentions(doc, sent)
                if (m.start, m.end) not in parties]
    try:
        return scene_place(mentions, venue_countries(doc, mentions))
    except Exception:  # a place that cannot be read never stops the coding
        return None


def venue_countries(doc: CodingDoc, mentions) -> list:
    """The country mentions the article states as where things happen: right after a ``venue``
    phrase of places.tsv ("took place in", "tuvieron lugar en", "s'est rendu en", "viajou para",
    "прибыл в"), unlike a country after a bare "in", which is often a party's title."""
    from tidings.where.gazetteer import norm_key
    from tidings.where.lexicon import get_lexicon

    lex = get_lexicon(doc.lang, doc.res.lexicon_dirs)
    venues = lex.venues
    if not venues:
        return []
    text = doc.article.text
    out = []
    for m in mentions:
        if m.place is None or m.place.precision != "country":
            continue
        before = " " + norm_key(text[max(0, m.start - 40): m.start])
        head, _, last = before.rpartition(" ")
        if last in lex.determiners:  # "travelled to the United States", "viajou para os Estados Unidos"
            before = head
        if any(before.endswith(" " + v) for v in venues):
            out.append(m)
    return out


def sentence_place(doc: CodingDoc, draft: Draft) -> Place | None:
    """The place the event's own sentence gives, or None."""
    ev, sent, read = draft.event, draft.sentence, draft.candidate.read
    # a toponym inside a party's phrase names the party ("los Ministerios de Azerbaiyán", "Hamas"), not
    # the event's place, unless it is a town the phrase introduces with a locative ("the Red Cross in Gaza")
    parties = [(a.start, a.end) for a in ev.actors + ev.recipients if a.start is not None and a.end is not None]
    mentions = [m for m in sentence_mentions(doc, sent) if not _names_party(m, read.party_spans, parties)]
    location = _location(doc, sent, ev.trigger.start, ev.actors, mentions)
    if location is None and read.places:
        # a country the sentence names as a place ("à l'intérieur du territoire mauritanien")
        _, code, text = min(read.places, key=lambda p: abs(p[0] - ev.trigger.start))
        location = country_place(code)
        if location is not None and text:
            location.text = text
    return location


def _names_party(m, spans, parties) -> bool:
    """Whether the place mention ``m`` names a party rather than the event's place: it lies inside a
    party phrase (``spans``), unless that phrase introduces a town with a locative ("the Red Cross in
    Gaza", "la embajada rusa en Viena").  A phrase that is the bare town name and one of the event's
    own ``parties`` names that party even after a preposition ("acusó a Bruselas": Spanish "a" marks
    the object as well as the destination).  A town after "of"/"de" that is a party phrase stays a
    party ("des critiques de Paris", "la réponse de Moscou")."""
    span = next(((s, e) for s, e in spans or () if s <= m.start and m.end <= e), None)
    if span is None:
        return False
    if span == (m.start, m.end) and any(s < m.end and m.start < e for s, e in parties):
        return True
    return not _located_city(m)


def _located_city(m) -> bool:
    """Whether the place mention ``m`` is a town introduced with a locative ("the Red Cross in Gaza",
    "la Cruz Roja en Gaza", "الصليب الأحمر بغزة"): where that party acted, so the event's place even
    inside the party's phrase (unlike a country, or a town that only names the party)."""
    return m.role == "in" and m.place is not None and m.place.precision == "city"


def _in_spans(start: int, end: int, spans) -> bool:
    """Whether [start, end) (article offsets) lies inside one of ``spans``."""
    return any(s <= start and end <= e for s, e in spans or ())


def sentence_mentions(doc: CodingDoc, sent: Sentence) -> list:
    """The places one sentence names (``tidings.where.find_places``, offsets into the article),
    disambiguated by the countries the article names and its dateline, without the one-word towns the
    article uses as a person's name ("Funes said" after "Mauricio Funes"); scanned once per sentence
    (kept in ``doc.memory.place_cache``)."""
    cache = doc.memory.place_cache
    if sent.index not in cache:
        from tidings.where import drop_person_names, find_places
        from tidings.where.gazetteer import norm_token

        ctx = {c: float(n) for c, n in doc.memory.countries.items()}
        dl = doc.article.dateline
        if dl is not None and dl.country:
            ctx[dl.country] = ctx.get(dl.country, 0.0) + 0.5 * (max(ctx.values()) if ctx else 1.0)
        try:
            mentions = find_places(sent.text, doc.lang, offset=sent.start, country_context=ctx,
                                   lexicon_dirs=doc.res.lexicon_dirs)
            maybe = {norm_token(m.text) for m in mentions if _maybe_person(m)}
            if maybe and not maybe.isdisjoint(_article_names(doc, "glued")):
                mentions = drop_person_names(mentions, _article_names(doc, "people"))
        except Exception:  # a place that cannot be read never stops the coding
            mentions = []
        cache[sent.index] = mentions
    return cache[sent.index]


def _maybe_person(m) -> bool:
    """Whether a place mention could be a person's name the article gives in full elsewhere (a
    one-word town without a locative): only then is the article scanned for such names."""
    return m.place is not None and m.place.precision == "city" and m.role not in ("in", "by") and " " not in m.text


def _article_names(doc: CodingDoc, which: str) -> frozenset[str]:
    """Of the whole article, once per document (kept in ``doc.memory.place_names``): ``people``, the
    keys of the towns it uses as a person's name (``tidings.where.person_names``, a scan of the whole
    text); ``glued``, the keys of every word glued to a capitalized one, a cheap superset of those
    (``tidings.where.name_part_candidates``): the scan is needed only when a mention's key is in it."""
    memo = doc.memory.place_names
    if which not in memo:
        from tidings.where import name_part_candidates, person_names

        text = doc.article.text
        memo[which] = (name_part_candidates(text) if which == "glued" else
                       person_names(text, doc.lang, tuple(map(str, doc.res.lexicon_dirs))))
    return memo[which]


def sentence_places(doc: CodingDoc, sent: Sentence) -> list[tuple[int, str]]:
    """(character offset in the article, ISO3) of the places one sentence names (GeoNames)."""
    return [(pm.start, pm.place.country) for pm in sentence_mentions(doc, sent)
            if pm.place is not None and pm.place.country]


def count_places(doc: CodingDoc) -> None:
    """Count the countries of the places the lead names ("in Tbilisi", "в Хабаровске") towards the
    article's home country, which unnamed state actors ("police") take.  Done once per article, and
    only when an event needs it; the sentences' scans are shared with event places."""
    memory = doc.memory
    memory.places_counted = True
    counts = []
    for sent in memory.sentences:
        if sent.start >= 800:  # the lead names where the story is; the rest adds noise and time
            break
        counts += [c for _, c in sentence_places(doc, sent)]
    for c in counts:
        memory.countries[c] += 0.5


def _location(doc: CodingDoc, sent: Sentence, trigger_start: int, actors: list[Actor] = (), mentions=None):
    """The event place read in its sentence, or the dateline place when the text supports it: the
    body names the dateline's place and the event's actor belongs to the dateline's country (the
    report filed from Tbilisi on Georgian police; not Moscow's reaction to it)."""
    from tidings.where import event_location

    article = doc.article
    dl = article.dateline
    supported = bool(dl and dl.place and dl.country and dl.country in {a.country for a in actors}
                     and dl.place.casefold() in doc.memory.folded_text(article))
    try:
        return event_location(sent.text, sent.start, doc.lang, trigger_start=trigger_start, dateline=dl,
                              body_mentions_dateline_place=supported,
                              mentions=sentence_mentions(doc, sent) if mentions is None else mentions)
    except Exception:  # a place that cannot be resolved never removes the event
        return None


def inferred_place(ev: Event, nonstate) -> Place | None:
    """A country-level place when the event's sentence names none, inferred from its parties (text
    left empty, precision "country"): a domestic event (both sides of one state) is in that state;
    an attack, an arrest or aid is where its target is; a protest, a deployment or a statement
    (accusation, rejection, request, threat, sanction...) is in the country of the actor; a visit
    (CAMEO 042, 043) is in the host's country: the recipient's (the linker makes the guest the actor
    of "hosted", "recibió a"), or the actor's when a hosting names no guest.  None for
    meetings and cooperation between states, and whenever the relevant side names more or fewer
    than one state; but an organization without a country (the UN, an NGO) that helps, agrees with,
    deploys to or asks one state engages in that state (``_ENGAGEMENT_TYPES``).  ``nonstate``: the PLOVER non-state codes (``Ontology.nonstate``)."""
    def states(parties):
        return {a.country for a in parties if a.country and a.country not in nonstate}

    every = states(ev.actors + ev.recipients)
    if len(every) == 1 and states(ev.actors) and states(ev.recipients):
        return country_place(next(iter(every)))  # both sides of one state: a domestic event
    side = ev.recipients if ev.event_type in _PLACED_AT_TARGET else ev.actors if ev.event_type in _PLACED_AT_ACTOR else []
    if ev.cameo_code in {"042", "043"}:  # a visit is in the host's country
        side = ev.recipients or (ev.actors if ev.cameo_code == "043" else [])
    if not ev.recipients and ev.event_type in {"COERCE", "ASSAULT"} and all(a.sector == "COP" for a in ev.actors if a.country):
        side = ev.actors  # police act at home: "la polizia disperde i manifestanti"
    chosen = states(side)
    if not chosen and side and ev.event_type in _ENGAGEMENT_TYPES and all(a.country in nonstate for a in side):
        # an organization without a country (the UN, an NGO) engages where its one state counterpart is
        chosen = states(ev.recipients if side is ev.actors else ev.actors)
    return country_place(next(iter(chosen))) if len(chosen) == 1 else None


def country_place(code: str) -> Place | None:
    """A new Place for the country ``code`` (ISO3), from the gazetteer, or None (callers may set
    its ``text``)."""
    place = _country_place_cached(code)
    return replace(place) if place is not None else None


@lru_cache(maxsize=512)
def _country_place_cached(code: str):
    try:
        from tidings.where import resolve_place

        import pycountry

        c = pycountry.countries.get(alpha_3=code)
        place = resolve_place(c.name, "en") if c else None
    except Exception:  # pragma: no cover - no gazetteer
        place = None
    if place is None or place.country != code:
        return None
    place.text = ""  # inferred from the parties, not read in the sentence
    place.precision = "country"
    return place
