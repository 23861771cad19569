"""From what the user named to a stream of items, format by format."""

from __future__ import annotations

import glob
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from .guard import decode, open_binary
from .html import read_html
from .items import Failure, Item
from .jsonl import iter_jsonl
from .text import read_text

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
        for n, raw in enumerate(fh, 1):
            src = f"{path}:{n}"
            try:
                line = raw.decode(encoding)
            except UnicodeDecodeError as e:
                yield Failure(input=src, error=InputError(
                    "T003", f"line is not valid {encoding} (offset {e.start})", source=src,
                    hint="re-encode the file or pass --encoding"))
                continue
            yield from iter_jsonl([line], src, max_bytes, first_line=n)


def iter_items(specs: Iterable[str], *, max_bytes: int, encoding: str = "utf-8",
               stdin: io.TextIOBase | None = None, csv_map: dict[str, str] | None = None,
               fetch: bool = False) -> Iterator[Item | Failure]:
    """Every input named, in order; unreadable ones as Failure so nothing goes unaccounted.
    URLs are read as feeds; their pages are fetched only when fetch is True."""
    for spec in specs:
        if spec.startswith(("http://", "https://")):
            from .feeds import iter_feed

            yield from iter_feed(spec, fetch=fetch)
            continue
        if spec == "-":
            stream = stdin if stdin is not None else io.TextIOWrapper(sys.stdin.buffer, encoding=encoding,
                                                                      errors="replace")
            yield from iter_jsonl(stream, "<stdin>", max_bytes)
            continue
        for path in _expand(spec):
            if isinstance(path, Failure):
                yield path
                continue
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

                yield from iter_feed(str(path), fetch=fetch)
            elif suffix in READERS:
                try:
                    yield READERS[suffix](path, max_bytes, encoding)
                except InputError as e:
                    yield Failure(input=str(path), error=e)
            else:
                yield Failure(input=str(path), error=InputError(
                    "T010", f"unsupported format {suffix or '(no extension)'}", source=str(path),
                    hint=f"supported: {', '.join(sorted(KNOWN))}"))


__all__ = ["iter_items", "decode"]
