"""Checks every reader applies before parsing: size, emptiness, binary content, encoding."""

from __future__ import annotations

import io
import os
import re
import tempfile
from pathlib import Path

from ..errors import InputError

BAD_BYTE = re.compile("[\udc80-\udcff]")  # what a byte not in the encoding decodes to (surrogateescape)


def check_size(path: Path, max_bytes: int) -> None:
    try:
        size = os.stat(path).st_size
    except OSError as e:
        raise InputError("T014", f"cannot read: {e.strerror}", source=str(path)) from e
    if size == 0:
        raise InputError("T001", "input is empty (0 bytes)", source=str(path))
    if size > max_bytes:
        raise InputError("T004", f"input is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit",
                         source=str(path), hint="split it into articles, or raise the max_bytes setting")


def decode(data: bytes, source: str, encoding: str = "utf-8") -> str:
    """Bytes to text, refusing binary data and text that is not in the expected encoding."""
    if not data.strip():
        raise InputError("T001", "input is empty", source=source)
    if b"\x00" in data[:8192]:
        raise InputError("T002", "input contains NUL bytes: it looks binary, not text", source=source,
                         hint="give tacitus text, HTML, JSONL, CSV or WARC files")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError("T003", f"not valid {encoding} (byte 0x{data[e.start]:02x} at offset {e.start})",
                         source=source,
                         hint="re-encode it (e.g. iconv -f cp1252 -t utf-8) or pass --encoding") from e
    except LookupError as e:
        raise InputError("T013", f"unknown encoding {encoding!r}", source=source) from e
    return text.removeprefix("\ufeff")


def read_checked(path: Path, max_bytes: int, encoding: str = "utf-8") -> str:
    check_size(path, max_bytes)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError("T014", f"cannot read: {e.strerror}", source=str(path)) from e
    return decode(data, str(path), encoding)


def ascii_compatible(encoding: str) -> bool:
    """Whether newlines, quotes and separators are the single ASCII bytes in this encoding (so a
    file can be split into lines and records before it is decoded); T013 for an unknown encoding."""
    try:
        return "\n\r\t\",{}[]".encode(encoding) == b"\n\r\t\",{}[]"
    except LookupError as e:
        raise InputError("T013", f"unknown encoding {encoding!r}", hint="pass a Python codec name with --encoding") from e


def bounded_lines(fh, limit: int):
    """(line number, bytes) for each line of a binary stream, never holding more than `limit`
    bytes of one line: a longer line comes as (line number, None), its rest skipped unread."""
    n = 0
    while raw := fh.readline(limit + 1):
        n += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := fh.readline(1 << 16)) and not rest.endswith(b"\n"):
                pass
            yield n, None
            continue
        yield n, raw


def utf8_copy(fh, encoding: str):
    """A stream in an encoding whose newlines and quotes are not single ASCII bytes (UTF-16, as
    Excel writes it) copied to a temporary UTF-8 file, a bad byte kept as its surrogate escape
    (read it back with errors='surrogatepass'), so it can be split into lines like any other."""
    tmp = tempfile.TemporaryFile()
    text = io.TextIOWrapper(fh, encoding=encoding, errors="surrogateescape", newline="")
    while chunk := text.read(1 << 16):
        tmp.write(chunk.encode("utf-8", "surrogatepass"))
    text.detach()
    tmp.seek(0)
    return tmp


def open_binary(path: Path):
    """The file opened for reading, or InputError T014 naming it and why."""
    try:
        return path.open("rb")
    except OSError as e:
        raise InputError("T014", f"cannot read: {e.strerror}", source=str(path)) from e
