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
    from tacitus.store import open_store
    from tacitus.store.ingest import ingest

    path = tmp_path_factory.mktemp("samples") / "samples.duckdb"
    store = open_store(path)
    ingest(iter_items([str(SAMPLES)], max_bytes=pipe.settings.max_bytes), store, pipe, n_process=1)
    store.close()
    return path


def events_of(article, cameo_root: str | None = None):
    return [e for e in article.events if cameo_root is None or e.type.cameo_root == cameo_root]


def run_cli(*args: str, stdin: str | None = None):
    """Run the tacitus CLI in a subprocess; returns (exit code, records, stderr)."""
    import subprocess

    p = subprocess.run([sys.executable, "-m", "tacitus.cli", *args], input=stdin, capture_output=True,
                       text=True, timeout=600)
    recs = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
    return p.returncode, recs, p.stderr
