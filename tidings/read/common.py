"""What every reader shares: the record of an input that failed, the error for bad inputs and
options, size limits, extensions, and the names, ids and keys a document gets from its source.

:class:`Failure` is what a reader yields instead of raising; :class:`ReadError` what
:func:`tidings.read.decode_bytes` and :func:`tidings.read.check_options` raise.  A document's
``doc_id`` comes from its file name (:func:`_doc_id`), its ``key`` (the store's identity of a
document, docs/store.md) from its real path, URL or content (:func:`_real`, :func:`_content_key`).
"""
from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass

_log = logging.getLogger("tidings.read")


MAX_BYTES = 50 * 1024 * 1024
TEXT_EXT = (".txt",)
HTML_EXT = (".html", ".htm")
JSONL_EXT = (".jsonl",)


@dataclass
class Failure:
    """One input that could not be read: ``source`` is a path, ``path:line`` or ``-``."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class ReadError(ValueError):
    """An input that cannot be read or an option that is not valid; the message names it."""


def _check_published(value: str | None, what: str) -> None:
    if value is None:
        return
    from tidings.when import normalize_given

    if normalize_given(str(value)) is None:
        raise ReadError(f"{what}: published {value!r} is not a publication date (ISO YYYY-MM-DD[THH:MM:SS], from 1800 to now)")


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


def _os_reason(exc: OSError | ValueError) -> str:
    """The reason an input could not be opened or read, for a Failure."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "cannot read: permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read: {getattr(exc, 'strerror', None) or exc}"


def _holds_event_records(text: str) -> bool:
    """Does a text's first line hold one of our own event records as JSON?"""
    first = text.lstrip().split("\n", 1)[0]
    if not first.startswith("{"):
        return False
    try:
        return is_event_record(json.loads(first))
    except (ValueError, RecursionError):
        return False
