"""Filtered reads of events and clusters: validated Filters (tacitus.filters) become a WHERE clause
whose every user value is a bound parameter; SQL is never built from user text. A user's own SQL
runs on a read-only connection with file access disabled."""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..filters import Filters
from .db import Store


def where(f: Filters, alias: str = "e") -> tuple[str, list]:
    """The WHERE clause of the filters (tacitus.filters.Filters.sql: the same SQL Spark runs)."""
    return f.sql(alias)


def events(store: Store, f: Filters, clusters: bool = False) -> tuple[list[str], list[tuple]]:
    """Events (with their article's fields) or, with clusters=True, one row per cluster built on its
    representative event, with the cluster's counts."""
    sql, params = _events_sql(f, clusters)
    return store.sql(sql, params)


def iter_events(store: Store, f: Filters, clusters: bool = False, chunk: int = 2000) -> Iterator[dict]:
    """The rows of `events` as dicts, fetched a chunk at a time (exports of a whole store stay small)."""
    sql, params = _events_sql(f, clusters)
    return store.iter_dicts(sql, params, chunk)


def source(clusters: bool, store: Store | None = None) -> str:
    """What the explorer counts, as `e`: every event, or one row per cluster (its representative
    event); the store's narrow copy of it where it has one (store/served.py)."""
    if store is not None and store.aggregates:
        return store.aggregates[clusters]
    return "clusters c JOIN events e ON e.event_id = c.representative" if clusters else "events e"


def total(store: Store, f: Filters, clusters: bool = False) -> int:
    """How many rows `events` gives without the limit and offset."""
    w, params = where(f)
    return store.value(f"SELECT count(*) FROM {source(clusters, store)}{w}", params)


def _events_sql(f: Filters, clusters: bool) -> tuple[str, list]:
    w, params = where(f)
    page = ""
    if f.limit is not None:
        page = " LIMIT ? OFFSET ?"
        params += [f.limit, f.offset]
    if clusters:
        sql = (f"SELECT e.*, a.title AS article_title, a.url AS article_url, a.source AS article_source, "
               f"a.published AS article_published, a.tone AS article_tone, c.num_events, c.num_articles, "
               f"c.num_sources, c.first_seen, c.last_seen, c.reasons FROM clusters c "
               f"JOIN events e ON e.event_id = c.representative JOIN articles a ON a.article_id = e.article_id"
               f"{w}{f.order()}{page}")
    else:
        sql = (f"SELECT e.*, a.title AS article_title, a.url AS article_url, a.source AS article_source, "
               f"a.published AS article_published, a.tone AS article_tone, coalesce(c.num_events, 1) AS num_events, "
               f"coalesce(c.num_articles, 1) AS num_articles, coalesce(c.num_sources, 1) AS num_sources, "
               f"c.first_seen, c.last_seen, c.reasons FROM events e JOIN articles a ON a.article_id = e.article_id "
               f"LEFT JOIN clusters c ON c.cluster_id = e.cluster_id{w}{f.order()}{page}")
    return sql, params


def read_only_sql(path: str | os.PathLike, query: str) -> tuple[list[str], list[tuple]]:
    """Runs a user's SQL on the store opened read-only and without access to other files (no COPY
    TO, read_text, ATTACH or extension loading): writes fail with DuckDB's own error."""
    store = Store(path, read_only=True)
    try:
        store.execute("SET enable_external_access = false")
        return store.sql(query)
    finally:
        store.close()
