"""Progress on a terminal: a bar with the number of inputs, the rate and the time left (rich), drawn
on stderr only when stderr is a terminal. The total is counted before the run from what the user
named (files, and the lines of JSONL and CSV files); where it cannot be known (stdin, feeds, WARC
crawls) the bar counts without a total."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

UNCOUNTED = {".warc", ".gz", ".rss", ".atom", ".xml"}


def _lines(path: Path) -> int:
    n = 0
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            n += block.count(b"\n")
    return n


def count_inputs(specs: Iterable[str]) -> int | None:
    """How many items the inputs hold (a JSONL line or CSV row each, one per other file), or None
    when some input cannot be counted without reading it through."""
    from ..ingest.sources import _expand

    total = 0
    for spec in specs:
        if spec == "-" or spec.startswith(("http://", "https://")):
            return None
        for p in _expand(spec):
            if not isinstance(p, Path):
                total += 1  # a failure is one item too
                continue
            suffix = p.suffix.lower()
            if suffix in UNCOUNTED:
                return None
            try:
                if suffix in (".jsonl", ".ndjson"):
                    total += max(1, _lines(p))
                elif suffix in (".csv", ".tsv"):
                    total += max(1, _lines(p) - 1)
                else:
                    total += 1
            except OSError:
                total += 1
    return total


def on_terminal() -> bool:
    return sys.stderr.isatty()


@contextmanager
def bar(description: str, total: int | None):
    """A rich progress bar on stderr; yields update(done, line) for the caller."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[line]}"), TimeElapsedColumn()]
    if total:
        columns.append(TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as p:
        task = p.add_task(description, total=total, line="")

        def update(done: int, line: str = "") -> None:
            p.update(task, completed=done, line=line)
        yield update


def track(records: Iterable[dict], description: str, total: int | None) -> Iterator[dict]:
    """Records through a bar that counts them (extract)."""
    with bar(description, total) as update:
        n = failed = 0
        for rec in records:
            n += 1
            failed += not rec.get("ok", True)
            update(n, f"{failed} failed" if failed else "")
            yield rec
