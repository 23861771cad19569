"""`tacitus evaluate`: field-level accuracy of tacitus against a human-coded gold file."""

from __future__ import annotations

import json
from pathlib import Path

import typer

ROWS = [  # (metric, label, section)
    ("ev_recall", "event recall", "events"), ("ev_precision", "event precision", "events"),
    ("spurious", "spurious events on no-event documents (lower is better)", "events"),
    ("type_cameo", "type: CAMEO code", "events"), ("type_cameo_root", "type: CAMEO root", "events"),
    ("type_plover", "type: PLOVER", "events"), ("type_acled", "type: ACLED event type", "events"),
    ("type_acled_sub", "type: ACLED sub-event type", "events"), ("type_ucdp_violence", "type: UCDP violence", "events"),
    ("actor1", "actor1 match", "events"), ("actor2", "actor2 match", "events"),
    ("date", "date exact", "events"), ("date_1day", "date within 1 day", "events"),
    ("loc25", "location within 25 km", "events"), ("loc161", "location within 161 km", "events"),
    ("loc_km_median", "location median error (km)", "events"),
    ("fatal", "fatalities exact", "events"), ("fatal20", "fatalities within 20%", "events"),
    ("places_P", "place tagging precision", "places"), ("places_R", "place tagging recall", "places"),
    ("places_F1", "place tagging F1", "places"), ("places_acc161", "geocoding within 161 km", "places"),
    ("places_km_median", "geocoding median error (km)", "places"),
    ("places_auc", "geocoding AUC of log error (lower is better)", "places"),
    ("quote_recall", "direct quote recall", "quotes"), ("quote_recall_all", "quote recall (all)", "quotes"),
    ("quote_precision", "quote precision", "quotes"), ("speaker_acc", "speaker accuracy", "quotes"),
]


def render(report, console) -> None:
    from rich.table import Table

    table = Table(title=f"{report.gold}: {report.n_docs} documents, {report.failures} failed")
    table.add_column("section")
    table.add_column("field")
    table.add_column("value", justify="right")
    table.add_column("n", justify="right")
    for key, label, section in ROWS:
        v = report.metrics.get(key)
        if v is None and key not in report.support:
            continue
        shown = "-" if v is None else f"{v:.1f}" if key.endswith("km_median") else f"{v:.3f}"
        table.add_row(section, label, shown, str(report.support.get(key, "")))
    console.print(table)
    if report.confusion:
        golds = sorted(report.confusion, key=lambda g: -sum(report.confusion[g].values()))[:16]
        syss = sorted({s for g in golds for s in report.confusion[g]},
                      key=lambda s: -sum(report.confusion[g].get(s, 0) for g in golds))[:12]
        ct = Table(title=f"confusion ({report.confusion_key}): rows gold, columns tacitus ('-' no match)")
        ct.add_column("gold \\ system")
        for s in syss:
            ct.add_column(str(s), justify="right")
        for g in golds:
            ct.add_row(g, *[str(report.confusion[g].get(s, "")) for s in syss])
        console.print(ct)


def evaluate(
    gold: Path = typer.Argument(..., help="gold file: dev JSONL (shared/dev format), ACLED CSV export or UCDP GED CSV"),
    report: Path | None = typer.Option(None, "--report", help="write the full report (metrics, confusion, "
                                                              "per-document detail) as JSON here"),
    limit: int | None = typer.Option(None, "--limit", help="score only the first N documents"),
    n_process: int | None = typer.Option(None, "--n-process", "-j", help="worker processes; 0 means all cores"),
    model: str | None = typer.Option(None, help="spaCy pipeline to parse with"),
) -> None:
    """Score tacitus against human-coded gold: per-field precision, recall and accuracy, with a
    confusion table of event types. Event matching is one-to-one (see docs/evaluation.md)."""
    from rich.console import Console

    from ..evaluate import evaluate as run
    from ..evaluate.gold import GoldError
    from ..pipeline import Pipeline
    from ..settings import load

    try:
        rep = run(gold, limit=limit, pipeline=Pipeline(load(model=model, n_process=n_process)))
    except GoldError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from e
    render(rep, Console())
    if report:
        report.write_text(json.dumps(rep.to_dict(), indent=1, ensure_ascii=False), encoding="utf-8")
        typer.echo(f"report written to {report}", err=True)
