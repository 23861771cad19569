"""The store for Python users: `tacitus.open_store(path)` gives a read-only view whose
`events(...)` and `clusters(...)` take the filters of `tacitus query` and return a Result that
becomes an Arrow table, a pandas or a polars DataFrame, or a GeoDataFrame of located events (pandas,
polars and geopandas are optional extras: `tacitus[frames]`, `tacitus[geo]`).

    >>> import tacitus
    >>> with tacitus.open_store("news.duckdb") as store:
    ...     df = store.events(country="SYR", since="2017-10").df()
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .filters import Filters, parse_filters
from .store import Store, store_path


class Result:
    """Rows of the events query (events with their article and cluster columns), run when asked for."""

    def __init__(self, store: Store, filters: Filters, clusters: bool = False):
        self.store, self.filters, self.clusters = store, filters, clusters

    def arrow(self):
        """An Arrow table, as DuckDB returns it (no row-by-row copy)."""
        from .store.query import _events_sql

        sql, params = _events_sql(self.filters, self.clusters)
        with _cursor(self.store) as s:
            return s.arrow(sql, params)

    def df(self):
        """A pandas DataFrame (needs pandas: pip install 'tacitus[frames]')."""
        _need("pandas", "frames")
        return self.arrow().to_pandas()

    def pl(self):
        """A polars DataFrame (needs polars: pip install 'tacitus[frames]')."""
        pl = _need("polars", "frames")
        return pl.from_arrow(self.arrow())

    def gdf(self):
        """A geopandas GeoDataFrame of the located rows, points in EPSG:4326 (needs tacitus[geo])."""
        gpd = _need("geopandas", "geo")
        df = self.df()
        df = df[df["location_lat"].notna() & df["location_lon"].notna()]
        return gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["location_lon"], df["location_lat"]),
                                crs="EPSG:4326")

    def dicts(self) -> list[dict[str, Any]]:
        from .store.query import events

        with _cursor(self.store) as s:
            cols, rows = events(s, self.filters, self.clusters)
        return [dict(zip(cols, r, strict=True)) for r in rows]

    def __len__(self) -> int:
        from .store.query import total

        with _cursor(self.store) as s:
            n = total(s, self.filters, self.clusters) - self.filters.offset
        return max(0, min(n, self.filters.limit) if self.filters.limit is not None else n)


class StoreReader:
    """A store opened for reading, with filtered reads as DataFrames; everything else is the Store's
    (`sql`, `rows`, `counts`, ...)."""

    def __init__(self, store: Store):
        self.store = store

    def events(self, **filters: Any) -> Result:
        """Events matching the filters of `tacitus query` (since, until, country, type, actor, bbox,
        text, limit, offset, all_events, sort); by default the current, asserted incidents."""
        return Result(self.store, parse_filters(**filters))

    def clusters(self, **filters: Any) -> Result:
        """One row per cluster of duplicate reports (on its representative event)."""
        return Result(self.store, parse_filters(**filters), clusters=True)

    def article(self, article_id: str) -> dict | None:
        """The article's record as `tacitus extract` wrote it."""
        from .store.read import article

        return article(self.store, article_id)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> StoreReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def open_store(path: str | os.PathLike | None = None, read_only: bool = True) -> StoreReader:
    """The store at `path` (default: $TACITUS_DB, else ./tacitus.duckdb), read-only unless asked;
    a StoreError (StoreNotFound, StoreLocked) says why it cannot be opened."""
    return StoreReader(Store(store_path(path), read_only=read_only))


def read_geo(path: str | os.PathLike, layer: str | None = None):
    """A GeoDataFrame from a GeoJSON, GeoPackage or FlatGeobuf export (through pyogrio), with its
    date columns as dates."""
    gpd = _need("geopandas", "geo")
    return gpd.read_file(Path(path), layer=layer, engine="pyogrio")


@contextmanager
def _cursor(store: Store) -> Iterator[Store]:
    """The store on a cursor of its own for one read (a DuckDB connection keeps one open result)."""
    v = store.view()
    try:
        yield v
    finally:
        v.close()


def _need(module: str, extra: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(f"{module} is not installed: pip install 'tacitus[{extra}]'") from e
