"""`tacitus extract`: articles in, one JSON record per article out (JSONL)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from . import options as o
from . import progress
from .common import handles_errors


def _dumps(rec: dict) -> str:
    s = json.dumps(rec, ensure_ascii=False)
    return s.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


@handles_errors
def extract(
    inputs: list[str] = typer.Argument(..., help="files, folders, globs, or - for JSONL on stdin "
                                                 "(.txt: title on the first line; .html/.htm; .jsonl)"),
    out: Path | None = typer.Option(None, "--out", "-o", help="write JSONL here instead of stdout"),
    published: o.Published = None,
    model: o.Model = None,
    n_process: o.NProcess = None,
    batch_size: o.BatchSize = None,
    encoding: o.Encoding = None,
    max_bytes: o.MaxBytes = None,
    lexicons: o.Lexicons = None,
    config: o.Config = None,
    quiet: o.Quiet = False,
) -> None:
    """Extract coded events, actors and evidence from news articles, as JSONL.

    The exit status is 0 when every input was processed, 1 when some failed (each failure is
    written as a record with `ok: false` and its errors), 2 when nothing could run."""
    from ..ingest.sources import iter_items
    from ..pipeline import Pipeline

    settings = o.settings(config, lexicons, model=model, n_process=n_process, batch_size=batch_size,
                          encoding=encoding, max_bytes=max_bytes, published=published)
    pipe = Pipeline(settings)
    items = iter_items(inputs, max_bytes=settings.max_bytes, encoding=settings.encoding)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
    sink = out.open("w", encoding="utf-8") if out else sys.stdout
    n_ok = n_fail = n_events = 0
    records = pipe.run(items)
    if not quiet and progress.on_terminal():
        records = progress.track(records, "extracting", progress.count_inputs(inputs))
    try:
        for rec in records:
            sink.write(_dumps(rec) + "\n")
            if rec.get("ok", True):
                n_ok += 1
                n_events += len(rec["events"])
            else:
                n_fail += 1
                if not quiet:
                    typer.echo(f"failed: {rec['errors'][0]['message']}", err=True)
    finally:
        if out:
            sink.close()
    if not quiet:
        typer.echo(f"{n_ok} articles, {n_events} events, {n_fail} failed", err=True)
    raise typer.Exit(1 if n_fail else 0)
