"""Paragraphs stage: a blank line in the article always starts a new sentence.

Runs before the parser (which keeps preset sentence starts), so that a headline, a dateline or a
paragraph that ends without a full stop is never glued to the next one."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.layers import Stage, assigns


class ParagraphsStage(Stage):
    name = "tacitus_paragraphs"
    writes = ("token.is_sent_start",)

    def run(self, doc: Doc) -> Doc:
        for tok in doc[:-1]:
            if tok.is_space and "\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
            elif "\n\n" in tok.whitespace_ or (tok.whitespace_ and "\n" in tok.text_with_ws[len(tok.text):]):
                doc[tok.i + 1].is_sent_start = True
        return doc


@Language.factory(ParagraphsStage.name, assigns=assigns(ParagraphsStage.writes))
def make_paragraphs(nlp: Language, name: str) -> ParagraphsStage:
    return ParagraphsStage()
