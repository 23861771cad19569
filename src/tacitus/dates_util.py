"""Normalising the publication date that inputs carry (ISO strings, datetimes, or free text), and
the range of dates tacitus keeps.

A publication date outside PUBLISHED_RANGE is no publication date (the pipeline ignores it with a
T008 note): relative dates are resolved against it, and at the calendar's ends ("two years
before 0001-01-01") that arithmetic has no answer. Dates written into records are clamped into
RECORD_RANGE (tacitus.door), ten years inside the calendar's ends, so every window tacitus or a
user's code puts around a date (clustering, timelines) is still a date."""

from __future__ import annotations

import datetime as dt
import re

import dateparser

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
PUBLISHED_RANGE = (dt.date(1600, 1, 1), dt.date(2199, 12, 31))
RECORD_RANGE = (dt.date(10, 1, 1), dt.date(9989, 12, 31))
LONGEST = 100  # characters: no date is written longer (dateparser is slow on long strings)


def normalise_published(value: object) -> str | None:
    """ISO date (YYYY-MM-DD) or raise ValueError saying what could not be read."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return _in_range(value.date() if isinstance(value, dt.datetime) else value, str(value))
    s = str(value).strip()
    if ISO.match(s):
        try:
            return _in_range(dt.date.fromisoformat(s[:10]), s)
        except ValueError as e:
            if "outside" in str(e):
                raise
            raise ValueError(f"{s!r} is not a real date: {e}") from e
    if len(s) > LONGEST:
        raise ValueError(f"cannot read {s[:40]!r}... ({len(s)} characters) as a date; use YYYY-MM-DD")
    try:
        parsed = dateparser.parse(s, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False},
                                  languages=["en"])
    except (ValueError, OverflowError, TypeError, ArithmeticError) as e:  # dateparser's own, on odd strings
        raise ValueError(f"cannot read {s!r} as a date ({type(e).__name__}); use YYYY-MM-DD") from e
    if parsed is None:
        raise ValueError(f"cannot read {s!r} as a date; use YYYY-MM-DD")
    return _in_range(parsed.date(), s)


def _in_range(day: dt.date, written: str) -> str:
    lo, hi = PUBLISHED_RANGE
    if not lo <= day <= hi:
        raise ValueError(f"{written!r} is outside the publication dates tacitus accepts ({lo} to {hi})")
    return day.isoformat()
