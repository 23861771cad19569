"""Arrow schemas of what flows between the Spark job's steps, and of the tables it writes: the
store's tables are taken column for column from what the store's migrations build (the same
columns, types and order as every DuckDB store), so the Parquet and the store cannot differ."""

from __future__ import annotations

import pyarrow as pa

from ..store.migrations import layout
from ..store.schema import CLUSTER_FEATURES, TABLES, arrow_type


def stored(name: str) -> pa.Schema:
    """A store table's columns as Arrow fields."""
    return pa.schema([pa.field(c, arrow_type(t)) for c, t, _ in layout()[name]])


PARTITION = [pa.field("year", pa.int32()), pa.field("month", pa.int32())]

ITEM = pa.schema([
    pa.field("seq", pa.int64()), pa.field("input", pa.string()), pa.field("id", pa.string()),
    pa.field("title", pa.string()), pa.field("published", pa.string()), pa.field("url", pa.string()),
    pa.field("source", pa.string()), pa.field("text", pa.string()), pa.field("problems", pa.string()),
    pa.field("failure", pa.string()),  # the error record of an input that could not be read
])


CLUSTER_KEEP = tuple(c.name for c in CLUSTER_FEATURES)
CLUSTERS = stored("clusters")
JOURNAL = stored("journal")
CLUSTER_MAP = pa.schema([
    pa.field("event_id", pa.string()), pa.field("cluster_id", pa.string()),
    *[CLUSTERS.field(k) for k in CLUSTER_KEEP], CLUSTERS.field("reasons"),
])
FAILED = pa.schema([
    pa.field("seq", pa.int64()), pa.field("input", pa.string()), pa.field("code", pa.string()),
    pa.field("reason", pa.string()), pa.field("record", pa.string()), pa.field("schema_version", pa.int32()),
])

RECORD_TABLES = tuple(TABLES)  # articles, events, places, quotes, actors, dates, counts, citations


def table(name: str) -> pa.Schema:
    """A record table's columns as the store has them, then the year/month partition columns."""
    return pa.schema(list(stored(name)) + PARTITION)


# one row per input: its record (JSON, kept for failures), status, and its rows of every record
# table (so the tables are exploded from it, never re-parsed)
RECORD = pa.schema([
    pa.field("seq", pa.int64()), pa.field("input", pa.string()), pa.field("content_hash", pa.string()),
    pa.field("article_id", pa.string()), pa.field("ok", pa.bool_()), pa.field("code", pa.string()),
    pa.field("reason", pa.string()), pa.field("record", pa.string()), *PARTITION,
    *[pa.field(f"rows_{t}", pa.list_(pa.struct(list(table(t))))) for t in RECORD_TABLES],
])


def spark_schema(schema: pa.Schema):
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(schema)
