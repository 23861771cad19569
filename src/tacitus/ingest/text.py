"""Plain text: the title is the first line; the body starts after it and the blank lines that follow."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .guard import read_checked
from .items import Item


def split_title(raw: str) -> tuple[str | None, str]:
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    first, sep, rest = raw.partition("\n")
    if not sep:
        return None, raw
    return first.strip() or None, rest.lstrip("\n")


def read_text(path: Path, max_bytes: int, encoding: str) -> Item:
    title, body = split_title(read_checked(path, max_bytes, encoding))
    if not body.strip():
        raise InputError("T006", "no article text after the title line", source=str(path),
                         hint="a .txt article is a title line, a blank line, then the body")
    return Item(text=body, title=title, input=str(path))
