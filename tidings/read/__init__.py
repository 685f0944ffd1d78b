"""Reading inputs: files, directories, JSONL dumps and stdin -> RawDocument (or Failure).

Input kinds (by extension): ``.txt`` (text), ``.html``/``.htm`` (HTML), ``.jsonl`` (one JSON object
a line: ``id``, ``text`` or ``html``, optional ``url``, ``published``, ``lang``), directories
(recursively, sorted by path, hidden files skipped, other extensions skipped silently), and ``-``
(stdin, sniffed: JSONL, HTML or text).

Decoding: BOM (UTF-8, UTF-16 LE/BE, UTF-32) > UTF-16/32 without a BOM (charset-normalizer) >
HTML ``<meta charset>`` > strict UTF-8 > Western single-byte (cp1252, else latin-1) when the result
reads as Western text > charset-normalizer among the single-byte encodings of our languages, then
among all; a guess is kept only when it reads as text in one script (:func:`plausible_text`),
else the document is refused.  Text is NFC-normalized and line ends become ``\\n``.

Bad input never raises out of :func:`iter_documents`: it yields :class:`Failure` and goes on.
"""
from __future__ import annotations

import json
import logging
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from typing import BinaryIO, Iterable, Iterator

from tidings.records import RawDocument

_log = logging.getLogger("tidings.read")

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


# Encodings tried by charset-normalizer for documents that are not UTF-8: the single-byte and
# wide encodings of the languages tidings codes (en es fr pt de it ru ar).
_WIDE = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]
_SINGLE_BYTE = ["cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866", "mac_cyrillic", "cp1256", "iso8859_6",
                "cp1252", "iso8859_15", "cp1250", "iso8859_2"]


def _script(ch: str) -> str:
    """The script of a letter as the first word of its Unicode name (LATIN, CYRILLIC, ARABIC, CJK...)."""
    try:
        return unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return "?"


def plausible_text(text: str) -> bool:
    """Does decoded text read as text in one writing system, not mojibake?

    Rules (all must hold): at most 2 % control or unassigned characters; at least 80 % of the
    letters in one script (a wrong single-byte or UTF-16 guess mixes scripts), and in Latin
    script at most 35 % accented letters (Cyrillic bytes read as cp1250); no word starting
    with a combining mark (Arabic read from Cyrillic bytes); at most one word in ten with a
    capital after a small letter (KOI8-R read as cp1251 swaps the case); few
    word-final-only Arabic letters inside words; few words mixing two scripts."""
    sample = text[:20000]
    if not sample.strip():
        return False
    bad = sum(1 for c in sample if unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs") and c not in "\t\n\r\f")
    if bad > 0.02 * len(sample):
        return False
    letters = [c for c in sample if c.isalpha()]
    if letters:
        counts: dict[str, int] = {}
        for c in letters:
            sc = _script(c)
            counts[sc] = counts.get(sc, 0) + 1
        script, n = max(counts.items(), key=lambda kv: kv[1])
        if n < 0.8 * len(letters):
            return False
        if script == "LATIN" and sum(1 for c in letters if ord(c) > 127) > 0.35 * len(letters):
            return False  # "Ěîńęâŕ": Cyrillic bytes read as a Latin code page
    words = sample.split()
    if any(unicodedata.category(w[0]) == "Mn" for w in words):
        return False
    bare = ["".join(c for c in w if c.isalpha()) for w in words]
    flipped = sum(1 for w in bare if len(w) >= 3 and any(a.islower() and b.isupper() for a, b in zip(w, w[1:])))
    if flipped > 0.1 * len(words):
        return False
    mixed = sum(1 for w in words if len({_script(c) for c in w if c.isalpha()}) > 1)
    if mixed > 0.1 * len(words):
        return False  # "èزارة": one word in two scripts
    # Arabic letters that only end a word (teh marbuta, alef maksura) inside words: Cyrillic bytes
    # read as cp1256
    inner = len(_FINAL_ONLY_INSIDE.findall(sample))
    return not (words and inner > 0.1 * len(words))


_FINAL_ONLY_INSIDE = re.compile("[\u0629\u0649][\u0621-\u064a]")


def _detect(data: bytes, encodings: list[str] | None) -> str | None:
    """charset-normalizer's readings of ``data`` (limited to ``encodings`` when given), best first;
    the first that :func:`plausible_text` accepts, or None."""
    try:
        from charset_normalizer import from_bytes

        matches = from_bytes(data, cp_isolation=encodings) if encodings else from_bytes(data)
    except Exception:  # noqa: BLE001 - a detector bug must not end the batch; the caller refuses
        return None
    for m in matches:
        try:
            text = str(m)
        except Exception:  # noqa: BLE001
            continue
        if plausible_text(text):
            return text
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

    Order: BOM, UTF-16/32 without BOM (bytes that look binary), HTML ``<meta charset>``, strict
    UTF-8, cp1252/latin-1 when the result reads as Western text, charset-normalizer (single-byte
    encodings of en es fr pt de it ru ar first), each guess checked by :func:`plausible_text`
    (never mojibake: a text no reading explains is refused).  Raises :class:`ReadError` naming ``source`` for empty input
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
    if _looks_binary(data):
        wide = _detect(data, _WIDE)  # UTF-16/32 without a byte-order mark (any script)
        if wide is not None:
            return _normalize(wide)
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
    real_utf8 = any(ord(c) > 127 and c != "\ufffd" for c in replaced)
    if real_utf8 and bad <= min(10, max(2, len(replaced) // 500)):
        return _normalize(replaced)  # UTF-8 with a few stray bytes: keep it UTF-8, mark the bytes
    for enc in ("cp1252", "latin-1"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _western_ok(text):
            return _normalize(text)
    text = _detect(data, _SINGLE_BYTE) or _detect(data, None)
    if text is not None:
        return _normalize(text)
    raise ReadError(
        f"{source}: undecodable bytes (not UTF-8: {utf8_error.reason} at byte {utf8_error.start}, "
        f"and no other encoding gives readable text)"
    )


def _check_published(value: str | None, what: str) -> None:
    if value is None:
        return
    from tidings.when import normalize_given

    if normalize_given(str(value)) is None:
        raise ReadError(f"{what}: published {value!r} is not a publication date (ISO YYYY-MM-DD[THH:MM:SS], from 1800 to now)")


def check_options(lang: str | None, published: str | None) -> None:
    """Check the ``--lang`` and ``--published`` options given for every document
    (:meth:`tidings.options.RunOptions.parse`); raises :class:`ReadError` ("--lang: ..." /
    "--published: ...") when one is not well-formed."""
    from tidings.options import OptionError, RunOptions

    try:
        RunOptions.parse(lang, published)
    except OptionError as exc:
        raise ReadError(str(exc)) from None


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


_EVENT_KEYS = frozenset({"event_type", "cameo_code", "trigger"})


def is_event_record(obj: object) -> bool:
    """Is a JSON object one of tidings' own event records (``tidings code`` output, ``export
    --format jsonl`` or ``plover``) rather than an article?  True when it has no ``text``/``html``
    and has the event record's ``event_type``, ``cameo_code`` and ``trigger``, or is a PLOVER
    record written by tidings (``coder: "tidings"``)."""
    if not isinstance(obj, dict) or obj.get("text") or obj.get("html"):
        return False
    return _EVENT_KEYS <= obj.keys() or (obj.get("coder") == "tidings" and "event" in obj)


def _note_own_output(source: str) -> None:
    """Say (logger ``tidings.read``, a warning: printed on stderr when logging is not set up) that
    an input holding our own event records is skipped."""
    _log.warning("%s: skipped: it holds tidings event records (output of `tidings code` or "
                 "`tidings export`), not articles", safe_name(source))


def _content_key(text: str | None) -> str:
    """16 hex digits of the SHA-256 of a document's text: the identity of a document without a
    stable source (standard input)."""
    import hashlib

    return hashlib.sha256((text or "").encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _real(path: str) -> str:
    """The canonical absolute path of a file (symlinks resolved), fit for ids (see safe_name)."""
    try:
        return safe_name(os.path.realpath(path))
    except (OSError, ValueError):
        return safe_name(os.path.abspath(path))


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
        if not any_line and not head.strip():  # (a file of our own event records yields nothing)
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
        if item.text is not None and _holds_event_records(item.text):
            _note_own_output(path)  # "tidings code news/ > news/events.txt" read back
            return
        item.doc_id = _doc_id(path)
        item.key = _real(path)
    yield item


def _holds_event_records(text: str) -> bool:
    """Does a text's first line hold one of our own event records as JSON?"""
    first = text.lstrip().split("\n", 1)[0]
    if not first.startswith("{"):
        return False
    try:
        return is_event_record(json.loads(first))
    except (ValueError, RecursionError):
        return False


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
