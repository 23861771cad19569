"""Every column, for tools that take a table: CSV (with a header; text cells safe from spreadsheet
formulas) and Parquet (typed as the store types them; dates as DATE with their precision beside
them; a folder partitioned by year and month, rewritten whole when exported again)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from .cells import ExportError, event_day, first_day, last_day, safe_text

MARKER = "_tacitus_export.json"  # names a folder this exporter wrote (readers skip files starting with _)


@lru_cache(maxsize=1)
def arrow_types() -> dict[str, Any]:
    """Column -> Arrow type of an exported row: the store's types (store/schema.py), dates as DATE."""
    import pyarrow as pa

    from ..store.schema import arrow_type, shape

    out = {c.name: arrow_type(c.sql) for c in shape()["events"]}
    out.update({"article_title": pa.string(), "article_url": pa.string(), "article_source": pa.string(),
                "article_tone": pa.float64(), "num_events": pa.int64(), "num_articles": pa.int64(),
                "num_sources": pa.int64(), "reasons": pa.list_(pa.string()), "article_published": pa.date32(),
                "first_seen": pa.date32(), "last_seen": pa.date32(), "date_start": pa.date32(),
                "date_end": pa.date32()})
    return out


def _cell(v: Any) -> Any:
    if isinstance(v, (list, dict)):
        return json.dumps(v, default=str, ensure_ascii=False)
    return safe_text(v)


def csv_rows(rows: Iterable[dict], out: IO[str], **_: Any) -> int:
    """Every column, a header first; lists and maps as JSON. Streams: rows are not held."""
    w = None
    n = 0
    for r in rows:
        if w is None:
            w = csv.DictWriter(out, fieldnames=list(r), lineterminator="\r\n")  # RFC 4180 (a CR inside a cell is then quoted)
            w.writeheader()
        w.writerow({k: _cell(v) for k, v in r.items()})
        n += 1
    return n


def _dated(r: dict) -> dict:
    """A row with its dates as datetime.date: date_start the first day, date_end the last."""
    r = dict(r)
    start = r.get("date_start")
    r["date_start"], r["date_end"] = first_day(start), last_day(r.get("date_end") or start)
    for k in ("article_published", "first_seen", "last_seen"):
        v = r.get(k)
        if not isinstance(v, dt.date):
            r[k] = first_day(v)
    return r


def arrow_table(rows: Iterable[dict]):
    """Rows as an Arrow table typed column by column (an unknown column's type is inferred)."""
    import pyarrow as pa

    rows = [_dated(r) for r in rows]
    if not rows:
        return pa.table({k: pa.array([], type=t) for k, t in arrow_types().items()})
    cols = list(rows[0])
    return pa.table({c: pa.array([r.get(c) for r in rows], type=arrow_types().get(c)) for c in cols})


def parquet_file(rows: Iterable[dict], out: IO[bytes], **_: Any) -> int:
    """One Parquet file (a download); `parquet` writes the partitioned folder."""
    import pyarrow.parquet as pq

    t = arrow_table(rows)
    pq.write_table(t, out)
    return t.num_rows


def _clear(folder: Path) -> None:
    """Makes room for an export: an empty or missing folder is used as it is; one this exporter wrote
    is emptied (so exporting again replaces the rows, never adds to them); any other is refused."""
    if not folder.exists():
        return
    if not folder.is_dir():
        raise ExportError(f"{folder} is a file: give a folder for the Parquet export")
    entries = list(folder.iterdir())
    if not entries:
        return
    if not (folder / MARKER).is_file():
        raise ExportError(f"{folder} is not empty and was not written by tacitus export: give a new or empty folder")
    for p in entries:
        if p.is_dir() and p.name.startswith(("year=", "month=")):
            shutil.rmtree(p)
        elif p.is_file() and (p.suffix == ".parquet" or p.name == MARKER):
            p.unlink()


def parquet(rows: Iterable[dict], out: str | Path, **_: Any) -> int:
    """Parquet partitioned by year and month of the event date (a folder of files; year=0/month=0
    holds events with no date at all)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = Path(out)
    _clear(folder)
    rows = list(rows)
    parts = []
    for r in rows:
        d = event_day(r)
        parts.append((d.year, d.month) if d else (0, 0))
    t = arrow_table(rows)
    t = t.append_column("year", pa.array([p[0] for p in parts], type=pa.int32()))
    t = t.append_column("month", pa.array([p[1] for p in parts], type=pa.int32()))
    folder.mkdir(parents=True, exist_ok=True)
    if t.num_rows:
        pq.write_to_dataset(t, root_path=str(folder), partition_cols=["year", "month"],
                            existing_data_behavior="delete_matching")
    (folder / MARKER).write_text(json.dumps({"rows": t.num_rows, "written": dt.datetime.now(dt.UTC).isoformat()}))
    return t.num_rows
