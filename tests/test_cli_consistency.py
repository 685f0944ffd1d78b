"""One CLI: the same progress flag everywhere, complete help texts, quiet ends on a closed
standard output, usage errors for missing folders, eval counts that add up."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import typer.main

from tidings.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _commands(group, prefix=""):
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, f"{prefix}{name} ")
        else:
            yield prefix + name, cmd


def test_one_progress_flag_on_every_command():
    root = typer.main.get_command(app)
    with_progress = []
    for name, cmd in _commands(root):
        for p in cmd.params:
            flags = set(p.opts) | set(getattr(p, "secondary_opts", []))
            if any("progress" in f or f in ("--quiet", "-q") for f in flags):
                assert flags == {"--progress", "--no-progress"}, (name, flags)
                with_progress.append(name)
    assert {"code", "ingest"} <= set(with_progress)


def test_help_texts_keep_their_placeholders():
    root = typer.main.get_command(app)
    helps = {name: " ".join((" ".join(p.help or "" for p in cmd.params if hasattr(p, "help")) + " " +
                             (cmd.help or "")).split()) for name, cmd in _commands(root)}
    assert "LANG/events.tsv" in helps["code"] and "one ID.txt per index id" in helps["eval"]
    assert "default: print only" in helps["stats"]
    assert all("<" not in h and ">" not in h.replace("->", "") for h in helps.values()), helps


def _tidings(*args, **kw):
    return subprocess.run([sys.executable, "-m", "tidings", *args], cwd=ROOT, timeout=120, **kw)


def test_closed_stdout_ends_quietly_like_a_broken_pipe(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Russian troops attacked Kharkiv on Monday.", encoding="utf-8")
    for args in (["code", str(text), "--published", "2024-03-04"], ["lexicon", "check"]):
        r = _tidings(*args, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1))
        assert r.returncode == -signal.SIGPIPE, (args, r.returncode)  # the shell shows 141
        assert r.stderr == b"", args
    proc = subprocess.Popen([sys.executable, "-m", "tidings", "code", str(text), str(text), "--published",
                             "2024-03-04"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader goes away before the first line
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == -signal.SIGPIPE and b"Traceback" not in err


def test_lexicon_check_of_a_missing_folder_is_a_usage_error(tmp_path):
    r = _tidings("lexicon", "check", "--lexicon", str(tmp_path / "nope"), capture_output=True)
    assert r.returncode == 2
    assert r.stderr.decode().strip() == f"tidings: --lexicon {tmp_path / 'nope'}: no such folder"


def test_eval_counts_add_up():
    from tidings.evaluate import format_report, score

    gold = {"d1": [{"plover": "ASSAULT", "source": {"country": "RUS"}, "target": {"country": "UKR"}, "date": None},
                   {"plover": "CONSULT", "source": {"country": "FRA"}, "target": {"country": "DEU"}, "date": None,
                    "optional": True}]}
    preds = {"d1": [
        {"event_type": "ASSAULT", "actors": [{"country": "RUS"}], "recipients": [{"country": "UKR"}], "date": None},
        {"event_type": "CONSULT", "actors": [{"country": "FRA"}], "recipients": [{"country": "DEU"}], "date": None},
        {"event_type": "PROTEST", "actors": [{"country": "VEN"}], "recipients": [], "date": None},
    ]}
    m = score(gold, preds, "type")
    assert (m["tp"], m["fp"], m["fn"], m["opt"]) == (1, 1, 0, 1)
    assert m["tp"] + m["fp"] + m["opt"] == 3
    report = format_report({"scored": 3, **{lvl: score(gold, preds, lvl) for lvl in ("type", "dyad", "directed", "full")}})
    assert report.splitlines()[1].split() == ["level", "P", "R", "F1", "tp", "fp", "fn", "opt"]
