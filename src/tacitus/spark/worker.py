"""What runs inside Spark's Python workers, written on plain Arrow batches (no pyspark import), so
it is the local code path: the same readers, the same pipeline, the same record -> rows function
and the same clustering decision as `tacitus extract` / `tacitus ingest`. The model and the
gazetteer are loaded once per worker process (Spark reuses its Python workers), not per row."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa

from .. import ids
from ..settings import Settings
from . import schemas

_PIPELINES: dict[Settings, Any] = {}


def pipeline(settings: Settings):
    """The extraction pipeline of this worker process, built on first use."""
    p = _PIPELINES.get(settings)
    if p is None:
        from ..pipeline import Pipeline

        p = _PIPELINES[settings] = Pipeline(settings.with_(n_process=1))
    return p


def local_path(uri: str) -> str | None:
    """A path this process can open for a file: URI (or a plain path), else None."""
    if uri.startswith("file://"):
        return uri[len("file://"):] if uri.startswith("file:///") else None
    if uri.startswith("file:"):
        return uri[len("file:"):]
    if "://" not in uri and ":" not in uri.split("/")[0]:
        return uri
    return None


# ---------------------------------------------------------------------------- reading

def _item_row(seq: int, it, replace: tuple[str, str] | None = None) -> dict[str, Any]:
    from ..ingest.items import Failure
    from ..pipeline import error_record

    def fix(s: str | None) -> str | None:
        return s.replace(*replace) if (s and replace) else s

    if isinstance(it, Failure):
        rec = error_record(fix(it.input), it.error, fix(it.id))
        rec = json.loads(fix(json.dumps(rec, ensure_ascii=False))) if replace else rec
        return {"seq": seq, "input": rec["input"], "failure": json.dumps(rec, ensure_ascii=False)}
    return {"seq": seq, "input": fix(it.input), "id": it.id, "title": it.title, "published": it.published,
            "url": it.url, "source": it.source, "text": it.text,
            "problems": json.dumps(it.problems, ensure_ascii=False) if it.problems else None}


def read_files(batches: Iterator[pa.RecordBatch], order: dict[str, int], settings: Settings,
               csv_map: dict[str, str] | None = None) -> Iterator[pa.RecordBatch]:
    """binaryFile rows (path[, content]) -> item rows, through tacitus's own readers (so input names,
    ids and errors are those of a local run). A file: path is read where it is; any other URI's bytes
    are read from a private copy whose name is then replaced by the URI. seq = file order << 32 | item."""
    from ..ingest.sources import iter_items

    for batch in batches:
        cols = batch.to_pydict()
        out: list[dict[str, Any]] = []
        for i, uri in enumerate(cols["path"]):
            base = order[uri] << 32
            path = local_path(uri) if "content" not in cols else None
            replace = None
            tmpdir = None
            if path is None:
                tmpdir = tempfile.mkdtemp(prefix="tacitus-")
                path = os.path.join(tmpdir, Path(uri).name)
                with open(path, "wb") as fh:
                    fh.write(cols["content"][i] or b"")
                replace = (path, uri)
            try:
                for n, it in enumerate(iter_items([path], max_bytes=settings.max_bytes, encoding=settings.encoding,
                                                  csv_map=csv_map)):
                    out.append(_item_row(base + n, it, replace))
            finally:
                if tmpdir:
                    shutil.rmtree(tmpdir, ignore_errors=True)
        yield pa.RecordBatch.from_pylist(out, schema=schemas.ITEM)


def read_table_rows(batches: Iterator[pa.RecordBatch], columns: dict[str, str], source: str) -> Iterator[pa.RecordBatch]:
    """Rows of a Parquet/JSON table (with a column map field -> column, and a _seq column) -> item rows."""
    for batch in batches:
        cols = batch.to_pydict()
        out = []
        for j, seq in enumerate(cols["_seq"]):
            row = {f: _cell(cols, columns.get(f, f), j) for f in ("id", "title", "published", "url", "source", "text")}
            rid = row["id"]
            out.append({"seq": seq, "input": f"{source}#{rid}" if rid else f"{source}#{seq}", **row,
                        "text": row["text"] or "", "problems": None})
        yield pa.RecordBatch.from_pylist(out, schema=schemas.ITEM)


def _cell(cols: dict[str, list], name: str, j: int) -> str | None:
    v = cols[name][j] if name in cols else None
    return None if v is None else str(v)


# ---------------------------------------------------------------------------- extracting

def _partition_of(day: str | None) -> tuple[int, int]:
    if day and len(day) >= 7 and day[:4].isdigit() and day[5:7].isdigit():
        return int(day[:4]), int(day[5:7])
    if day and len(day) >= 4 and day[:4].isdigit():
        return int(day[:4]), 0
    return 0, 0


def extract(batches: Iterator[pa.RecordBatch], settings: Settings) -> Iterator[pa.RecordBatch]:
    """Item rows -> one row per input: its record (JSON), status and content hash."""
    from ..ingest.items import Item
    from ..ingestion import content_hash

    p = pipeline(settings)
    for batch in batches:
        rows = batch.to_pylist()
        out: list[dict[str, Any]] = []
        todo: list[tuple[dict, Item]] = []
        for r in rows:
            if r.get("failure"):
                rec = json.loads(r["failure"])
                out.append(_record_row(r["seq"], r["input"], None, rec))
            else:
                it = Item(text=r["text"] or "", input=r["input"], id=r["id"], title=r["title"],
                          published=r["published"], url=r["url"], source=r["source"],
                          problems=json.loads(r["problems"]) if r.get("problems") else [])
                todo.append((r, it))
        for (r, it), rec in zip(todo, p.run([it for _, it in todo], n_process=1), strict=True):
            out.append(_record_row(r["seq"], r["input"], content_hash(it), rec))
        yield pa.RecordBatch.from_pylist(out, schema=schemas.RECORD)


def _record_row(seq: int, input_name: str, chash: str | None, rec: dict) -> dict[str, Any]:

    ok = bool(rec.get("ok", True))
    err = (rec.get("errors") or [{}])[0] if not ok else {}
    year, month = _partition_of(rec.get("published"))
    row = {"seq": seq, "input": input_name, "content_hash": chash or ids.input_hash(input_name),
           "article_id": rec.get("id") if ok else None, "ok": ok, "code": err.get("code"), "reason": err.get("message"),
           "record": None if ok else json.dumps(rec, ensure_ascii=False), "year": year, "month": month}
    tables = store_rows(rec) if ok else {}
    for t in schemas.RECORD_TABLES:
        row[f"rows_{t}"] = tables.get(t, [])
    return row


def store_rows(rec: dict) -> dict[str, list[dict[str, Any]]]:
    """A record's rows of every store table (the store's own record_rows), with year/month: events by
    their date (else the publication date), the others by the publication date."""
    from ..records import SCHEMA_VERSION
    from ..store.schema import column_names, record_rows

    published = rec.get("published")
    out: dict[str, list[dict[str, Any]]] = {}
    for table, rows in record_rows(rec).items():
        names = column_names(table)
        lst = out[table] = []
        for row in rows:
            d = dict(zip(names, row, strict=True))
            day = (d.get("date_start") or published) if table == "events" else published
            d["year"], d["month"] = _partition_of(day)
            d["schema_version"] = SCHEMA_VERSION
            lst.append(d)
    return out


# ---------------------------------------------------------------------------- clustering

def cluster_group(events: pa.Table) -> pa.Table:
    """One CAMEO root's events (with seq) -> (event, cluster) rows, matched in ingestion order by the
    store's own matching function. Roots never share a cluster, so roots run in parallel and the
    result is the local store's."""
    from ..store.cluster import FEATURES, clusterable, match

    rows = events.to_pylist()
    rows.sort(key=lambda r: (r["seq"], r["evidence_start"] if r["evidence_start"] is not None else -1,
                             r["trigger_start"] if r["trigger_start"] is not None else -1, r["id"]))
    evs = [e for e in ({k: r[k] for k in FEATURES} for r in rows) if clusterable(e)]
    created, _, mapping = match(evs, {})
    out = []
    for eid, cid in mapping:
        c = created[cid]
        out.append({"event_id": eid, "cluster_id": cid, **{k: c[k] for k in schemas.CLUSTER_KEEP},
                    "reasons": c["reasons"]})
    return pa.Table.from_pylist(out, schema=schemas.CLUSTER_MAP)
