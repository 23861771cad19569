"""Paragraphs stage: a blank line in the article always starts a new sentence.

Runs before the parser (which keeps preset sentence starts), so that a headline, a dateline or a
paragraph that ends without a full stop is never glued to the next one."""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.dateline import DATELINE
from ..nlp.layers import Stage, assigns
from ..nlp.sents import offsets_of, text_of, tokens_of


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
        text = text_of(doc)
        if "\n" not in text:
            return doc
        toks, offsets = tokens_of(doc), offsets_of(doc)
        for m in re.finditer("\n", text):  # a line break is in a space token, or trails a token
            k = bisect.bisect_right(offsets, m.start())  # the token after the one that holds it
            if k < len(toks):
                toks[k].is_sent_start = True
        return doc


@Language.factory(ParagraphsStage.name, assigns=assigns(ParagraphsStage.writes))
def make_paragraphs(nlp: Language, name: str) -> ParagraphsStage:
    return ParagraphsStage()
