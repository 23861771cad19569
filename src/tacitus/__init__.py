"""tacitus: reads news reports and records what they say happened, with evidence for every field.

    >>> import tacitus
    >>> art = tacitus.extract("Rebels attacked an army base in Mali.", published="2024-05-02")
    >>> [(e.type.cameo, e.actor1.name) for e in art.events]
    >>> with tacitus.open_store("news.duckdb") as store:          # a store `tacitus ingest` wrote
    ...     df = store.events(country="SYR", since="2017-10").df()  # or .pl(), .arrow(), .gdf()
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from . import records
from .records import SCHEMA, SCHEMA_VERSION, Article

__version__ = "0.1.0"


def extract(text: str, published: str | None = None, title: str | None = None, **kw) -> Article:
    """Extract one article with the default pipeline (loaded on first use)."""
    from .pipeline import default_pipeline

    return default_pipeline().extract(text, published=published, title=title, **kw)


def extract_many(inputs: Iterable, n_process: int | None = None) -> Iterator[Article]:
    """Extract many articles (texts, or dicts with text/id/title/published/url/source), in order."""
    from .pipeline import default_pipeline

    return default_pipeline().extract_many(inputs, n_process=n_process)


def open_store(path=None, read_only: bool = True):
    """The event store at `path` (default $TACITUS_DB, else ./tacitus.duckdb), read-only unless
    asked: `store.events(**filters)` / `store.clusters(**filters)` give `.df()`, `.pl()`, `.arrow()`
    and `.gdf()` (see tacitus.frames)."""
    from .frames import open_store as _open

    return _open(path, read_only=read_only)


def read_geo(path, layer: str | None = None):
    """A geopandas GeoDataFrame from a GeoJSON, GeoPackage or FlatGeobuf export (tacitus[geo])."""
    from .frames import read_geo as _read

    return _read(path, layer=layer)


__all__ = ["extract", "extract_many", "open_store", "read_geo", "records", "Article", "SCHEMA", "SCHEMA_VERSION",
           "__version__"]
