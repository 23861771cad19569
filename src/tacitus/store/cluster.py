"""Duplicate reports to one event: clusters of events across articles that describe the same
real-world event.

Two events merge when their types are compatible (same CAMEO root, and the same ACLED type where
both have one), their dates fall within a window that depends on their precision (a day-precise
date allows a day either side; a month allows the month), their locations lie within a distance
that depends on their precision (50 km for a city, 150 km for a district, 300 km for an area, 800 km
for a country), and their actors overlap (a shared actor, compared by CAMEO code where there is one,
else by name; or no actors to disagree). Each
cluster keeps the reasons it merged. Incremental: new events join existing clusters."""

from __future__ import annotations

import datetime as dt

from ..geo.distance import km
from ..ids import row_id
from ..records import SCHEMA_VERSION
from .db import Store
from .schema import CLUSTER_FEATURES

RADIUS_KM = {"city": 50, "admin2": 150, "admin1": 300, "region": 600, "country": 800, "continent": 3000}
WINDOW_DAYS = {"day": 1, "week": 4, "month": 16, "year": 183}


def _shift(d: dt.date, days: int) -> dt.date:
    """d + days, held at the calendar's ends (a store may hold 9999-12-31: a window around it is
    still a window, never an OverflowError)."""
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def _date(s: str | None) -> dt.date | None:
    if not s:
        return None
    try:
        if len(s) == 4:
            return dt.date(int(s), 7, 1)
        if len(s) == 7:
            return dt.date(int(s[:4]), int(s[5:7]), 15)
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return None


def compatible(e: dict, c: dict) -> list[str] | None:
    """Reasons an event may join a cluster, or None."""
    if e["root"] != c["cameo_root"] or (e["acled"] and c["acled"] and e["acled"] != c["acled"]):
        return None
    reasons = [f"type {e['root']}"]
    ed, cf, cl = _date(e["date"]), _date(c["date_first"]), _date(c["date_last"])
    if ed is None or cf is None:
        return None
    window = WINDOW_DAYS.get(e["date_precision"] or "day", 1)
    if not (_shift(cf, -window) <= ed <= _shift(cl, window)):
        return None
    reasons.append(f"dates within {window} day(s)")
    if e["lat"] is not None and c["lat"] is not None:
        radius = max(RADIUS_KM.get(e["precision"] or "country", 800), RADIUS_KM.get(c["precision"] or "country", 800))
        d = km(e["lat"], e["lon"], c["lat"], c["lon"])
        if d > radius:
            return None
        reasons.append(f"{d:.0f} km apart (limit {radius})")
    elif e["country"] and c["country"] and e["country"] != c["country"]:
        return None
    mine = {a for a in (e["a1"], e["a2"]) if a}
    theirs = {a for a in (c["actor1"], c["actor2"]) if a}
    if mine and theirs:
        shared = mine & theirs
        if not shared:
            return None
        reasons.append("shared actor " + ", ".join(sorted(shared)))
    return reasons


def _month(d: dt.date) -> int:
    return d.year * 12 + d.month


def _file(pool: dict[tuple[str, int], list[dict]], cd: dict) -> None:
    """Files a cluster under each month its dates span, so an event only meets clusters near it."""
    first, last = _date(cd["date_first"]), _date(cd["date_last"])
    if first is None or last is None:
        return
    for m in range(_month(first), _month(last) + 1):
        bucket = pool.setdefault((cd["cameo_root"], m), [])
        if not any(x is cd for x in bucket):
            bucket.append(cd)


def _near(pool: dict[tuple[str, int], list[dict]], e: dict) -> list[dict]:
    d = _date(e["date"])
    window = WINDOW_DAYS.get(e["date_precision"] or "day", 1) + 1
    out: dict[str, dict] = {}
    for m in range(_month(_shift(d, -window)), _month(_shift(d, window)) + 1):
        for cd in pool.get((e["root"], m), ()):
            out[cd["cluster_id"]] = cd
    return list(out.values())


# what a cluster is matched on (its stored features), with its id
CLUSTER_FIELDS = ("cluster_id", *(c.name for c in CLUSTER_FEATURES))
# the columns a new cluster is written with (its counts follow in _refresh)
NEW_CLUSTER = ("cluster_id", "representative", *(c.name for c in CLUSTER_FEATURES), "reasons")


# the features an event is clustered on, from the events table (aliased e)
# (SQL expression, name); plain SQL that DuckDB and Spark SQL both read
FEATURE_EXPRS = (("e.event_id", "id"), ("e.type_cameo_root", "root"), ("e.type_acled", "acled"),
                 ("e.date_start", "date"), ("e.date_precision", "date_precision"), ("e.location_lat", "lat"),
                 ("e.location_lon", "lon"), ("e.location_precision", "precision"),
                 ("coalesce(e.location_country, e.actor1_country)", "country"),
                 ("coalesce(e.actor1_cameo, e.actor1_name)", "a1"), ("coalesce(e.actor2_cameo, e.actor2_name)", "a2"),
                 ("e.confidence", "confidence"))
FEATURES = tuple(name for _, name in FEATURE_EXPRS)
FEATURES_SQL = ", ".join(f"{expr} AS {name}" for expr, name in FEATURE_EXPRS)
# a cluster's counts and representative from its events (aliased e) joined with their articles (a)
STATS_SQL = """count(*) AS num_events, count(DISTINCT e.article_id) AS num_articles,
    count(DISTINCT coalesce(a.source, regexp_extract(a.url, '//([^/]+)', 1), a.article_id)) AS num_sources,
    min(a.published) AS first_seen, max(a.published) AS last_seen"""


def clusterable(e: dict) -> bool:
    return bool(e["root"] and e["date"] and _date(e["date"]))


def match(evs: list[dict], pool: dict[tuple[str, int], list[dict]]
          ) -> tuple[dict[str, dict], dict[str, tuple[str, str, list[str]]], list[tuple[str, str]]]:
    """Puts events, in the order given, into the clusters of `pool` or new ones: the whole decision,
    with no I/O, shared by the store and the Spark job. Returns the clusters created (with their
    reasons), the existing clusters grown (new dates, reasons) and (event id, cluster id) pairs."""
    created: dict[str, dict] = {}
    grown: dict[str, tuple[str, str, list[str]]] = {}
    mapping: list[tuple[str, str]] = []
    for e in evs:
        best, why = None, None
        for cd in _near(pool, e):
            reasons = compatible(e, cd)
            if reasons is not None and (best is None or len(reasons) > len(why)):
                best, why = cd, reasons
        if best is None:
            cid = row_id("cluster", e["id"])
            cd = {"cluster_id": cid, "cameo_root": e["root"], "acled": e["acled"], "date_first": e["date"],
                  "date_last": e["date"], "lat": e["lat"], "lon": e["lon"], "country": e["country"],
                  "precision": e["precision"], "actor1": e["a1"], "actor2": e["a2"], "representative": e["id"],
                  "reasons": ["first report"]}
            created[cid] = cd
            _file(pool, cd)
        else:
            cid = best["cluster_id"]
            best["date_first"] = min(best["date_first"], e["date"])
            best["date_last"] = max(best["date_last"], e["date"])
            _file(pool, best)
            if cid in created:
                created[cid]["reasons"] = list(dict.fromkeys(created[cid]["reasons"] + why))
            else:
                old = grown.get(cid, (best["date_first"], best["date_last"], []))
                grown[cid] = (best["date_first"], best["date_last"], list(dict.fromkeys(old[2] + why)))
        mapping.append((e["id"], cid))
    return created, grown, mapping


def leftovers(store: Store) -> list[str]:
    """Events a killed run wrote but did not cluster, in the order they were written."""
    return [r[0] for r in store.rows("SELECT event_id FROM events WHERE cluster_id IS NULL ORDER BY rowid")]


def _windows(evs: list[dict]):
    """Per new event, the date range a cluster must touch to be a candidate (an Arrow table)."""
    import pyarrow as pa

    def edge(e: dict, sign: int) -> str:
        days = 2 * WINDOW_DAYS.get(e["date_precision"] or "day", 1)
        return _shift(_date(e["date"]), sign * days).isoformat()

    return pa.table({"root": [e["root"] for e in evs], "lo": [edge(e, -1) for e in evs],
                     "hi": [edge(e, 1) + "~" for e in evs]})


def assign(store: Store, event_ids: list[str]) -> int:
    """Puts new events into clusters (joining an existing one or starting one), in ingestion order
    (articles in the order given; within an article by position, then id); returns how many
    clusters were touched. Candidates are read once per batch and matched in memory; the results
    are written back in bulk, in one transaction."""
    if not event_ids:
        return 0
    rows = store.rows(f"""
        SELECT {FEATURES_SQL}, e.article_id, e.evidence_start, e.trigger_start
        FROM events e WHERE e.event_id IN (SELECT unnest(?::VARCHAR[]))""", [event_ids])
    order = {eid: i for i, eid in enumerate(event_ids)}
    first: dict[str, int] = {}
    for r in rows:
        first[r[-3]] = min(first.get(r[-3], 1 << 62), order[r[0]])
    # ingestion order, so batch boundaries never change the result
    rows.sort(key=lambda r: (first[r[-3]], r[-2] if r[-2] is not None else -1, r[-1] if r[-1] is not None else -1,
                             r[0]))
    evs = [dict(zip(FEATURES, r[:len(FEATURES)], strict=True)) for r in rows]
    evs = [e for e in evs if clusterable(e)]
    if not evs:
        return 0
    import pyarrow as pa

    # candidates: clusters of the same root whose dates come near some new event's (one join)
    with store.registered("tacitus_windows", _windows(evs)):
        found = store.rows(f"""SELECT DISTINCT {', '.join('c.' + f for f in CLUSTER_FIELDS)} FROM clusters c
                               JOIN tacitus_windows w ON c.cameo_root = w.root AND c.date_last >= w.lo
                               AND c.date_first <= w.hi""")
    pool: dict[tuple[str, int], list[dict]] = {}
    for c in found:
        _file(pool, dict(zip(CLUSTER_FIELDS, c, strict=True)))
    created, grown, mapping = match(evs, pool)
    touched = sorted(set(created) | set(grown))
    with store.transaction():
        store.insert("clusters", [*NEW_CLUSTER, "schema_version"],
                     [[c[k] for k in NEW_CLUSTER] + [SCHEMA_VERSION] for c in created.values()])
        for cid, (first_day, last_day, why) in grown.items():
            store.execute("""UPDATE clusters SET date_first = least(date_first, ?), date_last = greatest(date_last, ?),
                             reasons = list_distinct(list_concat(reasons, ?)) WHERE cluster_id = ?""",
                          [first_day, last_day, why, cid])
        ids = pa.table({"event_id": [m[0] for m in mapping], "cluster_id": [m[1] for m in mapping]})
        with store.registered("tacitus_map", ids):
            store.execute("UPDATE events SET cluster_id = m.cluster_id FROM tacitus_map m "
                          "WHERE events.event_id = m.event_id")
        _refresh(store, touched)
    return len(touched)


def _refresh(store: Store, cluster_ids: list[str]) -> None:
    """Recomputes the counts and the representative (most confident event, then lowest id) of the
    given clusters."""
    store.execute(f"""
        UPDATE clusters SET num_events = s.num_events, num_articles = s.num_articles, num_sources = s.num_sources,
               first_seen = s.first_seen, last_seen = s.last_seen, representative = s.rep
        FROM (SELECT e.cluster_id, {STATS_SQL},
                     first(e.event_id ORDER BY e.confidence DESC, e.event_id) AS rep
              FROM events e JOIN articles a ON a.article_id = e.article_id
              WHERE e.cluster_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY e.cluster_id) s
        WHERE clusters.cluster_id = s.cluster_id""", [cluster_ids])
