"""`tacitus stages`: the pipeline's components in order, with what each requires and assigns."""

from __future__ import annotations

import typer


def stages(model: str | None = typer.Option(None, help="spaCy pipeline to inspect")) -> None:
    """List the pipeline stages in the order they run, with what each requires and assigns."""
    from rich.console import Console
    from rich.table import Table

    from ..pipeline import Pipeline
    from ..settings import load

    pipe = Pipeline(load(model=model))
    table = Table(title=f"pipeline ({pipe.settings.model})")
    for col in ("#", "stage", "by", "requires", "assigns"):
        table.add_column(col)
    for i, s in enumerate(pipe.stage_info(), 1):
        table.add_row(str(i), s["name"], "tacitus" if s["tacitus"] else "spaCy model",
                      ", ".join(s["requires"]) or "-", ", ".join(s["assigns"]) or "-")
    Console().print(table)
