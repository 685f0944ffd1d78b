"""Test archives written here (WARC with warcio's writer, JSONL compressed with gzip/zstd), from our
own sentences: each with the event it must give (type, actor codes, recipient codes, date)."""
from __future__ import annotations

import gzip
import io
import json
import random
from pathlib import Path

import zstandard
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# (lang, sentence, published, expected (type, actors, recipients, date))
STORIES = [
    ("en", "The German chancellor met the Polish prime minister in Warsaw on Friday.", "2023-11-20",
     ("CONSULT", ["DEUGOV", "POLGOV"], [], "2023-11-17")),
    ("fr", "Le gouvernement malien a expulsé jeudi l'ambassadeur de France à Bamako.", "2023-11-20",
     ("SANCTION", ["MLIGOV"], ["FRAGOV"], "2023-11-16")),
    ("it", "Il ministro degli Esteri italiano ha visitato il Cairo martedì.", "2024-02-08",
     ("CONSULT", ["ITAGOV"], ["EGYGOV"], "2024-02-06")),
    ("pt", "Polícia brasileira prendeu dois deputados em Brasília na quarta-feira.", "2024-02-08",
     ("COERCE", ["BRACOP"], ["BRALEG"], "2024-02-07")),
    ("es", "El presidente de México condenó el lunes las declaraciones de Estados Unidos.", "2023-11-20",
     ("ACCUSE", ["MEXGOV"], ["USA"], "2023-11-20")),
]


def html_page(title: str, sentence: str, published: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    return (f"<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
            f"<p>{sentence}</p></article></body></html>")


def write_warc(path: Path, records: list[dict], gz: bool = True) -> None:
    """``records``: dicts with ``type`` (response, resource, request...), ``uri``, ``date``,
    ``body`` (bytes), ``ctype`` (Content-Type), ``status`` (HTTP, for responses)."""
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        for r in records:
            headers = {"WARC-Date": r.get("date", "2024-02-09T08:00:00Z")}
            if r["type"] == "response":
                hh = StatusAndHeaders(r.get("status", "200 OK"), [("Content-Type", r["ctype"])], protocol="HTTP/1.1")
                rec = w.create_warc_record(r["uri"], "response", payload=io.BytesIO(r["body"]), http_headers=hh,
                                           warc_headers_dict=headers)
            else:
                headers["Content-Type"] = r["ctype"]
                rec = w.create_warc_record(r["uri"], r["type"], payload=io.BytesIO(r["body"]),
                                           warc_headers_dict=headers, warc_content_type=r["ctype"])
            w.write_record(rec)


def story_warc(path: Path, stories=STORIES, gz: bool = True) -> None:
    """One HTML response per story, dated by its page's metadata, plus a request record before each."""
    recs = []
    for i, (lang, sentence, published, _) in enumerate(stories):
        uri = f"https://news.example.org/{lang}/story-{i}"
        recs.append({"type": "request", "uri": uri, "ctype": "application/http; msgtype=request", "body": b"GET / HTTP/1.1\r\n\r\n"})
        recs.append({"type": "response", "uri": uri, "ctype": "text/html; charset=utf-8",
                     "body": html_page(f"Story {i}", sentence, published).encode("utf-8")})
    write_warc(path, recs, gz)


def story_lines(stories=STORIES, start: int = 0) -> list[str]:
    return [json.dumps({"id": f"s{start + i}", "text": s, "lang": lang, "published": pub}, ensure_ascii=False)
            for i, (lang, s, pub, _) in enumerate(stories)]


def write_jsonl(path: Path, lines: list[str]) -> None:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(data))
    elif path.name.endswith(".zst"):
        path.write_bytes(zstandard.ZstdCompressor().compress(data))
    else:
        path.write_bytes(data)


_WORDS = ("council minister budget harbour river election talks border market railway winter harvest "
          "festival museum bridge court school hospital factory theatre").split()


def filler(rng: random.Random, n_words: int) -> str:
    """Words in random order: text that compresses only a few times (a realistic archive)."""
    return " ".join(rng.choice(_WORDS) + str(rng.randrange(1000)) for _ in range(n_words))
