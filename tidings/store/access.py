"""Sharing the store's DuckDB file between processes: one writer, many readers.

DuckDB lets one process write a file, and while any process has the file open no other process
can write it (while a writer has it open, no other process can open it at all).  tidings keeps
every hold short and says who is waiting (docs/store.md, "Reading while ingest runs"):

* :func:`connect` retries a locked file with backoff, then raises :class:`StoreBusy`;
* a writable store holds ``<store>.writing`` (:func:`writer_flag`), so readers that keep the
  file open let go of it;
* a reader that wants the file while a writer is active touches ``<store>.reading``
  (:func:`reader_flag`), so the writer closes the file after its batch.
"""
from __future__ import annotations

import os
import re
import time
from pathlib import Path

import duckdb


class StoreError(ValueError):
    """A store cannot be opened or used (bad path, not a tidings store, bad option)."""


class StoreBusy(StoreError):
    """Another process holds the store's file lock for longer than the wait allowed."""


#: How long an open waits for another process's lock on the file (seconds).  DuckDB lets one
#: process write a file and, while it has it open, no other process may open it at all; tidings
#: writers hold the file only for one batch's transaction and readers only for one request
#: (docs/store.md, "Reading while ingest runs"), so waits are short.
LOCK_WAIT = 30.0


def _is_lock_error(exc: BaseException) -> bool:
    text = str(exc)
    return "lock" in text.lower() and ("Conflicting" in text or "Could not set lock" in text)


def writer_flag(path: str | Path) -> Path:
    """The file ``<store>.writing`` that a writable :class:`EventStore` (ingest) holds from its
    opening to its :meth:`~EventStore.close`: its PID as text.  Readers that keep a connection open (``tidings serve``) close it when they see the
    flag, so the writer's next batch can take the lock (docs/store.md)."""
    p = Path(path)
    return p.with_name(p.name + ".writing")


def writer_active(path: str | Path) -> bool:
    """True while a live process holds :func:`writer_flag` for ``path`` (a flag left by a
    killed process, whose PID is gone, does not count)."""
    try:
        pid = int(writer_flag(path).read_text(encoding="ascii").strip() or 0)
    except (OSError, ValueError):
        return False
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


#: seconds a reader's request (:func:`reader_flag`) keeps a writer releasing the file after batches
READER_FRESH = 10.0


def reader_flag(path: str | Path) -> Path:
    """The file ``<store>.reading`` whose modification time says when a reader last wanted the
    store while a writer was active; a writer releases the file after each batch while it is
    fresh (:func:`readers_waiting`) and keeps it open otherwise (reopening and checkpointing a
    large store costs tenths of a second per batch)."""
    p = Path(path)
    return p.with_name(p.name + ".reading")


def _touch_reader_flag(path: str | Path) -> None:
    try:
        reader_flag(path).touch()
    except OSError:  # an unwritable folder: the writer then releases after every batch
        pass


def readers_waiting(path: str | Path, fresh: float = READER_FRESH) -> bool:
    """True when a reader asked for ``path`` within the last ``fresh`` seconds, or when the
    reader flag cannot be written (then nobody could tell, so the writer must assume a reader)."""
    flag = reader_flag(path)
    try:
        return time.time() - flag.stat().st_mtime < fresh
    except FileNotFoundError:
        return not os.access(flag.parent, os.W_OK)
    except OSError:
        return True


def _set_writer_flag(path: Path) -> bool:
    try:
        writer_flag(path).write_text(str(os.getpid()), encoding="ascii")
        return True
    except OSError:  # an unwritable folder: readers then only release the file between requests
        return False


def _clear_writer_flag(path: Path) -> None:
    flag = writer_flag(path)
    try:
        if flag.read_text(encoding="ascii").strip() == str(os.getpid()):
            flag.unlink()
    except OSError:
        pass


def connect(path: str | Path, *, read_only: bool, wait: float = LOCK_WAIT) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file ``path``, retrying with exponential backoff (5 ms doubling, at most
    0.25 s apart) for up to ``wait`` seconds while another process holds its lock.

    Raises :class:`StoreBusy` when the lock is still held after ``wait`` seconds (the message says
    what to do) and :class:`StoreError` for any other failure (not a database, unreadable file)."""
    deadline = time.monotonic() + max(0.0, wait)
    delay = 0.005
    if read_only and writer_active(path):
        _touch_reader_flag(path)  # ask the writer to let go of the file after its batch
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            if not _is_lock_error(exc):
                raise StoreError(f"cannot open event store {str(path)!r}: {exc}") from None
            if read_only:
                _touch_reader_flag(path)
            if time.monotonic() >= deadline:
                who = re.search(r"\(PID (\d+)\)", str(exc))
                raise StoreBusy(
                    f"event store {str(path)!r} is locked by another process"
                    f"{' (PID ' + who.group(1) + ')' if who else ''} for more than {wait:g} s: a tidings "
                    "ingest releases it between batches, so retry; a process that keeps it open "
                    "(a Python session, the duckdb shell) must close it first") from None
            time.sleep(delay)
            delay = min(delay * 2, 0.25)
