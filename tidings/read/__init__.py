"""Reading inputs: files, directories, JSONL dumps and stdin -> RawDocument (or Failure).

Input kinds (by extension): ``.txt`` (text), ``.html``/``.htm`` (HTML), ``.jsonl`` (one JSON object
a line: ``id``, ``text`` or ``html``, optional ``url``, ``published``, ``lang``), directories
(recursively, sorted by path, hidden files skipped, other extensions skipped silently), and ``-``
(stdin, sniffed: JSONL, HTML or text).

Decoding: BOM (UTF-8, UTF-16 LE/BE, UTF-32) > HTML ``<meta charset>`` > strict UTF-8 > Western
single-byte (cp1252, else latin-1) when the result reads as Western text > charset-normalizer's
best guess.  Text is NFC-normalized and line ends become ``\\n``.

Bad input never raises out of :func:`iter_documents`: it yields :class:`Failure` and goes on.
"""
from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from typing import BinaryIO, Iterable, Iterator

from tidings.records import RawDocument

MAX_BYTES = 50 * 1024 * 1024
TEXT_EXT = (".txt",)
HTML_EXT = (".html", ".htm")
JSONL_EXT = (".jsonl",)
from tidings.read.archives import ARCHIVE_EXT, is_archive, read_archive  # noqa: E402 (WARC, .gz, .zst)

SUPPORTED_EXT = TEXT_EXT + HTML_EXT + JSONL_EXT + ARCHIVE_EXT

__all__ = ["Failure", "ReadError", "iter_documents", "decode_bytes", "read_path", "check_options"]


@dataclass
class Failure:
    """One input that could not be read: ``source`` is a path, ``path:line`` or ``-``."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class ReadError(ValueError):
    """An input that cannot be read or an option that is not valid; the message names it."""


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_WESTERN = set("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœšžÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸŒŠŽ"
               "“”‘’„«»–—…€°ºª¡¿·•§©®\u00a0")


def _normalize(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl > 0.05 * len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark (every other byte zero in ASCII-heavy text), or None."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, enc in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) >= 0.7 * len(zeros):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                return None
            return text if sum(c.isprintable() or c.isspace() for c in text[:2048]) >= 0.95 * min(len(text), 2048) else None
    return None


def _western_ok(text: str) -> bool:
    """Does a single-byte decoding read as Western-European text (few, ordinary accented letters)?"""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    letters = sum(1 for c in text if c.isalpha())
    return all(c in _WESTERN for c in non_ascii) and len(non_ascii) <= 0.3 * max(letters, 1)


def decode_bytes(data: bytes, source: str) -> str:
    """Decode the bytes of one document to NFC text with ``\\n`` line ends.

    Order: BOM, HTML ``<meta charset>``, strict UTF-8, cp1252/latin-1 when the result reads as
    Western text, charset-normalizer.  Raises :class:`ReadError` naming ``source`` for empty input
    ("empty file"), binary data ("binary file, not text"), UTF-8 cut inside a character
    ("truncated file ...") and bytes no encoding explains ("undecodable bytes ...").
    """
    if not data.strip():
        raise ReadError(f"{source}: empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _normalize(data[len(bom):].decode(enc))
            except UnicodeDecodeError as exc:
                raise ReadError(f"{source}: undecodable bytes for its {enc} byte-order mark ({exc.reason} at byte {exc.start})") from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _normalize(utf16)
    if _looks_binary(data):
        raise ReadError(f"{source}: binary file, not text")
    try:
        # bytes that are valid UTF-8 are read as UTF-8, whatever a <meta charset> claims (scraped
        # pages often keep a template's stale declaration)
        return _normalize(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            raise ReadError(f"{source}: truncated file: ends inside a UTF-8 character (byte {exc.start})") from None
        utf8_error = exc
    m = _META_CHARSET.search(data[:4096])
    if m:
        enc = m.group(1).decode("ascii", "replace").lower()
        try:
            return _normalize(data.decode(enc))
        except (LookupError, UnicodeError, ValueError):
            pass  # the declaration lies or is unknown: fall through to detection
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    if bad <= min(10, max(2, len(replaced) // 500)):
        return _normalize(replaced)  # UTF-8 with a few stray bytes: keep it UTF-8, mark the bytes
    for enc in ("cp1252", "latin-1"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _western_ok(text):
            return _normalize(text)
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:
        best = None
    if best is not None and best.encoding:
        text = str(best)
        if sum(c.isalpha() for c in text) >= 0.3 * len(text.replace(" ", "") or "x"):
            return _normalize(text)
    raise ReadError(
        f"{source}: undecodable bytes (not UTF-8: {utf8_error.reason} at byte {utf8_error.start}, "
        f"and no other encoding fits)"
    )


def _check_published(value: str | None, what: str) -> None:
    if value is None:
        return
    from tidings.clean.dates import normalize_given

    if normalize_given(str(value)) is None:
        raise ReadError(f"{what}: published {value!r} is not a publication date (ISO YYYY-MM-DD[THH:MM:SS], from 1800 to now)")


def check_options(lang: str | None, published: str | None) -> None:
    """Check the ``--lang`` and ``--published`` options given for every document; raises
    :class:`ReadError` ("--lang: ..." / "--published: ...") when one is not well-formed."""
    _check_published(published, "--published")
    _check_lang(lang, "--lang")


def _check_lang(value: str | None, what: str) -> None:
    if value is not None and not re.fullmatch(r"[A-Za-z]{2,3}", str(value).strip()):
        raise ReadError(f"{what}: lang {value!r} is not an ISO 639-1 code such as 'es'")


def safe_name(name: str) -> str:
    """A file name fit for ids and one-line messages: bytes that are not UTF-8 (surrogate escapes)
    become U+FFFD and control characters (a newline in a name) are escaped."""
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in name)


def _clean_url(url: str | None) -> str | None:
    """A URL without control or bidirectional-override characters (they would travel into exports)."""
    if not url:
        return None
    return "".join(ch for ch in url if ch.isprintable() and ch not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") or None


def _doc_id(path: str) -> str:
    if path == "-":
        return "stdin"
    base = os.path.basename(path.rstrip("/")) or path
    return safe_name(os.path.splitext(base)[0])


def _jsonl_docs(lines: Iterable[bytes], source: str, defaults: dict) -> Iterator[RawDocument | Failure]:
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
        yield RawDocument(
            doc_id=doc_id,
            text=_normalize(text) if is_text else None,
            html=None if is_text else _normalize(html),
            url=_clean_url(obj.get("url")) or defaults.get("url"),
            published=str(published) if published is not None else None,
            lang=str(lang).strip().lower() if lang else None,
            source=where,
        )


def _read_jsonl_file(path: str, defaults: dict) -> Iterator[RawDocument | Failure]:
    try:
        f = open(path, "rb")
    except OSError as exc:
        yield Failure(path, _os_reason(exc))
        return
    with f:
        head = f.read(8192)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_binary(head):
            yield Failure(path, "binary or UTF-16 file, not JSON Lines (JSONL must be UTF-8 text)")
            return
        f.seek(0)
        any_line = False
        for item in _jsonl_docs(_lines_of(f), path, defaults):
            any_line = True
            yield item
        if not any_line:
            yield Failure(path, "empty file")


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


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "cannot read: permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read: {exc.strerror or exc}"


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
    if low.endswith(JSONL_EXT):
        yield from _read_jsonl_file(path, defaults)
        return
    name = safe_name(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            yield Failure(name, f"too large ({size / 1e6:.0f} MB > 50 MB per document)")
            return
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)  # a device or a pipe may say size 0 and never end
    except OSError as exc:
        yield Failure(name, _os_reason(exc))
        return
    if len(data) > MAX_BYTES:
        yield Failure(name, "too large (more than 50 MB per document)")
        return
    item = _single(name, data, "html" if low.endswith(HTML_EXT) else "text", defaults)
    if isinstance(item, RawDocument):
        item.doc_id = _doc_id(path)
    yield item


def sniff_kind(data: bytes) -> str:
    """``'jsonl'``, ``'html'`` or ``'text'`` for bytes of unknown kind (stdin)."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048]
    lines = [ln for ln in data[:200_000].split(b"\n")[:20] if ln.strip()]
    if len(lines) >= 2 and sum(ln.lstrip().startswith(b"{") and ln.rstrip().endswith(b"}") for ln in lines) * 2 > len(lines):
        return "jsonl"  # most lines are JSON objects: JSON Lines, even if the first one is cut
    if head.startswith(b"{"):
        first = head.split(b"\n", 1)[0].strip()
        try:
            if isinstance(json.loads(first.decode("utf-8", "replace")), dict):
                return "jsonl"
        except json.JSONDecodeError:
            # a first line cut at 2 kB may still be JSON: decide on the whole first line
            line = data.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
            try:
                if isinstance(json.loads(line.decode("utf-8", "replace")), dict):
                    return "jsonl"
            except json.JSONDecodeError:
                pass
    if re.match(rb"\s*<(?:!doctype|html|head|body|article|div|p|meta|\?xml)\b", head, re.I) or re.search(
        rb"<(?:html|body|p|div|article)\b[^>]*>", head, re.I
    ):
        return "html"
    return "text"


def iter_documents(paths: Iterable[str], *, lang: str | None = None, published: str | None = None,
                   url: str | None = None, stdin: BinaryIO | None = None) -> Iterator[RawDocument | Failure]:
    """Yield a RawDocument or a Failure for every input document, in input order.

    ``paths``: files, directories (walked recursively in sorted order) or ``-`` for stdin (read from
    ``stdin``, default ``sys.stdin.buffer``; JSONL vs HTML vs text is sniffed).  ``lang`` (ISO 639-1),
    ``published`` (ISO date/timestamp) and ``url`` apply to every document unless a JSONL line
    gives its own.  doc_id: file name without extension; JSONL: its ``id``, else ``<file>:<line>``.

    Bad input never raises: it yields ``Failure(source, reason)`` (empty, binary, undecodable,
    truncated, too large > 50 MB, no such file, bad JSONL line as ``file.jsonl:7``, unsupported
    file type named explicitly).  An invalid option (``lang``/``published`` not well-formed) yields
    one ``Failure('--lang' | '--published', reason)`` and no documents.
    """
    try:
        check_options(lang, published)
    except ReadError as exc:  # an option that cannot apply to any document: one Failure, no documents
        where, reason = str(exc).split(": ", 1)
        yield Failure(where, reason)
        return
    lang = lang.strip().lower() if lang else None
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
    try:
        data = stream.read(MAX_BYTES * 4 + 1)  # a JSONL stream may hold many documents
    except (OSError, ValueError) as exc:
        yield Failure("-", f"cannot read stdin: {exc}")
        return
    if len(data) > MAX_BYTES * 4:
        yield Failure("-", "too large (more than 200 MB on standard input); give files instead")
        return
    if isinstance(data, str):  # a text stream was passed
        data = data.encode("utf-8")
    if not data.strip():
        yield Failure("-", "empty input")
        return
    kind = sniff_kind(data)
    if kind == "jsonl":
        yield from _jsonl_docs((ln.rstrip(b"\r") for ln in data.split(b"\n")), "-", defaults)
        return
    if len(data) > MAX_BYTES:
        yield Failure("-", f"too large ({len(data) / 1e6:.0f} MB > 50 MB per document)")
        return
    item = _single("-", data, kind, defaults)
    if isinstance(item, RawDocument):
        item.doc_id = "stdin"
    yield item
