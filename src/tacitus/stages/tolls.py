"""Tolls stage: which event each toll belongs to. A toll goes to the event whose trigger reports
it or whose clause holds it, else (outside direct quotes) to the last violent event of the same or
the previous sentences; several tolls for one event are not added up: equal ones count once,
different ones become a range (low, best, high) with a note. Writes the event_tolls layer: {event
id: EventTolls}."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicons import read_tsv
from ..nlp import columns, layers
from ..nlp.layer_types import EventDraft, EventTolls, Toll
from ..nlp.layers import Stage, assigns, register, requires
from ..nlp.sents import sent_of, span_at, tokens_of
from ..ontology import in_group
from ..records import Tally
from .context import clause_tokens

KINDS = ("killed", "injured", "arrested")


def merge(counts: list, latest: int | None = None) -> Tally:
    """One toll from several reports of it (Counts or Tallies, in text order): the same figure once,
    different ones as a range (low, best, high) with a note; the best is the most conservative, as
    ACLED codes it, unless a later report updates the figure (`latest`)."""
    bests = {c.best for c in counts if c.best is not None}
    who = next((c.who for c in counts if c.who), None)
    if len(bests) <= 1:
        c = counts[0]
        return Tally(low=c.low, best=c.best, high=c.high, who=who)
    lows = [c.low for c in counts if c.low is not None]
    highs = [c.high for c in counts if c.high is not None]
    return Tally(low=min(lows + list(bests)), best=latest if latest is not None else min(bests),
                 high=max(highs + list(bests)), who=who,
                 note="reports differ: " + ", ".join(str(b) for b in sorted(bests)))


class TollsStage(Stage):
    name = "tacitus_tolls"
    reads = ("events", "counts", "quotes")
    writes = ("event_tolls",)

    def __init__(self) -> None:
        register()
        self.updates = frozenset(r["word"] for r in read_tsv("tacitus.lexicons", "counts.tsv") if r["kind"] == "update")

    def run(self, doc: Doc) -> Doc:
        events: list[EventDraft] = layers.get(doc, "events") or []
        clauses = {}
        for e in events:
            span = span_at(doc, e.trigger.start, e.trigger.end)
            if span is None:
                continue
            anchors = [(m.start, m.end) for m in e.also] + ([(e.verb.start, e.verb.end)] if e.verb else [])
            spans = [span_at(doc, a, b) for a, b in anchors]
            clauses[e.id] = (span.root, clause_tokens(span.root), {sp.root.i for sp in spans if sp is not None})
        where: dict[str, dict] = {}
        quoted = [(f.start, f.end) for q in layers.get(doc, "quotes") or [] if q.direct for f in (q.fragments or (q,))]
        self._tolls(doc, events, layers.get(doc, "counts") or [], where, clauses, quoted)
        layers.put(doc, "event_tolls", {eid: EventTolls(**w) for eid, w in where.items()})
        return doc

    def _tolls(self, doc: Doc, events: list[EventDraft], counts: list[Toll], where: dict, clauses: dict,
               quoted: list[tuple[int, int]] = ()) -> None:
        by_event: dict[str, dict[str, list[Toll]]] = {}
        toks, lower = tokens_of(doc), columns.lower(doc)
        events = [e for e in events if e.id in clauses]
        for c in counts:
            tok = c.token
            owner = next((e for e in events if clauses[e.id][0].i == tok or tok in clauses[e.id][2]), None)
            if owner is None:
                owner = next((e for e in events if tok in clauses[e.id][1]), None)
            if owner is None and c.count.kind in ("killed", "injured") and not any(
                    a <= doc[tok].idx < b for a, b in quoted):  # 'her brother was already dead' tallies nothing
                sent = sent_of(doc[tok])
                prior = [e for e in events if in_group(e.cameo, "violence")
                         and clauses[e.id][0].i <= tok and sent.start_char - e.sentence.end < 400]
                owner = prior[-1] if prior else None
            if owner is not None:
                by_event.setdefault(owner.id, {}).setdefault(c.count.kind, []).append(c)
        for eid, kinds in by_event.items():
            for kind, tolls in kinds.items():
                if kind in KINDS:
                    tolls = sorted(tolls, key=lambda t: t.token)
                    last = tolls[-1]
                    sent = sent_of(toks[last.token])  # 'rose to', 'later'; not the 'Now' of 'Myanmar Now'
                    update = any(lower[i] in self.updates and not (toks[i].is_title and i > sent.start)
                                 for i in range(sent.start, sent.end))
                    where.setdefault(eid, {})[kind] = merge([t.count for t in tolls],
                                                            last.count.best if update and len(tolls) > 1 else None)
                    if update:
                        where[eid]["updates"] = where[eid].get("updates", ()) + (kind,)
            victims = [t.who for k in ("killed", "injured") for t in kinds.get(k, ()) if t.who is not None]
            if victims:
                where.setdefault(eid, {})["victims"] = tuple(victims)


@Language.factory(TollsStage.name, requires=requires(TollsStage.reads), assigns=assigns(TollsStage.writes))
def make_tolls(nlp: Language, name: str) -> TollsStage:
    return TollsStage()
