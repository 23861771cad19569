"""Shared fixtures: one loaded pipeline for the whole session (loading spaCy costs a second)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "src" / "tacitus" / "data" / "samples"


@pytest.fixture(scope="session")
def pipe():
    from tacitus.pipeline import Pipeline
    from tacitus.settings import Settings

    return Pipeline(Settings(n_process=1))


@pytest.fixture(scope="session")
def extract(pipe):
    def run(text: str, published: str | None = "2024-05-02", title: str | None = None):
        return pipe.extract(text, published=published, title=title)
    return run


@pytest.fixture(scope="session")
def sample_db(pipe, tmp_path_factory):
    """The bundled sample articles ingested into a store once per session (API and browser tests)."""
    from tacitus.ingest.sources import iter_items
    from tacitus.ingestion import ingest
    from tacitus.store import open_store

    path = tmp_path_factory.mktemp("samples") / "samples.duckdb"
    store = open_store(path)
    ingest(iter_items([str(SAMPLES)], max_bytes=pipe.settings.max_bytes), store, pipe, n_process=1)
    store.close()
    return path


def mixed_corpus(folder: Path, n: int, seed: int, txt: int = 30, html: int = 10, sub: str | None = None) -> list[dict]:
    """Generated articles in mixed formats with broken inputs: JSONL (with a malformed line), .txt
    and .html (in `sub` if given), CSV, an empty and a binary file. Returns the documents."""
    import csv

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import generate

    docs = generate(n, seed=seed)
    third = n // 3
    with (folder / "a.jsonl").open("w") as fh:
        for d in docs[:third]:
            fh.write(json.dumps(d) + "\n")
        fh.write("{not json\n")
    pages = folder / sub if sub else folder
    pages.mkdir(exist_ok=True)
    for d in docs[third:third + txt]:
        (pages / f"{d['id']}.txt").write_text(f"{d['title']}\n\n{d['text']}")
    for d in docs[third + txt:third + txt + html]:
        (pages / f"{d['id']}.html").write_text(f"<html><head><title>{d['title']}</title></head><body><article>"
                                               + "".join(f"<p>{p}</p>" for p in d["text"].split("\n\n"))
                                               + "</article></body></html>")
    with (folder / "b.csv").open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "title", "published", "text"])
        w.writeheader()
        for d in docs[third + txt + html:]:
            w.writerow(d)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    return docs


def events_of(article, cameo_root: str | None = None):
    return [e for e in article.events if cameo_root is None or e.type.cameo_root == cameo_root]


def run_cli(*args: str, stdin: str | None = None):
    """Run the tacitus CLI in a subprocess; returns (exit code, records, stderr)."""
    import subprocess

    p = subprocess.run([sys.executable, "-m", "tacitus.cli", *args], input=stdin, capture_output=True,
                       text=True, timeout=600)
    recs = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
    return p.returncode, recs, p.stderr
