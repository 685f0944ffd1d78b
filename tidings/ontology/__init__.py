"""The PLOVER and CAMEO event ontologies, as data files loaded and validated at start-up.

The data lives beside this module as TSV files (one header line, ``#`` comment lines, blank lines
ignored); see ``docs/ontology.md``:

``plover_types.tsv``          the 16 PLOVER event types: quad class, score, recipient rule, definition
``plover_modes.tsv``          (type, mode, score) for every PLOVER mode
``plover_contexts.tsv``       the 37 PLOVER contexts
``plover_sectors.tsv``        the 25 PLOVER sector codes
``plover_nonstate.tsv``       PLOVER non-state actor codes (IGO UNO EUR NGO ISM IMG MNC)
``cameo_codes.tsv``           every CAMEO 1.1b3 event code with name, Goldstein value, quad class
``cameo_plover.tsv``          CAMEO -> PLOVER crosswalk (type, mode, context hints)
``plover_cameo_default.tsv``  PLOVER (type, mode) -> default CAMEO code to emit

Sources: PLOVER manual Draft 0.8 (openeventdata/PLOVER ``PLOVER_MANUAL.tex``), CAMEO codebook 1.1b3
(Schrodt, Gerner & Yilmaz), the CAMEO Goldstein scale (Schrodt, ``CAMEO.SCALE``) and the crosswalk
``CAMEO2PLOVER-2021.txt`` (openeventdata/PLOVER). Country codes are ISO 3166-1 alpha-3 and are not
part of this module.

Usage::

    from tidings.ontology import load_ontology
    onto = load_ontology()
    onto.cameo("042").goldstein          # 1.9
    onto.plover_of_cameo("163")          # ('COERCE', 'restrict', ('diplomatic', 'economic'))
    onto.cameo_for("CONSULT", "visit")   # '042'
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CameoCode", "PloverType", "OntologyError", "Ontology", "load_ontology", "DATA_DIR"]

#: Folder holding the packaged ontology files.
DATA_DIR = Path(__file__).resolve().parent

_FILES = {
    "plover_types.tsv": ["name", "quad_class", "score", "requires_recipient", "definition"],
    "plover_modes.tsv": ["type", "mode", "score", "source"],
    "plover_contexts.tsv": ["context", "description"],
    "plover_sectors.tsv": ["code", "name", "frequency", "description", "groups"],
    "plover_nonstate.tsv": ["code", "name"],
    "cameo_codes.tsv": ["code", "name", "goldstein", "quad_class"],
    "cameo_plover.tsv": ["cameo", "plover_type", "mode", "contexts", "note"],
    "plover_cameo_default.tsv": ["plover_type", "mode", "cameo", "note"],
}

_RE_TYPE = re.compile(r"^[A-Z]+$")
_RE_MODE = re.compile(r"^[A-Za-z][A-Za-z-]*$")
_RE_CONTEXT = re.compile(r"^[a-z][a-z_]*$")
_RE_CODE3 = re.compile(r"^[A-Z]{3}$")
_RE_CAMEO = re.compile(r"^\d{2,4}$")


class OntologyError(ValueError):
    """A problem in an ontology data file.

    The message has the form ``"<file>:<line>: <problem>"`` (line is 1-based), e.g.
    ``"cameo_codes.tsv:17: goldstein 12.0 outside -10..10"``; for problems of a whole file the
    line is omitted (``"plover_types.tsv: file missing in /path"``).
    """


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code (CAMEO codebook 1.1b3).

    ``code`` is the 2-, 3- or 4-digit code as a string with leading zero (``"042"``); ``root`` its
    first two digits (``"04"``); ``goldstein`` the CAMEO Goldstein value in [-10, 10] (CAMEO.SCALE);
    ``quad_class`` 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
    conflict (set per root: 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4).
    """

    code: str
    name: str
    goldstein: float
    root: str
    quad_class: int


@dataclass(frozen=True)
class PloverType:
    """One PLOVER event type (PLOVER manual Draft 0.8, "Event Categories").

    ``quad_class`` 1-4 as for CAMEO; ``score`` the manual's conflict-cooperation score in [-10, 10]
    (None if none); ``requires_recipient`` whether an event of this type needs a recipient;
    ``modes`` maps each mode name to its score (None when the score is not recorded);
    ``definition`` a short paraphrase of the manual's definition.
    """

    name: str
    quad_class: int
    score: float | None
    requires_recipient: bool
    modes: dict[str, float | None]
    definition: str


SECTOR_GROUPS = ("state", "local")


class Ontology:
    """The loaded, validated PLOVER + CAMEO ontology. Build it with :func:`load_ontology`.

    Attributes:
        plover_types: PLOVER type name (``"CONSULT"``) -> :class:`PloverType`.
        contexts: the PLOVER context names (``"diplomatic"``, ...).
        sectors: PLOVER sector code (``"GOV"``) -> name (``"Government"``).
        nonstate: PLOVER non-state actor code (``"IGO"``) -> name.
        cameo_codes: CAMEO code (``"042"``) -> :class:`CameoCode`.
        crosswalk: CAMEO code -> (PLOVER type or None, mode or None, contexts) for the codes that
            have a row in ``cameo_plover.tsv``; use :meth:`plover_of_cameo` to look codes up.
        defaults: (PLOVER type, mode or None) -> default CAMEO code; see :meth:`cameo_for`.
        path: the folder the files were read from.
        sector_groups: ``"state"``/``"local"`` -> the sector codes in that group (``groups`` column of
            ``plover_sectors.tsv``); see :meth:`sectors_in`.
    """

    def __init__(
        self,
        *,
        plover_types: dict[str, PloverType],
        contexts: frozenset[str],
        sectors: dict[str, str],
        nonstate: dict[str, str],
        cameo_codes: dict[str, CameoCode],
        crosswalk: dict[str, tuple[str | None, str | None, tuple[str, ...]]],
        defaults: dict[tuple[str, str | None], str],
        path: Path,
        sector_groups: dict[str, frozenset[str]] | None = None,
    ) -> None:
        self.sector_groups = dict(sector_groups or {})
        self.plover_types = plover_types
        self.contexts = contexts
        self.sectors = sectors
        self.nonstate = nonstate
        self.cameo_codes = cameo_codes
        self.crosswalk = crosswalk
        self.defaults = defaults
        self.path = path

    def __repr__(self) -> str:
        return (f"Ontology({len(self.plover_types)} PLOVER types, {len(self.cameo_codes)} CAMEO codes,"
                f" path={str(self.path)!r})")

    def sectors_in(self, group: str) -> frozenset[str]:
        """The sector codes of a group of ``plover_sectors.tsv`` (``state``: parties acting for a
        state; ``local``: parties acting where they are).  Raises KeyError for an unknown group."""
        if group not in SECTOR_GROUPS:
            raise KeyError(f"unknown sector group {group!r}; known: {', '.join(SECTOR_GROUPS)}")
        return self.sector_groups.get(group, frozenset())

    def is_state(self, country: str | None) -> bool:
        """Whether ``country`` names a state (an ISO 3166-1 code), not a PLOVER non-state code."""
        return bool(country) and country not in self.nonstate

    def cameo(self, code: str) -> CameoCode:
        """The CAMEO code ``code`` (e.g. ``"042"``; surrounding spaces ignored).

        Raises:
            KeyError: if ``code`` is not a CAMEO 1.1b3 event code; the message names it.
        """
        key = str(code).strip()
        try:
            return self.cameo_codes[key]
        except KeyError:
            raise KeyError(f"unknown CAMEO event code {code!r} (CAMEO codes are 2-4 digits with a "
                           f"leading zero, e.g. '042')") from None

    def plover_of_cameo(self, code: str) -> tuple[str | None, str | None, tuple[str, ...]]:
        """PLOVER (type, mode, contexts) for a CAMEO code, from the crosswalk.

        The most specific crosswalk row wins: the code itself, else its 3-digit parent, else its
        root. Type is None for codes PLOVER does not code (roots 01 and 02); mode is None when the
        crosswalk gives none; contexts is a tuple of PLOVER context names (possibly empty).
        E.g. ``"163"`` -> ``("COERCE", "restrict", ("diplomatic", "economic"))``.

        Raises:
            KeyError: if ``code`` is not a CAMEO event code.
        """
        key = self.cameo(code).code
        for prefix in (key, key[:3], key[:2]):
            row = self.crosswalk.get(prefix)
            if row is not None:
                return row
        raise KeyError(f"CAMEO code {code!r} has no crosswalk row")  # prevented by validation

    def cameo_for(self, plover_type: str, mode: str | None = None) -> str:
        """The default CAMEO code to emit for a PLOVER type and optional mode.

        ``cameo_for("CONSULT")`` -> ``"040"``; ``cameo_for("CONSULT", "visit")`` -> ``"042"``. A
        valid mode without its own default falls back to the type's default.

        Raises:
            KeyError: if ``plover_type`` is not a PLOVER type, or ``mode`` not one of its modes.
        """
        ptype = self._type(plover_type)
        if mode:
            if mode not in ptype.modes:
                known = ", ".join(ptype.modes) or "none"
                raise KeyError(f"unknown mode {mode!r} for PLOVER type {ptype.name} (modes: {known})")
            code = self.defaults.get((ptype.name, mode))
            if code is not None:
                return code
        return self.defaults[(ptype.name, None)]

    def is_valid(self, plover_type: str, mode: str | None = None) -> bool:
        """True if ``plover_type`` is a PLOVER type and ``mode`` (if given) is one of its modes."""
        ptype = self.plover_types.get(plover_type)
        if ptype is None:
            return False
        return not mode or mode in ptype.modes

    def _type(self, plover_type: str) -> PloverType:
        try:
            return self.plover_types[plover_type]
        except KeyError:
            raise KeyError(f"unknown PLOVER type {plover_type!r} (types: "
                           f"{' '.join(self.plover_types)})") from None


# ----------------------------------------------------------------------------------------- loading

def _rows(folder: Path, name: str) -> list[tuple[int, dict[str, str]]]:
    """Read one TSV file: (line number, {column: stripped value}) for every data row."""
    path = folder / name
    if not path.is_file():
        raise OntologyError(f"{name}: file missing in {folder}")
    from tidings.packfile import read_rows

    return read_rows(path, _FILES[name], error=OntologyError, name=name)


def _err(name: str, lineno: int, problem: str) -> OntologyError:
    return OntologyError(f"{name}:{lineno}: {problem}")


def _score(name: str, lineno: int, column: str, value: str, required: bool) -> float | None:
    if not value:
        if required:
            raise _err(name, lineno, f"{column} is empty")
        return None
    try:
        number = float(value)
    except ValueError:
        raise _err(name, lineno, f"{column} {value!r} is not a number") from None
    if not -10.0 <= number <= 10.0:
        raise _err(name, lineno, f"{column} {number} outside -10..10")
    return number


def _quad(name: str, lineno: int, value: str) -> int:
    if value not in {"1", "2", "3", "4"}:
        raise _err(name, lineno, f"quad_class {value!r} is not 1, 2, 3 or 4")
    return int(value)


def _unique(name: str, lineno: int, seen: dict, key, what: str) -> None:
    if key in seen:
        raise _err(name, lineno, f"duplicate {what} {key!r} (first on line {seen[key]})")
    seen[key] = lineno


def _load(folder: Path) -> Ontology:
    if not folder.is_dir():
        raise OntologyError(f"{folder}: ontology folder not found")
    contexts = _load_contexts(folder)
    sectors, nonstate, sector_groups = _load_codes(folder)
    plover_types = _load_types(folder)
    cameo_codes = _load_cameo(folder)
    crosswalk = _load_crosswalk(folder, plover_types, cameo_codes, contexts)
    defaults = _load_defaults(folder, plover_types, cameo_codes)
    return Ontology(sector_groups=sector_groups, plover_types=plover_types, contexts=contexts, sectors=sectors,
                    nonstate=nonstate, cameo_codes=cameo_codes, crosswalk=crosswalk,
                    defaults=defaults, path=folder)


def _load_contexts(folder: Path) -> frozenset[str]:
    name = "plover_contexts.tsv"
    seen: dict = {}
    for lineno, row in _rows(folder, name):
        ctx = row["context"]
        if not _RE_CONTEXT.match(ctx):
            raise _err(name, lineno, f"context {ctx!r} is not lower_case_with_underscores")
        _unique(name, lineno, seen, ctx, "context")
    contexts = frozenset(seen)

    return contexts


def _load_codes(folder: Path) -> tuple[dict[str, str], dict[str, str], dict[str, frozenset[str]]]:
    """Sectors, non-state codes and sector groups."""
    sectors: dict[str, str] = {}
    nonstate: dict[str, str] = {}
    sector_groups: dict[str, set[str]] = {}
    for name, target in (("plover_sectors.tsv", sectors), ("plover_nonstate.tsv", nonstate)):
        seen = {}
        for lineno, row in _rows(folder, name):
            code = row["code"]
            if not _RE_CODE3.match(code):
                raise _err(name, lineno, f"code {code!r} is not 3 capital letters")
            if not row["name"]:
                raise _err(name, lineno, f"code {code} has no name")
            _unique(name, lineno, seen, code, "code")
            target[code] = row["name"]
            for group in row.get("groups", "").split():
                if group not in SECTOR_GROUPS:
                    raise _err(name, lineno, f"group {group!r} is not one of {', '.join(SECTOR_GROUPS)}")
                sector_groups.setdefault(group, set()).add(code)

    return sectors, nonstate, {g: frozenset(c) for g, c in sector_groups.items()}


def _load_types(folder: Path) -> dict[str, PloverType]:
    """PLOVER types with their modes."""
    name = "plover_types.tsv"
    type_rows: dict[str, tuple[int, dict[str, str]]] = {}
    for lineno, row in _rows(folder, name):
        tname = row["name"]
        if not _RE_TYPE.match(tname):
            raise _err(name, lineno, f"type name {tname!r} is not in capitals")
        if tname in type_rows:
            raise _err(name, lineno, f"duplicate type {tname!r} (first on line {type_rows[tname][0]})")
        if row["requires_recipient"] not in {"yes", "no"}:
            raise _err(name, lineno, f"requires_recipient {row['requires_recipient']!r} is not yes/no")
        type_rows[tname] = (lineno, row)
    if not type_rows:
        raise OntologyError(f"{name}: no PLOVER types")

    # modes
    name = "plover_modes.tsv"
    modes: dict[str, dict[str, float | None]] = {t: {} for t in type_rows}
    seen = {}
    for lineno, row in _rows(folder, name):
        tname, mode = row["type"], row["mode"]
        if tname not in type_rows:
            raise _err(name, lineno, f"unknown PLOVER type {tname!r}")
        if not _RE_MODE.match(mode):
            raise _err(name, lineno, f"mode {mode!r} is not a word (letters and '-')")
        _unique(name, lineno, seen, (tname, mode), "mode")
        if row["source"] not in {"manual", "crosswalk"}:
            raise _err(name, lineno, f"source {row['source']!r} is not manual/crosswalk")
        modes[tname][mode] = _score(name, lineno, "score", row["score"], required=False)

    plover_types: dict[str, PloverType] = {}
    for tname, (lineno, row) in type_rows.items():
        plover_types[tname] = PloverType(
            name=tname,
            quad_class=_quad("plover_types.tsv", lineno, row["quad_class"]),
            score=_score("plover_types.tsv", lineno, "score", row["score"], required=False),
            requires_recipient=row["requires_recipient"] == "yes",
            modes=modes[tname],
            definition=row["definition"],
        )

    return plover_types


def _load_cameo(folder: Path) -> dict[str, CameoCode]:
    name = "cameo_codes.tsv"
    cameo_codes: dict[str, CameoCode] = {}
    lines: dict[str, int] = {}
    for lineno, row in _rows(folder, name):
        code = row["code"]
        if not _RE_CAMEO.match(code):
            raise _err(name, lineno, f"code {code!r} is not 2-4 digits")
        if not 1 <= int(code[:2]) <= 20:
            raise _err(name, lineno, f"code {code!r}: root {code[:2]} outside 01..20")
        _unique(name, lineno, lines, code, "code")
        parent = code[:-1] if len(code) == 4 else code[:2] if len(code) == 3 else None
        if parent is not None and parent not in cameo_codes:
            raise _err(name, lineno, f"code {code!r}: parent {parent!r} not defined above it")
        if not row["name"]:
            raise _err(name, lineno, f"code {code} has no name")
        quad = _quad(name, lineno, row["quad_class"])
        root = code[:2]
        if parent is not None and quad != cameo_codes[root].quad_class:
            raise _err(name, lineno, f"code {code}: quad_class {quad} differs from root {root}'s "
                                     f"{cameo_codes[root].quad_class}")
        cameo_codes[code] = CameoCode(
            code=code,
            name=row["name"],
            goldstein=_score(name, lineno, "goldstein", row["goldstein"], required=True),
            root=root,
            quad_class=quad,
        )

    return cameo_codes


def _check_target(plover_types: dict[str, PloverType], fname: str, lineno: int, tname: str, mode: str) -> None:
    if tname not in plover_types:
        raise _err(fname, lineno, f"unknown PLOVER type {tname!r}")
    if mode and mode not in plover_types[tname].modes:
        raise _err(fname, lineno, f"mode {mode!r} is not a mode of {tname} (plover_modes.tsv)")


def _load_crosswalk(folder: Path, plover_types: dict[str, PloverType], cameo_codes: dict[str, CameoCode],
                    contexts: frozenset[str]) -> dict[str, tuple[str | None, str | None, tuple[str, ...]]]:
    name = "cameo_plover.tsv"
    crosswalk: dict[str, tuple[str | None, str | None, tuple[str, ...]]] = {}
    seen = {}
    for lineno, row in _rows(folder, name):
        code, tname, mode = row["cameo"], row["plover_type"], row["mode"]
        if code not in cameo_codes:
            raise _err(name, lineno, f"CAMEO code {code!r} not in cameo_codes.tsv")
        _unique(name, lineno, seen, code, "CAMEO code")
        ctxs = tuple(c.strip() for c in row["contexts"].split(";") if c.strip())
        for ctx in ctxs:
            if ctx not in contexts:
                raise _err(name, lineno, f"unknown context {ctx!r} (plover_contexts.tsv)")
        if not tname:
            if mode or ctxs:
                raise _err(name, lineno, f"CAMEO {code} is dropped (no plover_type) but has a "
                                         f"mode or contexts")
        else:
            _check_target(plover_types, name, lineno, tname, mode)
        crosswalk[code] = (tname or None, mode or None, ctxs)
    missing = sorted(c for c in cameo_codes if len(c) == 2 and c not in crosswalk)
    if missing:
        raise OntologyError(f"{name}: no row for CAMEO root(s) {' '.join(missing)}")

    return crosswalk


def _load_defaults(folder: Path, plover_types: dict[str, PloverType],
                   cameo_codes: dict[str, CameoCode]) -> dict[tuple[str, str | None], str]:
    name = "plover_cameo_default.tsv"
    defaults: dict[tuple[str, str | None], str] = {}
    seen = {}
    for lineno, row in _rows(folder, name):
        tname, mode, code = row["plover_type"], row["mode"], row["cameo"]
        _check_target(plover_types, name, lineno, tname, mode)
        if code not in cameo_codes:
            raise _err(name, lineno, f"CAMEO code {code!r} not in cameo_codes.tsv")
        key = (tname, mode or None)
        _unique(name, lineno, seen, key, "default for")
        defaults[key] = code
    missing = sorted(t for t in plover_types if (t, None) not in defaults)
    if missing:
        raise OntologyError(f"{name}: no default CAMEO code (empty mode) for {' '.join(missing)}")

    return defaults


@functools.lru_cache(maxsize=1)
def _load_default() -> Ontology:
    return _load(DATA_DIR)


def load_ontology(path: str | Path | None = None) -> Ontology:
    """Load and validate the ontology files.

    ``path`` is a folder holding the eight TSV files (see the module docstring); None means the
    packaged files, loaded once and cached (later calls return the same object). A custom folder
    is read anew on each call. Loading the packaged files takes a few milliseconds.

    Raises:
        OntologyError: a file is missing, unreadable or invalid; the message is
            ``"<file>:<line>: <problem>"``, e.g. ``"cameo_codes.tsv:17: goldstein 12.0 outside -10..10"``.
    """
    if path is None:
        return _load_default()
    folder = Path(path)
    if folder.resolve() == DATA_DIR:
        return _load_default()
    return _load(folder)
