"""The store commands of the ``tidings`` CLI: ``ingest``, ``failures``, ``export`` and ``stats``.

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
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to read (.txt, .html/.htm, .jsonl) or - for stdin.")],
    db: Annotated[Path, typer.Option("--db", help="DuckDB file of the event store (created if missing).")] = Path(DEFAULT_DB),
    dedup: Annotated[Optional[str], typer.Option(
        "--dedup", help="Dedup rule: 'article' (merge within a document), 'day' (merge across documents: "
                        "same type, actor and recipient countries, date, place when known) or 'off'. "
                        "Default: the store's rule ('article' for a new store); a new rule rebuilds events.")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", help="ISO 639-1 language of every input (default: detected per document).")] = None,
    published: Annotated[Optional[str], typer.Option("--published", help="Publication date (YYYY-MM-DD or ISO timestamp) for inputs that lack one; relative dates resolve against it.")] = None,
    url: Annotated[Optional[str], typer.Option("--url", help="Source URL for inputs that lack one (a JSONL record's own url wins).")] = None,
    lexicon: Annotated[Optional[list[Path]], typer.Option("--lexicon", help="A folder of language-pack files that extend or override the packaged ones, as for `code`. Repeatable.")] = None,
    modality: Annotated[str, typer.Option("--modality", help="Which events to store: default (asserted and claimed), all, or a comma list of asserted, claimed, negated, hypothetical, future.")] = "default",
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per transaction.")] = 64,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: on when stderr is a terminal).")] = None,
) -> None:
    """Code documents and store articles, events, actors and mentions in an embedded DuckDB file.

    Documents are stored under a stable id (JSONL id, record URL, the file's real path, or a hash
    of standard input), so re-running over the same inputs adds nothing and a changed document
    replaces its own events.  Inputs that fail go to the failures table (see `tidings failures`)
    and the run goes on.  Safe to kill and rerun.  Exit status: 0, 1 when some input failed,
    2 on a usage error (nothing is stored).
    """
    from tidings.cli import _check_options, _make_coder
    from tidings.dedup import RULES
    from tidings.read import iter_documents
    from tidings.store.from_batch import is_batch_dir

    _check_options(lang, published)
    if dedup is not None and dedup not in RULES:
        _fail(f"unknown dedup rule {dedup!r}; choose one of {', '.join(RULES)}")
    if not any(str(p) == "-" or p.exists() for p in paths):
        _fail(f"no such file or folder: {', '.join(map(str, paths))}")
    # a missing path among others is a failure of its own (recorded, the run goes on)
    from_batch = len(paths) == 1 and is_batch_dir(paths[0])  # `tidings batch` output: load, not recode
    coder = None if from_batch else _make_coder(lexicon, modality)  # bad --lexicon or --modality: exit 2 first
    try:
        store = EventStore(db, dedup=dedup)
    except StoreError as exc:
        _fail(str(exc))
    docs = None if from_batch else iter_documents([str(p) for p in paths], lang=lang, published=published, url=url)
    report = _run_ingest(store, docs, coder, db, batch_size, _err.is_terminal if progress is None else progress,
                         batch_dir=paths[0] if from_batch else None)
    counts = store.counts()
    store.close()
    typer.echo(
        f"{report.documents} documents ({report.coded} coded, {report.skipped} unchanged, "
        f"{report.failures} failed), {report.mentions} event mentions in {report.seconds:.1f} s; "
        f"store {db}: {counts['articles']} articles, {counts['events']} events, "
        f"{counts['mentions']} mentions, {counts['failures']} failures"
    )
    if report.failures:
        for line in report.reasons:
            _err.print(f"  {line}", style="red", highlight=False, markup=False, soft_wrap=True)
        more = report.failures - len(report.reasons)
        _err.print(f"{report.failures} input(s) failed{f' ({more} more not shown)' if more > 0 else ''}; "
                   f"list them with: tidings failures --db {db}", style="red", highlight=False, markup=False)
        raise typer.Exit(1)
    if report.documents == 0:
        _err.print(f"no documents found in {', '.join(map(str, paths))}", style="red", highlight=False, markup=False)
        raise typer.Exit(1)


def _run_ingest(store: EventStore, docs, coder, db: Path, batch_size: int, show: bool, batch_dir: Path | None = None):
    """Run :func:`tidings.store.ingest.ingest` (or, for a ``batch_dir`` written by ``tidings batch``,
    :func:`tidings.store.from_batch.ingest_batch`) under a progress bar (when ``show``); a usage
    error closes the store and exits 2, Ctrl-C exits 130 keeping what was stored."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from tidings.store.from_batch import ingest_batch
    from tidings.store.ingest import ingest

    with Progress(SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(),
                  TextColumn("{task.fields[docs]} documents · {task.fields[events]} events · "
                             "[red]{task.fields[fails]} failures[/] · {task.fields[skipped]} unchanged"),
                  TimeElapsedColumn(), console=_err, disable=not show, transient=False) as bar:
        task = bar.add_task("ingest", total=None, docs=0, events=0, fails=0, skipped=0)

        def tick(r) -> None:
            bar.update(task, docs=r.documents, events=r.mentions, fails=r.failures, skipped=r.skipped)

        try:
            report = (ingest(store, docs, coder, batch_size=batch_size, on_progress=tick) if docs is not None
                      else ingest_batch(store, batch_dir, on_progress=tick))
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
    return report


def failures_cmd(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file of the event store.")] = Path(DEFAULT_DB),
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Show only the newest N failures.")] = None,
) -> None:
    """List the inputs that failed to be read or coded: input (the file's real path, - for stdin),
    JSONL line, reason and time (UTC), newest first, tab-separated with a header.

    A failure is removed when its input later succeeds, so the list is what still fails."""
    try:
        with EventStore(db, read_only=True) as store:
            rows = store.failures(limit)
    except StoreError as exc:
        _fail(str(exc))
    out = [("input", "line", "reason", "time")] + [
        (r["input"] or r["source"] or "", "" if r["line"] is None else str(r["line"]), r["reason"] or "",
         r["failed_at"].strftime("%Y-%m-%dT%H:%M:%SZ") if r["failed_at"] else "") for r in rows]
    for row in out:
        typer.echo("\t".join(" ".join(c.split()) for c in row))


def _guard_out(out: Optional[Path], db: Path) -> None:
    """Refuse (exit 2) an ``--out`` that would overwrite the store (or its write-ahead log) or
    a document the store was made from; and an output folder that does not exist."""
    if out is None:
        return
    import os

    if str(out) == "-" or out.is_dir():
        _fail(f"--out {str(out)!r} is a directory; give a file name")
    if out.parent and not out.parent.exists():
        _fail(f"output folder {str(out.parent)!r} does not exist")
    real = os.path.realpath(out)
    dbr = os.path.realpath(db)
    if real in (dbr, dbr + ".wal"):
        _fail(f"--out {str(out)!r} is the event store itself; give another file name")
    if not os.path.exists(real):
        return
    try:
        with EventStore(db, read_only=True) as store:
            hit = store.con.execute(
                "SELECT 1 FROM articles WHERE source = ? OR starts_with(source, ?) "
                "UNION ALL SELECT 1 FROM failures WHERE input = ? LIMIT 1", [real, real + ":", real]).fetchone()
    except StoreError:
        return  # the command itself reports a missing or broken store
    if hit:
        _fail(f"--out {str(out)!r} is one of the documents in {str(db)!r}; give another file name")


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

    _guard_out(out, db)
    try:
        flt = ExportFilter(since=since, until=until, countries=country or [], types=event_type or [])
        with EventStore(db, read_only=True) as store:
            n = export_events(store, format.lower(), out, flt)
    except (StoreError, ExportError) as exc:
        _fail(str(exc))
    except Exception as exc:  # a full disk, an unwritable file (OSError, or duckdb's own IOException)
        import duckdb

        if isinstance(exc, BrokenPipeError) or not isinstance(exc, (OSError, duckdb.Error)):
            raise  # a reader gone away: tidings.cli ends quietly
        _fail(f"cannot write {str(out) if out else 'the output'}: {str(exc).splitlines()[0][:200]}")
    if out is not None:
        _err.print(f"{n} events written to {out} ({format})", highlight=False)


def stats_cmd(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file of the event store.")] = Path(DEFAULT_DB),
    by: Annotated[str, typer.Option("--by", help="type | country (actor country) | dyad (actor->recipient countries)")] = "type",
    freq: Annotated[str, typer.Option("--freq", help="day | week (ISO, by Monday) | month | year")] = "month",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Also write all rows to this CSV file (default: print only).")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="First event date, inclusive.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Last event date, inclusive.")] = None,
    country: Annotated[Optional[list[str]], typer.Option("--country", help="Only events involving this country.")] = None,
    event_type: Annotated[Optional[list[str]], typer.Option("--type", help="Only this PLOVER event type.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Rows to print (--out gets all rows).")] = 40,
) -> None:
    """Print event counts, mention counts, Goldstein sums/means and QuadClass shares per period
    and per event type, actor country or dyad: a table on a terminal, CSV when piped (and all
    rows to a CSV file with --out)."""
    from rich.table import Table

    from tidings.store.export import ExportError, ExportFilter
    from tidings.store.stats import StatsError, compute_stats

    _guard_out(out, db)
    try:
        flt = ExportFilter(since=since, until=until, countries=country or [], types=event_type or [])
        with EventStore(db, read_only=True) as store:
            df = compute_stats(store, by=by, freq=freq, flt=flt)
    except (StoreError, ExportError, StatsError) as exc:
        _fail(str(exc))
    if out is not None:
        try:
            df.to_csv(out, index=False)
        except OSError as exc:
            _fail(f"cannot write {str(out)!r}: {exc.strerror or exc}")
    console = Console()
    if not console.is_terminal:  # piped: the first --limit rows as CSV, for the next program
        import sys

        df.head(limit).to_csv(sys.stdout, index=False)
        return
    written = f"; written to {out}" if out is not None else ""
    table = Table(title=f"events by {by} per {freq} ({len(df)} rows{written})")
    for col in df.columns:
        table.add_column(col, justify="left" if col in ("period", "key") else "right")
    for row in df.head(limit).itertuples(index=False):
        table.add_row(*[str(v) for v in row])
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add the ``ingest``, ``failures``, ``export`` and ``stats`` commands to the ``tidings`` typer app."""
    app.command("ingest")(ingest_cmd)
    app.command("failures")(failures_cmd)
    app.command("export")(export_cmd)
    app.command("stats")(stats_cmd)
