"""Assemble stage: the only stage that reads every layer and builds the article record.

It types each event in the three ontologies (ontology tables, with the actors' ACLED inter codes),
turns actor ids into ActorRefs, collects the article's actors with their mentions, and writes the
record's JSON form to doc._.record."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.extensions import ACTORS, register
from ..nlp.sents import forget, text_of
from ..ontology import Ontology, default_ontology
from ..records import (
    Actor,
    ActorRef,
    Article,
    Citation,
    Count,
    DateMention,
    DateRef,
    Event,
    Evidence,
    LocationRef,
    Place,
    Problem,
    Quote,
    Span,
    Speaker,
    Tally,
)


class AssembleStage:
    def __init__(self, ontology: Ontology, min_confidence: float = 0.0):
        register()
        self.onto = ontology
        self.min_confidence = min_confidence

    def _ref(self, a: dict | None, info: dict) -> ActorRef | None:
        if not a:
            return None
        i = info.get(a["id"], {})
        if a["id"].startswith("raw:"):  # named in the text but not resolved to a known actor
            return ActorRef(text=a["text"], name=None, country=None, kind=None, cameo=None, acled_inter=None,
                            acled_name=None, start=a["start"], end=a["end"], method=a.get("method"))
        return ActorRef(text=a["text"], name=i.get("name"), country=i.get("country"), kind=i.get("kind"),
                        cameo=i.get("cameo"), acled_inter=i.get("acled_inter"), acled_name=i.get("acled_name"),
                        start=a["start"], end=a["end"], sector=i.get("sector"), method=a.get("method"))

    @staticmethod
    def _tally(t: dict | None) -> Tally | None:
        return Tally(**t) if t else None

    def build(self, doc: Doc) -> Article:
        meta: dict[str, Any] = doc._.meta or {}
        info = dict(doc._.actor_info or {})
        published = meta.get("published")
        context = doc._.event_context or {}
        events = []
        for e in doc._.events or []:
            if e["confidence"] < self.min_confidence:
                continue
            a1, a2 = self._ref(e["a1"], info), self._ref(e["a2"], info)
            etype = self.onto.event_type(e["cameo"], a1.acled_inter if a1 else None, a2.acled_inter if a2 else None)
            s0, s1 = e["sent"]
            where = context.get(e["id"], {})
            date = DateRef(**where["date"]) if where.get("date") else None
            location = LocationRef(**where["location"]) if where.get("location") else None
            events.append(Event(
                id=e["id"], type=etype, trigger=Span(text=e["trigger"][2], start=e["trigger"][0], end=e["trigger"][1]),
                actor1=a1, actor2=a2, date=date, location=location, fatalities=self._tally(where.get("killed")),
                injured=self._tally(where.get("injured")), arrested=self._tally(where.get("arrested")),
                modality=e["modality"], reported_by=tuple(e["reported_by"]), confidence=e["confidence"],
                evidence=Evidence(text=text_of(doc)[s0:s1].strip(), start=s0, end=s1, rule=e["rule"])))
        actors: dict[str, list[Span]] = {}
        for sp in doc.spans[ACTORS] if ACTORS in doc.spans else []:
            actors.setdefault(sp.label_, []).append(Span(text=sp.text, start=sp.start_char, end=sp.end_char))
        actor_records = []
        for aid, mentions in actors.items():
            i = info.get(aid, {})
            actor_records.append(Actor(name=i.get("name") or aid, kind=i.get("kind"), country=i.get("country"),
                                       cameo=i.get("cameo"), acled_inter=i.get("acled_inter"),
                                       acled_name=i.get("acled_name"), sector=i.get("sector"),
                                       title=i.get("title"), affiliation=i.get("affiliation"),
                                       mentions=tuple(mentions)))
        problems = tuple(Problem(**p) for p in meta.get("problems", ()))
        places = tuple(Place(**{k: v for k, v in p.items() if k != "tok"}) for p in doc._.places or [])
        dates = tuple(DateMention(**{k: v for k, v in d.items() if k != "tok"}) for d in doc._.dates or [])
        counts = tuple(Count(**{k: v for k, v in c.items() if k not in ("tok", "who_text")}) for c in doc._.counts or [])
        quotes = tuple(Quote(**{**q, "speaker": Speaker(**q["speaker"]) if q.get("speaker") else None})
                       for q in doc._.quotes or [])
        citations = tuple(Citation(**c) for c in doc._.citations or [])
        return Article(id=meta.get("id") or "", title=meta.get("title"), url=meta.get("url"),
                       source=meta.get("source"), published=published, language=doc.lang_, text=text_of(doc),
                       events=tuple(events), places=places, dates=dates, actors=tuple(actor_records),
                       counts=counts, quotes=quotes, citations=citations, tone=doc._.tone,
                       errors=problems, input=meta.get("input"))

    def __call__(self, doc: Doc) -> Doc:
        doc._.record = self.build(doc).to_dict()
        forget(doc)
        return doc


@Language.factory(
    "tacitus_assemble",
    requires=["doc._.events", "doc._.actor_info", "doc._.places", "doc._.dates", "doc._.event_context",
              "doc._.counts", "doc._.quotes", "doc._.citations", "doc._.tone"],
    assigns=["doc._.record"],
    default_config={"min_confidence": 0.0},
)
def make_assemble(nlp: Language, name: str, min_confidence: float) -> AssembleStage:
    return AssembleStage(default_ontology(), min_confidence)

