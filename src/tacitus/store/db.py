"""The DuckDB store: open (with errors that say why not), migrations on open, one transaction
context manager, bulk writes of rows and reads. It stores; what to store and when (the pipeline,
the journal's decisions, clustering) is decided above it (tacitus.ingestion, store/cluster.py)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from ..records import SCHEMA_VERSION
from . import migrations as mig
from .connection import connect, transaction
from .errors import StoreError, StoreNotFound
from .schema import TABLES, arrow_type, column_names, record_rows

log = logging.getLogger(__name__)

DEFAULT_DB = "tacitus.duckdb"
COUNTED = ("articles", "events", "places", "quotes", "actors", "counts", "citations", "clusters", "journal")


def store_path(db: str | os.PathLike | None = None) -> Path:
    """The store a command means: --db, else $TACITUS_DB, else ./tacitus.duckdb (every command alike)."""
    return Path(db or os.environ.get("TACITUS_DB") or DEFAULT_DB)


class Store:
    """One DuckDB file. Opened for writing, it applies pending migrations; read-only, it never
    creates or changes anything (a missing file is StoreNotFound).

    `connection` (with `use`, the statement that makes the store its default database) is one
    opened elsewhere (store/served.py); `aggregates`, where set, maps clusters=False/True to the
    narrow table the explorer's aggregates read (store/read.py source)."""

    aggregates: dict[bool, str] | None = None

    def __init__(self, path: str | os.PathLike, read_only: bool = False,
                 migrations: Sequence[mig.Migration] | None = None,
                 connection: duckdb.DuckDBPyConnection | None = None, use: str | None = None):
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreNotFound(self.path)
        self._con = connection if connection is not None else connect(self.path, read_only)
        self._use = use
        self._depth = 0
        self._types: dict[str, dict[str, str]] = {}
        self._migrations = tuple(migrations) if migrations is not None else None
        if not read_only:
            self.migrate()
        elif pending := self.pending():
            log.warning("%s lacks migrations %s; they are applied when it is next opened for writing",
                        self.path, ", ".join(pending))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def view(self) -> Store:
        """This store on a cursor of its own: a DuckDB connection must not be used from two threads
        at once, its cursors can (one per request in the API)."""
        v = object.__new__(Store)
        v.__dict__.update(self.__dict__)
        v._con = self._con.cursor()
        v._depth = 0
        if self._use:
            v._con.execute(self._use)
        return v

    def close(self) -> None:
        self._con.close()

    # ------------------------------------------------------------------ migrations
    def _all_migrations(self) -> tuple[mig.Migration, ...]:
        return self._migrations if self._migrations is not None else mig.discover()

    def migrate(self) -> list[str]:
        """Applies the named migrations not yet recorded in the database, in order."""
        recorded = mig.recorded(self._con)
        if unknown := sorted((recorded or set()) - {m.name for m in self._all_migrations()}):
            log.warning("%s was migrated by a newer tacitus (%s); this version may not write all it expects",
                        self.path, ", ".join(unknown))
        applied = mig.apply(self._con, self._all_migrations())
        if applied:
            self._types.clear()
            log.log(logging.INFO if recorded is not None else logging.DEBUG, "%s: applied migrations %s", self.path,
                    ", ".join(applied))
        return applied

    def pending(self) -> list[str]:
        done = mig.recorded(self._con) or set()
        return [m.name for m in self._all_migrations() if m.name not in done]

    # ------------------------------------------------------------------ transactions and statements
    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """One transaction; nested uses join the outer one (so a caller can group several writes)."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            with transaction(self._con):
                yield self
        finally:
            self._depth = 0

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> duckdb.DuckDBPyConnection:
        """Runs one statement with bound parameters (SQL is never built from user values)."""
        return self._con.execute(sql, list(params or []))

    @contextmanager
    def registered(self, name: str, table: Any) -> Iterator[None]:
        """An Arrow table visible to SQL as `name` for the duration of the block."""
        self._con.register(name, table)
        try:
            yield
        finally:
            self._con.unregister(name)

    # ------------------------------------------------------------------ reads
    def sql(self, query: str, params: Sequence[Any] | None = None) -> tuple[list[str], list[tuple]]:
        cur = self.execute(query, params)
        return [d[0] for d in cur.description], cur.fetchall()

    def rows(self, query: str, params: Sequence[Any] | None = None) -> list[tuple]:
        return self.execute(query, params).fetchall()

    def value(self, query: str, params: Sequence[Any] | None = None) -> Any:
        row = self.execute(query, params).fetchone()
        return row[0] if row else None

    def dicts(self, query: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        cols, rows = self.sql(query, params)
        return [dict(zip(cols, r, strict=True)) for r in rows]

    def iter_dicts(self, query: str, params: Sequence[Any] | None = None, chunk: int = 2000) -> Iterator[dict]:
        """Rows as dicts, fetched a chunk at a time (a whole store exported stays small in memory)."""
        cur = self.execute(query, params)
        cols = [d[0] for d in cur.description]
        while rows := cur.fetchmany(chunk):
            for r in rows:
                yield dict(zip(cols, r, strict=True))

    def arrow(self, query: str, params: Sequence[Any] | None = None):
        """The result as an Arrow table (without the copy a DB-API result makes)."""
        rel = self._con.sql(query, params=list(params or []))
        return rel.to_arrow_table() if hasattr(rel, "to_arrow_table") else rel.arrow()

    def describe(self, table: str) -> dict[str, str]:
        """Column -> SQL type of a table as it is in this database (read once)."""
        types = self._types.get(table)
        if types is None:
            types = self._types[table] = {r[0]: r[1] for r in self.rows(f"DESCRIBE {table}")}
        return types

    def counts(self) -> dict[str, int]:
        return {t: self.value(f"SELECT count(*) FROM {t}") for t in COUNTED}

    def seen(self, hashes: list[str]) -> set[str]:
        """Content hashes the journal has as ingested successfully."""
        if not hashes:
            return set()
        rows = self.rows("SELECT DISTINCT content_hash FROM journal WHERE status = 'ok' AND content_hash IN "
                         "(SELECT unnest(?::VARCHAR[]))", [hashes])
        return {r[0] for r in rows}

    # ------------------------------------------------------------------ writes
    def insert(self, table: str, columns: Sequence[str], data: Sequence[Sequence[Any]], ignore: bool = True) -> None:
        """Rows into a table in one statement, as an Arrow table cast to the stored types (row-by-row
        inserts are slow in DuckDB); with `ignore`, rows whose key is in are left as they are."""
        if not data:
            return
        import pyarrow as pa

        types = self.describe(table)
        if unknown := [c for c in columns if c not in types]:
            raise StoreError(self.path, f"{self.path}: table {table} has no column {', '.join(unknown)}; a record "
                                        "field lacks its migration (`python -m tacitus.store.migrations check`)")
        arrays = [pa.array([row[j] for row in data], type=arrow_type(types[name])) for j, name in enumerate(columns)]
        batch = pa.Table.from_arrays(arrays, names=[f"c{j}" for j in range(len(columns))])
        casts = ", ".join(f"CAST(c{j} AS {types[n]})" for j, n in enumerate(columns))
        names = ", ".join(f'"{c}"' for c in columns)
        verb = "INSERT OR IGNORE" if ignore else "INSERT"
        with self.registered("tacitus_batch", batch):
            self.execute(f"{verb} INTO {table} ({names}) SELECT {casts} FROM tacitus_batch")

    def write(self, records: Iterable[dict], journal: list[tuple], run_id: str) -> list[str]:
        """A batch of article records (their JSON form) and their journal lines (seq, source,
        content_hash, status, reason, article_id) in one transaction; returns the ids of the events
        it added (rows whose id is in are left as they are: writes are idempotent)."""
        rows: dict[str, list[list[Any]]] = {t: [] for t in TABLES}
        for art in records:
            for table, data in record_rows(art).items():
                rows[table] += [r + [SCHEMA_VERSION] for r in data]
        new_events: list[str] = []
        with self.transaction():
            for table, data in rows.items():
                if not data:
                    continue
                if table == "events":
                    existing = {r[0] for r in self.rows("SELECT event_id FROM events WHERE event_id IN "
                                                        "(SELECT unnest(?::VARCHAR[]))", [[d[0] for d in data]])}
                    new_events += [d[0] for d in data if d[0] not in existing]
                self.insert(table, column_names(table) + ["schema_version"], data)
            if journal:
                cols = [c for c in column_names("journal") if c != "logged_at"] + ["schema_version"]
                self.insert("journal", cols, [list(j) + [run_id, SCHEMA_VERSION] for j in journal], ignore=False)
        return list(dict.fromkeys(new_events))


def open_store(path: str | os.PathLike | None = None, read_only: bool = False) -> Store:
    """The store at `path` (default: $TACITUS_DB, else ./tacitus.duckdb)."""
    return Store(store_path(path), read_only=read_only)
