"""The ``tidings serve`` command (registered on the ``tidings`` typer app by tidings/cli.py)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from tidings.store.db import DEFAULT_DB


def serve_cmd(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file of the event store (made by `tidings ingest`).")] = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option("--host", help="Address to bind; 127.0.0.1 (this machine only) unless told otherwise.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8000,
    cors: Annotated[Optional[list[str]], typer.Option("--cors", help="Allow cross-origin requests from this origin (repeatable); none by default.")] = None,
    lock_wait: Annotated[float, typer.Option("--lock-wait", min=0, help="Seconds a request waits while an ingest writes a batch (503 beyond).")] = 10.0,
) -> None:
    """Serve the HTTP API (OpenAPI at /openapi.json) and the dashboard (at /) over an event store,
    read-only; `tidings ingest` may keep adding to the same store meanwhile."""
    import uvicorn

    from tidings.serve.app import create_app
    from tidings.store.db import EventStore, StoreError

    try:  # fail at once, with one line, for a missing file or one that is not a tidings store
        EventStore(db, read_only=True, wait=lock_wait).close()
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(2)
    app = create_app(db, lock_wait=lock_wait, cors_origins=cors or None)
    print(f"tidings serve: {db} on http://{host}:{port}/ (API: /openapi.json); Ctrl-C stops", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning")
