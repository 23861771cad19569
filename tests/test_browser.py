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


# three outlets reporting one attack: one incident with three reports in the explorer
DUPLICATES = [
    ("dup-wire-1", "Wire One", "Jihadists attack army base near Kidal",
     "KIDAL, Mali — JNIM fighters attacked a Malian army base near Kidal on Sunday, killing 12 soldiers, the army said."),
    ("dup-wire-2", "Wire Two", "Base attacked in Kidal",
     "Militants of JNIM attacked an army base outside Kidal, Mali, on Sunday. Twelve soldiers were killed, "
     "officials said."),
    ("dup-wire-3", "Sahel Daily", "Twelve soldiers killed in Kidal attack",
     "KIDAL — Fighters from JNIM attacked the army base at Kidal on Sunday and killed 12 soldiers, a military "
     "source said."),
]


@pytest.fixture(scope="module")
def browser_db(sample_db, pipe, tmp_path_factory):
    """The samples and three reports of one incident (so the table has a row with three reports)."""
    import shutil

    from tacitus.ingest.items import Item
    from tacitus.ingestion import ingest
    from tacitus.store import open_store

    db = tmp_path_factory.mktemp("browser") / "explorer.duckdb"
    shutil.copy(sample_db, db)
    store = open_store(db)
    ingest([Item(text=t, id=i, title=h, published="2024-03-04", source=src, input=i) for i, src, h, t in DUPLICATES],
           store, pipe, n_process=1)
    store.close()
    return db


@pytest.fixture(scope="module")
def server(browser_db, pipe):
    import uvicorn

    from tacitus.web import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(browser_db, pipeline_factory=lambda: pipe), log_level="warning"))
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
    """Waits for cond; rows the page redraws meanwhile (stale elements) are looked up again."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(d, timeout, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda drv: cond(drv), message=f"timed out waiting for {what}")


def open_page(d, url):
    d.get(url)
    wait(d, lambda drv: drv.execute_script("return document.body.dataset.ready === '1'"), what="the page to load")


def shot(d, name):
    path = SHOTS / f"{name}.png"
    d.save_screenshot(str(path))
    return path


def console_errors(d):
    return [e["message"] for e in d.get_log("browser") if e["level"] == "SEVERE"]


def _marker_counts(d):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By

    try:
        markers = [m for m in d.find_elements(By.CSS_SELECTOR, ".leaflet-marker-icon") if m.is_displayed()]
        return bool(markers) and all(m.text.strip().isdigit() for m in markers)
    except StaleElementReferenceException:
        return False


def test_map_shows_markers_and_outlines(browser, server):
    from selenium.webdriver.common.by import By

    d = browser
    open_page(d, server)
    wait(d, lambda drv: int(drv.find_element(By.ID, "map").get_attribute("data-markers") or 0) > 0, what="markers")
    wait(d, _marker_counts, what="numbered markers")  # marker icons are redrawn while the map fits the events
    wait(d, lambda drv: len(drv.find_elements(By.CSS_SELECTOR, "path.country")) > 150, what="country outlines")
    rows = d.find_elements(By.CSS_SELECTOR, "#events tbody tr")
    assert len(rows) == 50
    assert shot(d, "01-landing-1280x800").stat().st_size > 10_000
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



def _total(d):
    from selenium.webdriver.common.by import By

    return int(d.find_element(By.ID, "total").get_attribute("data-total"))


def _api(server, path):
    import json
    import urllib.request

    with urllib.request.urlopen(f"{server}{path}") as r:
        return json.load(r)


def test_one_row_per_incident_with_its_reports(browser, server):
    from selenium.webdriver.common.by import By

    d = browser
    open_page(d, server)
    clusters = _api(server, "api/clusters?limit=1")["total"]
    assert _total(d) == clusters and "incidents" in d.find_element(By.ID, "total").text
    rows = d.find_elements(By.CSS_SELECTOR, "#events tbody tr")
    reports = [int(r.get_attribute("data-reports")) for r in rows]
    assert all(n >= 1 for n in reports) and [r.find_elements(By.CSS_SELECTOR, "td")[6].text for r in rows][:3] \
        == [str(n) for n in reports[:3]]
    # sorted by reports, the merged incident comes first
    d.find_element(By.CSS_SELECTOR, "th[data-sort=reports]").click()
    d.find_element(By.CSS_SELECTOR, "th[data-sort=reports]").click()
    wait(d, lambda drv: "sort=-reports" in drv.current_url, what="the sort in the URL")
    wait(d, lambda drv: int(drv.find_element(By.CSS_SELECTOR, "#events tbody tr").get_attribute("data-reports")) > 1,
         what="the most reported incident first")
    d.find_element(By.ID, "f-reports").click()  # every report
    events = _api(server, "api/events?limit=1")["total"]
    wait(d, lambda drv: _total(drv) == events, what="every report")
    assert events > clusters and "view=events" in d.current_url


def test_type_colours_are_fixed_and_distinct(browser, server):
    from selenium.webdriver.common.by import By

    from tacitus.web.colours import palette

    d = browser
    open_page(d, server)
    table = palette()["plover"]
    seen = {}
    for tr in d.find_elements(By.CSS_SELECTOR, "#events tbody tr"):
        t = tr.get_attribute("data-type")
        sw = tr.find_element(By.CSS_SELECTOR, ".sw").get_attribute("data-colour")
        if t:
            assert sw == table[t], t
            seen[t] = sw
    assert len(seen) >= 3 and len(set(seen.values())) == len(seen)
    legend = {e.get_attribute("data-type"): e.find_element(By.CSS_SELECTOR, "i").get_attribute("data-colour")
              for e in d.find_elements(By.CSS_SELECTOR, "#legend div[data-type]")}
    assert all(legend[t] == table[t] for t in legend)
    # the same type keeps its colour when a filter changes what is frequent
    open_page(d, server + "?country=SOM")
    for tr in d.find_elements(By.CSS_SELECTOR, "#events tbody tr[data-type]"):
        t = tr.get_attribute("data-type")
        if t:
            assert tr.find_element(By.CSS_SELECTOR, ".sw").get_attribute("data-colour") == table[t]


def test_facet_counts_equal_the_filtered_totals(browser, server):
    from urllib.parse import quote_plus

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    d = browser
    open_page(d, server)
    for select in ("f-country", "f-type"):
        options = [o for o in d.find_elements(By.CSS_SELECTOR, f"#{select} option") if o.get_attribute("value")][:3]
        picks = [(o.get_attribute("value"), int(o.get_attribute("data-n"))) for o in options]
        assert picks, select
        key = select[2:]
        for value, n in picks:
            Select(d.find_element(By.ID, select)).select_by_value(value)
            want = f"{key}={quote_plus(value)}"
            wait(d, lambda drv, want=want: drv.execute_script("return document.body.dataset.ready === '1'")
                 and want in drv.current_url, what=want)
            assert _total(d) == n, (select, value)
        Select(d.find_element(By.ID, select)).select_by_value("")
        wait(d, lambda drv, key=key: drv.execute_script("return document.body.dataset.ready === '1'")
             and f"{key}=" not in drv.current_url, what="cleared")


def test_the_url_restores_a_filtered_view(browser, server):
    from selenium.webdriver.common.by import By

    d = browser
    open_page(d, server + "?dim=acled&type=Battles&all=1&view=events&sort=-fatalities")
    assert d.find_element(By.ID, "f-dim").get_attribute("value") == "acled"
    assert d.find_element(By.ID, "f-type").get_attribute("value") == "Battles"
    assert d.find_element(By.ID, "f-all").is_selected() and d.find_element(By.ID, "f-reports").is_selected()
    want = _api(server, "api/events?type=Battles&all_events=true&limit=1")["total"]
    assert _total(d) == want > 0
    killed = [r.find_elements(By.CSS_SELECTOR, "td")[5].text for r in d.find_elements(By.CSS_SELECTOR, "#events tbody tr")]
    nums = [int(k) for k in killed if k]
    assert nums == sorted(nums, reverse=True)
    assert d.find_element(By.ID, "map").get_attribute("data-fitted") == "1"
    href = d.find_element(By.ID, "x-link").get_attribute("href")
    assert "type=Battles" in href and "all_events=true" in href


def test_timeline_bars_stay_readable_and_show_fatalities(browser, server):
    from selenium.webdriver.common.by import By

    d = browser
    open_page(d, server)
    tl = d.find_element(By.ID, "timeline")
    assert tl.get_attribute("data-bucket") in ("week", "month", "year")  # the samples span years
    assert float(tl.get_attribute("data-bar-width")) >= 4
    assert d.find_elements(By.CSS_SELECTOR, "#timeline .killed circle")


def test_article_view_shows_the_incident_its_mentions_and_merges(browser, server):
    from selenium.webdriver.common.by import By

    d = browser
    merged = max(_api(server, "api/clusters?limit=500&all_events=true")["items"], key=lambda r: r["num_articles"])
    assert merged["num_articles"] > 1
    open_page(d, server + f"#article={merged['article_id']}&event={merged['event_id']}")
    wait(d, lambda drv: drv.find_element(By.ID, "article-pane").is_displayed(), what="the article")
    box = d.find_element(By.ID, "event-detail")
    assert box.find_elements(By.CSS_SELECTOR, ".flag-current, .flag-background")
    wait(d, lambda drv: drv.find_elements(By.CSS_SELECTOR, "#event-detail .cluster"), what="the cluster")
    reasons = [li.text for li in box.find_elements(By.CSS_SELECTOR, ".cluster .reasons li")]
    assert reasons and any("km apart" in r or "dates within" in r for r in reasons)
    assert len(box.find_elements(By.CSS_SELECTOR, ".cluster .reports li")) == merged["num_events"]
    shot(d, "07-article-incident-cluster")
    art = _api(server, f"api/articles/{merged['article_id']}")
    if any(len(e.get("mentions") or []) > 1 for e in art["events"]):
        ev = max(art["events"], key=lambda e: len(e.get("mentions") or []))
        d.find_element(By.CSS_SELECTOR, f".event-list button[data-event='{ev['id']}']").click()
        items = d.find_elements(By.CSS_SELECTOR, "#event-detail .mentions li")
        assert len(items) == len(ev["mentions"])
        assert any(li.get_attribute("data-merged") for li in items)


def test_phone_header_is_readable(browser, server):
    from selenium.webdriver.common.by import By

    d = browser
    d.set_window_size(390, 844)
    try:
        open_page(d, server)
        h1 = d.find_element(By.CSS_SELECTOR, "header h1")
        assert h1.size["height"] < 40  # one line, not one word per line
        for sel in ("#paste-open", "header a.docs"):
            assert d.find_element(By.CSS_SELECTOR, sel).size["height"] < 40, sel
        assert d.find_element(By.ID, "top").size["height"] < 110
        shot(d, "08-phone-landing")
    finally:
        d.set_window_size(1280, 800)
