"""Assemble stage: the only stage that reads every layer and builds the article record. A mapping
from layers to records: each incident an Event typed in every ontology (CAMEO and PLOVER from its
principal mention, ACLED as its decision rules said), with its mentions and links; the article's
actors with their mentions; the record's JSON form goes to the record layer."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import layers
from ..nlp.layer_types import ActorInfo, ActorKey, EventDraft, IncidentDraft, InputMeta, RoleFiller
from ..nlp.layers import Stage, assigns, register, requires
from ..nlp.sents import forget, text_of
from ..ontology import Ontology, default_ontology
from ..records import Actor, ActorRef, Article, Event, Evidence, Link, Mention, Span


class AssembleStage(Stage):
    name = "tacitus_assemble"
    reads = ("meta", "events", "incidents", "actors", "actor_info", "places", "dates", "counts", "quotes",
             "citations", "tone")
    writes = ("record",)

    def __init__(self, ontology: Ontology, min_confidence: float = 0.0):
        register()
        self.onto = ontology
        self.min_confidence = min_confidence

    @staticmethod
    def _ref(a: RoleFiller | None, info: dict[str, ActorInfo]) -> ActorRef | None:
        if a is None:
            return None
        i = info.get(a.key)
        if i is None or ActorKey.parse(a.key).kind == "raw":  # named in the text, not resolved to an actor
            return ActorRef(text=a.text, name=None, country=None, kind=None, cameo=None, acled_inter=None,
                            acled_name=None, start=a.start, end=a.end, method=a.method)
        return ActorRef(text=a.text, name=i.name, country=i.country, kind=i.kind, cameo=i.cameo,
                        acled_inter=i.acled_inter, acled_name=i.acled_name, start=a.start, end=a.end,
                        sector=i.sector, method=a.method)

    def _mention(self, e: EventDraft, how: str | None, info: dict[str, ActorInfo], text: str) -> Mention:
        a1, a2 = self._ref(e.a1, info), self._ref(e.a2, info)
        s0, s1 = e.sentence.start, e.sentence.end
        return Mention(trigger=Span(text=e.trigger.text, start=e.trigger.start, end=e.trigger.end), cameo=e.cameo,
                       actor1=a1 and (a1.name or a1.text), actor2=a2 and (a2.name or a2.text), modality=e.modality,
                       evidence=Evidence(text=text[s0:s1].strip(), start=s0, end=s1, rule=e.rule), merged_by=how)

    def _event(self, inc: IncidentDraft, drafts: dict[str, EventDraft], info: dict[str, ActorInfo],
               text: str) -> Event:
        p = drafts[inc.principal]
        a1, a2 = inc.actor1, inc.actor2
        etype = self.onto.event_type(p.cameo, a1.acled_inter if a1 else None, a2.acled_inter if a2 else None,
                                     inc.acled, inc.acled_sub, inc.acled_rule)
        s0, s1 = p.sentence.start, p.sentence.end
        return Event(id=inc.id, type=etype, trigger=Span(text=p.trigger.text, start=p.trigger.start, end=p.trigger.end),
                     actor1=a1, actor2=a2, date=inc.date, location=inc.location, fatalities=inc.killed,
                     injured=inc.injured, arrested=inc.arrested, modality=inc.modality, reported_by=inc.reported_by,
                     confidence=inc.confidence, evidence=Evidence(text=text[s0:s1].strip(), start=s0, end=s1, rule=p.rule),
                     current=inc.current, salience=inc.salience,
                     mentions=tuple(self._mention(drafts[m.mention], m.merged_by, info, text) for m in inc.members),
                     links=tuple(Link(event=eid, kind=kind) for eid, kind in inc.links))

    def build(self, doc: Doc) -> Article:
        meta: InputMeta | None = layers.get(doc, "meta")
        info: dict[str, ActorInfo] = layers.get(doc, "actor_info") or {}
        drafts = {e.id: e for e in layers.get(doc, "events") or []}
        text = text_of(doc)
        events = tuple(self._event(inc, drafts, info, text) for inc in layers.get(doc, "incidents") or []
                       if inc.confidence >= self.min_confidence)
        mentions: dict[str, list[Span]] = {}
        for sp in layers.get(doc, "actors"):
            mentions.setdefault(sp.label_, []).append(Span(text=text[sp.start_char:sp.end_char], start=sp.start_char,
                                                           end=sp.end_char))
        actors = []
        for key, spans in mentions.items():
            i = info.get(key)
            actors.append(Actor(name=(i.name if i else None) or key, kind=i and i.kind, country=i and i.country,
                                cameo=i and i.cameo, acled_inter=i and i.acled_inter, acled_name=i and i.acled_name,
                                sector=i and i.sector, title=i and i.title, affiliation=i and i.affiliation,
                                mentions=tuple(spans)))
        return Article(id=meta.id if meta else "", title=meta and meta.title, url=meta and meta.url,
                       source=meta and meta.source, published=meta and meta.published, language=doc.lang_,
                       text=text, events=events, places=tuple(p.place for p in layers.get(doc, "places") or []),
                       dates=tuple(d.date for d in layers.get(doc, "dates") or []), actors=tuple(actors),
                       counts=tuple(c.count for c in layers.get(doc, "counts") or []),
                       quotes=tuple(layers.get(doc, "quotes") or []),
                       citations=tuple(layers.get(doc, "citations") or []), tone=layers.get(doc, "tone"),
                       errors=meta.problems if meta else (), input=meta and meta.input)

    def run(self, doc: Doc) -> Doc:
        layers.put(doc, "record", self.build(doc).to_dict())
        forget(doc)
        return doc


@Language.factory(AssembleStage.name, requires=requires(AssembleStage.reads), assigns=assigns(AssembleStage.writes),
                  default_config={"min_confidence": 0.0})
def make_assemble(nlp: Language, name: str, min_confidence: float) -> AssembleStage:
    return AssembleStage(default_ontology(), min_confidence)
