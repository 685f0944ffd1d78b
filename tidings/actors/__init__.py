"""Actor recognition: countries, organizations, institutions, titles, group nouns and people.

For each sentence the recognizer finds lexicon hits (country names from CLDR/ISO 3166 plus the
language pack's ``actors.tsv``), finds person names next to titles ("el viceministro de Asuntos
Exteriores, Khalaf Khalafov"; "President Buhari"), and groups hits into actor phrases
("los Ministerios de Asuntos Exteriores de Azerbaiyán y Tayikistán" -> two actors, AZE GOV and
TJK GOV).  A ``DocumentMemory`` carries people and bodies across the sentences of one article, so a
surname alone later ("Khalafov informó") keeps the country and sector it was introduced with.

Country codes are ISO 3166-1 alpha-3 or PLOVER non-state codes; sectors are PLOVER sector codes
(PLOVER manual, "Country Names and Sector Codes").
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from tidings.actors.countries import country_names
from tidings.actors.reference import ReferenceRules
from tidings.lexicon import LanguagePack
from tidings.records import Actor, Sentence
from tidings.text import fold
from tidings.text.matcher import Matcher, longest_non_overlapping

COUNTRYISH = {"country", "demonym", "capital", "side"}
# a more specific sector wins over a generic one when a phrase has several
_SECTOR_RANK = {"ELI": 0, "PRM": 1, "REB": 2, "OPP": 2, "JUD": 3, "LEG": 3, "COP": 3, "MIL": 3, "SPY": 3,
                "JRN": 4, "EDU": 4, "LAB": 4, "AGR": 4, "MED": 4, "REL": 4, "BUS": 4, "CRM": 4, "REF": 4,
                "CVL": 5, "UAF": 5, "IGO": 5, "NGO": 5, "PTY": 5, "GOV": 6, "UNK": 7}


@dataclass(slots=True)
class Unit:
    """One recognized piece: a lexicon hit or a person name, over tokens ``[start, end)``."""

    start: int
    end: int
    kind: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    needs_country: bool = False
    acronym: bool = False  # the pack writes it in capitals ("WHO", "US", "ONU"): lower case is a common word
    anaphor: bool = False  # a generic body word ("ведомство", "the ministry"): the body named last


@dataclass
class ActorPhrase:
    """A group of units naming one party (possibly several coordinated countries).

    ``start``/``end`` are token indices in the sentence; ``actors`` the coded actors it gives.
    """

    start: int
    end: int
    units: list[Unit]
    actors: list[Actor] = field(default_factory=list)

    @property
    def kinds(self) -> set[str]:
        return {u.kind for u in self.units}

    @property
    def countries(self) -> list[str]:
        return [a.country for a in self.actors if a.country]


@dataclass
class DocumentMemory:
    """What one article has said about its actors so far.

    ``people``: folded name or surname -> (name, country, sector); ``by_sector``: last country seen
    for a sector; ``countries``: how often each country was named.
    """

    people: dict[str, tuple[str, str | None, str | None]] = field(default_factory=dict)
    by_sector: dict[str, str] = field(default_factory=dict)
    countries: Counter = field(default_factory=Counter)
    places_counted: bool = False
    place_cache: dict = field(default_factory=dict)  # sentence index -> places it names (tidings.where)
    place_names: dict = field(default_factory=dict)  # article-wide place look-ups (tidings.coder.places)
    sentences: list = field(default_factory=list)  # the article's sentences, for article-wide look-ups
    date: object = None  # datetime.date the article is from (publication): dated people are coded by it
    last_body: tuple[str, str] | None = None  # (country, sector) of the body (ministry, agency) named last
    _folded: str | None = None

    def folded_text(self, article) -> str:
        """The article body casefolded (computed once per article)."""
        if self._folded is None:
            self._folded = article.text.casefold()
        return self._folded

    def remember_person(self, name: str, country: str | None, sector: str | None) -> None:
        from tidings.text import fold

        parts = fold(name).split()
        if not parts:
            return
        old = self.people.get(" ".join(parts))
        if old and (old[1] and not country):
            country = old[1]
        if old and (old[2] and not sector):
            sector = old[2]
        self.people[" ".join(parts)] = (name, country, sector)
        if len(parts) > 1:
            self.people[parts[-1]] = (name, country, sector)

    def ranked_countries(self) -> list[str]:
        """States the article names, most often first (international bodies left out)."""
        from tidings.ontology import load_ontology

        nonstate = load_ontology().nonstate
        return [c for c, _ in self.countries.most_common() if c not in nonstate]

    def home_country(self) -> str | None:
        """The country the article names most (states only), or None."""
        ranked = self.ranked_countries()
        return ranked[0] if ranked else None


def _is_acronym(text: str) -> bool:
    """Whether a pack entry is one word written in capitals, two letters or more ("WHO", "ЕС", "ONU")."""
    letters = [ch for ch in text if ch.isalpha()]
    return " " not in text.strip() and len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _is_cap(text: str) -> bool:
    return text[:1].isupper() and any(ch.isalpha() for ch in text)


class ActorRecognizer(ReferenceRules):
    """Finds actor phrases in sentences of one language (see module doc)."""

    def __init__(self, pack: LanguagePack) -> None:
        self.lang = pack.lang
        self.matcher = Matcher()
        from tidings.actors.people import people_for

        self.people = people_for(pack)  # dated people first: on a tie their dated reading wins
        if self.people is not None:
            self.people.add_to(self.matcher)
        # pack entries first: on a tie with a CLDR name the pack's reading wins
        for e in pack.actors:
            unit = Unit(0, 0, e.kind, e.country, e.sector, e.text if e.kind in {"org", "igo", "person"} else None,
                        "needs_country" in e.flags, _is_acronym(e.text), "anaphor" in e.flags)
            self.matcher.add(e.words, unit)
        blocked = {" ".join(w) for w in pack.removed_actors}  # "-" lines also remove CLDR names
        for key, code in country_names(pack.lang).items():
            if key not in blocked:
                self.matcher.add(tuple(key.split()), Unit(0, 0, "country", code, None, "cldr"))
        self.of_words = pack.frame_words("of")
        self.articles = pack.frame_words("article")
        self.conj = pack.frame_words("conj")
        self.title_prefix = pack.frame_words("title_prefix")
        self.locative = pack.frame_words("locative_prep")
        self.preps = set().union(*(pack.frame_words(k) for k in ("agent_prep", "recipient_prep", "source_prep", "between")))
        self.stop = pack.frame_words("stop")
        self.particles = pack.frame_words("name_particle")
        self.caps = "no_capitals" not in pack.frame_words("setting")  # Arabic script has no capitals
        # where month names are written in lower case (es, fr, it, pt, ru), a capitalized month word
        # before another capitalized word is a given name ("Julio Quispe", "Août Dupont" is not)
        self.name_months = frozenset()
        if "lowercase_calendar" in pack.frame_words("setting"):
            from tidings.text import fold
            from tidings.when import calendar_words

            self.name_months = frozenset(fold(w) for w in calendar_words(pack.lang, abbreviated=False)) & self.stop
        self.head_first = "head_first" in pack.frame_words("setting")
        # a word with the definite article ("الوزارة") heads no construct: the noun after it is another party
        self.definite = tuple(" ".join(f.words) for f in pack.frame_values("definite_prefix"))
        self.definite_prep = tuple(" ".join(f.words) for f in pack.frame_values("definite_prefix") if f.value == "prep")
        self.territory = pack.frame_words("territory")
        self.both_words = pack.frame_words("both")
        self._triggers: frozenset[int] = frozenset()
        self._owned: frozenset[int] = frozenset()

    # -- units -----------------------------------------------------------------------------------
    def units(self, sent: Sentence, keys: list[tuple[str, ...]], memory: DocumentMemory) -> list[Unit]:
        toks = sent.tokens
        units = []
        found = [m for m in self.matcher.find(keys)
                 # CLDR names and acronyms must be written as names: "reuniones" is not Réunion, "ucraina" an
                 # adjective, "who" is not the WHO nor "us" the US ("Nato", "Unicef" still are)
                 if not ((m.payload.name == "cldr" or getattr(m.payload, "acronym", False)) and self.caps
                         and not toks[m.start].text[:1].isupper())]
        if self.people is not None:  # named people, coded by the article's date (tidings.actors.people)
            found = self.people.resolve(found, toks, memory.date, self.caps, Unit)
        for m in longest_non_overlapping(found):
            u: Unit = m.payload
            units.append(Unit(m.start, m.end, u.kind, u.country, u.sector, None if u.name == "cldr" else u.name,
                              u.needs_country, anaphor=u.anaphor))
        if self.caps:  # names found by capitals; without capitals only the pack's people
            units = self._add_people(sent, units, memory)
        # a bare toponym after a locative preposition is a place, not an actor ("in Nigeria")
        keep = []
        for u in units:
            prev = toks[u.start - 1].norm if u.start > 0 else ""
            prev2 = toks[u.start - 2].norm if u.start > 1 else ""
            loc_at = u.start - 1 if prev in self.locative else u.start - 2
            if (u.kind in {"country", "capital"} or (u.kind == "demonym" and toks[u.start].text[:1].isupper())) and (
                    prev in self.locative or (prev in self.articles and prev2 in self.locative)) and loc_at not in self._owned:
                # (a preposition inside a trigger, "fired rockets at Israel", marks the target instead)
                u = Unit(u.start, u.end, "place", u.country, None, toks[u.start].text)
            elif u.kind in {"country", "demonym"} and self._after_territory(toks, u.start):
                # "inside Mauritanian territory", "à l'intérieur du territoire mauritanien"
                u = Unit(u.start, u.end, "place", u.country, None, None)
            keep.append(u)
        return keep

    def is_definite(self, tok) -> bool:
        """Whether a token carries a ``definite_prefix`` (Arabic "ال", "وال", "بال"...)."""
        return any(tok.text.startswith(p) and len(tok.text) > len(p) + 2 for p in self.definite)

    def _share_heads(self, toks, groups: list[list[Unit]]) -> list[list[Unit]]:
        """Coordinated demonyms share one head noun: "Armenian and Azerbaijani negotiators",
        "las tropas rusas y ucranianas" give one phrase with both countries and the sector."""
        out: list[list[Unit]] = []
        for g in groups:
            prev = out[-1] if out else None
            if prev is not None:
                gap = [toks[i].norm for i in range(prev[-1].end, g[0].start)]
                joined = gap and all(w in self.conj or w in self.articles or w == "," for w in gap) and any(w in self.conj for w in gap)
                lone = lambda grp: all(u.kind == "demonym" for u in grp)
                has_head = lambda grp: any(u.kind in {"title", "institution", "group"} for u in grp)
                if joined and ((lone(prev) and g[0].kind == "demonym" and has_head(g)) or
                               (lone(g) and prev[-1].kind == "demonym" and has_head(prev))):
                    out[-1] = prev + g
                    continue
            out.append(g)
        return out

    def _after_territory(self, toks, i: int) -> bool:
        """Whether a territory word stands right before token ``i`` (skipping of-words and
        articles) or right after it ("Mauritanian territory")."""
        j = i - 1
        while j >= 0 and (toks[j].norm in self.of_words or toks[j].norm in self.articles):
            j -= 1
        if j >= 0 and toks[j].norm in self.territory:
            return True
        return i + 1 < len(toks) and toks[i + 1].norm in self.territory

    def _given_name(self, toks, j: int) -> bool:
        """Whether a capitalized month word at ``j`` is a given name: the next token is a capitalized
        word that is no calendar, stop or function word ("Julio Quispe"; not "Julio 2024")."""
        if not toks[j].text[:1].isupper() or j + 1 >= len(toks):
            return False
        n = toks[j + 1]
        return (_is_cap(n.text) and n.text[:1].isalpha() and n.norm not in self.stop
                and n.norm not in self.articles and n.norm not in self.of_words)

    def _cap_run(self, toks, i: int, taken: set[int]) -> int:
        """End index of a run of capitalized name tokens starting at ``i`` (``i`` when none)."""
        j = i
        while j < len(toks) and j - i < 5 and j not in taken:
            t = toks[j]
            if _is_cap(t.text) and t.norm not in self.stop and t.norm not in self.articles and t.norm not in self.of_words:
                j += 1
            elif j == i and t.norm in self.name_months and self._given_name(toks, j):
                j += 1
            elif j > i and t.norm in self.particles and j + 1 < len(toks) and _is_cap(toks[j + 1].text):
                j += 1
            elif j > i and t.text in {"-", "‐"} and j + 1 < len(toks) and _is_cap(toks[j + 1].text):
                j += 1
            else:
                break
        return j

    def _add_people(self, sent: Sentence, units: list[Unit], memory: DocumentMemory) -> list[Unit]:
        toks = sent.tokens
        taken = {i for u in units for i in range(u.start, u.end)}
        people: list[Unit] = []
        titles = [u for u in units if u.kind in {"title", "former"}]
        for t in titles:
            # title [of X ...] [,] [Mr] Name
            j = t.end
            steps = 0
            in_complement = False
            while j < len(toks) and steps < 8:
                n = toks[j].norm
                if n in self.of_words or n in self.articles or (j in taken and any(u.start <= j < u.end and u.kind in COUNTRYISH | {"institution", "title", "demonym"} for u in units)):
                    in_complement = n in self.of_words or in_complement
                    j += 1
                    steps += 1
                    continue
                if _is_cap(toks[j].text) and j not in taken and j > t.end and (toks[j - 1].norm in self.of_words or in_complement):
                    in_complement = True  # "de Asuntos Exteriores"
                    j += 1
                    steps += 1
                    continue
                break
            if in_complement and not (j < len(toks) and toks[j].text == ","):
                continue  # "ministro de Asuntos Exteriores Juan" is too unsure without the comma
            comma = j < len(toks) and toks[j].text == ","
            if comma:
                j += 1
            while j < len(toks) and toks[j].norm.rstrip(".") in self.title_prefix:
                j += 1
                if j < len(toks) and toks[j].text == ".":
                    j += 1
            end = self._cap_run(toks, j, taken)
            if end > j:
                name = sent.text[toks[j].start - sent.start : toks[end - 1].end - sent.start]
                people.append(Unit(j, end, "person", None, None, name))
                taken |= set(range(j, end))
        # Name, title  (apposition after the name) and names remembered from earlier sentences
        i = 0
        while i < len(toks):
            if i in taken or not _is_cap(toks[i].text):
                i += 1
                continue
            end = self._cap_run(toks, i, taken)
            if end == i:
                i += 1
                continue
            name = sent.text[toks[i].start - sent.start : toks[end - 1].end - sent.start]
            last = toks[end - 1].norm  # fold() of the token's text, made once when it was cut
            # (no look-up, and no fold of the name, before the article has named anyone)
            known = (memory.people.get(fold(name)) or memory.people.get(last)) if memory.people else None
            appos = end < len(toks) - 1 and toks[end].text == "," and any(
                u.start in (end + 1, end + 2) and u.kind in {"title", "former"} for u in units)
            if appos and not known and i == 0 and end - i == 1:
                appos = False  # "Luego, el secretario...": a sentence-initial word is no name
            if known or appos:
                if known and not appos:
                    people.append(Unit(i, end, "person", known[1], known[2], known[0]))
                else:
                    people.append(Unit(i, end, "person", None, None, name))
                taken |= set(range(i, end))
            i = end
        return sorted(units + people, key=lambda u: u.start)

    # -- phrases ---------------------------------------------------------------------------------
    def phrases(self, sent: Sentence, keys: list[tuple[str, ...]], memory: DocumentMemory,
                triggers: frozenset[int] = frozenset(), owned: frozenset[int] = frozenset()) -> list[ActorPhrase]:
        """Actor phrases of a sentence (``read`` without the places)."""
        return self.read(sent, keys, memory, triggers, owned)[0]

    def read(self, sent: Sentence, keys: list[tuple[str, ...]], memory: DocumentMemory,
             triggers: frozenset[int] = frozenset(), owned: frozenset[int] = frozenset()
             ) -> tuple[list[ActorPhrase], list[tuple[int, str, str | None]]]:
        """Actor phrases of a sentence, coded, with the document memory updated, and the places it
        names by country or region: ``(article character offset, ISO3, text)``.

        ``triggers``: token indices of event triggers (a phrase never inherits across one);
        ``owned``: tokens of unambiguous triggers, where a group or institution word belongs to the
        trigger ("military exercises") rather than naming a party."""
        toks = sent.tokens
        self._triggers = triggers
        self._owned = owned
        self._toks = toks
        units = []
        places: list[tuple[int, str, str | None]] = []
        for u in self.units(sent, keys, memory):
            if all(i in owned for i in range(u.start, u.end)) and u.kind in {"institution", "group", "title"}:
                continue  # "military exercises", "joint patrols": the word belongs to the trigger
            if u.kind == "place":
                if u.country:
                    memory.countries[u.country] += 0.5  # "в Хабаровске", "in Nigeria": where the story is
                    places.append((toks[u.start].start, u.country, u.name))
                continue
            units.append(u)
        groups: list[list[Unit]] = []
        for u in units:
            if groups and self._attach(toks, groups[-1], u):
                groups[-1].append(u)
            else:
                groups.append([u])
        groups = self._share_heads(toks, groups)
        phrases = []
        for g in groups:
            if all(u.needs_country for u in g if u.sector) and not any(u.country for u in g):
                g = [u for u in g if not u.needs_country]
                if not g:
                    continue
            ph = ActorPhrase(g[0].start, g[-1].end, g)
            ph.actors = self._code(sent, ph, memory)
            if ph.actors:
                phrases.append(ph)
        self._anaphora(phrases, memory)
        self._inherit(phrases, memory)
        for ph in phrases:
            for a in ph.actors:
                if a.country:
                    memory.countries[a.country] += 1
                    if a.sector:
                        memory.by_sector[a.sector] = a.country
                if a.name and any(u.kind == "person" for u in ph.units):
                    memory.remember_person(a.name, a.country, a.sector)
        return phrases, places

    def _attach(self, toks, group: list[Unit], u: Unit) -> bool:
        prev = group[-1]
        gap = range(prev.end, u.start)
        if not gap:
            named = {"country", "igo", "org", "person", "capital"}
            if prev.kind in named and u.kind in named:
                return u.kind == "person" and prev.kind != "person"
            if self.head_first and prev.kind in named | {"demonym"} and u.kind in {"title", "institution", "group", "side"}:
                # verb-subject-object order puts subject and object side by side ("طردت فرنسا السفير")
                return False
            if self.definite and u.kind in (named | {"title", "institution", "group", "side"}) - {"person"} \
                    and self.is_definite(toks[prev.end - 1]) and not toks[u.start].text.startswith(self.definite_prep or ("\0",)):
                return False  # "ودعت الوزارة السفير البريطاني", "اتهمت الوزارة أوكرانيا": two parties
            if self.head_first and prev.kind == "demonym" and u.kind in named - {"person"}:
                # an adjective closes its noun phrase: "هاجمت القوات الروسية أوكرانيا" is subject, object
                return False
            return True
        words = [toks[i] for i in gap]
        norms = [t.norm for t in words]
        if len(words) > 6:
            return False
        has_sector = any(x.kind in {"title", "institution", "group", "former", "side"} for x in group)
        if u.kind == "person" and all(n in self.of_words or n in self.articles or n == "," or n.rstrip(".") in self.title_prefix or _is_cap(t.text) for n, t in zip(norms, words)):
            return any(x.kind in {"title", "former"} for x in group) or (
                any(n in self.of_words for n in norms) and any(x.kind == "institution" for x in group))
        if self.definite and len(words) == 1 and u.kind == "demonym" and prev.kind == "institution" \
                and not self.is_definite(toks[prev.end - 1]) and self.is_definite(words[0]):
            return True  # a construct then its adjective: "وزارة الصحة الفلسطينية" (the Palestinian health ministry)
        if prev.kind == "person" and norms and norms[0] == "," and all(n in self.articles for n in norms[1:]) and u.kind in {"title", "former", "institution"}:
            return True
        if all(n in self.of_words or n in self.articles or (_is_cap(t.text) and t.norm not in self.stop) for n, t in zip(norms, words)):
            if prev.kind in {"country", "capital", "person"} and u.kind in COUNTRYISH and not any(
                    n in self.of_words for n in norms) and (u.kind != "demonym" or any(n in self.articles for n in norms)):
                # subject and object of a verb-second clause: "verurteilte Russland die USA", "verurteilte
                # Erdogan die israelischen Angriffe"
                return False
            if any(i in self._triggers for i in gap):
                return False  # "Scholz die Angriffe Russlands": a capitalized trigger noun is no name part
            return any(n in self.of_words for n in norms) or u.kind in COUNTRYISH
        if has_sector and u.kind in COUNTRYISH and prev.kind in COUNTRYISH and all(n in self.conj or n in self.articles or n in self.of_words or n == "," for n in norms):
            # a comma alone joins only inside a list that goes on ("los ministros de Rusia, Ucrania y
            # Bielorrusia"); "según el ministerio ucraniano, Rusia atacó" is a source, then the subject
            return any(n in self.conj for n in norms) or "," not in norms or any(
                t.norm in self.conj or t.norm == "," for t in toks[u.end:u.end + 2])
        # "funcionarios actuales o antiguos del gobierno venezolano": a short modifier then of + body
        if (len(words) <= 4 and norms[-1] in self.of_words and u.kind in {"institution", "country", "capital", "org", "igo"}
                and has_sector and not any(i in self._triggers for i in gap)
                and all(t.text.isalpha() and not _is_cap(t.text) for t in words)):
            return True
        return False

    def _code(self, sent: Sentence, ph: ActorPhrase, memory: DocumentMemory) -> list[Actor]:
        units = ph.units
        text = sent.text[sent.tokens[ph.start].start - sent.start : sent.tokens[ph.end - 1].end - sent.start]
        s0, e0 = sent.tokens[ph.start].start, sent.tokens[ph.end - 1].end
        countries: list[str] = []
        for u in units:
            if u.country and u.country not in countries:
                countries.append(u.country)
        sectors = [u.sector for u in units if u.sector]
        sector = min(sectors, key=lambda s: _SECTOR_RANK.get(s, 5)) if sectors else None
        former = any(u.kind == "former" for u in units)
        if former:
            sector = "ELI"
        person = next((u for u in units if u.kind == "person"), None)
        name = person.name if person else next((u.name for u in units if u.name), None)
        if person and (not countries) and person.country:
            countries = [person.country]
        if not countries and not sector:
            return []
        if not countries:
            return [Actor(text=text, name=name, country=None, sector=sector, start=s0, end=e0)]
        igo_only = all(u.kind == "igo" for u in units if u.country)
        out = []
        for c in countries:
            sec = sector
            if c in {"UNO", "EUR", "IGO", "NGO"} and (igo_only or not sec):
                sec = "IGO" if c != "NGO" else "NGO"
            out.append(Actor(text=text, name=name, country=c, sector=sec, start=s0, end=e0))
        return out

@lru_cache(maxsize=64)
def recognizer_for(pack_key: tuple[str, tuple[str, ...]]) -> ActorRecognizer:
    """Cached recognizer for (lang, extra lexicon dirs)."""
    from tidings.lexicon import load_pack

    return ActorRecognizer(load_pack(pack_key[0], pack_key[1]))
