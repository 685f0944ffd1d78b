"""JSON Lines inputs: one JSON object a line with ``id``, ``text`` or ``html``, and optional
``url``, ``published`` and ``lang``.

:func:`_jsonl_docs` turns lines (bytes, without their line ends) into RawDocument or Failure
(``file.jsonl:7`` and the reason: not JSON, not an object, no text, a field of the wrong type, a
line over 50 MB); a first line that is one of tidings' own event records makes the whole input
skipped with a warning.  :func:`jsonl_stream` reads an opened ``.jsonl`` file line by line
(memory does not grow with the file); the archive readers (tidings.read.archives) and standard
input pass their own lines.
"""
from __future__ import annotations

import json
from typing import BinaryIO, Iterable, Iterator

from tidings.read.common import (MAX_BYTES, Failure, ReadError, _check_lang, _check_published, _clean_url,
                                 _content_key, _doc_id, _note_own_output, _real, is_event_record, safe_name)
from tidings.read.decode import _looks_binary, _normalize
from tidings.records import RawDocument


def _unencodable(obj: dict) -> str | None:
    """The reason a JSONL record's id or text field cannot be stored as UTF-8 (a lone surrogate
    such as ``"\\ud800"``), or None."""
    for k in ("id", "text", "html", "url", "published", "lang"):
        v = obj.get(k)
        if isinstance(v, str):
            try:
                v.encode("utf-8")
            except UnicodeEncodeError as exc:
                return (f"field {k!r} holds text that cannot be encoded as UTF-8 ({exc.reason} "
                        f"at character {exc.start})")
    return None


def _jsonl_docs(lines: Iterable[bytes], source: str, defaults: dict) -> Iterator[RawDocument | Failure]:
    first = True
    for n, raw in enumerate(lines, 1):
        where = f"{source}:{n}"
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        if len(raw) > MAX_BYTES:
            yield Failure(where, f"too large ({len(raw) / 1e6:.0f} MB > 50 MB per document)")
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Failure(where, f"undecodable bytes (JSONL must be UTF-8: {exc.reason} at byte {exc.start})")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"not valid JSON ({exc.msg}, column {exc.colno})")
            continue
        except RecursionError:
            yield Failure(where, "JSON nested too deeply")
            continue
        if not isinstance(obj, dict):
            yield Failure(where, f"expected a JSON object, got {type(obj).__name__}")
            continue
        if first and is_event_record(obj):
            _note_own_output(source)
            return
        first = False
        text, html = obj.get("text"), obj.get("html")
        if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
            yield Failure(where, "no 'text' or 'html' field with content")
            continue
        wrong = [k for k in ("url", "published", "lang") if obj.get(k) is not None and not isinstance(obj[k], str)]
        if obj.get("id") is not None and not isinstance(obj["id"], (str, int)):
            wrong.insert(0, "id")
        if wrong:
            yield Failure(where, f"field {wrong[0]!r} must be a string, got {type(obj[wrong[0]]).__name__}")
            continue
        bad = _unencodable(obj)
        if bad:
            yield Failure(where, bad)
            continue
        published = obj.get("published") if obj.get("published") not in (None, "") else defaults.get("published")
        lang = obj.get("lang") if obj.get("lang") not in (None, "") else defaults.get("lang")
        try:
            _check_published(published, where)
            _check_lang(lang, where)
        except ReadError as exc:
            yield Failure(where, str(exc).split(": ", 1)[1])
            continue
        doc_id = obj.get("id")
        doc_id = safe_name(str(doc_id)) if doc_id not in (None, "") else f"{_doc_id(source)}:{n}"
        is_text = isinstance(text, str) and text.strip()
        url = _clean_url(obj.get("url"))
        if obj.get("id") not in (None, ""):
            key = safe_name(str(obj["id"]))
        elif url:
            key = url
        elif source == "-":
            key = "stdin:" + _content_key(text if is_text else html)
        else:
            key = f"{_real(source)}:{n}"
        yield RawDocument(
            doc_id=doc_id,
            text=_normalize(text) if is_text else None,
            html=None if is_text else _normalize(html),
            url=url or defaults.get("url"),
            published=str(published) if published is not None else None,
            lang=str(lang).strip().lower() if lang else None,
            source=where,
            key=key,
        )


def jsonl_stream(f: BinaryIO, source: str, defaults: dict) -> Iterator[RawDocument | Failure]:
    """Documents of an opened binary ``.jsonl`` input named ``source``, streamed line by line.

    ``defaults``: ``lang``, ``published``, ``url`` for lines that give none.  A file that starts
    with a UTF-16 byte-order mark or looks binary is one Failure; a file with no line at all is
    "empty file".  Read errors (OSError) propagate to the caller."""
    head = f.read(8192)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_binary(head):
        yield Failure(source, "binary or UTF-16 file, not JSON Lines (JSONL must be UTF-8 text)")
        return
    f.seek(0)
    any_line = False
    for item in _jsonl_docs(_lines_of(f), source, defaults):
        any_line = True
        yield item
    if not any_line and not head.strip():  # (a file of our own event records yields nothing)
        yield Failure(source, "empty file")


def _lines_of(f) -> Iterator[bytes]:
    """Lines of a binary file, each read at most MAX_BYTES + 1 bytes at a time (a longer line is
    passed on cut, and reported as too large, without holding gigabytes in memory)."""
    while True:
        line = f.readline(MAX_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while True:  # skip the rest of the overlong line
                rest = f.readline(MAX_BYTES)
                if not rest or rest.endswith(b"\n"):
                    break
        yield line.rstrip(b"\r\n")
