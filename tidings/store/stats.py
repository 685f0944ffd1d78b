"""Aggregates over the deduplicated events: counts, Goldstein sums and QuadClass shares.

``by``: ``type`` (PLOVER event type), ``country`` (each actor country; an event with two
actor countries counts once for each; ``---`` when no actor country is known) or ``dyad``
(actor countries ``+``-joined, ``->``, recipient countries).  ``freq``: ``day``
(``YYYY-MM-DD``), ``week`` (ISO week, labelled by its Monday), ``month`` (``YYYY-MM``) or
``year`` (``YYYY``).
Events whose date is coarser than the period are labelled with the date they have.
QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
conflict; CAMEO/GDELT) shares are fractions 0..1 of the events of the row.
"""
from __future__ import annotations

from typing import Any

from tidings.store.db import EventStore
from tidings.store.export import ExportFilter

BY = ("type", "country", "dyad")
FREQ = ("day", "week", "month", "year")

STATS_COLUMNS = ("period", "key", "events", "mentions", "goldstein_sum", "goldstein_mean",
                 "quad1_share", "quad2_share", "quad3_share", "quad4_share")


class StatsError(ValueError):
    """Bad ``by``/``freq`` option."""


def compute_stats(store: EventStore, by: str = "type", freq: str = "month",
                  flt: ExportFilter | None = None) -> Any:
    """Aggregate the store's events; returns a pandas DataFrame with :data:`STATS_COLUMNS`,
    sorted by period then key.  Raises StatsError for an unknown ``by`` or ``freq``."""
    sql, params = stats_query(by, freq, flt)
    return store.con.execute(sql, params).df()


def stats_query(by: str = "type", freq: str = "month", flt: Any = None) -> tuple[str, list[Any]]:
    """The SQL of :func:`compute_stats` and its parameters (columns :data:`STATS_COLUMNS`).
    ``flt``: anything with ``where() -> (sql, params)`` over ``events`` (an ExportFilter).
    Raises StatsError for an unknown ``by`` or ``freq``."""
    if by not in BY:
        raise StatsError(f"unknown --by {by!r}; choose one of {', '.join(BY)}")
    if freq not in FREQ:
        raise StatsError(f"unknown --freq {freq!r}; choose one of {', '.join(FREQ)}")
    where, params = (flt or ExportFilter()).where()
    period = {
        "day": "left(date, 10)",
        "month": "left(date, 7)",
        "year": "left(date, 4)",
        "week": "coalesce(strftime(date_trunc('week', try_cast(date AS DATE)), '%Y-%m-%d'), date)",
    }[freq]
    if by == "type":
        src, key = "events", "event_type"
    elif by == "dyad":
        src = "events"
        key = ("coalesce(nullif(array_to_string(actor_countries, '+'), ''), '---') || '->' || "
               "coalesce(nullif(array_to_string(recipient_countries, '+'), ''), '---')")
    else:
        src = ("(SELECT *, unnest(CASE WHEN len(actor_countries) = 0 THEN ['---'] "
               "ELSE actor_countries END) AS _country FROM events)")
        key = "_country"
    sql = f"""
        SELECT coalesce({period}, 'unknown') AS period, {key} AS key,
               count(*) AS events,
               CAST(sum(num_mentions) AS BIGINT) AS mentions,
               round(sum(goldstein), 3) AS goldstein_sum,
               round(avg(goldstein), 3) AS goldstein_mean,
               round(avg(CASE WHEN quad_class = 1 THEN 1.0 ELSE 0.0 END), 4) AS quad1_share,
               round(avg(CASE WHEN quad_class = 2 THEN 1.0 ELSE 0.0 END), 4) AS quad2_share,
               round(avg(CASE WHEN quad_class = 3 THEN 1.0 ELSE 0.0 END), 4) AS quad3_share,
               round(avg(CASE WHEN quad_class = 4 THEN 1.0 ELSE 0.0 END), 4) AS quad4_share
        FROM {src}
        WHERE {where}
        GROUP BY ALL
        ORDER BY period, key
    """
    return sql, params
