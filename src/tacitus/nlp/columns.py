"""Token attributes as lists, one per attribute, made once per Doc. spaCy keeps a token's strings
(its lower-case form, lemma, part of speech, dependency label) as hashes and decodes the string
from the string store on every read; the stages read each of them several times per token, so
a hot loop over the tokens reads `lower(doc)[i]` instead of `token.lower_`. The strings are the
ones spaCy's attributes give. A column is made on first use and kept, so it is for the stages that
run on the parsed Doc (not for one that runs on the pieces before the parse, see parsing.py)."""

from __future__ import annotations

from spacy.attrs import DEP, IS_ALPHA, LEMMA, LOWER, ORTH, POS
from spacy.tokens import Doc

_DECODED: dict[int, str] = {}  # hash (or symbol id) -> string: shared by every Doc of this process
_LIMIT = 500_000


def _column(doc: Doc, attr: int, key: str) -> list[str]:
    col = doc.user_data.get(key)
    if col is None:
        strings = doc.vocab.strings
        if len(_DECODED) > _LIMIT:
            _DECODED.clear()
        get = _DECODED.get
        col = []
        for h in doc.to_array(attr).tolist():
            s = get(h)
            if s is None:
                s = _DECODED[h] = strings[h]
            col.append(s)
        doc.user_data[key] = col
    return col


def lower(doc: Doc) -> list[str]:
    """Token.lower_ of every token."""
    col = doc.user_data.get("tacitus_col_lower")
    return col if col is not None else _column(doc, LOWER, "tacitus_col_lower")


def text(doc: Doc) -> list[str]:
    """Token.text of every token."""
    col = doc.user_data.get("tacitus_col_text")
    return col if col is not None else _column(doc, ORTH, "tacitus_col_text")


def lemma(doc: Doc) -> list[str]:
    """Token.lemma_ of every token."""
    col = doc.user_data.get("tacitus_col_lemma")
    return col if col is not None else _column(doc, LEMMA, "tacitus_col_lemma")


def pos(doc: Doc) -> list[str]:
    """Token.pos_ of every token."""
    col = doc.user_data.get("tacitus_col_pos")
    return col if col is not None else _column(doc, POS, "tacitus_col_pos")


def dep(doc: Doc) -> list[str]:
    """Token.dep_ of every token."""
    col = doc.user_data.get("tacitus_col_dep")
    return col if col is not None else _column(doc, DEP, "tacitus_col_dep")


def alpha(doc: Doc) -> list[bool]:
    """Token.is_alpha of every token."""
    col = doc.user_data.get("tacitus_col_alpha")
    if col is None:
        col = doc.user_data["tacitus_col_alpha"] = [bool(x) for x in doc.to_array(IS_ALPHA).tolist()]
    return col
