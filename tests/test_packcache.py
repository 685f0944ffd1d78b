"""The compiled cache (tidings.packcache): reused while nothing changed, rebuilt when a data file
changes, and never in the way (off, or an unwritable folder, still builds)."""
from __future__ import annotations

import os

from tidings import packcache


def _counting_build(calls, value):
    def build():
        calls.append(1)
        return value
    return build


def test_entry_is_reused_then_rebuilt_when_a_pack_file_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "xx"
    pack.mkdir()
    (pack / "events.tsv").write_text("pattern\ttype\nmeet\tCONSULT\n", encoding="utf-8")
    calls: list[int] = []
    first = packcache.cached("res-xx", [pack], [], _counting_build(calls, {"events": ["meet"]}))
    again = packcache.cached("res-xx", [pack], [], _counting_build(calls, {"events": ["never built"]}))
    assert (first, again, len(calls)) == ({"events": ["meet"]}, {"events": ["meet"]}, 1)
    (pack / "events.tsv").write_text("pattern\ttype\nmeet\tCONSULT\ntalks\tCONSULT\n", encoding="utf-8")
    changed = packcache.cached("res-xx", [pack], [], _counting_build(calls, {"events": ["meet", "talks"]}))
    assert changed == {"events": ["meet", "talks"]} and len(calls) == 2
    # the entry it replaced is gone; one file per (name, folders)
    assert len(list((tmp_path / "cache").glob("res-xx-*.pickle"))) == 1


def test_other_folders_keep_their_own_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(tmp_path / "cache"))
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        d.mkdir()
        (d / "events.tsv").write_text("pattern\ttype\n", encoding="utf-8")
    calls: list[int] = []
    packcache.cached("res-xx", [a], [], _counting_build(calls, "from a"))
    packcache.cached("res-xx", [b], [], _counting_build(calls, "from b"))
    assert packcache.cached("res-xx", [a], [], _counting_build(calls, "rebuilt")) == "from a"
    assert packcache.cached("res-xx", [b], [], _counting_build(calls, "rebuilt")) == "from b"
    assert len(calls) == 2


def test_off_and_unwritable_folders_build_every_time(tmp_path, monkeypatch):
    calls: list[int] = []
    monkeypatch.setenv("TIDINGS_CACHE_DIR", "off")
    assert packcache.cache_dir() is None
    assert packcache.cached("res-xx", [], [], _counting_build(calls, 1)) == 1
    assert packcache.cached("res-xx", [], [], _counting_build(calls, 2)) == 2
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    assert packcache.cached("res-xx", [], [], _counting_build(calls, 3)) == 3
    assert packcache.cached("res-xx", [], [], _counting_build(calls, 4)) == 4
    assert len(calls) == 4


def test_a_damaged_entry_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(tmp_path))
    calls: list[int] = []
    packcache.cached("res-xx", [], [], _counting_build(calls, [1, 2]))
    (entry,) = tmp_path.glob("res-xx-*.pickle")
    entry.write_bytes(b"\x80\x05 truncated")
    assert packcache.cached("res-xx", [], [], _counting_build(calls, [1, 2, 3])) == [1, 2, 3]
    assert len(calls) == 2


def test_default_folder_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.delenv("TIDINGS_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert packcache.cache_dir() == tmp_path / "tidings"
    assert os.fspath(packcache.cache_dir()).endswith("tidings")


def test_cached_file_is_built_once_rebuilt_when_a_pack_changes_and_none_when_unwritable(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "xx"
    pack.mkdir()
    (pack / "places.tsv").write_text("pattern\tkind\n", encoding="utf-8")
    built: list[str] = []

    def build(path):
        built.append(path.name)
        path.write_text(f"version {len(built)}", encoding="utf-8")

    first = packcache.cached_file("store-xx", [pack], [], build, suffix=".db")
    assert packcache.cached_file("store-xx", [pack], [], build, suffix=".db") == first
    assert first.read_text(encoding="utf-8") == "version 1" and len(built) == 1
    (pack / "places.tsv").write_text("pattern\tkind\nGaza\tcity\n", encoding="utf-8")
    second = packcache.cached_file("store-xx", [pack], [], build, suffix=".db")
    assert second != first and second.read_text(encoding="utf-8") == "version 2"
    assert sorted((tmp_path / "cache").iterdir()) == [second]  # the replaced file and the temporary are gone
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(blocker / "cache"))
    assert packcache.cached_file("store-xx", [pack], [], build, suffix=".db") is None
    monkeypatch.setenv("TIDINGS_CACHE_DIR", "off")
    assert packcache.cached_file("store-xx", [pack], [], build, suffix=".db") is None


def test_place_lexicon_comes_from_the_cache_and_follows_a_changed_places_file(tmp_path, monkeypatch):
    from tidings.where.lexicon import _get_lexicon

    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(tmp_path / "cache"))
    user = tmp_path / "lex"
    (user / "en").mkdir(parents=True)
    places = user / "en" / "places.tsv"
    places.write_text("kind\tform\tvalue\nalias\tGotham\t5128581\n", encoding="utf-8")
    _get_lexicon.cache_clear()
    first = _get_lexicon("en", (str(user),))
    assert first.aliases["gotham"] == [5128581]
    assert len(list((tmp_path / "cache").glob("places-en-*.pickle"))) == 1
    _get_lexicon.cache_clear()
    assert _get_lexicon("en", (str(user),)).aliases == first.aliases  # read back from the cache
    places.write_text("kind\tform\tvalue\nalias\tMetropolis\tUSA\n", encoding="utf-8")
    os.utime(places, ns=(places.stat().st_mtime_ns + 10**9,) * 2)
    _get_lexicon.cache_clear()
    changed = _get_lexicon("en", (str(user),))
    _get_lexicon.cache_clear()
    assert "gotham" not in changed.aliases and "metropolis" in changed.aliases
    assert len(list((tmp_path / "cache").glob("places-en-*.pickle"))) == 1


def test_date_grammar_comes_from_the_cache_and_follows_a_changed_dates_file(tmp_path, monkeypatch):
    from tidings.when.grammar import _pack_cached

    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(tmp_path / "cache"))
    user = tmp_path / "lex"
    (user / "en").mkdir(parents=True)
    dates = user / "en" / "dates.tsv"
    dates.write_text("kind\tpattern\tvalue\nrelative_day\tforeyesterday\t-2\n", encoding="utf-8")
    _pack_cached.cache_clear()
    first = _pack_cached("en", (str(user),))
    assert first.relday["foreyesterday"] == -2 and first.relday["yesterday"] == -1
    assert len(list((tmp_path / "cache").glob("dates-en-*.pickle"))) == 1
    _pack_cached.cache_clear()
    again = _pack_cached("en", (str(user),))  # unpickled: its regexes compile on first use
    assert again.relday == first.relday and [n for n, _ in again.rx] == [n for n, _ in first.rx]
    dates.write_text("kind\tpattern\tvalue\nrelative_day\tereyesterday\t-2\n", encoding="utf-8")
    os.utime(dates, ns=(dates.stat().st_mtime_ns + 10**9,) * 2)
    _pack_cached.cache_clear()
    changed = _pack_cached("en", (str(user),))
    _pack_cached.cache_clear()
    assert "foreyesterday" not in changed.relday and changed.relday["ereyesterday"] == -2
    assert len(list((tmp_path / "cache").glob("dates-en-*.pickle"))) == 1
