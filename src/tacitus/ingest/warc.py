"""WARC archives: each HTTP response with an HTML body becomes an article (trafilatura)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .guard import open_binary
from .html import from_html
from .items import Failure, Item


def iter_warc(path: Path, max_bytes: int) -> Iterator[Item | Failure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        fh = open_binary(path)
    except InputError as e:
        yield Failure(input=str(path), error=e)
        return
    with fh:
        try:
            for n, rec in enumerate(ArchiveIterator(fh), 1):
                if rec.rec_type != "response" or not rec.http_headers:
                    continue
                ctype = rec.http_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI")
                src = f"{path}#{n}"
                body = rec.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield Failure(input=src, error=InputError("T004", "response body over the size limit", source=src))
                    continue
                try:
                    item = from_html(body, src, url=url)
                except InputError as e:
                    yield Failure(input=src, error=e)
                    continue
                item.published = item.published or (rec.rec_headers.get_header("WARC-Date") or "")[:10] or None
                yield item
        except ArchiveLoadFailed as e:
            yield Failure(input=str(path), error=InputError("T005", f"not a readable WARC file: {e}", source=str(path)))
