"""The DuckDB store: named migrations, idempotent batch writes (content-hash ids, one transaction
per batch so a killed run leaves whole batches or nothing), and read-only queries."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from .schema import CHILD_FIELDS, column_names, ddl, record_rows, table_columns

DEFAULT_DB = "tacitus.duckdb"

MIGRATIONS: list[tuple[str, list[str]]] = [
    ("0001_initial", ddl()),
    ("0002_indexes", [
        "CREATE INDEX IF NOT EXISTS events_date ON events(date_start)",
        "CREATE INDEX IF NOT EXISTS events_country ON events(location_country)",
        "CREATE INDEX IF NOT EXISTS events_cluster ON events(cluster_id)",
        "CREATE INDEX IF NOT EXISTS journal_hash ON journal(content_hash)",
    ]),
]


def _arrow_type(sqltype: str):
    import pyarrow as pa

    return {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "INTEGER": pa.int64(), "DOUBLE": pa.float64(),
            "BOOLEAN": pa.bool_(), "VARCHAR[]": pa.list_(pa.string()), "JSON": pa.string(),
            "TIMESTAMP": pa.timestamp("us")}.get(sqltype, pa.string())


def connect(path: str | os.PathLike, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection that never reads Python variables as tables (DuckDB's replacement scans would let
    a query see the caller's objects)."""
    con = duckdb.connect(str(path), read_only=read_only)
    con.execute("SET python_enable_replacements = false")
    return con


class Store:
    def __init__(self, path: str | os.PathLike, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no database at {self.path}; run `tacitus ingest` first")
        self.con = connect(self.path, read_only)
        if not read_only:
            self.migrate()
        self._cols = {t: table_columns(t) for t in CHILD_FIELDS | {"articles": None}}
        self._types: dict[str, dict[str, str]] = {}

    def view(self) -> Store:
        """This store on a cursor of its own: a DuckDB connection must not be used from two threads
        at once, its cursors can (one per request in the API)."""
        v = object.__new__(Store)
        v.__dict__.update(self.__dict__)
        v.con = self.con.cursor()
        return v

    def close(self) -> None:
        self.con.close()

    def migrate(self) -> list[str]:
        """Applies the named migrations not yet recorded in the database, in order."""
        self.con.execute("CREATE TABLE IF NOT EXISTS migrations (name VARCHAR PRIMARY KEY, "
                         "applied_at TIMESTAMP DEFAULT current_timestamp)")
        done = {r[0] for r in self.con.execute("SELECT name FROM migrations").fetchall()}
        applied = []
        for name, stmts in MIGRATIONS:
            if name in done:
                continue
            self.con.execute("BEGIN TRANSACTION")
            for s in stmts:
                self.con.execute(s)
            self.con.execute("INSERT INTO migrations (name) VALUES (?)", [name])
            self.con.execute("COMMIT")
            applied.append(name)
        return applied

    # ------------------------------------------------------------------ writes
    def seen(self, hashes: list[str]) -> set[str]:
        """Content hashes already ingested successfully."""
        if not hashes:
            return set()
        rows = self.con.execute("SELECT DISTINCT content_hash FROM journal WHERE status = 'ok' AND content_hash IN "
                                "(SELECT unnest(?::VARCHAR[]))", [hashes]).fetchall()
        return {r[0] for r in rows}

    def write(self, records: Iterable[dict], journal: list[tuple], run_id: str) -> list[str]:
        """Writes a batch of article records (their JSON form) and their journal lines in one
        transaction; returns the ids of events it added (existing ids are left as they are: writes
        are idempotent). Rows go in as Arrow tables: row-by-row inserts are slow in DuckDB."""
        rows: dict[str, list[list[Any]]] = {t: [] for t in self._cols}
        for art in records:
            for table, data in record_rows(art).items():
                rows[table] += data
        new_events: list[str] = []
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, data in rows.items():
                if not data:
                    continue
                cols = self._column_names(table)
                if table == "events":
                    existing = {r[0] for r in self.con.execute(
                        "SELECT event_id FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
                        [[d[0] for d in data]]).fetchall()}
                    new_events += [d[0] for d in data if d[0] not in existing]
                self._bulk_insert(table, cols, data)
            if journal:
                self._bulk_insert("journal", ["seq", "source", "content_hash", "status", "reason", "article_id",
                                              "run_id"], [list(j) + [run_id] for j in journal], ignore=False)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return list(dict.fromkeys(new_events))

    def _bulk_insert(self, table: str, cols: list[str], data: list[list[Any]], ignore: bool = True) -> None:
        import pyarrow as pa

        types = self._types.get(table)
        if types is None:  # column types, read once per table
            types = self._types[table] = {r[0]: r[1] for r in self.con.execute(f"DESCRIBE {table}").fetchall()}
        names = [c.strip('"') for c in cols]
        arrays = []
        for j, name in enumerate(names):
            column = [row[j] for row in data]
            sqltype = types.get(name, "VARCHAR")
            arrays.append(pa.array(column, type=_arrow_type(sqltype)))
        batch = pa.Table.from_arrays(arrays, names=[f"c{j}" for j in range(len(names))])
        self.con.register("tacitus_batch", batch)
        try:
            casts = ", ".join(f"CAST(c{j} AS {types.get(n, 'VARCHAR')})" for j, n in enumerate(names))
            verb = "INSERT OR IGNORE" if ignore else "INSERT"
            self.con.execute(f"{verb} INTO {table} ({', '.join(cols)}) SELECT {casts} FROM tacitus_batch")
        finally:
            self.con.unregister("tacitus_batch")

    def _column_names(self, table: str) -> list[str]:
        return [f'"{c}"' for c in column_names(table)]

    # ------------------------------------------------------------------ reads
    def counts(self) -> dict[str, int]:
        out = {}
        for t in ("articles", "events", "places", "quotes", "actors", "counts", "citations", "clusters", "journal"):
            out[t] = self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        return out

    def sql(self, query: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
        cur = self.con.execute(query, params or [])
        return [d[0] for d in cur.description], cur.fetchall()


def open_store(path: str | os.PathLike | None = None, read_only: bool = False) -> Store:
    return Store(path or os.environ.get("TACITUS_DB") or DEFAULT_DB, read_only=read_only)
