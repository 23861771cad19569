"""Datelines: 'MOSUL, Iraq (Reuters) — ...' opens many wire reports. The place is where the report
was filed (the article's focus place) and the bracket names the outlet; neither is an actor."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span  # noqa: F401

from .sents import text_of

DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'\- ]{1,40}?|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    r"(?:,\s*(?P<region>[A-Z][\w.'\- ]{1,40}?))?"
    r"\s*(?:\((?P<outlet>[^)]{1,40})\))?\s*(?:—|–|--|-|:)\s")


def dateline(doc: Doc) -> dict[str, Span] | None:
    """The dateline's parts as spans ('place', and 'region' / 'outlet' when written), or None.
    Computed once per Doc (several stages ask)."""
    key = "tacitus_dateline"
    if key not in doc.user_data:
        doc.user_data[key] = _parse(doc)
    found = doc.user_data[key]
    return {k: doc[a:b] for k, (a, b) in found.items()} if found else None


def _parse(doc: Doc) -> dict[str, tuple[int, int]] | None:
    m = DATELINE.match(text_of(doc))
    if not m:
        return None
    out = {}
    for part in ("place", "region", "outlet"):
        if m.group(part):
            span = doc.char_span(m.start(part), m.end(part), alignment_mode="expand")
            if span is not None:
                out[part] = (span.start, span.end)
    return out or None
