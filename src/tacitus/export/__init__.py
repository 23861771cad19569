"""Exporters, registered by name with what a front end needs to serve them: the writer, the media
type and file extension of a download, and whether the format is written as a folder (Parquet
partitioned by year and month) beside the one-file form a download gets. Each writes query rows
(events joined with their article and cluster, tacitus.store.query) in a format users already
load, one module per target: gdelt, acled, plover, geo (GeoJSON, GeoPackage, FlatGeobuf), tables
(CSV, Parquet); cells holds what they share (safe text, dates, country and area codes)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import IO

from ..frozen import frozen
from . import acled, gdelt, geo, plover, tables
from .cells import ExportError


@frozen
class Format:
    name: str
    write: Callable  # (rows, stream) -> rows written; a text stream, or a binary one if `binary`
    media_type: str
    extension: str
    help: str
    binary: bool = False
    write_folder: Callable | None = None  # (rows, folder) -> rows written, for formats kept as folders
    extra: str | None = None  # the optional extra it needs

    @property
    def folder(self) -> bool:
        """Written to a folder (not a stream) by the command line."""
        return self.write_folder is not None


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("gdelt", gdelt.write, "text/tab-separated-values", "csv", "GDELT 2.0 event table (61 columns, tab-separated)"),
    Format("acled", acled.write, "text/csv", "csv", "ACLED's columns, events with an ACLED type"),
    Format("plover", plover.write, "application/x-ndjson", "jsonl", "PLOVER JSONL, events with a PLOVER type"),
    Format("geojson", geo.geojson, "application/geo+json", "geojson", "GeoJSON points of located events"),
    Format("gpkg", geo.gpkg, "application/geopackage+sqlite3", "gpkg", "GeoPackage of located events (needs "
           "tacitus[geo])", binary=True, extra="geo"),
    Format("fgb", geo.flatgeobuf, "application/octet-stream", "fgb", "FlatGeobuf of located events (needs "
           "tacitus[geo])", binary=True, extra="geo"),
    Format("csv", tables.csv_rows, "text/csv", "csv", "every column, with a header"),
    Format("parquet", tables.parquet_file, "application/vnd.apache.parquet", "parquet",
           "Parquet (a folder partitioned by year and month; one file as a download)", binary=True,
           write_folder=tables.parquet),
)}

__all__ = ["FORMATS", "ExportError", "Format", "get", "write_binary"]


def get(name: str) -> Format:
    """The format called `name`, or a ValueError that lists the known ones."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"format {name}: unknown; choose one of {', '.join(FORMATS)}") from None


def write_binary(fmt: Format, rows: Iterable[dict], out: IO[bytes]) -> int:
    """Writes one file's worth to a binary stream (a file, a download's spool): text formats as
    UTF-8 with their own line ends. Returns the rows written."""
    if fmt.binary:
        return fmt.write(rows, out)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        return fmt.write(rows, text)
    finally:
        text.flush()
        text.detach()
