"""Event context stage: where and when each event happened.

Location cascade (method): the place bound to the trigger's clause ('clashes in X', 'an air strike on
X', 'X was captured') -> the nearest place in the sentence -> the article's focus place (its dateline,
else its most mentioned place), with a coarser precision. Date cascade: the temporal expression in
the trigger's clause -> the nearest one in the sentence -> the publication date, which says so.
Tolls go to the event whose trigger reports them or whose clause holds them, else to the last
violent event of the same or the previous sentences; several tolls for one event are not added
up: equal ones count once, different ones become a range (low, best, high) with a note.
Writes doc._.event_context: {event id: {"location": ..., "date": ..., "fatalities": ..., ...}}."""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..nlp.extensions import register
from ..nlp.sents import sent_of
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


class ContextStage:
    def __init__(self) -> None:
        register()

    def __call__(self, doc: Doc) -> Doc:
        places = doc._.places or []
        dates = doc._.dates or []
        meta = doc._.meta or {}
        focus = self._focus(doc, places)
        ctx = {}
        clauses = {}
        for e in doc._.events or []:
            span = doc.char_span(e["trigger"][0], e["trigger"][1], alignment_mode="expand")
            if span is None:
                continue
            t = span.root
            clause = clause_tokens(t)
            anchors = [m[:2] for m in e.get("mentions", [])] + ([e["verb"]] if e.get("verb") else [])
            spans = [doc.char_span(a, b, alignment_mode="expand") for a, b in anchors]
            clauses[e["id"]] = (t, clause, {sp.root.i for sp in spans if sp is not None})
            sent = sent_of(t)
            ctx[e["id"]] = {"location": self._where(t, clause, sent, places, focus, e),
                            "date": self._when(t, clause, sent, dates, meta.get("published"))}
        self._tolls(doc, ctx, clauses)
        doc._.event_context = ctx
        return doc

    def _tolls(self, doc: Doc, ctx: dict, clauses: dict) -> None:
        by_event: dict[str, dict[str, list[dict]]] = {}
        events = [e for e in doc._.events or [] if e["id"] in clauses]
        for c in doc._.counts or []:
            tok = c["tok"]
            owner = next((e for e in events if clauses[e["id"]][0].i == tok or tok in clauses[e["id"]][2]), None)
            if owner is None:
                owner = next((e for e in events if tok in clauses[e["id"]][1]), None)
            if owner is None and c["kind"] in ("killed", "injured"):
                sent = sent_of(doc[tok])
                prior = [e for e in events if e["cameo"][:2] in ("18", "19", "20")
                         and clauses[e["id"]][0].i <= tok and sent.start_char - e["sent"][1] < 400]
                owner = prior[-1] if prior else None
            if owner is not None:
                by_event.setdefault(owner["id"], {}).setdefault(c["kind"], []).append(c)
        for eid, kinds in by_event.items():
            for kind, counts in kinds.items():
                ctx[eid][kind] = self._merge(counts)

    @staticmethod
    def _merge(counts: list[dict]) -> dict:
        """One toll from several reports of it: the same figure once, different ones as a range."""
        bests = {c["best"] for c in counts if c["best"] is not None}
        who = next((c["who"] for c in counts if c["who"]), None)
        if len(bests) <= 1:
            c = counts[0]
            return {"low": c["low"], "best": c["best"], "high": c["high"], "who": who}
        lows = [c["low"] for c in counts if c["low"] is not None]
        highs = [c["high"] for c in counts if c["high"] is not None]
        return {"low": min(lows + list(bests)), "best": max(bests), "high": max(highs + list(bests)), "who": who,
                "note": "reports differ: " + ", ".join(str(b) for b in sorted(bests))}

    def _focus(self, doc: Doc, places: list[dict]) -> dict | None:
        if not places:
            return None
        first = places[0]
        if first["method"].endswith("dateline"):
            return dict(first, method="dateline")
        specific = [p for p in places if p["precision"] in ("city", "admin2", "admin1")]
        pool = specific or places
        name, _ = Counter(p["name"] for p in pool).most_common(1)[0]
        return dict(next(p for p in pool if p["name"] == name), method="most_mentioned")

    def _where(self, t: Token, clause: set[int], sent, places: list[dict], focus: dict | None, e: dict) -> dict | None:
        actor_spans = [(a["start"], a["end"]) for a in (e.get("a1"),) if a]
        in_clause = [p for p in places if p["tok"][0] in clause
                     and not any(s <= p["start"] < en for s, en in actor_spans)]
        if in_clause:
            best = min(in_clause, key=lambda p: (SPECIFIC.get(p["precision"], 9), abs(p["tok"][0] - t.i)))
            return self._loc(best, "clause")
        in_sent = [p for p in places if sent.start <= p["tok"][0] < sent.end]
        if in_sent:
            best = min(in_sent, key=lambda p: (SPECIFIC.get(p["precision"], 9), abs(p["tok"][0] - t.i)))
            return self._loc(best, "sentence")
        if focus is not None:
            loc = self._loc(focus, f"article_focus:{focus.get('method')}")
            loc["precision"] = COARSER.get(focus["precision"], focus["precision"]) if focus["precision"] == "city" \
                else focus["precision"]
            loc.update(start=None, end=None)
            return loc
        return None

    @staticmethod
    def _loc(p: dict, method: str) -> dict:
        return {"text": p["text"], "name": p["name"], "country": p["country"], "admin1": p["admin1"],
                "lat": p["lat"], "lon": p["lon"], "geonameid": p["geonameid"], "precision": p["precision"],
                "start": p["start"], "end": p["end"], "method": method}

    def _when(self, t: Token, clause: set[int], sent, dates: list[dict], published: str | None) -> dict | None:
        usable = [d for d in dates if d.get("tok")]
        anchored = [d for d in usable if d["method"] == "anchored" and d["tok"][0] <= t.i < d["tok"][1]]
        if anchored:
            return self._date(anchored[0], "anchored")
        in_clause = [d for d in usable if d["tok"][0] in clause and d["method"] != "anchored"]
        if in_clause:
            return self._date(min(in_clause, key=lambda d: abs(d["tok"][0] - t.i)), "clause")
        in_sent = [d for d in usable if sent.start <= d["tok"][0] < sent.end and d["method"] != "anchored"]
        if in_sent:
            return self._date(min(in_sent, key=lambda d: abs(d["tok"][0] - t.i)), "sentence")
        if published:
            return {"text": None, "start": published, "end": published, "precision": "day",
                    "method": "publication_date"}
        return None

    @staticmethod
    def _date(d: dict, how: str) -> dict:
        return {"text": d["text"], "start": d["start"], "end": d["end"], "precision": d["precision"],
                "method": f"{d['method']}:{how}"}


@Language.factory("tacitus_context", requires=["doc._.events", "doc._.places", "doc._.dates"],
                  assigns=["doc._.event_context"])
def make_context(nlp: Language, name: str) -> ContextStage:
    return ContextStage()
