"""Geocode stage: resolves the article's toponyms together, as one problem, and records why.

Lookup: exact name -> alternate name -> fuzzy spelling (within the countries the text names).
Each candidate is scored (resolution.py) on what it is (kind, population, the kind the text asks
for: 'Anbar province', 'the town of X'), on what the text says around it (the countries named in
its sentence, then its paragraph, then the article; 'X, Y' / 'X (Y, Z)' / 'Y's X district'
containment), and on the other places of the article (near them, in their areas), re-scored until
the choices settle. The score kept is the chosen candidate's share of the candidates' weight. A
place whose best candidate is weak (a small place or an unranked locality with nothing in the text
for it) stays unresolved: no coordinates, its candidates named in the method. Writes the places
layer (in text order)."""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from ..geo.gazetteer import Candidate, Gazetteer
from ..lexicons import read_tsv
from ..nlp import layers
from ..nlp.dateline import dateline
from ..nlp.layer_types import ActorKey, ResolvedPlace
from ..nlp.layers import Stage, assigns, register, requires
from ..nlp.sents import sent_of, text_of
from ..records import Place
from .resolution import Mention, resolve

PRECISION = {"city": "city", "locality": "city", "admin1": "admin1", "admin2": "admin2", "country": "country",
             "region": "region", "continent": "continent"}
COARSER = {"city": "admin2", "admin2": "admin1", "admin1": "admin1", "country": "region", "region": "region",
           "continent": "continent"}
# what may stand between a place and the area that holds it: 'Raqqa, Syria', 'Goma (North Kivu)',
# 'Kidal, in northern Mali', 'a village in Mubende district'
CONTAINER_GAP = re.compile(r"^(?:,|\(|,?\s*in(?: the)?(?: (?:north|south|east|west)(?:ern)?|"
                           r" (?:north|south)-?(?:east|west)(?:ern)?| central)?|,\s*\()$", re.I)
# the last name inside the brackets after a place, past a name that is none: 'Buk (Damboa LGA, Borno)'
BRACKET_LAST = re.compile(r"^\([^()]{1,40},$")
MAX_CANDIDATES = 40


class GeocodeStage(Stage):
    name = "tacitus_geocode"
    reads = ("toponyms", "mentions")
    writes = ("places",)

    def __init__(self, gazetteer: Gazetteer, missions: dict[str, str] | None = None):
        register()
        self.gaz = gazetteer
        self.missions = missions or {}  # a mission's actor label -> the country it works in ('MONUSCO': COD)
        # 'in X', 'near X': the words before a name that put it as a place ('of', 'to' do not)
        words = read_tsv("tacitus.geo", "toponym_words.tsv")
        self.locative = frozenset(r["word"] for r in words if r["kind"] == "locative") - {"of", "to"}
        # the kind words that may stand between a place and the area holding it ('X village, Y district')
        self.kinds = frozenset(r["word"] for r in words if r["kind"] in ("settlement", "admin1", "admin2", "area"))

    def _candidates(self, text: str, rule: str, countries: list[str]) -> tuple[list[Candidate], list[Candidate], str]:
        """(the candidates to score, the namesakes left out, how the name matched)."""
        if rule.startswith("us_state:"):
            c = self.gaz.admin1(rule.split(":", 1)[1])
            return ([c] if c else []), [], "abbreviation"
        found = self.gaz.lookup(text)
        how = "exact" if any(c.how == "name" for c in found) else "alternate"
        if countries and not any(c.country in countries[:3] or c.kind != "locality" for c in found):
            # nothing, or only unranked namesakes abroad: a spelling of a place in the text's countries?
            # ('Ras al-Ain' for Ra's al 'Ayn, Syria)
            close = self.gaz.fuzzy(text, countries[:3])
            if close:
                found, how = close + found, "fuzzy"
        if len(found) <= MAX_CANDIDATES:
            return found, [], how
        # 'Washington' has hundreds of namesakes: score the best-known and those in the text's countries
        found.sort(key=lambda c: (c.kind == "locality", -c.population))
        keep = found[:MAX_CANDIDATES] + [c for c in found[MAX_CANDIDATES:] if c.country in countries[:3]][:MAX_CANDIDATES]
        kept = {id(c) for c in keep}
        return keep, [c for c in found if id(c) not in kept], how

    def run(self, doc: Doc) -> Doc:
        spans = layers.get(doc, "toponyms")
        text = text_of(doc)
        paras = [0] + [m.end() for m in re.finditer(r"\n", text)]
        # (token, sentence start, paragraph, ISO3) of the countries the text names ('Syria', 'Syrian
        # troops'); a capital's name is not one of them: it is what is being resolved
        named: list[tuple[int, int, int, str]] = []
        for m in layers.get(doc, "mentions"):
            key = ActorKey.parse(m.label_)
            cc = key.name if key.kind in ("country", "force") and m.kb_id_ not in ("backer", "capital") else \
                self.missions.get(m.label_)
            if cc:
                named.append((m.start, sent_of(m[0]).start, bisect.bisect_right(paras, m.start_char), cc))
        article = [cc for *_, cc in named]
        ranked = sorted(dict.fromkeys(article), key=lambda cc: -article.count(cc))  # ties: first named first
        line = dateline(doc)
        line_tok = line["place"].start if line and "place" in line else None
        mentions = []
        for sp in spans:
            found, more, how = self._candidates(sp.text, sp.kb_id_, ranked)
            sent = sent_of(sp[0]).start
            para = bisect.bisect_right(paras, sp.start_char)
            mentions.append(Mention(
                text=sp.text, hint=sp.label_, rule=sp.kb_id_, how=how, candidates=found, more=more,
                sentence_countries={cc for t, s, _, cc in named if s == sent and not sp.start <= t < sp.end},
                paragraph_countries={cc for t, _, p, cc in named if p == para and not sp.start <= t < sp.end},
                article_countries={cc for t, *_, cc in named if not sp.start <= t < sp.end},
                dateline=sp.start == line_tok,
                placed=sp.start > 0 and doc[sp.start - 1].lower_ in self.locative))
        for i in range(len(spans) - 1):  # 'X, Y' / 'X (Y)' / 'X in Y district': Y holds X
            gap = text[spans[i].end_char:spans[i + 1].start_char].strip()
            word, _, rest = gap.partition(" ")
            if word.rstrip(",").lower() in self.kinds:  # 'Samboko village (Mambasa', 'Thor village, Thies'
                gap = rest.strip() if rest else "," if word.endswith(",") else gap
            if CONTAINER_GAP.match(gap) or BRACKET_LAST.match(gap):  # 'Buk (Damboa LGA, Borno)': Borno too
                mentions[i].container = i + 1
                mentions[i].bracketed = gap.startswith("(") or gap.endswith("(")
                mentions[i].placed = mentions[i].placed or mentions[i].bracketed
                # 'X in Y', or 'X, Y district': the text says the area holds it
                mentions[i].stated = bool(re.search(r"\bin\b", gap, re.I)) or spans[i + 1].label_ in ("admin1", "admin2")
            elif gap in ("'s", "’s"):  # 'Kirkuk's Hawija district': X holds Y
                mentions[i + 1].container = i
                mentions[i + 1].stated = True
        out = []
        for sp, m, (best, score, steps) in zip(spans, mentions, resolve(mentions), strict=True):
            rule = [sp.kb_id_] if sp.kb_id_ != "ner" else []
            if best is None:
                if not m.candidates:
                    continue  # not in the gazetteer at all: no place to put on a map
                named_c = ", ".join(sorted({f"{c.name} ({c.country or '-'})" for c in m.candidates})[:5])
                place = Place(text=sp.text, name=None, country=None, admin1=None, lat=None, lon=None, geonameid=None,
                              precision=None, score=round(score, 3), start=sp.start_char, end=sp.end_char,
                              method="+".join(["unresolved"] + steps + rule) + f":{len(m.candidates)} candidates: "
                              + named_c)
                out.append(ResolvedPlace(place, (sp.start, sp.end)))
                continue
            precision = PRECISION.get(best.kind, best.kind)
            if sp.kb_id_.startswith("relative:"):
                precision = COARSER.get(precision, precision)
            place = Place(text=sp.text, name=best.name, country=best.country, admin1=best.admin1,
                          lat=round(best.lat, 5), lon=round(best.lon, 5), geonameid=best.geonameid,
                          precision=precision, score=round(score, 3), start=sp.start_char, end=sp.end_char,
                          method="+".join([m.how if best.how != "fuzzy" else "fuzzy"] + steps + rule))
            out.append(ResolvedPlace(place, (sp.start, sp.end)))
        layers.put(doc, "places", out)
        return doc


@Language.factory(GeocodeStage.name, requires=requires(GeocodeStage.reads), assigns=assigns(GeocodeStage.writes),
                  default_config={"gazetteer": None})
def make_geocode(nlp: Language, name: str, gazetteer: str | None) -> GeocodeStage:
    from ..geo import default_gazetteer
    from ..lexicons.actors import default_dictionary

    return GeocodeStage(default_gazetteer(gazetteer), missions(default_dictionary()))


def missions(d) -> dict[str, str]:
    """International missions of the actor lexicon that work in one country (kind igo with a
    country: 'MONUSCO' in Congo, the OSCE's monitoring mission in Ukraine): the text that names
    one names its country."""
    return {e.id: e.country for e in d.entries.values() if e.etype == "group" and e.kind == "igo" and e.country}
