"""Imported by the forkserver of a local batch cluster: builds the batch's Coder once, before any
worker exists, so every worker process forked from the forkserver starts with it.

Without this each worker builds its own Coder (about 7.5 s of CPU and 600 MB for all eight packs),
all at the same time, and the start-up of a 2-worker cluster costs twice the CPU of a 1-worker one.
The options come from the environment variable :data:`ENV` (JSON of the batch options) that
:func:`tidings.scale.batch.local_cluster` sets before the forkserver starts.  Any error here is
swallowed: a worker that finds no Coder builds its own (and reports the real error in its shard).
"""
from __future__ import annotations

import gc
import json
import os

ENV = "TIDINGS_BATCH_PRELOAD"


def _build() -> None:
    raw = os.environ.get(ENV)
    if not raw:
        return
    from tidings.scale.worker import coder_key, worker_coder

    worker_coder(*coder_key(json.loads(raw)))
    # Objects made so far are never collected: the collector does not touch (and so copy) the pages
    # the forked workers share with the forkserver.
    gc.collect()
    gc.freeze()


try:
    _build()
except Exception:  # noqa: BLE001 - see the module docstring: the worker builds its own instead
    pass
