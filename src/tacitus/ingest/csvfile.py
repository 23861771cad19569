"""CSV/TSV dumps: one article per row, columns named by a map (text=body,title=headline,...) or
guessed from common names."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .items import Failure, Item

GUESS = {"text": ("text", "body", "content", "article", "full_text", "notes", "story"),
         "title": ("title", "headline", "heading"),
         "published": ("published", "date", "pubdate", "publish_date", "published_at", "event_date", "timestamp"),
         "id": ("id", "guid", "uuid", "article_id", "event_id_cnty"),
         "url": ("url", "link", "source_url"),
         "source": ("source", "outlet", "publisher", "sitename")}


def parse_map(spec: str | None) -> dict[str, str]:
    """'text=body,title=headline' -> {'text': 'body', 'title': 'headline'}."""
    out = {}
    for part in filter(None, (spec or "").split(",")):
        k, _, v = part.partition("=")
        if k.strip() not in GUESS or not v.strip():
            raise InputError("T013", f"bad column map entry {part!r}", hint="use field=column with fields "
                             + ", ".join(GUESS))
        out[k.strip()] = v.strip()
    return out


def iter_csv(path: Path, column_map: dict[str, str], max_bytes: int, encoding: str = "utf-8"
             ) -> Iterator[Item | Failure]:
    csv.field_size_limit(min(sys.maxsize, max_bytes * 2))
    try:
        fh = path.open(encoding=encoding, newline="")
        head = fh.readline()
    except (OSError, UnicodeDecodeError) as e:
        yield Failure(input=str(path), error=InputError("T014", f"cannot read: {e}", source=str(path)))
        return
    with fh:
        dialect = "excel-tab" if path.suffix.lower() == ".tsv" or head.count("\t") > head.count(",") else "excel"
        fields = next(csv.reader([head], dialect=dialect))
        lower = {f.strip().lower(): f for f in fields}
        cols = {k: v for k, v in column_map.items()}
        for k, names in GUESS.items():
            if k not in cols:
                cols[k] = next((lower[n] for n in names if n in lower), None)
        if not cols.get("text") or cols["text"] not in fields:
            yield Failure(input=str(path), error=InputError(
                "T006", f"no text column (columns: {', '.join(fields[:10])})", source=str(path),
                hint="name it with --csv-map text=COLUMN"))
            return
        reader = csv.DictReader(fh, fieldnames=fields, dialect=dialect)
        for n, row in enumerate(reader, 2):
            src = f"{path}:{n}"
            try:
                text = row.get(cols["text"]) or ""
            except csv.Error as e:
                yield Failure(input=src, error=InputError("T005", f"malformed CSV row: {e}", source=src))
                continue
            if not text.strip():
                yield Failure(input=src, error=InputError("T006", "row has no text", source=src))
                continue
            if len(text) > max_bytes:
                yield Failure(input=src, error=InputError("T004", "row text is over the size limit", source=src))
                continue
            vals = {k: (row.get(cols[k]) or None) if cols.get(k) else None for k in GUESS}
            yield Item(text=text, input=src, id=vals["id"], title=vals["title"], published=vals["published"],
                       url=vals["url"], source=vals["source"])
