"""The filter parser every front end uses: what it accepts, how it normalises, and the reason it
gives for what it refuses (the option first, so the CLI and the API can each spell it)."""

from __future__ import annotations

import pytest

from tacitus.filters import FilterError, Filters, parse_filters


@pytest.mark.parametrize("given,want", [
    ({}, Filters()),
    ({"since": "2024", "until": "2024-03"}, Filters(since="2024", until="2024-03")),
    ({"since": " 2024-02-29 "}, Filters(since="2024-02-29")),
    ({"since": "2024-05", "until": "2024"}, Filters(since="2024-05", until="2024")),  # May lies within 2024
    ({"country": "syr"}, Filters(country="SYR")),
    ({"country": "", "type": "  ", "actor": None}, Filters()),
    ({"type": " ASSAULT "}, Filters(type="ASSAULT")),
    ({"bbox": "35,32,43,38"}, Filters(bbox=(35.0, 32.0, 43.0, 38.0))),
    ({"bbox": (35, 32, 43, 38)}, Filters(bbox=(35.0, 32.0, 43.0, 38.0))),
    ({"limit": 0}, Filters(limit=None)),
    ({"limit": "20", "offset": "40"}, Filters(limit=20, offset=40)),
    ({"limit": 100, "max_limit": 5000}, Filters(limit=100)),
])
def test_accepted(given, want):
    assert parse_filters(**given) == want


@pytest.mark.parametrize("given,option,reason", [
    ({"since": "2024-13-45"}, "since", "not a real date (month must be in 1..12)"),
    ({"since": "2023-02-29"}, "since", "not a real date (day is out of range for month)"),
    ({"until": "yesterday"}, "until", "not a date; use YYYY-MM-DD, YYYY-MM or YYYY"),
    ({"since": "2024-05-01", "until": "2024-04"}, "until", "is before since 2024-05-01"),
    ({"country": "Syria"}, "country", "use an ISO 3166-1 alpha-3 code such as SYR (Syrian Arab Republic)"),
    ({"country": "de"}, "country", "use an ISO 3166-1 alpha-3 code such as DEU (Germany)"),
    ({"country": "Xanadu"}, "country", "use an ISO 3166-1 alpha-3 code, e.g. SYR for Syria"),
    ({"bbox": "1,2,3"}, "bbox", "3 numbers where four are needed"),
    ({"bbox": "a,b,c,d"}, "bbox", "use min_lon,min_lat,max_lon,max_lat"),
    ({"bbox": "-200,0,0,10"}, "bbox", "each minimum below its maximum"),
    ({"type": "x" * 81}, "type", "longer than 80 characters"),
    ({"text": "x" * 201}, "text", "longer than 200 characters"),
    ({"limit": "ten"}, "limit", "not a whole number"),
    ({"limit": -1}, "limit", "must be between 0"),
    ({"limit": 0, "max_limit": 5000}, "limit", "must be between 1 and 5000"),
    ({"offset": -1}, "offset", "must be between 0 and"),
])
def test_refused_with_the_option_and_the_reason(given, option, reason):
    with pytest.raises(FilterError) as e:
        parse_filters(**given)
    assert e.value.option == option and reason in e.value.reason
    assert str(e.value).startswith(f"{option} ")


def test_a_filter_error_is_a_value_error():
    """Callers that only know ValueError (the API's 400 handler) still get it."""
    with pytest.raises(ValueError):
        parse_filters(since="2024-99")


def test_filters_are_values():
    f = parse_filters(country="mli", limit=10)
    assert f.with_(limit=None) == Filters(country="MLI") and f.limit == 10
    with pytest.raises(AttributeError):
        f.limit = 5  # type: ignore[misc]
