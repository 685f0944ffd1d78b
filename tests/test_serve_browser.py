"""The dashboard of ``tidings serve`` driven in a real headless Chromium (Playwright with the system
browser: Debian's ``chromium``, or the path in $CHROMIUM).  In CI (CI=true) a missing browser is a
failure; elsewhere these tests are skipped without one.  With TIDINGS_SCREENSHOTS=DIR each page's
screenshot is written there (docs/img/ holds the committed ones)."""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from serve_support import XSS_TITLE, coder, make_store


def _chromium() -> str | None:
    for cand in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if cand and (shutil.which(cand) or Path(cand).is_file()):
            return shutil.which(cand) or cand
    return None


CHROMIUM = _chromium()
if CHROMIUM is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI: no Chromium found for the dashboard tests (apt-get install chromium, or set CHROMIUM)")
    pytest.skip("no Chromium on this machine (set CHROMIUM=/path/to/chromium)", allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from tidings.serve.app import create_app

    db = make_store(tmp_path_factory.mktemp("browser") / "events.duckdb")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db, coder=coder()), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    # bypass_csp: the test's own probes evaluate strings; it also means escaping alone, without the
    # server's Content-Security-Policy, must keep the hostile article inert
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    pg = ctx.new_page()
    pg.dialogs, pg.errors, pg.requests = [], [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("request", lambda r: pg.requests.append(r.url))
    yield pg
    ctx.close()


def _open(page, url):
    page.goto(url)
    page.wait_for_selector('body[data-ready="1"]', timeout=15000)


def _shot(page, name):
    folder = os.environ.get("TIDINGS_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def test_event_table_filter_and_article(server, page):
    _open(page, server + "/")
    assert page.text_content("#count") == "6 events"
    assert page.locator("#events tbody tr").count() == 6
    _shot(page, "events")
    page.fill("#filters input[name=country]", "SDN")
    page.click("#apply")
    page.wait_for_function("document.querySelector('#count') && document.querySelector('#count').textContent === '2 events'")
    assert sorted(page.locator("#events tbody tr td:nth-child(2)").all_text_contents()) == ["ASSAULT", "COERCE"]
    assert "country=SDN" in page.url
    page.click("#events tbody tr:has-text('ASSAULT')")
    page.wait_for_selector("#article-text mark.trigger.focus")
    assert page.text_content("#article-title") == "Shelling in Khartoum"
    assert page.locator("#article-text mark.trigger.focus").all_text_contents() == ["shelled"]
    assert "Sudanese army" in " ".join(page.locator("#article-text mark.actor").all_text_contents())
    assert page.text_content("#article-count") == "2 events coded in this article"
    _shot(page, "article")
    assert not page.errors
    assert all(u.startswith(server) or u.startswith("data:") for u in page.requests), "a request left the server"


def test_hostile_article_renders_as_text_and_runs_nothing(server, page):
    _open(page, server + "/#/article/xss")
    page.wait_for_selector("#article-text")
    assert page.text_content("#article-title") == XSS_TITLE
    assert 'onerror="window.__xss=2"' in page.text_content("#article-text")
    assert page.locator("#view script, #view img, #view iframe").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert "javascript:window.__xss=4" in page.text_content("article .meta")
    assert page.text_content("#article-text mark.trigger") == "accused"
    _open(page, server + "/#/events?q=onerror")
    assert page.text_content("#count") == "1 event"
    assert page.evaluate("window.__xss") is None and not page.dialogs and not page.errors


def test_timeline_network_map(server, page):
    _open(page, server + "/#/timeline?freq=month")
    assert page.text_content("#timeline-count") == "6 events"
    assert page.locator("#timeline canvas").count() == 1
    assert page.evaluate("echarts.getInstanceByDom(document.getElementById('timeline')).getOption().xAxis[0].data") \
        == ["2024-03", "2024-04", "2024-05"]
    series = page.evaluate("echarts.getInstanceByDom(document.getElementById('timeline')).getOption().series"
                           ".map(s => [s.name, s.data])")
    assert series == [["1 verbal cooperation", [3, 0, 0]], ["2 material cooperation", [0, 0, 0]],
                      ["3 verbal conflict", [0, 0, 1]], ["4 material conflict", [0, 2, 0]]]
    _shot(page, "timeline")
    _open(page, server + "/#/network")
    # UKR->POL (agreement), POL-UKR and DEU-ESP (meetings), CHL->PER (accusation); SDN->SDN is domestic
    assert page.text_content("#network-count") == "6 countries, 4 dyads"
    _shot(page, "network")
    _open(page, server + "/#/map")
    assert page.text_content("#map-count") == "4 places, 5 events"
    assert page.evaluate("!!echarts.getMap('world')")
    _shot(page, "map")
    _open(page, server + "/#/map?type=ASSAULT")
    assert page.text_content("#map-count") == "1 place, 1 event"
    assert not page.errors


def test_code_a_text_page(server, page):
    _open(page, server + "/#/code")
    page.fill("#code-text", "Le ministre des Affaires étrangères du Maroc a rencontré son homologue espagnol "
                            "à Rabat jeudi. <b onmouseover=alert(1)>gras</b>")
    page.fill("input[name=published]", "2024-06-08")
    page.click("#code-submit")
    page.wait_for_selector("#code-count")
    assert page.text_content("#code-count") == "1 event"
    cells = page.locator("#code-events tbody tr td").all_text_contents()
    assert cells[0] == "CONSULT" and cells[4] == "2024-06-06" and "MAR" in cells[2] + cells[3]
    _shot(page, "code")
    page.fill("#code-text", "")
    page.click("#code-submit")
    page.wait_for_function("document.querySelector('#code-error').textContent.includes('empty')")
    assert page.locator("#view b").count() == 0 and not page.dialogs and not page.errors


def test_bad_filter_shows_the_message(server, page):
    _open(page, server + "/#/events?country=ZZZZ")
    assert "parameter 'country'" in page.text_content("#error")
