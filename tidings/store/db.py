"""The embedded event store (DuckDB): articles, mentions, actors, events, failures.

Schema: ``schema.sql`` beside this file, documented in docs/store.md.  Writes go through
:meth:`EventStore.write_batch`, one transaction per batch of documents, so a process killed at
any moment leaves either the whole batch or none of it; a rerun skips documents whose
``doc_id`` + ``content_hash`` is already stored and recodes the rest.
"""
from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import duckdb
import pyarrow as pa

from tidings.dedup import RULES, Cluster, dedup_events, group_key
from tidings.store.access import (  # noqa: F401  (file sharing between processes; names kept here)
    LOCK_WAIT, StoreBusy, StoreError, _clear_writer_flag, _set_writer_flag, connect, readers_waiting)
from tidings.store.rows import (  # the rows of each table (DocRow, FailureRow importable from here too)
    _PLACE_SCHEMA, ACTOR_SCHEMA, ARTICLE_SCHEMA, EVENT_SCHEMA, FAILURE_SCHEMA, MENTION_SCHEMA, DocRow, FailureRow,
    batch_rows, event_row)

DEFAULT_DB = "tidings.duckdb"
SCHEMA_VERSION = "1"


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


#: seconds a writer that yielded to readers (EventStore.yield_to_readers) keeps the file closed at least
READER_WINDOW = 0.3

class EventStore:
    """A DuckDB file holding the tables of ``schema.sql``.

    ``EventStore(path, dedup=None, read_only=False)``: opens (creating when allowed) the file
    and creates the schema idempotently.  ``dedup`` is the deduplication rule (``article``,
    ``day``, ``off``; see tidings.dedup); None keeps the store's rule (``article`` for a new
    store); a different rule on an existing store rebuilds the ``events`` table.
    Raises :class:`StoreError` for a path that is a directory, a read-only open of a missing
    file, a file that is not a DuckDB database, or an unknown rule; :class:`StoreBusy` when
    another process holds the file's lock for more than ``wait`` seconds.  Use as a context manager.

    Connection lifecycle: :meth:`release` closes the DuckDB connection so that other processes
    can open the file; the next use of :attr:`con` reopens it (waiting up to ``wait`` seconds for
    a lock held elsewhere).  :meth:`yield_to_readers` releases only when a reader asked for the
    file recently (ingest calls it after every batch).  A writable store holds the writer flag
    (:func:`writer_flag`) from opening to :meth:`close`.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, dedup: str | None = None, read_only: bool = False,
                 wait: float = LOCK_WAIT):
        self.path = Path(path)
        if dedup is not None and dedup not in RULES:
            raise StoreError(f"unknown dedup rule {dedup!r}; choose one of {', '.join(RULES)}")
        if self.path.is_dir():
            raise StoreError(f"database path {str(self.path)!r} is a directory")
        if read_only and not self.path.exists():
            raise StoreError(f"no event store at {str(self.path)!r} (run `tidings ingest` first)")
        self.read_only = read_only
        self.wait = wait
        self._yielded_at = float("-inf")  # when yield_to_readers last let go of the file (monotonic s)
        # a writer says so before it waits for the lock: readers that keep the file open let go
        self._flagged = not read_only and _set_writer_flag(self.path)
        try:
            self._con: duckdb.DuckDBPyConnection | None = connect(self.path, read_only=read_only, wait=wait)
        except StoreError:
            self._unflag()
            raise
        if read_only:
            have = {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
            if not {"events", "mentions", "articles"} <= have:
                self.release()
                raise StoreError(f"{str(self.path)!r} is not a tidings event store")
            self.rule = self._meta("dedup_rule") or "article"
            return
        self._create_schema()
        stored = self._meta("dedup_rule")
        self.rule = stored or dedup or "article"
        if stored is None:
            self._set_meta("dedup_rule", self.rule)
            self._set_meta("schema_version", SCHEMA_VERSION)
        elif dedup is not None and dedup != stored:
            self.rebuild_events(dedup)

    # -- plumbing -------------------------------------------------------------------------
    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The open DuckDB connection, reopened (see :func:`connect`) after :meth:`release`."""
        if self._con is None:
            # a writer that let go for readers keeps the file closed for at least READER_WINDOW
            # seconds, so a reader gets in even when the next batch codes faster than it opens
            wait = self._yielded_at + READER_WINDOW - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._con = connect(self.path, read_only=self.read_only, wait=self.wait)
        return self._con

    def _create_schema(self) -> None:
        sql = resources.files("tidings.store").joinpath("schema.sql").read_text(encoding="utf-8")
        self.con.execute(sql)

    def _meta(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.con.execute("DELETE FROM meta WHERE key = ?", [key])
        self.con.execute("INSERT INTO meta VALUES (?, ?)", [key, value])

    def release(self) -> None:
        """Close the connection (checkpointing the write-ahead log) so that other processes can
        open the file; the store stays usable: the next use of :attr:`con` reopens it."""
        con, self._con = self._con, None
        if con is not None:
            try:
                con.close()
            except duckdb.Error:
                pass

    def _unflag(self) -> None:
        if self._flagged:
            _clear_writer_flag(self.path)
            self._flagged = False

    def yield_to_readers(self) -> bool:
        """:meth:`release` the file if a reader in another process asked for it within the last
        :data:`READER_FRESH` seconds (:func:`readers_waiting`); returns True when released."""
        if self._con is not None and readers_waiting(self.path):
            self.release()
            self._yielded_at = time.monotonic()
            return True
        return False

    def close(self) -> None:
        """Close the connection (checkpointing the write-ahead log) and, for a writable store,
        remove the writer flag (:func:`writer_flag`)."""
        self.release()
        self._unflag()

    def __enter__(self) -> "EventStore":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _insert(self, table: str, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
        if not rows:
            return
        tbl = pa.Table.from_pylist(rows, schema=schema)
        name = f"_in_{table}"
        self.con.register(name, tbl)
        try:
            cols = ", ".join(schema.names)
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name}")
        finally:
            self.con.unregister(name)

    def _keys_table(self, name: str, values: Iterable[str]) -> None:
        self.con.register(name, pa.table({"k": pa.array(sorted(set(values)), pa.string())}))

    # -- reads ----------------------------------------------------------------------------
    def known_hashes(self) -> dict[str, str]:
        """``doc_id -> content_hash`` of every stored article."""
        return dict(self.con.execute("SELECT doc_id, content_hash FROM articles").fetchall())

    def failed_doc_ids(self) -> set[str]:
        """doc_ids that have a row in ``failures``."""
        return {r[0] for r in self.con.execute(
            "SELECT DISTINCT doc_id FROM failures WHERE doc_id IS NOT NULL").fetchall()}

    def failures(self, limit: int | None = None) -> list[dict[str, Any]]:
        """The failure rows, newest first then by input and line: dicts with ``input`` (the
        file's real path, ``-`` for stdin; the source as given in a store made before these
        columns), ``line`` (JSONL line or None), ``reason``, ``failed_at`` (UTC datetime),
        ``source`` and ``doc_id``."""
        cols = {r[0] for r in self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'failures'").fetchall()}
        where = "coalesce(input, source)" if "input" in cols else "source"
        line = "line" if "line" in cols else "NULL"
        rows = self.con.execute(
            f"SELECT {where}, {line}, reason, failed_at, source, doc_id FROM failures "
            f"ORDER BY failed_at DESC, 1, 2" + (f" LIMIT {int(limit)}" if limit is not None else "")).fetchall()
        return [dict(zip(("input", "line", "reason", "failed_at", "source", "doc_id"), r)) for r in rows]

    def counts(self) -> dict[str, int]:
        """Row counts: articles, mentions, actors, events, failures."""
        return {
            t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "mentions", "actors", "events", "failures")
        }

    # -- writes ---------------------------------------------------------------------------
    def write_batch(self, docs: list[DocRow], failures: list[FailureRow] = (),
                    replace: Iterable[str] | None = None,
                    clear: Iterable[tuple[str, int | None]] = ()) -> None:
        """Write coded documents and failures in ONE transaction.

        Each document replaces whatever was stored under its ``doc_id`` (article, mentions,
        actors, earlier failure); the deduplicated ``events`` of every affected group are then
        recomputed from the stored mentions.  ``replace``: the doc_ids of this batch that may
        already have rows (stored or failed before); None (safe default) treats all as such,
        a smaller set spares the deletes for new documents.  ``clear``: more (input, line)
        places whose failure rows are outdated (an unchanged document read there).  On any error the transaction is
        rolled back and the error re-raised."""
        rows = batch_rows(docs, failures, self.rule, _now(), clear)
        con = self.con
        replace_ids = rows.doc_ids if replace is None else (set(replace) & rows.doc_ids)
        con.execute("BEGIN TRANSACTION")
        try:
            old_keys = self._delete_docs(replace_ids)
            self._clear_failures(rows.doc_ids, rows.places)
            self._recompute(old_keys | rows.keys, rows.mentions, rows.records,
                            cross_doc=bool(old_keys) or self.rule == "day")
            self._insert("articles", rows.articles, ARTICLE_SCHEMA)
            self._insert("mentions", rows.mentions, MENTION_SCHEMA)
            self._insert("actors", rows.actors, ACTOR_SCHEMA)
            self._insert("failures", rows.failures, FAILURE_SCHEMA)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def _delete_docs(self, doc_ids: set[str]) -> set[str]:
        """Delete the articles, mentions and actors of ``doc_ids``; returns the dedup group keys
        their mentions had (those groups' events are recomputed).  Runs inside the caller's
        transaction."""
        if not doc_ids:
            return set()
        con = self.con
        self._keys_table("_batch_ids", doc_ids)
        old_keys = {
            r[0] for r in con.execute(
                "SELECT DISTINCT group_key FROM mentions WHERE doc_id IN (SELECT k FROM _batch_ids)"
            ).fetchall()
        }
        for table in ("mentions", "actors", "articles"):
            con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT k FROM _batch_ids)")
        con.unregister("_batch_ids")
        return old_keys

    def _clear_failures(self, doc_ids: set[str], places: set[tuple[str, int | None]]) -> None:
        """Delete the failure rows of ``doc_ids`` and of ``places`` ((input, line) pairs; line
        None matches a row without line).  Runs inside the caller's transaction."""
        if doc_ids:
            self._keys_table("_fail_ids", doc_ids)
            self.con.execute("DELETE FROM failures WHERE doc_id IN (SELECT k FROM _fail_ids)")
            self.con.unregister("_fail_ids")
        if places:
            self.con.register("_fail_at", pa.Table.from_pylist(
                [{"input": i, "line": n} for i, n in sorted(places, key=lambda p: (p[0], p[1] or 0))],
                schema=_PLACE_SCHEMA))
            self.con.execute("DELETE FROM failures WHERE EXISTS (SELECT 1 FROM _fail_at p WHERE "
                             "p.input = failures.input AND p.line IS NOT DISTINCT FROM failures.line)")
            self.con.unregister("_fail_at")

    def _recompute(self, keys: set[str], new_rows: list[dict[str, Any]], new_recs: list[dict[str, Any]],
                   cross_doc: bool = True) -> None:
        """Recompute the events of ``keys`` from the stored mentions of those groups plus
        ``new_rows`` (mention rows about to be inserted, with their records ``new_recs``;
        their ``event_id`` is set here).
        Runs inside the caller's transaction.  ``cross_doc=False`` asserts that no stored
        mention or event has one of these keys (new documents under rule article/off)."""
        if not keys:
            return
        con = self.con
        existing: list[tuple[str, str | None, str]] = []
        if cross_doc:
            self._keys_table("_keys", keys)
            try:
                existing = con.execute(
                    "SELECT mention_id, event_id, record FROM mentions WHERE group_key IN (SELECT k FROM _keys)"
                ).fetchall()
                con.execute("DELETE FROM events WHERE group_key IN (SELECT k FROM _keys)")
            finally:
                con.unregister("_keys")
        recs = [json.loads(r[2]) for r in existing] + new_recs
        clusters = dedup_events(recs, self.rule)
        target = {m["id"]: c.id for c in clusters for m in c.mentions}
        for row in new_rows:
            row["event_id"] = target.get(row["mention_id"])
        self._insert("events", [event_row(c.to_dict(), c.key) for c in clusters], EVENT_SCHEMA)
        changed = [{"mention_id": mid, "event_id": target[mid]} for mid, eid, _ in existing if target.get(mid) != eid]
        if changed:
            self._update_event_ids(changed)

    def _update_event_ids(self, mapping: list[dict[str, str]]) -> None:
        self.con.register("_map", pa.Table.from_pylist(
            mapping, schema=pa.schema([("mention_id", pa.string()), ("event_id", pa.string())])))
        try:
            self.con.execute(
                "UPDATE mentions SET event_id = _map.event_id FROM _map "
                "WHERE mentions.mention_id = _map.mention_id")
        finally:
            self.con.unregister("_map")

    def _write_clusters(self, clusters: list[Cluster]) -> None:
        self._insert("events", [event_row(c.to_dict(), c.key) for c in clusters], EVENT_SCHEMA)
        mapping = [{"mention_id": m["id"], "event_id": c.id} for c in clusters for m in c.mentions]
        if mapping:
            self._update_event_ids(mapping)

    def rebuild_events(self, rule: str | None = None) -> int:
        """Recompute every mention's group key and the whole ``events`` table, optionally under a
        new dedup ``rule``, in one transaction.  Returns the number of events.  Raises
        StoreError for an unknown rule."""
        rule = rule or self.rule
        if rule not in RULES:
            raise StoreError(f"unknown dedup rule {rule!r}; choose one of {', '.join(RULES)}")
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            self.rule = rule
            self._set_meta("dedup_rule", rule)
            recs = [json.loads(r[0]) for r in con.execute("SELECT record FROM mentions").fetchall()]
            keys = [{"mention_id": r["id"], "group_key": group_key(r, rule)} for r in recs]
            if keys:
                con.register("_gk", pa.Table.from_pylist(keys))
                con.execute("UPDATE mentions SET group_key = _gk.group_key FROM _gk "
                            "WHERE mentions.mention_id = _gk.mention_id")
                con.unregister("_gk")
            con.execute("DELETE FROM events")
            clusters = dedup_events(recs, rule)
            self._write_clusters(clusters)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return len(clusters)
