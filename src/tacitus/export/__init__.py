"""Exporters, registered by name; each writes query rows (events joined with their article and
cluster) in a format users already load."""

from __future__ import annotations

from collections.abc import Callable

from . import formats

EXPORTERS: dict[str, Callable] = {
    "gdelt": formats.gdelt,
    "acled": formats.acled,
    "plover": formats.plover,
    "geojson": formats.geojson,
    "csv": formats.csv_rows,
    "parquet": formats.parquet,
}
