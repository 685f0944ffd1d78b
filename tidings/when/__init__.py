"""Dates: one package for every date tidings reads (event dates, datelines, publication dates).

Modules: ``grammar`` (the per-language date grammar from ``dates.tsv`` and CLDR), ``find`` (date
expressions in a text), ``event`` (the event-date rule), ``header`` (publication dates
from header lines, datelines and URLs, for cleaning), ``published`` (caller-given and feed publication dates),
``arith`` (calendar arithmetic).  The public steps:

* :func:`find_dates` finds every date expression in a text (explicit dates such as ``9 de junio de
  2022``, ``14 sept. 2024``, ``01.11.2019``, ``2022-06-10``, ``в мае``; relative ones such as ``ayer``,
  ``el pasado martes``, ``в ночь на вторник``, ``two days ago``, ``last week``) and resolves each against a
  base date (the publication date).
* :func:`resolve_event_date` applies the event-date rule of tidings: an explicit date in the event's
  sentence (the one nearest the trigger), else a relative expression resolved against the base date
  (publication date, else dateline date), else the dateline date, else the publication date.  The
  ``source`` field says which rule fired (``explicit`` | ``relative`` | ``dateline`` | ``published``).

Dates are ISO 8601 strings: ``YYYY-MM-DD`` (precision ``day`` or ``week``; for ``week`` the date is the
Monday of that ISO week), ``YYYY-MM`` (``month``) or ``YYYY`` (``year``).  Weekdays count Monday=0, as in
ISO 8601 and :meth:`datetime.date.weekday`.

Language knowledge is data: month and weekday names come from CLDR through babel
(``babel.dates.get_month_names`` / ``get_day_names``, wide and abbreviated, format and stand-alone
contexts); everything else (inflected month forms, relative words, number words, prepositions) is read
from ``tidings/lang/<xx>/dates.tsv`` (columns ``kind  pattern  value``; the kinds are documented in
``docs/dates.md``).  A language without a ``dates.tsv`` but known to CLDR gets explicit dates only.
Regexes are compiled once per language, lazily, on first use.

* :func:`find_header_dates` reads the dates of header lines, datelines and trailers with the same
  grammar (its header pattern kinds: no dot needed after an abbreviated month, month-day order in
  every language, times of day, every pack's month names after the language's own);
  :func:`url_date` reads the date a URL writes (the grammar's URL pattern kinds);
  :func:`resolve_yearless` dates a day written without its year against a reference time.
* :func:`parse_published` reads a publication date leniently (ISO, RFC 2822, compact, day-first,
  epoch, English month names through :func:`find_dates`); :func:`normalize_given` checks a
  caller-given one (``--published``) strictly.
"""
from __future__ import annotations

from tidings.when.event import ResolvedDate, resolve_event_date
from tidings.when.find import DateMention, find_dates, find_header_dates
from tidings.when.grammar import LANG_DIR, _pack, supported_languages
from tidings.when.header import calendar_words, resolve_yearless, url_date, weekday_phrases, weekday_words
from tidings.when.published import normalize_given, not_future, parse_published, precision_rank, to_datetime

__all__ = ["DateMention", "ResolvedDate", "find_dates", "resolve_event_date", "parse_published",
           "supported_languages", "normalize_given", "find_header_dates", "url_date", "resolve_yearless",
           "weekday_words", "weekday_phrases", "calendar_words", "precision_rank", "to_datetime", "not_future",
           "load_grammar", "LANG_DIR"]

load_grammar = _pack  # the compiled date grammar of a language (raises ValueError naming file:line)
