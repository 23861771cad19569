"""From what the user named to a stream of items, format by format.

Every input is accounted for exactly once: each record of a file (a JSONL line, a CSV row, a feed
entry, a WARC response) as an Item or a Failure of its own, and a file that holds no record at all
(empty, a header only, a feed without entries, an archive without HTML) as one Failure. A reader
that breaks on something nobody foresaw costs its file, never the run."""

from __future__ import annotations

import glob
import io
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from .guard import decode, open_binary
from .html import read_html
from .items import Failure, Item
from .jsonl import iter_jsonl, iter_jsonl_bytes
from .text import read_text

log = logging.getLogger(__name__)

READERS = {".txt": read_text, ".text": read_text, ".html": read_html, ".htm": read_html}
STREAMS = {".jsonl", ".ndjson"}
TABLES = {".csv", ".tsv"}
ARCHIVES = {".warc", ".gz"}
FEEDS = {".rss", ".atom", ".xml"}
KNOWN = set(READERS) | STREAMS | TABLES | ARCHIVES | FEEDS


def _expand(spec: str) -> Iterator[Path | Failure]:
    p = Path(spec)
    if p.is_dir():
        yield from sorted(x for x in p.rglob("*") if x.is_file() and not x.name.startswith("."))
    elif p.is_file():
        yield p
    elif any(c in spec for c in "*?["):
        hits = sorted(glob.glob(spec, recursive=True))
        if not hits:
            yield Failure(input=spec, error=InputError("T009", "the pattern matches no file", source=spec))
        for h in hits:
            yield from _expand(h)
    else:
        yield Failure(input=spec, error=InputError("T009", "no such file or folder", source=spec))


def _read_jsonl_file(path: Path, encoding: str, max_bytes: int) -> Iterator[Item | Failure]:
    try:
        fh = open_binary(path)
    except InputError as e:
        yield Failure(input=str(path), error=e)
        return
    with fh:
        yield from iter_jsonl_bytes(fh, str(path), encoding, max_bytes)


def _read_file(path: Path, encoding: str, max_bytes: int, csv_map: dict[str, str] | None,
               fetch: bool) -> Iterator[Item | Failure]:
    suffix = path.suffix.lower()
    if suffix in STREAMS:
        yield from _read_jsonl_file(path, encoding, max_bytes)
    elif suffix in TABLES:
        from .csvfile import iter_csv

        yield from iter_csv(path, csv_map or {}, max_bytes, encoding)
    elif suffix == ".warc" or path.name.lower().endswith(".warc.gz"):
        from .warc import iter_warc

        yield from iter_warc(path, max_bytes)
    elif suffix in FEEDS:
        from .feeds import iter_feed

        yield from iter_feed(str(path), fetch=fetch, max_bytes=max_bytes)
    elif suffix in READERS:
        try:
            yield READERS[suffix](path, max_bytes, encoding)
        except InputError as e:
            yield Failure(input=str(path), error=e)
    else:
        yield Failure(input=str(path), error=InputError(
            "T010", f"unsupported format {suffix or '(no extension)'}", source=str(path),
            hint=f"supported: {', '.join(sorted(KNOWN))}"))


def _guarded(name: str, reader: Iterator[Item | Failure]) -> Iterator[Item | Failure]:
    """The reader's items; if it breaks, one Failure for the rest of its input and the run goes on
    (the boundary where a reader bug must not become a lost run: anything it raises is caught)."""
    try:
        yield from reader
    except InputError as e:
        yield Failure(input=name, error=e)
    except Exception as e:  # a reader bug costs its file, logged with its traceback
        log.warning("reading %s failed", name, exc_info=True)
        yield Failure(input=name, error=InputError(
            "T012", f"the reader failed on this input ({type(e).__name__}: {e})", source=name,
            hint="please report this with the input"))


def iter_items(specs: Iterable[str], *, max_bytes: int, encoding: str = "utf-8",
               stdin: io.TextIOBase | None = None, csv_map: dict[str, str] | None = None,
               fetch: bool = False) -> Iterator[Item | Failure]:
    """Every input named, in order; unreadable ones as Failure so nothing goes unaccounted.
    URLs are read as feeds; their pages are fetched only when fetch is True."""
    for spec in specs:
        if spec.startswith(("http://", "https://")):
            from .feeds import iter_feed

            yield from _guarded(spec, iter_feed(spec, fetch=fetch, max_bytes=max_bytes))
            continue
        if spec == "-":
            if stdin is not None:
                yield from _guarded("<stdin>", iter_jsonl(stdin, "<stdin>", max_bytes))
            else:
                yield from _guarded("<stdin>", iter_jsonl_bytes(sys.stdin.buffer, "<stdin>", encoding, max_bytes))
            continue
        for path in _expand(spec):
            if isinstance(path, Failure):
                yield path
                continue
            yield from _guarded(str(path), _read_file(path, encoding, max_bytes, csv_map, fetch))


__all__ = ["iter_items", "decode"]
