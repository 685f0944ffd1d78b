"""Stage ``date``: each event's date from its sentence, the dateline and the publication date."""
from __future__ import annotations

import datetime as dt
import re

from tidings.coder.record import CodingDoc
from tidings.records import Article


#: an event its own sentence dates this many days or more before publication is background
HISTORY_DAYS = 31


class DateStage:
    """``doc.drafts`` -> each event's ``date``, ``date_precision`` and ``date_source``
    (``tidings.when.resolve_event_date`` on its sentence, relative dates against the publication
    date, else the dateline's); a source that gives only a month or a year dates the events its
    sentences leave undated to that month or year.

    Background and history are no event of the report: an event whose own sentence states a date
    (explicit or relative) that ends HISTORY_DAYS or more before the publication date ("en 2019",
    "in March 2014", "last year", "в прошлом году") is dropped, unless ``keep_history``."""

    name = "date"

    def __init__(self, keep_history: bool = False) -> None:
        self.keep_history = keep_history

    def __call__(self, doc: CodingDoc) -> CodingDoc:
        from tidings.when import resolve_event_date

        article = doc.article
        dirs = doc.res.lexicon_dirs
        published, partial = published_date(article, doc.lang, dirs)
        dateline_date = _iso_date(article.dateline.date) if article.dateline and article.dateline.date else None
        drafts = []
        for d in doc.drafts:
            sent = d.sentence
            r = resolve_event_date(sent.text, doc.lang, published=published, dateline_date=dateline_date,
                                   trigger_offset=d.event.trigger.start - sent.start, lexicon_dirs=dirs)
            date, precision, source = r.date, r.precision, r.source
            if date is None and partial:
                date, source, precision = partial, "published", "month" if len(partial) == 7 else "year"
            if not self.keep_history and is_history(date, precision, source, published):
                continue
            drafts.append(d.with_event(date=date, date_precision=precision, date_source=source))
        return doc.with_(drafts=drafts)


def is_history(date: str | None, precision: str | None, source: str | None, published: dt.date | None) -> bool:
    """Whether a stated event date (``source`` explicit or relative; ``date`` ISO ``YYYY[-MM[-DD]]``)
    ends HISTORY_DAYS or more before ``published``: the last day of a year or month counts."""
    if not date or not published or source not in {"explicit", "relative"}:
        return False
    try:
        if precision == "year" or len(date) == 4:
            end = dt.date(int(date[:4]), 12, 31)
        elif precision == "month" or len(date) == 7:
            y, m = int(date[:4]), int(date[5:7])
            end = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
        else:
            end = dt.date.fromisoformat(date[:10])
    except ValueError:
        return False
    return (published - end).days >= HISTORY_DAYS


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def published_date(article: Article, lang: str, lexicon_dirs=()) -> tuple[dt.date | None, str | None]:
    """The date relative expressions resolve against, and the partial publication date (``YYYY-MM``
    or ``YYYY``) when that is all the source gives.

    When the source gives no day, the latest full date the article itself states (a dateline, a
    "14/08/2017" line, "ce lundi 31 janvier 2022") stands in for it, if it is not in the future and
    agrees with the partial date."""
    from tidings.when import find_dates, parse_published

    partial = None
    if article.published:
        p = parse_published(article.published)
        if p:
            return p.date(), None
        if len(article.published) in (4, 7) and article.published[:4].isdigit():
            partial = article.published
    base = None
    if partial:
        y, m = int(partial[:4]), int(partial[5:7]) if len(partial) == 7 else 12
        base = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)  # end of that month or year
    today = dt.date.today()
    best = None
    try:
        mentions = find_dates(article.text, lang, base, lexicon_dirs=lexicon_dirs)
    except ValueError:
        mentions = []
    # dates written with their year first ("14/08/2017"); year-less ones ("el 26 de agosto") only
    # when no other is given
    for with_year in (True, False):
        for m in mentions:
            if m.kind != "explicit" or m.precision != "day" or (partial and not m.date.startswith(partial)):
                continue
            if with_year != bool(re.search(r"\d{4}", m.text)):
                continue
            d = dt.date.fromisoformat(m.date)
            if d <= today and (best is None or d > best):
                best = d
        if best:
            break
    return best, partial
