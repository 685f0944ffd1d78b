"""Readers for TABARI/PETRARCH dictionary files: verb patterns, actors and agents.

The formats are those of PETRARCH2's ``dictionaries-format.rst`` (Open Event Data Alliance) and of
the TABARI manual, chapter 5, which UniversalPetrarch's Spanish files follow too:

* **verbs** (``CAMEO.2.0.txt``): synonym sets (``&NAME`` then ``+WORD`` lines), verb blocks opened by
  ``--- NAME [code] ---``, the block's verbs one a line (``WORD {IRREGULAR FORMS} [code]``,
  ``+STIR_UP``), and patterns ``- [pre-verb] * [post-verb] [code]`` with ``$`` (source), ``+``
  (target), ``{A B}`` (consecutive words), ``(PREP NOUN)`` and ``&SET`` elements;
* **actors** (``*.actors.txt``): a primary phrase with an optional ``[code]``, ``+synonym`` lines,
  and date restrictions ``[CODE <date]``, ``[CODE >date]``, ``[CODE date-date]`` on the same line or
  on following indented lines; dates are ``YYMMDD`` or ``YYYYMMDD``;
* **agents** (``*.agents.txt``): ``PHRASE {plural} [~CODE]`` and ``!SET! = A, B`` substitutions.

The readers only parse: every record keeps its file and line.  What the project keeps of them is
decided by ``tidings.dictionaries.convert``.  Unreadable lines are skipped and counted, never
guessed at (``ParseReport.skipped``).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

_CODE_RE = re.compile(r"\[([^\]]*)\]")
_BLOCK_RE = re.compile(r"^---\s*([^\[\s-][^\[]*?)?\s*(?:\[([^\]]*)\])?\s*(?:---.*)?$")
_DATE_RE = re.compile(r"^(\d{6}|\d{8})$")


@dataclass
class ParseReport:
    """What a reader saw: records read and lines it could not use (``path:line: why``)."""

    read: int = 0
    skipped: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class VerbPattern:
    """One pattern of a verb block: ``elements`` are tokens (``*`` the verb, ``$`` source, ``+``
    target, ``^``/``%`` other slots, ``{A B}`` phrases, ``(P X)`` prepositional phrases, words,
    ``&SET`` names); ``code`` the raw CAMEO code text (``193``, ``042:043``, ``:054``, ``---``)."""

    elements: tuple[str, ...]
    code: str
    line: int


@dataclass
class VerbBlock:
    """A verb synonym block: ``verbs`` as (words, own code or None, line); ``code`` the block's."""

    name: str
    code: str
    line: int
    verbs: list[tuple[str, str | None, int]] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass
class VerbDictionary:
    """Synonym sets (name -> phrases, spaces for underscores) and verb blocks of one file."""

    path: Path
    synsets: dict[str, list[str]] = field(default_factory=dict)
    blocks: list[VerbBlock] = field(default_factory=list)
    report: ParseReport = field(default_factory=ParseReport)


@dataclass(frozen=True)
class CodeRestriction:
    """An actor code valid from ``start`` to ``end`` (inclusive; None = open)."""

    code: str
    start: dt.date | None
    end: dt.date | None


@dataclass
class ActorRecord:
    """An actor record: phrases (primary first, spaces for underscores), its default code (or
    None) and its dated codes; ``line`` is the primary phrase's line, ``comment`` its comment."""

    phrases: list[tuple[str, int]]
    default: str | None
    restrictions: list[CodeRestriction]
    line: int
    comment: str = ""


@dataclass(frozen=True)
class AgentRecord:
    """An agent phrase (spaces for underscores) with its raw code (``~GOV``, ``NGO~``)."""

    phrase: str
    code: str
    line: int


def _strip_comment(line: str) -> tuple[str, str]:
    """(content, comment) of a dictionary line; ``#`` starts a comment, as does `` ;`` (TABARI)."""
    body, _, comment = line.partition("#")
    m = re.search(r"\s;", body)
    if m:
        comment = comment or body[m.end():]
        body = body[:m.start()]
    return body.rstrip(), comment.strip()


def _phrase(raw: str) -> str:
    """A dictionary phrase as words: underscores become spaces, marks of verb heads go."""
    return " ".join(raw.replace("_", " ").replace("+", " ").split())


def _pattern_elements(text: str) -> tuple[str, ...] | None:
    """Split a pattern body into elements; None when the brackets do not balance."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "{(":
            close = "}" if ch == "{" else ")"
            depth, j = 0, i
            while j < len(text):
                depth += text[j] in "{("
                depth -= text[j] in "})"
                if depth == 0:
                    break
                j += 1
            if j >= len(text) or text[j] != close:
                return None
            out.append(text[i:j + 1])
            i = j + 1
            continue
        j = i
        while j < len(text) and not text[j].isspace() and text[j] not in "{(":
            j += 1
        out.append(text[i:j])
        i = j
    return tuple(out)


def read_verbs(path: str | Path) -> VerbDictionary:
    """Read a PETRARCH/TABARI verb dictionary.

    Returns a ``VerbDictionary``; raises ``OSError`` when the file cannot be read and
    ``ValueError`` (``path: not UTF-8``) for another encoding."""
    path = Path(path)
    vd = VerbDictionary(path)
    synset: list[str] | None = None
    block: VerbBlock | None = None
    for no, raw in enumerate(_lines(path), 1):
        body, _ = _strip_comment(raw)
        s = body.strip()
        if not s:
            synset = None
            continue
        if s.startswith("&") and block is None:
            synset = vd.synsets.setdefault(s.split()[0].rstrip("_"), [])
            continue
        if s.startswith("+") and synset is not None:
            synset.append(_phrase(s[1:]))
            continue
        synset = None
        if s.startswith("---"):
            m = _BLOCK_RE.match(s)
            if not m:
                vd.report.skipped.append(f"{path}:{no}: unreadable block header")
                continue
            block = VerbBlock((m.group(1) or "").strip(), (m.group(2) or "---").strip(), no)
            vd.blocks.append(block)
            continue
        if block is None or s.startswith("~"):
            if s.startswith("~"):
                vd.report.skipped.append(f"{path}:{no}: transformation (needs a parse)")
            continue
        if s.startswith("-"):
            codes = _CODE_RE.findall(s)
            elements = _pattern_elements(_CODE_RE.sub(" ", s[1:]))
            if not codes or elements is None:
                vd.report.skipped.append(f"{path}:{no}: pattern without a code or with unbalanced brackets")
                continue
            block.patterns.append(VerbPattern(elements, codes[-1].strip(), no))
            vd.report.read += 1
            continue
        head = re.sub(r"\{[^}]*\}", " ", s)  # irregular forms: the lemmatizer finds them
        codes = _CODE_RE.findall(head)
        words = _phrase(_CODE_RE.sub(" ", head))
        if words:
            block.verbs.append((words, codes[0].strip() if codes else None, no))
    return vd


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise ValueError(f"{path}: not UTF-8") from None


def parse_date(raw: str) -> dt.date | None:
    """A dictionary date (``YYMMDD``: 00-30 are 20xx, others 19xx; or ``YYYYMMDD``), or None."""
    if not _DATE_RE.match(raw):
        return None
    if len(raw) == 6:
        yy = int(raw[:2])
        raw = f"{2000 + yy if yy <= 30 else 1900 + yy}{raw[2:]}"
    try:
        return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    except ValueError:
        return None


def parse_restriction(text: str) -> CodeRestriction | None:
    """``CODE``, ``CODE <date``, ``CODE >date`` or ``CODE date-date`` -> restriction (a plain code
    has no dates); None when a date cannot be read."""
    parts = text.split()
    if not parts:
        return None
    code = parts[0]
    if len(parts) == 1:
        return CodeRestriction(code, None, None)
    spec = "".join(parts[1:])
    if spec[0] in "<>":
        d = parse_date(spec[1:])
        if d is None:
            return None
        return CodeRestriction(code, None, d) if spec[0] == "<" else CodeRestriction(code, d, None)
    a, _, b = spec.partition("-")
    da, db = parse_date(a), parse_date(b)
    return CodeRestriction(code, da, db) if da and db else None


def read_actors(path: str | Path) -> tuple[list[ActorRecord], ParseReport]:
    """Read an actor dictionary: records in file order, and a report of unusable lines."""
    path = Path(path)
    records: list[ActorRecord] = []
    report = ParseReport()
    cur: ActorRecord | None = None
    for no, raw in enumerate(_lines(path), 1):
        body, comment = _strip_comment(raw)
        if not body.strip():
            continue
        indented = raw[:1] in " \t"
        s = body.strip()
        codes = _CODE_RE.findall(s)
        phrase = _phrase(_CODE_RE.sub(" ", s)) if not s.startswith("[") else ""
        if s.startswith("+") and cur is not None:
            cur.phrases.append((_phrase(_CODE_RE.sub(" ", s[1:])), no))
        elif indented and s.startswith("[") and cur is not None:
            pass  # a date restriction line of the current record (read below)
        elif phrase:
            cur = ActorRecord([(phrase, no)], None, [], no, comment)
            records.append(cur)
            report.read += 1
        else:
            report.skipped.append(f"{path}:{no}: line outside a record")
            continue
        for c in codes:
            r = parse_restriction(c)
            if r is None:
                report.skipped.append(f"{path}:{no}: unreadable code or date '[{c}]'")
            elif r.start is None and r.end is None:
                cur.default = cur.default or r.code
            else:
                cur.restrictions.append(r)
    return records, report


def read_agents(path: str | Path) -> tuple[list[AgentRecord], ParseReport]:
    """Read an agent dictionary, expanding ``!SET!`` substitutions (``!PERSON! = MAN, WOMAN``)."""
    path = Path(path)
    subs: dict[str, list[str]] = {}
    out: list[AgentRecord] = []
    report = ParseReport()
    for no, raw in enumerate(_lines(path), 1):
        s, _ = _strip_comment(raw)
        s = s.strip()
        if not s:
            continue
        m = re.match(r"^(![A-Z_]+!)_?\s*=\s*(.+)$", s)
        if m:
            subs[m.group(1).replace("_", "")] = [w.strip(" _") for w in m.group(2).split(",") if w.strip(" _")]
            continue
        codes = _CODE_RE.findall(s)
        if not codes:
            report.skipped.append(f"{path}:{no}: agent without a code")
            continue
        head = re.sub(r"\{[^}]*\}", " ", _CODE_RE.sub(" ", s)).strip()
        forms = [head]
        for name, values in subs.items():
            if name in head:
                forms = [f.replace(name, v) for f in forms for v in values]
        for f in forms:
            if "!" in f:
                report.skipped.append(f"{path}:{no}: unknown substitution in '{f}'")
                continue
            out.append(AgentRecord(_phrase(f), codes[0].strip(), no))
            report.read += 1
    return out, report
