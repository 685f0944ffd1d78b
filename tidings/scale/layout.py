"""The layout of a batch output folder, its Parquet schemas and the plan of shards.

    OUT/
      _batch.json                              the run's options (a restart must give the same)
      _shards/<shard>.done                     completion marker of a shard (JSON: inputs, counts, files)
      events/year=2024/month=3/part-<shard>.parquet     event records (Event.to_dict() fields)
      events/year=0/month=0/part-<shard>.parquet  events without a date (a year-only date: month=0)
      articles/part-<shard>.parquet            one row per coded document (the cleaned article)
      failures/part-<shard>.parquet            input, record, doc_id, reason of what failed

Partitions follow the Hive convention (``key=value`` folders), which DuckDB (``hive_partitioning``),
pyarrow/pandas and Polars read as integer columns ``year`` and ``month``.  An unknown year or month is
0, not Hive's null folder: pandas cannot read a null partition next to others.
Files are written under a hidden temporary name (``.part-<shard>.<pid>.<n>.tmp``, never matched by
``*.parquet``) and renamed into place; the marker is renamed in last, so a shard is finished exactly
when its marker exists.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

NULL_PART = "0"  # the partition value of an unknown year or month
SMALL_FILE = 1 << 20  # .txt/.html files under 1 MB are grouped into shards of many files
FILES_PER_SHARD = 256
SPLIT_BYTES = 1 << 30  # a JSONL or WARC file over 1 GiB is coded as several tasks (parts) ...
MAX_PARTS = 8  # ... at most this many: each part reads the whole file (about 0.1 ms a record, under
# 1% of coding it), so files of a crawl's usual size (about 1 GB) stay one read each
SPLITTABLE = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".warc", ".warc.gz")

_S = pa.string()
PARTY = pa.struct([("text", _S), ("name", _S), ("country", _S), ("sector", _S), ("code", _S),
                   ("start", pa.int64()), ("end", pa.int64())])
PLACE = pa.struct([("text", _S), ("name", _S), ("country", _S), ("admin1", _S), ("lat", pa.float64()),
                   ("lon", pa.float64()), ("geonameid", pa.int64()), ("precision", _S)])
EVENT_SCHEMA = pa.schema([
    ("id", _S), ("doc_id", _S), ("event_type", _S), ("mode", _S), ("contexts", pa.list_(_S)),
    ("cameo_code", _S), ("cameo_root", _S), ("goldstein", pa.float64()), ("quad_class", pa.int64()),
    ("actors", pa.list_(PARTY)), ("recipients", pa.list_(PARTY)), ("date", _S), ("date_precision", _S),
    ("date_source", _S), ("location", PLACE), ("modality", _S), ("confidence", pa.float64()),
    ("sentence_index", pa.int64()), ("sentence", _S),
    ("trigger", pa.struct([("text", _S), ("start", pa.int64()), ("end", pa.int64())])),
    ("language", _S),
    ("article", pa.struct([("title", _S), ("url", _S), ("published", _S), ("source", _S)])),
])
"""The event record (docs/record.md) as Parquet: parties are lists of structs, the place a struct."""

ARTICLE_SCHEMA = pa.schema([
    ("doc_id", _S), ("key", _S), ("content_hash", _S), ("source", _S), ("url", _S), ("title", _S),
    ("published", _S), ("published_source", _S), ("language", _S), ("section", _S), ("dateline", _S),
    ("agency", _S), ("text", _S), ("n_events", pa.int64()),
])
"""One coded document: the cleaned Article's fields (its body ``text`` included, for the store), the
reader's ``key`` (the store's identity of the document) and the content hash the store compares."""

FAILURE_SCHEMA = pa.schema([("input", _S), ("record", _S), ("doc_id", _S), ("reason", _S), ("key", _S),
                            ("content_hash", _S)])
"""What failed: the input file, the record in it (JSONL line, WARC record number; null for a whole
file), the document id when one was read, the one-line reason (and the document's key and content
hash when it was read but could not be coded)."""


@dataclass
class Shard:
    """A unit of work: one container file (JSONL, WARC, compressed), one part of a big one, or a
    group of small files.

    ``id``: 16 hex digits, SHA-1 of the absolute input paths and the part (so a restart finds its
    shards again); ``inputs``: absolute paths; ``stamp``: ``[size, mtime_ns]`` of each input, checked
    on restart; ``part``/``parts``: this task codes the records (documents and failures, in reading
    order) whose number modulo ``parts`` is ``part``, so the parts of a file share its work evenly
    and together code each record exactly once (``parts`` 1: the whole file)."""

    inputs: list[str]
    id: str = ""
    stamp: list[list[int]] = field(default_factory=list)
    part: int = 0
    parts: int = 1

    def __post_init__(self) -> None:
        if not self.id:
            key = "\0".join(self.inputs) + (f"\0#{self.part}/{self.parts}" if self.parts > 1 else "")
            self.id = hashlib.sha1(key.encode("utf-8", "surrogateescape")).hexdigest()[:16]
        if not self.stamp:
            self.stamp = [_stamp(p) for p in self.inputs]


def _stamp(path: str) -> list[int]:
    try:
        st = os.stat(path)
        return [st.st_size, st.st_mtime_ns]
    except OSError:
        return [-1, 0]


def plan_shards(inputs: list[str], split_bytes: int = SPLIT_BYTES) -> list[Shard]:
    """Shards for ``inputs`` (files and directories), in input order then sorted path order.

    Directories are walked like ``tidings code`` walks them (hidden entries skipped, only readable
    kinds kept).  Each archive or JSONL file is a shard of its own, or ``ceil(size / split_bytes)``
    part shards (at most MAX_PARTS) when it is bigger than ``split_bytes`` (0: never split), so one
    huge dump keeps every worker busy; small ``.txt``/``.html`` files are grouped, up to
    FILES_PER_SHARD a shard; a missing input is a shard that will record its failure.  Paths are
    made absolute (workers may run elsewhere on a shared file system)."""
    from tidings.read import SUPPORTED_EXT

    files: list[str] = []
    for p in inputs:
        ap = os.path.abspath(p)
        if os.path.isdir(ap):
            found = []
            for root, dirs, names in os.walk(ap):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in names:
                    if not name.startswith(".") and name.lower().endswith(SUPPORTED_EXT):
                        full = os.path.join(root, name)
                        found.append((tuple(os.path.relpath(full, ap).split(os.sep)), full))
            files.extend(full for _, full in sorted(found))
        else:
            files.append(ap)
    shards: list[Shard] = []
    group: list[str] = []
    for f in files:
        low = f.lower()
        small = low.endswith((".txt", ".html", ".htm")) and _stamp(f)[0] < SMALL_FILE
        if small:
            group.append(f)
            if len(group) >= FILES_PER_SHARD:
                shards.append(Shard(group))
                group = []
            continue
        if group:
            shards.append(Shard(group))
            group = []
        shards.extend(_parts(f, split_bytes))
    if group:
        shards.append(Shard(group))
    return shards


def _parts(path: str, split_bytes: int) -> list[Shard]:
    """The shard of one container file, or its part shards when it is big (see plan_shards)."""
    size = _stamp(path)[0]
    if not split_bytes or size <= split_bytes or not path.lower().endswith(SPLITTABLE):
        return [Shard([path])]
    parts = min(MAX_PARTS, -(-size // split_bytes))
    return [Shard([path], part=k, parts=parts) for k in range(parts)]


def marker_path(out: Path, shard_id: str) -> Path:
    """The completion marker of a shard."""
    return out / "_shards" / f"{shard_id}.done"


def read_marker(out: Path, shard: Shard) -> dict | None:
    """The marker of a finished shard whose inputs have not changed since, else None."""
    try:
        data = json.loads(marker_path(out, shard.id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("inputs") != shard.inputs or data.get("stamp") != shard.stamp:
        return None
    return data


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to a temporary name beside ``path``, fsync it, then rename it onto ``path``."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def check_manifest(out: Path, options: dict) -> None:
    """Create ``OUT/_batch.json`` with ``options`` or check that it holds the same options; raises
    ValueError naming the folder when an earlier batch there used other options (its shards would
    not match: give another --out)."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / "_batch.json"
    if path.exists():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            raise ValueError(f"{path}: not a tidings batch manifest") from None
        if old.get("options") != options:
            raise ValueError(f"{out}: holds a batch made with other options ({old.get('options')}); "
                             "give another --out, or the same options to resume it")
        return
    (out / "_shards").mkdir(exist_ok=True)
    atomic_write_text(path, json.dumps({"format": "tidings-batch/1", "options": options}, indent=1))


def is_batch_dir(path: str | os.PathLike) -> bool:
    """True when ``path`` is a folder written by ``tidings batch`` (it holds ``_batch.json``)."""
    return Path(path).is_dir() and (Path(path) / "_batch.json").is_file()
