"""The store commands of the ``tidings`` CLI: ``ingest``, ``export`` and ``stats``.

``tidings/cli.py`` calls :func:`register` on its typer app.  User errors (bad path, bad
option, missing store) print one line ``error: ...`` to stderr and exit with status 2.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from tidings.store.db import DEFAULT_DB, EventStore, StoreError

_err = Console(stderr=True)


def _fail(msg: str) -> None:
    """One error line on stderr (never wrapped, names may hold [brackets]) and exit status 2."""
    import sys

    line = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in str(msg))
    print(f"error: {line}", file=sys.stderr)
    raise typer.Exit(2)


def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to read (.txt, .html/.htm, .jsonl, .warc[.gz], .jsonl.gz/.zst) or - for stdin; or the output folder of `tidings batch` (loaded as it is, not coded again).")],
    db: Annotated[Path, typer.Option("--db", help="DuckDB file of the event store (created if missing).")] = Path(DEFAULT_DB),
    dedup: Annotated[Optional[str], typer.Option(
        "--dedup", help="Dedup rule: 'article' (merge within a document), 'day' (merge across documents: "
                        "same type, actor and recipient countries, date, place when known) or 'off'. "
                        "Default: the store's rule ('article' for a new store); a new rule rebuilds events.")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", help="ISO 639-1 language hint for all inputs.")] = None,
    published: Annotated[Optional[str], typer.Option("--published", help="Publication date (ISO) for inputs without one.")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per transaction.")] = 64,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Code documents and store articles, events, actors and mentions in an embedded DuckDB file.

    Re-running over the same inputs adds nothing; a changed document replaces its own events;
    inputs that fail go to the 'failures' table and the run goes on.  Safe to kill and rerun.
    """
    from tidings.store.from_batch import ingest_batch, is_batch_dir
    from tidings.store.ingest import ingest, iter_paths, load_coder

    if not any(str(p) == "-" or p.exists() for p in paths):
        _fail(f"no such file or folder: {', '.join(map(str, paths))}")
    # a missing path among others is a failure of its own (recorded, the run goes on)
    try:
        store = EventStore(db, dedup=dedup)
    except StoreError as exc:
        _fail(str(exc))
    from_batch = len(paths) == 1 and is_batch_dir(paths[0])  # `tidings batch` output: load, not recode
    try:
        coder = None if from_batch else load_coder()
        kw = {k: v for k, v in (("lang", lang), ("published", published)) if v}
        docs = None if from_batch else iter_paths(paths, **kw)
    except (RuntimeError, ValueError) as exc:
        store.close()
        _fail(str(exc))
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(),
                  TextColumn("{task.fields[docs]} documents · {task.fields[events]} events · "
                             "[red]{task.fields[fails]} failures[/] · {task.fields[skipped]} unchanged"),
                  TimeElapsedColumn(), console=_err, disable=quiet or not _err.is_terminal, transient=False) as progress:
        task = progress.add_task("ingest", total=None, docs=0, events=0, fails=0, skipped=0)

        def tick(r) -> None:
            progress.update(task, docs=r.documents, events=r.mentions, fails=r.failures, skipped=r.skipped)

        try:
            report = (ingest_batch(store, paths[0], on_progress=tick) if from_batch
                      else ingest(store, docs, coder, batch_size=batch_size, on_progress=tick))
        except (ValueError, RuntimeError) as exc:
            store.close()
            _fail(str(exc))
        except KeyboardInterrupt:
            store.close()
            import sys

            print(f"interrupted; the documents stored so far are kept in {db}: run the same command again to go on",
                  file=sys.stderr)
            raise typer.Exit(130)
        tick(report)
    counts = store.counts()
    store.close()
    typer.echo(
        f"{report.documents} documents ({report.coded} coded, {report.skipped} unchanged, "
        f"{report.failures} failed), {report.mentions} event mentions in {report.seconds:.1f} s; "
        f"store {db}: {counts['articles']} articles, {counts['events']} events, "
        f"{counts['mentions']} mentions, {counts['failures']} failures"
    )
    if report.failures:
        _err.print(f"{report.failures} input(s) failed; their reasons are in the failures table of {db}", style="red")
        raise typer.Exit(1)


def export_cmd(
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl | csv | parquet | plover | gdelt | icews")] = "jsonl",
    db: Annotated[Path, typer.Option("--db", help="DuckDB file of the event store.")] = Path(DEFAULT_DB),
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output file (default: stdout; parquet needs it).")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="First event date, inclusive (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Last event date, inclusive (YYYY[-MM[-DD]]).")] = None,
    country: Annotated[Optional[list[str]], typer.Option("--country", help="ISO 3166-1 alpha-3 code of an actor, recipient or place (repeatable, or comma-separated).")] = None,
    event_type: Annotated[Optional[list[str]], typer.Option("--type", help="PLOVER event type (repeatable, or comma-separated).")] = None,
) -> None:
    """Export the deduplicated events: native JSONL, CSV, Parquet, PLOVER JSON, the GDELT 2.0
    event table (61 tab-separated columns, FIPS 10-4 geo codes) or ICEWS-style columns (20)."""
    from tidings.store.export import ExportError, ExportFilter, export_events

    try:
        flt = ExportFilter(since=since, until=until, countries=country or [], types=event_type or [])
        if out is not None and out.parent and not out.parent.exists():
            raise ExportError(f"output folder {str(out.parent)!r} does not exist")
        if out is not None and out.is_dir():
            raise ExportError(f"--out {str(out)!r} is a directory; give a file name")
        with EventStore(db, read_only=True) as store:
            n = export_events(store, format.lower(), out, flt)
    except (StoreError, ExportError) as exc:
        _fail(str(exc))
    except Exception as exc:  # a full disk, an unwritable file (OSError, or duckdb's own IOException)
        import duckdb

        if not isinstance(exc, (OSError, duckdb.Error)):
            raise
        _fail(f"cannot write {str(out) if out else 'the output'}: {str(exc).splitlines()[0][:200]}")
    if out is not None:
        _err.print(f"{n} events written to {out} ({format})", highlight=False)


def stats_cmd(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file of the event store.")] = Path(DEFAULT_DB),
    by: Annotated[str, typer.Option("--by", help="type | country (actor country) | dyad (actor->recipient countries)")] = "type",
    freq: Annotated[str, typer.Option("--freq", help="day | week (ISO, by Monday) | month")] = "month",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="CSV file to write (default: stats_<by>_<freq>.csv).")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="First event date, inclusive.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Last event date, inclusive.")] = None,
    country: Annotated[Optional[list[str]], typer.Option("--country", help="Only events involving this country.")] = None,
    event_type: Annotated[Optional[list[str]], typer.Option("--type", help="Only this PLOVER event type.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Rows to print (all rows are written).")] = 40,
) -> None:
    """Print and write event counts, mention counts, Goldstein sums/means and QuadClass shares
    per period and per event type, actor country or dyad."""
    from rich.table import Table

    from tidings.store.export import ExportError, ExportFilter
    from tidings.store.stats import StatsError, compute_stats

    try:
        flt = ExportFilter(since=since, until=until, countries=country or [], types=event_type or [])
        with EventStore(db, read_only=True) as store:
            df = compute_stats(store, by=by, freq=freq, flt=flt)
    except (StoreError, ExportError, StatsError) as exc:
        _fail(str(exc))
    out = out or Path(f"stats_{by}_{freq}.csv")
    try:
        df.to_csv(out, index=False)
    except OSError as exc:
        _fail(f"cannot write {str(out)!r}: {exc.strerror or exc}")
    table = Table(title=f"events by {by} per {freq} ({len(df)} rows; written to {out})")
    for col in df.columns:
        table.add_column(col, justify="left" if col in ("period", "key") else "right")
    for row in df.head(limit).itertuples(index=False):
        table.add_row(*[str(v) for v in row])
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add the ``ingest``, ``export`` and ``stats`` commands to the ``tidings`` typer app."""
    app.command("ingest")(ingest_cmd)
    app.command("export")(export_cmd)
    app.command("stats")(stats_cmd)
