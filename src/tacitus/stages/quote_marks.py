"""Quoted passages from quotation marks alone, in one pass over the text (no parse needed).

Every style news uses: curly “…” and ‘…’, straight "…", typewriter ``…'' and ''…'', guillemets «…»,
low „…“. A mark's glyph says which way it faces; where the glyph does not (straight marks) or
lies (”Fortunately… at a paragraph's start), its position does: after a space it opens, before a
space or punctuation it closes. Marks of another style inside an open quote are a quote within the
quote. A passage left open at a paragraph's end runs on when the next paragraph opens with a mark
of the same style (the convention for a quote over several paragraphs); otherwise the lone mark
was a stray, and the paragraph is read again after it. Linear in the text: each paragraph is
scanned at most MAX_RESCANS + 1 times."""

from __future__ import annotations

import re

from ..frozen import frozen

MARK = re.compile(r"``|''|[“”\"«»„‟‘’]|\n")
STYLE = {"“": "curly", "”": "curly", "„": "curly", "‟": "curly", "\"": "straight", "``": "tick", "''": "tick",
         "«": "angle", "»": "angle", "‘": "single", "’": "single"}
OPENERS = {"“", "„", "‟", "``", "«", "‘"}
CLOSERS = {"”", "»", "’", "''"}
CLOSES = {"curly": {"”", "“"}, "straight": {"\""}, "tick": {"''"}, "angle": {"»"}, "single": {"’"}}
MIXED = {"curly": ("straight",), "straight": ("curly",)}
LEFT = set(" \t([{—–-/") | {""}
RIGHT = set(" \t.,;:!?)]}—–-…/") | {""}
MAX_RESCANS = 3


@frozen
class Passage:
    """Quoted words: `fragments` are the (start, end) of the words inside the marks, one per
    paragraph the passage runs over; `outer` spans the marks themselves."""

    fragments: tuple[tuple[int, int], ...]
    outer: tuple[int, int]
    closed: bool = True


def _shape(text: str, i: int, j: int, lo: int, hi: int) -> tuple[bool, bool]:
    """(opens, closes) by position: a mark after a space opens, one before a space closes."""
    before = text[i - 1] if i > lo else ""
    after = text[j] if j < hi else ""
    return before in LEFT, after in RIGHT


def _scan(text: str, lo: int, hi: int, marks: list[tuple[int, int, str]], k0: int):
    """Pairs the marks of one paragraph from index k0: (closed spans, the mark left open or None).
    A span is (opening mark start, content start, content end, closing mark end). A straight mark
    may close a curly quote and a curly one a straight quote (writers mix them), unless a quote of
    that style was opened inside."""
    spans: list[tuple[int, int, int, int]] = []
    open_at: tuple[int, int, str] | None = None
    style = ""
    nested: set[str] = set()
    for i, j, g in marks[k0:]:
        left, right = _shape(text, i, j, lo, hi)
        if open_at is None:
            s = STYLE[g]
            if s == "single" and (g != "‘" or not left):
                continue  # an apostrophe, or a closing single mark with nothing open
            if g in CLOSERS and not (left and not right) and not (i == lo and g == "”"):
                continue  # a closing mark with nothing open (but '” … he said' opens a paragraph)
            if g not in OPENERS and right and not left:
                continue  # a straight mark after a word ('6\'3" tall'): not an opening
            open_at, style, nested = (i, j, g), s, set()
            continue
        if i <= open_at[1]:
            continue
        s = STYLE[g]
        closes = g in CLOSES[style] and (g in CLOSERS or right or not left)
        if not closes and s != style and s in MIXED.get(style, ()) and right and not left and s not in nested:
            closes = True
        if closes:
            if style == "single" and j < hi and text[j].isalpha():
                continue  # 'rock ’n’ roll'
            spans.append((open_at[0], open_at[1], i, j))
            open_at = None
        elif s != style and s != "single":
            if left and not right:
                nested.add(s)
            elif right and not left:
                nested.discard(s)
    return spans, open_at


def _pair(text: str, lo: int, hi: int, marks: list[tuple[int, int, str]], reopens: str | None):
    """A paragraph's spans and the mark left open there when the next paragraph reopens a quote of
    its style (`reopens`); any other mark left open was a stray, and the marks after it are paired
    again (at most MAX_RESCANS times)."""
    k0, kept = 0, []
    for _ in range(MAX_RESCANS + 1):
        spans, open_at = _scan(text, lo, hi, marks, k0)
        if open_at is None or STYLE[open_at[2]] == reopens:
            return kept + spans, open_at
        kept += [s for s in spans if s[3] <= open_at[0]]
        k0 = next(k for k, mk in enumerate(marks) if mk[0] == open_at[0]) + 1
    return kept, None


def _paragraphs(text: str) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """(start, end, marks) of each non-blank line."""
    paras = []
    lo = 0
    cur: list[tuple[int, int, str]] = []
    for m in MARK.finditer(text):
        if m.group() == "\n":
            paras.append((lo, m.start(), cur))
            lo, cur = m.end(), []
        else:
            cur.append((m.start(), m.end(), m.group()))
    paras.append((lo, len(text), cur))
    return [p for p in paras if text[p[0]:p[1]].strip()]


def _opening(text: str, para: tuple[int, int, list]) -> tuple[int, int, str] | None:
    """The mark a paragraph opens with, if its first non-space character is an opening one."""
    lo, _hi, marks = para
    if not marks or text[lo:marks[0][0]].strip():
        return None
    g = marks[0][2]
    return marks[0] if g in OPENERS or g in ("\"", "''") or g == "”" else None


def passages(text: str) -> list[Passage]:
    """Every quoted passage of the text, in text order."""
    out: list[Passage] = []
    paras = _paragraphs(text)
    running: tuple[int, list[tuple[int, int]]] | None = None  # a passage over paragraphs: start, fragments
    for n, para in enumerate(paras):
        lo, hi, marks = para
        first = _opening(text, para)
        nxt = _opening(text, paras[n + 1]) if n + 1 < len(paras) else None
        spans, open_at = _pair(text, lo, hi, marks, STYLE[nxt[2]] if nxt else None)
        if running is not None:
            if spans and first and spans[0][0] == first[0]:  # the passage closes in this paragraph
                s = spans.pop(0)
                out.append(Passage(tuple(running[1]) + ((s[1], s[2]),), (running[0], s[3])))
                running = None
            elif not (open_at and first and open_at[0] == first[0] and not spans):
                out.append(Passage(tuple(running[1]), (running[0], running[1][-1][1]), closed=False))
                running = None
        out += [Passage(((s[1], s[2]),), (s[0], s[3])) for s in spans if s[2] > s[1]]
        if open_at is not None:
            end = hi
            while end > open_at[1] and text[end - 1].isspace():
                end -= 1
            if running is None:
                running = (open_at[0], [])
            running[1].append((open_at[1], end))
    if running is not None:
        out.append(Passage(tuple(running[1]), (running[0], running[1][-1][1]), closed=False))
    return sorted(out, key=lambda p: p.outer)
