"""Place-name normalisation shared by the gazetteer builder and the lookups."""

from __future__ import annotations

import re
import unicodedata

ARTICLES = re.compile(r"^(?:al|el|ar|as|ad|an|at|az|ash|the|le|la|les|los|las)\s+")
ADMIN_WORDS = re.compile(
    r"\s+(?:province|governorate|region|state|oblast|oblast'|department|departement|district|prefecture|"
    r"county|wilaya|wilayah|muhafazat|division|territory|autonomous region|krai|kray|municipality)$")
PREFIX_WORDS = re.compile(r"^(?:province|department|district|city|municipality|region|state|county) of\s+")
NONWORD = re.compile(r"[^0-9a-z]+")


def ascii_fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def key(name: str, strip_admin: bool = False) -> str:
    """Lowercase ASCII with punctuation as spaces and a leading article dropped:
    'Deir ez-Zor' -> 'deir ez zor', 'Al Anbār' -> 'anbar', "Ar-Raqqah" -> 'raqqah'."""
    s = ascii_fold(name).lower().replace("'", "").replace("’", "").replace("ʼ", "").replace("`", "")
    s = NONWORD.sub(" ", s).strip()
    s = ARTICLES.sub("", s)
    if strip_admin:
        s = ADMIN_WORDS.sub("", PREFIX_WORDS.sub("", s))
    return s


def is_latin(name: str) -> bool:
    folded = ascii_fold(name)
    return bool(folded) and all(ord(c) < 128 for c in folded)
