"""Datelines: 'MOSUL, Iraq (Reuters) — ...' opens many wire reports. The place is where the report
was filed (the article's focus place) and the bracket names the outlet; neither is an actor."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'\- ]{1,40}?|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    r"(?:,\s*(?P<region>[A-Z][\w.'\- ]{1,40}?))?"
    r"\s*(?:\((?P<outlet>[^)]{1,40})\))?\s*(?:—|–|--| - |:)\s")


def dateline(doc: Doc) -> dict[str, Span] | None:
    """The dateline's parts as spans ('place', and 'region' / 'outlet' when written), or None."""
    m = DATELINE.match(doc.text)
    if not m:
        return None
    out = {}
    for part in ("place", "region", "outlet"):
        if m.group(part):
            span = doc.char_span(m.start(part), m.end(part), alignment_mode="expand")
            if span is not None:
                out[part] = span
    return out or None
