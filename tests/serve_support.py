"""A small event store for the tests of ``tidings serve``, coded by the real pipeline from our
own sentences (four articles, six events), and helpers shared by the API and browser tests."""
from __future__ import annotations

from pathlib import Path

from tidings.records import RawDocument

XSS_TITLE = "<script>window.__xss = 1</script> Border row"

DOCS = [
    RawDocument("kyiv-talks", text="Ukraine and Poland sign grain deal\n\nKYIV, March 4 (Agency) - The foreign minister of "
                "Ukraine met the Polish prime minister in Kyiv on Monday. Ukraine signed an agreement with Poland "
                "on grain transit.", published="2024-03-05", lang="en", url="https://news.example/kyiv-talks"),
    # stored under its path, as `tidings ingest` stores files: an id with slashes and a space
    RawDocument("sudan-attack", text="Shelling in Khartoum\n\nThe Sudanese army shelled positions of the Rapid Support "
                "Forces in Khartoum on Tuesday. The police arrested twelve protesters in Omdurman.",
                published="2024-04-10", lang="en", key="/news/2024/04/sudan attack.txt"),
    # hostile text: every payload must show as text in the dashboard and run nothing
    RawDocument("xss", text=XSS_TITLE + "\n\nThe government of Chile <img src=x onerror=\"window.__xss=2\"> accused "
                "Peru of violating the border on Monday, said a spokesman at javascript:window.__xss=3.",
                published="2024-05-08", lang="en", url="javascript:window.__xss=4"),
    RawDocument("madrid-es", text="Cumbre en Madrid\n\nEl presidente de España se reunió con el canciller de Alemania "
                "en Madrid el lunes.", published="2024-03-12", lang="es"),
]

#: (event type, actor codes, recipient codes, date, place) of the six events, worked out by hand
EXPECTED = {
    ("CONSULT", ("UKRGOV", "POLGOV"), (), "2024-03-04", "Kyiv"),
    ("SUPPORT", ("UKR",), ("POL",), "2024-03-04", "Kyiv"),
    ("ASSAULT", ("SDNMIL",), ("SDNREB",), "2024-04-09", "Khartoum"),
    ("COERCE", ("SDNCOP",), ("SDNCVL",), "2024-04-10", "Omdurman"),
    ("ACCUSE", ("CHLGOV",), ("PER",), "2024-05-06", "Chile"),
    ("CONSULT", ("ESPGOV", "DEUGOV"), (), "2024-03-11", "Madrid"),
}

_CODER = None


def coder():
    """One shared ``tidings.pipeline.Coder`` (loading the packs takes a second or two)."""
    global _CODER
    if _CODER is None:
        from tidings.pipeline import Coder

        _CODER = Coder()
    return _CODER


def make_store(path: Path, docs=DOCS) -> Path:
    """Ingest ``docs`` into a new store at ``path`` with the real coder; returns the path."""
    from tidings.store.db import EventStore
    from tidings.store.ingest import ingest

    with EventStore(path) as store:
        rep = ingest(store, list(docs), coder())
    assert rep.failures == 0, rep
    return path
