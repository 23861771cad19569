"""The filters a user gives to `tacitus query`, `tacitus export` and the explorer's API: one parser
that turns their raw values into a `Filters`, or raises `FilterError` naming the option, the value
and what to write instead. Front ends only spell the option (`--country` on the command line,
`country=` in a URL), so every front end refuses the same values with the same reason."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from typing import Any

from .frozen import frozen

# option -> help text, shared by the CLI options and the API's parameter descriptions
HELP: dict[str, str] = {
    "since": "first date: YYYY-MM-DD, YYYY-MM or YYYY",
    "until": "last date: YYYY-MM-DD, YYYY-MM or YYYY (the whole month or year)",
    "country": "ISO 3166-1 alpha-3 code (e.g. SYR) of the place or of either actor",
    "type": "CAMEO code prefix, PLOVER type or ACLED (sub-)type",
    "actor": "text in either actor's name or mention",
    "bbox": "min_lon,min_lat,max_lon,max_lat",
    "text": "text in the evidence sentence",
    "limit": "rows to return",
    "offset": "rows to skip",
    "all_events": "also background events (current false) and events not asserted (negated, hypothetical, "
                  "future, claimed, generic); by default only current, asserted incidents",
    "sort": "order of the rows: date, type, actor, place, fatalities or reports; a leading - reverses it",
}
# sort key -> the columns it orders by (of the events query, aliased e; reports: the cluster's articles)
SORTS: dict[str, tuple[str, ...]] = {
    "date": ("e.date_start",), "type": ("e.type_cameo",), "actor": ("e.actor1_name", "e.actor2_name"),
    "place": ("e.location_country", "e.location_name"), "fatalities": ("e.fatalities_best",),
    "reports": ("num_articles",),
}
# what an incident is by default: it happened in the reporting period and the article asserts it
# (plain SQL that DuckDB and Spark SQL both read; stores written before incidents count as current)
INCIDENTS_SQL = "coalesce({a}current, true) AND coalesce({a}modality, 'asserted') = 'asserted'"
MAX_LENGTH = {"type": 80, "actor": 200, "text": 200, "bbox": 100}
MAX_OFFSET = 10**9
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class FilterError(ValueError):
    """A filter value tacitus cannot use. `str(e)` starts with the option's bare name, so the CLI
    can print `--` before it and the API can send it as it is."""

    def __init__(self, option: str, value: Any, reason: str):
        self.option, self.value, self.reason = option, value, reason
        super().__init__(f"{option} {value}: {reason}")


@frozen
class Filters:
    since: str | None = None
    until: str | None = None
    country: str | None = None
    type: str | None = None
    actor: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    text: str | None = None
    limit: int | None = None  # None: every row
    offset: int = 0
    all_events: bool = False  # False: only current, asserted incidents
    sort: str | None = None  # a key of SORTS, '-' first for descending

    def with_(self, **changes: Any) -> Filters:
        return dataclasses.replace(self, **changes)

    def sql(self, alias: str = "e") -> tuple[str, list]:
        """The filters as a WHERE clause ('' when none) and its parameters: every user value is a
        bound parameter. Plain SQL that DuckDB and Spark SQL both read, so the store, the API and a
        query over the Spark job's Parquet select the same rows."""
        a = f"{alias}." if alias else ""
        conds, params = [], []
        if not self.all_events:
            conds.append(INCIDENTS_SQL.format(a=a))
        if self.since:
            conds.append(f"{a}date_start >= ?")
            params.append(self.since)
        if self.until:
            conds.append(f"{a}date_start <= ?")
            params.append(self.until + "~")
        if self.country:
            conds.append(f"({a}location_country = ? OR {a}actor1_country = ? OR {a}actor2_country = ?)")
            params += [self.country] * 3
        if self.type:
            t = self.type
            conds.append(f"({a}type_cameo LIKE ? OR upper({a}type_plover) = upper(?) OR "
                         f"lower({a}type_acled) = lower(?) OR lower({a}type_acled_sub) = lower(?))")
            params += [t + "%" if t.isdigit() else "\x00", t, t, t]
        if self.actor:
            pat = f"%{self.actor}%"
            conds.append(f"({a}actor1_name ILIKE ? OR {a}actor2_name ILIKE ? OR {a}actor1_text ILIKE ? "
                         f"OR {a}actor2_text ILIKE ?)")
            params += [pat] * 4
        if self.bbox:
            conds.append(f"{a}location_lon BETWEEN ? AND ? AND {a}location_lat BETWEEN ? AND ?")
            params += [self.bbox[0], self.bbox[2], self.bbox[1], self.bbox[3]]
        if self.text:
            conds.append(f"{a}evidence_text ILIKE ?")
            params.append(f"%{self.text}%")
        return (" WHERE " + " AND ".join(conds)) if conds else "", params

    def order(self, alias: str = "e") -> str:
        """ORDER BY for the rows (the default: date, then id), from the fixed SORTS table only."""
        key = (self.sort or "date").lstrip("-")
        desc = " DESC" if (self.sort or "").startswith("-") else ""
        cols = [c.replace("e.", f"{alias}.") if alias else c.replace("e.", "") for c in SORTS[key]]
        id_col = f"{alias}.event_id" if alias else "event_id"
        return " ORDER BY " + ", ".join(f"{c}{desc} NULLS LAST" for c in cols) + f", {id_col}"


def parse_filters(*, since: str | None = None, until: str | None = None, country: str | None = None,
                  type: str | None = None, actor: str | None = None, bbox: str | tuple | None = None,
                  text: str | None = None, limit: int | str | None = None, offset: int | str | None = 0,
                  max_limit: int | None = None, all_events: bool | str | None = False,
                  sort: str | None = None) -> Filters:
    """Validated filters from user values. `limit` 0 or None means every row, unless `max_limit` is
    given (a page size): then it must lie in 1..max_limit. Without `all_events` only current,
    asserted incidents are kept."""
    first, last = _date("since", since), _date("until", until)
    if first and last and _bounds(first)[0] > _bounds(last)[1]:
        raise FilterError("until", until, f"is before since {since}")
    return Filters(since=first, until=last, country=_country(country), type=_text("type", type),
                   actor=_text("actor", actor), bbox=parse_bbox(bbox), text=_text("text", text),
                   limit=_limit(limit, max_limit), offset=_int("offset", offset, 0, MAX_OFFSET) or 0,
                   all_events=_bool("all_events", all_events), sort=_sort(sort))


def _bool(option: str, value: bool | str | None) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    v = str(value).strip().lower()
    if v in ("1", "true", "yes", "on"):
        return True
    if v in ("", "0", "false", "no", "off"):
        return False
    raise FilterError(option, value, "use true or false")


def _sort(value: str | None) -> str | None:
    if value is None or not str(value).strip():
        return None
    v = str(value).strip().lower()
    if v.lstrip("-") not in SORTS:
        raise FilterError("sort", value[:20], f"use one of {', '.join(SORTS)}, with a leading - to reverse")
    return v


def _date(option: str, value: str | None) -> str | None:
    if value is None or not str(value).strip():
        return None
    value = str(value).strip()
    m = DATE.match(value)
    if not m:
        raise FilterError(option, value, "not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
    try:
        dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError as e:
        raise FilterError(option, value, f"not a real date ({e})") from e
    return value


def _bounds(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day a date of any precision covers."""
    m = DATE.match(value)
    y, mo, d = int(m[1]), m[2], m[3]
    if d:
        day = dt.date(y, int(mo), int(d))
        return day, day
    if mo:
        return dt.date(y, int(mo), 1), dt.date(y, int(mo), calendar.monthrange(y, int(mo))[1])
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _country(value: str | None) -> str | None:
    if value is None or not str(value).strip():
        return None
    value = str(value).strip()
    if re.fullmatch(r"[A-Za-z]{3}", value):
        return value.upper()
    hint = _alpha3(value)
    raise FilterError("country", value, "use an ISO 3166-1 alpha-3 code"
                      + (f" such as {hint[0]} ({hint[1]})" if hint else ", e.g. SYR for Syria"))


def _alpha3(value: str) -> tuple[str, str] | None:
    """The alpha-3 code a user probably meant by a name or an alpha-2 code, for the error message
    (never applied silently: a filter means what it says)."""
    import pycountry

    try:
        c = pycountry.countries.lookup(value)
    except LookupError:
        try:
            c = pycountry.countries.search_fuzzy(value)[0]
        except LookupError:
            return None
    return c.alpha_3, c.name


def _text(option: str, value: str | None) -> str | None:
    if value is None or not str(value).strip():
        return None
    value = str(value).strip()
    if len(value) > MAX_LENGTH[option]:
        raise FilterError(option, value[:20] + "...", f"longer than {MAX_LENGTH[option]} characters")
    return value


def parse_bbox(value: str | tuple | None) -> tuple[float, float, float, float] | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    why = "use min_lon,min_lat,max_lon,max_lat with longitudes in -180..180 and latitudes in -90..90"
    if isinstance(value, str):
        if len(value) > MAX_LENGTH["bbox"]:
            raise FilterError("bbox", value[:20] + "...", why)
        parts: list[Any] = value.split(",")
    else:
        parts = list(value)
    try:
        nums = [float(x) for x in parts]
    except (TypeError, ValueError) as e:
        raise FilterError("bbox", _show(value), why) from e
    if len(nums) != 4:
        raise FilterError("bbox", _show(value), f"{len(nums)} numbers where four are needed: {why[4:]}")
    if not (-180 <= nums[0] <= nums[2] <= 180 and -90 <= nums[1] <= nums[3] <= 90):
        raise FilterError("bbox", _show(value), why + ", each minimum below its maximum")
    return nums[0], nums[1], nums[2], nums[3]


def _show(value: str | tuple) -> str:
    return value if isinstance(value, str) else ",".join(map(str, value))


def _int(option: str, value: int | str | None, low: int, high: int) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        n = int(value)
    except (TypeError, ValueError) as e:
        raise FilterError(option, value, "not a whole number") from e
    if not low <= n <= high:
        raise FilterError(option, value, f"must be between {low} and {high}")
    return n


def _limit(value: int | str | None, max_limit: int | None) -> int | None:
    if max_limit is not None:
        return _int("limit", value, 1, max_limit)
    n = _int("limit", value, 0, 2**62)
    return n or None
