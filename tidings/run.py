"""The one document loop: every command and API that codes many documents goes through
:func:`code_documents` (``tidings code``, ``eval``, ``ingest``, ``batch``, ``serve``, ``code_file``).

    for result in code_documents(iter_documents(paths), coder):
        if result.error: ...            # a Failure from the reader or a document the coder refused
        else: result.article, result.events

A bad document never ends the loop: it becomes a result with ``error`` set (one line naming the input)
and the loop goes on with the next one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from tidings.records import Article, Event, RawDocument

__all__ = ["DocResult", "code_documents", "code_one"]


@dataclass
class DocResult:
    """What the loop gives for one input.

    ``source``: the input's name (a path, ``path:line``, ``-`` or the document id); ``doc``: the
    RawDocument read (None when reading failed); ``article`` and ``events``: the cleaned article and
    its events (None and [] on failure); ``error``: the one-line reason it failed, naming the input,
    or None."""

    source: str
    doc: RawDocument | None = None
    article: Article | None = None
    events: list[Event] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the document was read and coded (possibly into zero events)."""
        return self.error is None


def code_one(coder: Any, raw: RawDocument) -> DocResult:
    """Code one RawDocument with ``coder.code_document`` into a :class:`DocResult`; never raises
    for a bad document (a ValueError names it; any other exception is reported as a coder bug for
    that document, and the caller's loop goes on)."""
    from tidings.coder import DocumentError

    name = raw.source or raw.doc_id
    try:
        article, events = coder.code_document(raw)
    except DocumentError as exc:
        return DocResult(name, raw, error=str(exc))
    except ValueError as exc:
        return DocResult(name, raw, error=f"{name}: {exc}")
    except Exception as exc:  # noqa: BLE001 - a bug or a broken library must not end the batch
        return DocResult(name, raw, error=f"{name}: could not be coded ({type(exc).__name__}: {exc})")
    return DocResult(name, raw, article, list(events))


def code_documents(items: Iterable[Any], coder: Any) -> Iterator[DocResult]:
    """Code ``items`` in order, one :class:`DocResult` each.

    ``items``: RawDocument objects and reader failures (``tidings.read.Failure``: anything with
    ``source`` and ``reason``), as :func:`tidings.read.iter_documents` yields them. ``coder``: a
    :class:`tidings.coder.Coder` (or anything with ``code_document(raw) -> (Article, events)``).
    Yields a result per item, failures included, so callers count and report them."""
    for item in items:
        if isinstance(item, RawDocument):
            yield code_one(coder, item)
        else:
            source = str(getattr(item, "source", "?"))
            yield DocResult(source, error=str(item))
