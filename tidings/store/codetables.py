"""Code tables the export formats translate tidings' codes with (packaged TSV data files).

* FIPS 10-4 country codes GDELT uses (``fips.tsv`` from GeoNames countryInfo, ``fips_admin1.tsv``
  for the places GDELT splits off an ISO country: Gaza ``GZ``, West Bank ``WE``) and their names;
* CAMEO actor type codes of PLOVER sectors (``cameo_types.tsv``), ICEWS-style sector names
  (``icews_sectors.tsv``), CAMEO code names and PLOVER non-state codes (``tidings/ontology/``);
* English country names of ISO 3166-1 alpha-3 codes (pycountry).

Each table is read once (cached) on first use; a missing ontology file gives the documented
fallback, never an error.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["fips_codes", "fips_by_admin1", "fips_names", "fips_of", "cameo_types", "icews_sectors",
           "nonstate_codes", "cameo_names", "country_name"]


def _read_tsv(path: Any) -> list[dict[str, str]]:
    """The rows of a packaged TSV whose header names its columns (tidings.packfile)."""
    from tidings.packfile import read_rows

    return [row for _, row in read_rows(str(path), None)]


def _store_file(name: str) -> Any:
    return resources.files("tidings.store").joinpath(name)


@lru_cache(maxsize=None)
def fips_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> FIPS 10-4 country code (``fips.tsv``, from GeoNames countryInfo)."""
    return {r["iso3"]: r["fips"] for r in _read_tsv(_store_file("fips.tsv"))}


@lru_cache(maxsize=None)
def fips_by_admin1() -> dict[str, str]:
    """Admin1 code (ISO 3166-2 or GeoNames) -> FIPS 10-4 country code where GDELT splits an ISO
    country (``fips_admin1.tsv``: the Gaza Strip ``GZ`` and the West Bank ``WE`` of PSE)."""
    return {r["admin1"]: r["fips"] for r in _read_tsv(_store_file("fips_admin1.tsv"))}


@lru_cache(maxsize=None)
def fips_names() -> dict[str, str]:
    """FIPS 10-4 country code -> the short English name GDELT's FullName ends with ("Russia",
    "South Korea"; ``GZ`` "Gaza Strip", ``WE`` "West Bank")."""
    names = {r["fips"]: r["name"] for r in _read_tsv(_store_file("fips.tsv"))}
    names.update({r["fips"]: r["fips_name"] for r in _read_tsv(_store_file("fips_admin1.tsv"))})
    return names


def fips_of(loc: dict[str, Any]) -> str:
    """The FIPS 10-4 country code GDELT gives a place: by its admin1 where GDELT splits the
    country (Gaza ``GZ``, West Bank ``WE``), else by its ISO country (``fips.tsv``)."""
    admin1 = loc.get("admin1") or ""
    split = fips_by_admin1()
    if admin1 in split:
        return split[admin1]
    return fips_codes().get(loc.get("country") or "", "")


@lru_cache(maxsize=None)
def cameo_types() -> dict[str, str]:
    """PLOVER sector -> CAMEO actor type code (``cameo_types.tsv``)."""
    return {r["plover"]: r["cameo"] for r in _read_tsv(_store_file("cameo_types.tsv"))}


@lru_cache(maxsize=None)
def icews_sectors() -> dict[str, str]:
    """PLOVER sector -> ICEWS-style sector name (``icews_sectors.tsv``)."""
    return {r["code"]: r["icews_name"] for r in _read_tsv(_store_file("icews_sectors.tsv"))}


@lru_cache(maxsize=None)
def nonstate_codes() -> frozenset[str]:
    """PLOVER non-state actor codes (tidings/ontology/plover_nonstate.tsv when present)."""
    try:
        rows = _read_tsv(resources.files("tidings").joinpath("ontology", "plover_nonstate.tsv"))
        return frozenset(r["code"] for r in rows) | {"NGO", "IGO"}
    except (FileNotFoundError, OSError):
        return frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})


@lru_cache(maxsize=None)
def cameo_names() -> dict[str, str]:
    """CAMEO code -> name (tidings/ontology/cameo_codes.tsv when present, else empty)."""
    try:
        rows = _read_tsv(resources.files("tidings").joinpath("ontology", "cameo_codes.tsv"))
        return {r["code"]: r["name"] for r in rows}
    except (FileNotFoundError, OSError, KeyError):
        return {}


@lru_cache(maxsize=4096)
def country_name(code: str | None) -> str:
    """English short name of an ISO 3166-1 alpha-3 code (pycountry), the code itself otherwise."""
    if not code:
        return ""
    if code == "KOS":
        return "Kosovo"
    try:
        import pycountry

        c = pycountry.countries.get(alpha_3=code)
        if c is not None:
            return getattr(c, "common_name", None) or c.name
    except (ImportError, LookupError, KeyError):
        pass
    return code
