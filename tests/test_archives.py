"""Streaming readers of WARC, WARC.gz, JSONL.gz and JSONL.zst (tidings.read.archives via iter_documents)."""
from __future__ import annotations

import gzip
import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from archive_data import STORIES, filler, html_page, story_lines, story_warc, write_jsonl, write_warc
from tidings.pipeline import Coder
from tidings.read import Failure, iter_documents
from tidings.records import RawDocument
from tidings.run import code_documents


def _split(items):
    docs = [x for x in items if isinstance(x, RawDocument)]
    fails = [x for x in items if isinstance(x, Failure)]
    return docs, fails


def test_warc_keeps_html_and_text_records_and_skips_the_rest(tmp_path):
    cp1251 = "Российские войска обстреляли Харьков.".encode("cp1251")
    recs = [
        {"type": "warcinfo", "uri": "", "ctype": "application/warc-fields", "body": b"software: test\r\n"},
        {"type": "response", "uri": "https://a.example/1", "ctype": "text/html; charset=utf-8",
         "body": html_page("One", "Première phrase.").encode(), "date": "2024-03-14T10:20:00Z"},
        {"type": "response", "uri": "https://a.example/404", "ctype": "text/html", "status": "404 Not Found",
         "body": b"<html><body><p>not here</p></body></html>"},
        {"type": "response", "uri": "https://a.example/logo.png", "ctype": "image/png", "body": b"\x89PNG\r\n\x1a\n"},
        {"type": "request", "uri": "https://a.example/1", "ctype": "application/http; msgtype=request", "body": b"GET / HTTP/1.1\r\n\r\n"},
        {"type": "resource", "uri": "file:///notes.txt", "ctype": "text/plain", "body": "Zweiter Text.".encode()},
        {"type": "response", "uri": "https://b.example/ru", "ctype": "text/html; charset=windows-1251",
         "body": b"<html><body><p>" + cp1251 + b"</p></body></html>"},
        {"type": "conversion", "uri": "https://c.example/wet", "ctype": "text/plain", "body": "Texto convertido.".encode()},
    ]
    for gz in (True, False):
        path = tmp_path / ("crawl-01.warc.gz" if gz else "crawl-01.warc")
        write_warc(path, recs, gz=gz)
        docs, fails = _split(list(iter_documents([str(path)])))
        assert fails == []
        assert [d.doc_id for d in docs] == ["crawl-01:2", "crawl-01:6", "crawl-01:7", "crawl-01:8"]
        assert [d.url for d in docs] == ["https://a.example/1", "file:///notes.txt", "https://b.example/ru", "https://c.example/wet"]
        assert docs[0].crawled == "2024-03-14T10:20:00" and docs[0].published is None
        assert "Première phrase." in docs[0].html and docs[0].text is None
        assert docs[1].text == "Zweiter Text." and docs[1].html is None
        assert "Российские войска обстреляли Харьков." in docs[2].html  # the header's charset
        assert docs[3].text == "Texto convertido."
        assert docs[0].source == f"{path}:2"


def test_crawl_time_is_the_publication_date_only_when_the_page_gives_none(tmp_path):
    body = "Die türkische Armee bombardierte am Sonntag Stellungen in Nordsyrien."
    path = tmp_path / "wet.warc"
    write_warc(path, [
        {"type": "resource", "uri": "file:///de.txt", "ctype": "text/plain", "body": body.encode(), "date": "2024-02-09T08:00:00Z"},
        {"type": "response", "uri": "https://news.example.org/x", "ctype": "text/html",
         "body": html_page("X", body, "2023-11-20").encode(), "date": "2024-02-09T08:00:00Z"},
    ], gz=False)
    res = list(code_documents(iter_documents([str(path)]), Coder()))
    assert [r.article.published_source for r in res] == ["crawl", "metadata"]
    assert [r.events[0].date for r in res] == ["2024-02-04", "2023-11-19"]  # the Sunday before each
    assert [(r.events[0].event_type, r.events[0].actors[0].code) for r in res] == [("ASSAULT", "TURMIL")] * 2


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_warc_keeps_every_record_before_the_damage(tmp_path, gz):
    rng = random.Random(7)
    recs = [{"type": "response", "uri": f"https://a.example/{i}", "ctype": "text/html",
             "body": html_page(f"T{i}", filler(rng, 300)).encode()} for i in range(6)]
    whole = tmp_path / ("w.warc.gz" if gz else "w.warc")
    write_warc(whole, recs, gz=gz)
    data = whole.read_bytes()
    # where each record starts, from the reader's own numbering of a whole file
    for frac in (0.3, 0.55, 0.9):
        cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
        cut.write_bytes(data[: int(len(data) * frac)])
        docs, fails = _split(list(iter_documents([str(cut)])))
        kept = len(docs)
        assert 1 <= kept < 6
        assert [d.doc_id for d in docs] == [f"cut:{i}" for i in range(1, kept + 1)]
        assert [d.url for d in docs] == [f"https://a.example/{i}" for i in range(kept)]
        assert len(fails) == 1, fails
        f = fails[0]
        assert f.source == f"{cut}:{kept + 1}"
        assert "byte offset" in f.reason and f"the {kept} record(s) before it were kept" in f.reason
        offset = int(f.reason.split("byte offset ")[1].split()[0])
        if not gz:  # the offset is where the damaged record starts in the file
            assert data[offset:offset + 8] == b"WARC/1.0" and offset < len(cut.read_bytes())


def test_bytes_that_are_no_warc_are_a_failure_not_a_crash(tmp_path):
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not a WARC file at all\n" * 10)
    docs, fails = _split(list(iter_documents([str(path)])))
    assert docs == [] and len(fails) == 1
    assert fails[0].source.startswith(str(path)) and "byte offset 0" in fails[0].reason


@pytest.mark.parametrize("ext", [".jsonl.gz", ".jsonl.zst"])
def test_compressed_jsonl_reads_like_jsonl_and_names_lines_by_the_stem(tmp_path, ext):
    path = tmp_path / f"dump-7{ext}"
    lines = story_lines()[:2] + [json.dumps({"text": "Sin identificador.", "lang": "es"}), "{broken"]
    write_jsonl(path, lines)
    items = list(iter_documents([str(path)]))
    docs, fails = _split(items)
    assert [d.doc_id for d in docs] == ["s0", "s1", "dump-7:3"]
    assert docs[0].text == STORIES[0][1] and docs[0].published == "2023-11-20" and docs[0].lang == "en"
    assert [f.source for f in fails] == [f"{path}:4"] and "not valid JSON" in fails[0].reason


@pytest.mark.parametrize("ext", [".jsonl.gz", ".jsonl.zst"])
def test_truncated_compressed_jsonl_keeps_every_line_before_the_damage(tmp_path, ext):
    rng = random.Random(3)
    lines = [json.dumps({"id": f"n{i}", "text": filler(rng, 120)}) for i in range(1500)]  # zstd blocks: 128 kB
    path = tmp_path / f"big{ext}"
    write_jsonl(path, lines)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    docs, fails = _split(list(iter_documents([str(path)])))
    n = len(docs)
    assert 200 < n < 1500
    assert [d.doc_id for d in docs] == [f"n{i}" for i in range(n)]
    assert [d.text for d in docs] == [json.loads(x)["text"] for x in lines[:n]]
    assert len(fails) == 1 and fails[0].source == f"{path}:{n + 1}"
    kind = "zstd" if ext.endswith("zst") else "gzip"
    decompressed = sum(len(x) + 1 for x in lines[:n])
    assert fails[0].reason.startswith(f"damaged {kind} stream (the file ends inside a ")
    assert f"at byte {decompressed} of the decompressed data" in fails[0].reason
    assert f"the {n} line(s) before it were kept" in fails[0].reason


def test_corrupt_gzip_member_in_a_multi_member_file_keeps_the_members_before(tmp_path):
    good = story_lines()
    member1 = gzip.compress(("\n".join(good[:3]) + "\n").encode())
    member2 = bytearray(gzip.compress(("\n".join(good[3:]) + "\n").encode()))
    member2[20:30] = b"\xff" * 10  # deflate data destroyed
    path = tmp_path / "multi.jsonl.gz"
    path.write_bytes(member1 + bytes(member2))
    docs, fails = _split(list(iter_documents([str(path)])))
    assert [d.doc_id for d in docs] == ["s0", "s1", "s2"]
    assert len(fails) == 1 and "corrupt gzip data" in fails[0].reason and fails[0].source == f"{path}:4"


def test_a_directory_of_archives_is_read_in_path_order(tmp_path):
    story_warc(tmp_path / "b.warc.gz", STORIES[:2])
    write_jsonl(tmp_path / "a.jsonl.zst", story_lines(STORIES[2:3], start=10))
    (tmp_path / "c").mkdir()
    write_jsonl(tmp_path / "c" / "d.jsonl.gz", story_lines(STORIES[3:4], start=20))
    (tmp_path / "skip.warc.bak").write_bytes(b"x")
    docs, fails = _split(list(iter_documents([str(tmp_path)])))
    assert fails == []
    assert [d.doc_id for d in docs] == ["s10", "b:2", "b:4", "s20"]


MEASURE = textwrap.dedent("""
    import re, sys
    from tidings.read import iter_documents
    n = 0
    for item in iter_documents([sys.argv[1]]):
        n += 1
    # the peak resident set of this process image (VmHWM; ru_maxrss would count the forked parent)
    print(n, re.search(r"VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read()).group(1))
""")


def _peak_rss_kb(path: Path) -> tuple[int, int]:
    out = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, check=True)
    n, rss = out.stdout.split()
    return int(n), int(rss)


@pytest.mark.parametrize("kind", ["warc.gz", "jsonl.zst"])
def test_memory_does_not_grow_with_the_size_of_the_input(tmp_path, kind):
    rng = random.Random(11)
    pool = filler(rng, 30000)
    sizes = {}
    for n in (400, 3200):
        texts = [pool[(k := rng.randrange(len(pool) - 9000)):k + 8000] for _ in range(n)]  # 8 kB each
        path = tmp_path / f"n{n}.{kind}"
        if kind == "warc.gz":
            write_warc(path, [{"type": "response", "uri": f"https://a.example/{i}", "ctype": "text/html",
                               "body": html_page(f"T{i}", t).encode()} for i, t in enumerate(texts)])
        else:
            write_jsonl(path, [json.dumps({"id": f"r{i}", "text": t}) for i, t in enumerate(texts)])
        count, rss = _peak_rss_kb(path)
        assert count == n
        sizes[n] = rss
    # 8x the records (3.2 MB vs 25.6 MB of text) may cost a few MB of allocator noise, not the input
    assert sizes[3200] - sizes[400] < 8 * 1024, sizes
