"""Read-only access to the event store for ``tidings serve``, shared with a writer in another process.

DuckDB lets one process write a file, and while any process has the file open no other process
can write it (docs/store.md, "Reading while ingest runs").  Opening the file costs tens of
milliseconds on a large store, so :class:`StoreReader` keeps ONE read-only connection while the
server is busy and nobody wants to write, and gives each request its own cursor on it.  It lets
go of the file (so the writer's next batch can take the lock):

* when a writer has announced itself (``tidings.store.db.writer_active``: ingest's
  ``<store>.writing`` flag) and no request is using the connection;
* when no request came for ``idle`` seconds.

While a writer is active, each request opens the file for itself (waiting up to ``wait`` seconds
for the writer's batch) and closes it, so new events are seen at the next request.
"""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from tidings.store.access import connect, writer_active


class StoreReader:
    """Read-only connections to the store ``path`` for concurrent requests.

    ``wait``: seconds a request waits for a lock held by a writer (then
    ``tidings.store.db.StoreBusy``); ``idle``: seconds without requests after which the shared
    connection is closed; ``poll``: seconds between the background checks of the writer flag.
    Call :meth:`start` to run the checks and :meth:`stop` to end them and close the file."""

    def __init__(self, path: str | Path, *, wait: float = 5.0, idle: float = 1.0, poll: float = 0.1):
        self.path = Path(path)
        self.wait, self.idle, self.poll = wait, idle, poll
        self._lock = threading.Lock()
        self._con: Any = None
        self._active = 0
        self._last = 0.0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @contextmanager
    def cursor(self) -> Iterator[Any]:
        """A read-only DuckDB connection for one request (a cursor of the shared connection, or a
        connection of its own while a writer is active).  Raises StoreBusy / StoreError."""
        with self._lock:
            shared = not writer_active(self.path)
            if shared:
                if self._con is None:
                    self._con = connect(self.path, read_only=True, wait=self.wait)
                self._active += 1
                cur = self._con.cursor()
        if not shared:
            con = connect(self.path, read_only=True, wait=self.wait)
            try:
                yield con
            finally:
                con.close()
            return
        try:
            yield cur
        finally:
            cur.close()
            with self._lock:
                self._active -= 1
                self._last = time.monotonic()

    def sweep(self) -> bool:
        """Close the shared connection if no request uses it and a writer waits or it has been
        idle for ``idle`` seconds; returns True when it was closed."""
        with self._lock:
            if self._con is None or self._active:
                return False
            if not writer_active(self.path) and time.monotonic() - self._last < self.idle:
                return False
            self._con.close()
            self._con = None
            return True

    def _run(self) -> None:
        while not self._stop.wait(self.poll):
            self.sweep()

    def start(self) -> None:
        """Start the background checks (a daemon thread)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="tidings-store-reader", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop the checks and close the shared connection."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2)
            self._thread = None
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None
