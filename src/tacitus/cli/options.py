"""Options several commands share, declared once so each spelling, default and help text is the
same everywhere: the store, the filters (help from tacitus.filters, as the API's), and the settings
(help from the settings table)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..filters import HELP as FILTER_HELP
from ..settings import TABLE

SETTING_HELP = {s.name: s.help for s in TABLE}

Db = Annotated[Path | None, typer.Option("--db", help="DuckDB store (default: $TACITUS_DB, else ./tacitus.duckdb)")]

Since = Annotated[str | None, typer.Option(help=FILTER_HELP["since"])]
Until = Annotated[str | None, typer.Option(help=FILTER_HELP["until"])]
Country = Annotated[str | None, typer.Option(help=FILTER_HELP["country"])]
Type = Annotated[str | None, typer.Option("--type", help=FILTER_HELP["type"])]
Actor = Annotated[str | None, typer.Option(help=FILTER_HELP["actor"])]
Bbox = Annotated[str | None, typer.Option(help=FILTER_HELP["bbox"])]
Text = Annotated[str | None, typer.Option(help=FILTER_HELP["text"])]
AllEvents = Annotated[bool, typer.Option("--all-events", help=FILTER_HELP["all_events"])]
Sort = Annotated[str | None, typer.Option(help=FILTER_HELP["sort"])]

Config = Annotated[Path | None, typer.Option(help="config file (default: $TACITUS_CONFIG, else ./tacitus.toml "
                                                  "if present)")]
Published = Annotated[str | None, typer.Option(help=SETTING_HELP["published"])]
Model = Annotated[str | None, typer.Option(help=SETTING_HELP["model"])]
NProcess = Annotated[int | None, typer.Option("--n-process", "-j", help=SETTING_HELP["n_process"])]
BatchSize = Annotated[int | None, typer.Option("--batch-size", help=SETTING_HELP["batch_size"])]
Encoding = Annotated[str | None, typer.Option(help=SETTING_HELP["encoding"])]
MaxBytes = Annotated[int | None, typer.Option("--max-bytes", help=SETTING_HELP["max_bytes"])]
Lexicons = Annotated[list[str] | None, typer.Option("--lexicons", help=SETTING_HELP["lexicons"])]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="no progress or summary on stderr")]


def settings(config: Path | None = None, lexicons: list[str] | None = None, **given):
    """The settings a command runs with: explicit options > TACITUS_<NAME> > config file > defaults,
    the same for every command."""
    from ..settings import load

    return load(config, lexicons=tuple(lexicons) if lexicons else None, **given)
