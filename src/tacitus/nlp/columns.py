"""Token attributes as lists, one per attribute, made once per Doc. spaCy keeps a token's strings
(its lower-case form, lemma, part of speech, dependency label) as hashes and decodes the string
from the string store on every read; the stages read each of them several times per token, so
a hot loop over the tokens reads `lower(doc)[i]` instead of `token.lower_`. The strings are the
ones spaCy's attributes give. A column is made on first use and kept, so it is for the stages that
run on the parsed Doc (not for one that runs on the pieces before the parse, see parsing.py)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import DEP, IS_ALPHA, IS_PUNCT, LEMMA, LOWER, ORTH, POS
from spacy.tokens import Doc

_DECODED: dict[int, str] = {}  # hash (or symbol id) -> string: shared by every Doc of this process
_LIMIT = 500_000


def _column(doc: Doc, attr: int, key: str) -> list[str]:
    col = doc.user_data.get(key)
    if col is None:
        strings = doc.vocab.strings
        if len(_DECODED) > _LIMIT:
            _DECODED.clear()
        hashes = doc.to_array(attr).tolist()
        col = list(map(_DECODED.get, hashes))  # most strings were decoded for an earlier Doc
        if None in col:
            for k, h in enumerate(hashes):
                if col[k] is None:
                    col[k] = _DECODED[h] = strings[h]
        doc.user_data[key] = col
    return col


def _reader(attr: int, name: str, what: str) -> Callable[[Doc], list[str]]:
    """The column reader of one attribute: the kept list, else the list made now."""
    key = f"tacitus_col_{name}"

    def read(doc: Doc) -> list[str]:
        col = doc.user_data.get(key)
        return col if col is not None else _column(doc, attr, key)

    read.__name__ = read.__qualname__ = name
    read.__doc__ = f"{what} of every token."
    return read


lower = _reader(LOWER, "lower", "Token.lower_")
text = _reader(ORTH, "text", "Token.text")
lemma = _reader(LEMMA, "lemma", "Token.lemma_")
pos = _reader(POS, "pos", "Token.pos_")
dep = _reader(DEP, "dep", "Token.dep_")


def lemma_lower(doc: Doc) -> list[str]:
    """Token.lemma_ lower-cased, of every token: the form in which the stages look lemmas up."""
    col = doc.user_data.get("tacitus_col_lemma_lower")
    if col is None:
        col = doc.user_data["tacitus_col_lemma_lower"] = [x.lower() for x in lemma(doc)]
    return col


def _flag(doc: Doc, attr: int, key: str) -> list[bool]:
    col = doc.user_data.get(key)
    if col is None:
        col = doc.user_data[key] = list(map(bool, doc.to_array(attr).tolist()))
    return col


def alpha(doc: Doc) -> list[bool]:
    """Token.is_alpha of every token."""
    return _flag(doc, IS_ALPHA, "tacitus_col_alpha")


def punct(doc: Doc) -> list[bool]:
    """Token.is_punct of every token."""
    return _flag(doc, IS_PUNCT, "tacitus_col_punct")
