"""CSV/TSV dumps: one article per row, columns named by a map (text=body,title=headline,...) or
guessed from common names.

Each row is decoded and checked on its own, so one bad row costs only itself: a byte not in the
encoding (T003, with its line), a row over the size limit (T004), a malformed row or a quote never
closed (T005; the rows after it are read from the next line, not swallowed). The csv module parses
each record (strict, so it reports what it would otherwise guess at); this module feeds it the
file's lines one at a time, knows where each record began, and goes back there when one breaks."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from .guard import BAD_BYTE, ascii_compatible, open_binary, utf8_copy
from .items import Failure, Item

GUESS = {"text": ("text", "body", "content", "article", "full_text", "notes", "story"),
         "title": ("title", "headline", "heading"),
         "published": ("published", "date", "pubdate", "publish_date", "published_at", "event_date", "timestamp"),
         "id": ("id", "guid", "uuid", "article_id", "event_id_cnty"),
         "url": ("url", "link", "source_url"),
         "source": ("source", "outlet", "publisher", "sitename")}
PIECE = 1 << 16


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


class _TooBig(Exception):
    """The record being read is over the size limit (raised through the csv reader)."""


class _Lines:
    """The file's lines for csv.reader, one at a time, decoded with bad bytes kept visible
    (surrogateescape) and NULs dropped; remembers where the current record began."""

    def __init__(self, fh: BinaryIO, encoding: str, errors: str, limit: int):
        self.fh, self.encoding, self.errors, self.limit = fh, encoding, errors, limit
        self.line = 0  # physical lines read
        self.begin()

    def begin(self) -> None:
        self.first = self.line + 1
        self.start = self.fh.tell()
        self.after_first: int | None = None
        self.size = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        raw = self.fh.readline(self.limit + 1)
        if not raw:
            raise StopIteration
        self.size += len(raw)
        if self.size > self.limit:
            raise _TooBig
        self.line += 1
        if self.after_first is None:
            self.after_first = self.fh.tell()
        return raw.decode(self.encoding, self.errors).replace("\x00", "")

    def resume_after_first(self) -> None:
        """Go on reading from the line after the current record's first one."""
        self.fh.seek(self.after_first if self.after_first is not None else self.start)
        if self.after_first is None:
            self._skip_line()
        self.line = self.first

    def skip_record(self) -> bool:
        """Moves past the current record without keeping it (a quote toggles, a line end outside
        quotes ends it); False if the file ends with its quote still open (then reading resumes
        after the record's first line)."""
        self.fh.seek(self.start)
        quoted, lines, first_end = False, 0, None
        while piece := self.fh.readline(PIECE):
            if piece.count(b'"') % 2:
                quoted = not quoted
            if piece.endswith(b"\n"):
                lines += 1
                first_end = first_end or self.fh.tell()
                if not quoted:
                    self.line = self.first - 1 + lines
                    return True
        if not quoted:
            self.line = self.first - 1 + lines + 1
            return True
        self.after_first = first_end
        self.resume_after_first()
        return False

    def _skip_line(self) -> None:
        while (piece := self.fh.readline(PIECE)) and not piece.endswith(b"\n"):
            pass


def iter_csv(path: Path, column_map: dict[str, str], max_bytes: int, encoding: str = "utf-8"
             ) -> Iterator[Item | Failure]:
    """One Item or Failure per row (input `path:line`), or one Failure for a file with no rows."""
    name = str(path)
    try:
        fh = open_binary(path)
        compatible = ascii_compatible(encoding)
    except InputError as e:
        yield Failure(input=name, error=e)
        return
    with fh:
        if not compatible:
            fh = utf8_copy(fh, encoding)
        errors = "surrogateescape" if compatible else "surrogatepass"
        yield from _rows(fh, name, column_map, max_bytes, encoding if compatible else "utf-8", errors,
                         encoding)


def _rows(fh: BinaryIO, name: str, column_map: dict[str, str], max_bytes: int, codec: str, errors: str,
          encoding: str) -> Iterator[Item | Failure]:
    limit = 2 * max_bytes  # a whole record: its text and the other columns
    csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, limit + 1)))
    lines = _Lines(fh, codec, errors, limit)
    head = fh.readline(PIECE)
    fh.seek(0)
    dialect = "excel-tab" if name.lower().endswith(".tsv") or head.count(b"\t") > head.count(b",") else "excel"
    reader = csv.reader(lines, dialect=dialect, strict=True)
    fields: list[str] | None = None
    cols: dict[str, int | None] = {}
    rows = 0
    while True:
        lines.begin()
        src = f"{name}:{lines.first}"
        try:
            row = next(reader)
        except StopIteration:
            break
        except _TooBig:
            closed = lines.skip_record()
            why = "the row is over the size limit" if closed else "a quote opened in this row is never closed"
            yield Failure(input=src, error=InputError("T004" if closed else "T005", why, source=src))
            rows += 1
            continue
        except csv.Error as e:
            lines.resume_after_first()
            yield Failure(input=src, error=InputError("T005", f"malformed CSV row: {e}", source=src,
                                                      hint="a quote opened in this row may never be closed"))
            rows += 1
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if fields is None:
            fields = [f.strip().lstrip("\ufeff") for f in row]
            cols = _columns(fields, column_map)
            if cols.get("text") is None:
                yield Failure(input=name, error=InputError(
                    "T006", f"no text column (columns: {', '.join(fields[:10])})", source=name,
                    hint="name it with --csv-map text=COLUMN"))
                return
            continue
        rows += 1
        yield _item(row, cols, src, max_bytes, encoding)
    if not rows:
        why = "the file is empty" if fields is None else "the CSV has a header and no rows"
        yield Failure(input=name, error=InputError("T001", why, source=name))


def _columns(fields: list[str], column_map: dict[str, str]) -> dict[str, int | None]:
    index = {f: i for i, f in reversed(list(enumerate(fields)))}
    lower = {f.lower(): i for f, i in index.items()}
    cols: dict[str, int | None] = {}
    for k, names in GUESS.items():
        if k in column_map:
            cols[k] = index.get(column_map[k])
        else:
            cols[k] = next((lower[n] for n in names if n in lower), None)
    return cols


def _item(row: list[str], cols: dict[str, int | None], src: str, max_bytes: int, encoding: str) -> Item | Failure:
    for cell in row:
        if m := BAD_BYTE.search(cell):
            byte = ord(m.group()) - 0xDC00
            return Failure(input=src, error=InputError(
                "T003", f"the row is not valid {encoding} (byte 0x{byte:02x})", source=src,
                hint="re-encode the file (e.g. iconv -f cp1252 -t utf-8) or pass --encoding"))
    vals = {k: (row[i] or None) if i is not None and i < len(row) else None for k, i in cols.items()}
    text = vals["text"] or ""
    if not text.strip():
        return Failure(input=src, error=InputError("T006", "row has no text", source=src), id=vals["id"])
    if len(text) > max_bytes:
        return Failure(input=src, error=InputError("T004", "row text is over the size limit", source=src),
                       id=vals["id"])
    return Item(text=text, input=src, id=vals["id"], title=vals["title"], published=vals["published"],
                url=vals["url"], source=vals["source"])
