"""Loads the Parquet tables of `tacitus spark extract` into a DuckDB store. The tables have the
store's columns (both are derived from store/schema.py), so rows go in by name; ids are the same, so
loading twice, or loading output that overlaps what is in, adds nothing twice."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import cluster
from .db import Store
from .schema import TABLES

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


def load(store: Store, folder: str | Path) -> Loaded:
    """Inserts every table found under `folder` in one transaction. Clusters come along as Spark made
    them when the store had no events; otherwise the new events are clustered here, in the Spark
    journal's order, so they can join the clusters already in the store."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is not a folder of Parquet tables (from `tacitus spark extract`)")
    if _glob(folder, "articles") is None and _glob(folder, "journal") is None:
        raise FileNotFoundError(f"no articles/ or journal/ Parquet tables under {folder}")
    con = store.con
    out = Loaded()
    had_events = con.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.execute("BEGIN TRANSACTION")
    try:
        for table in PARTITIONED:
            g = _glob(folder, table)
            if g is None:
                continue
            cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
            names = ", ".join(f'"{c}"' for c in cols)
            select = names if not (table == "events" and had_events) else names.replace('"cluster_id"',
                                                                                        'NULL AS "cluster_id"')
            con.execute(f"INSERT OR IGNORE INTO {table} ({names}) SELECT {select} FROM "
                        f"read_parquet(?, hive_partitioning = true, union_by_name = true)", [g])
        g = _glob(folder, "journal")
        if g:
            con.execute("INSERT INTO journal (seq, source, content_hash, status, reason, article_id, run_id, logged_at, "
                        "schema_version) SELECT seq, source, content_hash, status, reason, article_id, run_id, logged_at, "
                        "schema_version FROM read_parquet(?) ORDER BY seq", [g])
            out.failed = con.execute("SELECT count(*) FROM read_parquet(?) WHERE status = 'failed'", [g]).fetchone()[0]
        g = _glob(folder, "clusters")
        if g and not had_events:
            con.execute("INSERT OR IGNORE INTO clusters BY NAME SELECT * FROM read_parquet(?)", [g])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    out.articles = con.execute("SELECT count(*) FROM articles").fetchone()[0] - n_articles
    if had_events or not _glob(folder, "clusters"):
        # cluster what came in (and any event a crashed ingest left unclustered, as ingest does), in
        # ingestion order: journal seq, then position in the article
        rows = con.execute("""SELECT e.event_id FROM events e
                              LEFT JOIN (SELECT article_id, min(seq) AS seq FROM journal WHERE status = 'ok'
                                         GROUP BY 1) j ON j.article_id = e.article_id
                              WHERE e.cluster_id IS NULL
                              ORDER BY j.seq NULLS LAST, e.evidence_start, e.trigger_start, e.event_id""").fetchall()
        new = [r[0] for r in rows]
        for i in range(0, len(new), 5000):
            out.clusters += cluster.assign(store, new[i:i + 5000])
        out.events = len(new)
    else:
        out.events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        out.clusters = con.execute("SELECT count(*) FROM clusters").fetchone()[0]
    return out
