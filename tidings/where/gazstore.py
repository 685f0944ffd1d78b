"""The gazetteer kept on disk: an SQLite file built once from the in-memory :class:`Gazetteer` into
the compiled cache folder (tidings.packcache) and queried, read-only, instead of being held as
Python objects (about 210 MB per process as objects; a few MB this way).

:class:`StoredGazetteer` has the public interface of :class:`~tidings.where.gazetteer.Gazetteer`:
``index`` (normalized key -> list of :class:`Entry`, ``get``/``in``), ``by_geonameid`` and
``by_admin`` (``get``), ``countries``, ``admin1s``, ``us_postal``, ``iso2to3`` (dicts) and
``multiword_heads``.  Lookups give the same entries in the same order as the in-memory index.  Each
record is one :class:`Entry` object per process (callers compare entries with ``is`` and ``id``):
countries and divisions are read when the file is opened, a city the first time a look-up returns it.
A memo keeps the answers of the keys looked up most recently (hits and misses).

The file is opened read-only with memory mapping; a process forked after opening it (the batch
forkserver's workers), and every thread, opens its own connection.
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from array import array
from pathlib import Path

from tidings.where.gazetteer import Entry

_FIELDS = ("kind", "name", "cc", "iso3", "admin1", "gn_admin1", "lat", "lon", "geonameid", "population", "prior")
# (columns without a type keep each value's own: an int coordinate stays an int, as in the JSON)
_SCHEMA = """
CREATE TABLE entries (rid INTEGER PRIMARY KEY, kind, name, cc, iso3, admin1, gn_admin1, lat, lon, geonameid,
                      population, prior);
CREATE TABLE keys (key TEXT PRIMARY KEY, rids BLOB) WITHOUT ROWID;
CREATE TABLE gids (geonameid INTEGER PRIMARY KEY, rid INTEGER);
CREATE TABLE admins (cc TEXT, gn TEXT, rids BLOB, PRIMARY KEY (cc, gn)) WITHOUT ROWID;
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);
"""
#: keys whose answers the memo keeps before it starts afresh
MEMO_KEYS = 200_000


def _blob(rids: list[int]) -> bytes:
    return array("i", rids).tobytes()


def _rids(blob: bytes) -> array:
    a = array("i")
    a.frombytes(blob)
    return a


def write_store(gaz, path: Path) -> None:
    """Write the in-memory gazetteer ``gaz`` to a new SQLite file at ``path``."""
    rid: dict[int, int] = {}  # id(entry) -> row id
    rows: list[tuple] = []

    def number(e: Entry) -> int:
        r = rid.get(id(e))
        if r is None:
            r = rid[id(e)] = len(rows)
            rows.append((r,) + tuple(getattr(e, f) for f in _FIELDS))
        return r

    for e in list(gaz.countries.values()) + list(gaz.admin1s.values()):
        number(e)
    keys = [(k, _blob([number(e) for e in lst])) for k, lst in gaz.index.items()]
    gids = [(g, number(e)) for g, e in gaz.by_geonameid.items()]
    admins = [(cc, gn, _blob([number(e) for e in lst])) for (cc, gn), lst in gaz.by_admin.items() if gn]
    meta = {
        "countries": {k: number(e) for k, e in gaz.countries.items()},
        "admin1s": {k: number(e) for k, e in gaz.admin1s.items()},
        "us_postal": {k: (None if e is None else number(e)) for k, e in gaz.us_postal.items()},
        "iso2to3": gaz.iso2to3,
        "heads": sorted(gaz.multiword_heads),
    }
    con = sqlite3.connect(path)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        con.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        con.executemany("INSERT INTO keys VALUES (?,?)", sorted(keys))
        con.executemany("INSERT INTO gids VALUES (?,?)", gids)
        con.executemany("INSERT INTO admins VALUES (?,?,?)", admins)
        con.executemany("INSERT INTO meta VALUES (?,?)", [(k, json.dumps(v)) for k, v in meta.items()])
        con.execute("CREATE INDEX entries_kind ON entries (kind)")
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()


class _Index:
    """Normalized key -> list of :class:`Entry` (``get``, ``in``, ``[]``), answered from the file."""

    __slots__ = ("_store", "_memo")

    def __init__(self, store: "StoredGazetteer") -> None:
        self._store = store
        self._memo: dict[str, list[Entry] | None] = {}

    def get(self, key: str, default=None):
        """The entries under ``key`` (the same list each time while it is remembered), or ``default``."""
        memo = self._memo
        got = memo.get(key, memo)
        if got is memo:
            row = self._store._one("SELECT rids FROM keys WHERE key = ?", (key,))
            got = None if row is None else self._store._entries_of(row[0])
            if len(memo) >= MEMO_KEYS:
                memo.clear()
            memo[key] = got
        return default if got is None else got

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def __getitem__(self, key: str) -> list[Entry]:
        got = self.get(key)
        if got is None:
            raise KeyError(key)
        return got

    def __iter__(self):
        """Every key (a full scan of the file: for tools, not for coding)."""
        return iter([k for (k,) in self._store._all("SELECT key FROM keys ORDER BY key")])

    def __len__(self) -> int:
        return self._store._one("SELECT count(*) FROM keys", ())[0]


class _ByGeonameid:
    """GeoNames id -> :class:`Entry` (``get``)."""

    __slots__ = ("_store",)

    def __init__(self, store: "StoredGazetteer") -> None:
        self._store = store

    def get(self, gid, default=None):
        """The entry of GeoNames id ``gid``, or ``default``."""
        if not isinstance(gid, int):
            return default
        row = self._store._one("SELECT rid FROM gids WHERE geonameid = ?", (gid,))
        return default if row is None else self._store._entry(row[0])


class _ByAdmin:
    """(alpha-2, GeoNames admin1 code) -> the cities in that division (``get``)."""

    __slots__ = ("_store",)

    def __init__(self, store: "StoredGazetteer") -> None:
        self._store = store

    def get(self, k, default=None):
        """The cities of division ``k`` = (cc, admin1 code), or ``default``."""
        cc, gn = k
        if not gn:
            return default
        row = self._store._one("SELECT rids FROM admins WHERE cc = ? AND gn = ?", (cc, gn))
        return default if row is None else self._store._entries_of(row[0])


class StoredGazetteer:
    """The gazetteer read from an SQLite file written by :func:`write_store` (see module doc)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._entries: dict[int, Entry] = {}
        self._lock = threading.Lock()
        for row in self._all("SELECT * FROM entries WHERE kind != 'city'"):
            self._entries[row[0]] = Entry(*row[1:])
        meta = {k: json.loads(v) for k, v in self._all("SELECT name, value FROM meta")}
        self.countries = {k: self._entry(r) for k, r in meta["countries"].items()}
        self.admin1s = {k: self._entry(r) for k, r in meta["admin1s"].items()}
        self.us_postal = {k: (None if r is None else self._entry(r)) for k, r in meta["us_postal"].items()}
        self.iso2to3 = meta["iso2to3"]
        self.multiword_heads = frozenset(meta["heads"])
        self.index = _Index(self)
        self.by_geonameid = _ByGeonameid(self)
        self.by_admin = _ByAdmin(self)

    def _con(self) -> sqlite3.Connection:
        local = self._local
        con = getattr(local, "con", None)
        if con is None or local.pid != os.getpid():  # a forked child never uses its parent's connection
            # immutable: the file is never written after it is renamed into place (a rebuild writes a new one)
            con = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                  check_same_thread=False)
            con.execute("PRAGMA mmap_size=268435456")
            con.execute("PRAGMA query_only=1")
            local.con, local.pid = con, os.getpid()
        return con

    def _one(self, sql: str, args: tuple):
        return self._con().execute(sql, args).fetchone()

    def _all(self, sql: str, args: tuple = ()) -> list:
        return self._con().execute(sql, args).fetchall()

    def _entry(self, rid: int) -> Entry:
        e = self._entries.get(rid)
        if e is None:
            with self._lock:  # one Entry object per record, whichever thread reads it first
                e = self._entries.get(rid)
                if e is None:
                    row = self._one("SELECT * FROM entries WHERE rid = ?", (rid,))
                    e = self._entries[rid] = Entry(*row[1:])
        return e

    def _entries_of(self, blob: bytes) -> list[Entry]:
        return [self._entry(r) for r in _rids(blob)]


__all__ = ["StoredGazetteer", "write_store", "MEMO_KEYS"]
