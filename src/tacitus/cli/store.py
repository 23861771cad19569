"""`tacitus ingest`, `tacitus query`, `tacitus export`: the DuckDB event store."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..settings import TABLE

HELP = {s.name: s.help for s in TABLE}
DB_HELP = "DuckDB database (default: ./tacitus.duckdb, or TACITUS_DB)"

# the filters `query` and `export` share (the API takes the same ones)
Since = Annotated[str | None, typer.Option(help="first date (YYYY-MM-DD)")]
Until = Annotated[str | None, typer.Option(help="last date (YYYY-MM-DD)")]
Country = Annotated[str | None, typer.Option(help="ISO3 country of the event or of either actor")]
Type = Annotated[str | None, typer.Option("--type", help="CAMEO code prefix, PLOVER type or ACLED (sub-)type")]
Actor = Annotated[str | None, typer.Option(help="text in either actor's name")]
Bbox = Annotated[str | None, typer.Option(help="min_lon,min_lat,max_lon,max_lat")]
Text = Annotated[str | None, typer.Option(help="text in the evidence sentence")]


def ingest(
    sources: list[str] | None = typer.Argument(None, help="files, folders, globs, feed URLs, or - for JSONL on stdin "
                                                          "(.txt .html .jsonl .csv .tsv .warc .warc.gz .rss .atom .xml)"),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    from_parquet: Path | None = typer.Option(None, "--from-parquet", help="load the Parquet tables written by "
                                                                         "`tacitus spark extract` instead"),
    csv_map: str | None = typer.Option(None, "--csv-map", help="CSV columns, e.g. text=body,title=headline,"
                                                               "published=date,id=guid,url=link,source=outlet"),
    fetch: bool = typer.Option(False, "--fetch/--no-fetch", help="fetch feed entries' pages (timeouts, size cap, "
                                                                 "a pause per host); off: use the entry's text"),
    published: str | None = typer.Option(None, help=HELP["published"]),
    n_process: int | None = typer.Option(None, "--n-process", "-j", help=HELP["n_process"]),
    batch: int = typer.Option(128, help="articles written per transaction"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress output"),
) -> None:
    """Ingest articles into the event store; every input is journalled as ok, failed or skipped, and
    a second run skips what is already in (also after a crash)."""
    from ..ingest.csvfile import parse_map
    from ..ingest.sources import iter_items
    from ..pipeline import Pipeline
    from ..settings import load
    from ..store import open_store
    from ..store.ingest import Stats, log_progress
    from ..store.ingest import ingest as run

    if from_parquet is not None:
        _load_parquet(from_parquet, db, sources)
        return
    if not sources:
        typer.echo("error: name what to ingest (files, folders, globs, URLs or -), or --from-parquet DIR", err=True)
        raise typer.Exit(2)
    settings = load(published=published, n_process=n_process)
    store = open_store(db)
    items = iter_items(sources, max_bytes=settings.max_bytes, encoding=settings.encoding, csv_map=parse_map(csv_map),
                       fetch=fetch)
    pipe = Pipeline(settings)
    if quiet:
        stats = run(items, store, pipe, batch=batch)
    elif sys.stderr.isatty():
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), transient=False) as bar:
            task = bar.add_task("ingesting", total=None)

            def show(s: Stats) -> None:
                bar.update(task, description=f"{s.ok} articles ({s.rate:.1f}/s), {s.events} events, "
                                             f"{s.failed} failed, {s.skipped} skipped")
            stats = run(items, store, pipe, batch=batch, on_progress=show)
    else:
        stats = run(items, store, pipe, batch=batch, on_progress=log_progress)
    counts = store.counts()
    store.close()
    typer.echo(f"ingested {stats.ok} articles ({stats.events} new events), {stats.failed} failed, "
               f"{stats.skipped} skipped; store: {counts['articles']} articles, {counts['events']} events, "
               f"{counts['clusters']} clusters", err=True)
    for code, n in sorted(stats.reasons.items()):
        typer.echo(f"  {n} failed with {code}", err=True)
    raise typer.Exit(1 if stats.failed else 0)


def _load_parquet(folder: Path, db: Path | None, sources: list[str] | None) -> None:
    from ..store import open_store
    from ..store.from_parquet import load

    if sources:
        typer.echo("error: give either inputs or --from-parquet, not both", err=True)
        raise typer.Exit(2)
    store = open_store(db)
    try:
        got = load(store, folder)
    except FileNotFoundError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from e
    counts = store.counts()
    store.close()
    typer.echo(f"loaded {got.articles} articles and {got.events} events from {folder} ({got.failed} failed inputs "
               f"journalled); store: {counts['articles']} articles, {counts['events']} events, "
               f"{counts['clusters']} clusters", err=True)


def _filters(since, until, country, type_, actor, bbox, text, limit, offset):
    from ..store.query import Filters, parse_bbox

    try:
        return Filters(since=since, until=until, country=country, type=type_, actor=actor, bbox=parse_bbox(bbox),
                       text=text, limit=limit, offset=offset)
    except ValueError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from e


def query(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    since: Since = None,
    until: Until = None,
    country: Country = None,
    type_: Type = None,
    actor: Actor = None,
    bbox: Bbox = None,
    text: Text = None,
    clusters: bool = typer.Option(False, "--clusters", help="one row per cluster of duplicate reports"),
    sql: str | None = typer.Option(None, help="raw SQL, run read-only"),
    fmt: str = typer.Option("table", "--format", help="table, json or csv"),
    limit: int = typer.Option(50, help="rows to show"),
    offset: int = typer.Option(0, help="rows to skip"),
) -> None:
    """Query the event store with filters, or with read-only SQL."""
    import duckdb

    from ..store import open_store
    from ..store.db import DEFAULT_DB
    from ..store.query import events, read_only_sql

    path = str(db or DEFAULT_DB)
    if sql:
        try:
            cols, rows = read_only_sql(path, sql)
        except duckdb.Error as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(2) from e
    else:
        store = open_store(path, read_only=True)
        cols, rows = events(store, _filters(since, until, country, type_, actor, bbox, text, limit, offset),
                            clusters=clusters)
        keep = ["date_start", "type_cameo", "type_plover", "type_acled_sub", "actor1_name", "actor2_name",
                "location_name", "location_country", "fatalities_best", "num_articles", "num_sources"]
        if fmt == "table":
            idx = [cols.index(k) for k in keep]
            cols, rows = keep, [tuple(r[i] for i in idx) for r in rows]
    _show(cols, rows, fmt)


def _show(cols, rows, fmt):
    if fmt == "json":
        for r in rows:
            typer.echo(json.dumps(dict(zip(cols, r, strict=True)), default=str, ensure_ascii=False))
    elif fmt == "csv":
        import csv
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table
        t = Table(show_lines=False)
        for c in cols:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*["" if v is None else str(v)[:80] for v in r])
        Console(width=None if sys.stdout.isatty() else 180).print(t)


def export(
    fmt: str = typer.Option(..., "--format", help="gdelt, acled, plover, geojson, csv or parquet"),
    out: Path | None = typer.Option(None, "--out", "-o", help="output file (a folder for parquet); default stdout"),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    since: Since = None,
    until: Until = None,
    country: Country = None,
    type_: Type = None,
    actor: Actor = None,
    bbox: Bbox = None,
    text: Text = None,
    clusters: bool = typer.Option(False, "--clusters/--events", help="one row per cluster, or every event"),
) -> None:
    """Export events (or clusters) in the formats event researchers load."""
    from ..export import EXPORTERS
    from ..store import open_store
    from ..store.query import iter_events

    if fmt not in EXPORTERS:
        typer.echo(f"error: unknown format {fmt!r}; choose one of {', '.join(EXPORTERS)}", err=True)
        raise typer.Exit(2)
    if fmt == "parquet" and out is None:
        typer.echo("error: parquet needs --out FOLDER", err=True)
        raise typer.Exit(2)
    store = open_store(db, read_only=True)
    # rows are fetched a chunk at a time; only parquet holds them all (to partition them)
    dicts = iter_events(store, _filters(since, until, country, type_, actor, bbox, text, None, 0), clusters=clusters)
    if fmt == "parquet":
        n = EXPORTERS[fmt](dicts, out)
    elif out:
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8", newline="") as fh:
            n = EXPORTERS[fmt](dicts, fh)
    else:
        n = EXPORTERS[fmt](dicts, sys.stdout)
    typer.echo(f"{n} rows written", err=True)
