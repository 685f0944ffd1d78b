"""The ``tidings`` command: code news into political event records, evaluate, store and export.

    tidings code ARTICLE.txt                    # a table on a terminal, JSON Lines when piped
    tidings code --format jsonl news/ > events.jsonl
    tidings eval --index corpus/dev/index.jsonl --gold corpus/dev/gold.jsonl
    tidings lexicon check [--lexicon DIR]
    tidings lexicon import --lang en --name phoenix --out DIR CAMEO.2.0.txt Phoenix.agents.txt ...
"""
from __future__ import annotations

import json
import re
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
lexicon_app = typer.Typer(help="Check and import language packs (tidings/lang/<xx>/ and your --lexicon folders).", no_args_is_help=True)
app.add_typer(lexicon_app, name="lexicon")


class OutFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


def _err(msg: str) -> None:
    """One line on stderr: control characters in names (a newline in a file name) are escaped."""
    line = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in str(msg))
    print(f"tidings: {line}", file=sys.stderr)


def _modalities(value: str) -> frozenset[str]:
    from tidings.pipeline import ALL_MODALITIES, DEFAULT_MODALITIES

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


def _make_coder(lexicon: Optional[List[Path]], modality: str):
    from tidings.lexicon import LexiconError
    from tidings.pipeline import Coder

    for d in lexicon or []:
        if not d.is_dir():
            _err(f"--lexicon {d}: not a directory")
            raise typer.Exit(2)
    if lexicon:
        from tidings.lexicon import validate_all

        problems = [p for p in validate_all([str(d) for d in lexicon]) if any(p.startswith(str(d)) for d in lexicon)]
        if problems:  # a broken lexicon is a usage error before any document is read
            for p in problems:
                _err(p)
            raise typer.Exit(2)
    try:
        coder = Coder(lexicon_dirs=[str(d) for d in lexicon or []], modalities=_modalities(modality))
        coder.resources("en")
    except LexiconError as exc:
        _err(str(exc))
        raise typer.Exit(2)
    return coder


def _check_options(lang: str | None, published: str | None) -> None:
    """Usage errors (exit 2) for option values that would fail every document: the reader's checks,
    plus no publication date in the future."""
    import datetime as dt

    from tidings.read import ReadError, check_options

    try:
        check_options(lang, published)
    except ReadError as exc:
        _err(str(exc))
        raise typer.Exit(2)
    if published is not None and published[:10] > (dt.date.today() + dt.timedelta(days=1)).isoformat():
        _err(f"--published {published!r}: a publication date cannot be in the future")
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
                 ev.date or "-", place, ev.trigger.text)
        table.add_row(*(escape(c) for c in cells))  # ids and text may hold [brackets]
    console.print(table)


@app.command("code")
def code_cmd(
    paths: List[str] = typer.Argument(..., help="Files (.txt, .html/.htm, .jsonl), directories (read recursively) or - for stdin."),
    format: Optional[OutFormat] = typer.Option(None, "--format", "-f", help="jsonl: one event record a line (the default when piped); table: readable (the default on a terminal)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="ISO 639-1 language of every input (default: detected per document)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD or ISO timestamp) for inputs that lack one; relative dates resolve against it."),
    url: Optional[str] = typer.Option(None, "--url", help="Source URL for inputs that lack one (it can also give the date)."),
    lexicon: Optional[List[Path]] = typer.Option(None, "--lexicon", help="A folder of language-pack files (<lang>/events.tsv, actors.tsv, frames.tsv) that extend or override the packaged ones. Repeatable."),
    modality: str = typer.Option("default", "--modality", help="Which events to output: default (asserted and claimed), all, or a comma list of asserted, claimed, negated, hypothetical, future."),
    article: bool = typer.Option(False, "--article", help="Also print each cleaned article's fields (title, language, dateline, published) as a JSON line on stderr."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar on stderr (default: on when stderr is a terminal)."),
) -> None:
    """Code news articles into event records (PLOVER type, CAMEO code, actors, date, place, evidence).

    Each event is one JSON object a line with the fields of the event record (see docs/record.md).
    Bad inputs get one error line each on stderr and the rest go on; the exit status is 1 when some
    input failed, 2 on a usage error, 0 otherwise.
    """
    from rich.console import Console

    from tidings.read import iter_documents
    from tidings.run import code_documents

    _check_options(lang, published)
    coder = _make_coder(lexicon, modality)
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
        for res in code_documents(iter_documents(paths, lang=lang, published=published, url=url), coder):
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
        sys.stderr.close()
        raise typer.Exit(0)
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
        sys.stderr.close()
        raise typer.Exit(0)
    if n_docs == 0 and failures == 0:
        _err(f"no documents found in {', '.join(paths)} (readable inputs: .txt, .html, .htm, .jsonl, or - for stdin)")
        raise typer.Exit(1)
    if failures:
        raise typer.Exit(1)


@app.command("eval")
def eval_cmd(
    index: Path = typer.Option(..., "--index", help="index.jsonl: one article a line with id, lang, url."),
    gold: Path = typer.Option(..., "--gold", help="gold.jsonl: hand-coded events (format in the corpus's SCORING.md)."),
    articles: Optional[Path] = typer.Option(None, "--articles", help="Folder of <id>.txt (default: articles/ beside the index)."),
    lexicon: Optional[List[Path]] = typer.Option(None, "--lexicon", help="Extra language-pack folders, as for `code`."),
    modality: str = typer.Option("default", "--modality", help="Events scored: default, all, or a comma list (as for `code`)."),
    json_out: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    predictions: Optional[Path] = typer.Option(None, "--save-predictions", help="Also write the coded events as JSON Lines here."),
) -> None:
    """Code the articles of an index and score the run against a gold file.

    Prints precision, recall and F1 for the levels type, dyad, directed and full, overall and per
    language, plus date and place accuracy among matched events.
    """
    from tidings.evaluate import evaluate, format_report, load_jsonl
    from tidings.records import RawDocument

    from tidings.evaluate import GoldError, check_gold, check_index
    from tidings.read import ReadError, decode_bytes

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
    from tidings.read import Failure
    from tidings.run import code_documents

    def documents():
        """The index's articles as RawDocuments, or a Failure naming the one that cannot be read."""
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

    preds = []
    failed = 0
    t0 = time.perf_counter()
    for res in code_documents(documents(), coder):
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
    """Load every language pack and report each problem as file:line: message (exit 1 if any)."""
    from tidings.lexicon import available_languages, validate_all

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
    name: str = typer.Option(..., "--name", help="Short name for the generated files: <lang>/events.NAME.tsv, actors.NAME.tsv."),
    out: Path = typer.Option(..., "--out", help="Folder to write into: a --lexicon folder, or tidings/lang to update the packaged packs."),
    people_shared: bool = typer.Option(True, "--people-shared/--people-in-lang", help="Write named people to _all (every language) or only to <lang>."),
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


try:  # the store commands (ingest, export, stats)
    from tidings.store.commands import register as _register_store

    _register_store(app)
except ImportError:  # pragma: no cover - store not installed
    pass


def main() -> None:
    """Entry point of the ``tidings`` console script."""
    import signal

    if hasattr(signal, "SIGPIPE"):  # "tidings code ... | head": stop quietly when the reader is done
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    app()


if __name__ == "__main__":
    main()
