"""The one reader of tidings' tab-separated data files: language packs (``events.tsv``,
``actors.tsv``, ``frames.tsv``), date grammars (``dates.tsv``), page chrome (``chrome.tsv``),
place words (``places.tsv``), the ontology tables and the store's code tables.

Format (every file): UTF-8 (a byte-order mark is ignored), one record a line, cells separated by
TABs; blank lines and lines starting with ``#`` are comments; the first other line is the header
naming the columns.  Every problem is reported as ``FILE:LINE: message`` through the caller's
error class (``LexiconError``, ``OntologyError``...), so a user editing a pack is pointed at the
line to fix.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

__all__ = ["PackFileError", "read_rows"]


class PackFileError(ValueError):
    """A data file that cannot be read; the message is ``FILE:LINE: problem``."""


def read_rows(path: str | Path, columns: Sequence[str] | None, *, required: Sequence[str] = (),
              error: type[Exception] = PackFileError, name: str | None = None, header_optional: bool = False,
              rest_in_last: bool = False) -> list[tuple[int, dict[str, str]]]:
    """The data rows of a TSV file as ``(line number, {column: value})``, values stripped.

    ``columns``: the header's first cells, in order (more header cells are allowed and ignored);
    None: the header names the columns, whatever they are;
    ``required``: columns that must be non-empty in every row; ``error``: the exception class
    raised; ``name``: how the file is named in messages (default: the path); ``header_optional``:
    a first line that does not start with ``columns[0]`` is data, not a header; ``rest_in_last``:
    the last column takes the rest of the line, tabs and surrounding spaces included (regexes).
    Short rows are padded with empty strings.  Raises ``error`` for a file that is not UTF-8, a
    missing or wrong header, columns separated by spaces, too many cells or an empty required
    cell."""
    path = Path(path)
    where = name or str(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise error(f"{where}:1: not UTF-8 ({exc.reason})") from None
    except OSError as exc:
        raise error(f"{where}: cannot read: {exc.strerror or exc}") from None
    if lines and lines[0].startswith("\ufeff"):  # a byte-order mark from a spreadsheet export
        lines[0] = lines[0][1:]
    columns = tuple(columns) if columns is not None else None
    header_seen = False
    rows: list[tuple[int, dict[str, str]]] = []
    for no, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if columns is None:  # the header names the columns
            columns = tuple(c.strip() for c in line.split("\t"))
            header_seen = True
            continue
        if "\t" not in line and len(columns) > 1 and len(line.split()) > 1 and not header_seen:
            raise error(f"{where}:{no}: columns must be separated by tabs, not spaces")
        raw = line.split("\t", len(columns) - 1) if rest_in_last else line.split("\t")
        cells = [c.strip() for c in raw]
        if rest_in_last and len(raw) == len(columns):
            cells[-1] = raw[-1].rstrip("\r")
        if not header_seen:
            header_seen = True
            if tuple(cells[:len(columns)]) == columns:
                continue
            if not (header_optional and cells[0] != columns[0]):
                raise error(f"{where}:{no}: header must be {' | '.join(columns)} (tab-separated), "
                            f"got {' | '.join(cells)}")
        if len(cells) > len(columns):
            raise error(f"{where}:{no}: {len(cells)} columns, expected at most {len(columns)} ({' | '.join(columns)})")
        cells += [""] * (len(columns) - len(cells))
        row = dict(zip(columns, cells))
        empty = [c for c in required if not row[c]]
        if empty:
            raise error(f"{where}:{no}: empty {empty[0]!r}; expected {' | '.join(columns)}, got {line!r}")
        rows.append((no, row))
    return rows
