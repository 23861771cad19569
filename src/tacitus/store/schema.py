"""The stored shape, defined once: the record tables derive from the record dataclasses
(records.py), the journal and clusters tables are the column tables below. Nested records are
flattened with their field name as prefix ('actor1_name', 'type_cameo'), tuples of strings become
VARCHAR[], other nested tuples JSON. This module is the *current* shape; the migrations
(store/migrations/) are the frozen history that builds it in a database, and a test holds the
two together. No database access here."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any

from ..frozen import frozen
from ..ids import row_id
from ..records import (
    SCHEMA_VERSION,
    Actor,
    Article,
    Citation,
    Count,
    DateMention,
    Event,
    Place,
    Quote,
    to_jsonable,
)

SQL_TYPES = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN"}


@frozen
class Column:
    name: str
    sql: str  # DuckDB type
    default: str | None = None  # SQL expression
    key: bool = False  # the primary key
    not_null: bool = False

    def ddl(self) -> str:
        return (f'"{self.name}" {self.sql}' + (" PRIMARY KEY" if self.key else "")
                + (" NOT NULL" if self.not_null else "") + (f" DEFAULT {self.default}" if self.default else ""))


VERSION = Column("schema_version", "INTEGER", default=str(SCHEMA_VERSION))

JOURNAL: tuple[Column, ...] = (
    Column("seq", "BIGINT"), Column("source", "VARCHAR"), Column("content_hash", "VARCHAR"),
    Column("status", "VARCHAR"), Column("reason", "VARCHAR"), Column("article_id", "VARCHAR"),
    Column("run_id", "VARCHAR"), Column("logged_at", "TIMESTAMP", default="current_timestamp"), VERSION,
)
# what a cluster is matched on (store/cluster.py), kept per cluster
CLUSTER_FEATURES: tuple[Column, ...] = (
    Column("cameo_root", "VARCHAR"), Column("acled", "VARCHAR"), Column("date_first", "VARCHAR"),
    Column("date_last", "VARCHAR"), Column("lat", "DOUBLE"), Column("lon", "DOUBLE"), Column("country", "VARCHAR"),
    Column("precision", "VARCHAR"), Column("actor1", "VARCHAR"), Column("actor2", "VARCHAR"),
)
CLUSTERS: tuple[Column, ...] = (
    Column("cluster_id", "VARCHAR", key=True), Column("representative", "VARCHAR"), *CLUSTER_FEATURES,
    Column("num_events", "BIGINT"), Column("num_articles", "BIGINT"), Column("num_sources", "BIGINT"),
    Column("first_seen", "VARCHAR"), Column("last_seen", "VARCHAR"), Column("reasons", "VARCHAR[]"), VERSION,
)
MIGRATIONS_TABLE = "migrations"

# table name -> (record class, fields kept in other tables or not stored)
TABLES: dict[str, tuple[type, tuple[str, ...]]] = {
    "articles": (Article, ("events", "quotes", "places", "actors", "dates", "counts", "citations", "schema")),
    "events": (Event, ()),
    "places": (Place, ()),
    "quotes": (Quote, ()),
    "actors": (Actor, ()),
    "dates": (DateMention, ()),
    "counts": (Count, ()),
    "citations": (Citation, ()),
}
# record table -> the Article field that holds its records
CHILD_FIELDS = {t: t for t in TABLES if t != "articles"}


def _base(tp: Any) -> Any:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return inner[0] if len(inner) == 1 else str
    return tp


def columns(cls: type, prefix: str = "", skip: tuple[str, ...] = ()) -> list[tuple[str, str, tuple[str, ...]]]:
    """(column name, SQL type, attribute path) for a record class, nested records flattened."""
    out = []
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        if f.name in skip:
            continue
        tp = _base(hints[f.name])
        name = f"{prefix}{f.name}"
        if dataclasses.is_dataclass(tp):
            out += [(c, t, (f.name,) + p) for c, t, p in columns(tp, f"{name}_")]
        elif typing.get_origin(tp) is tuple:
            (item,) = typing.get_args(tp)[:1]
            out.append((name, "VARCHAR[]" if item is str else "JSON", (f.name,)))
        else:
            out.append((name, SQL_TYPES.get(tp, "VARCHAR"), (f.name,)))
    return out


def values(obj: Any, cols: list[tuple[str, str, tuple[str, ...]]]) -> list[Any]:
    """Column values of a record, or of its JSON form (a dict), in the order of `cols`."""
    out = []
    for _, sqltype, path in cols:
        v = obj
        for p in path:
            v = (v.get(p) if isinstance(v, dict) else getattr(v, p, None)) if v is not None else None
        if sqltype == "JSON":
            v = json.dumps(to_jsonable(v), ensure_ascii=False) if v is not None else None
        elif sqltype == "VARCHAR[]":
            v = list(v) if v is not None else []
        out.append(v)
    return out


@cache
def _table_columns(table: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    cls, skip = TABLES[table]
    return tuple(columns(cls, skip=skip))


def table_columns(table: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(column, SQL type, attribute path) of a record table's record fields (resolved once)."""
    return list(_table_columns(table))


def _id_columns(table: str) -> tuple[Column, ...]:
    if table == "articles":
        return (Column("article_id", "VARCHAR", key=True),)
    if table == "events":
        return (Column("event_id", "VARCHAR", key=True), Column("article_id", "VARCHAR", not_null=True),
                Column("cluster_id", "VARCHAR"))
    return (Column("row_id", "VARCHAR", key=True), Column("article_id", "VARCHAR", not_null=True))


def _record_fields(table: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """The record's columns that are stored as such (its own id is the table's key)."""
    return [c for c in table_columns(table) if not (table in ("events", "articles") and c[0] == "id")]


def shape() -> dict[str, tuple[Column, ...]]:
    """Every table as this version of tacitus writes it: the record tables (ids, record fields,
    schema_version), then the journal and the clusters."""
    out = {t: (*_id_columns(t), *(Column(c, sql) for c, sql, _ in _record_fields(t)), VERSION) for t in TABLES}
    out["journal"] = JOURNAL
    out["clusters"] = CLUSTERS
    return out


def create_sql(table: str, cols: tuple[Column, ...]) -> str:
    return f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(c.ddl() for c in cols)})"


def column_names(table: str) -> list[str]:
    """The columns record_rows fills, in its order (ids first; schema_version is added on writing)."""
    if table in TABLES:
        return [c.name for c in _id_columns(table)] + [c for c, _, _ in _record_fields(table)]
    return [c.name for c in shape()[table] if c.name != "schema_version"]


def record_rows(art: dict[str, Any]) -> dict[str, list[list[Any]]]:
    """An article record (its JSON form) as rows of every table, in column_names order: the one place
    that decides ids (the article's id, each event's id, a content hash for other rows), shared by
    the DuckDB store and the Spark job."""
    aid = art["id"]
    rows: dict[str, list[list[Any]]] = {t: [] for t in TABLES}
    cols = _table_columns("articles")
    rows["articles"].append([aid] + [v for (c, _, _), v in zip(cols, values(art, list(cols)), strict=True)
                                     if c != "id"])
    for table, field in CHILD_FIELDS.items():
        cols = _table_columns(table)
        for i, child in enumerate(art.get(field) or ()):
            vals = values(child, list(cols))
            if table == "events":
                rows[table].append([child["id"], aid, None] + [v for (c, _, _), v in zip(cols, vals, strict=True)
                                                               if c != "id"])
            else:
                rows[table].append([row_id(aid, table, i, child.get("start", ""), child.get("offset_start", "")),
                                    aid] + vals)
    return rows


def arrow_type(sqltype: str):
    """The Arrow type of a DuckDB column type: the one map the store's writes and the Spark job's
    Parquet share (INTEGER is 32-bit, as in DuckDB)."""
    import pyarrow as pa

    known = {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(),
             "BOOLEAN": pa.bool_(), "VARCHAR[]": pa.list_(pa.string()), "JSON": pa.string(),
             "TIMESTAMP": pa.timestamp("us")}
    if sqltype not in known:
        raise KeyError(f"no Arrow type for the SQL type {sqltype}; add it to store/schema.arrow_type")
    return known[sqltype]
