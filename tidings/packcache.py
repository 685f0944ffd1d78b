"""A compiled cache of loaded language packs, so start-up stays short with large imported lexicons.

A loaded ``LanguagePack`` is pickled to ``$TIDINGS_CACHE_DIR`` (default ``~/.cache/tidings``) under a
key made of the language, the pack folders, and the path, size and modification time of every file
in them and of the loader's own source; any change rebuilds it.  The cache is an optimisation only:
a folder that cannot be written, or an entry that cannot be read, falls back to loading the TSV
files (``TIDINGS_CACHE_DIR=off`` switches it off).
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
_FORMAT = 1


def cache_dir() -> Path | None:
    """The cache folder, or None when switched off (``TIDINGS_CACHE_DIR=off``)."""
    value = os.environ.get("TIDINGS_CACHE_DIR", "")
    if value.lower() in {"off", "0", "no"}:
        return None
    return Path(value) if value else Path.home() / ".cache" / "tidings"


def _signature(name: str, folders: Sequence[Path], sources: Sequence[Path]) -> str:
    h = hashlib.sha256(f"{_FORMAT}|{name}".encode())
    files = [p for d in folders if d.is_dir() for p in sorted(d.rglob("*.tsv"))] + list(sources)
    for p in files:
        try:
            st = p.stat()
        except OSError:
            continue
        h.update(f"|{p}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()[:32]


def cached(name: str, folders: Sequence[Path], sources: Sequence[Path], build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier run with the same files (see module doc)."""
    root = cache_dir()
    if root is None:
        return build()
    path = root / f"{name}-{_signature(name, folders, sources)}.pickle"
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        root.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in root.glob(f"{name}-*.pickle"):  # earlier versions of this pack
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return value
