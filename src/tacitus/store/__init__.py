"""The event store: an embedded DuckDB database with articles, events, their annotations, the
ingest journal and event clusters. `open_store(path)` returns a Store; opening errors are
StoreErrors whose message says what to do."""

from .db import DEFAULT_DB, Store, open_store, store_path
from .errors import StoreError, StoreLocked, StoreNotFound

__all__ = ["DEFAULT_DB", "Store", "StoreError", "StoreLocked", "StoreNotFound", "open_store", "store_path"]
