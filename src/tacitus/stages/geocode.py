"""Geocode stage: resolves each toponym to a place with a cascade that records which step fired.

Lookup: exact name -> alternate name -> fuzzy spelling (rapidfuzz, within the article's countries).
Choice among candidates, by score: containment written in the text ("Raqqa, Syria"), the kind the
text asks for ("Anbar province", "the town of X"), the countries the article is about, nearness to
the article's other places, the kind of place, and population. One place that cannot be resolved
never removes the others. Writes the places layer (in text order)."""

from __future__ import annotations

import math
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from ..geo.distance import km
from ..geo.gazetteer import Candidate, Gazetteer
from ..nlp import layers
from ..nlp.layer_types import ActorKey, ResolvedPlace
from ..nlp.layers import Stage, assigns, register, requires
from ..nlp.sents import text_of
from ..records import Place

KIND_PRIOR = {"city": 0.5, "admin1": 0.0, "admin2": -0.3, "country": 1.5, "region": 1.0, "continent": 1.0}
PRECISION = {"city": "city", "admin1": "admin1", "admin2": "admin2", "country": "country", "region": "region",
             "continent": "continent"}
COARSER = {"city": "admin2", "admin2": "admin1", "admin1": "admin1", "country": "region", "region": "region",
           "continent": "continent"}


def _km(a: Candidate, b: Candidate) -> float:
    return km(a.lat, a.lon, b.lat, b.lon)


class GeocodeStage(Stage):
    name = "tacitus_geocode"
    reads = ("toponyms", "mentions", "focus_country")
    writes = ("places",)

    def __init__(self, gazetteer: Gazetteer):
        register()
        self.gaz = gazetteer

    def _context_countries(self, doc: Doc) -> Counter:
        c: Counter = Counter()
        for m in layers.get(doc, "mentions"):
            key = ActorKey.parse(m.label_)
            if key.kind == "country" and m.kb_id_ != "backer":
                c[key.name] += 1
        return c

    def run(self, doc: Doc) -> Doc:
        spans = layers.get(doc, "toponyms")
        countries = self._context_countries(doc)
        focus = layers.get(doc, "focus_country")
        cands = []
        for sp in spans:
            found = self.gaz.lookup(sp.text)
            how = "exact" if any(c.how == "name" for c in found) else "alternate"
            if not found and countries:
                found = self.gaz.fuzzy(sp.text, [cc for cc, _ in countries.most_common(3)])
                how = "fuzzy"
            cands.append((found, how))
        # anchors: places with one plausible reading (a country, or a single candidate)
        anchors: list[Candidate] = []
        for found, _ in cands:
            if len(found) == 1 or (found and all(c.kind == "country" for c in found)):
                anchors.append(found[0])
                if found[0].country:
                    countries[found[0].country] += 1
        out = []
        for i, (sp, (found, how)) in enumerate(zip(spans, cands, strict=True)):
            if not found:
                continue
            container = self._container(spans, cands, i)
            scored = [(self._score(c, sp.label_, countries, focus, container, anchors), c) for c in found]
            scored.sort(key=lambda x: -x[0][0])
            (best_s, steps), best = scored[0]
            total = sum(math.exp(s - best_s) for (s, _), _ in scored)
            precision = PRECISION.get(best.kind, best.kind)
            if sp.kb_id_.startswith("relative:"):
                precision = COARSER.get(best.kind, precision)
            place = Place(text=sp.text, name=best.name, country=best.country, admin1=best.admin1,
                          lat=round(best.lat, 5), lon=round(best.lon, 5), geonameid=best.geonameid,
                          precision=precision, score=round(1.0 / total, 3), start=sp.start_char, end=sp.end_char,
                          method="+".join([how if best.how != "fuzzy" else "fuzzy"] + steps +
                                          ([sp.kb_id_] if sp.kb_id_ != "ner" else [])))
            out.append(ResolvedPlace(place, (sp.start, sp.end)))
        layers.put(doc, "places", out)
        return doc

    def _container(self, spans, cands, i) -> Candidate | None:
        """'Raqqa, Syria' / 'Kidal, in northern Mali': the next toponym right after a comma."""
        if i + 1 >= len(spans):
            return None
        sp, nxt = spans[i], spans[i + 1]
        between = text_of(sp.doc)[sp.end_char:nxt.start_char].strip()
        if between not in (",", ", in", "in") or not cands[i + 1][0]:
            return None
        big = [c for c in cands[i + 1][0] if c.kind in ("country", "admin1")]
        return max(big, key=lambda c: c.population) if big else None

    def _score(self, c: Candidate, hint: str, countries: Counter, focus: str | None,
               container: Candidate | None, anchors: list[Candidate]) -> tuple[float, list[str]]:
        steps = []
        s = KIND_PRIOR.get(c.kind, 0.0) + math.log10(c.population + 10) / 2
        if c.how in ("name", "alias"):
            s += 0.3
        if hint in ("admin1", "admin2") and c.kind in ("admin1", "admin2"):
            s += 3.0
            steps.append("kind_hint")
        elif hint == "city" and c.kind == "city":
            s += 2.0
            steps.append("kind_hint")
        if container is not None and (c.country == container.country and (
                container.kind == "country" or c.admin1 == container.admin1)):
            s += 4.0
            steps.append("containment")
        if c.country and countries.get(c.country):
            s += 2.0 + (1.0 if c.country == focus else 0.0)
            steps.append("country_context")
        if c.kind in ("city", "admin2") and any(a is not c and a.kind in ("city", "admin1", "admin2")
                                                 and _km(a, c) < 300 for a in anchors):
            s += 1.0
            steps.append("nearby")
        if not steps:
            steps.append("population")
        return s, steps


@Language.factory(GeocodeStage.name, requires=requires(GeocodeStage.reads), assigns=assigns(GeocodeStage.writes),
                  default_config={"gazetteer": None})
def make_geocode(nlp: Language, name: str, gazetteer: str | None) -> GeocodeStage:
    from ..geo import default_gazetteer

    return GeocodeStage(default_gazetteer(gazetteer))
