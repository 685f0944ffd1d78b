"""Publication-date helpers for cleaning; they live in :mod:`tidings.when` (one date package) and
are re-exported here under their old names."""
from tidings.when.header import (DateMatch, find_dates, month_first, month_names, resolve_partial, url_date,
                                 weekday_names)
from tidings.when.published import normalize_given, not_future, precision_rank, to_datetime

__all__ = ["DateMatch", "find_dates", "month_first", "month_names", "weekday_names", "resolve_partial", "url_date",
           "normalize_given", "not_future", "precision_rank", "to_datetime"]
