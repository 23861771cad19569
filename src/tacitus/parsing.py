"""The spaCy parse in bounded pieces, so that its memory stays flat whatever an article's length.

spaCy's parser and NER take memory by the token (about 1 GB per 100,000 characters of prose, and
more than a token's share on one long run-on text). So a long article is cut into pieces of at
most SEGMENT_CHARS characters and SEGMENT_TOKENS tokens (after a blank line where one falls near
the limit, else after a line end, a sentence end or a space), the pieces are parsed in batches
of at most BATCH_TOKENS, and joined back into one Doc (`Doc.from_docs`) whose text is the
article's text exactly, so every offset the stages write is relative to the whole text. The
stages then run on that one Doc, as on any other. An article no longer than one piece is parsed
as it always was."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from .nlp.sents import TEXT

SEGMENT_CHARS = 20_000
SEGMENT_TOKENS = 5_000
BATCH_TOKENS = 10_000
BATCH_CHARS = 50_000  # text per group of articles (the pipeline's), about BATCH_TOKENS of prose
MAX_TOKENS = 500_000  # the stages hold the whole Doc: more tokens than 2 MB of prose has fail (T004)
PIECE = "tacitus_piece"  # Doc.user_data key: (seq, piece number, whether it is the last)
ATTRS = list(Doc._get_array_attrs())  # what Doc.from_docs carries over: tags, parse, entities, sentences

_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)]*\s+"), re.compile(r"\s+"))


def segments(text: str, limit: int = SEGMENT_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces that cover `text` in order, each at most `limit` characters."""
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        end = start + limit
        window_from = start + limit // 2
        cut = None
        for pattern in _BREAKS:  # the last break of the best kind in the piece's second half
            for m in pattern.finditer(text, window_from, end):
                cut = m.end()
            if cut is not None:
                break
        out.append((start, cut if cut is not None and cut > start else end))
        start = out[-1][1]
    out.append((start, n))
    return out


def split_pipeline(nlp: Language, stage_names: Iterable[str], piecewise: Iterable[str] = ()) -> tuple[list[str],
                                                                                                    list[str]]:
    """(parse, stages): the names of the components that run on pieces (up to the first tacitus
    stage not in `piecewise`) and of those that run on the joined Doc."""
    stages = set(stage_names) - set(piecewise)
    names = list(nlp.pipe_names)
    k = next((i for i, name in enumerate(names) if name in stages), len(names))
    return names[:k], names[k:]


def batches(docs: Iterable[Doc], limit: int = BATCH_TOKENS) -> Iterator[list[Doc]]:
    """Consecutive docs in lists of at most `limit` tokens (a longer doc alone)."""
    out: list[Doc] = []
    size = 0
    for d in docs:
        if out and size + len(d) > limit:
            yield out
            out, size = [], 0
        out.append(d)
        size += len(d)
    if out:
        yield out


def parse_pieces(nlp: Language, pieces: Sequence[Doc], stages: list[str], batch_size: int) -> Iterator[Doc]:
    """The pieces through the parse components, a bounded batch at a time; a piece the error
    handler drops is missing from the output (its article fails, see `join`)."""
    for batch in batches(pieces):
        yield from nlp.pipe(batch, disable=stages, batch_size=max(1, min(batch_size, len(batch))))


def join(parsed: Iterable[Doc]) -> Iterator[tuple[int, Doc | None]]:
    """(seq, the article's Doc) from its parsed pieces in order; None where a piece was lost. A
    piece is kept as its words and attribute arrays only (a Doc holds several times that), and
    the article's Doc is built from them the way `Doc.from_docs` does."""
    seq = None
    parts: list[int] = []
    complete = False
    kept: list[tuple[list[str], list[bool], numpy.ndarray]] = []
    first: Doc | None = None
    vocab = None

    def done() -> tuple[int, Doc | None]:
        if not complete or parts != list(range(len(parts))):
            return seq, None
        if first is not None:
            return seq, first
        doc = Doc(vocab, words=[w for k in kept for w in k[0]], spaces=[sp for k in kept for sp in k[1]])
        doc.from_array(ATTRS, numpy.concatenate([k[2] for k in kept]))
        return seq, doc

    for d in parsed:
        s, k, last = d.user_data[PIECE]
        if seq is not None and s != seq:
            yield done()
            parts, kept, first, complete = [], [], None, False
        seq, complete, vocab = s, last, d.vocab
        parts.append(k)
        if k == 0 and last:
            first = d
        else:
            kept.append(([t.text for t in d], [bool(t.whitespace_) for t in d], d.to_array(ATTRS)))
    if seq is not None:
        yield done()


def too_many_tokens(nlp: Language, text: str) -> int | None:
    """The number of tokens of a text with more than MAX_TOKENS of them, else None (only a text
    longer than MAX_TOKENS characters can have that many, and only such a text is counted)."""
    if len(text) <= MAX_TOKENS:
        return None
    n = sum(len(d) for d in _tokenised(nlp, text, SEGMENT_CHARS))
    return n if n > MAX_TOKENS else None


def pieces(nlp: Language, seq: int, text: str) -> Iterator[Doc]:
    """The article's pieces as unparsed Docs, made one at a time, each tagged (seq, number, last)."""
    prev = None
    k = 0
    for d in _tokenised(nlp, text, SEGMENT_CHARS):
        if prev is not None:
            prev.user_data[PIECE] = (seq, k, False)
            yield prev
            k += 1
        prev = d
    if prev is not None:
        prev.user_data[PIECE] = (seq, k, True)
        yield prev


def _tokenised(nlp: Language, text: str, limit: int) -> Iterator[Doc]:
    """Docs of `text` in pieces of at most `limit` characters and SEGMENT_TOKENS tokens (a piece
    dense with tokens is cut again, smaller)."""
    for a, b in segments(text, limit):
        d = nlp.make_doc(text[a:b])
        d.user_data[TEXT] = text[a:b]  # spaCy's tokens keep the text whole: no need to rebuild it from them
        if len(d) > SEGMENT_TOKENS and b - a > 1:
            yield from _tokenised(nlp, text[a:b], max(1, min(b - a - 1, (b - a) * SEGMENT_TOKENS * 9 // (10 * len(d)))))
        else:
            yield d
