"""Import TABARI/PETRARCH dictionaries (``.verbs``, ``.actors``, ``.agents``) into language-pack files.

``import_dictionaries`` reads dictionary files and writes, under an output folder::

    <lang>/events.<name>.tsv    triggers from verb patterns   (pattern type mode cameo flags source)
    <lang>/actors.<name>.tsv    sector nouns (agents), organizations and IGOs
    _all/actors.<name>.tsv      named people with dated roles  (... start end source)
    <lang>/LICENSE.<name>, _all/LICENSE.<name>   the dictionaries' licence texts

The pack loader (``tidings.lexicon``) reads ``events.*.tsv`` and ``actors.*.tsv`` besides the
hand-written files, before them, so a hand-written entry wins over an imported one.  Every row keeps
its ``source`` (dictionary file and line).  What is kept and why is in ``tidings.dictionaries.convert``;
the formats read are in ``tidings.dictionaries.petrarch``.  Used by ``tidings lexicon import``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from tidings.dictionaries.convert import ACTOR_OUT, EVENT_OUT, Conversion, convert_actors, convert_agents, convert_verbs
from tidings.dictionaries.petrarch import read_actors, read_agents, read_verbs

KINDS = ("verbs", "actors", "agents")


@dataclass
class ImportSummary:
    """Files written (path -> rows) and, per input file, rows kept and records dropped by reason."""

    written: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, dict[str, int]] = field(default_factory=dict)
    skipped_lines: dict[str, int] = field(default_factory=dict)


def kind_of(path: Path) -> str:
    """``verbs``, ``actors`` or ``agents`` from a dictionary's file name (``.verbs``, ``CAMEO*``,
    ``verbpatterns*``; ``*.actors*``/``actors_*``; ``*.agents*``/``agents_*``).

    Raises ``ValueError`` naming the file when the name says none of them."""
    n = path.name.lower()
    if "agent" in n:
        return "agents"
    if "actor" in n:
        return "actors"
    if "verb" in n or n.startswith("cameo"):
        return "verbs"
    raise ValueError(f"{path}: cannot tell the dictionary kind from the name; name it *.verbs, *.actors or *.agents")


def _pack_knowledge(lang: str) -> tuple[dict[str, str], set[str], set[str], dict[str, tuple], set[str]]:
    """(trigger pattern -> type, modality words, function words, actor phrase -> (kind, sector),
    actor names) of the hand-written pack."""
    from tidings.lexicon import load_pack

    try:
        pack = load_pack(lang)
    except ValueError:
        return {}, set(), set(), {}, set()
    def own(entry) -> bool:  # hand-written (events.tsv, actors.tsv), not an earlier import
        return "." not in Path(entry.where.split(":")[0]).stem

    events = {" ".join(e.words): e.type for e in pack.events if own(e)}
    blocked = set()
    for kind in ("negation", "future", "modal", "hypothetical"):
        blocked |= {w for w in pack.frame_words(kind) if " " not in w}
    function = set()
    for kind in ("article", "of", "agent_prep", "recipient_prep", "locative_prep", "between", "source_prep",
                 "conj", "stop", "possessive", "quantity"):
        function |= {w for w in pack.frame_words(kind) if " " not in w}
    from tidings.dictionaries.convert import _lemma

    kinds = {" ".join(a.words): (a.kind, a.sector) for a in pack.actors if own(a)}
    for a in pack.actors:  # a one-word entry also stands for its lemma ("gunmen" -> "gunman")
        if own(a) and len(a.words) == 1:
            kinds.setdefault(_lemma(a.words[0], lang), (a.kind, a.sector))
    names = {" ".join(a.words) for a in pack.actors if own(a)}
    return events, blocked, function, kinds, names


def _license_text(path: Path) -> str:
    lic = path.parent / "LICENSE"
    commit = path.parent / "COMMIT"
    text = lic.read_text(encoding="utf-8") if lic.is_file() else "(no LICENSE file beside the dictionary)\n"
    if commit.is_file():
        text += f"\nSource commit: {commit.read_text(encoding='utf-8').strip()}\n"
    return text


def _write(path: Path, columns: Sequence[str], rows: list[dict[str, str]], header: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for line in header:
            fh.write(f"# {line}\n")
        fh.write("\t".join(columns) + "\n")
        for r in rows:
            fh.write("\t".join(r.get(c, "").replace("\t", " ") for c in columns) + "\n")


def import_dictionaries(files: Sequence[str | Path], lang: str, out_dir: str | Path, name: str,
                        people_shared: bool = True, relative_to: str | Path | None = None,
                        agent_min_words: int = 1) -> ImportSummary:
    """Convert dictionary ``files`` for language ``lang`` into pack files named ``<kind>.<name>.tsv``
    under ``out_dir`` (see module doc).  ``people_shared``: people go to ``_all`` (their names are
    written alike in every Latin-script language) rather than ``<lang>``.  ``relative_to``: the folder
    the ``source`` column's paths are relative to (default: each file's parent's parent).
    ``agent_min_words``: agent phrases with fewer words are dropped.

    Raises ``ValueError`` (naming the file) for an unreadable file or a name of no known kind, and
    ``OSError`` when a file cannot be opened."""
    if not name.replace("-", "").replace("_", "").isalnum():
        raise ValueError(f"name {name!r}: use letters, digits, - or _ (it becomes part of file names)")
    out = Path(out_dir)
    summary = ImportSummary()
    for old in (out / lang / f"events.{name}.tsv", out / lang / f"actors.{name}.tsv", out / "_all" / f"actors.{name}.tsv"):
        old.unlink(missing_ok=True)  # this import replaces its own earlier output
    from tidings.lexicon import _load_pack_cached

    _load_pack_cached.cache_clear()
    known_events, blocked, function, pack_kinds, names = _pack_knowledge(lang)
    events: list[dict] = []
    actors: list[dict] = []
    people: list[dict] = []
    licences: dict[str, str] = {}
    for f in map(Path, files):
        kind = kind_of(f)
        base = Path(relative_to) if relative_to else f.parent.parent
        label = str(f.resolve().relative_to(base.resolve())) if f.resolve().is_relative_to(base.resolve()) else f.name
        if kind == "verbs":
            vd = read_verbs(f)
            conv, skipped = convert_verbs(vd, lang, label, known_events, blocked, function), len(vd.report.skipped)
            events += conv.rows
        elif kind == "agents":
            recs, rep = read_agents(f)
            conv, skipped = convert_agents(recs, lang, label, pack_kinds, function, agent_min_words), len(rep.skipped)
            actors += conv.rows
        else:
            recs, rep = read_actors(f)
            conv, skipped = convert_actors(recs, lang, label, names), len(rep.skipped)
            people += [r for r in conv.rows if r["kind"] == "person"]
            actors += [r for r in conv.rows if r["kind"] != "person"]
        summary.kept[str(f)] = len(conv.rows)
        summary.dropped[str(f)] = dict(conv.dropped.most_common())
        summary.skipped_lines[str(f)] = skipped
        licences[label] = _license_text(f)
    header = [f"Generated by `tidings lexicon import --name {name} --lang {lang}` from: {', '.join(sorted(licences))}.",
              "Do not edit: re-run the import (docs/languages.md). The source column gives each entry's dictionary file:line.",
              f"Licence: MIT, the notice is in LICENSE.{name} in this folder."]
    if not people_shared:
        actors, people = actors + people, []
    targets = [(out / lang / f"events.{name}.tsv", EVENT_OUT, events),
               (out / lang / f"actors.{name}.tsv", ACTOR_OUT, actors),
               (out / "_all" / f"actors.{name}.tsv", ACTOR_OUT, people)]
    if people_shared and lang == "_all":
        raise ValueError("lang '_all' is not a language; give the dictionaries' language")
    for path, columns, rows in targets:
        if rows:
            _write(path, columns, rows, header)
            (path.parent / f"LICENSE.{name}").write_text(
                "\n\n".join(f"== {k} ==\n{v}" for k, v in sorted(licences.items())), encoding="utf-8")
            summary.written[str(path)] = len(rows)
    return summary


__all__ = ["import_dictionaries", "ImportSummary", "kind_of", "KINDS", "Conversion"]
