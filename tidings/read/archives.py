"""Streaming readers for crawl archives and compressed dumps: WARC, WARC.gz, JSONL.gz, JSONL.zst.

Every reader streams: it holds one record (at most ``MAX_BYTES`` of payload) at a time, so memory does
not grow with the size of the file.  Bad input never raises: a bad record is a :class:`Failure` and
the reader goes on; a file damaged part-way (a truncated gzip member, a WARC cut inside a record,
bytes that are not a WARC record) keeps every record before the damage and ends with one Failure
naming the file, the record and the byte offset where the damage starts.

WARC (ISO 28500:2017, WARC 1.0/1.1, read with ``warcio``):

* ``response`` records with an HTTP 2xx status and an HTML (``text/html``, ``application/xhtml+xml``)
  or plain-text payload; ``resource`` records and ``conversion`` records (Common Crawl WET text) with
  such a ``Content-Type``.  Other records (``request``, ``metadata``, ``warcinfo``, ``revisit``,
  images, redirects, errors) are skipped silently: they are not articles.
* ``WARC-Target-URI`` -> ``RawDocument.url``; ``WARC-Date`` -> ``RawDocument.crawled`` (the crawl
  time, used as the publication date only when the page gives none).
* doc_id ``<file stem>:<n>`` and source ``<path>:<n>``, ``n`` the 1-based number of the record in
  the file (every record counts, so the number finds the record again); ``key`` (the store's
  identity of the document) is the target URI, else ``<real path>:<n>``.

JSONL.gz / JSONL.zst: the lines of the decompressed stream, read exactly like ``.jsonl`` (one JSON
object a line with ``text`` or ``html``; doc_id ``<file stem>:<line>`` unless the line has an ``id``).
"""
from __future__ import annotations

import io
import os
import re
import zlib
from typing import Iterator

from tidings.read.common import MAX_BYTES, Failure, ReadError, _clean_url, _doc_id, _os_reason, _real, safe_name
from tidings.read.decode import _normalize, decode_bytes
from tidings.read.jsonl import _jsonl_docs
from tidings.records import RawDocument

ARCHIVE_EXT = (".warc", ".warc.gz", ".jsonl.gz", ".jsonl.zst")
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)

__all__ = ["ARCHIVE_EXT", "is_archive", "read_archive", "archive_stem"]


def is_archive(path: str) -> bool:
    """True for a path this module reads (by its extension, case-insensitive)."""
    return path.lower().endswith(ARCHIVE_EXT)


def archive_stem(path: str) -> str:
    """The file name without its archive extensions: ``crawl-00001.warc.gz`` -> ``crawl-00001``."""
    base = os.path.basename(path)
    low = base.lower()
    for ext in sorted(ARCHIVE_EXT, key=len, reverse=True):
        if low.endswith(ext):
            return safe_name(base[: -len(ext)] or base)
    return safe_name(os.path.splitext(base)[0])


def read_archive(path: str, defaults: dict) -> Iterator[RawDocument | Failure]:
    """Documents of one archive file (WARC, WARC.gz, JSONL.gz or JSONL.zst), streamed.

    ``defaults``: ``lang``, ``published``, ``url`` given for every document (a JSONL line's own
    fields win; a WARC record's URI wins over ``url``).  Yields RawDocument or Failure; never raises."""
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield Failure(path, _os_reason(exc))
        return
    with fh:
        if os.fstat(fh.fileno()).st_size == 0:
            yield Failure(path, "empty file")
            return
        low = path.lower()
        if low.endswith((".warc", ".warc.gz")):
            yield from _read_warc(path, fh, defaults)
        else:
            yield from _read_packed_jsonl(path, fh, defaults)


# -- JSONL.gz / JSONL.zst ------------------------------------------------------------------------

class _Lines:
    """Lines (without their line end) of the buffered stream over an :class:`Inflated` one, counting
    lines and decompressed bytes.  A last line that the damage cut short (no line end) is dropped:
    it is the damaged record, reported once by the caller.  A line over MAX_BYTES is passed on cut
    (the JSONL reader reports it as too large) and the rest of it skipped."""

    def __init__(self, stream, raw: "Inflated"):
        self.stream, self.raw = stream, raw
        self.lines = 0
        self.bytes = 0

    def __iter__(self):
        while True:
            line = self.stream.readline(MAX_BYTES + 1)
            if not line or (self.raw.damage and not line.endswith(b"\n") and len(line) <= MAX_BYTES):
                return
            self.lines += 1
            self.bytes += len(line)
            if len(line) > MAX_BYTES and not line.endswith(b"\n"):
                while True:
                    rest = self.stream.readline(MAX_BYTES)
                    self.bytes += len(rest)
                    if not rest or rest.endswith(b"\n"):
                        break
            yield line.rstrip(b"\r\n")


class Inflated(io.RawIOBase):
    """A read-only raw stream of the decompressed bytes of a gzip (``kind='gzip'``, every member
    of a multi-member file, as WARC.gz writes one per record) or Zstandard (``kind='zstd'``, every
    frame) file object.  It hands out every byte that decompresses before any damage, then ends
    as if the data ended there and sets ``damage`` (why: the file ends inside a member or frame, or
    corrupt data), so a reader keeps every complete record before the damage and reports it (an
    exception would lose what a buffered read had already gathered).  ``tell_in()`` is the
    compressed offset read so far; ``out`` the decompressed bytes given out."""

    CHUNK = 1 << 16

    def __init__(self, fh, kind: str):
        super().__init__()
        self.fh, self.kind = fh, kind
        self.out = 0
        self._buf = b""
        self._obj = None
        self._done = False
        self.damage: str | None = None

    def _new(self):
        if self.kind == "zstd":
            import zstandard

            return zstandard.ZstdDecompressor().decompressobj()
        return zlib.decompressobj(wbits=31)

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while not self._buf and not self._done:
            self._fill()
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        self.out += n
        return n

    def _fill(self) -> None:
        data = self.fh.read(self.CHUNK)
        if not data:
            if self._obj is not None and not self._obj.eof:
                self.damage = f"the file ends inside a {self.kind} {'frame' if self.kind == 'zstd' else 'member'}"
            self._done = True
            return
        while data:
            if self._obj is None or self._obj.eof:
                if self._obj is not None and not data.strip(b"\x00"):
                    return  # zero padding after the last member
                self._obj = self._new()
            try:
                self._buf += self._obj.decompress(data)
            except Exception as exc:  # zlib.error, zstandard.ZstdError: corrupt data
                self.damage, self._done = f"corrupt {self.kind} data: {exc}", True
                return
            data = self._obj.unused_data if self._obj.eof else b""

    def tell_in(self) -> int:
        return _tell(self.fh)


def _read_packed_jsonl(path: str, fh, defaults: dict) -> Iterator:
    kind = "zstd" if path.lower().endswith(".zst") else "gzip"
    raw = Inflated(fh, kind)
    lines = _Lines(io.BufferedReader(raw, buffer_size=1 << 16), raw)
    stem, plain_stem = archive_stem(path), _plain_stem(path)
    any_doc = False
    for item in _jsonl_docs(lines, path, defaults):
        any_doc = True
        if isinstance(item, RawDocument) and item.doc_id.startswith(plain_stem + ":"):
            tail = item.doc_id[len(plain_stem) + 1:]
            if item.source == f"{path}:{tail}":  # the default id <file>:<line>: name it by its stem
                item.doc_id = f"{stem}:{tail}"
        yield item
    if raw.damage:
        yield Failure(f"{path}:{lines.lines + 1}",
                      f"damaged {kind} stream ({raw.damage}) at byte {lines.bytes} of the decompressed data "
                      f"(compressed file read to byte {raw.tell_in()}); the {lines.lines} line(s) before it were kept")
    elif not any_doc:
        yield Failure(path, "empty file")


def _plain_stem(path: str) -> str:
    return _doc_id(path)


def _tell(fh) -> int:
    try:
        return fh.tell()
    except (OSError, ValueError):
        return -1


# -- WARC ---------------------------------------------------------------------------------------

def _read_warc(path: str, fh, defaults: dict) -> Iterator:
    from warcio.archiveiterator import WARCIterator

    size = os.fstat(fh.fileno()).st_size
    stem = archive_stem(path)
    raw = None
    if path.lower().endswith(".gz"):  # inflate here: warcio passes a cut gzip member over in silence
        raw = Inflated(fh, "gzip")
        fh = io.BufferedReader(raw, buffer_size=1 << 16)
    it = WARCIterator(fh)  # WARC only: warcio's ArchiveIterator would take any text for ARC records

    def at(offset: int) -> str:
        if raw is None:
            return f"byte offset {offset}"
        return f"byte offset {offset} of the decompressed WARC (compressed file read to byte {raw.tell_in()})"

    n = 0
    try:
        for record in it:
            n += 1
            item, missing = _warc_item(record, path, stem, n, defaults)
            if missing:
                yield Failure(f"{path}:{n}", f"truncated WARC record at {at(it.get_record_offset())} (its content "
                                             f"ends {missing} bytes early); the {n - 1} record(s) before it were kept")
                return
            if getattr(it, "err_count", 0):  # warcio found no blank line after it: a wrong Content-Length
                yield Failure(f"{path}:{n}", f"damaged WARC before byte offset {at(it.get_record_offset())[12:]}: "
                                             f"record {n - 1} is followed by stray bytes (a wrong Content-Length); "
                                             f"the {n - 1} record(s) before were kept")
                return
            if item is not None:
                yield item
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on damaged input; none may escape
        yield Failure(f"{path}:{n + 1}", f"damaged WARC at {at(getattr(it, 'offset', 0) or 0)} "
                                         f"({type(exc).__name__}: {exc}); the {n} record(s) before it were kept")
        return
    end = getattr(it, "offset", size)
    if raw is not None and raw.damage:
        yield Failure(f"{path}:{n + 1}", f"damaged WARC.gz at {at(end)}: {raw.damage}; "
                                         f"the {n} record(s) before it were kept")
    elif n == 0:
        yield Failure(path, "not a WARC file (no WARC record found)")
    elif raw is None and end < size:
        yield Failure(f"{path}:{n + 1}", f"damaged WARC at {at(end)}: the last {size - end} bytes are not a "
                                         f"complete record; the {n} record(s) before it were kept")


def _media_type(value: str | None) -> tuple[str, str | None]:
    """(``type/subtype`` lower-cased, charset or None) of a Content-Type header value."""
    if not value:
        return "", None
    parts = value.split(";")
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", value, re.I)
    return parts[0].strip().lower(), (m.group(1).lower() if m else None)


def _warc_item(record, path: str, stem: str, n: int, defaults: dict):
    """(RawDocument, Failure or None; bytes missing when the record is cut short)."""
    kind = record.rec_type
    if kind == "response":
        if record.http_headers is None:
            return None, 0
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None, 0
        ctype, charset = _media_type(record.http_headers.get_header("Content-Type"))
    elif kind in ("resource", "conversion"):
        ctype, charset = _media_type(record.rec_headers.get_header("Content-Type"))
    else:
        return None, 0
    if ctype not in HTML_TYPES + TEXT_TYPES:
        return None, 0
    where = f"{path}:{n}"
    try:
        data = record.content_stream().read(MAX_BYTES + 1)
    except Exception as exc:  # noqa: BLE001 - a broken Content-Encoding or chunked body
        return Failure(where, f"unreadable payload ({type(exc).__name__}: {exc})"), 0
    if len(data) > MAX_BYTES:
        return Failure(where, "too large (more than 50 MB per document)"), 0
    missing = getattr(record.raw_stream, "limit", 0) or 0
    if missing:
        return None, missing
    text = _decode_payload(data, charset, where)
    if isinstance(text, Failure):
        return text, 0
    uri = record.rec_headers.get_header("WARC-Target-URI")
    crawled = (record.rec_headers.get_header("WARC-Date") or "").strip() or None
    is_html = ctype in HTML_TYPES
    return RawDocument(
        doc_id=f"{stem}:{n}",
        text=None if is_html else text,
        html=text if is_html else None,
        url=_clean_url(uri) or defaults.get("url"),
        published=defaults.get("published"),
        lang=defaults.get("lang"),
        source=where,
        crawled=_crawl_time(crawled),
        key=_clean_url(uri) or f"{_real(path)}:{n}",  # the store's identity: the record's URL (docs/store.md)
    ), 0


def _crawl_time(value: str | None) -> str | None:
    """``WARC-Date`` (W3C-DTF, UTC: ``2024-03-14T10:20:00Z``) as ``YYYY-MM-DDTHH:MM:SS``, or None."""
    if not value:
        return None
    m = re.match(r"(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?", value)
    if not m:
        return None
    return m.group(1) + (f"T{m.group(2)}" if m.group(2) else "")


def _decode_payload(data: bytes, charset: str | None, where: str):
    """Text of a payload: valid UTF-8 first, then the HTTP header's charset, then the reader's
    detection (tidings.read.decode_bytes); a Failure naming ``where`` when nothing fits."""
    if charset and charset not in ("utf-8", "utf8") and data.strip():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return _normalize(data.decode(charset))
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong or unknown declaration: detect
    try:
        return decode_bytes(data, where)
    except ReadError as exc:
        return Failure(where, str(exc).removeprefix(f"{where}: "))
