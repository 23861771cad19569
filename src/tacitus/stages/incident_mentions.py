"""The clause-level mentions an article's incidents are made of, with what merging needs to know
of each: its class of happening (ontology/acled_classes.tsv), sentence, paragraph, place and date
(context stage) and tolls (tolls stage); and the groups merging builds of them."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..nlp.layer_types import EventContext, EventDraft, EventTolls
from ..nlp.sents import span_at, text_of, tokens_of
from .incident_features import mention_class

FALLBACKS = ("article_focus", "publication_date", "dateline")  # place/date steps the text does not state
FLED = {"flee", "escape"}  # verbs whose object is the violence people left behind
DESCRIPTIVE = {"withdrawal", "mobilisation"}  # classes a participle describing a participant does not report


@dataclass
class Mention:
    draft: EventDraft
    cls: str | None
    means: str | None
    token: Token
    verb: Token | None
    sent: int
    para: int
    where: EventContext
    tolls: EventTolls


@dataclass
class Group:
    members: list[tuple[Mention, str | None]]
    links: list[tuple[int, str]] = field(default_factory=list)   # (index of another group, kind)

    @property
    def classes(self) -> set[str]:
        return {m.cls for m, _ in self.members if m.cls}

    @property
    def last(self) -> Mention:
        return self.members[-1][0]


def paragraph_starts(text: str) -> list[int]:
    """Where each paragraph (a line of the text) begins, by character."""
    return [0] + [m.end() for m in re.finditer(r"\n", text)]


def mentions(doc: Doc, drafts: list[EventDraft], context: dict[str, EventContext],
             tolls: dict[str, EventTolls]) -> list[Mention]:
    toks = tokens_of(doc)
    sents = [s.start for s in doc.sents]
    paras = paragraph_starts(text_of(doc))
    out = []
    for d in drafts:
        span = span_at(doc, d.trigger.start, d.trigger.end)
        if span is None:
            continue
        verb = span_at(doc, d.verb.start, d.verb.end) if d.verb else None
        t = toks[span.root.i]
        cls, means = mention_class(d, t.lemma_.lower())
        if (cls in DESCRIPTIVE and t.dep_ == "acl") or (cls in DESCRIPTIVE | {"territory"} and t.dep_ == "amod"):
            cls = None  # 'struck a column of fighters withdrawing northward': how they were, not a pullout
        if t.dep_ in ("xcomp", "dobj") and t.head.lemma_.lower() in FLED:
            cls = None  # 'many of whom fled fighting elsewhere': the reason they left, not news of its own
        out.append(Mention(d, cls, means, t, toks[verb.root.i] if verb is not None else None,
                           bisect.bisect_right(sents, t.i) - 1, bisect.bisect_right(paras, d.trigger.start) - 1,
                           context.get(d.id) or EventContext(), tolls.get(d.id) or EventTolls()))
    return out
