"""JSONL records: id, text, and optionally title, published, url, source; other keys are ignored."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator

from ..errors import InputError
from .items import Failure, Item


def parse_record(line: str, source: str, max_bytes: int) -> Item:
    if len(line) > max_bytes:
        raise InputError("T004", f"record is {len(line) / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit",
                         source=source, hint="raise the max_bytes setting")
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError("T005", f"not valid JSON: {e.msg} at column {e.colno}", source=source,
                         hint="each line must be one JSON object") from e
    if not isinstance(rec, dict):
        raise InputError("T005", f"a JSON {type(rec).__name__}, not an object", source=source)
    text = rec.get("text")
    rid = rec.get("id")
    if not isinstance(text, str) or not text.strip():
        raise InputError("T006", "record has no 'text' (or it is empty)", source=source + (f" id={rid}" if rid else ""))
    return Item(text=text, id=str(rid) if rid is not None else None, title=rec.get("title"),
                published=rec.get("published"), url=rec.get("url"), source=rec.get("source"), input=source)


def iter_jsonl(lines: Iterable[str], name: str, max_bytes: int, first_line: int | None = None
               ) -> Iterator[Item | Failure]:
    """Items from JSONL lines; `name` names the stream, or the line itself when first_line is given."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        src = name if first_line is not None else f"{name}:{n}"
        try:
            yield parse_record(line, src, max_bytes)
        except InputError as e:
            rid = None
            with contextlib.suppress(json.JSONDecodeError, AttributeError):  # the id, where one can be read
                rid = json.loads(line).get("id")
            yield Failure(input=src, error=e, id=str(rid) if rid is not None else None)
