"""The ``tidings`` command: code news into political event records, evaluate, store and export.

    tidings code ARTICLE.txt                    # a table on a terminal, JSON Lines when piped
    tidings code --format jsonl news/ > events.jsonl
    tidings eval --index corpus/dev/index.jsonl --gold corpus/dev/gold.jsonl
    tidings lexicon check [--lexicon DIR]
    tidings lexicon import --lang en --name phoenix --out DIR CAMEO.2.0.txt Phoenix.agents.txt ...
    tidings lexicon coverage                    # triggers per CAMEO code and language, and the holes
    tidings lexicon usage news.jsonl            # pack entries by the number of documents they fire in
"""
from __future__ import annotations

import json
import sys
import time
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(
    rich_markup_mode="markdown",
    help="tidings: political event data (PLOVER/CAMEO: who did what to whom, when and where) from news "
    "in many languages, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
lexicon_app = typer.Typer(help="Check and import language packs (tidings/lang/LANG/ and your --lexicon folders).", no_args_is_help=True)
app.add_typer(lexicon_app, name="lexicon")


class OutFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


def _err(msg: str) -> None:
    """One line on stderr: control characters in names (a newline in a file name) are escaped."""
    line = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in str(msg))
    print(f"tidings: {line}", file=sys.stderr)


def _modalities(value: str) -> frozenset[str]:
    from tidings.coder import ALL_MODALITIES, DEFAULT_MODALITIES

    if value == "default":
        return DEFAULT_MODALITIES
    if value == "all":
        return ALL_MODALITIES
    chosen = frozenset(v.strip() for v in value.split(",") if v.strip())
    bad = chosen - ALL_MODALITIES
    if not chosen:
        raise typer.BadParameter("no modality given; use default, all, or a comma list of "
                                 f"{', '.join(sorted(ALL_MODALITIES))}")
    if bad:
        raise typer.BadParameter(f"unknown modality {', '.join(sorted(bad))}; use default, all, or a list of "
                                 f"{', '.join(sorted(ALL_MODALITIES))}")
    return chosen


def _check_lexicon_dirs(lexicon: Optional[List[Path]]) -> None:
    """Usage error (exit 2) for a --lexicon that is not a folder."""
    for d in lexicon or []:
        if not d.is_dir():
            _err(f"--lexicon {d}: {'not a directory' if d.exists() else 'no such folder'}")
            raise typer.Exit(2)


def _make_coder(lexicon: Optional[List[Path]], modality: str, lang: str | None = None, explain: bool = False):
    """The Coder for a command (exit 2 on a bad lexicon); with ``lang`` (every document's language)
    only that pack is loaded up front, which shortens start-up; ``explain`` adds the stage that
    names the pack entries behind each trigger and party (tidings.explain)."""
    from tidings.lexicon import LexiconError, available_languages
    from tidings.coder import Coder

    _check_lexicon_dirs(lexicon)
    if lexicon:
        from tidings.lexicon import validate_all

        problems = [p for p in validate_all([str(d) for d in lexicon]) if any(p.startswith(str(d)) for d in lexicon)]
        if problems:  # a broken lexicon is a usage error before any document is read
            for p in problems:
                _err(p)
            raise typer.Exit(2)
    try:
        langs = [lang] if lang and lang in available_languages([str(d) for d in lexicon or []]) else None
        coder = Coder(lexicon_dirs=[str(d) for d in lexicon or []], modalities=_modalities(modality), languages=langs)
        if explain:
            from tidings.explain import Explain

            coder.stages.append(Explain())
    except LexiconError as exc:
        _err(str(exc))
        raise typer.Exit(2)
    return coder


def _check_options(lang: str | None, published: str | None, url: str | None = None):
    """The run's options checked once (:class:`tidings.options.RunOptions`); a usage error (exit 2)
    for a value that would fail every document (a bad --lang, a --published that is not a date or
    is in the future)."""
    from tidings.options import OptionError, RunOptions

    try:
        return RunOptions.parse(lang, published, url)
    except OptionError as exc:
        _err(str(exc))
        raise typer.Exit(2)


def _table(events, console) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold", pad_edge=False)
    table.add_column("doc", overflow="ellipsis", max_width=16)
    table.add_column("event", no_wrap=True)
    table.add_column("actor -> recipient", overflow="fold", ratio=2)
    table.add_column("date", no_wrap=True)
    table.add_column("place", overflow="ellipsis", max_width=18)
    table.add_column("trigger", overflow="fold", ratio=1)

    def parties(lst):
        return ", ".join(a.code for a in lst) or "?"

    for ev in events:
        kind = f"{ev.event_type} {ev.cameo_code}" + ("" if ev.modality == "asserted" else f" ({ev.modality})")
        place = (ev.location.name or ev.location.country or "") if ev.location else ""
        cells = (ev.doc_id, kind, f"{parties(ev.actors)} -> {parties(ev.recipients) if ev.recipients else '-'}",
                 ev.date or "-", place, ev.trigger.text + (f" ({ev.explain['trigger']['entry']})" if ev.explain else ""))
        table.add_row(*(escape(c) for c in cells))  # ids and text may hold [brackets]
    console.print(table)


@app.command("code")
def code_cmd(
    paths: List[str] = typer.Argument(..., help="Files (.txt, .html/.htm, .jsonl), directories (read recursively) or - for stdin."),
    format: Optional[OutFormat] = typer.Option(None, "--format", "-f", help="jsonl: one event record a line (the default when piped); table: readable (the default on a terminal)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="ISO 639-1 language of every input (default: detected per document)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD or ISO timestamp) for inputs that lack one; relative dates resolve against it."),
    url: Optional[str] = typer.Option(None, "--url", help="Source URL for inputs that lack one (it can also give the date)."),
    lexicon: Optional[List[Path]] = typer.Option(None, "--lexicon", help="A folder of language-pack files (LANG/events.tsv, actors.tsv, frames.tsv, dates.tsv, chrome.tsv, places.tsv; LANG an ISO 639-1 code) that extend or override the packaged ones. Repeatable."),
    modality: str = typer.Option("default", "--modality", help="Which events to output: default (asserted and claimed), all, or a comma list of asserted, claimed, negated, hypothetical, future."),
    article: bool = typer.Option(False, "--article", help="Also print each cleaned article's fields (title, language, dateline, published) as a JSON line on stderr."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar on stderr (default: on when stderr is a terminal)."),
    explain: bool = typer.Option(False, "--explain", help="Add to each event an 'explain' field: the pack entry (file:line, or the dictionary source of an imported one) behind its trigger and each actor and recipient (docs/record.md)."),
) -> None:
    """Code news articles into event records (PLOVER type, CAMEO code, actors, date, place, evidence).

    Each event is one JSON object a line with the fields of the event record (see docs/record.md).
    Bad inputs get one error line each on stderr and the rest go on; the exit status is 1 when some
    input failed, 2 on a usage error, 0 otherwise.
    """
    from rich.console import Console

    from tidings.read import iter_documents
    from tidings.run import code_documents

    options = _check_options(lang, published, url)
    coder = _make_coder(lexicon, modality, options.lang, explain)
    fmt = format or (OutFormat.table if sys.stdout.isatty() else OutFormat.jsonl)
    console = Console()
    show_progress = sys.stderr.isatty() if progress is None else progress
    failures = 0
    n_docs = n_events = 0
    collected = []
    bar = None
    if show_progress:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        bar = Progress(TextColumn("coding"), BarColumn(), TextColumn("{task.fields[docs]} docs, {task.fields[events]} events, {task.fields[failed]} failed"),
                       TimeElapsedColumn(), console=Console(stderr=True), transient=True)
        task = bar.add_task("code", total=None, docs=0, events=0, failed=0)
        bar.start()
    out = sys.stdout
    try:
        for res in code_documents(iter_documents(paths, options=options), coder):
            if res.error:
                failures += 1
                _err(res.error)
            if res.doc is not None:
                n_docs += 1
                n_events += len(res.events)
                if res.article is not None and article:
                    print(json.dumps({"article": res.article.to_dict()}, ensure_ascii=False), file=sys.stderr)
                if fmt == OutFormat.jsonl:
                    for ev in res.events:
                        out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
                    out.flush()
                else:
                    collected.extend(res.events)
            if bar:
                bar.update(task, docs=n_docs, events=n_events, failed=failures)
    except BrokenPipeError:
        _stdout_gone()
    except KeyboardInterrupt:
        _err(f"interrupted after {n_docs} documents")
        raise typer.Exit(130)
    finally:
        if bar:
            bar.stop()
    try:
        if fmt == OutFormat.table:
            if collected:
                _table(collected, console)
            console.print(f"{n_docs} document(s), {n_events} event(s), {failures} failed", style="dim")
    except BrokenPipeError:  # "tidings code ... | head": the reader has what it wanted
        _stdout_gone()
    if n_docs == 0 and failures == 0:
        _err(f"no documents found in {', '.join(paths)} (readable inputs: .txt, .html, .htm, .jsonl, or - for stdin)")
        raise typer.Exit(1)
    if failures:
        raise typer.Exit(1)


def _index_documents(idx: list, folder: Path, index: Path):
    """The index's articles as RawDocuments, or a Failure naming the one that cannot be read."""
    from tidings.read import Failure, ReadError, decode_bytes
    from tidings.records import RawDocument

    for rec in idx:
        path = folder / f"{rec['id']}.txt"
        if path.resolve().parent != folder.resolve():
            yield Failure(str(index), f"id {rec['id']!r} is not a plain file name; skipped")
            continue
        try:
            text = decode_bytes(path.read_bytes(), str(path))
        except OSError as exc:
            yield Failure(str(path), exc.strerror or str(exc))
            continue
        except ReadError as exc:
            yield Failure(str(path), str(exc).removeprefix(f"{path}: "))
            continue
        yield RawDocument(rec["id"], text=text, url=rec.get("url"), published=rec.get("published"),
                          lang=rec.get("lang"), source=str(path))


@app.command("eval")
def eval_cmd(
    index: Path = typer.Option(..., "--index", help="index.jsonl: one article a line with id, lang, url."),
    gold: Path = typer.Option(..., "--gold", help="gold.jsonl: hand-coded events (format in the corpus's SCORING.md)."),
    articles: Optional[Path] = typer.Option(None, "--articles", help="Folder of the articles, one ID.txt per index id (default: articles/ beside the index)."),
    lexicon: Optional[List[Path]] = typer.Option(None, "--lexicon", help="Extra language-pack folders, as for `code`."),
    modality: str = typer.Option("default", "--modality", help="Events scored: default, all, or a comma list (as for `code`)."),
    json_out: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    predictions: Optional[Path] = typer.Option(None, "--save-predictions", help="Also write the coded events as JSON Lines here."),
) -> None:
    """Code the articles of an index and score the run against a gold file.

    Prints precision, recall and F1 for the levels type, dyad, directed and full, overall and per
    language, plus date and place accuracy among matched events.
    """
    from tidings.evaluate import GoldError, check_gold, check_index, evaluate, format_report, load_jsonl

    for p in (index, gold):
        if not p.is_file():
            _err(f"{p}: no such file")
            raise typer.Exit(2)
    folder = articles or index.parent / "articles"
    if not folder.is_dir():
        _err(f"{folder}: no such folder of articles (give --articles)")
        raise typer.Exit(2)
    try:
        idx = check_index(load_jsonl(index), str(index))
        gold_lines = check_gold(load_jsonl(gold), str(gold))
    except (GoldError, ValueError, UnicodeDecodeError) as exc:
        _err(str(exc))
        raise typer.Exit(2)
    coder = _make_coder(lexicon, modality)
    from tidings.run import code_documents

    preds = []
    failed = 0
    t0 = time.perf_counter()
    for res in code_documents(_index_documents(idx, folder, index), coder):
        if res.error:
            _err(res.error)
            failed += 1
            continue
        preds.extend(ev.to_dict() for ev in res.events)
    elapsed = time.perf_counter() - t0
    if predictions:
        try:
            with open(predictions, "w", encoding="utf-8") as fh:
                for p in preds:
                    fh.write(json.dumps(p, ensure_ascii=False) + "\n")
        except OSError as exc:
            _err(f"--save-predictions {predictions}: {exc.strerror or exc}")
            raise typer.Exit(2)
    result = evaluate(gold_lines, preds, idx)
    result["articles"] = len(idx)
    result["events"] = len(preds)
    result["seconds"] = round(elapsed, 2)
    result["failed"] = failed
    if json_out:
        print(json.dumps(result, indent=1))
    else:
        print(format_report(result, f"{len(idx)} articles, {len(preds)} events coded in {elapsed:.2f} s"
                                    + (f", {failed} article(s) could not be coded" if failed else "")))
    if failed:
        raise typer.Exit(1)


@lexicon_app.command("check")
def lexicon_check(
    lexicon: Optional[List[Path]] = typer.Option(None, "--lexicon", help="Extra language-pack folders to check with the packaged ones."),
) -> None:
    """Load every language pack and report each problem as file:line: message (exit 1 if any;
    2 when a --lexicon folder does not exist)."""
    from tidings.lexicon import available_languages, validate_all

    _check_lexicon_dirs(lexicon)
    problems = validate_all([str(d) for d in lexicon or []])
    for p in problems:
        print(p)
    if problems:
        raise typer.Exit(1)
    print(f"ok: {', '.join(available_languages([str(d) for d in lexicon or []]))}")


@lexicon_app.command("import")
def lexicon_import(
    files: List[Path] = typer.Argument(..., help="TABARI/PETRARCH dictionary files: *.verbs (or CAMEO*/verbpatterns*), *.actors, *.agents."),
    lang: str = typer.Option(..., "--lang", help="ISO 639-1 language of the dictionaries (en, es ...)."),
    name: str = typer.Option(..., "--name", help="Short name for the generated files: LANG/events.NAME.tsv, actors.NAME.tsv."),
    out: Path = typer.Option(..., "--out", help="Folder to write into: a --lexicon folder, or tidings/lang to update the packaged packs."),
    people_shared: bool = typer.Option(True, "--people-shared/--people-in-lang", help="Write named people to _all (every language) or only to LANG."),
    agent_min_words: int = typer.Option(1, "--agent-min-words", min=1, help="Drop agent phrases of fewer words (for agent lists whose one-word entries are unreliable)."),
) -> None:
    """Convert TABARI/PETRARCH dictionaries into language-pack files, keeping each entry's source
    (file:line) and the licence; prints what was kept and dropped (docs/languages.md)."""
    from tidings.dictionaries import import_dictionaries

    for f in files:
        if not f.is_file():
            _err(f"{f}: not a file")
    try:
        summary = import_dictionaries(files, lang, out, name, people_shared=people_shared, agent_min_words=agent_min_words)
    except (ValueError, OSError) as exc:
        _err(str(exc))
    for f in files:
        dropped = ", ".join(f"{why}: {n}" for why, n in summary.dropped[str(f)].items()) or "none"
        print(f"{f}: {summary.kept[str(f)]} rows kept; {summary.skipped_lines[str(f)]} unreadable lines; dropped: {dropped}")
    for path, n in summary.written.items():
        print(f"wrote {path} ({n} rows)")


@lexicon_app.command("coverage")
def lexicon_coverage(
    lexicon: Optional[List[Path]] = typer.Option(None, "--lexicon", help="Extra language-pack folders counted with the packaged ones."),
    only: bool = typer.Option(False, "--only", help="Count only the --lexicon folders, not the packaged packs."),
    markdown: bool = typer.Option(False, "--markdown", help="Print a Markdown table."),
    update: Optional[Path] = typer.Option(None, "--update", help="Write the Markdown table into this file between its coverage markers (docs/languages.md)."),
) -> None:
    """Trigger entries per three-digit CAMEO code (those PLOVER codes) and language, from every
    events*.tsv of the packs, and the holes: codes a language has no entry for (exit 1 if any)."""
    from tidings.lexicon import LexiconError
    from tidings.lexicon_tools import coverage, coverage_table, update_doc

    _check_lexicon_dirs(lexicon)
    try:
        cov = coverage([str(d) for d in lexicon or []], packaged=not only)
    except LexiconError as exc:
        _err(str(exc))
        raise typer.Exit(2)
    if not cov.langs:
        _err("no events*.tsv files found")
        raise typer.Exit(2)
    if update is not None:
        try:
            update_doc(update, coverage_table(cov, markdown=True))
        except (OSError, ValueError) as exc:
            _err(str(exc))
            raise typer.Exit(2)
    print(coverage_table(cov, markdown=markdown), end="")
    if cov.holes():
        raise typer.Exit(1)


@lexicon_app.command("usage")
def lexicon_usage(
    paths: List[str] = typer.Argument(..., help="The corpus: files (.txt, .html, .jsonl), directories or - for stdin, as `tidings code` reads them."),
    lang: Optional[str] = typer.Option(None, "--lang", help="ISO 639-1 language of every input (default: detected per document)."),
    lexicon: Optional[List[Path]] = typer.Option(None, "--lexicon", help="Extra language-pack folders, as for `code`."),
    modality: str = typer.Option("default", "--modality", help="Events counted: default, all, or a comma list (as for `code`)."),
    top: int = typer.Option(20, "--top", min=1, help="How many of the most used entries to list."),
) -> None:
    """Code a corpus and list the pack entries behind its events by the number of documents they
    fire in: the most used, then every entry that fires in a single document (a rule written for one
    text, or a sense that fires where it should not), as PETRARCH users read null-verb reports."""
    from tidings.lexicon_tools import Usage, usage_report
    from tidings.read import iter_documents
    from tidings.run import code_documents

    coder = _make_coder(lexicon, modality, explain=True)
    usage = Usage()
    for res in code_documents(iter_documents(paths, lang=lang), coder):
        if res.error:
            usage.failed += 1
            _err(res.error)
        elif res.doc is not None:
            usage.add(res.doc.doc_id, res.events)
    if usage.docs == 0:
        _err(f"no documents coded from {', '.join(paths)}")
        raise typer.Exit(1)
    print(usage_report(usage, top, usage.pack_sizes([str(d) for d in lexicon or []])), end="")


try:  # the store commands (ingest, export, stats)
    from tidings.store.commands import register as _register_store

    _register_store(app)
except ImportError:  # pragma: no cover - store not installed
    pass


from tidings.serve.cli import serve_cmd  # noqa: E402 - tidings serve (HTTP API and dashboard)
from tidings.scale.cli import batch_cmd  # noqa: E402 - tidings batch (archive scale, on Dask)

app.command("serve")(serve_cmd)
app.command("batch")(batch_cmd)


CLOSED_STDOUT_STATUS = 141  # 128 + SIGPIPE: what the shell reports for any tool whose reader went away


class _ClosedStdout:
    """Stands for a standard output that was closed before the start (``tidings export >&-``):
    the first write ends the process as a write to a pipe without reader does (SIGPIPE)."""

    def write(self, _text: str) -> int:
        import errno
        import os
        import signal

        if hasattr(signal, "SIGPIPE"):
            os.kill(os.getpid(), signal.SIGPIPE)  # the default action (set in main) ends the process
        raise BrokenPipeError(errno.EPIPE, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _stdout_gone() -> None:
    """End quietly with :data:`CLOSED_STDOUT_STATUS` once standard output is gone (the reader of a
    pipe is done, or it was closed): no traceback, no second error when Python flushes at exit."""
    import os

    try:
        if sys.stdout.fileno() == 1:  # not under a test runner's captured output
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    except (OSError, ValueError, AttributeError):
        pass
    raise typer.Exit(CLOSED_STDOUT_STATUS)


def main() -> None:
    """Entry point of the ``tidings`` console script.

    A closed standard output ends every command quietly with status 141 (128 + SIGPIPE), as the
    shell reports for other tools: a pipe whose reader is done (``tidings export | head``; the
    default SIGPIPE action) or an output closed from the start (``>&-``)."""
    import signal

    if hasattr(signal, "SIGPIPE"):  # "tidings code ... | head": stop quietly when the reader is done
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    if sys.stdout is None:
        sys.stdout = _ClosedStdout()  # type: ignore[assignment]
    app()


if __name__ == "__main__":
    main()
