"""The export formats. Rows are dicts of the events query (store/query.py)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import pycountry

from ..lexicons import read_tsv
from ..records import SCHEMA_VERSION

# GDELT 2.0 event table, in order (61 columns)
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]
# GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1)
GEO_TYPE = {"country": 1, "region": 1, "continent": 1, "admin1": 5, "admin2": 5, "city": 4}
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"city": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3, "continent": 3}


@lru_cache(maxsize=1)
def fips() -> dict[str, str]:
    return {r["iso3"]: r["fips"] for r in read_tsv("tacitus.export", "fips.tsv")}


def _iso2(iso3: str | None) -> str | None:
    if not iso3:
        return None
    c = pycountry.countries.get(alpha_3=iso3)
    return c.alpha_2 if c else None


def _day(s: str | None) -> str | None:
    """'2017-10-17' / '2017-10' / '2017' -> the first day, as GDELT and ACLED want one."""
    if not s:
        return None
    return (s + "-01-01")[:10] if len(s) == 4 else (s + "-01")[:10] if len(s) == 7 else s[:10]


def _adm1(code: str | None, country: str | None) -> str:
    """GDELT ADM1 codes are FIPS country + area; tacitus keeps ISO 3166-2; the country part is converted."""
    f = fips().get(country or "", "")
    if code and "-" in code:
        return f + code.split("-", 1)[1]
    return f


def gdelt_row(r: dict[str, Any], n: int) -> list[Any]:
    day = _day(r.get("date_start") or r.get("article_published"))
    d = dt.date.fromisoformat(day) if day else None
    cameo = r.get("type_cameo") or ""
    row: list[Any] = [n]
    if d:
        row += [d.strftime("%Y%m%d"), d.strftime("%Y%m"), d.year, round(d.year + (d.timetuple().tm_yday - 1) / 365, 4)]
    else:
        row += ["", "", "", ""]
    for k in ("actor1", "actor2"):
        code = r.get(f"{k}_cameo") or ""
        country = (r.get(f"{k}_country") or "") if r.get(f"{k}_country") else ""
        role = code[3:6] if len(code) >= 6 and code[:3] == country else ""
        row += [code, (r.get(f"{k}_name") or "").upper(), country, "", "", "", "", role, "", ""]
    row += [1, cameo, cameo[:3], cameo[:2], r.get("type_quad_class") or "", r.get("type_goldstein") or "",
            r.get("num_articles") or 1, r.get("num_sources") or 1, r.get("num_articles") or 1,
            r.get("article_tone") if r.get("article_tone") is not None else ""]
    geo = _geo(r)
    row += ["", "", "", "", "", "", "", ""] * 2  # actor geographies: tacitus codes where the event happened
    row += geo
    row += [dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S"), r.get("article_url") or r.get("article_id")]
    return row


def _geo(r: dict) -> list[Any]:
    if r.get("location_lat") is None:
        return [0, "", "", "", "", "", "", ""]
    country = r.get("location_country")
    gtype = GEO_TYPE.get(r.get("location_precision") or "", 4)
    if country == "USA" and gtype in (4, 5):
        gtype = 3 if gtype == 4 else 2
    return [gtype, r.get("location_name") or "", fips().get(country or "", ""),
            _adm1(r.get("location_admin1"), country), "", r.get("location_lat"), r.get("location_lon"),
            r.get("location_geonameid") or ""]


def gdelt(rows: list[dict], out: IO[str], **_: Any) -> int:
    """GDELT 2.0 event table: tab-separated, no header, the 61 columns in order."""
    w = csv.writer(out, delimiter="\t", lineterminator="\n")
    n = 0
    for n, r in enumerate(rows, 1):
        w.writerow(gdelt_row(r, int(r.get("event_id", "0")[:12] or "0", 16) if r.get("event_id") else n))
    return n


def _disorder(acled: str | None) -> str:
    return {"Protests": "Demonstrations", "Riots": "Demonstrations", "Strategic developments":
            "Strategic developments"}.get(acled or "", "Political violence")


def acled_row(r: dict) -> dict[str, Any]:
    i1, i2 = r.get("actor1_acled_inter"), r.get("actor2_acled_inter")
    interaction = int(f"{min(i1, i2)}{max(i1, i2)}") if i1 and i2 else (int(f"{i1}0") if i1 else "")
    country = pycountry.countries.get(alpha_3=r.get("location_country") or "") if r.get("location_country") else None
    fat = r.get("fatalities_best")
    notes = (r.get("evidence_text") or "").replace("\n", " ")
    day = _day(r.get("date_start") or r.get("article_published"))
    return {
        "event_id_cnty": f"{_iso2(r.get('location_country')) or 'XX'}{r['event_id'][:10]}",
        "event_date": day, "year": day[:4] if day else "",
        "time_precision": TIME_PRECISION.get(r.get("date_precision") or "day", 1),
        "disorder_type": _disorder(r.get("type_acled")), "event_type": r.get("type_acled"),
        "sub_event_type": r.get("type_acled_sub"),
        "actor1": r.get("actor1_acled_name") or r.get("actor1_name"), "assoc_actor_1": "", "inter1": i1 or "",
        "actor2": r.get("actor2_acled_name") or r.get("actor2_name"), "assoc_actor_2": "", "inter2": i2 or "",
        "interaction": interaction, "civilian_targeting": "Civilian targeting" if i2 == 7 else "",
        "iso": int(country.numeric) if country else "", "region": "", "country": country.name if country else "",
        "admin1": r.get("location_admin1") or "", "admin2": "", "admin3": "", "location": r.get("location_name") or "",
        "latitude": r.get("location_lat"), "longitude": r.get("location_lon"),
        "geo_precision": GEO_PRECISION.get(r.get("location_precision") or "", 3) if r.get("location_lat") else "",
        "source": r.get("article_source") or r.get("article_url") or "", "source_scale": "",
        "notes": notes, "fatalities": int(fat) if fat is not None else 0, "tags": "",
        "timestamp": int(dt.datetime.now(dt.UTC).timestamp()),
    }


def acled(rows: list[dict], out: IO[str], **_: Any) -> int:
    """ACLED's column set; only events ACLED codes (those with an ACLED type) are written."""
    w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for r in rows:
        if r.get("type_acled"):
            w.writerow(acled_row(r))
            n += 1
    return n


def plover_record(r: dict) -> dict[str, Any]:
    def actor(k: str) -> dict | None:
        if not r.get(f"{k}_text"):
            return None
        return {"text": r.get(f"{k}_text"), "name": r.get(f"{k}_name"), "country": r.get(f"{k}_country"),
                "sector": r.get(f"{k}_sector"), "cameo": r.get(f"{k}_cameo")}
    return {"id": r["event_id"], "schema": f"tacitus.plover/{SCHEMA_VERSION}", "date": r.get("date_start"),
            "date_precision": r.get("date_precision"), "event_type": r.get("type_plover"),
            "mode": r.get("type_plover_mode"), "context": [], "actor1": actor("actor1"), "actor2": actor("actor2"),
            "location": {"name": r.get("location_name"), "country": r.get("location_country"),
                         "admin1": r.get("location_admin1"), "lat": r.get("location_lat"), "lon": r.get("location_lon"),
                         "precision": r.get("location_precision")} if r.get("location_lat") is not None else None,
            "fatalities": r.get("fatalities_best"), "modality": r.get("modality"), "text": r.get("evidence_text"),
            "source": {"article_id": r.get("article_id"), "url": r.get("article_url"),
                       "outlet": r.get("article_source")},
            "num_articles": r.get("num_articles"), "num_sources": r.get("num_sources")}


def plover(rows: list[dict], out: IO[str], **_: Any) -> int:
    """PLOVER JSONL: one event per line, only events with a PLOVER type."""
    n = 0
    for r in rows:
        if r.get("type_plover"):
            out.write(json.dumps(plover_record(r), ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


PROPS = ["event_id", "type_cameo", "type_cameo_label", "type_plover", "type_acled", "type_acled_sub", "actor1_name",
         "actor2_name", "date_start", "date_precision", "location_name", "location_country", "location_precision",
         "fatalities_best", "modality", "confidence", "evidence_text", "article_title", "article_url",
         "num_articles", "num_sources"]


def geojson(rows: list[dict], out: IO[str], **_: Any) -> int:
    """A GeoJSON FeatureCollection of located events (RFC 7946: [longitude, latitude])."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for r in rows:
        if r.get("location_lat") is None:
            continue
        feat = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["location_lon"], r["location_lat"]]},
                "properties": {k: r.get(k) for k in PROPS}}
        out.write(("," if n else "") + "\n" + json.dumps(feat, ensure_ascii=False, default=str))
        n += 1
    out.write("\n]}\n")
    return n


def csv_rows(rows: Iterable[dict], out: IO[str], **_: Any) -> int:
    """Every column, a header first; lists and maps as JSON. Streams: rows are not held."""
    w = None
    n = 0
    for r in rows:
        if w is None:
            w = csv.DictWriter(out, fieldnames=list(r), lineterminator="\n")
            w.writeheader()
        w.writerow({k: (json.dumps(v, default=str) if isinstance(v, (list, dict)) else v) for k, v in r.items()})
        n += 1
    return n


def _arrow_rows(rows: list[dict]) -> list[dict]:
    for r in rows:
        for k, v in list(r.items()):
            if isinstance(v, (dt.date, dt.datetime)):
                r[k] = v.isoformat()
    return rows


def parquet_file(rows: list[dict], out: IO[bytes], **_: Any) -> int:
    """One Parquet file (for a download); `parquet` writes the partitioned folder."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = _arrow_rows(list(rows))
    pq.write_table(pa.Table.from_pylist(rows) if rows else pa.table({}), out)
    return len(rows)


def parquet(rows: list[dict], out: str | Path, **_: Any) -> int:
    """Parquet partitioned by year and month of the event date (a folder of files)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(rows)
    if not rows:
        return 0
    for r in rows:
        day = _day(r.get("date_start") or r.get("article_published")) or "0000-00"
        r["year"], r["month"] = int(day[:4]), int(day[5:7])
    table = pa.Table.from_pylist(_arrow_rows(rows))
    pq.write_to_dataset(table, root_path=str(out), partition_cols=["year", "month"])
    return len(rows)
