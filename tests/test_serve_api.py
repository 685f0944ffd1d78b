"""The HTTP API of ``tidings serve`` over a store coded from our own sentences (tests/serve_support.py)."""
from __future__ import annotations

import duckdb
import pytest
from fastapi.testclient import TestClient

from serve_support import EXPECTED, XSS_TITLE, coder, make_store
from tidings.serve.app import create_app


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("serve") / "events.duckdb")


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(store, coder=coder())) as c:
        yield c


def _keys(events):
    return {(e["event_type"], tuple(e["actor_codes"]), tuple(e["recipient_codes"]), e["date"], e["location_name"])
            for e in events}


def test_events_all_and_sorted(client):
    r = client.get("/events")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 6 and _keys(body["events"]) == EXPECTED
    assert [e["date"] for e in body["events"]] == sorted((e["date"] for e in body["events"]), reverse=True)
    by_g = client.get("/events", params={"sort": "goldstein"}).json()["events"]
    assert (by_g[0]["event_type"], by_g[0]["goldstein"]) == ("ASSAULT", -10.0)
    assert (by_g[-1]["event_type"], by_g[-1]["goldstein"]) == ("SUPPORT", 8.0)


@pytest.mark.parametrize("params, expected", [
    ({"country": "SDN"}, {"ASSAULT", "COERCE"}),
    ({"actor_country": "CHL"}, {"ACCUSE"}),
    ({"recipient_country": "per"}, {"ACCUSE"}),
    ({"dyad": "UKR-POL"}, {"SUPPORT"}),
    ({"dyad": "POL-UKR"}, set()),
    ({"type": "CONSULT"}, {"CONSULT"}),
    ({"quad_class": "4"}, {"ASSAULT", "COERCE"}),
    ({"quad_class": "1,3"}, {"CONSULT", "SUPPORT", "ACCUSE"}),
    ({"language": "es"}, {"CONSULT"}),
    ({"modality": "negated"}, set()),
    ({"q": "GRAIN"}, {"SUPPORT"}),
    ({"q": "100%_"}, set()),  # LIKE wildcards are searched as text
    ({"since": "2024-04", "until": "2024-04-09"}, {"ASSAULT"}),
    ({"since": "2024-05"}, {"ACCUSE"}),
])
def test_event_filters(client, params, expected):
    body = client.get("/events", params=params).json()
    assert {e["event_type"] for e in body["events"]} == expected
    assert body["total"] == len(body["events"])


def test_paging(client):
    first = client.get("/events", params={"limit": 4, "sort": "date"}).json()
    rest = client.get("/events", params={"limit": 4, "offset": 4, "sort": "date"}).json()
    assert first["total"] == rest["total"] == 6
    assert len(first["events"]) == 4 and len(rest["events"]) == 2
    assert [e["date"] for e in first["events"]] == ["2024-03-04", "2024-03-04", "2024-03-11", "2024-04-09"]
    assert not {e["event_id"] for e in first["events"]} & {e["event_id"] for e in rest["events"]}


@pytest.mark.parametrize("url, param", [
    ("/events?country=XXXX", "country"), ("/events?since=2024-13", "since"), ("/events?until=yesterday", "until"),
    ("/events?limit=abc", "limit"), ("/events?limit=0", "limit"), ("/events?offset=-1", "offset"),
    ("/events?sort=date;DROP TABLE events", "sort"), ("/events?quad_class=7", "quad_class"),
    ("/events?type=WAR", "type"), ("/events?dyad=RUS", "dyad"), ("/events?actor_country=1'OR'1", "actor_country"),
    ("/events?modality=maybe", "modality"), ("/events?language=english", "language"),
    ("/events?q=" + "x" * 300, "q"), ("/stats?by=city", "by"), ("/stats?freq=hour", "freq"),
    ("/places?limit=0", "limit"), ("/stats?country=12", "country"),
])
def test_bad_values_get_422_naming_the_parameter(client, url, param):
    r = client.get(url)
    assert r.status_code == 422, r.text
    assert r.json()["parameter"] == param and f"'{param}'" in r.json()["detail"]


def test_event_detail(client):
    ev = client.get("/events", params={"dyad": "UKR-POL"}).json()["events"][0]
    r = client.get(f"/events/{ev['event_id']}")
    assert r.status_code == 200
    body = r.json()
    assert body["event"]["event_type"] == "SUPPORT" and body["event"]["num_mentions"] == 1
    (m,) = body["mentions"]
    assert (m["doc_id"], m["trigger_text"], m["title"]) == ("kyiv-talks", "signed an agreement",
                                                            "Ukraine and Poland sign grain deal")
    assert m["sentence"] == "Ukraine signed an agreement with Poland on grain transit."
    assert m["trigger_end"] - m["trigger_start"] == len("signed an agreement")
    assert client.get("/events/0000000000000000").status_code == 404


def test_article_spans(client):
    r = client.get("/articles/kyiv-talks")
    assert r.status_code == 200
    a = r.json()
    text = a["text"]
    assert text.startswith("The foreign minister of Ukraine met the Polish prime minister in Kyiv on Monday.")
    got = {(s["kind"], s["text"]) for s in a["spans"]}
    assert {("trigger", "met"), ("trigger", "signed an agreement"), ("actor", "foreign minister of Ukraine"),
            ("place", "Kyiv"), ("date", "on Monday")} <= got
    assert ("recipient", "Poland") in got
    for s in a["spans"]:  # every span points at its own words
        assert text[s["start"]:s["end"]] == s["text"]
    assert {e["event_type"] for e in a["events"]} == {"CONSULT", "SUPPORT"}
    assert client.get("/articles/no-such-doc").status_code == 404


def test_article_id_with_slashes(client):
    from urllib.parse import quote

    a = client.get("/articles/" + quote("/news/2024/04/sudan attack.txt", safe="")).json()
    assert a["title"] == "Shelling in Khartoum" and a["doc_id"] == "/news/2024/04/sudan attack.txt"
    assert {(s["kind"], s["text"]) for s in a["spans"] if s["kind"] == "trigger"} == {("trigger", "shelled"),
                                                                                  ("trigger", "arrested")}


def test_article_keeps_hostile_text_verbatim_as_json(client):
    a = client.get("/articles/xss").json()
    assert a["title"] == XSS_TITLE
    assert 'onerror="window.__xss=2"' in a["text"]
    assert client.get("/articles/xss").headers["content-type"] == "application/json"


def test_stats_by_type_and_dyad(client):
    rows = client.get("/stats", params={"by": "type", "freq": "month"}).json()["rows"]
    march = {r["key"]: r["events"] for r in rows if r["period"] == "2024-03"}
    assert march == {"CONSULT": 2, "SUPPORT": 1}
    dy = client.get("/stats", params={"by": "dyad", "freq": "year"}).json()["rows"]
    sdn = next(r for r in dy if r["key"] == "SDN->SDN")
    assert (sdn["period"], sdn["events"], sdn["goldstein_mean"], sdn["quad4_share"]) == ("2024", 2, -7.5, 1.0)
    ctry = client.get("/stats", params={"by": "country", "freq": "year", "country": "ESP"}).json()["rows"]
    assert {(r["key"], r["events"]) for r in ctry} == {("DEU", 1), ("ESP", 1)}


def test_places_and_summary(client):
    places = {p["name"]: p for p in client.get("/places").json()["places"]}
    assert places["Kyiv"]["events"] == 2 and places["Kyiv"]["country"] == "UKR"
    assert abs(places["Khartoum"]["lat"] - 15.55) < 0.1 and places["Khartoum"]["goldstein_mean"] == -10.0
    assert client.get("/summary").json() == {"articles": 4, "events": 6, "mentions": 6,
                                             "first_date": "2024-03-04", "last_date": "2024-05-06"}


def test_code_a_text(client):
    r = client.post("/code", json={"text": "El ministro de Defensa de Chile se reunió con su homólogo de Perú "
                                           "en Lima el martes.", "published": "2024-06-07"})
    assert r.status_code == 200, r.text
    (ev,) = r.json()["events"]
    assert ev["event_type"] == "CONSULT" and ev["language"] == "es"
    assert {a["country"] for a in ev["actors"] + ev["recipients"]} == {"CHL", "PER"}
    assert ev["date"] == "2024-06-04"
    html = client.post("/code", json={"html": "<html><body><p>The police of Kenya arrested two journalists in "
                                              "Nairobi on Friday.</p></body></html>", "published": "2024-06-09"})
    (ev,) = html.json()["events"]
    assert (ev["event_type"], ev["actors"][0]["code"], ev["date"]) == ("COERCE", "KENCOP", "2024-06-07")


@pytest.mark.parametrize("payload, status, words", [
    ({}, 422, "exactly one of 'text' and 'html'"),
    ({"text": "a", "html": "<p>a</p>"}, 422, "exactly one"),
    ({"text": ""}, 422, "empty"),
    ({"text": "The army shelled the town.", "lang": "x1"}, 422, "'lang'"),
    ({"text": "The army shelled the town.", "published": "next week-ish"}, 422, "'published'"),
    ({"text": 5}, 422, "'text'"),
])
def test_code_bad_documents(client, payload, status, words):
    r = client.post("/code", json=payload)
    assert r.status_code == status and words in r.json()["detail"], r.text


def test_code_body_limit_and_broken_json(client):
    big = client.post("/code", content=b'{"text": "' + b"a" * (2 * 1024 * 1024) + b'"}',
                      headers={"content-type": "application/json"})
    assert big.status_code == 413 and "2 MB" in big.json()["detail"]

    def chunks():  # no Content-Length: the limit holds while reading
        for _ in range(40):
            yield b"a" * 65536

    streamed = client.post("/code", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413
    broken = client.post("/code", content=b"{not json", headers={"content-type": "application/json"})
    assert broken.status_code == 422 and broken.json()["parameter"] == "body"


def test_code_time_limit(store):
    class Slow:
        def code_document(self, raw):
            import time

            time.sleep(1.0)
            return coder().code_document(raw)

    with TestClient(create_app(store, coder=Slow(), code_timeout=0.2)) as c:
        r = c.post("/code", json={"text": "The army shelled the town."})
    assert r.status_code == 422 and "longer than the limit of 0.2 s" in r.json()["detail"]


def test_static_files_stay_in_their_folder(client):
    assert client.get("/static/vendor/echarts.min.js").status_code == 200
    for url in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e/%2e%2e/pyproject.toml",
                "/static//etc/passwd", "/static/vendor/../../app.py"):
        assert client.get(url).status_code == 404, url


def test_no_cors_unless_asked(store, client):
    r = client.get("/events", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in r.headers
    with TestClient(create_app(store, coder=coder(), cors_origins=["https://lab.example"])) as c:
        ok = c.get("/events", headers={"Origin": "https://lab.example"})
    assert ok.headers["access-control-allow-origin"] == "https://lab.example"


def test_security_headers_and_openapi(client):
    page = client.get("/")
    assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    spec = client.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/articles/{doc_id}", "/stats", "/code", "/places"} <= set(spec["paths"])
    names = {p["name"] for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert {"since", "until", "country", "actor_country", "recipient_country", "dyad", "type", "quad_class",
            "modality", "language", "q", "sort", "limit", "offset"} <= names


def test_requests_use_a_read_only_connection(store, monkeypatch):
    import tidings.serve.reader as reader_mod

    seen = []
    real = reader_mod.connect

    def spy(path, *, read_only, wait):
        seen.append(read_only)
        con = real(path, read_only=read_only, wait=wait)
        with pytest.raises(duckdb.Error):
            con.execute("DELETE FROM events")
        return con

    monkeypatch.setattr(reader_mod, "connect", spy)
    with TestClient(create_app(store, coder=coder())) as c:
        assert c.get("/events").json()["total"] == 6
    assert seen == [True]


def test_missing_store_is_503_with_a_message(tmp_path):
    with TestClient(create_app(tmp_path / "none.duckdb", coder=coder())) as c:
        r = c.get("/events")
    assert r.status_code == 503 and "none.duckdb" in r.json()["detail"]
