"""Event context stage: where and when each event happened (tolls: tolls.py).

Location cascade (method): the place bound to the trigger's clause ('clashes in X', 'an air strike on
X', 'X was captured') -> the nearest place in the sentence -> the article's focus place (its dateline,
else its most mentioned place), with a coarser precision. Date cascade: the temporal expression in
the trigger's clause -> the nearest one in the sentence -> the publication date, which says so.
Writes the event_context layer: {event id: EventContext(location, date)}."""

from __future__ import annotations

import dataclasses
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..nlp import layers
from ..nlp.layer_types import EventContext, EventDraft, ResolvedDate, ResolvedPlace
from ..nlp.layers import Stage, assigns, register, requires
from ..nlp.sents import sent_of
from ..records import DateRef, LocationRef, Place
from .geocode import COARSER

CLAUSE_BREAK = {"ccomp", "advcl", "relcl", "conj", "parataxis", "acl"}
SPECIFIC = {"city": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4, "continent": 5}


def clause_tokens(t: Token) -> set[int]:
    """The trigger's clause: its subtree without embedded clauses that carry their own verb; for
    an event noun, also what its governing verb says of time and place ('launched an attack on X
    on Tuesday')."""
    out: set[int] = set()
    stack = [t]
    while stack:
        x = stack.pop()
        out.add(x.i)
        for c in x.children:
            if c.dep_ in CLAUSE_BREAK and c.pos_ in ("VERB", "AUX") and c != t:
                continue
            stack.append(c)
    if t.pos_ in ("NOUN", "PROPN"):
        gov = t.head.head if t.dep_ == "pobj" else t.head
        if gov.pos_ == "VERB":
            for c in gov.children:
                if c.dep_ in ("npadvmod", "prep", "tmod", "advmod") and c.i not in out:
                    out.update(x.i for x in c.subtree)
    return out


class ContextStage(Stage):
    name = "tacitus_context"
    reads = ("meta", "events", "places", "dates")
    writes = ("event_context",)

    def __init__(self) -> None:
        register()

    def run(self, doc: Doc) -> Doc:
        places: list[ResolvedPlace] = layers.get(doc, "places") or []
        dates: list[ResolvedDate] = layers.get(doc, "dates") or []
        meta = layers.get(doc, "meta")
        published = meta.published if meta is not None else None
        focus = self._focus(places)
        where: dict[str, EventContext] = {}
        events: list[EventDraft] = layers.get(doc, "events") or []
        for e in events:
            span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
            if span is None:
                continue
            t = span.root
            clause = clause_tokens(t)
            sent = sent_of(t)
            where[e.id] = EventContext(location=self._where(t, clause, sent, places, focus, e),
                                       date=self._when(t, clause, sent, dates, published))
        layers.put(doc, "event_context", where)
        return doc

    @staticmethod
    def _focus(places: list[ResolvedPlace]) -> ResolvedPlace | None:
        if not places:
            return None
        first = places[0]
        if first.place.method.endswith("dateline"):
            return dataclasses.replace(first, place=dataclasses.replace(first.place, method="dateline"))
        specific = [p for p in places if p.place.precision in ("city", "admin2", "admin1")]
        pool = specific or places
        name, _ = Counter(p.place.name for p in pool).most_common(1)[0]
        best = next(p for p in pool if p.place.name == name)
        return dataclasses.replace(best, place=dataclasses.replace(best.place, method="most_mentioned"))

    def _where(self, t: Token, clause: set[int], sent, places: list[ResolvedPlace], focus: ResolvedPlace | None,
               e: EventDraft) -> LocationRef | None:
        actor_spans = [(e.a1.start, e.a1.end)] if e.a1 else []
        in_clause = [p for p in places if p.tokens[0] in clause
                     and not any(s <= p.place.start < en for s, en in actor_spans)]
        if in_clause:
            best = min(in_clause, key=lambda p: (SPECIFIC.get(p.place.precision, 9), abs(p.tokens[0] - t.i)))
            return self._loc(best.place, "clause")
        in_sent = [p for p in places if sent.start <= p.tokens[0] < sent.end]
        if in_sent:
            best = min(in_sent, key=lambda p: (SPECIFIC.get(p.place.precision, 9), abs(p.tokens[0] - t.i)))
            return self._loc(best.place, "sentence")
        if focus is not None:
            f = focus.place
            precision = COARSER.get(f.precision, f.precision) if f.precision == "city" else f.precision
            return dataclasses.replace(self._loc(f, f"article_focus:{f.method}"), precision=precision, start=None,
                                       end=None)
        return None

    @staticmethod
    def _loc(p: Place, method: str) -> LocationRef:
        return LocationRef(text=p.text, name=p.name, country=p.country, admin1=p.admin1, lat=p.lat, lon=p.lon,
                           geonameid=p.geonameid, precision=p.precision, start=p.start, end=p.end, method=method)

    def _when(self, t: Token, clause: set[int], sent, dates: list[ResolvedDate], published: str | None
              ) -> DateRef | None:
        usable = [d for d in dates if d.tokens]
        anchored = [d for d in usable if d.date.method == "anchored" and d.tokens[0] <= t.i < d.tokens[1]]
        if anchored:
            return self._date(anchored[0], "anchored")
        in_clause = [d for d in usable if d.tokens[0] in clause and d.date.method != "anchored"]
        if in_clause:
            return self._date(min(in_clause, key=lambda d: abs(d.tokens[0] - t.i)), "clause")
        in_sent = [d for d in usable if sent.start <= d.tokens[0] < sent.end and d.date.method != "anchored"]
        if in_sent:
            return self._date(min(in_sent, key=lambda d: abs(d.tokens[0] - t.i)), "sentence")
        if published:
            return DateRef(text=None, start=published, end=published, precision="day", method="publication_date")
        return None

    @staticmethod
    def _date(d: ResolvedDate, how: str) -> DateRef:
        m = d.date
        return DateRef(text=m.text, start=m.start, end=m.end, precision=m.precision, method=f"{m.method}:{how}")


@Language.factory(ContextStage.name, requires=requires(ContextStage.reads), assigns=assigns(ContextStage.writes))
def make_context(nlp: Language, name: str) -> ContextStage:
    return ContextStage()
