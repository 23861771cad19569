"""Arrow schemas of what flows between the Spark job's steps, and of the tables it writes: the
store's tables are derived from store/schema.py, so the Parquet and the DuckDB store cannot differ."""

from __future__ import annotations

import pyarrow as pa

from ..store.schema import TABLES, column_types

PARTITION = [pa.field("year", pa.int32()), pa.field("month", pa.int32())]

ITEM = pa.schema([
    pa.field("seq", pa.int64()), pa.field("input", pa.string()), pa.field("id", pa.string()),
    pa.field("title", pa.string()), pa.field("published", pa.string()), pa.field("url", pa.string()),
    pa.field("source", pa.string()), pa.field("text", pa.string()), pa.field("problems", pa.string()),
    pa.field("failure", pa.string()),  # the error record of an input that could not be read
])


CLUSTER_KEEP = ("cameo_root", "acled", "date_first", "date_last", "lat", "lon", "country", "precision", "actor1",
                "actor2")
CLUSTER_MAP = pa.schema([
    pa.field("event_id", pa.string()), pa.field("cluster_id", pa.string()),
    *[pa.field(k, pa.float64() if k in ("lat", "lon") else pa.string()) for k in CLUSTER_KEEP],
    pa.field("reasons", pa.list_(pa.string())),
])

# the store's clusters and journal tables (store/schema.ddl), column for column
CLUSTERS = pa.schema([
    pa.field("cluster_id", pa.string()), pa.field("representative", pa.string()),
    *[f for f in CLUSTER_MAP if f.name in CLUSTER_KEEP],
    pa.field("num_events", pa.int64()), pa.field("num_articles", pa.int64()), pa.field("num_sources", pa.int64()),
    pa.field("first_seen", pa.string()), pa.field("last_seen", pa.string()), pa.field("reasons", pa.list_(pa.string())),
    pa.field("schema_version", pa.int32()),
])
JOURNAL = pa.schema([
    pa.field("seq", pa.int64()), pa.field("source", pa.string()), pa.field("content_hash", pa.string()),
    pa.field("status", pa.string()), pa.field("reason", pa.string()), pa.field("article_id", pa.string()),
    pa.field("run_id", pa.string()), pa.field("logged_at", pa.timestamp("us")), pa.field("schema_version", pa.int32()),
])
FAILED = pa.schema([
    pa.field("seq", pa.int64()), pa.field("input", pa.string()), pa.field("code", pa.string()),
    pa.field("reason", pa.string()), pa.field("record", pa.string()), pa.field("schema_version", pa.int32()),
])

ARROW = {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(),
         "BOOLEAN": pa.bool_(), "VARCHAR[]": pa.list_(pa.string()), "JSON": pa.string()}

RECORD_TABLES = tuple(TABLES)  # articles, events, places, quotes, actors, dates, counts, citations


def table(name: str) -> pa.Schema:
    """A record table's columns as the store has them, then the year/month partition columns."""
    return pa.schema([pa.field(c, ARROW[t]) for c, t in column_types(name).items()] + PARTITION)


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
