"""The event store: an embedded DuckDB database with articles, events, their annotations, the
ingest journal and event clusters. `open_store(path)` returns a Store."""

from .db import Store, open_store

__all__ = ["Store", "open_store"]
