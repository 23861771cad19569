"""Table definitions derived from the record dataclasses (records.py), never written twice: nested
records are flattened with their field name as prefix ('actor1_name', 'type_cameo'), tuples of
strings become VARCHAR[], other nested tuples are stored in their own tables."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any

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
)

SQL_TYPES = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN"}


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
            if item is str:
                out.append((name, "VARCHAR[]", (f.name,)))
            else:
                out.append((name, "JSON", (f.name,)))
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
            from ..records import to_jsonable
            v = json.dumps(to_jsonable(v), ensure_ascii=False) if v is not None else None
        elif sqltype == "VARCHAR[]":
            v = list(v) if v is not None else []
        out.append(v)
    return out


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
CHILD_FIELDS = {"events": "events", "places": "places", "quotes": "quotes", "actors": "actors", "dates": "dates",
                "counts": "counts", "citations": "citations"}


def table_columns(table: str) -> list[tuple[str, str, tuple[str, ...]]]:
    cls, skip = TABLES[table]
    return columns(cls, skip=skip)


def column_names(table: str) -> list[str]:
    """The stored columns of a table in order (ids first), as in the DuckDB store and Spark's Parquet."""
    cols = [c for c, _, _ in table_columns(table) if not (table in ("events", "articles") and c == "id")]
    if table == "articles":
        return ["article_id"] + cols
    if table == "events":
        return ["event_id", "article_id", "cluster_id"] + cols
    return ["row_id", "article_id"] + cols


def column_types(table: str) -> dict[str, str]:
    """Column -> SQL type for a record table, ids and schema_version included."""
    types = {c: t for c, t, _ in table_columns(table)}
    types.update({"article_id": "VARCHAR", "event_id": "VARCHAR", "cluster_id": "VARCHAR", "row_id": "VARCHAR",
                  "schema_version": "INTEGER"})
    return {c: types[c] for c in column_names(table) + ["schema_version"]}


def record_rows(art: dict[str, Any]) -> dict[str, list[list[Any]]]:
    """An article record (its JSON form) as rows of every table, in column_names order: the one place
    that decides ids (the article's id, each event's id, a content hash for other rows), shared by
    the DuckDB store and the Spark job."""
    aid = art["id"]
    cols = {t: table_columns(t) for t in TABLES}
    rows: dict[str, list[list[Any]]] = {t: [] for t in TABLES}
    rows["articles"].append([aid] + [v for (c, _, _), v in zip(cols["articles"], values(art, cols["articles"]),
                                                               strict=True) if c != "id"])
    for table, field in CHILD_FIELDS.items():
        for i, child in enumerate(art.get(field) or ()):
            vals = values(child, cols[table])
            if table == "events":
                rows[table].append([child["id"], aid, None] + [v for (c, _, _), v in zip(cols[table], vals, strict=True)
                                                               if c != "id"])
            else:
                rows[table].append([row_id(aid, table, i, child.get("start", ""), child.get("offset_start", "")),
                                    aid] + vals)
    return rows


def ddl() -> list[str]:
    """CREATE TABLE statements: every table has schema_version; children carry article_id and a
    content-hash row id."""
    stmts = []
    for table in TABLES:
        cols = table_columns(table)
        defs = []
        if table == "articles":
            defs.append("article_id VARCHAR PRIMARY KEY")
        elif table == "events":
            defs.append("event_id VARCHAR PRIMARY KEY")
            defs.append("article_id VARCHAR NOT NULL")
            defs.append("cluster_id VARCHAR")
        else:
            defs.append("row_id VARCHAR PRIMARY KEY")
            defs.append("article_id VARCHAR NOT NULL")
        defs += [f'"{c}" {t}' for c, t, _ in cols if not (table == "events" and c == "id")
                 and not (table == "articles" and c == "id")]
        defs.append(f"schema_version INTEGER DEFAULT {SCHEMA_VERSION}")
        stmts.append(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(defs)})")
    stmts.append(f"""CREATE TABLE IF NOT EXISTS journal (
        seq BIGINT, source VARCHAR, content_hash VARCHAR, status VARCHAR, reason VARCHAR, article_id VARCHAR,
        run_id VARCHAR, logged_at TIMESTAMP DEFAULT current_timestamp, schema_version INTEGER DEFAULT {SCHEMA_VERSION})""")
    stmts.append(f"""CREATE TABLE IF NOT EXISTS clusters (
        cluster_id VARCHAR PRIMARY KEY, representative VARCHAR, cameo_root VARCHAR, acled VARCHAR,
        date_first VARCHAR, date_last VARCHAR, lat DOUBLE, lon DOUBLE, country VARCHAR, precision VARCHAR,
        actor1 VARCHAR, actor2 VARCHAR, num_events BIGINT, num_articles BIGINT, num_sources BIGINT,
        first_seen VARCHAR, last_seen VARCHAR, reasons VARCHAR[], schema_version INTEGER DEFAULT {SCHEMA_VERSION})""")
    stmts.append("""CREATE TABLE IF NOT EXISTS migrations (name VARCHAR PRIMARY KEY,
        applied_at TIMESTAMP DEFAULT current_timestamp)""")
    return stmts
