"""`tacitus summary`: a readable digest of an extract output file."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import typer


def summary(path: Path = typer.Argument(..., help="JSONL written by tacitus extract"),
            top: int = typer.Option(10, help="how many of each to list")) -> None:
    """Summarise extracted records: articles, failures, events by type, actors, and a sample."""
    from rich.console import Console
    from rich.table import Table

    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    ok = [r for r in recs if r.get("ok", True)]
    events = [e for r in ok for e in r["events"]]
    con = Console()
    con.print(f"[bold]{len(recs)}[/] inputs: {len(ok)} articles, {len(recs) - len(ok)} failed, "
              f"{len(events)} events")
    con.print(where_and_when(ok, events))
    for title, counter in (
        ("PLOVER types", Counter(e["type"]["plover"] or "-" for e in events)),
        ("ACLED types", Counter(f"{e['type']['acled']} / {e['type']['acled_sub']}" for e in events if e["type"]["acled"])),
        ("actors in events", Counter(a["name"] for e in events for a in (e["actor1"], e["actor2"]) if a)),
    ):
        t = Table(title=title)
        t.add_column("value")
        t.add_column("n", justify="right")
        for k, n in counter.most_common(top):
            t.add_row(str(k), str(n))
        con.print(t)
    t = Table(title="sample events")
    for col in ("article", "CAMEO", "actor1", "actor2", "evidence"):
        t.add_column(col, overflow="fold")
    for r in ok[:top]:
        for e in r["events"][:1]:
            t.add_row(r["title"] or r["id"], f"{e['type']['cameo']} {e['type']['cameo_label']}",
                      (e["actor1"] or {}).get("name") or "-", (e["actor2"] or {}).get("name") or "-",
                      e["evidence"]["text"][:120])
    con.print(t)


def where_and_when(records: list[dict], events: list[dict]) -> str:
    """How the events were placed and dated: how many dates fell back to the publication date,
    how many events have no place, and how many place mentions stayed unresolved."""
    dates = [(e.get("date") or {}).get("method") or "" for e in events]
    fallback = sum(m == "publication_date" for m in dates)
    undated = sum(not m for m in dates)
    unplaced = sum(not (e.get("location") or {}).get("lat") for e in events)
    places = [p for r in records for p in r.get("places") or []]
    unresolved = sum(p.get("lat") is None for p in places)

    def pct(n: int, d: int) -> str:
        return f"{n} ({100 * n / d:.0f}%)" if d else str(n)

    return (f"event dates: {pct(len(events) - fallback - undated, len(events))} from the text, "
            f"{pct(fallback, len(events))} publication-date fallbacks, {undated} undated; "
            f"events without coordinates: {pct(unplaced, len(events))}; "
            f"place mentions: {len(places)}, unresolved {pct(unresolved, len(places))}")
