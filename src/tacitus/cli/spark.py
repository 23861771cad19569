"""`tacitus spark`: the extraction and duplicate merging as Spark jobs (needs `tacitus[spark]`)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from .common import fail, handles_errors

app = typer.Typer(help="Run tacitus on Apache Spark: the same records and clusters as one machine, as Parquet.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


@app.callback()
def setup() -> None:
    """Run tacitus on Apache Spark: the same records and clusters as one machine, as Parquet."""
    from .common import show_logs

    show_logs()  # also for `python -m tacitus.spark`, which starts here


def _spark(master: str | None):
    try:
        import pyspark  # noqa: F401
    except ImportError:
        fail("pyspark is not installed; pip install 'tacitus[spark]' (and Java 17+)")
    from ..spark.job import session
    return session(master)


@app.command("extract")
@handles_errors
def extract(
    input: str = typer.Option(..., "--input", "-i", help="file, folder or glob URI (file:, hdfs:, s3a:, ...)"),
    output: str = typer.Option(..., "--output", "-o", help="output folder URI for the Parquet tables"),
    fmt: str = typer.Option("auto", "--format", help="auto (by file suffix), jsonl, text, warc, parquet or json"),
    columns: str | None = typer.Option(None, help="for parquet/json tables: FIELD=COLUMN,... (text=body,id=doc_id)"),
    master: str | None = typer.Option(None, help="Spark master (default: spark-submit's, else local[*])"),
    partitions: int | None = typer.Option(None, help="extraction tasks (default: 4 x the cores)"),
    cluster: bool = typer.Option(True, "--cluster/--no-cluster", help="merge duplicate reports into clusters"),
    model: str | None = typer.Option(None, help="spaCy pipeline (installed on every executor)"),
    published: str | None = typer.Option(None, help="publication date for inputs that carry none"),
) -> None:
    """Extract articles with Spark into Parquet tables (articles, events, places, quotes, counts, ...).

    The exit status is 0 when every input was processed, 1 when some failed (see OUTPUT/failed),
    2 when the job could not run."""
    from ..ingest.csvfile import parse_map
    from ..settings import load
    from ..spark.job import FORMATS, Job
    from ..spark.job import extract as run

    if fmt not in FORMATS and fmt not in ("parquet", "json"):
        fail(f"--format {fmt}: choose one of {', '.join([*FORMATS, 'parquet', 'json'])}")
    settings = load().with_(model=model, published=published)
    column_map = parse_map(columns)  # the same FIELD=COLUMN rule as `ingest --csv-map`
    spark = _spark(master)
    job = Job(input=input, output=output, format=fmt, columns=column_map, partitions=partitions,
              cluster=cluster, settings=settings)
    try:
        counts = run(spark, job)
    except FileNotFoundError as e:
        fail(str(e))
    typer.echo(json.dumps(counts, sort_keys=True))
    failed = counts.get("journal_failed", 0)
    if failed:
        typer.echo(f"{failed} input(s) failed: see {output.rstrip('/')}/failed", err=True)
    raise typer.Exit(1 if failed else 0)  # as `extract` and `ingest`: 1 when some input failed


@app.command("cluster")
@handles_errors
def cluster(
    output: str = typer.Option(..., "--output", "-o", help="a folder written by `tacitus spark extract`"),
    master: str | None = typer.Option(None, help="Spark master (default: spark-submit's, else local[*])"),
) -> None:
    """Merge duplicate reports over an output folder's events table (rewrites events and clusters)."""
    from ..spark.job import cluster as run
    from ..spark.worker import local_path

    local = local_path(output)
    if local is not None and not (Path(local) / "events").is_dir():
        fail(f"{output} has no events table: give a folder written by `tacitus spark extract`")
    typer.echo(json.dumps(run(_spark(master), output), sort_keys=True))
