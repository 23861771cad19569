"""Normalising the publication date that inputs carry (ISO strings, datetimes, or free text)."""

from __future__ import annotations

import datetime as dt
import re

import dateparser

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")


def normalise_published(value: object) -> str | None:
    """ISO date (YYYY-MM-DD) or raise ValueError saying what could not be read."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    s = str(value).strip()
    if ISO.match(s):
        try:
            return dt.date.fromisoformat(s[:10]).isoformat()
        except ValueError as e:
            raise ValueError(f"{s!r} is not a real date: {e}") from e
    parsed = dateparser.parse(s, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False},
                              languages=["en"])
    if parsed is None:
        raise ValueError(f"cannot read {s!r} as a date; use YYYY-MM-DD")
    return parsed.date().isoformat()
