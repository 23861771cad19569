"""Event store figures: ingest throughput and peak memory at several corpus sizes, database size per
1,000 articles, and the latency of a country-month map query on one million generated events.

    python benchmarks/store.py --sizes 2000,10000,100000 [--n-process 2] [--events 1000000]

Each size runs in its own process so its peak memory is its own. Figures only; nothing is asserted."""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def one(n: int, n_process: int, folder: Path) -> dict:
    from corpus import generate

    from tacitus.ingest.sources import iter_items
    from tacitus.ingestion import ingest
    from tacitus.pipeline import Pipeline
    from tacitus.settings import Settings
    from tacitus.store import open_store

    src = folder / f"corpus-{n}.jsonl"
    with src.open("w") as fh:  # written in chunks: the generator itself must not hold the corpus
        for start in range(0, n, 5000):
            for d in generate(min(5000, n - start), seed=start + 1):
                d["id"] = f"{start}-{d['id']}"
                fh.write(json.dumps(d) + "\n")
    db = folder / f"store-{n}.duckdb"
    store = open_store(db)
    pipe = Pipeline(Settings(n_process=n_process))
    t0 = time.perf_counter()
    stats = ingest(iter_items([str(src)], max_bytes=2_000_000), store, pipe, n_process=n_process)
    secs = time.perf_counter() - t0
    counts = store.counts()
    store.close()
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {"n": n, "seconds": round(secs, 1), "articles_per_s": round(stats.ok / secs, 1), "events": counts["events"],
            "clusters": counts["clusters"], "peak_mb": round(peak / 1024), "db_mb": round(db.stat().st_size / 1e6, 1),
            "db_mb_per_1k": round(db.stat().st_size / 1e6 / (n / 1000), 2)}


def query_latency(n_events: int, folder: Path) -> dict:
    """Generates events straight into a store's events table and times a country-month map query."""
    from tacitus.store import open_store

    store = open_store(folder / "million.duckdb")
    t0 = time.perf_counter()
    store.execute("""
        INSERT INTO events (event_id, article_id, type_cameo, type_cameo_root, type_plover, date_start,
                            location_country, location_lat, location_lon, location_precision)
        SELECT 'e' || i, 'a' || (i // 4), lpad(CAST(180 + i % 20 AS VARCHAR), 3, '0'), '19', 'ASSAULT',
               strftime(DATE '2015-01-01' + CAST(i % 3000 AS INTEGER), '%Y-%m-%d'),
               (['SYR','IRQ','YEM','AFG','NGA','MLI','UKR','SDN','SOM','COD'])[1 + i % 10],
               20 + (hash(i) % 2000) / 100.0, 30 + (hash(i * 7) % 2000) / 100.0, 'city'
        FROM range(?) t(i)""", [n_events])
    build = time.perf_counter() - t0
    sql = """SELECT round(location_lat, 0) AS lat, round(location_lon, 0) AS lon, count(*) AS n
             FROM events WHERE location_country = ? AND date_start >= ? AND date_start < ?
             GROUP BY 1, 2 ORDER BY n DESC"""
    store.rows(sql, ["SYR", "2017-10-01", "2017-11-01"])  # warm
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        rows = store.rows(sql, ["SYR", "2017-10-01", "2017-11-01"])
        times.append(time.perf_counter() - t0)
    store.close()
    return {"events": n_events, "generate_s": round(build, 1), "cells": len(rows),
            "query_ms_median": round(sorted(times)[2] * 1000, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="2000,10000")
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--dir", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        print(json.dumps(one(a.one, a.n_process, Path(a.dir))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        for n in [int(x) for x in a.sizes.split(",") if x]:
            p = subprocess.run([sys.executable, __file__, "--one", str(n), "--n-process", str(a.n_process),
                                "--dir", tmp], capture_output=True, text=True)
            if p.returncode != 0:
                print(f"size {n}: failed\n{p.stderr[-2000:]}")
                continue
            r = json.loads(p.stdout.strip().splitlines()[-1])
            print(f"ingest {r['n']:>7} articles: {r['articles_per_s']:6.1f} articles/s ({r['seconds']} s), "
                  f"{r['events']} events, {r['clusters']} clusters, peak memory {r['peak_mb']} MB, "
                  f"database {r['db_mb']} MB ({r['db_mb_per_1k']} MB per 1k articles)")
        q = query_latency(a.events, Path(tmp))
        print(f"country-month map query on {q['events']:,} events: {q['query_ms_median']} ms median of 5 "
              f"({q['cells']} grid cells; generating the events took {q['generate_s']} s)")


if __name__ == "__main__":
    main()
