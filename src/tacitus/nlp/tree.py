"""A token's dependents, listed once per Doc. spaCy's Token.children walks the token's subtree on
every call and makes new Token objects each time; the stages ask for children thousands of times
per article, so the table is built in one pass and kept until the Doc leaves the stages."""

from __future__ import annotations

from spacy.attrs import HEAD
from spacy.tokens import Doc, Token

from .sents import tokens_of

KEY = "tacitus_children"


def children_table(doc: Doc) -> list[tuple[Token, ...]]:
    """Every token's dependents, by token index (for a walk over many tokens of one Doc)."""
    table = doc.user_data.get(KEY)
    if table is None:
        lists: list[list[Token]] = [[] for _ in range(len(doc))]
        toks = tokens_of(doc)
        for i, rel in enumerate(doc.to_array(HEAD).astype("int64").tolist()):  # head.i - i, read in one call
            if rel:
                lists[i + rel].append(toks[i])
        table = doc.user_data[KEY] = [tuple(x) for x in lists]
    return table


def children(tok: Token) -> tuple[Token, ...]:
    """The token's syntactic dependents in text order, as Token.children gives them."""
    table = tok.doc.user_data.get(KEY)  # asked hundreds of times per Doc: the kept table first
    return (table if table is not None else children_table(tok.doc))[tok.i]
