"""Paragraphs stage: a blank line in the article always starts a new sentence.

Runs before the parser (which keeps preset sentence starts), so that a headline, a dateline or a
paragraph that ends without a full stop is never glued to the next one."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.dateline import DATELINE
from ..nlp.layers import Stage, assigns
from ..nlp.sents import text_of, tokens_of


def _dateline_end(doc: Doc) -> int | None:
    """The first token after a dateline's dash, or None."""
    m = DATELINE.match(text_of(doc)[:200])
    if not m:
        return None
    span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
    return span.start if span is not None else None


class ParagraphsStage(Stage):
    name = "tacitus_paragraphs"
    writes = ("token.is_sent_start",)

    def run(self, doc: Doc) -> Doc:
        line = _dateline_end(doc)
        if line is not None and line < len(doc):  # 'MOGADISHU, Somalia (AP) — ...': the report starts after it
            doc[line].is_sent_start = True
        toks = tokens_of(doc)
        for tok, nxt in zip(toks, toks[1:], strict=False):
            if tok.is_space and "\n" in tok.text:
                nxt.is_sent_start = True
            elif "\n" in tok.whitespace_:  # a token's trailing whitespace is one character, or none
                nxt.is_sent_start = True
        return doc


@Language.factory(ParagraphsStage.name, assigns=assigns(ParagraphsStage.writes))
def make_paragraphs(nlp: Language, name: str) -> ParagraphsStage:
    return ParagraphsStage()
