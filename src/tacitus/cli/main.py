"""`tacitus` command: the Typer app and its sub-commands."""

from __future__ import annotations

import sys

import typer

from ..errors import TacitusError
from . import evaluate as evaluate_cmd
from . import extract as extract_cmd
from . import gazetteer as gazetteer_cmd
from . import ingest as ingest_cmd
from . import serve as serve_cmd
from . import spark as spark_cmd
from . import stages as stages_cmd
from . import store as store_cmd
from . import summary as summary_cmd

app = typer.Typer(
    name="tacitus",
    help="Read news reports and record what they say happened: coded events (CAMEO, PLOVER, ACLED) "
         "with actors and the evidence for every field.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("extract")(extract_cmd.extract)
app.command("stages")(stages_cmd.stages)
app.command("summary")(summary_cmd.summary)
app.command("evaluate")(evaluate_cmd.evaluate)
app.add_typer(gazetteer_cmd.app, name="gazetteer")
app.command("ingest")(ingest_cmd.ingest)
app.command("query")(store_cmd.query)
app.command("export")(store_cmd.export)
app.command("serve")(serve_cmd.serve)
app.add_typer(spark_cmd.app, name="spark")


def _version(value: bool) -> None:
    if value:
        from .. import SCHEMA, __version__

        typer.echo(f"tacitus {__version__} ({SCHEMA})")
        raise typer.Exit(0)


@app.callback()
def setup(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="print the tacitus version and the record schema, then exit")) -> None:
    from .common import show_logs

    show_logs()


@app.command("version")
def version() -> None:
    """Print the tacitus version and the record schema."""
    from .. import SCHEMA, __version__

    typer.echo(f"tacitus {__version__} ({SCHEMA})")


def main() -> None:
    from .pipes import PipeClosed, guard_stdout, quiet_exit

    guard_stdout()
    try:
        app()
    except TacitusError as e:  # commands report their own; this catches any raised outside them
        typer.echo(f"error: {e}", err=True)
        sys.exit(2)
    except PipeClosed:  # `tacitus query ... | head`: the reader has what it wanted
        quiet_exit()
