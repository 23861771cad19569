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
