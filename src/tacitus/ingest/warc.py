"""WARC archives: each HTTP response with an HTML body becomes an article (trafilatura).

A response cut short (its body ends before its Content-Length) fails on its own (T005); an archive
that ends inside a record, or breaks, leaves one Failure after the records read before it; an
archive with no HTML response at all is one T007 Failure, so every archive leaves a trace."""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .guard import open_binary
from .html import from_html
from .items import Failure, Item


def iter_warc(path: Path, max_bytes: int) -> Iterator[Item | Failure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    name = str(path)
    try:
        fh = open_binary(path)
        size = os.fstat(fh.fileno()).st_size
    except (InputError, OSError) as e:
        yield Failure(input=name, error=e if isinstance(e, InputError) else InputError("T014", str(e), source=name))
        return
    if size == 0:
        fh.close()
        yield Failure(input=name, error=InputError("T001", "input is empty (0 bytes)", source=name))
        return
    yielded = 0
    n = 0
    skipped = None  # the last record passed over unread: only once past it can its length be checked
    with fh:
        records = ArchiveIterator(fh)
        try:
            for n, rec in enumerate(records, 1):
                if _cut(skipped):
                    yielded += 1
                    yield _truncated(f"{path}#{n - 1}")
                got = _response(rec, f"{path}#{n}", max_bytes)
                skipped = rec if got is None else None
                if got is not None:
                    yielded += 1
                    yield got
            ended = records.offset
        # warcio raises these (an AttributeError among them) on records cut inside their headers
        except (ArchiveLoadFailed, StatusAndHeadersParserException, AttributeError, ValueError, EOFError, OSError,
                zlib.error) as e:
            src = f"{path}#{n + 1}"
            yield Failure(input=src, error=InputError(
                "T005", f"the archive is damaged or truncated after record {n} ({type(e).__name__})", source=src))
            return
    if _cut(skipped):
        yield _truncated(f"{path}#{n}")
    elif ended < size or not _gzip_whole(path):
        src = f"{path}#{n + 1}"
        yield Failure(input=src, error=InputError(
            "T005", f"the archive is truncated or damaged after record {n} (at byte {ended} of {size})", source=src))
    elif not yielded:
        yield Failure(input=name, error=InputError("T007", "the archive holds no HTML response", source=name))


def _gzip_whole(path: Path) -> bool:
    """Whether a gzipped archive ends with a whole gzip member (True for one not gzipped): warcio
    reads a member cut inside its trailer as whole, and the records after the cut leave no trace."""
    import gzip

    with open(path, "rb") as fh:
        if fh.read(2) != b"\x1f\x8b":
            return True
    try:
        with gzip.open(path, "rb") as gz:
            while gz.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error):
        return False
    return True


def _cut(rec) -> bool:
    """Whether a record read through holds fewer bytes than it announced."""
    return rec is not None and getattr(rec.raw_stream, "limit", 0) > 0


def _truncated(src: str) -> Failure:
    return Failure(input=src, error=InputError("T005", "the record is truncated", source=src))


def _response(rec, src: str, max_bytes: int) -> Item | Failure | None:
    """The article of one WARC record, its Failure, or None for a record that is not an HTML page."""
    if rec.length is None:  # every WARC record says its length; a header cut short does not
        return Failure(input=src, error=InputError("T005", "the record is truncated or damaged (no length)",
                                                   source=src))
    if rec.rec_type != "response" or not rec.http_headers:
        return None
    ctype = rec.http_headers.get_header("Content-Type") or ""
    if "html" not in ctype.lower():
        return None
    url = rec.rec_headers.get_header("WARC-Target-URI")
    body = rec.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return Failure(input=src, error=InputError("T004", "response body over the size limit", source=src))
    if _cut(rec):  # bytes the record announced and the file does not hold
        return _truncated(src)
    try:
        item = from_html(body, src, url=url)
    except InputError as e:
        return Failure(input=src, error=e)
    item.published = item.published or (rec.rec_headers.get_header("WARC-Date") or "")[:10] or None
    return item
