"""Hostile inputs for the fuzz suite (tests/test_fuzz.py) and benchmarks/fuzz.py: seeded, in every
format tacitus reads, made the way a broken crawl, a bad export or a hostile page would make them
(bad bytes, lone surrogates, NULs, deep nesting, wrong types, unterminated quotes, truncation,
calendar-end dates, run-on text), and the checks that a run over them accounted for each input
exactly once. Also a poller of a process tree's memory (the -j N workers included)."""

from __future__ import annotations

import io
import json
import os
import random
import threading
import time
from dataclasses import dataclass
from pathlib import Path

FORMATS = ("txt", "html", "jsonl", "csv", "tsv", "warc", "warc.gz", "rss", "atom", "stdin")
GOOD = ["Rebels attacked an army base near Gao on Monday, killing four soldiers, officials said.",
        "Police arrested 30 protesters in Nairobi on Friday, a spokesman told Reuters.",
        "Israeli jets struck targets in Gaza overnight, the army said in a statement.",
        "\"We will not leave,\" said Amina Diallo, a teacher in Bamako, after the attack.",
        "Houthi rebels fired a missile at a ship in the Red Sea on Tuesday, the U.S. military said."]
ODD = ["\udce9", "\ud800", "\x00", "\x07", "\x1b[31m", "\u202e", "\u200b", "\ufeff", "\U0001f600", "\uffff",
       "e\u0301" * 50, "\u2028", "\r", "\t\t", "&#0;", "&#xD800;", "<script>alert(1)</script>", "=HYPERLINK(\"x\")",
       "9999-12-31", "0001-01-01", "December 31, 9999", "two years ago", "'; DROP TABLE events; --", "../../etc",
       "9" * 400, "Monday " * 60, "\"He said " * 80, "x-" * 400, "a" * 3000, "\n" * 300, ". " * 300, "é" * 500]
DATES = [None, "2024-05-06", "9999-12-31", "0001-01-01", "2024-02-30", "yesterday", "", "9" * 200, 20240506,
         "Sun, 07 Jan 2024 10:00:00 GMT", "0000-00-00", "2024-13-01", "1970-01-01T00:00:00Z", ["2024"]]


def text(rng: random.Random, odd: float = 0.5) -> str:
    """A short article, odd bits mixed in."""
    parts = [rng.choice(GOOD) for _ in range(rng.randint(0, 4))]
    while rng.random() < odd:
        parts.insert(rng.randint(0, len(parts)), rng.choice(ODD))
    return rng.choice([" ", "\n\n", "", "\n"]).join(parts)


def _junk(rng: random.Random, n: int) -> bytes:
    return bytes(rng.getrandbits(8) for _ in range(n))


def _mangle(rng: random.Random, data: bytes) -> bytes:
    """Bytes as a bad disk, a bad export or a cut download leaves them."""
    r = rng.random()
    if not data or r < 0.55:
        return data
    if r < 0.7:
        return data[:rng.randint(0, len(data))]
    if r < 0.8:
        i = rng.randint(0, len(data) - 1)
        return data[:i] + rng.choice([b"\xff", b"\xc3", b"\x00", b"\xed\xa0\x80", b"\x80\x80"]) + data[i:]
    if r < 0.9:
        return data + _junk(rng, rng.randint(1, 64))
    return _junk(rng, rng.randint(0, 200))


def _field(rng: random.Random, good: object) -> object:
    r = rng.random()
    if r < 0.8:
        return good
    return rng.choice([None, 7, 1.5, True, [], {"a": 1}, ["x"], "", "\udce9", "\x00"])


def jsonl(rng: random.Random) -> bytes:
    lines = []
    for i in range(rng.randint(0, 6)):
        r = rng.random()
        if r < 0.1:
            lines.append("[" * rng.choice([10, 3000, 50_000]) + "]" * 10)
        elif r < 0.18:
            lines.append(rng.choice(["{not json", "[1, 2]", "null", '"text"', '{"text": "x", "n": ' + "9" * 5000 + "}",
                                     "", "   ", '{"text": "a\\ud800b"}', '{"text": "\\u0000 NUL"}']))
        else:
            rec = {"id": _field(rng, f"r{i}" if rng.random() < 0.8 else "same"), "text": _field(rng, text(rng)),
                   "title": _field(rng, rng.choice(GOOD)[:30]), "published": rng.choice(DATES),
                   "url": _field(rng, "https://news.example/a"), "source": _field(rng, "Wire")}
            lines.append(json.dumps(rec))
    return _mangle(rng, "\n".join(lines).encode("utf-8", "surrogatepass") + rng.choice([b"\n", b""]))


def table(rng: random.Random, sep: str) -> bytes:
    cols = rng.choice([["id", "title", "text"], ["guid", "headline", "body", "date"], ["a", "b"], ["text"]])
    out = io.StringIO()
    out.write(rng.choice(["", "\ufeff"]) + sep.join(cols) + "\n")
    for i in range(rng.randint(0, 8)):
        cells = []
        for c in cols:
            v = text(rng) if c in ("text", "body") else f"{c}{i}"
            r = rng.random()
            if r < 0.15:
                v = '"' + v  # a quote never closed
            elif r < 0.3:
                v = '"' + v.replace('"', '""') + '"'
            elif r < 0.35:
                v = '"' + "line\n" * rng.randint(1, 50) + '"'
            cells.append(v)
        out.write(sep.join(cells) + rng.choice(["\n", "\r\n", "\n\n"]))
    return _mangle(rng, out.getvalue().encode("utf-8", "surrogatepass"))


def txt(rng: random.Random) -> bytes:
    body = rng.choice(GOOD)[:40] + "\n\n" + text(rng)
    if rng.random() < 0.1:
        body = rng.choice(["", "Title only", "\n\n\n", "Title\n\n   "])
    enc = rng.choice(["utf-8", "utf-8", "utf-8", "latin-1", "utf-16"])
    return _mangle(rng, body.encode(enc, "replace") if enc != "utf-8" else body.encode("utf-8", "surrogatepass"))


def html(rng: random.Random) -> bytes:
    r = rng.random()
    if r < 0.1:
        page = "<div>" * rng.choice([500, 5000, 30000]) + rng.choice(GOOD)
    elif r < 0.2:
        page = rng.choice(["", "<html></html>", "<script>" + "x" * 5000, "<html><body><p>", "<<<<>>>>", "&" * 2000])
    else:
        paras = "".join(f"<p>{text(rng)}</p>" for _ in range(rng.randint(1, 4)))
        page = f"<html><head><title>{rng.choice(GOOD)[:30]}</title></head><body><article>{paras}</article></body></html>"
    return _mangle(rng, page.encode("utf-8", "surrogatepass"))


def warc(rng: random.Random, gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for i in range(rng.randint(0, 4)):
        ctype = rng.choice(["text/html", "text/html; charset=utf-8", "image/png", "application/json", ""])
        body = html(rng) if "html" in ctype else _junk(rng, rng.randint(0, 300))
        headers = StatusAndHeaders(rng.choice(["200 OK", "404 Not Found", "301 Moved"]),
                                   [("Content-Type", ctype)] if ctype else [], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://x.example/{i}", rng.choice(["response", "response", "request"]),
                                            payload=io.BytesIO(body), http_headers=headers))
    return _mangle(rng, buf.getvalue())


def feed(rng: random.Random, atom: bool) -> bytes:
    items = []
    for i in range(rng.randint(0, 5)):
        t = text(rng).replace("&", "&amp;").replace("<", "&lt;")
        if atom:
            items.append(f"<entry><title>T{i}</title><id>e{i}</id><updated>{rng.choice(DATES)}</updated>"
                         f"<summary>{t}</summary></entry>")
        else:
            items.append(f"<item><title>T{i}</title><guid>g{i}</guid><pubDate>{rng.choice(DATES)}</pubDate>"
                         f"<description>{t}</description></item>")
    if rng.random() < 0.05:  # entities that expand (expat refuses the billion laughs)
        bomb = '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        items.append("<item><description>&b;&b;</description></item>")
    else:
        bomb = ""
    if atom:
        doc = f'<?xml version="1.0"?>{bomb}<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>{"".join(items)}</feed>'
    else:
        doc = f'<?xml version="1.0"?>{bomb}<rss version="2.0"><channel><title>F</title>{"".join(items)}</channel></rss>'
    return _mangle(rng, doc.encode("utf-8", "surrogatepass"))


SUFFIX = {"txt": ".txt", "html": ".html", "jsonl": ".jsonl", "csv": ".csv", "tsv": ".tsv", "warc": ".warc",
          "warc.gz": ".warc.gz", "rss": ".rss", "atom": ".atom", "stdin": ".jsonl"}


def make(fmt: str, rng: random.Random) -> bytes:
    return {"txt": txt, "html": html, "jsonl": jsonl, "stdin": jsonl, "csv": lambda r: table(r, ","),
            "tsv": lambda r: table(r, "\t"), "warc": lambda r: warc(r, False), "warc.gz": lambda r: warc(r, True),
            "rss": lambda r: feed(r, False), "atom": lambda r: feed(r, True)}[fmt](rng)


@dataclass
class Case:
    path: Path
    fmt: str


def write(folder: Path, fmt: str, n: int, seed: int) -> list[Case]:
    """n hostile files of one format in `folder` (seeded: the same seed writes the same bytes)."""
    rng = random.Random(f"{fmt}-{seed}")
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        p = folder / f"{fmt.replace('.', '_')}-{i:05d}{SUFFIX[fmt]}"
        p.write_bytes(make(fmt, rng))
        out.append(Case(p, fmt))
    return out


# ---------------------------------------------------------------------- checks
def owner(name: str, files: set[str]) -> str | None:
    """The file an accounted input belongs to: the file itself, or one of its records (file:line, file#n)."""
    if name in files:
        return name
    for sep in (":", "#"):
        head = name.rsplit(sep, 1)[0]
        if head in files:
            return head
    return None


def unaccounted(files: list[Path], inputs: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(files with no trace, inputs accounted for twice, inputs that belong to no file)."""
    names = {str(f) for f in files}
    seen: dict[str, int] = {}
    stray = []
    hit = set()
    for name in inputs:
        seen[name] = seen.get(name, 0) + 1
        o = owner(name, names)
        if o is None:
            stray.append(name)
        else:
            hit.add(o)
    return sorted(names - hit), sorted(k for k, v in seen.items() if v > 1), stray


def jsonl_lines_missing(path: Path, inputs: set[str], max_bytes: int) -> list[int]:
    """JSONL lines (not blank) with no record of their own, for a file that has any record."""
    data = path.read_bytes()
    lines = data.split(b"\n")
    if data.endswith(b"\n"):
        lines = lines[:-1]
    want = [n for n, raw in enumerate(lines, 1) if raw.strip(b" \t\r\n") or len(raw) > max_bytes]
    if not want:
        return []
    return [n for n in want if f"{path}:{n}" not in inputs]


class TreeMemory:
    """The largest total resident memory a process and all its descendants reached, polled."""

    def __init__(self, pid: int, every: float = 0.05):
        self.pid, self.every, self.peak_mb = pid, every, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def _poll(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self._stop.is_set():
            total = 0
            for pid in self._tree():
                try:
                    with open(f"/proc/{pid}/statm") as fh:
                        total += int(fh.read().split()[1]) * page
                except (OSError, ValueError, IndexError):
                    pass
            self.peak_mb = max(self.peak_mb, total / 2**20)
            time.sleep(self.every)

    def _tree(self) -> list[int]:
        parents: dict[int, list[int]] = {}
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    with open(f"/proc/{d}/stat") as fh:
                        ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
                parents.setdefault(ppid, []).append(int(d))
        out, todo = [], [self.pid]
        while todo:
            p = todo.pop()
            out.append(p)
            todo += parents.get(p, [])
        return out

    def stop(self) -> float:
        self._stop.set()
        self._thread.join(timeout=5)
        return self.peak_mb

