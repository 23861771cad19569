"""The explorer in a real browser: Debian's Chromium driven by Selenium against a running server on
the bundled samples. Screenshots go to test-output/browser/. Chromium comes from .ci/run (apt);
outside CI the tests are skipped when it is missing."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("TACITUS_CHROMIUM", "/usr/bin/chromium")
DRIVER = os.environ.get("TACITUS_CHROMEDRIVER", "/usr/bin/chromedriver")
SHOTS = ROOT / "test-output" / "browser"


def _need_browser():
    missing = [p for p in (CHROMIUM, DRIVER) if not Path(p).exists()]
    if missing:
        msg = f"{', '.join(missing)} not installed (apt-get install chromium chromium-driver; .ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    pytest.importorskip("selenium")


@pytest.fixture(scope="module")
def server(sample_db, pipe):
    import uvicorn

    from tacitus.web import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(sample_db, pipeline_factory=lambda: pipe), log_level="warning"))
    t = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    t.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    srv.should_exit = True
    t.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    _need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,800",
              "--no-first-run", "--disable-extensions", "--lang=en-GB"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service(DRIVER), options=opts)
    d.set_window_size(1280, 800)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield d
    d.quit()


def wait(d, cond, timeout=20, what="condition"):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(d, timeout).until(lambda drv: cond(drv), message=f"timed out waiting for {what}")


def open_page(d, url):
    d.get(url)
    wait(d, lambda drv: drv.execute_script("return document.body.dataset.ready === '1'"), what="the page to load")


def shot(d, name):
    path = SHOTS / f"{name}.png"
    d.save_screenshot(str(path))
    return path


def console_errors(d):
    return [e["message"] for e in d.get_log("browser") if e["level"] == "SEVERE"]


def test_map_shows_markers_and_outlines(browser, server):
    from selenium.webdriver.common.by import By

    d = browser
    open_page(d, server)
    wait(d, lambda drv: int(drv.find_element(By.ID, "map").get_attribute("data-markers") or 0) > 0, what="markers")
    markers = [m for m in d.find_elements(By.CSS_SELECTOR, ".leaflet-marker-icon") if m.is_displayed()]
    assert markers, "no marker on the map"
    assert all(m.text.strip().isdigit() for m in markers)
    wait(d, lambda drv: len(drv.find_elements(By.CSS_SELECTOR, "path.country")) > 150, what="country outlines")
    rows = d.find_elements(By.CSS_SELECTOR, "#events tbody tr")
    assert len(rows) == 50
    assert shot(d, "01-map-1280x800").stat().st_size > 10_000
    assert not console_errors(d)


def test_timeline_drag_filters_the_table(browser, server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    d = browser
    open_page(d, server)
    total = int(d.find_element(By.ID, "total").get_attribute("data-total"))
    markers = int(d.find_element(By.ID, "map").get_attribute("data-markers"))
    tl = d.find_element(By.ID, "timeline")
    w = tl.size["width"]
    # drag over the last third of the timeline (offsets are from the element's centre)
    ActionChains(d).move_to_element_with_offset(tl, int(w * 0.15), 0).click_and_hold() \
        .move_by_offset(int(w * 0.3), 0).release().perform()
    wait(d, lambda drv: drv.find_element(By.ID, "f-since").get_attribute("value") != "", what="the range")
    since = d.find_element(By.ID, "f-since").get_attribute("value")
    until = d.find_element(By.ID, "f-until").get_attribute("value")
    assert since <= until
    wait(d, lambda drv: int(drv.find_element(By.ID, "total").get_attribute("data-total")) < total, what="a new table")
    dates = [r.find_element(By.CSS_SELECTOR, "td").text for r in d.find_elements(By.CSS_SELECTOR, "#events tbody tr")]
    dates = [x for x in dates if x]
    assert dates and all(since <= x[:10] <= until for x in dates), (since, until, dates)
    assert int(d.find_element(By.ID, "map").get_attribute("data-markers")) <= markers
    assert d.find_element(By.CSS_SELECTOR, "#timeline .brush").get_attribute("visibility") == "visible"
    assert f"since={since}" in d.find_element(By.ID, "x-link").get_attribute("href")
    shot(d, "02-timeline-range")
    d.find_element(By.ID, "t-clear").click()
    wait(d, lambda drv: int(drv.find_element(By.ID, "total").get_attribute("data-total")) == total, what="reset")


def test_clicking_an_event_opens_its_article_with_evidence(browser, server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    d = browser
    open_page(d, server)
    row = d.find_elements(By.CSS_SELECTOR, "#events tbody tr")[2]
    event_id, article_id = row.get_attribute("data-event"), row.get_attribute("data-article")
    row.click()
    wait(d, lambda drv: drv.find_element(By.ID, "article-pane").is_displayed(), what="the article")
    assert d.find_element(By.ID, "article-pane").get_attribute("data-article") == article_id
    assert not d.find_element(By.ID, "table-pane").is_displayed()
    evidence = d.find_elements(By.CSS_SELECTOR, "#article-text .hl-evidence")
    assert evidence, "the evidence sentence is not highlighted"
    import json
    import urllib.request
    with urllib.request.urlopen(f"{server}api/events/{event_id}") as r:
        ev = json.load(r)
    shown = "".join(e.text for e in evidence)
    assert ev["trigger"]["text"] in shown
    assert " ".join(shown.split())[:40] in " ".join(ev["evidence"]["text"].split())
    kinds = {c for e in d.find_elements(By.CSS_SELECTOR, "#article-text .hl") for c in e.get_attribute("class").split()}
    assert {"hl-trigger", "hl-actor", "hl-place"} <= kinds
    sel = d.find_element(By.CSS_SELECTOR, ".event-list button.sel")
    assert sel.get_attribute("data-event") == event_id
    trigger = d.find_element(By.CSS_SELECTOR, "#article-text .hl-trigger.hl-evidence")
    ActionChains(d).move_to_element(trigger).perform()
    tip = d.find_element(By.ID, "tip")
    wait(d, lambda drv: tip.is_displayed(), what="the hover")
    assert "rule:" in tip.text and ev["type"]["cameo"] in tip.text
    shot(d, "03-article-evidence")
    d.find_element(By.ID, "article-close").click()
    assert d.find_element(By.ID, "table-pane").is_displayed()


def test_xss_article_renders_as_text(browser, server):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    d = browser
    d.get_log("browser")
    open_page(d, server + "#article=xss-test")
    wait(d, lambda drv: drv.find_element(By.ID, "article-pane").is_displayed(), what="the article")
    pane = d.find_element(By.ID, "article-pane")
    assert "<script>alert('x')</script>" in d.find_element(By.ID, "article-title").text
    text = d.find_element(By.ID, "article-text").text
    assert "<img src=x onerror=alert(1)>" in text
    assert '<a href="javascript:alert(2)">free press</a>' in text
    assert not pane.find_elements(By.CSS_SELECTOR, "script, img, iframe, object")
    assert not d.find_elements(By.CSS_SELECTOR, "a[href^='javascript']")
    assert not d.find_elements(By.CSS_SELECTOR, "[onerror], [onclick], [onload]")
    with pytest.raises(NoAlertPresentException):
        d.switch_to.alert.text  # noqa: B018
    assert d.execute_script("return document.title") == "tacitus explorer"
    shot(d, "04-xss-article")
    errs = console_errors(d)
    assert not [e for e in errs if "Refused" in e or "Content Security Policy" in e], errs


def test_paste_box_shows_the_extraction(browser, server):
    from selenium.webdriver.common.by import By

    d = browser
    open_page(d, server)
    d.find_element(By.ID, "paste-open").click()
    d.find_element(By.ID, "p-title").send_keys("Clashes near Goma")
    d.find_element(By.ID, "p-text").send_keys(
        "GOMA — M23 rebels clashed with Congolese troops near Sake on Tuesday, killing nine soldiers, "
        "the army said.")
    d.execute_script("document.getElementById('p-published').value = '2024-02-08'")
    d.find_element(By.ID, "p-run").click()
    wait(d, lambda drv: drv.find_element(By.ID, "article-pane").is_displayed(), timeout=60, what="the extraction")
    assert d.find_element(By.ID, "article-title").text == "Clashes near Goma"
    assert d.find_elements(By.CSS_SELECTOR, "#article-text .hl-trigger")
    assert "CAMEO" in d.find_element(By.ID, "event-detail").text
    shot(d, "05-pasted-article")


def test_phone_width(browser, server):
    from selenium.webdriver.common.by import By

    d = browser
    d.set_window_size(390, 844)
    try:
        open_page(d, server)
        wait(d, lambda drv: int(drv.find_element(By.ID, "map").get_attribute("data-markers") or 0) > 0, what="markers")
        assert d.find_element(By.ID, "map").size["width"] <= 390
        assert d.execute_script("return document.documentElement.scrollWidth") <= 400
        rows = d.find_elements(By.CSS_SELECTOR, "#events tbody tr")
        rows[0].click()
        wait(d, lambda drv: drv.find_element(By.ID, "article-pane").is_displayed(), what="the article")
        shot(d, "06-phone-article")
    finally:
        d.set_window_size(1280, 800)

