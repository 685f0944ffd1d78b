"""Stage ``resolve``: an event candidate into an Event (CAMEO code, Goldstein, QuadClass, PLOVER
mode and contexts, parties with countries, confidence); date and place come in later stages."""
from __future__ import annotations

from tidings.coder.places import count_places, sentence_places
from tidings.coder.record import Candidate, CodingDoc, Draft
from tidings.records import Actor, Event, Trigger



class Resolve:
    """``doc.candidates`` -> ``doc.drafts``: one Event per candidate that names a party with a
    country or sector (an ambiguous "weak" trigger needs both sides), parties given a country
    where the article implies one (:func:`infer_countries`), codes from the ontology."""

    name = "resolve"

    def __call__(self, doc: CodingDoc) -> CodingDoc:
        drafts = []
        for cand in doc.candidates:
            ev = resolve_candidate(doc, cand)
            if ev is not None:
                drafts.append(Draft(ev, cand))
        return doc.with_(drafts=drafts)


def resolve_candidate(doc: CodingDoc, candidate: Candidate) -> Event | None:
    """Codes, parties and confidence of a candidate, or None when it names no party to code."""
    cand, sent, article = candidate.found, candidate.sentence, doc.article
    actors = [_copy(a) for a in cand.actors]
    recipients = [_copy(a) for a in cand.recipients]
    confidence = cand.confidence
    if not actors and not recipients and "weak" not in cand.entry.flags:
        actors, recipients = unnamed_parties(doc, candidate)
        confidence -= 0.15
    if any(a.country is None for a in actors + recipients):
        confidence -= infer_countries(doc, candidate, actors, recipients)
    if not any(a.country for a in actors + recipients) and (
            "weak" in cand.entry.flags or not any(a.sector for a in actors + recipients)):
        return None  # no party at all: nothing to code ("unidentified gunmen" still give an event)
    if "weak" in cand.entry.flags and not (actors and recipients) and not (len(actors) >= 2 and "symmetric" in cand.notes):
        return None  # an ambiguous trigger needs both sides
    if {a.code for a in actors} and {a.code for a in actors} == {r.code for r in recipients}:
        recipients = []
    ont = doc.ontology
    mode = cand.mode if cand.mode and ont.is_valid(cand.event_type, cand.mode) else None
    cameo = cand.cameo or ont.cameo_for(cand.event_type, mode)
    try:
        code = ont.cameo(cameo)
    except KeyError:
        code = ont.cameo(ont.cameo_for(cand.event_type))
    _, _, implied = ont.plover_of_cameo(code.code)
    toks = sent.tokens
    t0, t1 = toks[cand.t_start].start, toks[cand.t_end - 1].end
    return Event(
        doc_id=article.doc_id, event_type=cand.event_type, cameo_code=code.code, cameo_root=code.root,
        goldstein=code.goldstein, quad_class=code.quad_class, actors=actors, recipients=recipients,
        sentence_index=sent.index, sentence=sent.text,
        trigger=Trigger(sent.text[t0 - sent.start:t1 - sent.start], t0, t1),
        language=doc.lang, mode=mode, contexts=sorted(set(implied) | set(cand.contexts)),
        modality=cand.modality, confidence=max(0.05, min(0.99, confidence)),
        article={"title": article.title, "url": article.url, "published": article.published,
                 "source": article.source},
    )


#: acts that are events even when no perpetrator is named ("a car bomb went off", "shops were looted")
UNNAMED_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"}


def unnamed_parties(doc: CodingDoc, candidate: Candidate) -> tuple[list[Actor], list[Actor]]:
    """Parties of an act whose sentence names none (PLOVER allows an empty actor): the place the
    sentence names nearest the trigger becomes the recipient ("a car bomb went off near the
    checkpoint in Mogadishu": SOM), and a protest's actor is the bare civilian sector, which takes
    the country of the place ("protests broke out in Lagos": NGA CVL).  Nothing without a place."""
    from tidings.coder.places import sentence_mentions

    cand, sent = candidate.found, candidate.sentence
    if cand.event_type not in UNNAMED_TYPES:
        return [], []
    trigger_at = sent.tokens[cand.t_start].start
    spans = candidate.read.party_spans  # a place that names a party ("el Itamaraty") is no scene
    here = [m for m in sentence_mentions(doc, sent) if m.place is not None and m.place.country
            and not any(a <= m.start and m.end <= b for a, b in spans)]
    if not here:
        return [], []
    m = min(here, key=lambda m: abs(m.start - trigger_at))
    place = Actor(m.text, None, m.place.country, None, m.start, m.end)
    if cand.event_type == "PROTEST":
        return [Actor("", None, m.place.country, "CVL", None, None)], []
    return [], [place]


def infer_countries(doc: CodingDoc, candidate: Candidate, actors: list[Actor], recipients: list[Actor]) -> float:
    """Give a country to parties named without one (``actors``/``recipients``: the new event's own
    copies, filled in place), most specific evidence first; returns the confidence to take off.

    1. A domestic target of force takes the state actor's ("la policía detuvo a manifestantes").
    2. The country of the place named right after a body ("Police in Paris, Texas arrested ..."), or
       for police and civilians the one country of the places their sentence names.
    3. The article's home country, most named first; a co-party of the same sector is taken to be
       another state's ("Merkel and President Karzai sign").
    """
    sent, memory = candidate.sentence, doc.memory
    # sector groups of tidings/ontology/plover_sectors.tsv: parties acting for a state; parties that
    # act where they are (police and civilians, not governments or armies, which act abroad)
    state_sectors, local_sectors = doc.ontology.sectors_in("state"), doc.ontology.sectors_in("local")
    penalty = 0.0
    state = next((a.country for a in actors if a.country and a.sector in state_sectors), None)
    if candidate.found.event_type in {"COERCE", "ASSAULT", "CONCEDE"} and state:
        for r in recipients:
            if r.country is None and r.sector and r.sector not in state_sectors:
                r.country = state
                penalty += 0.05
    missing = [a for a in actors + recipients if a.country is None and a.sector and a.sector not in {"IGO", "NGO"}]
    if not missing:
        return penalty
    for a in missing:
        if a.name is None and a.end is not None:
            # "police in Paris, Texas", "troops in Iraq": a body named with the place it is in
            near = [c for start, c in sentence_places(doc, sent) if 0 <= start - a.end <= 12]
            if not near and a in actors and a.start is not None:
                # "In Moscow, officials rejected ...": a place opening the sentence, right before its subject
                near = [c for start, c in sentence_places(doc, sent)
                        if start - sent.start <= 12 and 0 < a.start - start <= 30]
            if near:
                a.country = near[0]
                penalty += 0.05
    missing = [a for a in missing if a.country is None]
    local = [a for a in missing if a.name is None and a.sector in local_sectors]
    if local:
        # police and civilians act where the sentence is: "Police arrested two journalists in Istanbul"
        here = {c for _, c in sentence_places(doc, sent)}
        if len(here) == 1:
            for a in local:
                a.country = next(iter(here))
                penalty += 0.05
            missing = [a for a in missing if a.country is None]
    if not missing:
        return penalty
    home = dateline_country(doc)
    if home:
        # "MOSCOW, April 28 -- The foreign ministry said": a state body named without a country is
        # the dateline's (issue 13 item 4), unless a co-party of its sector is already that country's
        for a in missing:
            taken = {b.country for b in actors + recipients if b.country and b.sector == a.sector}
            if a.name is None and a.sector in state_sectors and home not in taken:
                a.country = home
                penalty += 0.05
        missing = [a for a in missing if a.country is None]
        if not missing:
            return penalty
    if not memory.places_counted:
        count_places(doc)
    ranked = memory.ranked_countries()
    if not ranked:
        return penalty
    for a in missing:
        taken = {b.country for b in actors + recipients if b.country and b.sector == a.sector}
        a.country = next((c for c in ranked if c not in taken), ranked[0]) if taken else ranked[0]
        penalty += 0.1
    return penalty


def dateline_country(doc: CodingDoc) -> str | None:
    """The country the article is filed from: its dateline's, or that of a place the body opens
    with when cleaning left the dateline in the text ("New Delhi [India], Nov. 8 (ANI): ...")."""
    dl = doc.article.dateline
    if dl is not None and dl.country:
        return dl.country
    sents = [s for s in doc.memory.sentences if s.index >= 0][:1]
    if not sents or sents[0].start > 2:
        return None
    from tidings.coder.places import sentence_mentions

    text = doc.article.text
    first = min((m for m in sentence_mentions(doc, sents[0]) if m.place is not None and m.place.country),
                key=lambda m: m.start, default=None)
    # a place name right at the start, then a comma, a bracket or a dash ("MOSCOW, April 28 --")
    if first is not None and first.start <= sents[0].start + 2 and text[first.end:first.end + 2].strip()[:1] in {",", "[", "(", "—", "–", "-"}:
        return first.place.country
    return None


def _copy(a: Actor) -> Actor:
    return Actor(a.text, a.name, a.country, a.sector, a.start, a.end)
