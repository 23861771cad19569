"""PLOVER JSONL: one event per line in the PLOVER manual's interchange fields: `event` and `mode`,
`context`, the `actor` and `recipient` lists that replace CAMEO's source and target, `event_loc`,
`date`, `text`. Where the report came from is kept under `provenance` (PLOVER readers take
`source` for an actor)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from ..records import SCHEMA_VERSION

ACTOR_FIELDS = ("name", "text", "country", "sector", "kind", "cameo", "start", "end")


def _actors(r: dict, k: str) -> list[dict]:
    if not (r.get(f"{k}_name") or r.get(f"{k}_text")):
        return []
    return [{f: r.get(f"{k}_{f}") for f in ACTOR_FIELDS}]


def record(r: dict) -> dict[str, Any]:
    loc = None
    if r.get("location_name") or r.get("location_lat") is not None:
        loc = {"name": r.get("location_name"), "text": r.get("location_text"), "country": r.get("location_country"),
               "admin1": r.get("location_admin1"), "lat": r.get("location_lat"), "lon": r.get("location_lon"),
               "geonameid": r.get("location_geonameid"), "precision": r.get("location_precision")}
    published = r.get("article_published")
    return {
        "id": r["event_id"], "date": r.get("date_start"), "date_precision": r.get("date_precision"),
        "event": r.get("type_plover"), "event_type": r.get("type_plover"),  # event_type: tacitus' earlier key
        "mode": r.get("type_plover_mode"), "context": [],
        "actor": _actors(r, "actor1"), "recipient": _actors(r, "actor2"), "event_loc": loc,
        "text": r.get("evidence_text"), "modality": r.get("modality"), "current": r.get("current"),
        "fatalities": r.get("fatalities_best"), "injured": r.get("injured_best"), "arrested": r.get("arrested_best"),
        "cameo": r.get("type_cameo"), "quad_class": r.get("type_quad_class"), "goldstein": r.get("type_goldstein"),
        "num_articles": r.get("num_articles"), "num_sources": r.get("num_sources"),
        "provenance": {"article_id": r.get("article_id"), "title": r.get("article_title"), "url": r.get("article_url"),
                       "outlet": r.get("article_source"),
                       "published": published.isoformat() if hasattr(published, "isoformat") else published,
                       "rule": r.get("evidence_rule")},
        "version": f"tacitus.plover/{SCHEMA_VERSION}",
    }


def write(rows: Iterable[dict], out: IO[str], **_: Any) -> int:
    """One event per line, only events with a PLOVER type."""
    n = 0
    for r in rows:
        if r.get("type_plover"):
            out.write(json.dumps(record(r), ensure_ascii=False, default=str) + "\n")
            n += 1
    return n
