"""Located events for GIS: GeoJSON (RFC 7946, written as a stream), and GeoPackage and FlatGeobuf
through GDAL (pyogrio, the optional extra `tacitus[geo]`). Every feature has an id (the event's)
and dates as whole days (`date_start` the first day, `date_end` the last, `date_precision` how
precise), so QGIS's time controller and R's sf read them as dates, not text."""

from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .cells import ExportError, first_day, last_day

PROPS = ["event_id", "cluster_id", "type_cameo", "type_cameo_label", "type_plover", "type_acled", "type_acled_sub",
         "actor1_name", "actor2_name", "date_start", "date_end", "date_precision", "location_name",
         "location_country", "location_admin1", "location_precision", "fatalities_best", "injured_best",
         "modality", "current", "salience", "confidence", "evidence_text", "article_id", "article_title",
         "article_url", "article_published", "num_events", "num_articles", "num_sources"]
DATE_PROPS = ("date_start", "date_end", "article_published")


def properties(r: dict) -> dict[str, Any]:
    """A feature's properties: dates as datetime.date (first and last day), the rest as stored."""
    out = {k: r.get(k) for k in PROPS}
    out["date_start"] = first_day(r.get("date_start"))
    out["date_end"] = last_day(r.get("date_end") or r.get("date_start"))
    pub = r.get("article_published")
    out["article_published"] = first_day(pub.isoformat() if hasattr(pub, "isoformat") else pub)
    return out


def located(rows: Iterable[dict]) -> Iterator[dict]:
    return (r for r in rows if r.get("location_lat") is not None and r.get("location_lon") is not None)


def geojson(rows: Iterable[dict], out: IO[str], **_: Any) -> int:
    """A GeoJSON FeatureCollection of located events ([longitude, latitude]), streamed."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for r in located(rows):
        props = properties(r)
        for k in DATE_PROPS:
            props[k] = props[k].isoformat() if props[k] else None
        feat = {"type": "Feature", "id": r.get("event_id"),
                "geometry": {"type": "Point", "coordinates": [r["location_lon"], r["location_lat"]]},
                "properties": props}
        out.write(("," if n else "") + "\n" + json.dumps(feat, ensure_ascii=False, default=str))
        n += 1
    out.write("\n]}\n")
    return n


def _pyogrio():
    try:
        import pyogrio
    except ImportError as e:
        raise ExportError("GeoPackage and FlatGeobuf need pyogrio: pip install 'tacitus[geo]'") from e
    return pyogrio


def table(rows: Iterable[dict]):
    """Located events as an Arrow table with a WKB point column ('geometry') and typed properties."""
    import pyarrow as pa

    from .tables import arrow_types

    props: dict[str, list] = {k: [] for k in PROPS}
    wkb: list[bytes] = []
    for r in located(rows):
        p = properties(r)
        for k in PROPS:
            props[k].append(p[k])
        wkb.append(struct.pack("<BIdd", 1, 1, float(r["location_lon"]), float(r["location_lat"])))
    arrays = {k: pa.array(v, type=pa.date32() if k in DATE_PROPS else arrow_types().get(k)) for k, v in props.items()}
    arrays["geometry"] = pa.array(wkb, type=pa.binary())
    return pa.table(arrays)


def _gdal(driver: str, suffix: str):
    def write(rows: Iterable[dict], out: IO[bytes], **_: Any) -> int:
        pyogrio = _pyogrio()
        t = table(rows)
        tmp = tempfile.mkdtemp(prefix="tacitus-")
        path = os.path.join(tmp, "events" + suffix)
        try:
            pyogrio.write_arrow(t, path, layer="events", driver=driver, geometry_name="geometry",
                                geometry_type="Point", crs="EPSG:4326")
            with open(path, "rb") as fh:
                shutil.copyfileobj(fh, out)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return t.num_rows
    write.__doc__ = f"A {driver} file of located events (through GDAL), layer 'events', EPSG:4326."
    return write


gpkg = _gdal("GPKG", ".gpkg")
flatgeobuf = _gdal("FlatGeobuf", ".fgb")
