"""Per-part timings that used to be timed tests: cleaning one ~2 kB article, resolving one event
date, loading the ontology.  Run on a quiet machine; figures go into docs/performance.md.

    python benchmarks/bench_parts.py [--repeat N]

Prints one JSON object: milliseconds per cleaned article, per date resolution, per ontology load.
Targets (docs/performance.md): cleaning < 2 ms, a date < 1 ms, the ontology < 50 ms.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import tempfile
import time
from pathlib import Path

from tidings.clean import clean
from tidings.ontology import DATA_DIR, load_ontology
from tidings.records import RawDocument
from tidings.when import resolve_event_date

ARTICLE = ("Bakú, 10 de junio, AZERTAC\n\nEl 9 de junio se celebraron en Dusambé consultas entre los Ministerios "
           "de Asuntos Exteriores de los dos países. Las partes " + "revisaron la agenda y " * 75 +
           "acordaron reunirse de nuevo.\n\nPOLÍTICA EXTERIOR 2022-06-10 15:11:00")
SENTENCES = [("es", "El pasado martes, militares detuvieron a tres dirigentes en la capital el 9 de junio de 2022."),
             ("en", "Protesters gathered outside parliament on Monday, two days after the vote of 3 March."),
             ("ru", "В ночь на вторник беспилотники атаковали аэродром на юге страны."),
             ("ar", "انتقد مسؤولون يوم الاثنين غارات جوية شنتها طائرات يوم الأحد.")]


def per_call_ms(fn, n: int) -> float:
    """Mean milliseconds of ``fn(i)`` over ``n`` calls, after five warm-up calls."""
    for i in range(5):
        fn(i)
    t0 = time.perf_counter()
    for i in range(n):
        fn(i)
    return (time.perf_counter() - t0) * 1000 / n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=400, help="calls per measurement (default 400)")
    n = ap.parse_args().repeat
    raw = RawDocument("bench", text=ARTICLE)
    thu = dt.date(2022, 6, 9)
    copy = Path(tempfile.mkdtemp())  # a copy of the packaged files is read anew on each call
    for f in DATA_DIR.glob("*.tsv"):
        shutil.copy(f, copy / f.name)

    def date(i: int) -> None:  # distinct sentences defeat the cache
        lang, s = SENTENCES[i % 4]
        resolve_event_date(f"{s} ({i})", lang, published=thu, trigger_offset=10)

    print(json.dumps({
        "clean_ms_per_article": round(per_call_ms(lambda i: clean(raw), n), 3),
        "date_ms_per_call": round(per_call_ms(date, n), 3),
        "ontology_load_ms": round(per_call_ms(lambda i: load_ontology(copy), 20), 3),
    }))


if __name__ == "__main__":
    main()
