"""Speed and memory of `tidings code` on one core.

    python benchmarks/bench_code.py [--corpus ../shared/corpus/dev] [--repeat 20] [--json]

Prints these figures (targets in docs/performance.md):
  * start-up: seconds for `import tidings` plus loading every language pack, the ontology and the
    gazetteer, in a fresh process (the compiled pack cache, tidings.packcache, warm: the benchmark
    runs it once first to fill it; ``--cold`` measures without the cache); and seconds for `import
    tidings` plus ``Coder()``, whose packs load per language when first needed, with the CPU seconds
    until its first English article is coded;
  * throughput: articles per second coding the corpus (its articles repeated ``--repeat`` times
    under new ids) in one process on one core, after the first pass has warmed the caches;
  * peak RSS of that process (MB).
Each time is given as wall-clock seconds and as CPU seconds of the process (``time.process_time``):
on a shared machine only the CPU figures compare between runs.
Without a corpus folder, articles are generated from sentences written here.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = next((p for p in (HERE.parent.parent / "shared" / "corpus" / "dev",
                       HERE.parent.parent.parent / "shared" / "corpus" / "dev") if p.exists()),
                      HERE.parent.parent / "shared" / "corpus" / "dev")  # a checkout, or a worktree under wt/

GENERATED = [
    ("en", "Russian forces shelled the Ukrainian city of Kharkiv on Monday, the regional governor said. "
           "The French foreign minister met his German counterpart in Paris on Tuesday. "
           "Police arrested twelve protesters outside the parliament in Tbilisi."),
    ("es", "El canciller argentino se reunió con su homólogo chileno en Santiago el lunes. "
           "La policía detuvo a tres dirigentes opositores en Caracas. "
           "El gobierno colombiano condenó el ataque contra una base militar en el Cauca."),
    ("fr", "Le président sénégalais a reçu mardi à Dakar son homologue mauritanien. "
           "Les forces de l'ordre ont dispersé une manifestation à Bamako."),
]


def startup_seconds(langs: list[str], cold: bool = False) -> tuple[float, float]:
    """(wall-clock, CPU) seconds of a fresh process importing tidings and building a Coder with
    ``langs``, the ontology and the gazetteer."""
    code = ("import time; t=time.perf_counter(); c0=time.process_time(); import tidings; from tidings.coder import Coder; "
            f"c=Coder(); [c.resources(l) for l in {langs!r}]; from tidings.where import get_gazetteer; get_gazetteer(); "
            "print(time.perf_counter()-t, time.process_time()-c0)")
    env = dict(os.environ, TIDINGS_CACHE_DIR="off") if cold else None
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    wall, cpu = out.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def lazy_startup_seconds() -> tuple[float, float, float]:
    """(wall-clock, CPU) seconds of a fresh process importing tidings and building ``Coder()`` (packs
    load lazily, per language), and the CPU seconds until its first English article is coded (the
    English pack and the gazetteer loaded on the way)."""
    text = GENERATED[0][1]
    code = ("import time; t=time.perf_counter(); c0=time.process_time(); import tidings; from tidings.coder import Coder; "
            "c=Coder(); w=time.perf_counter()-t; c1=time.process_time()-c0; "
            f"c.code_text({text!r}, lang='en', published='2024-03-14'); print(w, c1, time.process_time()-c0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    wall, cpu, first = out.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu), float(first)


def load_docs(corpus: Path | None):
    from tidings.records import RawDocument

    docs = []
    if corpus and (corpus / "index.jsonl").is_file():
        for line in open(corpus / "index.jsonl", encoding="utf-8"):
            if line.strip():
                rec = json.loads(line)
                text = (corpus / "articles" / f"{rec['id']}.txt").read_text(encoding="utf-8")
                docs.append(RawDocument(rec["id"], text=text, url=rec.get("url"), lang=rec.get("lang")))
    else:
        for i, (lang, text) in enumerate(GENERATED):
            docs.append(RawDocument(f"gen{i}", text=text, lang=lang, published="2024-03-14"))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--cold", action="store_true", help="measure start-up without the compiled pack cache")
    ap.add_argument("--no-places", action="store_true", help="switch place resolution off (to measure its cost)")
    args = ap.parse_args()
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    except (AttributeError, OSError):
        pass
    from tidings.lexicon import available_languages
    from tidings.coder import Coder
    from tidings.records import RawDocument

    langs = available_languages()
    if not args.cold:
        startup_seconds(langs)  # fills the compiled pack cache when a pack or the code changed
    startup, startup_cpu = startup_seconds(langs, args.cold)
    lazy, lazy_cpu, first_cpu = lazy_startup_seconds()
    docs = load_docs(args.corpus if args.corpus.exists() else None)
    coder = Coder()
    if args.no_places:  # event places off (parties still take countries from places their sentence names)
        coder.disable("place", "infer_place")
    for d in docs:  # warm-up pass: fills the caches (lemmas, place look-ups)
        coder.code_document(d)
    n = events = chars = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for r in range(args.repeat):
        for d in docs:
            doc = RawDocument(f"{d.doc_id}-{r}", text=d.text, url=d.url, lang=d.lang, published=d.published)
            _, evs = coder.code_document(doc)
            n += 1
            events += len(evs)
            chars += len(d.text)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "articles": n, "events": events, "seconds": round(elapsed, 3),
        "articles_per_second": round(n / elapsed, 1), "kchars_per_second": round(chars / elapsed / 1000, 1),
        "cpu_seconds": round(cpu, 3), "articles_per_cpu_second": round(n / cpu, 1),
        "startup_seconds": round(startup, 2), "startup_cpu_seconds": round(startup_cpu, 2),
        "coder_startup_seconds": round(lazy, 2), "coder_startup_cpu_seconds": round(lazy_cpu, 2),
        "first_en_article_cpu_seconds": round(first_cpu, 2), "cold": args.cold, "peak_rss_mb": round(rss_mb, 1), "languages": langs,
        "corpus": str(args.corpus) if args.corpus.exists() else "generated", "places": not args.no_places,
    }
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"corpus: {result['corpus']} ({len(docs)} articles x {args.repeat}), places {'off' if args.no_places else 'on'}")
        print(f"throughput: {result['articles_per_second']} articles/s on one core "
              f"({result['kchars_per_second']} k chars/s, {events} events); "
              f"{result['articles_per_cpu_second']} articles per CPU second")
        print(f"start-up (import + all {len(langs)} packs + ontology + gazetteer, "
              f"{'no' if args.cold else 'warm'} pack cache): {result['startup_seconds']} s, "
              f"{result['startup_cpu_seconds']} CPU s")
        print(f"start-up of Coder() (packs load per language when first needed): {result['coder_startup_seconds']} s, "
              f"{result['coder_startup_cpu_seconds']} CPU s; to the first English article coded: "
              f"{result['first_en_article_cpu_seconds']} CPU s")
        print(f"peak RSS: {result['peak_rss_mb']} MB")


if __name__ == "__main__":
    main()
