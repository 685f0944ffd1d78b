"""Bytes to text: byte-order marks, encoding detection, binary checks and the kind of a stream.

Decoding order (:func:`decode_bytes`): BOM (UTF-8, UTF-16 LE/BE, UTF-32) > UTF-16/32 without a BOM
(charset-normalizer) > strict UTF-8 > HTML ``<meta charset>`` > Western single-byte (cp1252, else
latin-1) when the result reads as Western text > charset-normalizer among the single-byte encodings
of our languages, then among all; a guess is kept only when it reads as text in one script
(:func:`plausible_text`), else the document is refused.  Text is NFC-normalized and line ends
become ``\\n``.  :func:`sniff_kind` tells JSON Lines, HTML and text apart in bytes of unknown kind
(standard input).
"""
from __future__ import annotations

import json
import re
import unicodedata

from tidings.read.common import ReadError


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
