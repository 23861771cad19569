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
# the Arabic article as transliterations write it: 'al', or assimilated to the next letter
# ('ash-Shughur', 'ad-Dawr'), or 'el'; inside a name or glued to its first word ('Elwak')
ARTICLE_FORMS = ("al", "el", "ar", "as", "ash", "ad", "an", "at", "az", "adh", "ath")
INNER_ARTICLE = re.compile(r"(?<=\S )(?:" + "|".join(ARTICLE_FORMS) + r")(?= \S)")
GLUED_ARTICLE = re.compile(r"^(al|el)([a-z]{3,})$")


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


def spellings(k: str) -> list[str]:
    """Other keys a transliterated name may be written under: the article inside it in its other
    forms ('jisr al shughur' -> 'jisr ash shughur', ...) and an article glued to a one-word name
    split off ('elwak' -> 'wak', the key of 'El Wak', whose article the key drops)."""
    out: list[str] = []
    if INNER_ARTICLE.search(k):
        out += [v for form in ARTICLE_FORMS if (v := INNER_ARTICLE.sub(form, k)) != k]
    m = GLUED_ARTICLE.match(k)
    if m:
        out.append(m.group(2))
    return out


def is_latin(name: str) -> bool:
    folded = ascii_fold(name)
    return bool(folded) and all(ord(c) < 128 for c in folded)
