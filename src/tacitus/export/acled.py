"""ACLED's CSV: its columns in its order, with its own country names and regions
(acled_countries.tsv), first-level areas by name, an actor1 on every row (ACLED always names one),
inter codes with their labels, and text cells a spreadsheet cannot run as formulas."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from typing import IO, Any

from ..lexicons import read_tsv
from .cells import PKG, area_name, event_day, first_day, iso_numeric, safe_text

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
# ACLED's exports since 2024 write the actor types as text; the numbers stay for older readers
LABEL_COLUMNS = ["inter1_label", "inter2_label", "interaction_label"]
INTER_LABELS = {1: "State forces", 2: "Rebel group", 3: "Political militia", 4: "Identity militia", 5: "Rioters",
                6: "Protesters", 7: "Civilians", 8: "External/Other forces"}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "decade": 3}
GEO_PRECISION = {"city": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3, "continent": 3}
DISORDER = {"Protests": "Demonstrations", "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
# who ACLED names when a report names no one: by event type (its codebook's unidentified actors)
UNNAMED = {"Protests": ("Protesters", 6), "Riots": ("Rioters", 5)}
UNIDENTIFIED = ("Unidentified Armed Group", 3)


@lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    """ISO alpha-3 -> {country, region} as ACLED names them."""
    return {r["iso3"]: r for r in read_tsv(PKG, "acled_countries.tsv")}


def _interaction(i1: int | None, i2: int | None) -> tuple[Any, str]:
    if i1 and i2:
        a, b = sorted((i1, i2))
        return int(f"{a}{b}"), f"{INTER_LABELS.get(a, '')}-{INTER_LABELS.get(b, '')}"
    if i1:
        return int(f"{i1}0"), f"{INTER_LABELS.get(i1, '')} only"
    return "", ""


def actor1(r: dict, country_name: str) -> tuple[str, int | None]:
    """ACLED's actor1 and its inter code: the incident's ACLED name, else its name, else the
    unidentified actor ACLED's codebook writes for the event type ('Unidentified Armed Group (Mali)')."""
    name = r.get("actor1_acled_name") or r.get("actor1_name")
    if name:
        return name, r.get("actor1_acled_inter")
    base, inter = UNNAMED.get(r.get("type_acled") or "", UNIDENTIFIED)
    return (f"{base} ({country_name})" if country_name else base), inter


def row(r: dict) -> dict[str, Any]:
    iso3 = r.get("location_country") or r.get("actor1_country")
    c = countries().get(iso3 or "", {})
    country = c.get("country", "")
    a1, i1 = actor1(r, country)
    i2 = r.get("actor2_acled_inter")
    interaction, interaction_label = _interaction(i1, i2)
    day = event_day(r)
    fat = r.get("fatalities_best")
    published = first_day(str(r.get("article_published") or "")[:10]) or day
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{int(r['event_id'][:8], 16) if _hex(r['event_id'][:8]) else r['event_id']}",
        "event_date": day.isoformat() if day else "", "year": day.year if day else "",
        "time_precision": TIME_PRECISION.get(r.get("date_precision") or "day", 1),
        "disorder_type": DISORDER.get(r.get("type_acled") or "", "Political violence"),
        "event_type": r.get("type_acled"), "sub_event_type": r.get("type_acled_sub"),
        "actor1": a1, "assoc_actor_1": "", "inter1": i1 or "",
        "actor2": r.get("actor2_acled_name") or r.get("actor2_name") or "", "assoc_actor_2": "", "inter2": i2 or "",
        "interaction": interaction, "civilian_targeting": "Civilian targeting" if i2 == 7 else "",
        "iso": iso_numeric(iso3) or (0 if iso3 else ""), "region": c.get("region", ""), "country": country,
        "admin1": area_name(r.get("location_admin1")) or "", "admin2": "", "admin3": "",
        "location": r.get("location_name") or "", "latitude": r.get("location_lat"), "longitude": r.get("location_lon"),
        "geo_precision": GEO_PRECISION.get(r.get("location_precision") or "", 3) if r.get("location_lat") is not None
        else "",
        "source": r.get("article_source") or r.get("article_url") or "", "source_scale": "",
        "notes": (r.get("evidence_text") or "").replace("\n", " "), "fatalities": int(fat) if fat is not None else 0,
        "tags": "", "timestamp": int(dt.datetime(published.year, published.month, published.day,
                                                 tzinfo=dt.UTC).timestamp()) if published else "",
        "inter1_label": INTER_LABELS.get(i1, "") if i1 else "", "inter2_label": INTER_LABELS.get(i2, "") if i2 else "",
        "interaction_label": interaction_label,
    }


def _hex(s: str) -> bool:
    return bool(s) and all(ch in "0123456789abcdef" for ch in s)


def write(rows: Iterable[dict], out: IO[str], **_: Any) -> int:
    """ACLED's columns (then the inter labels); only events ACLED codes (with an ACLED type)."""
    w = csv.DictWriter(out, fieldnames=COLUMNS + LABEL_COLUMNS, lineterminator="\r\n")  # RFC 4180 (a CR inside a cell is then quoted)
    w.writeheader()
    n = 0
    for r in rows:
        if r.get("type_acled"):
            w.writerow({k: safe_text(v) for k, v in row(r).items()})
            n += 1
    return n
