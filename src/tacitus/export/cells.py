"""Stored values as the cells of an export: text that a spreadsheet must not run as a formula, the
first and last day of a date of any precision, and the ISO codes formats other than tacitus' want.
One place, so every format writes a date, a country or a text cell the same way."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache
from typing import Any

from ..lexicons import read_tsv

PKG = "tacitus.export"


class ExportError(ValueError):
    """An export that cannot be written as asked (a missing optional library, a folder in the way)."""


# what spreadsheets read as the start of a formula (OWASP's CSV injection list)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(v: Any) -> Any:
    """A text cell that Excel, LibreOffice and Google Sheets show as text: a leading =, +, -, @, tab
    or carriage return gets a ' before it (as OWASP advises). Numbers and None pass unchanged."""
    if isinstance(v, str) and v.startswith(FORMULA_START):
        return "'" + v
    return v


def first_day(s: str | None) -> dt.date | None:
    """'2017-10-17' / '2017-10' / '2017' -> the first day it covers (None for no or a bad date)."""
    if not s:
        return None
    try:
        if len(s) == 4:
            return dt.date(int(s), 1, 1)
        if len(s) == 7:
            return dt.date(int(s[:4]), int(s[5:7]), 1)
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return None


def last_day(s: str | None) -> dt.date | None:
    """The last day a date of any precision covers."""
    d = first_day(s)
    if d is None:
        return None
    if len(s) == 4:
        return dt.date(d.year, 12, 31)
    if len(s) == 7:
        return dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
    return d


def event_day(r: dict) -> dt.date | None:
    """The day an export dates an event by: its date's first day, else the article's publication."""
    return first_day(r.get("date_start")) or first_day(_iso(r.get("article_published")))


def _iso(v: Any) -> str | None:
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v


@lru_cache(maxsize=1)
def _countries() -> dict[str, Any]:
    import pycountry

    return {c.alpha_3: c for c in pycountry.countries}


def iso2(iso3: str | None) -> str | None:
    c = _countries().get(iso3 or "")
    return c.alpha_2 if c else None


def iso_numeric(iso3: str | None) -> int | None:
    c = _countries().get(iso3 or "")
    return int(c.numeric) if c else None


@lru_cache(maxsize=1)
def fips_countries() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> FIPS 10-4 country code (fips.tsv)."""
    return {r["iso3"]: r["fips"] for r in read_tsv(PKG, "fips.tsv")}


@lru_cache(maxsize=1)
def _areas() -> tuple[dict[str, dict], dict[str, dict]]:
    by_iso: dict[str, dict] = {}
    by_geonames: dict[str, dict] = {}
    for r in read_tsv(PKG, "adm1_fips.tsv"):
        by_geonames[r["geonames"]] = r
        if r["iso"] and (r["primary"] == "1" or r["iso"] not in by_iso):
            by_iso[r["iso"]] = r
    return by_iso, by_geonames


def area(admin1: str | None) -> dict | None:
    """The adm1_fips.tsv row of a stored admin1 code: an ISO 3166-2 code ('SO-BN') or, where the
    gazetteer matched no ISO code, a GeoNames one ('AE.03'); None if the table lacks it."""
    if not admin1:
        return None
    by_iso, by_geonames = _areas()
    return by_iso.get(admin1) or by_geonames.get(admin1)


def area_name(admin1: str | None) -> str | None:
    """The first-level area's name: the table's, else pycountry's for an ISO code."""
    row = area(admin1)
    if row:
        return row["name"]
    if admin1 and "-" in admin1:
        import pycountry

        sub = pycountry.subdivisions.get(code=admin1)
        return sub.name if sub else None
    return None
