"""HTML pages: main text, title, date and outlet through trafilatura."""

from __future__ import annotations

from pathlib import Path

import trafilatura

from ..errors import InputError
from .guard import check_size
from .items import Item


def from_html(html: str | bytes, source: str, url: str | None = None) -> Item:
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          favor_precision=True)
    except (ValueError, TypeError) as e:  # trafilatura raises these on markup it cannot parse
        raise InputError("T007", f"HTML could not be parsed: {e}", source=source) from e
    if doc is None:
        raise InputError("T007", "no main text found in the HTML", source=source,
                         hint="the page may be empty, a login wall or a script-only page")
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (d.get("text") or "").strip()
    if not text:
        raise InputError("T007", "no main text found in the HTML", source=source)
    return Item(text=text, title=d.get("title"), published=d.get("date"), url=d.get("url") or url,
                source=d.get("sitename") or d.get("hostname"), input=source)


def read_html(path: Path, max_bytes: int, encoding: str) -> Item:
    check_size(path, max_bytes)
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise InputError("T002", "input contains NUL bytes: it looks binary, not HTML", source=str(path))
    return from_html(data, str(path))
