"""Spark throughput: the same generated corpus through the local multi-process path (`tacitus
extract -j N`) and through `tacitus spark extract` with local[1] and local[2], each in a fresh
process (start-up and model loading included); prints articles/s and Spark's per-article overhead
over the local path with the same number of cores.

    python benchmarks/spark.py --n 1000
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="articles")
    ap.add_argument("--shards", type=int, default=8, help="JSONL files the corpus is split into")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        docs = generate(args.n, seed=5)
        for s in range(args.shards):
            with (corpus / f"part-{s:03d}.jsonl").open("w") as fh:
                for d in docs[s::args.shards]:
                    fh.write(json.dumps(d) + "\n")
        py = sys.executable
        results = {}
        for cores in (1, 2):
            results[f"local -j {cores}"] = timed([py, "-m", "tacitus.cli", "extract", str(corpus), "-j", str(cores),
                                                  "--out", str(Path(tmp) / f"local{cores}.jsonl")])
            out = Path(tmp) / f"spark{cores}"
            results[f"spark local[{cores}]"] = timed([py, "-m", "tacitus.spark", "extract", "--input", str(corpus),
                                                      "--output", str(out), "--master", f"local[{cores}]"])
        print(f"{args.n} articles in {args.shards} JSONL files, {os.cpu_count()} cores on this machine")
        print(f"{'path':18} {'seconds':>8} {'articles/s':>11} {'overhead ms/article':>20}")
        for name, secs in results.items():
            cores = 1 if "1" in name else 2
            base = results[f"local -j {cores}"]
            extra = "" if name.startswith("local") else f"{(secs - base) * 1000 / args.n:20.1f}"
            print(f"{name:18} {secs:8.1f} {args.n / secs:11.1f} {extra}")
        print("(spark includes JVM start-up, writing ten Parquet tables and clustering; local writes one JSONL)")


if __name__ == "__main__":
    main()
