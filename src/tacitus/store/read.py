"""Reads for the explorer: an article rebuilt from its rows, one event with its evidence and cluster,
and the server-side aggregates the map and the timeline draw (so the page stays fast on 100k events).

Column and bucket names come from fixed tables here, never from the caller; every user value is a
bound parameter."""

from __future__ import annotations

import json
from typing import Any

from ..filters import Filters
from ..ontology import default_ontology
from .db import Store
from .query import source, where
from .schema import CHILD_FIELDS, table_columns

# the type dimension a chart is coloured by -> its column
TYPE_DIMS: dict[str, str] = {
    "plover": "type_plover",
    "acled": "type_acled",
    "acled_sub": "type_acled_sub",
    "cameo": "type_cameo_root",
    "quad": "type_quad_class",
}
QUAD_NAMES = {"1": "Verbal cooperation", "2": "Material cooperation", "3": "Verbal conflict", "4": "Material conflict"}
BUCKETS = ("day", "week", "month", "year")
# a usable day for any stored date: 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'
EVENT_DAY = ("coalesce(try_cast(left(e.date_start, 10) AS DATE), try_cast(left(e.date_start, 7) || '-01' AS DATE), "
             "try_cast(left(e.date_start, 4) || '-01-01' AS DATE))")
# child table -> the column its rows are ordered by in the article
ORDER = {"events": "evidence_start, trigger_start", "places": "start", "quotes": "start",
         "actors": "name", "dates": "offset_start", "counts": "start", "citations": "start"}


def _set(d: dict, path: tuple[str, ...], v: Any) -> None:
    for p in path[:-1]:
        d = d.setdefault(p, {})
    d[path[-1]] = v


def unflatten(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A stored row back in its record's JSON shape (the inverse of schema.values); nested records
    whose columns are all null come back as null."""
    out: dict[str, Any] = {}
    for col, sqltype, path in table_columns(table):
        v = row.get(col)
        if sqltype == "JSON" and isinstance(v, str):
            v = json.loads(v)
        _set(out, path, v)
    for k, v in list(out.items()):
        if isinstance(v, dict) and all(x is None for x in v.values()):
            out[k] = None
    return out


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """The article's record as `tacitus extract` wrote it (OUTPUT.md), with each event's cluster."""
    rows = store.dicts("SELECT * FROM articles WHERE article_id = ?", [article_id])
    if not rows:
        return None
    art = unflatten("articles", rows[0])
    art["id"] = article_id
    for table, field in CHILD_FIELDS.items():
        order = ORDER.get(table, "row_id")  # a table added later keeps a stable order
        children = store.dicts(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY {order}", [article_id])
        recs = []
        for r in children:
            rec = unflatten(table, r)
            if table == "events":
                rec["id"] = r["event_id"]
                rec["cluster_id"] = r["cluster_id"]
            recs.append(rec)
        art[field] = recs
    return art


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event record with its evidence, its article's metadata and its cluster (other reports of it)."""
    rows = store.dicts("SELECT * FROM events WHERE event_id = ?", [event_id])
    if not rows:
        return None
    row = rows[0]
    rec = unflatten("events", row)
    rec["id"] = event_id
    arts = store.dicts("SELECT article_id, title, url, source, published FROM articles WHERE article_id = ?",
                  [row["article_id"]])
    rec["article"] = arts[0] if arts else None
    rec["cluster"] = None
    if row.get("cluster_id"):
        cl = store.dicts("SELECT * FROM clusters WHERE cluster_id = ?", [row["cluster_id"]])
        if cl:
            members = store.dicts("SELECT e.event_id, e.article_id, a.title, a.source, a.published, e.evidence_text "
                                    "FROM events e JOIN articles a ON a.article_id = e.article_id "
                                    "WHERE e.cluster_id = ? ORDER BY a.published, e.event_id", [row["cluster_id"]])
            rec["cluster"] = {**cl[0], "events": members}
    return rec


def cluster(store: Store, cluster_id: str) -> dict[str, Any] | None:
    """One cluster, its events, and its representative event in full."""
    rep = store.value("SELECT representative FROM clusters WHERE cluster_id = ?", [cluster_id])
    if rep is None:
        return None
    rec = event(store, rep)
    if rec is None or rec["cluster"] is None:
        return None
    return rec["cluster"] | {"representative_event": {k: v for k, v in rec.items() if k != "cluster"}}


# the distinct countries and actor names of an event, for their facets (served: worked out once)
EVENT_COUNTRIES = ("list_distinct(list_filter([e.location_country, e.actor1_country, e.actor2_country], "
                   "lambda x: x IS NOT NULL))")
EVENT_ACTORS = "list_distinct(list_filter([e.actor1_name, e.actor2_name], lambda x: x IS NOT NULL))"


def _day(store: Store) -> str:
    """An event's day (EVENT_DAY), worked out once where the store has its aggregate tables."""
    return "e.event_day" if store.aggregates else EVENT_DAY


def timeline(store: Store, f: Filters, bucket: str = "day", by: str = "plover",
             clusters: bool = False) -> list[dict[str, Any]]:
    """Events per period and type, with their fatalities: [{period: 'YYYY-MM-DD', type, n, fatalities}]
    (period = first day of the bucket)."""
    if bucket not in BUCKETS:
        raise ValueError(f"bucket must be one of {', '.join(BUCKETS)}")
    col = TYPE_DIMS[by]
    w, params = where(f)
    sql = (f"SELECT strftime(date_trunc('{bucket}', {_day(store)}), '%Y-%m-%d') AS period, "
           f"CAST(e.{col} AS VARCHAR) AS type, count(*) AS n, CAST(coalesce(sum(e.fatalities_best), 0) AS BIGINT) "
           f"AS fatalities FROM {source(clusters, store)}{w} "
           f"GROUP BY ALL HAVING period IS NOT NULL ORDER BY period, type NULLS LAST")
    return store.dicts(sql, params)


NICE_GRIDS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0)


def map_points(store: Store, f: Filters, by: str = "plover", grid: float | None = None,
               max_places: int = 3000, clusters: bool = False) -> dict[str, Any]:
    """Located events per place, or per grid cell of `grid` degrees: position, count, count per type
    and the most frequent type, for markers sized and coloured on the page. Without a grid, when
    more than `max_places` places match, cells are used, sized to the area asked for (the page then
    asks again for the smaller area the user zooms into)."""
    col = TYPE_DIMS[by]
    w, params = where(f)
    w = (w + " AND " if w else " WHERE ") + "e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL"
    if grid is None:
        places = store.value(f"SELECT count(DISTINCT (e.location_lat, e.location_lon)) "
                             f"FROM {source(clusters, store)}{w}", params)
        if places > max_places:
            lon0, lat0, lon1, lat1 = f.bbox or (-180.0, -90.0, 180.0, 90.0)
            want = max(lon1 - lon0, lat1 - lat0) / 60
            grid = next((g for g in NICE_GRIDS if g >= want), NICE_GRIDS[-1])
    if grid:
        key = ("floor(e.location_lat / ?) * ? + ? / 2 AS lat, floor(e.location_lon / ?) * ? + ? / 2 AS lon, "
               "NULL AS name, NULL AS country, NULL AS precision")
        key_params: list = [grid, grid, grid, grid, grid, grid]
        group = "1, 2"
    else:
        key = ("e.location_lat AS lat, e.location_lon AS lon, any_value(e.location_name) AS name, "
               "any_value(e.location_country) AS country, any_value(e.location_precision) AS precision")
        key_params = []
        group = "e.location_lat, e.location_lon"
    sql = (f"SELECT {key}, count(*) AS n, CAST(coalesce(sum(e.fatalities_best), 0) AS BIGINT) AS fatalities, "
           f"histogram(coalesce(CAST(e.{col} AS VARCHAR), '?')) AS types, "
           f"mode(CAST(e.{col} AS VARCHAR)) AS top_type FROM {source(clusters, store)}{w} GROUP BY {group} ORDER BY n DESC")
    rows = store.dicts(sql, key_params + params)
    for r in rows:
        r["types"] = dict(r["types"]) if r["types"] else {}
    return {"mode": "grid" if grid else "place", "grid": grid, "items": rows}


# facet -> the filter it sets (a facet's counts leave its own filter out, so each count is what
# selecting that value returns with the other filters held)
FACET_FILTER = {"plover": "type", "acled": "type", "acled_sub": "type", "cameo": "type", "quad": "type",
                "country": "country", "actor": "actor"}


def facets(store: Store, f: Filters | None = None, clusters: bool = False, with_stats: bool = True) -> dict[str, Any]:
    """What the filters can offer, counted over what the filters select: types in each ontology,
    countries, actors (each counted with the other filters, so a count is the total its selection
    gives), the date range, and the store's size."""
    f = (f or Filters()).with_(limit=None, offset=0, sort=None)
    onto = default_ontology()
    labels = {"cameo": onto.label, "quad": QUAD_NAMES.get, "plover": lambda v: onto.plover_gloss.get(v)}
    src = source(clusters, store)
    out: dict[str, Any] = {dim: [] for dim in TYPE_DIMS}
    # every type dimension in one scan: a grouping set per dimension (the others are NULL in its rows)
    w, params = where(f.with_(type=None))
    cols = ", ".join(f"CAST(e.{c} AS VARCHAR) AS {d}" for d, c in TYPE_DIMS.items())
    sets = ", ".join(f"({d})" for d in TYPE_DIMS)
    rows = store.rows(f"SELECT {', '.join(TYPE_DIMS)}, count(*) AS n FROM (SELECT {cols} FROM {src}{w}) "
                      f"GROUP BY GROUPING SETS ({sets}) ORDER BY n DESC", params)
    for r in rows:
        for i, dim in enumerate(TYPE_DIMS):
            if r[i] is not None:
                out[dim].append({"value": r[i], "label": labels.get(dim, lambda v: None)(r[i]), "n": r[-1]})
                break
    for dim in TYPE_DIMS:
        out[dim].sort(key=lambda x: (-x["n"], x["value"]))
    w, params = where(f.with_(country=None))
    countries, actors = ("e.event_countries", "e.event_actors") if store.aggregates else (EVENT_COUNTRIES,
                                                                                          EVENT_ACTORS)
    rows = store.rows(f"SELECT c, count(*) FROM (SELECT unnest({countries}) AS c FROM {src}{w}) "
                      "GROUP BY 1 ORDER BY 2 DESC, 1", params)
    out["country"] = [{"value": c, "n": n} for c, n in rows]
    w, params = where(f.with_(actor=None))
    rows = store.rows(f"SELECT a, count(*) FROM (SELECT unnest({actors}) AS a FROM {src}{w}) "
                      "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 500", params)
    out["actor"] = [{"value": a, "n": n} for a, n in rows]
    w, params = where(f.with_(since=None, until=None))
    day = _day(store)
    lo, hi = store.rows(f"SELECT strftime(min({day}), '%Y-%m-%d'), strftime(max({day}), '%Y-%m-%d') "
                        f"FROM {src}{w}", params)[0]
    out["dates"] = {"first": lo, "last": hi}  # the range the other filters leave (the timeline's)
    w, params = where(f)
    out["total"] = store.value(f"SELECT count(*) FROM {src}{w}", params)  # what the filters select
    if with_stats:
        out.update(stats(store))
    return out


def stats(store: Store) -> dict[str, int]:
    """The store's size: every event, article and cluster, and the current asserted incidents."""
    return {"events": store.value("SELECT count(*) FROM events"), "articles": store.value("SELECT count(*) FROM articles"),
            "clusters": store.value("SELECT count(*) FROM clusters"),
            "incidents": store.value(f"SELECT count(*) FROM events e{where(Filters())[0]}")}
