"""Country names in every language from CLDR (babel) and ISO 3166 (pycountry).

``country_names(lang)`` maps folded names (CLDR territory names of ``lang`` and of English, ISO 3166-1
names and their gettext translations) to ISO 3166-1 alpha-3 codes.  CLDR's European Union and
United Nations entries map to the PLOVER non-state codes ``EUR`` and ``UNO`` (PLOVER manual,
"Country Names and Sector Codes"); Kosovo is ``KOS`` as in PLOVER.  Only what CLDR lacks (demonyms,
short forms such as "EE.UU.") is written by hand in the language packs.
"""
from __future__ import annotations

import re
from functools import lru_cache

SPECIAL = {"EU": "EUR", "UN": "UNO", "XK": "KOS"}
_SKIP = {"EZ", "QO", "ZZ", "AQ", "UM", "XA", "XB"}
_PAREN_RE = re.compile(r"\s*\(([^)]*)\)\s*")


@lru_cache(maxsize=1)
def alpha2_to_alpha3() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> alpha-3 for every country in pycountry, plus the PLOVER specials."""
    import pycountry

    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table.update(SPECIAL)
    return table


def iso3(code2: str) -> str | None:
    """alpha-3 (or PLOVER special code) of an ISO 3166-1 alpha-2 code, None when unknown."""
    return alpha2_to_alpha3().get(code2.upper())


def _variants(name: str) -> list[str]:
    out = [name]
    m = _PAREN_RE.search(name)
    if m:
        out.append(_PAREN_RE.sub(" ", name).strip())
        inner = m.group(1).strip()
        # "Виргинские о-ва (США)", "RAE de Hong Kong (China)": a parenthetical naming the parent
        # country (often as an abbreviation) is not a name of this territory
        if not (inner.isupper() or inner.replace(".", "").isupper()):
            out.append(inner)
    if " - " in name:  # "Congo - Kinshasa" -> "Congo-Kinshasa"
        out.append(name.replace(" - ", "-"))
    return [v for v in out if len(v) >= 3 or v.isupper()]


@lru_cache(maxsize=32)
def country_names(lang: str) -> dict[str, str]:
    """Folded country name -> ISO3 (or EUR/UNO/KOS) for ``lang`` plus English.

    Ambiguous variants (a name CLDR gives to two territories) are dropped.
    """
    from babel import Locale, UnknownLocaleError

    from tidings.text import tokenize

    table = alpha2_to_alpha3()
    seen: dict[str, set[str]] = {}
    primary: dict[str, str] = {}

    def add(name: str, code3: str, is_primary: bool) -> None:
        key = " ".join(t.norm for t in tokenize(name, "xx"))
        if not key:
            return
        if is_primary:
            primary.setdefault(key, code3)
        seen.setdefault(key, set()).add(code3)

    for loc in dict.fromkeys(["en", lang]):
        try:
            terr = Locale.parse(loc).territories
        except (UnknownLocaleError, ValueError):
            continue
        for code2, name in terr.items():
            if code2.isdigit() or code2 in _SKIP or code2 not in table:
                continue
            variants = _variants(name)
            add(variants[0], table[code2], True)
            for v in variants[1:]:
                add(v, table[code2], False)
    # a variant that is another territory's own name belongs to that territory only
    for key in list(seen):
        if key in primary:
            seen[key] = {primary[key]}
    import pycountry

    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            v = getattr(c, attr, None)
            if v:
                add(v, c.alpha_3, False)
    out: dict[str, str] = {}
    for key, codes in seen.items():
        if key in primary:
            out[key] = primary[key]
        elif len(codes) == 1:
            out[key] = next(iter(codes))
    return out
