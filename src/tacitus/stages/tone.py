"""Tone stage: a document tone in GDELT's sense, the share of positive words minus the share of
negative words, per hundred words (-100..+100; news about violence is usually below zero).

Lexicon: VADER's (Hutto and Gilbert 2014, MIT licence) as shipped in the vaderSentiment package; a
word counts as positive at valence >= 1.0 and negative at <= -1.0. The file is read directly; the
package's analyser is not used."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import columns, layers
from ..nlp.layers import Stage, assigns, register

THRESHOLD = 1.0


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    spec = importlib.util.find_spec("vaderSentiment")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(list(spec.submodule_search_locations)[0]) / "vader_lexicon.txt"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            out[parts[0].lower()] = float(parts[1])
    return out


def tone(words: list[str]) -> float | None:
    lex = lexicon()
    if not words or not lex:
        return None
    pos = sum(1 for w in words if lex.get(w, 0) >= THRESHOLD)
    neg = sum(1 for w in words if lex.get(w, 0) <= -THRESHOLD)
    return round(100.0 * (pos - neg) / len(words), 2)


class ToneStage(Stage):
    name = "tacitus_tone"
    writes = ("tone",)

    def __init__(self) -> None:
        register()

    def run(self, doc: Doc) -> Doc:
        layers.put(doc, "tone", tone([w for w, a in zip(columns.lower(doc), columns.alpha(doc), strict=True) if a]))
        return doc


@Language.factory(ToneStage.name, assigns=assigns(ToneStage.writes))
def make_tone(nlp: Language, name: str) -> ToneStage:
    return ToneStage()
