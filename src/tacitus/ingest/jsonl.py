"""JSONL records: id, text, and optionally title, published, url, source; other keys are ignored.

Each line is read (never more than the size limit of it), decoded and parsed on its own: a bad
byte is T003, JSON that does not parse (at any depth of nesting) T005, a field of the wrong type
T016 naming the field; the next line is read all the same."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from ..errors import InputError
from .guard import BAD_BYTE, ascii_compatible, bounded_lines, utf8_copy
from .items import Failure, Item

OPTIONAL = ("title", "published", "url", "source")
BLANK = " \t\r\n"  # JSON's whitespace (str.strip would also take \x1c-\x1f and \x0b as blank)


def _kind(v: object) -> str:
    return {dict: "an object", list: "a list", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(v), type(v).__name__)


def _wrong(field: str, value: object, source: str, rid: str | None) -> Failure:
    return Failure(input=source, id=rid, error=InputError(
        "T016", f"field '{field}' is {_kind(value)}, not a string", source=source,
        hint=f"give '{field}' as a JSON string" + (" (or leave it out)" if field != "text" else "")))


def parse_record(line: str, source: str, max_bytes: int) -> Item | Failure:
    """The Item one JSONL line describes, or the Failure saying why it cannot be read."""
    if len(line) > max_bytes:
        return Failure(input=source, error=InputError(
            "T004", f"record is {len(line) / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit", source=source,
            hint="raise the max_bytes setting"))
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        return Failure(input=source, error=InputError("T005", f"not valid JSON: {e.msg} at column {e.colno}",
                                                      source=source, hint="each line must be one JSON object"))
    except RecursionError:
        return Failure(input=source, error=InputError("T005", "not readable JSON: nested too deeply", source=source,
                                                      hint="each line must be one flat JSON object"))
    except ValueError as e:  # e.g. an integer with more digits than Python converts
        return Failure(input=source, error=InputError("T005", f"not readable JSON: {e}", source=source))
    if not isinstance(rec, dict):
        return Failure(input=source, error=InputError("T005", f"a JSON {_kind(rec).split()[-1]}, not an object",
                                                      source=source, hint="each line must be one JSON object"))
    rid = rec.get("id")
    if rid is not None and (isinstance(rid, bool) or not isinstance(rid, (str, int))):
        return _wrong("id", rid, source, None)
    rid = str(rid) if rid is not None else None
    text = rec.get("text")
    if text is not None and not isinstance(text, str):
        return _wrong("text", text, source, rid)
    if not text or not text.strip():
        return Failure(input=source, id=rid, error=InputError(
            "T006", "record has no 'text' (or it is empty)", source=source + (f" id={rid}" if rid else "")))
    for k in OPTIONAL:
        if rec.get(k) is not None and not isinstance(rec[k], str):
            return _wrong(k, rec[k], source, rid)
    return Item(text=text, id=rid, title=rec.get("title"), published=rec.get("published"), url=rec.get("url"),
                source=rec.get("source"), input=source)


def iter_jsonl(lines: Iterable[str], name: str, max_bytes: int) -> Iterator[Item | Failure]:
    """Items from JSONL text lines, each named `name:line`."""
    for n, line in enumerate(lines, 1):
        if line.strip(BLANK):
            yield parse_record(line, f"{name}:{n}", max_bytes)


def iter_jsonl_bytes(fh: BinaryIO, name: str, encoding: str, max_bytes: int) -> Iterator[Item | Failure]:
    """Items from a binary JSONL stream (a file, stdin), each line decoded on its own; a stream
    with no record at all is one T001 Failure named `name`."""
    seen = False
    codec, errors = encoding, "strict"
    if not ascii_compatible(encoding):
        fh, codec, errors = utf8_copy(fh, encoding), "utf-8", "surrogatepass"
    for n, raw in bounded_lines(fh, max_bytes):
        src = f"{name}:{n}"
        if raw is None:
            seen = True
            yield Failure(input=src, error=InputError("T004", f"record is over the {max_bytes / 1e6:.1f} MB limit",
                                                      source=src, hint="raise the max_bytes setting"))
            continue
        bad = None
        try:
            line = raw.decode(codec, errors)
            if errors != "strict" and (m := BAD_BYTE.search(line)):
                bad = (ord(m.group()) - 0xDC00, m.start())
        except UnicodeDecodeError as e:
            bad = (raw[e.start], e.start)
        if bad is not None:
            seen = True
            yield Failure(input=src, error=InputError(
                "T003", f"line is not valid {encoding} (byte 0x{bad[0]:02x} at offset {bad[1]})", source=src,
                hint="re-encode the file or pass --encoding"))
            continue
        if line.strip(BLANK):
            seen = True
            yield parse_record(line, src, max_bytes)
    if not seen:
        yield Failure(input=name, error=InputError("T001", "input is empty (no JSONL record)", source=name))
