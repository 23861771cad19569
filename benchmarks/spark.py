"""Spark throughput: the same generated corpus through the local multi-process path (`tacitus
extract -j N`, and `tacitus ingest -j N` into a store) and through `tacitus spark extract` with local[1] and local[2], each in a fresh
process (start-up and model loading included); prints articles/s and Spark's per-article overhead
over the local path with the same number of cores; with two sizes, the marginal cost per article
and the fixed cost of each path.

    python benchmarks/spark.py --sizes 500,2000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed:\n{p.stderr[-3000:]}")
    return time.perf_counter() - t0


def corpus_at(folder: Path, n: int, shards: int) -> Path:
    corpus = folder / f"corpus{n}"
    corpus.mkdir()
    docs = generate(n, seed=5)
    for s in range(shards):
        with (corpus / f"part-{s:03d}.jsonl").open("w") as fh:
            for d in docs[s::shards]:
                fh.write(json.dumps(d) + "\n")
    return corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="500,2000", help="corpus sizes (two or more give the marginal cost)")
    ap.add_argument("--shards", type=int, default=8, help="JSONL files each corpus is split into")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    py = sys.executable
    results: dict[tuple[str, int], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            corpus = corpus_at(Path(tmp), n, args.shards)
            for cores in (1, 2):
                results[(f"local -j {cores}", n)] = timed([py, "-m", "tacitus.cli", "extract", str(corpus), "-j",
                                                           str(cores), "--out", str(Path(tmp) / f"l{n}-{cores}.jsonl")])
                results[(f"ingest -j {cores}", n)] = timed([py, "-m", "tacitus.cli", "ingest", str(corpus), "-j",
                                                            str(cores), "-q", "--db", str(Path(tmp) / f"i{n}-{cores}.db")])
                results[(f"spark local[{cores}]", n)] = timed([py, "-m", "tacitus.spark", "extract", "--input",
                                                               str(corpus), "--output", str(Path(tmp) / f"s{n}-{cores}"),
                                                               "--master", f"local[{cores}]"])
    print(f"generated articles in {args.shards} JSONL files; {os.cpu_count()} cores on this machine")
    print(f"{'path':16} {'articles':>8} {'seconds':>8} {'articles/s':>10} {'overhead ms/article':>20}")
    for (name, n), secs in results.items():
        cores = 1 if "1" in name else 2
        extra = "" if not name.startswith("spark") else f"{(secs - results[(f'local -j {cores}', n)]) * 1000 / n:20.1f}"
        print(f"{name:16} {n:8} {secs:8.1f} {n / secs:10.1f} {extra}")
    if len(sizes) >= 2:
        lo, hi = min(sizes), max(sizes)
        print(f"marginal cost between {lo} and {hi} articles (fixed start-up and per-table costs removed):")
        for cores in (1, 2):
            for name in (f"local -j {cores}", f"ingest -j {cores}", f"spark local[{cores}]"):
                per = (results[(name, hi)] - results[(name, lo)]) / (hi - lo)
                fixed = results[(name, lo)] - per * lo
                print(f"  {name:16} {per * 1000:6.1f} ms/article ({1 / per:5.1f} articles/s), fixed {fixed:5.1f} s")
    print("(local: tacitus extract, one JSONL written; ingest: the DuckDB store with clustering; spark: JVM "
          "start-up, ten Parquet tables written, clustering)")


if __name__ == "__main__":
    main()
