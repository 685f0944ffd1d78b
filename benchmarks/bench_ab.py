"""Coding speed of this checkout against an earlier commit, measured fairly on a busy machine.

    python benchmarks/bench_ab.py [--base 7017a77] [--passes 12] [--corpus ../shared/corpus/dev]

On a machine other jobs share, even CPU seconds of one process vary by 30-40% between identical runs,
so two ``bench_code`` runs made minutes apart cannot tell a 20% speed-up from noise.  Here two worker
processes, one importing this checkout's ``tidings`` and one an export of ``--base`` (``git archive``,
with its own compiled pack cache), each load the coder and code the corpus once to warm up; then they
code the corpus one pass at a time, taking turns (base first on even rounds, new first on odd ones),
so both see the same load.  Prints the best and median CPU seconds per pass of each and the median of
the per-round ratios base/new (the speed-up; above 1 is faster).  Both are pinned to the same core.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def worker(src: str, corpus: Path) -> None:
    """Load the coder from ``src``, warm up, then code one pass per line read from stdin and print its
    CPU seconds."""
    sys.path.insert(0, src)
    sys.path.insert(1, str(HERE))
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass
    import tidings

    if not tidings.__file__.startswith(src):
        raise SystemExit(f"imported {tidings.__file__}, not the tree under {src}")
    from bench_code import load_docs
    from tidings.coder import Coder
    from tidings.records import RawDocument

    docs = load_docs(corpus if corpus.exists() else None)
    coder = Coder()
    for d in docs:
        coder.code_document(d)
    print(len(docs), flush=True)
    for r, _ in enumerate(sys.stdin):
        c0 = time.process_time()
        for d in docs:
            coder.code_document(RawDocument(f"{d.doc_id}-{r}", text=d.text, url=d.url, lang=d.lang, published=d.published))
        print(time.process_time() - c0, flush=True)


def main() -> None:
    from bench_code import DEFAULT_CORPUS

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="HEAD~1", help="the commit to compare with (default HEAD~1)")
    ap.add_argument("--passes", type=int, default=12)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker(args.worker, args.corpus)
    with tempfile.TemporaryDirectory(prefix="tidings-ab-") as tmp:
        base_src = Path(tmp) / "src"
        base_src.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.base, "tidings"], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(base_src)], input=archive.stdout, check=True)
        cmd = [sys.executable, str(Path(__file__).resolve()), "--corpus", str(args.corpus), "--worker"]
        procs = {
            "base": subprocess.Popen(cmd + [str(base_src)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     cwd=tmp, env=dict(os.environ, TIDINGS_CACHE_DIR=str(Path(tmp) / "cache"))),
            "new": subprocess.Popen(cmd + [str(ROOT)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=tmp),
        }
        n_docs = [int(p.stdout.readline()) for p in procs.values()][0]
        times: dict[str, list[float]] = {"base": [], "new": []}
        for i in range(args.passes):
            for name in ("base", "new") if i % 2 == 0 else ("new", "base"):
                p = procs[name]
                p.stdin.write("go\n")
                p.stdin.flush()
                times[name].append(float(p.stdout.readline()))
        for p in procs.values():
            p.stdin.close()
            p.wait()
    ratios = [b / n for b, n in zip(times["base"], times["new"])]
    for name, t in times.items():
        print(f"{name:4} ({args.base if name == 'base' else 'this checkout'}): best {min(t):.3f} CPU s per pass "
              f"({n_docs / min(t):.1f} articles per CPU s), median {statistics.median(t):.3f} "
              f"({n_docs / statistics.median(t):.1f})")
    print(f"speed-up new/base: median {statistics.median(ratios):.2f}x (rounds {min(ratios):.2f}-{max(ratios):.2f}x)")


if __name__ == "__main__":
    main()
