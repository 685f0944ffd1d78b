"""Reading inputs: encodings, input kinds, and bad input reported as Failure (never raised)."""
from __future__ import annotations

import io
import json
import os

import pytest

from tidings.read import Failure, ReadError, decode_bytes, iter_documents
from tidings.records import RawDocument

ES = "La cancillería de Chile convocó al embajador de Bolivia en Santiago por la disputa del río."
FR = "Le président a reçu à Genève son homologue; la réunion s'est déroulée à huis clos."


def _docs(paths, **kw):
    return list(iter_documents([str(p) for p in paths], **kw))


def test_txt_utf8_doc_id_and_options(tmp_path):
    p = tmp_path / "chile-bolivia.txt"
    p.write_text(ES + "\r\n\r\nSegunda línea.\r\n", encoding="utf-8")
    [d] = _docs([p], lang="es", published="2023-05-02", url="https://example.org/a")
    assert isinstance(d, RawDocument)
    assert d.doc_id == "chile-bolivia"
    assert d.text == ES + "\n\nSegunda línea.\n"
    assert d.html is None
    assert (d.lang, d.published, d.url, d.source) == ("es", "2023-05-02", "https://example.org/a", str(p))


def test_nfc_normalization(tmp_path):
    p = tmp_path / "n.txt"
    p.write_bytes("Bogote\u0301 y Medelli\u0301n".encode("utf-8"))  # decomposed accents
    [d] = _docs([p])
    assert d.text == "Bogoté y Medellín"


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"\xef\xbb\xbf" + ES.encode("utf-8"), ES),
        (b"\xff\xfe" + ES.encode("utf-16-le"), ES),
        (b"\xfe\xff" + ES.encode("utf-16-be"), ES),
        ("El año “electoral” – según él".encode("cp1252"), "El año “electoral” – según él"),
        (FR.encode("latin-1"), FR),
        ("Министр провёл переговоры в Москве с коллегой из Еревана.".encode("cp1251"),
         "Министр провёл переговоры в Москве с коллегой из Еревана."),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "cp1252", "latin1", "cp1251"],
)
def test_encodings(tmp_path, data, expected):
    p = tmp_path / "enc.txt"
    p.write_bytes(data)
    [d] = _docs([p])
    assert isinstance(d, RawDocument), str(d)
    assert d.text == expected


def test_html_meta_charset_is_respected():
    html = '<html><head><meta charset="windows-1251"></head><body><p>Москва</p></body></html>'
    assert "Москва" in decode_bytes(html.encode("cp1251"), "x.html")


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file, not text"),
        (bytes(range(1, 32)) * 20, "binary file, not text"),
        ("Texto cortado en la mitad de una letra á".encode("utf-8")[:-1], "truncated file"),
    ],
    ids=["empty", "blank", "png", "control-bytes", "truncated-utf8"],
)
def test_bad_files_become_failures(tmp_path, data, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    [f] = _docs([p])
    assert isinstance(f, Failure)
    assert f.source == str(p)
    assert f.reason.startswith(reason)
    assert str(f) == f"{p}: {f.reason}"


def test_decode_bytes_raises_read_error_naming_source():
    with pytest.raises(ReadError, match=r"^doc\.txt: binary file, not text$"):
        decode_bytes(b"abc\x00def", "doc.txt")


def test_missing_unsupported_and_too_large(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:  # sparse file just over 50 MB
        f.truncate(50 * 1024 * 1024 + 1)
    out = _docs([tmp_path / "nope.txt", pdf, big])
    assert [type(x) for x in out] == [Failure, Failure, Failure]
    assert out[0].reason == "no such file"
    assert out[1].reason.startswith("unsupported file type .pdf")
    assert out[2].reason.startswith("too large")


def test_broken_html_is_still_a_document(tmp_path):
    p = tmp_path / "broken.html"
    p.write_text("<html><body><div><p>Protesta en Quito contra el alza del pasaje<p>Sin cierre", encoding="utf-8")
    [d] = _docs([p])
    assert isinstance(d, RawDocument)
    assert d.doc_id == "broken" and d.text is None and d.html.startswith("<html>")


def test_jsonl_good_and_bad_lines(tmp_path):
    p = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": ES, "url": "https://x.org/2020/01/02/a", "published": "2020-01-02"}),
        "{not json",
        json.dumps({"id": "a3", "title": "sin cuerpo"}),
        json.dumps({"id": "a4", "html": "<p>Hola</p>", "lang": "es"}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"text": "Sin identificador, texto suficiente."}),
        json.dumps({"id": 7, "text": "x", "published": "ayer"}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = _docs([p], lang="fr", published="2021-06-01")
    got = [(x.doc_id, x.source) if isinstance(x, RawDocument) else str(x) for x in out]
    assert got == [
        ("a1", f"{p}:1"),
        f"{p}:2: not valid JSON (Expecting property name enclosed in double quotes, column 2)",
        f"{p}:3: no 'text' or 'html' field with content",
        ("a4", f"{p}:4"),
        f"{p}:6: expected a JSON object, got list",
        ("dump:7", f"{p}:7"),
        f"{p}:8: published 'ayer' is not a publication date (ISO YYYY-MM-DD[THH:MM:SS], from 1800 to now)",
    ]
    a1, a4, a7 = out[0], out[3], out[5]
    assert (a1.published, a1.lang, a1.url) == ("2020-01-02", "fr", "https://x.org/2020/01/02/a")  # line wins
    assert (a4.html, a4.text, a4.lang, a4.published) == ("<p>Hola</p>", None, "es", "2021-06-01")
    assert a7.text == "Sin identificador, texto suficiente."


def test_directory_mixing_good_and_bad_files(tmp_path):
    root = tmp_path / "in"
    (root / "b").mkdir(parents=True)
    (root / "1.txt").write_text(ES, encoding="utf-8")
    (root / "2.html").write_text("<html><body><p>" + FR + "</p></body></html>", encoding="utf-8")
    (root / "notes.pdf").write_bytes(b"%PDF")  # not named explicitly: skipped silently
    (root / ".hidden.txt").write_text("skip me", encoding="utf-8")
    (root / "b" / "3.txt").write_bytes(b"")
    (root / "b" / "4.htm").write_bytes(b"\x00\x01\x02binary")
    (root / "x.jsonl").write_text(json.dumps({"id": "j1", "text": ES}) + "\n{oops\n", encoding="utf-8")
    out = _docs([root])
    got = [x.doc_id if isinstance(x, RawDocument) else (x.source, x.reason) for x in out]
    assert got == [
        "1",
        "2",
        (str(root / "b" / "3.txt"), "empty file"),
        (str(root / "b" / "4.htm"), "binary file, not text"),
        "j1",
        (f"{root / 'x.jsonl'}:2", "not valid JSON (Expecting property name enclosed in double quotes, column 2)"),
    ]
    assert out[1].html is not None and out[0].text == ES


@pytest.mark.parametrize(
    "data, kind",
    [
        ((json.dumps({"id": "s1", "text": ES}) + "\n" + json.dumps({"id": "s2", "text": FR})).encode(), "jsonl"),
        (b"<!DOCTYPE html><html><body><p>" + FR.encode() + b"</p></body></html>", "html"),
        (ES.encode("utf-8"), "text"),
    ],
)
def test_stdin_is_sniffed(data, kind):
    out = list(iter_documents(["-"], stdin=io.BytesIO(data)))
    assert all(isinstance(x, RawDocument) for x in out)
    if kind == "jsonl":
        assert [x.doc_id for x in out] == ["s1", "s2"]
        assert [x.source for x in out] == ["-:1", "-:2"]
    elif kind == "html":
        assert out[0].html is not None and out[0].doc_id == "stdin"
    else:
        assert out[0].text == ES and out[0].source == "-"


def test_empty_stdin_is_a_failure():
    assert [str(x) for x in iter_documents(["-"], stdin=io.BytesIO(b""))] == ["-: empty input"]


@pytest.mark.parametrize(
    "kw, expected",
    [
        ({"published": "last week"}, "--published: published 'last week' is not a publication date (ISO YYYY-MM-DD[THH:MM:SS], from 1800 to now)"),
        ({"lang": "spanish"}, "--lang: lang 'spanish' is not an ISO 639-1 code such as 'es'"),
    ],
)
def test_bad_options_give_one_failure_and_no_documents(kw, expected):
    assert [str(x) for x in iter_documents([os.devnull, os.devnull], **kw)] == [expected]


def test_hostile_inputs_each_fail_alone(tmp_path):
    """Bad inputs found by trying to break the reader: each is one Failure naming it, the rest are read."""
    import json as _json

    from tidings.read import Failure, iter_documents

    d = tmp_path / "in"
    (d / "a").mkdir(parents=True)
    (d / "b").mkdir()
    (d / "a" / "index.txt").write_text("Russia condemned Ukraine on Monday.", encoding="utf-8")
    (d / "b" / "index.txt").write_text("France and Germany signed a treaty.", encoding="utf-8")
    os.mkfifo(d / "pipe.txt")
    (d / "deep.jsonl").write_text('{"id":"x","text":"t","extra":' + "[" * 100000 + "]" * 100000 + "}\n"
                                  + _json.dumps({"id": "ok", "text": "Peru expelled the Mexican ambassador."}) + "\n"
                                  + _json.dumps({"id": "u", "text": "Text.", "url": 123}) + "\n", encoding="utf-8")
    (d / "meta.html").write_bytes(b'<html><head><meta charset="undefined"></head><body><p>Police arrested protesters in Lima on Monday after a long march.</p></body></html>')
    items = list(iter_documents([str(d)]))
    docs = {i.doc_id: i for i in items if not isinstance(i, Failure)}
    fails = {i.source.rsplit("/", 1)[-1]: i.reason for i in items if isinstance(i, Failure)}
    # two files of one name in two folders are two documents
    assert {"index", f"{d}/b/index.txt", "ok", "meta"} <= set(docs)
    assert fails["pipe.txt"] == "not a regular file"
    assert fails["deep.jsonl:1"] == "JSON nested too deeply"
    assert fails["deep.jsonl:3"] == "field 'url' must be a string, got int"
    assert "Lima" in docs["meta"].html


def test_decoding_fallbacks():
    from tidings.read import decode_bytes

    text = "Kazajistán y Uzbekistán celebraron consultas en Astaná. " * 30
    one_bad_byte = text.encode("utf-8")[:100] + b"\xc3" + text.encode("utf-8")[100:]
    assert "Astaná" in decode_bytes(one_bad_byte, "x.txt")  # not read as cp1250 for one stray byte
    assert decode_bytes("Police arrested two men.".encode("utf-16-le"), "y.txt") == "Police arrested two men."
