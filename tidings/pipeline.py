"""The ``Coder``: runs the pipeline stages in order and holds the loaded resources.

    RawDocument --clean--> Article --segment--> Sentence[] --recognize--> actor phrases
      --link--> EventCandidate[] --resolve--> Event[] --dedup (per sentence, per article)--> Event[]

Resources (language packs, matchers, ontology) load lazily, once per language, and are cached on
the ``Coder``; nothing is fetched from the network.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from tidings.actors import ActorRecognizer, DocumentMemory
from tidings.events import EventCandidate, EventLinker
from tidings.lexicon import LanguagePack, load_pack
from tidings.records import Actor, Article, Event, Place, RawDocument, Sentence, Trigger
from tidings.text import segment
from tidings.text.matcher import token_keys

DEFAULT_MODALITIES = frozenset({"asserted", "claimed"})
# a news article is a few thousand characters; past this the input is a dump, not an article
MAX_ARTICLE_CHARS = 500_000
# a sentence longer than this many tokens (a table, a list run together) is coded in windows
MAX_SENTENCE_TOKENS = 120
ALL_MODALITIES = frozenset({"asserted", "claimed", "negated", "hypothetical", "future"})
_STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "ELI"}
# parties that act where they are: police and civilians (not governments or armies, which act abroad)
_LOCAL_SECTORS = {"COP", "CVL", "EDU", "LAB", "AGR", "JRN", "MED", "REL", "BUS", "REF"}


class DocumentError(ValueError):
    """A document that cannot be coded; the message names the document and the reason."""


@dataclass
class _LangResources:
    pack: LanguagePack
    actors: ActorRecognizer
    linker: EventLinker
    clitics: tuple
    suffixes: tuple[str, ...] = ()


@dataclass
class Coder:
    """Codes documents into events.

    ``lexicon_dirs``: extra language-pack folders (``DIR/<lang>/events.tsv`` ...) that extend or
    override the packaged packs.  ``modalities``: which event modalities to return (default:
    asserted and claimed; negated, hypothetical and future events are dropped unless asked for).
    ``default_lang``: language used when detection fails or finds an unsupported language.
    """

    lexicon_dirs: Sequence[str | Path] = ()
    modalities: frozenset[str] = DEFAULT_MODALITIES
    default_lang: str = "en"
    _res: dict[str, _LangResources] = field(default_factory=dict, repr=False)
    _languages: list[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        from tidings.ontology import load_ontology

        self.ontology = load_ontology()
        if isinstance(self.lexicon_dirs, (str, Path)):
            self.lexicon_dirs = (self.lexicon_dirs,)
        self.lexicon_dirs = tuple(str(d) for d in self.lexicon_dirs)
        for d in self.lexicon_dirs:
            if not Path(d).is_dir():
                raise ValueError(f"lexicon folder {d!r} is not a directory")
        if isinstance(self.modalities, str):
            named = {"all": ALL_MODALITIES, "default": DEFAULT_MODALITIES}
            if self.modalities not in named:
                raise ValueError(f"modalities {self.modalities!r}: give 'all', 'default' or a collection of names")
            self.modalities = named[self.modalities]
        self.modalities = frozenset(self.modalities)
        if not self.modalities or not self.modalities <= ALL_MODALITIES:
            raise ValueError(f"modalities must be a non-empty subset of {', '.join(sorted(ALL_MODALITIES))}; "
                             f"got {', '.join(sorted(map(str, self.modalities))) or 'none'}")
        from tidings.text import use_full_lemmas

        for d in self.lexicon_dirs:  # a user lexicon may use words the shipped lemma tables lack
            for sub in Path(d).iterdir() if Path(d).is_dir() else ():
                if sub.is_dir() and not sub.name.startswith("_"):
                    use_full_lemmas(sub.name)

    # -- resources -------------------------------------------------------------------------------
    def resources(self, lang: str) -> _LangResources:
        """The loaded pack, recognizer and linker for ``lang`` (loaded on first use).

        Raises ``LexiconError`` for a language without a pack."""
        res = self._res.get(lang)
        if res is None:
            pack = load_pack(lang, self.lexicon_dirs)
            res = _LangResources(pack, ActorRecognizer(pack), EventLinker(pack), pack.clitic_prefixes(), pack.case_suffixes())
            self._res[lang] = res
        return res

    def languages(self) -> list[str]:
        """ISO 639-1 codes of the languages with a pack (packaged or from ``lexicon_dirs``)."""
        if self._languages is None:
            from tidings.lexicon import available_languages

            self._languages = available_languages(self.lexicon_dirs)
        return self._languages

    def supported(self, lang: str) -> bool:
        """Whether ``lang`` has a language pack (a pack with errors still raises LexiconError when used)."""
        return lang in self._res or lang in self.languages()

    # -- stages ----------------------------------------------------------------------------------
    def clean(self, raw: RawDocument) -> Article:
        """RawDocument -> Article (chrome, title, dateline, trailer, published, language)."""
        from tidings.clean import clean

        return clean(raw)

    def code_document(self, raw: RawDocument) -> tuple[Article, list[Event]]:
        """Clean and code one document.  Raises ``DocumentError`` (a ValueError) for a bad one."""
        name = raw.source or raw.doc_id
        try:
            article = self.clean(raw)
        except ValueError as exc:
            msg = str(exc)
            raise DocumentError(msg if msg.startswith(f"{name}:") else f"{name}: {msg}") from None
        if not self.supported(article.language or ""):
            raise DocumentError(f"{name}: language '{article.language}' has no language pack "
                                f"(supported: {', '.join(self.languages())}); not coded")
        if len(article.text) > MAX_ARTICLE_CHARS:
            raise DocumentError(f"{name}: article too long to code ({len(article.text):,} characters; "
                                f"the limit is {MAX_ARTICLE_CHARS:,}); split it into articles")
        return article, self.code_article(article)

    def code_article(self, article: Article) -> list[Event]:
        """Code a cleaned article: a list of events in text order (after per-article dedup)."""
        lang = article.language or self.default_lang
        if not self.supported(lang):
            return []  # no pack for this language: nothing is coded rather than guessed
        res = self.resources(lang)
        sentences = segment(article.text, lang)
        memory = DocumentMemory()
        memory.sentences = [s for s in sentences if s.index >= 0]
        memory.date = _iso_date(article.published)
        if article.dateline and article.dateline.country:
            memory.countries[article.dateline.country] += 1
        candidates: list[tuple[Sentence, EventCandidate]] = []
        if article.title and article.title.strip():
            # the headline is coded last, as sentence -1 with offsets into the title: its events
            # survive only where the body does not report them (dedup keeps the first mention)
            from tidings.text import tokenize

            headline = Sentence(index=-1, text=article.title, start=0, end=len(article.title),
                                tokens=tokenize(article.title, lang))
            sentences = sentences + [headline]
        for sent in _windows(sentences):
            if not sent.tokens:
                continue
            keys = [token_keys(t, res.clitics, res.suffixes) for t in sent.tokens]
            triggers = res.linker.triggers(keys)
            trig_tokens = frozenset(i for m in triggers for i in range(m.start, m.end))
            owned = frozenset(i for m in triggers if "weak" not in m.payload.flags for i in range(m.start, m.end))
            phrases = res.actors.phrases(sent, keys, memory, trig_tokens, owned)
            spans = [(sent.tokens[p.start].start, sent.tokens[p.end - 1].end) for p in phrases]
            places = list(res.actors.last_places)
            for cand in res.linker.candidates(sent, keys, phrases, triggers):
                cand.party_spans = spans
                cand.places = places
                candidates.append((sent, cand))
        published, partial_published = _published_date(article, lang)
        dateline_date = _iso_date(article.dateline.date) if article.dateline and article.dateline.date else None
        events = []
        origin: dict[int, tuple[Sentence, EventCandidate]] = {}
        for sent, cand in candidates:
            ev = self._resolve(article, lang, sent, cand, memory)
            if ev is not None:
                events.append(ev)
                origin[id(ev)] = (sent, cand)
        events = _dedup_sentence(events)
        for ev in events:  # dates are cheap: they decide, with places, what is one event
            sent, cand = origin[id(ev)]
            ev.date, ev.date_precision, ev.date_source = _date(sent, lang, ev.trigger.start, published, dateline_date)
            if ev.date is None and partial_published:
                ev.date, ev.date_source = partial_published, "published"
                ev.date_precision = "month" if len(partial_published) == 7 else "year"
        places: dict[int, Place | None] = {}

        def sentence_place(ev: Event):
            """The place the event's own sentence gives (computed once, on demand)."""
            if id(ev) not in places:
                sent, cand = origin[id(ev)]
                location = _location(sent, lang, ev.trigger.start, memory, article, ev.actors)
                if location is not None and _inside_party(sent, location.text, cand.party_spans):
                    location = None  # "los Ministerios de Azerbaiyán": a country naming a party is no event place
                if location is None and cand.places:
                    # a country the sentence names as a place ("à l'intérieur du territoire mauritanien")
                    _, code, text = min(cand.places, key=lambda p: abs(p[0] - ev.trigger.start))
                    location = _country_place(code)
                    if location is not None and text:
                        location.text = text
                places[id(ev)] = location
            return places[id(ev)]

        events = _dedup_article(events, sentence_place)
        for ev in events:  # places only for the events kept
            ev.location = sentence_place(ev) or _inferred_place(ev)
            if ev.event_type == "CONSULT" and ev.mode is None and len({a.country for a in ev.actors + ev.recipients if a.country}) >= 3:
                ev.mode = "multilateral"  # three or more states at the table (PLOVER CONSULT mode)
        _name_people(events, memory)
        if res.actors.people is not None:  # a person's office at the event's own date
            res.actors.people.redate(events, memory.date)
        return events

    def _resolve(self, article: Article, lang: str, sent: Sentence, cand: EventCandidate,
                 memory: DocumentMemory) -> Event | None:
        """Codes, parties and confidence of a candidate (date and place come after dedup), or None
        when its modality is not wanted or it names no party with a country."""
        if cand.modality not in self.modalities:
            return None
        actors = [_copy(a) for a in cand.actors]
        recipients = [_copy(a) for a in cand.recipients]
        confidence = cand.confidence
        if any(a.country is None for a in actors + recipients):
            confidence -= _infer_countries(article, lang, sent, cand, actors, recipients, memory)
        if not any(a.country for a in actors + recipients) and (
                "weak" in cand.entry.flags or not any(a.sector for a in actors + recipients)):
            return None  # no party at all: nothing to code ("unidentified gunmen" still give an event)
        if "weak" in cand.entry.flags and not (actors and recipients) and not (len(actors) >= 2 and "symmetric" in cand.notes):
            return None  # an ambiguous trigger needs both sides
        if {a.code for a in actors} and {a.code for a in actors} == {r.code for r in recipients}:
            recipients = []
        ont = self.ontology
        cameo = cand.cameo or ont.cameo_for(cand.event_type, cand.mode if cand.mode and ont.is_valid(cand.event_type, cand.mode) else None)
        try:
            code = ont.cameo(cameo)
        except KeyError:
            code = ont.cameo(ont.cameo_for(cand.event_type))
        mode = cand.mode if cand.mode and ont.is_valid(cand.event_type, cand.mode) else None
        _, _, implied = ont.plover_of_cameo(code.code)
        contexts = sorted(set(implied) | set(cand.contexts))
        toks = sent.tokens
        t0, t1 = toks[cand.t_start].start, toks[cand.t_end - 1].end
        return Event(
            doc_id=article.doc_id,
            event_type=cand.event_type,
            cameo_code=code.code,
            cameo_root=code.root,
            goldstein=code.goldstein,
            quad_class=code.quad_class,
            actors=actors,
            recipients=recipients,
            sentence_index=sent.index,
            sentence=sent.text,
            trigger=Trigger(sent.text[t0 - sent.start:t1 - sent.start], t0, t1),
            language=lang,
            mode=mode,
            contexts=list(contexts),
            modality=cand.modality,
            confidence=max(0.05, min(0.99, confidence)),
            article={"title": article.title, "url": article.url, "published": article.published,
                     "source": article.source},
        )

    # -- conveniences ----------------------------------------------------------------------------
    def code_text(self, text: str, *, doc_id: str = "text", lang: str | None = None,
                  published: str | None = None, url: str | None = None) -> list[Event]:
        """Code a plain-text article (chrome, dateline and trailer are cleaned as for files).

        ``text`` is a str (bytes are decoded like files: BOM, UTF-8, then legacy encodings).
        Raises ``TypeError`` for other types and ``DocumentError`` (a ValueError) for empty text, a
        bad ``published`` or a language without a pack."""
        if isinstance(text, (bytes, bytearray)):
            from tidings.read import decode_bytes

            text = decode_bytes(bytes(text), doc_id)
        if not isinstance(text, str):
            raise TypeError(f"code_text: text must be str, got {type(text).__name__}")
        return self.code_document(RawDocument(doc_id, text=text, lang=lang, published=published, url=url, source=doc_id))[1]

    def code_html(self, html: str, *, doc_id: str = "html", lang: str | None = None,
                  published: str | None = None, url: str | None = None) -> list[Event]:
        """Code an HTML page (body and metadata through trafilatura and htmldate).  Raises as code_text."""
        if isinstance(html, (bytes, bytearray)):
            from tidings.read import decode_bytes

            html = decode_bytes(bytes(html), doc_id)
        if not isinstance(html, str):
            raise TypeError(f"code_html: html must be str, got {type(html).__name__}")
        return self.code_document(RawDocument(doc_id, html=html, lang=lang, published=published, url=url, source=doc_id))[1]


def _windows(sentences: list[Sentence]) -> Iterable[Sentence]:
    """Sentences, with an over-long one (no punctuation for hundreds of words) cut into windows of
    MAX_SENTENCE_TOKENS tokens, so linking stays linear in the text's length."""
    for sent in sentences:
        toks = sent.tokens
        if len(toks) <= MAX_SENTENCE_TOKENS:
            yield sent
            continue
        for i in range(0, len(toks), MAX_SENTENCE_TOKENS):
            part = toks[i:i + MAX_SENTENCE_TOKENS]
            start, end = part[0].start, part[-1].end
            yield Sentence(sent.index, sent.text[start - sent.start:end - sent.start], start, end, part)


def _copy(a: Actor) -> Actor:
    return Actor(a.text, a.name, a.country, a.sector, a.start, a.end)


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _published_date(article: Article, lang: str) -> tuple[dt.date | None, str | None]:
    """The date relative expressions resolve against, and the partial publication date (``YYYY-MM``
    or ``YYYY``) when that is all the source gives.

    When the source gives no day, the latest full date the article itself states (a dateline, a
    "14/08/2017" line, "ce lundi 31 janvier 2022") stands in for it, if it is not in the future and
    agrees with the partial date."""
    from tidings.when import find_dates, parse_published

    partial = None
    if article.published:
        p = parse_published(article.published)
        if p:
            return p.date(), None
        if len(article.published) in (4, 7) and article.published[:4].isdigit():
            partial = article.published
    base = None
    if partial:
        y, m = int(partial[:4]), int(partial[5:7]) if len(partial) == 7 else 12
        base = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)  # end of that month or year
    today = dt.date.today()
    best = None
    try:
        mentions = find_dates(article.text, lang, base)
    except ValueError:
        mentions = []
    # dates written with their year first ("14/08/2017"); year-less ones ("el 26 de agosto") only
    # when no other is given
    for with_year in (True, False):
        for m in mentions:
            if m.kind != "explicit" or m.precision != "day" or (partial and not m.date.startswith(partial)):
                continue
            if with_year != bool(re.search(r"\d{4}", m.text)):
                continue
            d = dt.date.fromisoformat(m.date)
            if d <= today and (best is None or d > best):
                best = d
        if best:
            break
    return best, partial


def _date(sent: Sentence, lang: str, trigger_start: int, published, dateline_date):
    from tidings.when import resolve_event_date

    r = resolve_event_date(sent.text, lang, published=published, dateline_date=dateline_date,
                           trigger_offset=trigger_start - sent.start)
    return r.date, r.precision, r.source


def _infer_countries(article: Article, lang: str, sent: Sentence, cand: EventCandidate,
                     actors: list[Actor], recipients: list[Actor], memory: DocumentMemory) -> float:
    """Give a country to parties named without one, most specific evidence first; returns the
    confidence to take off.

    1. A domestic target of force takes the state actor's ("la policía detuvo a manifestantes").
    2. The country of the place named right after a body ("Police in Paris, Texas arrested ..."), or
       for police and civilians the one country of the places their sentence names.
    3. The article's home country, most named first; a co-party of the same sector is taken to be
       another state's ("Merkel and President Karzai sign").
    """
    penalty = 0.0
    state = next((a.country for a in actors if a.country and a.sector in _STATE_SECTORS), None)
    if cand.event_type in {"COERCE", "ASSAULT", "CONCEDE"} and state:
        for r in recipients:
            if r.country is None and r.sector and r.sector not in _STATE_SECTORS:
                r.country = state
                penalty += 0.05
    missing = [a for a in actors + recipients if a.country is None and a.sector and a.sector not in {"IGO", "NGO"}]
    if not missing:
        return penalty
    for a in missing:
        if a.name is None and a.end is not None:
            # "police in Paris, Texas", "troops in Iraq": a body named with the place it is in
            near = [c for start, c in _sentence_places(sent, lang, memory, article) if 0 <= start - a.end <= 12]
            if near:
                a.country = near[0]
                penalty += 0.05
    missing = [a for a in missing if a.country is None]
    local = [a for a in missing if a.name is None and a.sector in _LOCAL_SECTORS]
    if local:
        # police and civilians act where the sentence is: "Police arrested two journalists in Istanbul"
        here = {c for _, c in _sentence_places(sent, lang, memory, article)}
        if len(here) == 1:
            for a in local:
                a.country = next(iter(here))
                penalty += 0.05
            missing = [a for a in missing if a.country is None]
    if not missing:
        return penalty
    if not memory.places_counted:
        _count_places(article, lang, memory)
    ranked = memory.ranked_countries()
    if not ranked:
        return penalty
    for a in missing:
        taken = {b.country for b in actors + recipients if b.country and b.sector == a.sector}
        a.country = next((c for c in ranked if c not in taken), ranked[0]) if taken else ranked[0]
        penalty += 0.1
    return penalty


def _sentence_mentions(sent: Sentence, lang: str, memory: DocumentMemory, article: Article) -> list:
    """The places one sentence names (``tidings.where.find_places``, offsets into the article),
    disambiguated by the countries the article names and its dateline; scanned once per sentence."""
    cache = memory.place_cache
    if sent.index not in cache:
        find_places = _place_finder()
        mentions = []
        if find_places is not None:
            ctx = {c: float(n) for c, n in memory.countries.items()}
            dl = article.dateline
            if dl is not None and dl.country:
                ctx[dl.country] = ctx.get(dl.country, 0.0) + 0.5 * (max(ctx.values()) if ctx else 1.0)
            try:
                mentions = find_places(sent.text, lang, offset=sent.start, country_context=ctx)
            except Exception:  # a place that cannot be read never stops the coding
                mentions = []
        cache[sent.index] = mentions
    return cache[sent.index]


def _sentence_places(sent: Sentence, lang: str, memory: DocumentMemory, article: Article) -> list[tuple[int, str]]:
    """(character offset in the article, ISO3) of the places one sentence names (GeoNames)."""
    return [(pm.start, pm.place.country) for pm in _sentence_mentions(sent, lang, memory, article)
            if pm.place is not None and pm.place.country]


def _count_places(article: Article, lang: str, memory: DocumentMemory) -> None:
    """Count the countries of the places the lead names ("in Tbilisi", "в Хабаровске") towards the
    article's home country, which unnamed state actors ("police") take.  Done once per article, and
    only when an event needs it; the sentences' scans are shared with event places."""
    memory.places_counted = True
    counts = []
    for sent in memory.sentences:
        if sent.start >= 800:  # the lead names where the story is; the rest adds noise and time
            break
        counts += [pm.place.country for pm in _sentence_mentions(sent, lang, memory, article)
                   if pm.place is not None and pm.place.country]
    for c in counts:
        memory.countries[c] += 0.5


def _place_finder():
    try:
        from tidings.where import find_places
    except ImportError:  # pragma: no cover
        return None
    return find_places


def _location(sent: Sentence, lang: str, trigger_start: int, memory: DocumentMemory, article: Article,
              actors: list[Actor] = ()):
    """The event place read in its sentence, or the dateline place when the text supports it: the
    body names the dateline's place and the event's actor belongs to the dateline's country (the
    report filed from Tbilisi on Georgian police; not Moscow's reaction to it)."""
    try:
        from tidings.where import event_location
    except ImportError:  # pragma: no cover
        return None
    dl = article.dateline
    supported = bool(dl and dl.place and dl.country and dl.country in {a.country for a in actors}
                     and dl.place.casefold() in memory.folded_text(article))
    try:
        return event_location(sent.text, sent.start, lang, trigger_start=trigger_start, dateline=dl,
                              body_mentions_dateline_place=supported,
                              mentions=_sentence_mentions(sent, lang, memory, article))
    except Exception:  # a place that cannot be resolved never removes the event
        return None


_PLACED_AT_TARGET = {"ASSAULT", "COERCE", "AID"}
_PLACED_AT_ACTOR = {"PROTEST", "MOBILIZE", "ACCUSE", "REJECT", "REQUEST", "THREATEN", "SANCTION", "SUPPORT",
                    "AGREE", "CONCEDE", "RETREAT"}


def _inferred_place(ev: Event):
    """A country-level place when the event's sentence names none, inferred from its parties (text
    left empty, precision "country"): a domestic event (both sides of one state) is in that state;
    an attack, an arrest or aid is where its target is; a protest, a deployment or a statement
    (accusation, rejection, request, threat, sanction...) is in the country of the actor.  None for
    meetings and cooperation between states, and whenever the relevant side names more or fewer
    than one state."""
    def states(parties):
        return {a.country for a in parties if a.country and a.country not in _NONSTATE}

    every = states(ev.actors + ev.recipients)
    if len(every) == 1 and states(ev.actors) and states(ev.recipients):
        return _country_place(next(iter(every)))  # both sides of one state: a domestic event
    side = ev.recipients if ev.event_type in _PLACED_AT_TARGET else ev.actors if ev.event_type in _PLACED_AT_ACTOR else []
    if not ev.recipients and ev.event_type in {"COERCE", "ASSAULT"} and all(a.sector == "COP" for a in ev.actors if a.country):
        side = ev.actors  # police act at home: "la polizia disperde i manifestanti"
    chosen = states(side)
    return _country_place(next(iter(chosen))) if len(chosen) == 1 else None


def _country_place(code: str):
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


_NONSTATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}


def _inside_party(sent: Sentence, place_text: str, spans) -> bool:
    """Whether every occurrence of ``place_text`` in the sentence lies inside an actor phrase."""
    if not place_text or not spans:
        return False
    i = sent.text.find(place_text)
    if i < 0:
        return False
    while i >= 0:
        a, b = sent.start + i, sent.start + i + len(place_text)
        if not any(s <= a and b <= e for s, e in spans):
            return False
        i = sent.text.find(place_text, i + 1)
    return True


def _name_people(events: list[Event], memory: DocumentMemory) -> None:
    """Name the person behind a body where the article links exactly one person to its country and
    sector ("consultations between the ministries of A and B ... A's delegation was headed by X")."""
    by_code: dict[tuple, set[str]] = {}
    for name, country, sector in memory.people.values():
        if country and sector:
            by_code.setdefault((country, sector), set()).add(name)
    for ev in events:
        for a in ev.actors + ev.recipients:
            if a.name is None and a.country and a.sector:
                names = by_code.get((a.country, a.sector), set())
                if len(names) == 1:
                    a.name = next(iter(names))


def _party_key(actors: list[Actor]) -> frozenset:
    return frozenset(a.country or a.sector or "?" for a in actors)


def _dedup_sentence(events: list[Event]) -> list[Event]:
    """One event per sentence and pair of parties: the most specific type wins (ties: the first)."""
    best: dict[tuple, Event] = {}
    order: list[tuple] = []
    def rank(ev: Event) -> tuple:
        # an asserted act before a claimed one; then the first trigger (usually the main verb)
        return (ev.modality != "asserted", ev.trigger.start)

    for ev in events:
        key = (ev.sentence_index, _party_key(ev.actors) | _party_key(ev.recipients))
        cur = best.get(key)
        if cur is None:
            best[key] = ev
            order.append(key)
        elif rank(ev) < rank(cur):
            best[key] = ev
    return [best[k] for k in order]


def _countries(actors: list[Actor]) -> set[str]:
    return {a.country for a in actors if a.country}


def _days_apart(a: Event, b: Event) -> int | None:
    """Days between two events' dates when both sentences state their day, else None (a date that
    only falls back on the publication date says nothing about being another event)."""
    stated = {"explicit", "relative"}
    if a.date_source not in stated or b.date_source not in stated or a.date_precision != "day" or b.date_precision != "day":
        return None
    return abs((dt.date.fromisoformat(a.date) - dt.date.fromisoformat(b.date)).days)


def _dedup_article(events: list[Event], place_of=None) -> list[Event]:
    """One event per real-world event within an article.

    A later event is another mention of a kept one when it has the same type, shares a country
    with it, its actor and recipient countries agree with the kept one's (equal, or unknown on one
    side), its day is within one day of the kept one's (when both have a day) and its sentence's
    place is the same city (when both sentences name one; ``place_of(event)`` gives it).  The
    first mention is kept (the lead carries the main wording and date); a recipient it lacked is
    taken from a later mention with the same actors.  Two arrests on different days or in
    different cities stay two events."""
    kept: list[Event] = []
    for ev in events:
        a, r = _countries(ev.actors), _countries(ev.recipients)
        dup = None
        for k in kept:
            if k.event_type != ev.event_type:
                continue
            ka, kr = _countries(k.actors), _countries(k.recipients)
            if not ((a | r) & (ka | kr)):
                continue  # nothing in common: two events (or too little known to tell)
            same_dir = (not a or not ka or a & ka) and (not r or not kr or r & kr)
            sym = not kr and (a | r) <= ka
            if not (same_dir or sym):
                continue
            apart = _days_apart(ev, k)
            if apart is not None and apart > 1:
                continue
            if place_of is not None:
                p1, p2 = place_of(ev), place_of(k)
                if p1 and p2 and p1.precision == p2.precision == "city" and p1.geonameid != p2.geonameid:
                    continue
            dup = k
            break
        if dup is None:
            kept.append(ev)
        elif (not dup.recipients and ev.recipients and ev.sentence_index >= 0
              and _countries(ev.actors) == _countries(dup.actors)):
            dup.recipients = ev.recipients  # (never from the headline: its offsets index the title)
    return kept


_DEFAULT: Coder | None = None


def default_coder() -> Coder:
    """A process-wide Coder with the packaged language packs."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Coder()
    return _DEFAULT

