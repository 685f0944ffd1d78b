"""``tidings batch``: code an archive on Dask into Parquet (see docs/scale.md).

``tidings/cli.py`` adds :func:`batch_cmd` to its typer app as the ``batch`` command.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer


def _fail(msg: str, code: int = 2) -> None:
    line = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in str(msg))
    print(f"tidings: {line}", file=sys.stderr)
    raise typer.Exit(code)


def batch_cmd(
    inputs: List[str] = typer.Argument(..., help="Files (.warc, .warc.gz, .jsonl, .jsonl.gz, .jsonl.zst, .txt, .html) or folders of them."),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder: Parquet partitioned by event year and month, plus articles and failures (created; a rerun resumes it)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="A running dask.distributed scheduler: its address (tcp://host:8786) or its scheduler file (JSON); default: a local cluster of worker processes."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1, help="Worker processes of the local cluster (default: one per CPU)."),
    threads: int = typer.Option(1, "--threads", min=1, help="Threads per local worker (coding holds the GIL: keep 1 and add processes)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="ISO 639-1 language of every input (default: detected per document)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date for inputs that lack one."),
    lexicon: Optional[List[Path]] = typer.Option(None, "--lexicon", help="Extra language-pack folders, as for `code` (on a shared file system for a remote cluster)."),
    modality: str = typer.Option("default", "--modality", help="Events to keep: default, all, or a comma list (as for `code`)."),
    fresh: bool = typer.Option(False, "--fresh", help="Delete what an earlier batch wrote in --out and start over."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar on stderr (default: on when stderr is a terminal)."),
) -> None:
    """Code a large archive on a Dask cluster, resumably: each input file (or group of small files) is
    a shard; a finished shard is marked and skipped when the command is run again after a crash or a
    kill, and the output ends the same as an uninterrupted run's.

    Exit status: 0 when every shard finished and no document failed, 1 when some document or shard
    failed (document failures are rows of OUT/failures/), 2 on a usage error.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from tidings.cli import _check_lexicon_dirs, _check_options, _make_coder, _modalities
    from tidings.scale.batch import clear_batch, run_batch

    checked = _check_options(lang, published)
    lang, published = checked.lang, checked.published
    _modalities(modality)  # a bad --modality is a usage error before any work
    _check_lexicon_dirs(lexicon)
    if lexicon:  # so is a broken --lexicon; the built-in packs need no trial build in the client
        _make_coder(lexicon, modality)
    missing = [p for p in inputs if not Path(p).exists()]
    if missing:
        _fail(f"no such file or folder: {', '.join(missing)}")
    if out.exists() and not out.is_dir():
        _fail(f"--out {out}: exists and is not a folder")
    if fresh:
        clear_batch(out)
    options = {"lang": lang, "published": published, "url": None,
               "lexicon": [str(p.absolute()) for p in lexicon or []], "modalities": sorted(_modalities(modality))}
    err = Console(stderr=True)
    show = err.is_terminal if progress is None else progress
    bar = Progress(TextColumn("[bold]batch[/]"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("shards · {task.fields[docs]} documents · {task.fields[events]} events · "
                              "{task.fields[fails]} failed"), TimeElapsedColumn(), console=err, disable=not show)
    task = bar.add_task("batch", total=None, docs=0, events=0, fails=0)

    def started(s) -> None:
        bar.update(task, total=s.shards, completed=s.skipped, docs=s.documents, events=s.events, fails=s.failures)
        if s.dashboard:
            err.print(f"Dask dashboard: {s.dashboard}", highlight=False, soft_wrap=True, markup=False)
        if s.skipped:
            err.print(f"{s.skipped} of {s.shards} shards already finished in {out}: skipped", highlight=False, soft_wrap=True, markup=False)

    def tick(s, docs: int, events: int) -> None:
        bar.update(task, completed=s.skipped + s.done + s.failed, docs=s.documents + docs,
                   events=s.events + events, fails=s.failures)

    try:
        with bar:
            summary = run_batch(inputs, out, scheduler=scheduler, workers=workers, threads=threads,
                                options=options, on_start=started, on_progress=tick)
            tick(summary, 0, 0)
    except ValueError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{out}: {exc.strerror or exc}")
    except KeyboardInterrupt:
        _fail(f"interrupted; finished shards are kept in {out}: run the same command again to go on", 130)
    for sid, reason in summary.errors.items():
        err.print(f"shard {sid} failed: {reason}", style="red", highlight=False, soft_wrap=True, markup=False)
    first = f", first event after {summary.first_event_seconds:.1f} s" if summary.first_event_seconds else ""
    typer.echo(f"{summary.shards} shards ({summary.skipped} finished before, {summary.done} now, {summary.failed} failed): "
               f"{summary.documents} documents, {summary.events} events, {summary.failures} failures "
               f"in {summary.seconds:.1f} s{first}; output in {out}")
    if summary.failed or summary.failures:
        raise typer.Exit(1)
