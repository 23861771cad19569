"""Sentence lookup by token, computed once per Doc. spaCy's Token.sent walks the parse each time
it is asked, which made sentence lookups the slowest part of the stages."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

KEY = "tacitus_sent_starts"
SPANS = "tacitus_sent_spans"  # the sentences as Spans, made once (a Span is a view: it can be shared)
TEXT = "tacitus_text"  # Doc.text, kept (set where a Doc is made from its text, else on first use)
PREFIX = "tacitus_"  # every per-Doc cache the stages keep in Doc.user_data has a key that starts so


def _starts(doc: Doc) -> list[int]:
    starts = doc.user_data.get(KEY)
    if starts is None:
        starts = [s.start for s in doc.sents]
        doc.user_data[KEY] = starts
    return starts


def sent_of(tok: Token) -> Span:
    doc = tok.doc
    starts = _starts(doc)
    k = bisect.bisect_right(starts, tok.i) - 1
    spans = doc.user_data.get(SPANS)
    if spans is None:
        spans = doc.user_data[SPANS] = [doc[s:e] for s, e in zip(starts, starts[1:] + [len(doc)], strict=True)]
    return spans[k]


def text_of(doc: Doc) -> str:
    """Doc.text, computed once: spaCy rebuilds it from every token on each access."""
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    return text


def forget(doc: Doc) -> None:
    """Drop the per-Doc caches before the Doc leaves the pipeline (they would travel with it)."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(PREFIX)]:
        del doc.user_data[key]


def offsets_of(doc: Doc) -> list[int]:
    """Each token's character offset, in order (for bisecting a character range into tokens)."""
    offsets = doc.user_data.get("tacitus_offsets")
    if offsets is None:
        offsets = doc.user_data["tacitus_offsets"] = [t.idx for t in tokens_of(doc)]
    return offsets


def span_at(doc: Doc, start: int, end: int) -> Span | None:
    """doc.char_span(start, end, alignment_mode="expand"), kept per Doc: the stages ask for the span
    of each trigger several times (a Span is a view: it can be shared)."""
    spans = doc.user_data.get("tacitus_char_spans")
    if spans is None:
        spans = doc.user_data["tacitus_char_spans"] = {}
    key = (start, end)
    if key not in spans:
        spans[key] = doc.char_span(start, end, alignment_mode="expand")
    return spans[key]


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """Doc.ents, made once: spaCy makes new Spans on each access (the stages do not change them)."""
    ents = doc.user_data.get("tacitus_ents")
    if ents is None:
        ents = doc.user_data["tacitus_ents"] = doc.ents
    return ents


def tokens_of(doc: Doc) -> list[Token]:
    """The Doc's tokens as a list, made once: iterating a Doc builds a new Token object each time."""
    toks = doc.user_data.get("tacitus_tokens")
    if toks is None:
        toks = list(doc)
        doc.user_data["tacitus_tokens"] = toks
    return toks
