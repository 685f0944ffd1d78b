"""Per-run options: what a caller states for every document of a run (``--lang``, ``--published``,
``--url``, a crawl time), checked once, here, and applied to each document that lacks its own."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from tidings.records import RawDocument

__all__ = ["OptionError", "RunOptions"]


class OptionError(ValueError):
    """An option that cannot apply to any document; the message starts with the option's name
    (``--lang: ...``, ``--published: ...``)."""


@dataclass(frozen=True)
class RunOptions:
    """Checked per-run options.  ``lang``: ISO 639-1, lower case; ``published``: an ISO 8601 date or
    timestamp (as given), not after tomorrow; ``url``: the source URL; ``crawled``: ISO
    timestamp of the fetch.  Build with :meth:`parse`."""

    lang: str | None = None
    published: str | None = None
    url: str | None = None
    crawled: str | None = None

    @classmethod
    def parse(cls, lang: str | None = None, published: str | None = None, url: str | None = None,
              crawled: str | None = None, *, today: dt.date | None = None) -> "RunOptions":
        """Check and normalize the options.  Raises :class:`OptionError` naming the option: a
        language that is not a 2-3 letter code, a publication date that is not ISO 8601 (years
        1800 to next year) or is after tomorrow (``today``: default the current date), a crawl time
        that is not ISO 8601."""
        from tidings.when import normalize_given

        if lang is not None and not re.fullmatch(r"[A-Za-z]{2,3}", str(lang).strip()):
            raise OptionError(f"--lang: lang {lang!r} is not an ISO 639-1 code such as 'es'")
        iso = None
        if published is not None:
            iso = normalize_given(str(published))
            if iso is None:
                raise OptionError(f"--published: published {published!r} is not a publication date "
                                  f"(ISO YYYY-MM-DD[THH:MM:SS], from 1800 to now)")
            if iso[:10] > ((today or dt.date.today()) + dt.timedelta(days=1)).isoformat():
                raise OptionError(f"--published: {published!r}: a publication date cannot be in the future")
        crawl = None
        if crawled is not None:
            crawl = normalize_given(str(crawled))
            if crawl is None:
                raise OptionError(f"--crawled: {crawled!r} is not an ISO 8601 timestamp")
        # the publication date is kept as given (checked): it is part of a document's content hash
        return cls(str(lang).strip().lower() if lang is not None else None,
                   str(published) if published is not None else None, url or None, crawl)

    def apply(self, raw: RawDocument) -> RawDocument:
        """``raw`` with the options filled in where the document gives none (its own values win)."""
        changes = {k: v for k, v in (("lang", self.lang), ("published", self.published), ("url", self.url),
                                     ("crawled", self.crawled)) if v is not None and getattr(raw, k, None) is None}
        return replace(raw, **changes) if changes else raw
