"""Filtered reads of events and clusters. Every value a user gives is a bound parameter; SQL is
never built from user text. Raw SQL runs on a read-only connection."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .db import Store, connect


@dataclass
class Filters:
    since: str | None = None
    until: str | None = None
    country: str | None = None
    type: str | None = None
    actor: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    text: str | None = None
    limit: int | None = None
    offset: int = 0


def parse_bbox(s: str | None) -> tuple[float, float, float, float] | None:
    if not s:
        return None
    parts = [float(x) for x in s.split(",")]
    if len(parts) != 4 or not (-180 <= parts[0] <= parts[2] <= 180 and -90 <= parts[1] <= parts[3] <= 90):
        raise ValueError("bbox is min_lon,min_lat,max_lon,max_lat within -180..180 and -90..90")
    return parts[0], parts[1], parts[2], parts[3]


def where(f: Filters, alias: str = "e") -> tuple[str, list]:
    conds, params = [], []
    if f.since:
        conds.append(f"{alias}.date_start >= ?")
        params.append(f.since)
    if f.until:
        conds.append(f"{alias}.date_start <= ?")
        params.append(f.until + "~")
    if f.country:
        c = f.country.upper()
        conds.append(f"({alias}.location_country = ? OR {alias}.actor1_country = ? OR {alias}.actor2_country = ?)")
        params += [c, c, c]
    if f.type:
        t = f.type.strip()
        conds.append(f"({alias}.type_cameo LIKE ? OR upper({alias}.type_plover) = upper(?) OR "
                     f"lower({alias}.type_acled) = lower(?) OR lower({alias}.type_acled_sub) = lower(?))")
        params += [t + "%" if t.isdigit() else "\x00", t, t, t]
    if f.actor:
        a = f"%{f.actor}%"
        conds.append(f"({alias}.actor1_name ILIKE ? OR {alias}.actor2_name ILIKE ? OR {alias}.actor1_text ILIKE ? "
                     f"OR {alias}.actor2_text ILIKE ?)")
        params += [a, a, a, a]
    if f.bbox:
        conds.append(f"{alias}.location_lon BETWEEN ? AND ? AND {alias}.location_lat BETWEEN ? AND ?")
        params += [f.bbox[0], f.bbox[2], f.bbox[1], f.bbox[3]]
    if f.text:
        conds.append(f"{alias}.evidence_text ILIKE ?")
        params.append(f"%{f.text}%")
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def events(store: Store, f: Filters, clusters: bool = False) -> tuple[list[str], list[tuple]]:
    """Events (with their article's fields) or, with clusters=True, one row per cluster built on its
    representative event, with the cluster's counts."""
    sql, params = _events_sql(f, clusters)
    return store.sql(sql, params)


def iter_events(store: Store, f: Filters, clusters: bool = False, chunk: int = 2000) -> Iterator[dict]:
    """The rows of `events` as dicts, fetched a chunk at a time (exports of a whole store stay small)."""
    sql, params = _events_sql(f, clusters)
    cur = store.con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    while rows := cur.fetchmany(chunk):
        for r in rows:
            yield dict(zip(cols, r, strict=True))


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
               f"{w} ORDER BY e.date_start, e.event_id{page}")
    else:
        sql = (f"SELECT e.*, a.title AS article_title, a.url AS article_url, a.source AS article_source, "
               f"a.published AS article_published, a.tone AS article_tone, coalesce(c.num_events, 1) AS num_events, "
               f"coalesce(c.num_articles, 1) AS num_articles, coalesce(c.num_sources, 1) AS num_sources, "
               f"c.first_seen, c.last_seen, c.reasons FROM events e JOIN articles a ON a.article_id = e.article_id "
               f"LEFT JOIN clusters c ON c.cluster_id = e.cluster_id{w} ORDER BY e.date_start, e.event_id{page}")
    return sql, params


def read_only_sql(path: str, query: str) -> tuple[list[str], list[tuple]]:
    """Runs a user's SQL on a read-only connection: writes fail with DuckDB's own error."""
    con = connect(path, read_only=True)
    try:
        cur = con.execute(query)
        return [d[0] for d in cur.description], cur.fetchall()
    finally:
        con.close()
