"""Every input fails alone: a fuzzed reader never raises, unencodable JSONL fields fail their line,
non-Latin text without a byte-order mark and short Cyrillic code pages decode or are refused (never
mojibake), HTML extraction is bounded, and our own event files are skipped with a note."""
import io
import json
import logging
import random
import time

import pytest

from tidings.clean import CleanError, clean
from tidings.clean.html import HtmlTooCostly, extract_html
from tidings.read import Failure, ReadError, decode_bytes, iter_documents, plausible_text
from tidings.records import RawDocument
from tidings.store.testing import ScriptCoder

FIELDS = ["id", "text", "html", "url", "published", "lang", "extra"]


def _random_string(rnd):
    pool = ["a", "Z", " ", "\n", "\t", "é", "ж", "ب", "中", "\\", '"', "\x00", "\ud800", "\udfff", "\U0001f600", "\u202e"]
    return "".join(rnd.choice(pool) for _ in range(rnd.randrange(0, 30)))


def _random_value(rnd, depth=0):
    kind = rnd.randrange(7 if depth < 3 else 4)
    if kind == 0:
        return _random_string(rnd)
    if kind == 1:
        return rnd.choice([0, -1, 10**30, 1.5, float("1e300")])
    if kind == 2:
        return rnd.choice([None, True, False])
    if kind == 3:
        return "Tuesday the ministers met in Baku " * rnd.randrange(1, 4)
    if kind == 4:
        return [_random_value(rnd, depth + 1) for _ in range(rnd.randrange(3))]
    return {rnd.choice(FIELDS): _random_value(rnd, depth + 1) for _ in range(rnd.randrange(4))}


def _random_line(rnd) -> bytes:
    if rnd.random() < 0.7:
        obj = {k: _random_value(rnd) for k in rnd.sample(FIELDS, rnd.randrange(1, len(FIELDS)))}
    else:
        obj = _random_value(rnd)
    line = json.dumps(obj, ensure_ascii=rnd.random() < 0.5).encode("utf-8", "surrogatepass")
    if rnd.random() < 0.2:  # a corrupted byte
        i = rnd.randrange(len(line))
        line = line[:i] + bytes([rnd.randrange(256)]) + line[i + 1:]
    return line.replace(b"\n", b" ")


def _check(items):
    for item in items:
        assert isinstance(item, (RawDocument, Failure))
        if isinstance(item, RawDocument):
            for v in (item.doc_id, item.key, item.text, item.html, item.url, item.published, item.lang):
                if v is not None:
                    v.encode("utf-8")  # everything a document carries can be stored
            assert (item.text is None) != (item.html is None) and item.key
        else:
            assert item.reason and "\n" not in str(item)


def test_fuzzed_reader_never_raises(tmp_path):
    rnd = random.Random(20261204)
    lines_per_file = {}
    for i in range(40):
        lines = [_random_line(rnd) for _ in range(rnd.randrange(1, 8))]
        (tmp_path / f"f{i:02d}.jsonl").write_bytes(b"\n".join(lines) + b"\n")
        lines_per_file[f"f{i:02d}.jsonl"] = len([ln for ln in lines if ln.strip()])
    for i in range(60):
        ext = rnd.choice([".txt", ".html", ".htm"])
        size = rnd.randrange(0, 1500)
        data = bytes(rnd.randrange(256) for _ in range(size)) if i % 2 else _random_string(rnd).encode("utf-8", "surrogatepass")
        (tmp_path / f"r{i:02d}{ext}").write_bytes(data)
    t0 = time.perf_counter()
    items = list(iter_documents([str(tmp_path)]))
    _check(items)
    # each JSONL line gives exactly one item (a document or its failure), unless the whole file is
    # refused at once (a corrupted byte made it binary); each other file gives one item
    refused = {x.source.split("/")[-1] for x in items if isinstance(x, Failure) and x.source.endswith(".jsonl")}
    for name, n in lines_per_file.items():
        mine = [x for x in items if (x.source or "").split("/")[-1].split(":")[0] == name]
        assert len(mine) == (1 if name in refused else n), name
    assert len(refused) < len(lines_per_file) // 2  # most files are read line by line
    assert len(items) == sum(1 if k in refused else n for k, n in lines_per_file.items()) + 60
    for _ in range(20):  # the same through standard input
        data = b"\n".join(_random_line(rnd) for _ in range(5)) if rnd.random() < 0.5 else \
            bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 800)))
        _check(list(iter_documents(["-"], stdin=io.BytesIO(data))))
    assert time.perf_counter() - t0 < 60  # bounded: seconds, not minutes (a generous hang guard)


@pytest.mark.parametrize("field", ["id", "text", "url", "published"])
def test_lone_surrogate_fails_its_line_only(tmp_path, field):
    good = {"id": "ok", "text": "Ministers met in Baku on Tuesday."}
    bad = dict(good, id="bad")
    bad[field] = "x\ud800y" if field != "text" else "Ministers met \udc00 in Baku."
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps(bad) + "\n" + json.dumps(good) + "\n", encoding="utf-8")  # ensure_ascii: \ud800 escapes
    out = list(iter_documents([str(f)]))
    assert isinstance(out[0], Failure) and out[0].source == f"{f}:1"
    assert out[0].reason.startswith(f"field {field!r} holds text that cannot be encoded as UTF-8")
    assert isinstance(out[1], RawDocument) and out[1].doc_id == "ok"


RU = ["Министр иностранных дел России встретился с коллегой из Армении.",
      "Президент подписал указ.", "Москва", "Глава МИД прибыл в Ереван."]
AR = ["التقى وزير الخارجية المصري نظيره الأردني في القاهرة.", "وزارة الدفاع", "قال وزير الخارجية"]


@pytest.mark.parametrize("text", RU)
@pytest.mark.parametrize("enc", ["cp1251", "koi8-r", "utf-16-le", "utf-16-be"])
def test_cyrillic_single_byte_and_bomless_utf16(text, enc):
    assert decode_bytes(text.encode(enc), "x.txt") == text


@pytest.mark.parametrize("text", AR)
@pytest.mark.parametrize("enc", ["cp1256", "iso8859-6", "utf-16-le", "utf-16-be"])
def test_arabic_code_pages_and_bomless_utf16(text, enc):
    assert decode_bytes(text.encode(enc), "x.txt") == text


def test_undecodable_bytes_are_refused_not_guessed():
    rnd = random.Random(7)
    for _ in range(10):
        data = bytes(rnd.randrange(0x80, 0x100) if rnd.random() < 0.8 else 0x20 for _ in range(200))
        with pytest.raises(ReadError, match="undecodable bytes"):
            decode_bytes(data, "x.txt")
    # Western single-byte text is still read as such
    assert decode_bytes("Canción del año: reunión en Quito.".encode("cp1252"), "x") == "Canción del año: reunión en Quito."


def test_plausible_text_rejects_mojibake():
    assert plausible_text("Министр иностранных дел")
    assert plausible_text("Apple presented the new iPhone in Cupertino on Tuesday before the press.")  # 1 in 12
    for text in RU[0], RU[1], RU[3]:
        assert not plausible_text(text.encode("koi8-r").decode("cp1251")), text  # "нЙОЙУФТ": swapped case
        assert not plausible_text(text.encode("koi8-r").decode("cp1256")), text  # Arabic letters out of place
        assert not plausible_text(text.encode("cp1251").decode("cp1250")), text  # "Ěîńęâŕ": accents everywhere
    assert not plausible_text(RU[0].encode("koi8-r").decode("shift_jis", "replace"))


def test_a_40_mb_page_fails_in_seconds_with_a_reason():
    block = "<div class='c'><p>The delegation met the minister in the capital and discussed trade.</p></div>\n"
    page = "<html><body>" + block * (40_000_000 // len(block)) + "</body></html>"
    t0 = time.perf_counter()
    with pytest.raises(CleanError, match=r"big: HTML page too large to extract \(40\.0 million characters"):
        clean(RawDocument("big", html=page, source="big"))
    assert time.perf_counter() - t0 < 10


def test_html_extraction_has_a_time_limit():
    block = "<div class='c'><p>The delegation met the minister in the capital and discussed trade.</p></div>\n"
    page = "<html><body>" + block * (1_500_000 // len(block)) + "</body></html>"
    with pytest.raises(HtmlTooCostly, match=r"HTML extraction stopped after 0\.3 s"):
        extract_html(page, seconds=0.3)
    # an ordinary page is untouched by the limits
    ok = extract_html("<html><body><article><p>The foreign ministers of Chile and Peru met in Lima on "
                      "Monday to discuss the border.</p></article></body></html>")
    assert ok.text.startswith("The foreign ministers of Chile and Peru met in Lima")


def test_our_own_event_files_are_skipped_with_a_note(tmp_path, caplog):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("EVENT CONSULT actor=AZE:GOV recipient=TJK:GOV date=2022-06-10", encoding="utf-8")
    _, events = ScriptCoder().code_document(RawDocument("a", text=(news / "a.txt").read_text(), published="2022-06-10"))
    lines = "".join(json.dumps(e.to_dict()) + "\n" for e in events)
    (news / "events.jsonl").write_text(lines, encoding="utf-8")  # tidings code news/ > news/events.jsonl
    (news / "events.txt").write_text(lines, encoding="utf-8")    # the same, named .txt
    with caplog.at_level(logging.WARNING, logger="tidings.read"):
        items = list(iter_documents([str(news)]))
    assert [x.doc_id for x in items] == ["a"]
    notes = sorted(r.getMessage() for r in caplog.records)
    assert notes == [f"{news / 'events.jsonl'}: skipped: it holds tidings event records (output of `tidings code` "
                     "or `tidings export`), not articles",
                     f"{news / 'events.txt'}: skipped: it holds tidings event records (output of `tidings code` "
                     "or `tidings export`), not articles"]


def test_a_folder_with_nothing_readable_is_a_failure(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    out = list(iter_documents([str(tmp_path)]))
    assert [str(x) for x in out] == [f"{tmp_path}: no readable documents in this folder (expected .txt, .html, "
                                     ".htm or .jsonl files)"]


def test_own_event_records_on_stdin_are_skipped_in_any_encoding(caplog):
    # standard input goes through the same reader as files (tidings.read.read_opened): our own
    # event records are skipped whether the stream is UTF-8 (sniffed as JSON Lines) or UTF-16
    # (sniffed as text, then decoded), and an article in UTF-16 is still read
    _, events = ScriptCoder().code_document(RawDocument(
        "a", text="EVENT CONSULT actor=AZE:GOV recipient=TJK:GOV date=2022-06-10", published="2022-06-10"))
    lines = "".join(json.dumps(e.to_dict()) + "\n" for e in events)
    for data in (lines.encode("utf-8"), lines.encode("utf-16")):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="tidings.read"):
            assert list(iter_documents(["-"], stdin=io.BytesIO(data))) == []
        assert [r.getMessage() for r in caplog.records] == [
            "-: skipped: it holds tidings event records (output of `tidings code` or `tidings export`), not articles"]
    article = "Los ministros de Chile y Perú se reunieron en Lima.\n"
    (doc,) = list(iter_documents(["-"], stdin=io.BytesIO(article.encode("utf-16"))))
    assert (doc.doc_id, doc.text) == ("stdin", article)
