"""Loads the Parquet tables of `tacitus spark extract` into a DuckDB store. The tables have the
store's columns (both are derived from store/schema.py), so rows go in by name; ids are the same, so
loading twice, or loading output that overlaps what is in, adds nothing twice."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import cluster
from .db import Store
from .schema import TABLES, column_names

PARTITIONED = tuple(TABLES)


@dataclass
class Loaded:
    articles: int = 0
    events: int = 0
    failed: int = 0
    clusters: int = 0


def _glob(folder: Path, table: str) -> str | None:
    d = folder / table
    if not d.is_dir() or not any(d.rglob("*.parquet")):
        return None
    return str(d / "**" / "*.parquet")


def check(folder: str | Path) -> Path:
    """The folder, if it holds the tables `tacitus spark extract` writes; else FileNotFoundError."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is not a folder of Parquet tables (from `tacitus spark extract`)")
    if _glob(folder, "articles") is None and _glob(folder, "journal") is None:
        raise FileNotFoundError(f"no articles/ or journal/ Parquet tables under {folder}")
    return folder


def load(store: Store, folder: str | Path) -> Loaded:
    """Inserts every table found under `folder` in one transaction. Clusters come along as Spark made
    them when the store had no events; otherwise the new events are clustered here, in the Spark
    journal's order, so they can join the clusters already in the store."""
    folder = check(folder)
    out = Loaded()
    had_events = store.value("SELECT count(*) FROM events") > 0
    n_articles = store.value("SELECT count(*) FROM articles")
    with store.transaction():
        for table in PARTITIONED:
            g = _glob(folder, table)
            if g is None:
                continue
            names = ", ".join(f'"{c}"' for c in store.describe(table))
            select = names if not (table == "events" and had_events) else names.replace('"cluster_id"',
                                                                                        'NULL AS "cluster_id"')
            store.execute(f"INSERT OR IGNORE INTO {table} ({names}) SELECT {select} FROM "
                          f"read_parquet(?, hive_partitioning = true, union_by_name = true)", [g])
        g = _glob(folder, "journal")
        if g:
            names = ", ".join(column_names("journal") + ["schema_version"])
            store.execute(f"INSERT INTO journal ({names}) SELECT {names} FROM read_parquet(?) ORDER BY seq", [g])
            out.failed = store.value("SELECT count(*) FROM read_parquet(?) WHERE status = 'failed'", [g])
        g = _glob(folder, "clusters")
        if g and not had_events:
            store.execute("INSERT OR IGNORE INTO clusters BY NAME SELECT * FROM read_parquet(?)", [g])
    out.articles = store.value("SELECT count(*) FROM articles") - n_articles
    if had_events or not _glob(folder, "clusters"):
        # cluster what came in (and any event a crashed ingest left unclustered, as ingest does), in
        # ingestion order: journal seq, then position in the article
        rows = store.rows("""SELECT e.event_id FROM events e
                             LEFT JOIN (SELECT article_id, min(seq) AS seq FROM journal WHERE status = 'ok'
                                        GROUP BY 1) j ON j.article_id = e.article_id
                             WHERE e.cluster_id IS NULL
                             ORDER BY j.seq NULLS LAST, e.evidence_start, e.trigger_start, e.event_id""")
        new = [r[0] for r in rows]
        for i in range(0, len(new), 5000):
            out.clusters += cluster.assign(store, new[i:i + 5000])
        out.events = len(new)
    else:
        out.events = store.value("SELECT count(*) FROM events")
        out.clusters = store.value("SELECT count(*) FROM clusters")
    return out
