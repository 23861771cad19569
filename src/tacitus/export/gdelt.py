"""The GDELT 2.0 event table: tab-separated, no header, GDELT's 61 columns in order, with its codes:
FIPS 10-4 countries and first-order areas (adm1_fips.tsv) in the geography, CAMEO codes as strings
with their leading zeros, GeoType 0 where nothing is known."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from .cells import area, event_day, fips_countries, first_day, safe_text

COLUMNS = [
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
# GDELT's geographic resolution: 1 country, 2 US state, 3 US city, 4 world city (any point), 5 world ADM1
COUNTRY, US_STATE, US_CITY, WORLD_CITY, WORLD_STATE = 1, 2, 3, 4, 5
GEO_TYPE = {"country": COUNTRY, "region": COUNTRY, "continent": COUNTRY, "admin1": WORLD_STATE,
            "admin2": WORLD_CITY, "city": WORLD_CITY}
NO_GEO = [0, "", "", "", "", "", "", ""]


def _cell(v: Any) -> str:
    """A TSV cell as GDELT writes them: no quoting, so tabs and line ends inside text become spaces."""
    if v is None:
        return ""
    s = str(safe_text(v)) if isinstance(v, str) else str(v)
    return s.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def adm1(admin1: str | None, country: str | None) -> str:
    """GDELT's ADM1Code: the FIPS 10-4 first-order code of the area (SO02), else the country's FIPS
    code, as GDELT writes it for a place it knows only to the country."""
    row = area(admin1)
    if row:
        return row["fips"]
    return fips_countries().get(country or "", "")


def geo(r: dict) -> list[Any]:
    """The eight ActionGeo_* cells of an event row."""
    if r.get("location_lat") is None and not r.get("location_country"):
        return list(NO_GEO)
    country = r.get("location_country")
    fips = fips_countries().get(country or "", "")
    gtype = GEO_TYPE.get(r.get("location_precision") or "", WORLD_CITY)
    if gtype == COUNTRY and not fips:
        gtype = WORLD_CITY  # a region with no country: a point, as near as GDELT's types come
    if country == "USA" and gtype in (WORLD_CITY, WORLD_STATE):
        gtype = US_CITY if gtype == WORLD_CITY else US_STATE
    code = fips if gtype == COUNTRY else adm1(r.get("location_admin1"), country)
    # GDELT's FeatureID is the country or ADM1 code for those levels; a GNS/GNIS id for points,
    # which tacitus does not have (its geonameid is GeoNames', another numbering): left empty
    feature = code if gtype in (COUNTRY, US_STATE, WORLD_STATE) else ""
    return [gtype, r.get("location_name") or "", fips, code, "", r.get("location_lat"), r.get("location_lon"), feature]


def row(r: dict[str, Any], n: int) -> list[Any]:
    d = event_day(r)
    cameo = r.get("type_cameo") or ""
    out: list[Any] = [n]
    if d:
        frac = round(d.year + (d.timetuple().tm_yday - 1) / 365, 4)
        out += [d.strftime("%Y%m%d"), d.strftime("%Y%m"), d.year, frac]
    else:
        out += ["", "", "", ""]
    for k in ("actor1", "actor2"):
        code = r.get(f"{k}_cameo") or ""
        country = r.get(f"{k}_country") or ""
        role = code[3:6] if len(code) >= 6 and code[:3] == country else ""
        out += [code, (r.get(f"{k}_name") or "").upper(), country, "", "", "", "", role, "", ""]
    tone = r.get("article_tone")
    out += [1 if r.get("salience") in (None, "lead") else 0, cameo, cameo[:3], cameo[:2],
            r.get("type_quad_class") if r.get("type_quad_class") is not None else "",
            r.get("type_goldstein") if r.get("type_goldstein") is not None else "",
            r.get("num_events") or 1, r.get("num_sources") or 1, r.get("num_articles") or 1,
            tone if tone is not None else ""]
    out += NO_GEO * 2  # tacitus codes where the event happened, not where each actor was
    out += geo(r)
    added = first_day(str(r.get("article_published") or "")[:10]) or d
    out += [added.strftime("%Y%m%d000000") if added else "", r.get("article_url") or r.get("article_id") or ""]
    return out


def event_number(event_id: str | None, n: int) -> int:
    """GLOBALEVENTID: a stable number from the event's id (48 bits of its hash), else the row number."""
    return int(event_id[:12], 16) if event_id and all(c in "0123456789abcdef" for c in event_id[:12]) else n


def write(rows: Iterable[dict], out: IO[str], **_: Any) -> int:
    """GDELT 2.0 event table: tab-separated, no header, the 61 columns in order."""
    n = 0
    for n, r in enumerate(rows, 1):
        out.write("\t".join(_cell(v) for v in row(r, event_number(r.get("event_id"), n))) + "\n")
    return n
