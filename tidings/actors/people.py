"""Time-aware named people: a person's country and sector depend on the date (issue 13, item 2).

Two sources feed the gazetteer of a language pack:

* imported dictionaries (``actors.<name>.tsv`` rows of kind ``person`` with ``start``/``end``, e.g.
  PETRARCH's ``ILHAM_ALIYEV_ [AZEGOV >031031]``), loaded as ``LanguagePack.people``;
* office-holder tables, ``_all/officeholders/*.tsv`` in the package or a ``--lexicon`` folder::

      country  sector  role  start  end  latin  ru  ar

  ``country``: ISO 3166-1 alpha-3 or a PLOVER non-state code (UNO, EUR, IGO); ``sector``: PLOVER
  sector; ``role``: head_of_state, head_of_government, foreign_minister, secretary_general ...;
  ``start``/``end``: ``YYYY-MM-DD`` (empty end: still in office); ``latin``/``ru``/``ar``: name
  forms separated by ``|``, full name first (``latin`` serves en es fr pt de it).

A person is found by any full name form, and by the surname alone (the last word of the full
name) when it is unambiguous: among the people with that surname exactly one is in office at the
date (or, when none is, exactly one exists), and it does not begin a longer name ("Hamid Karsai" is
not Abdul Hamid).  A surname alone must look like a name: capitalized
and not in capitals (``WHO`` is an acronym) in scripts with capitals; never a cue of the pack's
frames or a month or weekday name ("May", "Will"); a word of the pack's triggers (or an inflected
form of one, by its lemma table) only when capitalized inside a sentence ("Bush said" is coded,
"Rice" only mid-sentence).

The coder codes a person by the publication date while reading (``DocumentMemory.date``), then
the ``date_people`` stage (``recode``) recodes each event's people by the event's own date.  The role valid at a date is the
first period containing it, office-holder rows first; from the first date of a person's
office-holder rows on only those count (the tables are complete from then, the dictionaries end in
2019).  Out of every period the person is the country's ``ELI`` (former office holder, PLOVER
"elites"), unless the dictionary gives a default code.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from tidings.lexicon import (LANG_DIR, LexiconError, LanguagePack, _pattern_words, _plover_codes, _reduce_fields, _rows,
                             _valid_country)
from tidings.text.matcher import Match

OFFICEHOLDER_COLUMNS = ("country", "sector", "role", "start", "end", "latin", "ru", "ar")
LATIN_LANGS = {"en", "es", "fr", "pt", "de", "it"}


@dataclass(frozen=True, slots=True)
class Role:
    """A period of a person's role; ``start``/``end`` inclusive (None: open); ``default``: the
    code a dictionary gives outside its periods."""

    __reduce__ = _reduce_fields

    country: str | None
    sector: str | None
    start: dt.date | None
    end: dt.date | None
    where: str
    default: bool = False
    curated: bool = False  # from an office-holder table

    def holds(self, day: dt.date) -> bool:
        return not self.default and (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class Person:
    """A named person: ``name`` (display form) and roles in priority order."""

    name: str
    roles: list[Role] = field(default_factory=list)

    def in_office(self, day: dt.date | None) -> bool:
        """Whether the person holds an office (a sector other than ``ELI``) at ``day`` (None: today)."""
        return self.role_at(day)[1] not in (None, "ELI")

    def role_at(self, day: dt.date | None) -> tuple[str | None, str | None]:
        """(country, PLOVER sector) at ``day`` (None: today) — see the module doc."""
        day = day or dt.date.today()
        roles = self.roles
        curated = [r for r in roles if r.curated]
        if curated and day >= min((r.start for r in curated if r.start), default=day):
            roles = curated  # the office-holder tables are complete from their first date on
        for r in roles:
            if r.holds(day):
                return r.country, r.sector
        periods = [r for r in roles if not r.default]
        default = next((r for r in roles if r.default), None)
        nearest = min(periods, key=lambda r: min(abs((day - d).days) for d in (r.start, r.end) if d) if (r.start or r.end) else 0,
                      default=None)
        country = (default.country if default and default.country else None) or (nearest.country if nearest else None)
        return country, (default.sector if default and default.sector else "ELI")


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A matcher payload: the people a name or surname may be (``surname``: found by surname)."""

    __reduce__ = _reduce_fields

    people: tuple[Person, ...]
    surname: bool
    name: str | None = None  # (the recognizer reads ``payload.name``; people are never "cldr")


def _date(value: str | None, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise LexiconError(f"{where}: date '{value}' must be YYYY-MM-DD") from None


def read_officeholders(path: Path, lang: str) -> list[tuple[list[str], Role]]:
    """(name forms for ``lang``, role) of each row of an office-holder table.

    Raises ``LexiconError`` (``path:line: message``) for a bad header, code or date."""
    column = "latin" if lang in LATIN_LANGS else lang if lang in {"ru", "ar"} else "latin"
    out = []
    for no, row in _rows(path, OFFICEHOLDER_COLUMNS):
        where = f"{path}:{no}"
        country, sector = row["country"] or None, row["sector"] or None
        if not country or not _valid_country(country):
            raise LexiconError(f"{where}: '{row['country']}' is not an ISO 3166-1 alpha-3 code or a PLOVER non-state code")
        if sector not in _plover_codes()[0]:
            raise LexiconError(f"{where}: unknown PLOVER sector '{row['sector']}'")
        start, end = _date(row["start"], where), _date(row["end"], where)
        if start and end and end < start:
            raise LexiconError(f"{where}: end {end} before start {start}")
        forms = [f.strip() for f in row[column].split("|") if f.strip()]
        latin = [f.strip() for f in row["latin"].split("|") if f.strip()]
        key = latin[0] if latin else (forms[0] if forms else "")
        if forms:
            out.append(([key] + forms, Role(country, sector, start, end, where, curated=True)))
    return out


class PeopleIndex:
    """The dated people of one language pack, and the patterns that find them (see module doc)."""

    def __init__(self, pack: LanguagePack) -> None:
        self.lang = pack.lang
        self.by_name: dict[str, Person] = {}
        self.names: dict[tuple[str, ...], list[Person]] = {}
        self.surnames: dict[str, list[Person]] = {}
        for path in getattr(pack, "officeholder_files", []):
            for forms, role in read_officeholders(Path(path), pack.lang):
                person = self._person(forms[0])
                person.roles.append(role)
                for f in forms[1:]:
                    self._add_form(f, person, surname_source=True)
        record_people: dict[str, Person] = {}  # an imported record's names share its source line
        for row in pack.people:
            source = row.where.split(" <- ", 1)[-1]
            person = record_people.setdefault(source, self._person(row.text))
            role = Role(row.country, row.sector, _date(row.start, row.where), _date(row.end, row.where),
                        source, default=not row.start and not row.end)
            if role not in person.roles:
                person.roles.append(role)
            self._add_form(row.text, person, surname_source=False)
        self.never, self.common = _common_words(pack)

    def _person(self, name: str) -> Person:
        from tidings.text import fold

        key = fold(name)
        if key not in self.by_name:
            self.by_name[key] = Person(name)
        return self.by_name[key]

    def _add_form(self, form: str, person: Person, surname_source: bool) -> None:
        try:
            words = _pattern_words(form, form)
        except LexiconError:
            return
        bucket = self.surnames if len(words) == 1 else self.names
        key = words[0] if len(words) == 1 else words
        if person not in bucket.setdefault(key, []):
            bucket[key].append(person)
        if surname_source and len(words) > 1 and len(words[-1]) >= 3:
            self.surnames.setdefault(words[-1], [])
            if person not in self.surnames[words[-1]]:
                self.surnames[words[-1]].append(person)

    def add_to(self, matcher) -> None:
        """Add every name and surname to ``matcher`` with a ``PersonRef`` payload."""
        for words, people in self.names.items():
            matcher.add(words, PersonRef(tuple(people), False))
        for word, people in self.surnames.items():
            matcher.add((word,), PersonRef(tuple(people), True))

    def pick(self, ref: PersonRef, day: dt.date | None) -> Person | None:
        """The person a name stands for at ``day``, or None when ambiguous."""
        if len(ref.people) == 1:
            return ref.people[0]
        current = [p for p in ref.people if p.in_office(day)]
        return current[0] if len(current) == 1 else None

    def resolve(self, matches: list[Match], toks, day: dt.date | None, caps: bool, unit_type) -> list[Match]:
        """Replace ``PersonRef`` matches by person units coded at ``day``; drop the unsure ones."""
        out = []
        for m in matches:
            ref = m.payload
            if not isinstance(ref, PersonRef):
                out.append(m)
                continue
            if m.end - m.start == 1 and not self._looks_like_name(toks, m.start, caps):
                continue
            if ref.surname and caps and m.end < len(toks) and _is_name_word(toks[m.end].text):
                continue  # "Hamid Karsai": the word begins a longer name, not the surname alone
            person = self.pick(ref, day)
            if person is None:
                continue
            country, sector = person.role_at(day)
            out.append(Match(m.start, m.end, unit_type(0, 0, "person", country, sector, person.name)))
        return out

    def _looks_like_name(self, toks, i: int, caps: bool) -> bool:
        """Whether a one-word name at token ``i`` is written as a name (see module doc): never a
        cue word, month or weekday; a common word only capitalized inside a sentence ("Bush said"
        codes, "Will they ...?" does not); in scripts without capitals never a common word."""
        tok = toks[i]
        if tok.norm in self.never or tok.lemma in self.never:
            return False
        if caps and (not tok.text[:1].isupper() or (tok.text.isupper() and len(tok.text) > 1)):
            return False
        if tok.norm in self.common or tok.lemma in self.common:
            return caps and i > 0 and toks[i - 1].text not in {".", "!", "?", ":", "\"", "“", "«", "-", "—"}
        return True

    def recode(self, actors: list, day_value, published: dt.date | None) -> list:
        """``actors`` with the named people recoded by ``day_value`` (an event's ``date``; only a
        full day counts), where their code came from this gazetteer at ``published``."""
        from dataclasses import replace

        from tidings.text import fold

        day = _day(day_value)
        if day is None or day == published:
            return actors
        out = []
        for a in actors:
            person = self.by_name.get(fold(a.name)) if a.name else None
            if person is not None and (a.country, a.sector) == person.role_at(published):
                country, sector = person.role_at(day)
                a = replace(a, country=country, sector=sector)
            out.append(a)
        return out


def _is_name_word(text: str) -> bool:
    return text[:1].isupper() and text.isalpha()


def publication_day(value) -> dt.date | None:
    """The day of a publication date (``YYYY-MM-DD...``), or None when it names no day."""
    return _day(value)


def _day(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _common_words(pack: LanguagePack) -> tuple[frozenset[str], frozenset[str]]:
    """(never names: frame cues, month and weekday names; common words: the trigger words of the
    pack and their inflected forms from its lemma table — not its actor words, which hold names)."""
    from tidings.text import fold, lemma_table

    triggers = {w for e in pack.events for w in e.words if w != ".." and "*" not in w}
    common = frozenset(fold(f) for f, lem in lemma_table(pack.lang).items() if fold(lem) in triggers) | triggers
    words: set[str] = set()
    for f in pack.frames:
        words.update(f.words)
    from tidings.when import calendar_words

    words.update(calendar_words(pack.lang))  # month and weekday forms: the date grammar's, folded
    return frozenset(fold(w) for w in words), common


def people_for(pack: LanguagePack) -> PeopleIndex | None:
    """The people index of a pack, or None when the pack has no dated people."""
    if not pack.people and not getattr(pack, "officeholder_files", None):
        return None
    return PeopleIndex(pack)


def default_officeholder_files() -> list[Path]:
    """The packaged office-holder tables (``tidings/lang/_all/officeholders/*.tsv``)."""
    return sorted((LANG_DIR / "_all" / "officeholders").glob("*.tsv"))
