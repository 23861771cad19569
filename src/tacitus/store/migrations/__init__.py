"""Named migrations, each frozen as it was written: `NNNN_name.py` modules in this folder, each with
a tuple `STATEMENTS` of SQL, applied in name order and recorded in the `migrations` table. A store
opened for writing applies the ones it has not recorded, so an existing store gains what a new
version adds.

A new record field (or table) needs one new file: `python -m tacitus.store.migrations new NAME`
writes it, with the statements for what the current shape (store/schema.py) has and the
migrations do not; `python -m tacitus.store.migrations check` says what is missing. A test fails
while anything is."""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import lru_cache

import duckdb

from ...frozen import frozen
from ..connection import connect, transaction
from ..schema import MIGRATIONS_TABLE, VERSION, Column, create_sql, shape

NAME = re.compile(r"^(\d{4})_[a-z0-9_]+$")
TABLE_SQL = (f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (name VARCHAR PRIMARY KEY, "
             "applied_at TIMESTAMP DEFAULT current_timestamp)")


@frozen
class Migration:
    name: str
    statements: tuple[str, ...]


@lru_cache(maxsize=1)
def discover() -> tuple[Migration, ...]:
    """The migrations in this folder, in order."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if NAME.match(m.name))
    numbers = [n[:4] for n in names]
    if len(set(numbers)) != len(numbers):
        raise RuntimeError(f"two migrations share a number: {names}")
    return tuple(Migration(n, tuple(importlib.import_module(f"{__name__}.{n}").STATEMENTS)) for n in names)


def applied(con: duckdb.DuckDBPyConnection) -> set[str]:
    con.execute(TABLE_SQL)
    return {r[0] for r in con.execute(f"SELECT name FROM {MIGRATIONS_TABLE}").fetchall()}


def recorded(con: duckdb.DuckDBPyConnection) -> set[str] | None:
    """The names recorded in a store, without creating anything (None: not a tacitus store yet)."""
    known = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if MIGRATIONS_TABLE not in known:
        return None
    return {r[0] for r in con.execute(f"SELECT name FROM {MIGRATIONS_TABLE}").fetchall()}


def apply(con: duckdb.DuckDBPyConnection, migrations: tuple[Migration, ...] | None = None) -> list[str]:
    """Applies, in order, each migration the store has not recorded: its statements and its record in
    one transaction. Returns the names applied."""
    done = applied(con)
    out = []
    for m in discover() if migrations is None else migrations:
        if m.name in done:
            continue
        with transaction(con):
            for s in m.statements:
                con.execute(s)
            con.execute(f"INSERT INTO {MIGRATIONS_TABLE} (name) VALUES (?)", [m.name])
        out.append(m.name)
    return out


Layout = dict[str, tuple[tuple[str, str, str | None], ...]]


def describe(con: duckdb.DuckDBPyConnection) -> Layout:
    """Every table's (column, type, default), in the database's column order."""
    tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY table_name").fetchall()]
    return {t: tuple((r[0], r[1], r[4]) for r in con.execute(f"DESCRIBE {t}").fetchall()) for t in tables}


@lru_cache(maxsize=4)
def layout(migrations: tuple[Migration, ...] | None = None) -> Layout:
    """The tables the migrations build, column for column: what every store (new or migrated) has
    and what the Spark job's Parquet follows."""
    con = connect(":memory:")
    try:
        apply(con, migrations)
        return describe(con)
    finally:
        con.close()


def missing(have: Layout, want: dict[str, tuple[Column, ...]] | None = None) -> list[str]:
    """The statements that take a database of layout `have` to the current shape: tables and
    columns it lacks, and schema_version defaults that fall behind. Raises on a changed column
    type (that needs a migration written by hand: copy, convert, swap)."""
    out = []
    for table, cols in (shape() if want is None else want).items():
        if table not in have:
            out.append(create_sql(table, cols))
            continue
        known = {name: (sqltype, default) for name, sqltype, default in have[table]}
        for c in cols:
            if c.name not in known:
                out.append(f'ALTER TABLE {table} ADD COLUMN {c.ddl()}')
            elif known[c.name][0] != c.sql:
                raise ValueError(f"{table}.{c.name} is {known[c.name][0]} in the store and {c.sql} in the "
                                 "records: write a migration that converts it")
            elif c.name == VERSION.name and (known[c.name][1] or "") != (c.default or ""):
                out.append(f"ALTER TABLE {table} ALTER COLUMN {c.name} SET DEFAULT {c.default}")
    return out


def render(name: str, statements: list[str], number: int) -> str:
    """The text of a new migration file."""
    body = "".join(f"    {s!r},\n" for s in statements)
    return (f'"""{name.replace("_", " ").capitalize()}: what the records define and migration '
            f'{number - 1:04d} lacks\n(written by `python -m tacitus.store.migrations new`; edit the '
            f'docstring to say why, never the\nstatements once released)."""\n\nSTATEMENTS = (\n{body})\n')
