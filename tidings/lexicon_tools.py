"""Lexicon developer tools: trigger coverage by CAMEO code and entry usage on a corpus.

``coverage`` answers "which CAMEO event codes can each language pack code at all?": for every
three-digit CAMEO code (CAMEO codebook 1.1b3) that the crosswalk maps to a PLOVER type
(``tidings/ontology/cameo_plover.tsv``), it counts the trigger entries of each language in every
``events*.tsv`` file of the packs (the hand-written ``events.tsv`` and imported dictionaries such as
``events.petrarch.tsv``).  An entry counts for the three-digit code its CAMEO column starts with, or,
when that column is empty, for the ontology's default code of its PLOVER type and mode.  A code
with no entry in a language is a *hole*.

``usage`` answers "which entries does this corpus use?", as PETRARCH users read null-verb reports:
for every pack entry behind a coded event's trigger, actor or recipient (see ``tidings.explain``),
the number of documents it fires in; entries firing in a single document stand out.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from tidings.lexicon import LANG_DIR, LexiconError

DOC_START = "<!-- coverage:start -->"
DOC_END = "<!-- coverage:end -->"


@dataclass
class Coverage:
    """Trigger entries per (three-digit CAMEO code, language).

    ``codes``: the PLOVER-mapped three-digit codes in order; ``names``: code -> CAMEO name;
    ``langs``: languages (columns); ``counts[(code, lang)]``: number of entries; ``files``: the
    events files read; ``other``: entries per language whose code is not a PLOVER-mapped one
    (CAMEO 01x/02x statements and appeals, which PLOVER does not code).
    """

    codes: list[str]
    names: dict[str, str]
    langs: list[str]
    counts: Counter = field(default_factory=Counter)
    files: list[Path] = field(default_factory=list)
    other: Counter = field(default_factory=Counter)

    def holes(self) -> list[tuple[str, str]]:
        """(code, lang) pairs with no entry, by code then language."""
        return [(c, lang) for c in self.codes for lang in self.langs if not self.counts[(c, lang)]]

    def total(self, lang: str) -> int:
        """Entries of ``lang`` for PLOVER-mapped codes."""
        return sum(self.counts[(c, lang)] for c in self.codes)


def plover_codes() -> dict[str, str]:
    """The three-digit CAMEO codes that map to a PLOVER type -> their CAMEO names, in code order."""
    from tidings.ontology import load_ontology

    ont = load_ontology()
    out = {}
    for code in sorted(ont.cameo_codes):
        if len(code) == 3 and ont.plover_of_cameo(code)[0]:
            out[code] = ont.cameo(code).name
    return out


def _event_rows(path: Path) -> Iterable[tuple[int, dict[str, str]]]:
    """(line, row) of an events file, columns named by its header (extra columns such as a source
    are allowed, so imported dictionaries with more columns are read too)."""
    header: list[str] | None = None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}:1: not UTF-8 ({exc.reason})") from None
    for no, line in enumerate(lines, 1):
        line = line.lstrip("\ufeff")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            if "pattern" not in cells or "type" not in cells:
                raise LexiconError(f"{path}:{no}: header must name the columns pattern and type (tab-separated)")
            header = cells
            continue
        yield no, dict(zip(header, cells + [""] * (len(header) - len(cells))))


def entry_code(row: dict[str, str], where: str) -> str | None:
    """The three-digit CAMEO code an events row codes (its cameo column, else the ontology default
    of its type and mode); None for a removal line (type ``-``).  Raises ``LexiconError`` naming
    ``where`` for an unknown type or mode."""
    from tidings.ontology import load_ontology

    ptype = row.get("type", "")
    if ptype == "-":
        return None
    cameo = row.get("cameo", "")
    if cameo:
        return cameo[:3]
    ont = load_ontology()
    mode = row.get("mode") or None
    if not ont.is_valid(ptype, mode):
        raise LexiconError(f"{where}: unknown PLOVER type or mode '{ptype}' '{mode or ''}'")
    return ont.cameo_for(ptype, mode)[:3]


def events_files(lang_dirs: Sequence[Path]) -> dict[str, list[Path]]:
    """Language -> its ``events*.tsv`` files in ``lang_dirs`` (folders of packs), in order; folders
    starting with ``_`` are not languages."""
    out: dict[str, list[Path]] = defaultdict(list)
    for base in lang_dirs:
        for d in sorted(p for p in Path(base).iterdir() if p.is_dir() and not p.name.startswith("_")) if Path(base).is_dir() else []:
            out[d.name].extend(sorted(d.glob("events*.tsv")))
    return {k: v for k, v in out.items() if v}


def coverage(lang_dirs: Sequence[str | Path] = (), packaged: bool = True) -> Coverage:
    """Count trigger entries per (three-digit CAMEO code, language) over the ``events*.tsv`` files of
    the packaged packs (unless ``packaged`` is False) and of ``lang_dirs``.

    Every line counts once (an override in a later folder counts too: it is an entry someone wrote).
    Raises ``LexiconError`` (``path:line: message``) for an unreadable file or an unknown type."""
    dirs = ([LANG_DIR] if packaged else []) + [Path(d) for d in lang_dirs]
    files = events_files(dirs)
    names = plover_codes()
    cov = Coverage(list(names), names, sorted(files))
    for lang, paths in sorted(files.items()):
        for path in paths:
            cov.files.append(path)
            for no, row in _event_rows(path):
                code = entry_code(row, f"{path}:{no}")
                if code is None:
                    continue
                if code in names:
                    cov.counts[(code, lang)] += 1
                else:
                    cov.other[lang] += 1
    return cov


def coverage_table(cov: Coverage, markdown: bool = False) -> str:
    """The code x language table (entries per cell; ``-`` marks a hole), a totals line, and the
    list of holes.  ``markdown``: a Markdown table (for docs/languages.md), else aligned text."""
    head = ["code", "CAMEO event"] + cov.langs
    rows = [[c, cov.names[c][:48]] + [str(cov.counts[(c, lang)] or "-") for lang in cov.langs] for c in cov.codes]
    total = ["all", f"{len(cov.codes)} codes"] + [str(cov.total(lang)) for lang in cov.langs]
    lines = []
    if markdown:
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + "---|" * 2 + "---:|" * len(cov.langs))
        lines += ["| " + " | ".join(r) + " |" for r in rows + [total]]
    else:
        widths = [max(len(r[i]) for r in [head] + rows + [total]) for i in range(len(head))]
        for r in [head] + rows + [total]:
            lines.append("  ".join(cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths))).rstrip())
    holes = cov.holes()
    lines.append("")
    if holes:
        by_lang: dict[str, list[str]] = defaultdict(list)
        for code, lang in holes:
            by_lang[lang].append(code)
        lines.append(f"{len(holes)} hole(s) (code with no entry):")
        lines += [f"- {lang}: {', '.join(codes)}" for lang, codes in sorted(by_lang.items())]
    else:
        lines.append(f"no holes: every one of the {len(cov.codes)} codes has entries in every language")
    return "\n".join(lines) + "\n"


def update_doc(path: Path, table: str) -> bool:
    """Replace the text between ``DOC_START`` and ``DOC_END`` in ``path`` with ``table``; True when the
    file changed.  Raises ``ValueError`` naming the file when the markers are missing."""
    text = path.read_text(encoding="utf-8")
    start, end = text.find(DOC_START), text.find(DOC_END)
    if start < 0 or end < start:
        raise ValueError(f"{path}: no {DOC_START} ... {DOC_END} markers to put the table between")
    new = text[: start + len(DOC_START)] + "\n" + table + text[end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


@dataclass
class Usage:
    """How many documents each pack entry fired in (behind a coded event's trigger or party).

    ``docs``: documents coded; ``events``: events coded; ``counts[key]``: documents where the entry
    fired, ``key`` = (role, entry, pattern) with role ``trigger`` or ``party``; ``first[key]``: the
    first document it fired in; ``langs``: languages seen."""

    docs: int = 0
    events: int = 0
    failed: int = 0
    counts: Counter = field(default_factory=Counter)
    first: dict = field(default_factory=dict)
    langs: set = field(default_factory=set)

    def add(self, doc_id: str, events) -> None:
        """Count one coded document (its events must carry ``explain``)."""
        self.docs += 1
        self.events += len(events)
        seen = set()
        for ev in events:
            self.langs.add(ev.language)
            ex = ev.explain or {}
            trig = ex.get("trigger")
            if trig:
                seen.add(("trigger", trig["entry"] + (f" <- {trig['source']}" if trig.get("source") else ""), trig["pattern"]))
            for party in ex.get("actors", []) + ex.get("recipients", []):
                for e in party["entries"]:
                    if e["entry"].endswith(tuple("0123456789")):  # a pack line, not CLDR or a name
                        seen.add(("party", e["entry"] + (f" <- {e['source']}" if e.get("source") else ""), e["pattern"]))
        for key in seen:
            self.counts[key] += 1
            self.first.setdefault(key, doc_id)

    def pack_sizes(self, lexicon_dirs: Sequence[str | Path] = ()) -> dict[str, tuple[int, int]]:
        """Language -> (trigger entries, actor entries) of its loaded pack, for the languages seen."""
        from tidings.lexicon import load_pack

        out = {}
        for lang in sorted(self.langs):
            pack = load_pack(lang, lexicon_dirs)
            out[lang] = (len(pack.events), len(pack.actors))
        return out


def usage_report(u: Usage, top: int = 20, sizes: dict[str, tuple[int, int]] | None = None) -> str:
    """The entries that fire in most documents (``top`` of them) and every entry that fires in one
    document only (with that document), as text."""
    trig = sum(1 for k in u.counts if k[0] == "trigger")
    party = len(u.counts) - trig
    lines = [f"{u.docs} document(s), {u.events} event(s), {u.failed} failed; "
             f"{trig} trigger entries and {party} party entries fired"]
    for lang, (n_ev, n_act) in sorted((sizes or {}).items()):
        fired = sum(1 for k in u.counts if k[0] == "trigger" and f"/{lang}/" in k[1])
        lines.append(f"  {lang}: {fired} of {n_ev} trigger entries fired")
    def order(key):  # triggers first, then by file and line number
        path, _, line = key[1].partition(" <- ")[0].rpartition(":")
        return (key[0] != "trigger", path, int(line) if line.isdigit() else 0, key[2])

    ranked = sorted(u.counts.items(), key=lambda kv: (-kv[1], order(kv[0])))
    lines += ["", f"most documents (top {min(top, len(ranked))}):", "  docs  role     entry  pattern"]
    lines += [f"  {n:4d}  {k[0]:<7}  {k[1]}  {k[2]}" for k, n in ranked[:top]]
    once = [(k, n) for k, n in ranked if n == 1]
    lines += ["", f"in one document only ({len(once)}):", "  role     entry  pattern  (document)"]
    lines += [f"  {k[0]:<7}  {k[1]}  {k[2]}  ({u.first[k]})" for k, _ in sorted(once, key=lambda kv: order(kv[0]))]
    return "\n".join(lines) + "\n"
