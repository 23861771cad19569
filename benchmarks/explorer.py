"""Explorer API latency on a large store: the sample store's events and articles are replicated (new
ids, dates spread over ten years, positions jittered) up to N events, then each endpoint the page
calls is timed through the ASGI app (the first, uncached call, and the median of 5 after it), and,
with --clients, `tacitus serve` is loaded by that many concurrent clients for --seconds, each
asking what the page asks (facets, a page of incidents, the map, the timeline) for filters drawn
at random from the store's countries, types and years. Prints figures; asserts nothing.

    python benchmarks/explorer.py --events 100000
    python benchmarks/explorer.py --events 20000 --clients 1,10,100 --seconds 30 [--workers 2]
    python benchmarks/explorer.py --db /tmp/big.duckdb --skip-calls --clients 100   # built once, reused

Each load line gives requests/s, p50/p95/p99/max latency, errors and the server's peak memory (with
its workers'). The clients run in this process, on the same machine as the server: on a small
machine they take part of its CPU.
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


def _rss_peak_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _tree_peak_mb(pid: int) -> float:
    """The peak memory of the server and of its worker processes."""
    kids = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        pids = [pid] + [int(k) for k in kids.read_text().split()]
    except OSError:
        pids = [pid]
    return sum(_rss_peak_mb(p) for p in pids)


def load(db: Path, clients: list[int], seconds: float, workers: int | None = None) -> None:
    """`tacitus serve` in its own process, then for each number in `clients` that many concurrent
    clients for `seconds` (on one server: its caches stay warm from one level to the next, as they
    would in use)."""
    import asyncio
    import json
    import random
    import re
    import subprocess

    import httpx

    cmd = [sys.executable, "-m", "tacitus.cli", "serve", "--db", str(db), "--port", "0"]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    srv = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = srv.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            raise SystemExit(f"the server did not start: {line}{srv.stdout.read(2000)}")
        base = f"http://127.0.0.1:{m[1]}"
        for _ in range(600):  # the workers start after the line is printed
            try:
                httpx.get(f"{base}/api/health", timeout=5)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        facets = json.loads(httpx.get(f"{base}/api/facets", timeout=120).content)
        countries = [c["value"] for c in facets["country"][:15]]
        types = [t["value"] for t in facets["plover"]]
        years = sorted({d[:4] for d in (facets["dates"]["first"], facets["dates"]["last"]) if d})
        years = [str(y) for y in range(int(years[0]), int(years[-1]) + 1)] if years else []

        def ask(rng: random.Random) -> list[tuple[str, dict]]:
            f: dict = {}
            if rng.random() < 0.5:
                f["country"] = rng.choice(countries)
            if rng.random() < 0.4:
                f["type"] = rng.choice(types)
            if years and rng.random() < 0.3:
                f["since"] = f["until"] = rng.choice(years)
            c = {"clusters": "true"}
            return [("/api/facets", {**f, **c}), ("/api/clusters", {**f, "limit": 50}),
                    ("/api/map", {**f, **c, "by": "plover"}), ("/api/timeline", {**f, **c, "bucket": "week"})]

        async def client(i: int, until: float, lat: list, errors: list) -> None:
            rng = random.Random(i)
            async with httpx.AsyncClient(base_url=base, timeout=30) as c:
                while time.perf_counter() < until:
                    for path, params in ask(rng):
                        t0 = time.perf_counter()
                        try:
                            r = await c.get(path, params=params)
                            (lat if r.status_code == 200 else errors).append(time.perf_counter() - t0)
                        except httpx.HTTPError:
                            errors.append(time.perf_counter() - t0)

        async def run(n: int) -> tuple[list, list]:
            lat: list[float] = []
            errors: list[float] = []
            until = time.perf_counter() + seconds
            await asyncio.gather(*(client(i, until, lat, errors) for i in range(n)))
            return lat, errors

        print(f"\nload on `{' '.join(cmd[3:])}`:")
        for n in clients:
            t0 = time.perf_counter()
            lat, errors = asyncio.run(run(n))
            took = time.perf_counter() - t0
            lat.sort()

            def q(p: float, lat=lat) -> float:
                return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000 if lat else float("nan")
            print(f"{n:4} clients for {seconds:.0f} s: {len(lat) / took:6.1f} requests/s, p50 {q(0.5):5.0f} ms, "
                  f"p95 {q(0.95):5.0f} ms, p99 {q(0.99):5.0f} ms, max {q(1.0):5.0f} ms, {len(errors)} errors, "
                  f"server peak {_tree_peak_mb(srv.pid):.0f} MB", flush=True)
    finally:
        srv.terminate()
        srv.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", default="0",
                    help="concurrent clients for the load test, or several (1,10,100) run one after the other")
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--workers", type=int, default=None, help="`tacitus serve --workers` (default: serve's own)")
    ap.add_argument("--db", type=Path, default=None, help="a store built by an earlier run (built there if missing)")
    ap.add_argument("--skip-calls", action="store_true", help="only the load test")
    args = ap.parse_args()
    clients = [int(c) for c in str(args.clients).split(",") if int(c) > 0]
    from fastapi.testclient import TestClient

    from tacitus.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        if args.db is None:
            db = build(Path(tmp), args.events)
        elif args.db.exists():
            db = args.db
        else:
            args.db.parent.mkdir(parents=True, exist_ok=True)
            db = build(args.db.parent, args.events).rename(args.db)
        if args.skip_calls:
            if clients:
                load(db, clients, args.seconds, args.workers)
            return
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
            print(f"{'endpoint':32} {'first ms':>9} {'median ms':>10} {'rows':>7} {'kB':>8}")
            for name, path, params in calls:
                t0 = time.perf_counter()
                r = c.get(path, params=params)
                first = time.perf_counter() - t0
                if r.status_code != 200:
                    raise SystemExit(f"{path}: {r.status_code} {r.text[:200]}")
                times = []
                for _ in range(5):
                    t0 = time.perf_counter()
                    r = c.get(path, params=params)
                    times.append(time.perf_counter() - t0)
                body = r.json()
                rows = len(body.get("items", [])) if isinstance(body, dict) else 0
                mode = f"  ({body['mode']})" if isinstance(body, dict) and "mode" in body else ""
                print(f"{name:32} {first * 1000:9.1f} {statistics.median(times) * 1000:10.1f} {rows:7} "
                      f"{len(r.content) / 1000:8.1f}{mode}")
        if clients:
            load(db, clients, args.seconds, args.workers)


if __name__ == "__main__":
    main()
