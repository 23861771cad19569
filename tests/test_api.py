"""The explorer's REST API on the bundled samples: every endpoint, filter and format, and bad
parameters (a clear 4xx, never a 500)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest
from fastapi.testclient import TestClient

from tacitus.records import SCHEMA
from tacitus.web import create_app
from tacitus.web.app import static_dir


@pytest.fixture(scope="module")
def app(sample_db, pipe):
    return create_app(sample_db, pipeline_factory=lambda: pipe)


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def get(client, path, **params):
    r = client.get(path, params=params)
    assert r.status_code == 200, (path, params, r.status_code, r.text[:300])
    return r


def items(client, path="/api/events", **params):
    return get(client, path, limit=5000, **params).json()["items"]


def test_health_and_facets(client):
    h = get(client, "/api/health").json()
    assert h["read_only"] is True and h["schema"] == SCHEMA
    assert h["counts"]["articles"] == 32 and h["counts"]["events"] > 50
    f = get(client, "/api/facets").json()
    assert f["events"] == h["counts"]["events"] and f["articles"] == 32
    assert {x["value"] for x in f["plover"]} >= {"ASSAULT", "PROTEST"}
    assert any(x["value"] == "19" and x["label"] == "Fight" for x in f["cameo"])
    assert sum(x["n"] for x in f["plover"]) <= f["events"]
    assert f["dates"]["first"] <= f["dates"]["last"]
    assert {"SYR", "TUN"} <= {c["value"] for c in f["country"]}


def test_events_paging_and_total(client):
    everything = items(client)
    page = get(client, "/api/events", limit=10, offset=5).json()
    assert page["total"] == len(everything) and page["limit"] == 10 and page["offset"] == 5
    assert [e["event_id"] for e in page["items"]] == [e["event_id"] for e in everything[5:15]]
    row = page["items"][0]
    for col in ("event_id", "article_id", "type_cameo", "type_plover", "actor1_name", "evidence_text", "evidence_rule",
                "article_title", "num_sources"):
        assert col in row


@pytest.mark.parametrize("params,check", [
    ({"since": "2024-01-01"}, lambda e: e["date_start"] >= "2024-01-01"),
    ({"until": "2023-06-30"}, lambda e: e["date_start"] <= "2023-06-30"),
    ({"since": "2023-01", "until": "2023-12"}, lambda e: "2023-01" <= e["date_start"][:7] <= "2023-12"),
    ({"country": "syr"}, lambda e: "SYR" in (e["location_country"], e["actor1_country"], e["actor2_country"])),
    ({"type": "ASSAULT"}, lambda e: e["type_plover"] == "ASSAULT"),
    ({"type": "19"}, lambda e: e["type_cameo"].startswith("19")),
    ({"type": "Battles"}, lambda e: e["type_acled"] == "Battles"),
    ({"type": "armed clash"}, lambda e: e["type_acled_sub"] == "Armed clash"),
    ({"actor": "islamic state"}, lambda e: "islamic state" in " ".join(
        str(e[k]).lower() for k in ("actor1_name", "actor2_name", "actor1_text", "actor2_text"))),
    ({"bbox": "35,32,43,38"}, lambda e: 35 <= e["location_lon"] <= 43 and 32 <= e["location_lat"] <= 38),
    ({"text": "killed"}, lambda e: "killed" in e["evidence_text"].lower()),
])
def test_each_filter(client, params, check):
    everything = items(client)
    got = items(client, **params)
    assert got, params
    assert len(got) < len(everything)
    assert all(check(e) for e in got), params
    # the filter keeps exactly the events that satisfy it
    assert {e["event_id"] for e in got} == {e["event_id"] for e in everything if _safe(check, e)}
    assert get(client, "/api/events", limit=1, **params).json()["total"] == len(got)


def _safe(check, e):
    try:
        return check(e)
    except (TypeError, AttributeError):
        return False


def test_formats_geojson_and_csv(client):
    located = [e for e in items(client, country="TUN") if e["location_lat"] is not None]
    gj = get(client, "/api/events", country="TUN", format="geojson")
    assert gj.headers["content-type"].startswith("application/geo+json")
    feats = gj.json()["features"]
    assert len(feats) == len(located)
    lon, lat = feats[0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    c = get(client, "/api/events", country="TUN", format="csv")
    rows = list(csv.DictReader(io.StringIO(c.text)))
    assert len(rows) == len(items(client, country="TUN")) and "type_cameo" in rows[0]


def test_clusters(client):
    h = get(client, "/api/health").json()["counts"]
    cl = get(client, "/api/clusters", limit=5000, all_events="true").json()
    assert cl["total"] == h["clusters"] == len(cl["items"])
    assert all(r["num_articles"] >= 1 and r["num_sources"] >= 1 for r in cl["items"])
    assert get(client, "/api/clusters", format="geojson").json()["type"] == "FeatureCollection"
    assert get(client, "/api/clusters", format="csv").text.startswith("event_id,")
    merged = max(cl["items"], key=lambda r: r["num_events"])
    one = get(client, f"/api/clusters/{merged['cluster_id']}").json()
    assert len(one["events"]) == merged["num_events"] and one["representative_event"]["id"] == merged["event_id"]
    assert client.get("/api/clusters/nope").status_code == 404


def test_one_event_with_evidence(client):
    e = items(client, type="ASSAULT")[0]
    got = get(client, f"/api/events/{e['event_id']}").json()
    assert got["id"] == e["event_id"]
    assert got["evidence"]["text"] == e["evidence_text"] and got["evidence"]["rule"]
    assert got["type"]["plover"] == "ASSAULT" and got["actor1"] is None or "name" in got["actor1"]
    assert got["article"]["article_id"] == e["article_id"]
    assert got["cluster"]["cluster_id"] == e["cluster_id"]
    assert any(m["event_id"] == e["event_id"] for m in got["cluster"]["events"])
    r = client.get("/api/events/does-not-exist")
    assert r.status_code == 404 and "does-not-exist" in r.json()["detail"]


def test_article_with_every_annotation_and_offsets(client):
    art = get(client, "/api/articles/xss-test").json()
    assert art["id"] == "xss-test" and "<script>" in art["title"]
    text = art["text"]
    for key in ("events", "places", "actors", "dates", "counts", "quotes", "citations"):
        assert key in art
    assert art["events"] and art["places"] and art["counts"]
    for ev in art["events"]:
        assert text[ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]
        assert text[ev["evidence"]["start"]:ev["evidence"]["end"]].strip() == ev["evidence"]["text"].strip()
        assert ev["cluster_id"]
    for p in art["places"]:
        assert text[p["start"]:p["end"]] == p["text"]
    for c in art["counts"]:
        assert text[c["start"]:c["end"]] == c["text"]
    for a in art["actors"]:
        for m in a["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    # the same shape `tacitus extract` writes
    assert set(art["events"][0]) >= {"type", "trigger", "actor1", "actor2", "date", "location", "fatalities",
                                     "modality", "evidence", "confidence"}
    assert client.get("/api/articles/none-such").status_code == 404


def test_article_equals_extract_record(client, pipe):
    """What the API returns for a stored article is what `tacitus extract` gives for it."""
    from conftest import SAMPLES
    from tacitus.ingest.sources import iter_items

    item = next(i for i in iter_items([str(SAMPLES)], max_bytes=pipe.settings.max_bytes) if i.id == "xss-test")
    rec = next(pipe.run([item], n_process=1))
    art = get(client, "/api/articles/xss-test").json()
    assert {e["id"] for e in art["events"]} == {e["id"] for e in rec["events"]}
    by_id = {e["id"]: e for e in rec["events"]}
    for e in art["events"]:
        want = by_id[e["id"]]
        for k in ("type", "trigger", "actor1", "actor2", "date", "location", "fatalities", "evidence", "modality"):
            assert e[k] == want[k], k


@pytest.mark.parametrize("bucket", ["day", "week", "month", "year"])
def test_timeline_buckets(client, bucket):
    t = get(client, "/api/timeline", bucket=bucket).json()
    assert t["bucket"] == bucket
    dated = [e for e in items(client) if e["date_start"]]
    assert sum(x["n"] for x in t["items"]) == len(dated)
    periods = [x["period"] for x in t["items"]]
    assert periods == sorted(periods) and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", p) for p in periods)
    if bucket == "month":
        assert all(p.endswith("-01") for p in periods)


@pytest.mark.parametrize("by", ["plover", "acled", "acled_sub", "cameo", "quad"])
def test_timeline_and_map_by_type_with_filters(client, by):
    t = get(client, "/api/timeline", by=by, country="TUN").json()["items"]
    assert sum(x["n"] for x in t) == len([e for e in items(client, country="TUN") if e["date_start"]])
    m = get(client, "/api/map", by=by).json()["items"]
    located = [e for e in items(client) if e["location_lat"] is not None]
    assert sum(p["n"] for p in m) == len(located)
    assert all(sum(p["types"].values()) == p["n"] for p in m)


def test_map_per_place_and_grid(client):
    places = get(client, "/api/map").json()["items"]
    assert places and all(p["name"] for p in places)
    grid = get(client, "/api/map", grid=10).json()["items"]
    assert sum(p["n"] for p in grid) == sum(p["n"] for p in places)
    assert len(grid) <= len(places)
    assert all((p["lat"] - 5) % 10 == 0 for p in grid)
    boxed = get(client, "/api/map", bbox="-10,20,20,40").json()["items"]
    assert boxed and all(-10 <= p["lon"] <= 20 and 20 <= p["lat"] <= 40 for p in boxed)


def test_map_falls_back_to_cells_sized_to_the_view(client):
    """Over max_places places the server sends cells (fast on 100k events); zoomed into a small
    area the same request gives places again."""
    world = get(client, "/api/map", max_places=5).json()
    assert world["mode"] == "grid" and world["grid"] == 10.0
    places = get(client, "/api/map").json()
    assert places["mode"] == "place" and places["grid"] is None
    assert sum(p["n"] for p in world["items"]) == sum(p["n"] for p in places["items"])
    small = get(client, "/api/map", max_places=5, bbox="9,35,12,38").json()
    assert small["mode"] == "place" and small["items"]


@pytest.mark.parametrize("fmt", ["gdelt", "acled", "plover", "geojson", "csv", "parquet"])
def test_export_downloads(client, fmt):
    r = get(client, "/api/export", format=fmt, country="BGD")
    assert "attachment" in r.headers["content-disposition"]
    n = len(items(client, country="BGD"))
    if fmt == "gdelt":
        rows = [line.split("\t") for line in r.text.splitlines()]
        assert len(rows) == n and all(len(x) == 61 for x in rows)
    elif fmt == "acled":
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert rows and all(x["country"] == "Bangladesh" or x["country"] for x in rows)
    elif fmt == "plover":
        assert all(json.loads(line)["event"] for line in r.text.splitlines())
    elif fmt == "geojson":
        assert r.json()["type"] == "FeatureCollection"
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(r.text)))) == n
    else:
        import pyarrow.parquet as pq
        assert pq.read_table(io.BytesIO(r.content)).num_rows == n


def test_export_clusters(client):
    r = get(client, "/api/export", format="csv", clusters="true", all_events="true")
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == get(client, "/api/health").json()["counts"]["clusters"]


def test_extract_pasted_article_is_not_stored(client):
    before = get(client, "/api/health").json()["counts"]
    text = ("KHARTOUM — Paramilitary fighters shelled a market in Omdurman on Monday, killing 14 civilians, "
            "medics said.\n\n\"The shells fell without warning,\" said Amna Yusuf, a trader.")
    r = client.post("/api/extract", json={"text": text, "title": "Market shelled", "published": "2024-06-04"})
    assert r.status_code == 200, r.text
    rec = r.json()
    assert rec["schema"] == SCHEMA and rec["events"]
    ev = rec["events"][0]
    assert ev["type"]["cameo"].startswith(("19", "18", "20")) and ev["fatalities"]["best"] == 14
    assert ev["date"]["start"] == "2024-06-03"
    direct = [q for q in rec["quotes"] if q["direct"]]
    assert direct and direct[0]["speaker"]["name"] == "Amna Yusuf"
    assert get(client, "/api/health").json()["counts"] == before
    r = client.post("/api/extract", json={"text": text, "store": True})
    assert r.status_code == 403 and "--allow-writes" in r.json()["detail"]


def test_extract_stores_when_allowed(sample_db, pipe, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(sample_db, db)
    with TestClient(create_app(db, allow_writes=True, pipeline_factory=lambda: pipe)) as c:
        n = c.get("/api/health").json()["counts"]["articles"]
        r = c.post("/api/extract", json={"text": "Police arrested 12 protesters in Nairobi on Tuesday.",
                                         "published": "2024-07-10", "id": "pasted-1", "store": True})
        assert r.status_code == 200, r.text
        assert c.get("/api/health").json()["counts"]["articles"] == n + 1
        assert c.get("/api/articles/pasted-1").json()["events"]


@pytest.mark.parametrize("body,status", [
    ({}, 422),
    ({"text": ""}, 422),
    ({"text": 12}, 422),
    ({"text": "x" * 1_000_001}, 422),
    ({"text": "Troops shelled the town.", "published": "not a date"}, 422),
    ({"text": "\x00\x01\x02" * 50}, 422),
])
def test_extract_bad_bodies(client, body, status):
    r = client.post("/api/extract", json=body)
    assert r.status_code == status, (body, r.text[:200])
    assert r.json()["detail"]


def test_extract_not_json(client):
    r = client.post("/api/extract", content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 422


@pytest.mark.parametrize("path,params", [
    ("/api/events", {"since": "yesterday"}),
    ("/api/events", {"until": "2024-13"}),
    ("/api/events", {"since": "2024-05-01", "until": "2024-01-01"}),
    ("/api/events", {"country": "Syria"}),
    ("/api/events", {"bbox": "1,2,3"}),
    ("/api/events", {"bbox": "a,b,c,d"}),
    ("/api/events", {"bbox": "10,10,0,0"}),
    ("/api/events", {"bbox": "-200,0,0,10"}),
    ("/api/events", {"limit": "0"}),
    ("/api/events", {"limit": "1000000"}),
    ("/api/events", {"limit": "ten"}),
    ("/api/events", {"offset": "-1"}),
    ("/api/events", {"format": "xml"}),
    ("/api/events", {"type": "x" * 500}),
    ("/api/clusters", {"format": "pdf"}),
    ("/api/timeline", {"bucket": "hour"}),
    ("/api/timeline", {"by": "colour"}),
    ("/api/map", {"grid": "-1"}),
    ("/api/map", {"grid": "abc"}),
    ("/api/export", {}),
    ("/api/export", {"format": "xlsx"}),
])
def test_bad_parameters_are_clear_4xx(client, path, params):
    r = client.get(path, params=params)
    assert 400 <= r.status_code < 500, (path, params, r.status_code)
    assert r.json()["detail"]


@pytest.mark.parametrize("value", ["'; DROP TABLE events; --", "%", "_", "\\", "\" OR 1=1 --", "Ñandú 北京", "\x00"])
def test_hostile_values_are_data_not_sql(client, value):
    for key in ("actor", "text", "type"):
        r = client.get("/api/events", params={key: value.replace("\x00", "%00")})
        assert r.status_code in (200, 422), (key, value, r.status_code)
    assert get(client, "/api/health").json()["counts"]["events"] > 0
    if value != "\x00":
        assert client.get(f"/api/articles/{value}").status_code in (404, 405)


def test_read_only_towards_the_store(app):
    import duckdb

    store = app.state.store
    assert store.read_only
    with pytest.raises(duckdb.Error):
        store.execute("DELETE FROM events")


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="tacitus ingest"):
        create_app(tmp_path / "none.duckdb")


def test_security_headers_and_no_inline_script(client):
    for path in ("/", "/api/health", "/static/app.js"):
        r = get(client, path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self';" in csp and "unsafe" not in csp and "object-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
    assert client.head("/").status_code == 200
    html = get(client, "/").text
    assert "<script>" not in html and "onclick" not in html.lower()
    assert all(src.startswith("/static/") for src in re.findall(r'<script src="([^"]+)"', html))


def test_page_assets_are_local(client):
    """Offline: the page and its assets reference no other host."""
    html = get(client, "/").text
    refs = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert refs and all(r.startswith(("/", "data:")) for r in refs)
    for ref in refs:
        if ref.startswith("/static/"):
            get(client, ref)
    for f in ("app.js", "app.css"):
        text = (static_dir() / f).read_text().replace("http://www.w3.org/2000/svg", "")
        assert not re.search(r"https?://", text), f
    topo = get(client, "/static/vendor/world-atlas/countries-50m.json").json()
    assert len(topo["objects"]["countries"]["geometries"]) > 200
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", (static_dir() / "app.js").read_text())


def test_openapi_and_docs_offline(client):
    spec = get(client, "/openapi.json").json()
    for p in ("/api/events", "/api/clusters", "/api/events/{event_id}", "/api/clusters/{cluster_id}",
              "/api/articles/{article_id}", "/api/timeline", "/api/map", "/api/export", "/api/extract",
              "/api/facets", "/api/health"):
        assert p in spec["paths"], p
    docs = get(client, "/docs").text
    assert not re.search(r"(?:src|href)=[\"']https?://", docs)
    assert "swagger-ui-bundle.js" in docs


# ------------------------------------------------------------------ incidents, facets, colours, cache

def test_incidents_by_default_and_all_events_on_request(client):
    default = items(client)
    every = items(client, all_events="true")
    assert len(every) == get(client, "/api/health").json()["counts"]["events"] > len(default)
    assert all(e["current"] is not False and e["modality"] == "asserted" for e in default)
    assert any(e["modality"] != "asserted" for e in every)
    r = client.get("/api/events", params={"all_events": "maybe"})
    assert r.status_code in (400, 422)


@pytest.mark.parametrize("clusters", ["false", "true"])
def test_facet_counts_are_the_totals_their_selection_gives(client, clusters):
    path = "/api/clusters" if clusters == "true" else "/api/events"
    for base in ({}, {"since": "2023-01-01"}, {"type": "ASSAULT"}):
        f = get(client, "/api/facets", clusters=clusters, **base).json()
        assert f["total"] == get(client, path, limit=1, **base).json()["total"]
        for c in f["country"][:6]:
            assert get(client, path, limit=1, **{**base, "country": c["value"]}).json()["total"] == c["n"], c
        for dim in ("plover", "cameo", "acled"):
            for t in f[dim][:4]:
                assert get(client, path, limit=1, **{**base, "type": t["value"]}).json()["total"] == t["n"], (dim, t)


def test_facets_carry_fixed_colours(client):
    from tacitus.web.colours import palette

    f = get(client, "/api/facets").json()
    assert f["colours"] == palette()
    assert {x["value"] for x in f["plover"]} <= set(f["colours"]["plover"])
    assert {x["value"] for x in f["acled"]} <= set(f["colours"]["acled"])


def test_colours_stay_apart_for_colour_blind_readers():
    from tacitus.web.colours import CVD, distance, palette

    for onto, table in palette().items():
        colours = list(table.values())
        assert len(set(colours)) == len(colours), onto  # no two types share a colour
        for kind in (None, *CVD):
            worst = min(distance(a, b, kind) for i, a in enumerate(colours) for b in colours[i + 1:])
            assert worst >= (20 if onto in ("acled", "quad") else 7), (onto, kind, worst)


@pytest.mark.parametrize("sort,key", [("date", "date_start"), ("-fatalities", "fatalities_best"),
                                      ("-reports", "num_articles")])
def test_sort(client, sort, key):
    rows = items(client, sort=sort)
    vals = [r[key] for r in rows if r[key] is not None]
    assert vals == sorted(vals, reverse=sort.startswith("-"))
    assert client.get("/api/events", params={"sort": "colour"}).status_code == 400


def test_timeline_and_map_carry_fatalities(client):
    t = get(client, "/api/timeline", bucket="year").json()["items"]
    m = get(client, "/api/map").json()["items"]
    dated = [e for e in items(client) if e["date_start"]]
    located = [e for e in items(client) if e["location_lat"] is not None]
    assert sum(x["fatalities"] for x in t) == sum(e["fatalities_best"] or 0 for e in dated)
    assert sum(p["fatalities"] for p in m) == sum(e["fatalities_best"] or 0 for e in located)
    assert sum(x["n"] for x in get(client, "/api/timeline", bucket="year", clusters="true").json()["items"]) == \
        len([e for e in items(client, path="/api/clusters") if e["date_start"]])


def test_answers_are_cached_and_the_same(app, client):
    cache = app.state.cache
    first = get(client, "/api/facets", country="SYR").content
    hits = cache.hits
    assert get(client, "/api/facets", country="SYR").content == first and cache.hits == hits + 1


def test_the_cache_computes_once_for_many_callers():
    import threading
    import time

    from tacitus.web.cache import ResponseCache

    cache, calls = ResponseCache(size=2), []

    def slow():
        calls.append(1)
        time.sleep(0.2)
        return b"x"
    threads = [threading.Thread(target=lambda: cache.get("k", slow)) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    for k in ("a", "b", "c"):
        cache.get(k, lambda: b"y")
    assert len(cache._items) == 2  # bounded
    cache.clear()
    assert cache.get("k", lambda: b"z") == b"z"


def test_concurrent_requests_answer_correctly(app):
    """Many requests at once, each on its thread's connection: no error, the same answers."""
    from concurrent.futures import ThreadPoolExecutor

    with TestClient(app) as c:
        want = c.get("/api/events", params={"limit": 5, "country": "SYR"}).json()

        def ask(i):
            r = c.get("/api/events", params={"limit": 5, "country": "SYR", "offset": 0})
            f = c.get("/api/facets", params={"since": f"20{22 + i % 3}"})
            return r.status_code, r.json(), f.status_code
        with ThreadPoolExecutor(16) as pool:
            got = list(pool.map(ask, range(48)))
    assert all(s == 200 and body == want and fs == 200 for s, body, fs in got)


@pytest.mark.parametrize("params", [{}, {"country": "SYR"}, {"type": "ASSAULT", "since": "2023"},
                                    {"actor": "police", "all_events": True}, {"bbox": "30,30,45,40", "text": "killed"}])
def test_the_served_copy_aggregates_as_the_store_does(sample_db, params):
    """The narrow in-memory tables the server's aggregates read (store/served.py) give what the
    store's own tables give, for every filter, in events and in clusters."""
    from tacitus.filters import parse_filters
    from tacitus.store import Store
    from tacitus.store import read as reads
    from tacitus.store.query import total
    from tacitus.store.served import open_served

    f = parse_filters(**params)
    with Store(sample_db, read_only=True) as plain, open_served(sample_db) as served:
        assert served.aggregates and not plain.aggregates
        for clusters in (False, True):
            assert reads.facets(served, f, clusters) == reads.facets(plain, f, clusters)
            assert total(served, f, clusters) == total(plain, f, clusters)
            for bucket in ("day", "month"):
                assert reads.timeline(served, f, bucket, "acled", clusters) == reads.timeline(plain, f, bucket, "acled",
                                                                                             clusters)
            for grid in (None, 1.0):
                def counts(store, grid=grid, clusters=clusters):
                    got = reads.map_points(store, f, "plover", grid, 3000, clusters)
                    return got["mode"], sorted((r["lat"], r["lon"], r["n"], r["fatalities"], sorted(r["types"].items()))
                                               for r in got["items"])
                assert counts(served) == counts(plain)


def test_the_cache_is_bounded_by_bytes():
    from tacitus.web.cache import ResponseCache

    cache = ResponseCache(max_bytes=10)
    for k in "abc":
        cache.get(k, lambda: b"12345")
    assert len(cache._items) == 2 and cache.peek("a") is None and cache.peek("c") == b"12345"
    assert cache.get("big", lambda: b"x" * 11) == b"x" * 11 and cache.peek("big") is None  # too big to keep
