"""`tacitus query` and `tacitus export`: reads of the event store, with the filters the explorer's
API takes (validated by the library, so both refuse the same values with the same reasons)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from . import options as o
from .common import fail, handles_errors

OUTPUTS = ("table", "json", "csv")
DEFAULT_LIMIT = 50
# the columns of the table view
BRIEF = ["date_start", "type_cameo", "type_plover", "type_acled_sub", "actor1_name", "actor2_name", "location_name",
         "location_country", "fatalities_best", "num_articles", "num_sources"]


def _filters(**given):
    from ..filters import parse_filters

    return parse_filters(**given)


@handles_errors
def query(
    db: o.Db = None,
    since: o.Since = None,
    until: o.Until = None,
    country: o.Country = None,
    type_: o.Type = None,
    actor: o.Actor = None,
    bbox: o.Bbox = None,
    text: o.Text = None,
    all_events: o.AllEvents = False,
    sort: o.Sort = None,
    clusters: bool = typer.Option(False, "--clusters", help="one row per cluster of duplicate reports"),
    sql: str | None = typer.Option(None, help="your own SQL, run read-only with file access disabled"),
    fmt: str = typer.Option("table", "--format", help="table, json or csv"),
    limit: int | None = typer.Option(None, help=f"rows to show (default {DEFAULT_LIMIT}; 0 for all)"),
    offset: int = typer.Option(0, help="rows to skip"),
) -> None:
    """Query the event store with filters, or with read-only SQL.

    When --limit cuts the output, stderr says how many rows there are."""
    from ..store import open_store, store_path
    from ..store.query import events, read_only_sql, total

    if fmt not in OUTPUTS:
        fail(f"--format {fmt}: choose one of {', '.join(OUTPUTS)}")
    if sql:
        given = [n for n, v in (("since", since), ("until", until), ("country", country), ("type", type_),
                                ("actor", actor), ("bbox", bbox), ("text", text), ("all-events", all_events),
                                ("sort", sort)) if v] + (["clusters"] if clusters else [])
        if given:
            fail(f"--sql runs as written: put {', '.join('--' + g for g in given)} into its WHERE clause")
        import duckdb

        page = _filters(limit=limit, offset=offset)  # checked as for filtered queries; all rows by default
        try:
            cols, rows = read_only_sql(store_path(db), sql)
        except duckdb.Error as e:
            fail(f"--sql: {e}")
        shown = rows[page.offset:page.offset + page.limit] if page.limit else rows[page.offset:]
        _say_cut(len(shown), len(rows) - page.offset)
        _show(cols, shown, fmt)
        return
    f = _filters(since=since, until=until, country=country, type=type_, actor=actor, bbox=bbox, text=text,
                 limit=DEFAULT_LIMIT if limit is None else limit, offset=offset, all_events=all_events, sort=sort)
    with open_store(db, read_only=True) as store:
        cols, rows = events(store, f, clusters=clusters)
        if f.limit is not None and len(rows) == f.limit:
            _say_cut(len(rows), total(store, f, clusters=clusters) - f.offset)
    if fmt == "table":
        idx = [cols.index(k) for k in BRIEF]
        cols, rows = BRIEF, [tuple(r[i] for i in idx) for r in rows]
    _show(cols, rows, fmt)


def _say_cut(shown: int, available: int) -> None:
    if available > shown:
        typer.echo(f"{shown} rows shown (of {available}); --limit 0 for all", err=True)


def _show(cols, rows, fmt):
    if fmt == "json":
        for r in rows:
            typer.echo(json.dumps(dict(zip(cols, r, strict=True)), default=str, ensure_ascii=False))
    elif fmt == "csv":
        import csv

        from ..export.cells import safe_text
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows([safe_text(v) for v in r] for r in rows)
    else:
        from rich.console import Console
        from rich.table import Table
        t = Table(show_lines=False)
        for c in cols:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*["" if v is None else str(v)[:80] for v in r])
        Console(width=None if sys.stdout.isatty() else 180).print(t)


@handles_errors
def export(
    fmt: str = typer.Option(..., "--format", help="gdelt, acled, plover, geojson, gpkg, fgb, csv or parquet"),
    out: Path | None = typer.Option(None, "--out", "-o", help="output file (a folder for parquet); default stdout"),
    db: o.Db = None,
    since: o.Since = None,
    until: o.Until = None,
    country: o.Country = None,
    type_: o.Type = None,
    actor: o.Actor = None,
    bbox: o.Bbox = None,
    text: o.Text = None,
    all_events: o.AllEvents = False,
    clusters: bool = typer.Option(False, "--clusters/--events", help="one row per cluster, or every event"),
) -> None:
    """Export events (or clusters) in the formats event researchers load: by default the current,
    asserted incidents (--all-events adds background, negated, hypothetical and claimed ones)."""
    from ..export import ExportError, get, write_binary
    from ..store import open_store
    from ..store.query import iter_events

    try:
        form = get(fmt)
    except ValueError as e:
        fail(f"--{e}")
    if form.folder and out is None:
        fail(f"--format {fmt} writes a folder: give --out FOLDER")
    if form.binary and not form.folder and out is None and sys.stdout.isatty():
        fail(f"--format {fmt} is a binary file: give --out FILE (or redirect the output)")
    f = _filters(since=since, until=until, country=country, type=type_, actor=actor, bbox=bbox, text=text,
                 all_events=all_events)
    with open_store(db, read_only=True) as store:  # before any output exists
        # rows are fetched a chunk at a time; only parquet and the GIS files hold them all
        rows = iter_events(store, f, clusters=clusters)
        try:
            if form.folder:
                n = form.write_folder(rows, out)
            elif out:
                out.parent.mkdir(parents=True, exist_ok=True)
                with out.open("wb") as fh:
                    n = write_binary(form, rows, fh)
            elif form.binary:
                n = form.write(rows, sys.stdout.buffer)
            else:
                n = form.write(rows, sys.stdout)
        except ExportError as e:
            if out and not form.folder and out.exists() and out.stat().st_size == 0:
                out.unlink()
            fail(str(e))
    typer.echo(f"{n} rows written{f' to {out}' if out else ''}", err=True)
