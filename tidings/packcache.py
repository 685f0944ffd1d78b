"""A compiled cache of built resources (language packs with their matchers, place lexicons; the
gazetteer's SQLite file through :func:`cached_file`), so start-up stays short with large imported
lexicons.

A built object is pickled to the cache folder under a name made of what it is (``res-en-...``,
``gazetteer``) and of a hash of the folders it was read from, plus a signature of everything it
depends on: the path, size and modification time of every ``.tsv`` file in those folders and of
each source file given (the code that builds it), the tidings and Python versions, and any extra
text the caller adds (versions of the data libraries).  Any change rebuilds it, and the entry it
replaces (same name, same folders) is removed; entries of other installations (another checkout
with other folders) are left alone.

The folder is ``$TIDINGS_CACHE_DIR``, else ``$XDG_CACHE_HOME/tidings``, else ``~/.cache/tidings``;
``TIDINGS_CACHE_DIR=off`` switches the cache off.  The cache is an optimisation only: a folder that
cannot be written, or an entry that cannot be read, falls back to building from the files.
Entries are trusted pickles: the folder must not be writable by other users.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sqlite3
import sys
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")
_FORMAT = 2


def cache_dir() -> Path | None:
    """The cache folder, or None when switched off (``TIDINGS_CACHE_DIR=off``)."""
    value = os.environ.get("TIDINGS_CACHE_DIR", "")
    if value.lower() in {"off", "0", "no"}:
        return None
    if value:
        return Path(value)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "tidings"


def package_sources() -> list[Path]:
    """Every ``.py`` file of the tidings package: an entry built by its code is rebuilt when any
    of them changes (stat calls only, a few milliseconds)."""
    return list(_package_sources())


@lru_cache(maxsize=1)
def _package_sources() -> tuple[Path, ...]:  # the folder walk once per process (a source's stamp too)
    root = Path(__file__).resolve().parent
    return tuple(sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts))


_STAMPS: dict[Path, str] = {}


def _stamp(p: Path) -> str:
    """Size and modification time of ``p``; a source file's are taken once per process, so a
    process whose code was edited while it ran keeps signing with the code it runs (and never
    stores an object built by the old code under the new code's signature)."""
    if p.suffix == ".py" and p in _STAMPS:
        return _STAMPS[p]
    try:
        st = p.stat()
    except OSError:
        return "-"
    value = f"{st.st_size}|{st.st_mtime_ns}"
    if p.suffix == ".py":
        _STAMPS[p] = value
    return value


@lru_cache(maxsize=None)
def library_versions(*names: str) -> str:
    """``name=version`` of installed distributions, for a signature (data shipped in libraries);
    read once per process."""
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for n in names:
        try:
            out.append(f"{n}={version(n)}")
        except PackageNotFoundError:
            out.append(f"{n}=-")
    return ",".join(out)


def _signature(name: str, folders: Sequence[Path], sources: Sequence[Path], extra: str) -> str:
    from tidings import __version__

    h = hashlib.sha256(f"{_FORMAT}|{name}|{__version__}|{sys.version}|{extra}".encode())
    files = [p for d in folders if d.is_dir() for p in sorted(d.rglob("*.tsv"))] + list(sources)
    for p in files:
        h.update(f"|{p}|{_stamp(p)}".encode())
    return h.hexdigest()[:32]


@contextmanager
def no_gc() -> Iterator[None]:
    """Collector off while hundreds of thousands of small long-lived objects are made (its passes
    only cost time then), and those objects moved out of its sight afterwards (``gc.freeze``): the
    resources live as long as the process, and every later full collection would walk them all
    again (seconds of CPU over a run)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()


def cached(name: str, folders: Sequence[Path], sources: Sequence[Path], build: Callable[[], T],
           extra: str = "") -> T:
    """``build()``, or its pickled result from an earlier run with the same files (see module doc).
    ``name``: what is built (letters, digits, ``-``); ``folders``: data folders whose ``.tsv`` files
    it reads; ``sources``: other files it depends on; ``extra``: more text for the signature."""
    root = cache_dir()
    if root is None:
        with no_gc():
            return build()
    stem = f"{name}-{_where(folders)}"
    path = root / f"{stem}-{_signature(name, folders, sources, extra)}.pickle"
    try:
        with open(path, "rb") as fh, no_gc():
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    with no_gc():
        value = build()
    _store(root, stem, path, value)
    return value


def cached_file(name: str, folders: Sequence[Path], sources: Sequence[Path], build: Callable[[Path], None],
                extra: str = "", suffix: str = ".sqlite") -> Path | None:
    """The path of a cache file built by ``build(path)`` (a file the caller reads itself, such as
    the gazetteer's SQLite store), signed as :func:`cached` signs a pickle: built when missing or when
    a file it depends on changed, the entry it replaces removed.  None when the cache is off or its
    folder cannot be written (the caller then works without the file)."""
    root = cache_dir()
    if root is None:
        return None
    stem = f"{name}-{_where(folders)}"
    path = root / f"{stem}-{_signature(name, folders, sources, extra)}{suffix}"
    if path.is_file():
        return path
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        root.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        build(tmp)
        os.replace(tmp, path)
    except (OSError, sqlite3.Error):
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return None
    for old in [*root.glob(f"{stem}-*{suffix}"), *root.glob(f"{stem}-*.pickle")]:  # earlier versions, same folders
        if old != path:
            try:
                old.unlink(missing_ok=True)
            except OSError:
                pass
    return path


def _where(folders: Sequence[Path]) -> str:
    """The installation (this package's folder) and the data folders, hashed: an entry built from no
    folder (the gazetteer) would otherwise be shared by every checkout, each evicting the others'."""
    return hashlib.sha256("|".join([str(Path(__file__).resolve().parent)] + [str(Path(d).resolve()) for d in folders])
                          .encode()).hexdigest()[:8]


def _store(root: Path, stem: str, path: Path, value) -> None:
    """Write ``value`` to ``path`` (atomically) and remove the older entries of ``stem``."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in root.glob(f"{stem}-*.pickle"):  # earlier versions of this entry, same folders
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, RecursionError):
        pass
