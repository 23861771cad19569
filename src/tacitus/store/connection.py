"""DuckDB connections as the store makes them, and the one way to run statements in a transaction."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from .errors import from_duckdb


def connect(path: str | os.PathLike, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection that never reads Python variables as tables (DuckDB's replacement scans would let
    a query see the caller's objects). DuckDB's errors on opening become StoreErrors that say why."""
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as e:
        raise from_duckdb(path, e, read_only) from e
    con.execute("SET python_enable_replacements = false")
    return con


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """BEGIN ... COMMIT, or ROLLBACK and re-raise: a batch is written whole or not at all."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
