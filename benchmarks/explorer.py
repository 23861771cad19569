"""Explorer API latency on a large store: the sample store's events and articles are replicated (new
ids, dates spread over ten years, positions jittered) up to N events, then each endpoint the page
calls is timed through the ASGI app (median of 5 after one warm call).

    python benchmarks/explorer.py --events 100000
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "tacitus" / "data" / "samples"


def build(folder: Path, n_events: int) -> Path:
    from tacitus.ingest.sources import iter_items
    from tacitus.ingestion import ingest
    from tacitus.pipeline import Pipeline
    from tacitus.store import open_store

    db = folder / "big.duckdb"
    pipe = Pipeline()
    store = open_store(db)
    ingest(iter_items([str(SAMPLES)], max_bytes=pipe.settings.max_bytes), store, pipe, n_process=1)
    base = store.value("SELECT count(*) FROM events")
    copies = max(0, n_events // base - 1)
    t0 = time.perf_counter()
    with store.transaction():
        _replicate(store, copies)
    print(f"store: {store.value('SELECT count(*) FROM events'):,} events, "
          f"{store.value('SELECT count(*) FROM articles'):,} articles "
          f"(replicated in {time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    store.close()
    return db


def _replicate(store, copies: int) -> None:
    """Copies of every article and event, shifted in time and space, each its own cluster."""
    store.execute("""INSERT INTO articles BY NAME
        SELECT a.* REPLACE (article_id || '~' || k AS article_id)
        FROM articles a, range(1, ? + 1) r(k) WHERE article_id NOT LIKE '%~%'""", [copies])
    store.execute("""INSERT INTO events BY NAME
        SELECT e.* REPLACE (event_id || '~' || k AS event_id, article_id || '~' || k AS article_id,
                          event_id || '~' || k AS cluster_id,
                          strftime(coalesce(try_cast(date_start AS DATE), DATE '2020-01-01')
                                   - CAST((k * 37) % 3650 AS INTEGER), '%Y-%m-%d') AS date_start,
                          location_lat + (CAST(hash(k) % 200 AS INTEGER) - 100) / 100.0 AS location_lat,
                          location_lon + (CAST(hash(k * 7) % 200 AS INTEGER) - 100) / 100.0 AS location_lon)
        FROM events e, range(1, ? + 1) r(k) WHERE event_id NOT LIKE '%~%'""", [copies])
    store.execute("""INSERT INTO clusters (cluster_id, representative, num_events, num_articles, num_sources)
        SELECT event_id, event_id, 1, 1, 1 FROM events WHERE event_id LIKE '%~%'""")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    args = ap.parse_args()
    from fastapi.testclient import TestClient

    from tacitus.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = build(Path(tmp), args.events)
        calls = [
            ("facets", "/api/facets", {}),
            ("events page", "/api/events", {"limit": 50}),
            ("events page, country+type", "/api/events", {"limit": 50, "country": "BGD", "type": "ASSAULT"}),
            ("events page, text", "/api/events", {"limit": 50, "text": "killed"}),
            ("clusters page", "/api/clusters", {"limit": 50}),
            ("timeline per day", "/api/timeline", {"bucket": "day"}),
            ("timeline per day, range", "/api/timeline", {"bucket": "day", "since": "2019-01-01", "until": "2019-12-31"}),
            ("timeline per month", "/api/timeline", {"bucket": "month"}),
            ("map, whole world", "/api/map", {}),
            ("map, zoomed to Tunisia", "/api/map", {"bbox": "7,30,12,38"}),
            ("map 1-degree grid", "/api/map", {"grid": 1}),
            ("article", "/api/articles/xss-test~7", {}),
        ]
        with TestClient(create_app(db)) as c:
            print(f"{'endpoint':32} {'median ms':>10} {'rows':>7} {'kB':>8}")
            for name, path, params in calls:
                r = c.get(path, params=params)
                assert r.status_code == 200, (path, r.text[:200])
                times = []
                for _ in range(5):
                    t0 = time.perf_counter()
                    r = c.get(path, params=params)
                    times.append(time.perf_counter() - t0)
                body = r.json()
                rows = len(body.get("items", [])) if isinstance(body, dict) else 0
                mode = f"  ({body['mode']})" if isinstance(body, dict) and "mode" in body else ""
                print(f"{name:32} {statistics.median(times) * 1000:10.1f} {rows:7} {len(r.content) / 1000:8.1f}{mode}")


if __name__ == "__main__":
    main()
