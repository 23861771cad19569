"""Why a store could not be opened, said so a user knows what to do. DuckDB's own errors name a
file and a PID at best; these add what tacitus knows (which command opens a store how)."""

from __future__ import annotations

import re
from pathlib import Path


class StoreError(Exception):
    """The store cannot be used as asked; the message says what to do."""

    def __init__(self, path: str | Path, message: str):
        self.path = Path(path)
        super().__init__(message)


class StoreNotFound(StoreError, FileNotFoundError):
    """No database at the path (reads never create one)."""

    def __init__(self, path: str | Path):
        super().__init__(path, f"no database at {path}; create one with `tacitus ingest INPUTS --db {path}` "
                               "(or point --db or TACITUS_DB at an existing store)")


class StoreLocked(StoreError):
    """Another process holds the file: DuckDB lets one process write a store, or several read it,
    never both at once."""

    def __init__(self, path: str | Path, pid: int | None, program: str | None, read_only: bool):
        held = f"process {pid}" + (f" ({Path(program).name})" if program else "") if pid else "another process"
        self.pid = pid
        if read_only:
            what = (f"{path} is being written by {held}: a store cannot be read while a `tacitus ingest` "
                    "(or another writer) has it open; wait for it to finish and try again")
        else:
            what = (f"{path} is in use by {held}: DuckDB lets one process write a store, and none while "
                    "others have it open. If that is `tacitus serve` (the explorer opens the store "
                    "read-only, but holds it while it runs), stop it, ingest, and start it again; or "
                    "ingest into a copy and move it over the store when the server is stopped. If it is "
                    "another ingest, wait for it to finish")
        super().__init__(path, what)


def from_duckdb(path: str | Path, error: Exception, read_only: bool) -> StoreError:
    """A StoreError for DuckDB's error on opening `path`."""
    msg = str(error)
    if "Conflicting lock" in msg or "Could not set lock" in msg:
        m = re.search(r"Conflicting lock is held in (.*?) \(PID (\d+)\)", msg)
        return StoreLocked(path, int(m[2]) if m else None, m[1] if m else None, read_only)
    if "not a valid DuckDB database" in msg:
        return StoreError(path, f"{path} is not a DuckDB database (a tacitus store is one); check --db")
    if "No such file or directory" in msg:
        return StoreError(path, f"cannot create {path}: its folder {Path(path).parent} does not exist")
    return StoreError(path, f"cannot open {path}: {msg}")
