"""The door every input passes once, before it is hashed, stored or parsed, whoever made it (a
reader, `extract_many`, the API): fields of the right type, text that is valid Unicode, within the
size limit; and, on the way out, dates a calendar can still compute with.

- A lone surrogate (a JSON escape like "\\udce9", a file name with a bad byte) cannot be written
  as UTF-8 and would stop the run wherever it is next encoded; each is replaced by U+FFFD. NULs
  and other control characters (but tab and line ends) are removed. Both are counted in the
  record's `errors` (T017), so the text the offsets point into is the text that was parsed.
- `text` missing is T006, empty T001, not a string T016 (as is any other field of the wrong
  type); over `max_bytes` in UTF-8, T004.
- Dates in a record are clamped into RECORD_RANGE (T008 in `errors`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from .dates_util import RECORD_RANGE
from .errors import InputError, TacitusError
from .ingest.items import Failure, Item

SURROGATE = re.compile("[\ud800-\udfff]")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SUSPECT = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
OPTIONAL = ("title", "url", "source")


def clean(s: str) -> tuple[str, int, int]:
    """`s` as valid Unicode without control characters, and how many characters were replaced
    (surrogates not forming a pair) and removed (controls)."""
    if not SUSPECT.search(s):
        return s, 0, 0
    replaced = 0
    if SURROGATE.search(s):  # a high and a low surrogate in a row are one character: keep it
        before = s.count("\ufffd")
        s = s.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        replaced = s.count("\ufffd") - before
    s, removed = CONTROL.subn("", s)
    return s, replaced, removed


def clean_error(f: Failure) -> Failure:
    """A Failure whose input name and message can be written as UTF-8."""
    text = str(f.error)
    if not SURROGATE.search(f.input + text + (f.id or "")):
        return f
    e = f.error
    err = type(e)(e.code, clean(e.detail)[0], source=clean(e.source)[0] if e.source else None, hint=e.hint)
    return Failure(input=clean(f.input)[0], error=err, id=clean(f.id)[0] if f.id else None)


def _fail(item: Item, code: str, message: str, hint: str | None = None) -> Failure:
    name = clean(str(item.input))[0]
    rid = clean(str(item.id))[0] if isinstance(item.id, str) else None
    return Failure(input=name, error=InputError(code, message, source=name, hint=hint), id=rid)


def _kind(v: object) -> str:
    return {dict: "an object", list: "a list", tuple: "a list", bool: "a boolean", int: "a number",
            float: "a number", bytes: "bytes"}.get(type(v), type(v).__name__)


def admit(x: Item | Failure, max_bytes: int) -> Item | Failure:
    """The input as it may enter: a checked, cleaned Item (a new one; the given one is not
    changed), or the Failure saying why not. An Item already admitted passes as it is."""
    if isinstance(x, Failure):
        return clean_error(x)
    if x.admitted:
        return x
    if x.text is None:
        return _fail(x, "T006", "the input has no text")
    if not isinstance(x.text, str):
        return _fail(x, "T016", f"field 'text' is {_kind(x.text)}, not a string")
    rid = x.id
    if rid is not None:
        if isinstance(rid, bool) or not isinstance(rid, (str, int)):
            return _fail(x, "T016", f"field 'id' is {_kind(rid)}, not a string")
        rid = str(rid)
    for k in OPTIONAL:
        v = getattr(x, k)
        if v is not None and not isinstance(v, str):
            return _fail(x, "T016", f"field '{k}' is {_kind(v)}, not a string")
    if x.published is not None and not isinstance(x.published, (str, dt.date)):
        return _fail(x, "T016", f"field 'published' is {_kind(x.published)}, not a date")
    fixed: dict[str, Any] = {}
    replaced = removed = 0
    for k, v in (("text", x.text), ("title", x.title), ("url", x.url), ("source", x.source), ("id", rid),
                 ("input", str(x.input)), ("published", x.published)):
        if isinstance(v, str):
            v, r, d = clean(v)
            replaced, removed = replaced + r, removed + d
        fixed[k] = v
    if not fixed["text"].strip():
        return Failure(input=fixed["input"], id=fixed["id"],
                       error=InputError("T001", "input is empty (no text)", source=fixed["input"]))
    size = len(fixed["text"])
    if size > max_bytes or (size * 4 > max_bytes and len(fixed["text"].encode("utf-8")) > max_bytes):
        return Failure(input=fixed["input"], id=fixed["id"], error=InputError(
            "T004", f"the text is over the {max_bytes / 1e6:.1f} MB limit", source=fixed["input"],
            hint="split it into articles, or raise the max_bytes setting"))
    problems = list(x.problems)
    if replaced or removed:
        said = [f"{replaced} character(s) that are not valid Unicode replaced with U+FFFD"] if replaced else []
        said += [f"{removed} control character(s) removed"] if removed else []
        problems.append({"code": "T017", "message": f"T017 {fixed['input']}: {'; '.join(said)}"})
    return dataclasses.replace(x, **fixed, problems=problems, admitted=True)


def error_text(e: TacitusError) -> str:
    """An error's message as it may be written out (UTF-8)."""
    return clean(str(e))[0]


# ---------------------------------------------------------------------- dates on the way out
ISO = re.compile(r"^(\d{4})(-\d{2})?(-\d{2})?")


def clamp(value: str | None) -> str | None:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD...) moved into RECORD_RANGE; others as they are."""
    if not isinstance(value, str) or not (m := ISO.match(value)):
        return value
    lo, hi = RECORD_RANGE
    year = int(m.group(1))
    if lo.year <= year <= hi.year:
        return value
    edge = lo if year < lo.year else hi
    return edge.isoformat()[:len(m.group(0))]


def clamp_dates(rec: dict[str, Any]) -> dict[str, Any]:
    """The record with every date clamped into RECORD_RANGE, saying so in its `errors`."""
    moved: list[str] = []

    def fix(d: dict | None, *keys: str) -> None:
        for k in keys:
            if d and d.get(k) is not None and (new := clamp(d[k])) != d[k]:
                moved.append(str(d[k]))
                d[k] = new

    fix(rec, "published")
    for e in rec.get("events") or ():
        fix(e.get("date"), "start", "end")
    for d in rec.get("dates") or ():
        fix(d, "start", "end")
    if moved:
        lo, hi = RECORD_RANGE
        rec.setdefault("errors", []).append({"code": "T008", "message": (
            f"T008 {rec.get('input') or rec.get('id')}: dates outside {lo} to {hi} clamped into that range: "
            + ", ".join(sorted(set(moved))[:5]))})
    return rec
