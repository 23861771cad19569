"""`tacitus ingest`: articles (or the Parquet tables of `tacitus spark extract`) into the store."""

from __future__ import annotations

from pathlib import Path

import typer

from . import options as o
from . import progress
from .common import fail, handles_errors, quiet_logs


@handles_errors
def ingest(
    sources: list[str] | None = typer.Argument(None, help="files, folders, globs, feed URLs, or - for JSONL on stdin "
                                                          "(.txt .html .jsonl .csv .tsv .warc .warc.gz .rss .atom .xml)"),
    db: o.Db = None,
    from_parquet: Path | None = typer.Option(None, "--from-parquet", help="load the Parquet tables written by "
                                                                         "`tacitus spark extract` instead"),
    csv_map: str | None = typer.Option(None, "--csv-map", help="CSV columns, e.g. text=body,title=headline,"
                                                               "published=date,id=guid,url=link,source=outlet"),
    fetch: bool = typer.Option(False, "--fetch/--no-fetch", help="fetch feed entries' pages (timeouts, size cap, "
                                                                 "a pause per host); off: use the entry's text"),
    published: o.Published = None,
    model: o.Model = None,
    n_process: o.NProcess = None,
    batch_size: o.BatchSize = None,
    encoding: o.Encoding = None,
    max_bytes: o.MaxBytes = None,
    lexicons: o.Lexicons = None,
    config: o.Config = None,
    batch: int = typer.Option(128, min=1, help="articles written per transaction"),
    quiet: o.Quiet = False,
) -> None:
    """Ingest articles into the event store; every input is journalled as ok, failed or skipped, and
    a second run skips what is already in (also after a crash)."""
    from ..ingest.csvfile import parse_map
    from ..ingest.sources import iter_items
    from ..ingestion import ingest as run
    from ..pipeline import Pipeline
    from ..store import open_store

    if quiet:
        quiet_logs()
    if from_parquet is not None:
        if sources:
            fail("give either inputs or --from-parquet, not both")
        _load_parquet(from_parquet, db)
        return
    if not sources:
        fail("name what to ingest (files, folders, globs, URLs or -), or --from-parquet DIR")
    settings = o.settings(config, lexicons, model=model, n_process=n_process, batch_size=batch_size,
                          encoding=encoding, max_bytes=max_bytes, published=published)
    columns = parse_map(csv_map)  # before anything is opened: a bad map is the user's to fix
    store = open_store(db)
    try:
        items = iter_items(sources, max_bytes=settings.max_bytes, encoding=settings.encoding, csv_map=columns,
                           fetch=fetch)
        pipe = Pipeline(settings)
        if quiet:
            stats = run(items, store, pipe, batch=batch)
        elif progress.on_terminal():
            stats = _with_bar(run, items, store, pipe, batch, progress.count_inputs(sources))
        else:
            stats = run(items, store, pipe, batch=batch, on_progress=_progress_line)
        counts = store.counts()
    finally:
        store.close()
    typer.echo(f"ingested {stats.ok} articles ({stats.events} new events), {stats.failed} failed, "
               f"{stats.skipped} skipped; store: {counts['articles']} articles, {counts['events']} events, "
               f"{counts['clusters']} clusters", err=True)
    for code, n in sorted(stats.reasons.items()):
        typer.echo(f"  {n} failed with {code}", err=True)
    raise typer.Exit(1 if stats.failed else 0)


def _progress_line(stats) -> None:
    from ..ingestion import progress_line

    typer.echo(f"ingest: {progress_line(stats)}", err=True)


def _with_bar(run, items, store, pipe, batch, total):
    """The run with a bar: inputs done of the total (when it can be counted), rate and time left."""
    with progress.bar("ingesting", total) as update:
        return run(items, store, pipe, batch=batch,
                   on_progress=lambda s: update(s.ok + s.failed + s.skipped,
                                                f"{s.events} events, {s.failed} failed, {s.skipped} skipped"))


def _load_parquet(folder: Path, db: Path | None) -> None:
    from ..store import open_store
    from ..store.from_parquet import check, load

    try:
        check(folder)  # before the store is opened (which would create it)
    except FileNotFoundError as e:
        fail(str(e))
    store = open_store(db)
    try:
        got = load(store, folder)
        counts = store.counts()
    finally:
        store.close()
    typer.echo(f"loaded {got.articles} articles and {got.events} events from {folder} ({got.failed} failed inputs "
               f"journalled); store: {counts['articles']} articles, {counts['events']} events, "
               f"{counts['clusters']} clusters", err=True)
