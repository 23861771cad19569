"""The small places of the packaged gazetteer: the GDELT place table that the gdeltforge package
ships (gdeltforge/data/places.parquet, Apache-2.0; about 965,000 places GDELT has put news events
at, named by the NGA GEOnet Names Server and, for the US, the USGS GNIS, both public domain). It
adds the villages, districts and neighbourhoods that news names and GeoNames' cities1000 lacks,
and the official (GNS) reference points of countries.

The table has no population and no feature class, so its places enter as kind 'locality' with no
population: they win only where the text gives no better-known place of that name, or where its
countries and areas point at them (the geocoder's scoring). The file is read, never imported
(gdeltforge's own imports pull in polars)."""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pycountry

from ..frozen import frozen
from .normalize import key

COUNTRY, US_STATE, US_PLACE, WORLD_PLACE, WORLD_AREA = 1, 2, 3, 4, 5


@frozen
class GdeltPlace:
    ident: str          # GDELT's place id (GNS UFI, GNIS id, FIPS country or US state code)
    name: str
    area: str | None    # the first-level area's name as GDELT writes it
    fips: str | None    # the country's FIPS 10-4 code
    lat: float
    lon: float
    type: int           # COUNTRY, US_STATE, US_PLACE, WORLD_PLACE, WORLD_AREA


def table_path() -> Path | None:
    """The packaged table, if gdeltforge is installed."""
    spec = importlib.util.find_spec("gdeltforge")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "places.parquet"
    return path if path.is_file() else None


def read(path: Path) -> Iterator[GdeltPlace]:
    """One GdeltPlace per place id (the table has a row per point GDELT wrote; the corrected
    point, place_lat/place_lon, is the same on all rows of a place)."""
    import pyarrow.parquet as pq

    cols = ["place", "place_type", "place_lat", "place_lon", "place_name"]
    rows = pq.read_table(path, columns=cols).to_pydict()
    countries = {n: p for p, t, n in zip(rows["place"], rows["place_type"], rows["place_name"], strict=True)
                 if t == COUNTRY}
    with_comma = [n for n in countries if ", " in n]
    seen: set[str] = set()
    for ident, kind, lat, lon, full in zip(rows["place"], rows["place_type"], rows["place_lat"], rows["place_lon"],
                                           rows["place_name"], strict=True):
        if ident in seen or lat is None or lon is None:
            continue
        seen.add(ident)
        if kind == COUNTRY:
            yield GdeltPlace(ident, full, None, ident, lat, lon, kind)
            continue
        fips, rest = _country(full, countries, with_comma)
        name, _, area = rest.rpartition(", ")
        if not name:  # "Texas, United States": the area is the place
            name, area = rest, ""
        if kind == US_STATE:
            fips = "US"
        yield GdeltPlace(ident, name.strip(), area.strip() or None, fips, lat, lon, kind)


def _country(full: str, countries: dict[str, str], with_comma: list[str]) -> tuple[str | None, str]:
    """('UP', "Troitske, Donets'ka Oblast'") from "Troitske, Donets'ka Oblast', Ukraine" (a few
    country names hold a comma: 'Bahamas, The')."""
    for s in with_comma:
        if full.endswith(", " + s):
            return countries[s], full[:-len(s) - 2]
    head, _, tail = full.rpartition(", ")
    return (countries[tail], head) if tail in countries else (None, full)


@dataclass
class Loaded:
    """What the builder takes from the table: countries' reference points and the places to add."""

    country_points: dict[str, tuple[float, float]]   # ISO3 -> GNS point
    places: list[tuple[GdeltPlace, str, str | None, str]]  # (place, ISO3, ISO 3166-2 code, kind)


def load(path: Path, iso3_of_fips: dict[str, str], area_code: Callable[[str, str], str | None]) -> Loaded:
    """Reads the table; `area_code(cc2, name)` names a first-level area's ISO 3166-2 code."""
    out = Loaded({}, [])
    memo: dict[tuple[str, str], str | None] = {}
    for p in read(path):
        cc = iso3_of_fips.get(p.fips or "")
        if cc is None:
            continue
        if p.type == COUNTRY:
            out.country_points[cc] = (p.lat, p.lon)
            continue
        area = p.area if p.area and not p.area.endswith("(general)") else None
        cc2 = _iso2(cc)
        if p.type == US_STATE:
            continue  # the states come from GeoNames' cities, with their alternate names
        code = None
        if area and cc2:
            if (cc2, area) not in memo:
                memo[(cc2, area)] = area_code(cc2, area)
            code = memo[(cc2, area)]
        if p.type == WORLD_AREA and code and _same_area(p.name, area):
            continue  # a first-level area the builder has already
        out.places.append((p, cc, code, "admin2" if p.type == WORLD_AREA else "locality"))
    return out


def _same_area(name: str, area: str | None) -> bool:
    return bool(area) and key(name, strip_admin=True) == key(area, strip_admin=True)


@functools.lru_cache(maxsize=512)
def _iso2(iso3: str) -> str | None:
    if iso3 == "KSV":
        return "XK"
    c = pycountry.countries.get(alpha_3=iso3)
    return c.alpha_2 if c else None
