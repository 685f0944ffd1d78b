"""Reading inputs: files, directories, JSONL dumps and stdin -> RawDocument (or Failure).

Input kinds (by extension): ``.txt`` (text), ``.html``/``.htm`` (HTML), ``.jsonl`` (one JSON object
a line: ``id``, ``text`` or ``html``, optional ``url``, ``published``, ``lang``), directories
(recursively, sorted by path, hidden files skipped, other extensions skipped silently), and ``-``
(stdin, sniffed: JSONL, HTML or text).

Decoding (:func:`decode_bytes`, :mod:`tidings.read.decode`): byte-order marks, then strict UTF-8,
HTML ``<meta charset>``, Western single-byte and detection, each guess checked by
:func:`plausible_text`; a text no encoding explains is refused.  Text is NFC-normalized and line
ends become ``\\n``.

Bad input never raises out of :func:`iter_documents`: it yields :class:`Failure` and goes on.

Parts: :mod:`tidings.read.common` (Failure, ReadError, limits, ids and keys),
:mod:`tidings.read.decode` (bytes to text, binary checks, sniffing), :mod:`tidings.read.jsonl`
(JSON Lines), :mod:`tidings.read.archives` (WARC, .gz, .zst); this module walks paths and standard
input and reads every opened input through :func:`read_opened`.  Their public names are importable
from ``tidings.read``.
"""
from __future__ import annotations

import os
import sys
from typing import BinaryIO, Iterable, Iterator

from tidings.read.archives import ARCHIVE_EXT, is_archive, read_archive  # (WARC, .gz, .zst)
from tidings.read.common import (HTML_EXT, JSONL_EXT, MAX_BYTES, TEXT_EXT, Failure, ReadError, _content_key,
                                 _doc_id, _holds_event_records, _note_own_output, _os_reason, _real,
                                 is_event_record, safe_name)
from tidings.read.decode import decode_bytes, plausible_text, sniff_kind
from tidings.read.jsonl import _jsonl_docs, jsonl_stream
from tidings.records import RawDocument


SUPPORTED_EXT = TEXT_EXT + HTML_EXT + JSONL_EXT + ARCHIVE_EXT

__all__ = ["Failure", "ReadError", "iter_documents", "decode_bytes", "read_path", "read_opened", "check_options",
           "plausible_text", "sniff_kind", "is_event_record", "safe_name", "jsonl_stream",
           "MAX_BYTES", "TEXT_EXT", "HTML_EXT", "JSONL_EXT", "ARCHIVE_EXT", "SUPPORTED_EXT"]


def check_options(lang: str | None, published: str | None) -> None:
    """Check the ``--lang`` and ``--published`` options given for every document
    (:meth:`tidings.options.RunOptions.parse`); raises :class:`ReadError` ("--lang: ..." /
    "--published: ...") when one is not well-formed."""
    from tidings.options import OptionError, RunOptions

    try:
        RunOptions.parse(lang, published)
    except OptionError as exc:
        raise ReadError(str(exc)) from None


def read_opened(f: BinaryIO, source: str, kind: str | None, defaults: dict) -> Iterator[RawDocument | Failure]:
    """Documents of one opened binary input named ``source``: the one reader under files, folders
    and standard input (archives stream their records through :mod:`tidings.read.archives`).

    ``kind``: ``'jsonl'`` (streamed line by line, :func:`jsonl_stream`), ``'text'`` or ``'html'``
    (one document of at most ``MAX_BYTES``), or None for a stream of unknown kind (standard input:
    at most 4 x ``MAX_BYTES`` read, "empty input" when blank, then sniffed by :func:`sniff_kind`,
    a JSON Lines stream holding many documents).  ``defaults``: ``lang``, ``published``, ``url``.
    A text that holds tidings' own event records is skipped with a warning.  An error reading a
    single document is a Failure ("cannot read stdin: ..." or the OS reason); an error inside a
    JSONL stream propagates."""
    if kind == "jsonl":
        yield from jsonl_stream(f, source, defaults)
        return
    limit = MAX_BYTES if kind else MAX_BYTES * 4  # a JSONL stream on standard input may hold many documents
    try:
        data = f.read(limit + 1)  # a device or a pipe may say size 0 and never end
    except (OSError, ValueError) as exc:
        yield Failure(source, _os_reason(exc) if kind else f"cannot read stdin: {exc}")
        return
    if len(data) > limit:
        yield Failure(source, "too large (more than 50 MB per document)" if kind else
                      "too large (more than 200 MB on standard input); give files instead")
        return
    if kind is None:
        if isinstance(data, str):  # a text stream was passed
            data = data.encode("utf-8")
        if not data.strip():
            yield Failure(source, "empty input")
            return
        kind = sniff_kind(data)
        if kind == "jsonl":
            yield from _jsonl_docs((ln.rstrip(b"\r") for ln in data.split(b"\n")), source, defaults)
            return
        if len(data) > MAX_BYTES:
            yield Failure(source, f"too large ({len(data) / 1e6:.0f} MB > 50 MB per document)")
            return
    item = _single(source, data, kind, defaults)
    if isinstance(item, RawDocument) and item.text is not None and _holds_event_records(item.text):
        _note_own_output(source)  # "tidings code news/ > news/events.txt" read back
        return
    yield item


def _single(path: str, data: bytes, kind: str, defaults: dict) -> RawDocument | Failure:
    try:
        text = decode_bytes(data, path)
    except ReadError as exc:
        return Failure(path, str(exc).split(": ", 1)[1])
    if not text.strip():
        return Failure(path, "empty file")
    return RawDocument(
        doc_id=_doc_id(path),
        text=text if kind == "text" else None,
        html=text if kind == "html" else None,
        url=defaults.get("url"),
        published=defaults.get("published"),
        lang=defaults.get("lang"),
        source=path,
        key="stdin:" + _content_key(text) if path == "-" else _real(path),
    )


def read_path(path: str, *, lang: str | None = None, published: str | None = None,
              url: str | None = None) -> Iterator[RawDocument | Failure]:
    """Documents of one file (``.txt``, ``.html``/``.htm``, ``.jsonl``) or directory (recursive)."""
    defaults = {"lang": lang, "published": published, "url": url}
    if os.path.isdir(path):
        found: list[tuple[tuple[str, ...], str]] = []
        for root, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if name.startswith(".") or not name.lower().endswith(SUPPORTED_EXT):
                    continue
                full = os.path.join(root, name)
                found.append((tuple(os.path.relpath(full, path).split(os.sep)), full))
        if not found:
            yield Failure(safe_name(path), "no readable documents in this folder (expected .txt, .html, .htm "
                                           "or .jsonl files)")
            return
        for _, full in sorted(found):  # sorted by path components: deterministic on every system
            if not os.path.isfile(full):  # FIFOs, devices: never waited on or read without end
                yield Failure(safe_name(full), "not a regular file")
                continue
            yield from _read_file(full, defaults)
        return
    if not os.path.exists(path):
        yield Failure(path, "no such file")
        return
    if not os.path.isfile(path):  # a named pipe or a device: never waited on (use - for a stream)
        yield Failure(safe_name(path), "not a regular file (give - to read a stream from standard input)")
        return
    if not path.lower().endswith(SUPPORTED_EXT):
        ext = os.path.splitext(path)[1] or "(none)"
        yield Failure(path, f"unsupported file type {ext} (expected .txt, .html, .htm, .jsonl, .jsonl.gz, .jsonl.zst, .warc, .warc.gz or a directory)")
        return
    yield from _read_file(path, defaults)


def _read_file(path: str, defaults: dict) -> Iterator[RawDocument | Failure]:
    low = path.lower()
    if is_archive(low):
        yield from read_archive(path, defaults)
        return
    jsonl = low.endswith(JSONL_EXT)
    name = path if jsonl else safe_name(path)
    try:
        if not jsonl and (size := os.path.getsize(path)) > MAX_BYTES:
            yield Failure(name, f"too large ({size / 1e6:.0f} MB > 50 MB per document)")
            return
        f = open(path, "rb")
    except OSError as exc:
        yield Failure(name, _os_reason(exc))
        return
    kind = "jsonl" if jsonl else "html" if low.endswith(HTML_EXT) else "text"
    with f:
        for item in read_opened(f, name, kind, defaults):
            if isinstance(item, RawDocument) and not jsonl:
                item.doc_id = _doc_id(path)
                item.key = _real(path)
            yield item


def iter_documents(paths: Iterable[str], *, lang: str | None = None, published: str | None = None,
                   url: str | None = None, stdin: BinaryIO | None = None, options=None) -> Iterator[RawDocument | Failure]:
    """Yield a RawDocument or a Failure for every input document, in input order.

    ``paths``: files, directories (walked recursively in sorted order) or ``-`` for stdin (read from
    ``stdin``, default ``sys.stdin.buffer``; JSONL vs HTML vs text is sniffed).  ``lang`` (ISO 639-1),
    ``published`` (ISO date/timestamp) and ``url`` apply to every document unless a JSONL line
    gives its own.  doc_id: file name without extension; JSONL: its ``id``, else ``<file>:<line>``.

    Bad input never raises: it yields ``Failure(source, reason)`` (empty, binary, undecodable,
    truncated, too large > 50 MB, no such file, bad JSONL line as ``file.jsonl:7``, unsupported
    file type named explicitly).  An invalid option (``lang``/``published`` not well-formed) yields
    one ``Failure('--lang' | '--published', reason)`` and no documents.  ``options``: a checked
    :class:`tidings.options.RunOptions` to use instead of ``lang``/``published``/``url``.
    """
    if options is None:
        from tidings.options import OptionError, RunOptions

        try:
            options = RunOptions.parse(lang, published, url)
        except OptionError as exc:  # an option that cannot apply to any document: one Failure, no documents
            where, reason = str(exc).split(": ", 1)
            yield Failure(where, reason)
            return
    lang, published, url = options.lang, options.published, options.url
    defaults = {"lang": lang, "published": published, "url": url}
    seen: dict[str, int] = {}
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else (sys.stdin.buffer if sys.stdin is not None else None)
            items = _read_stdin(stream, defaults) if stream is not None else iter([Failure("-", "no standard input")])
        else:
            items = read_path(path, lang=lang, published=published, url=url)
        for item in items:
            if isinstance(item, RawDocument):
                _unique_id(item, seen)
            yield item


def _unique_id(doc: RawDocument, seen: dict[str, int]) -> None:
    """Give a document whose id was already used in this run its source as id ("a/index" and
    "b/index", "good.txt" and "good.html", a repeated JSONL id): the same inputs get the same ids,
    and a store never takes two documents for one."""
    if doc.doc_id in seen:
        doc.doc_id = safe_name(doc.source or f"{doc.doc_id}#{seen[doc.doc_id] + 1}")
    seen[doc.doc_id] = seen.get(doc.doc_id, 0) + 1


def _read_stdin(stream: BinaryIO, defaults: dict) -> Iterator[RawDocument | Failure]:
    """Documents of standard input (JSONL, HTML or text, sniffed); one document is ``stdin``."""
    yield from read_opened(stream, "-", None, defaults)
