"""Places stage: finds place mentions (toponyms) and writes them to the toponyms layer.

Sources: the NER's GPE/LOC/FAC entities, plus proper names the NER missed or mislabelled that the
gazetteer knows (a town tagged as a person after "in"). Each span's label_ carries a kind hint
("any", "admin1" for "Anbar province", "admin2" for districts, "city" for "the town of X") and kb_id_
says which rule found it (ner, gazetteer, pattern, relative:<phrase>). Not places: demonyms,
organisations named after a place, a capital standing for its government ("Washington said")."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..geo.gazetteer import Gazetteer
from ..nlp import layers
from ..nlp.dateline import dateline
from ..nlp.layer_types import ActorKey
from ..nlp.layers import Stage, assigns, register, requires
from ..nlp.sents import text_of, tokens_of

ADMIN_WORDS = {"province": "admin1", "governorate": "admin1", "region": "admin1", "state": "admin1",
               "oblast": "admin1", "prefecture": "admin1", "department": "admin1", "county": "admin2",
               "district": "admin2", "municipality": "admin2"}
SETTLEMENT_WORDS = {"city", "town", "village", "villages", "towns", "cities", "capital", "port"}
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
              "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
              "southeastern", "southwestern", "north-east", "north-west", "south-east", "south-west"}
VAGUE = {"west", "east", "north", "south", "federal", "centre", "center", "midwest", "interior", "mainland"}
EPONYM_NEXT = {"virus", "viruses", "disease", "fever", "flu", "syndrome", "strain", "vaccine", "agreement",
               "accord", "accords", "protocol", "process", "talks", "format", "convention", "group", "university",
               "college", "airport", "club", "fc", "times", "post", "street", "road", "avenue", "declaration"}
LOCATIVE = {"in", "near", "at", "from", "to", "outside", "around", "of", "across", "towards", "toward", "into"}
RELATIVE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:km|kilometres|kilometers|miles|mi)\s+(?:\(\d+\s*miles?\)\s+)?"
                      r"((?:north|south|east|west)(?:-?(?:east|west))?|outside)\s+of\s*$", re.I)


class PlacesStage(Stage):
    name = "tacitus_places"
    reads = ("mentions", "actors", "doc.ents", "token.pos")
    writes = ("toponyms",)

    def __init__(self, gazetteer: Gazetteer, countries: frozenset[str]):
        register()
        self.gaz = gazetteer
        self.countries = countries  # country names that may sit inside a group's name

    def _blocked(self, doc: Doc) -> set[int]:
        """Tokens inside names of groups, people and outlets ('Islamic State', 'Kurdish-led'), except
        a country's own name in them ('the U.S. Army' still names the U.S.)."""
        out: set[int] = set()
        names: set[int] = set()
        for m in layers.get(doc, "mentions"):
            if ActorKey.parse(m.label_).named or m.kb_id_ in ("demonym", "backer"):
                out.update(range(m.start, m.end))
        for m in self._country_names(doc):
            names.update(range(m.start, m.end))
        return out - names

    def _country_names(self, doc: Doc) -> list[Span]:
        vocab_ok = []
        for t in tokens_of(doc):
            if t.pos_ == "PROPN" and t.text in self.countries:
                vocab_ok.append(doc[t.i:t.i + 1])
        return vocab_ok

    def _doc_countries(self, doc: Doc) -> set[str]:
        keys = (ActorKey.parse(m.label_) for m in layers.get(doc, "mentions"))
        return {k.name for k in keys if k.kind == "country"}

    def _metonyms(self, doc: Doc) -> set[int]:
        """A capital that acts or is acted on ('Washington said', 'accused Moscow') is the
        government, not a place; 'in Moscow' stays a place."""
        out: set[int] = set()
        for s in layers.get(doc, "actors"):
            if s.kb_id_ == "capital_metonym" and s.root.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "poss"):
                out.update(range(s.start, s.end))
        return out

    def _in_countries(self, text: str, countries: set[str]) -> bool:
        """A name the NER took for a person or organisation ('Malakal') is a place when the gazetteer
        has a town of that name in a country the article talks about."""
        return bool(countries) and any(c.country in countries and c.how in ("name", "alias") and (
            c.kind != "city" or c.population >= 5000) for c in self.gaz.lookup(text))

    def _big_city(self, text: str) -> bool:
        """A one-word 'person' who is really a large city ('captured Goma')."""
        return any(c.kind in ("city", "admin1") and c.how == "name" and c.population >= 200_000
                   for c in self.gaz.lookup(text))

    def _known(self, text: str, strong: bool) -> bool:
        """Whether a proper name the NER did not call a place is one: after 'in/near/from...' any
        known place; otherwise only a country, area, region or a city of 100,000 by its own name."""
        cands = self.gaz.lookup(text)
        if not cands:
            return False
        if strong:
            return True
        return any(c.how in ("name", "alias") and (c.kind in ("country", "admin1", "region", "continent")
                                                   or c.population >= 100_000) for c in cands)

    def run(self, doc: Doc) -> Doc:
        blocked = self._blocked(doc)
        metonyms = self._metonyms(doc)
        countries = self._doc_countries(doc)
        found: list[tuple[int, int, str, str]] = []
        taken: set[int] = set()

        def add(s: int, e: int, hint: str, rule: str) -> None:
            if any(i in taken for i in range(s, e)) or any(i in metonyms for i in range(s, e)):
                return
            taken.update(range(s, e))
            found.append((s, e, hint, rule))

        line = dateline(doc)
        if line and "place" in line:
            sp = line["place"]
            add(sp.start, sp.end, "city", "dateline")
        for ent in doc.ents:
            if ent.label_ in ("LOC", "GPE") and len(ent) == 1 and ent.text.lower() in VAGUE:
                continue  # "the West", "the South": not a place one can put on a map
            if ent.label_ not in ("GPE", "LOC", "FAC") and not (ent.label_ in ("PERSON", "ORG", "NORP") and (
                    (ent.start > 0 and doc[ent.start - 1].lower_ in LOCATIVE and self._known(ent.text, strong=True))
                    or (ent.label_ != "NORP" and self._in_countries(ent.text, countries))
                    or (ent.label_ == "PERSON" and len(ent) == 1 and self._big_city(ent.text)))):
                continue
            s, e = ent.start, ent.end
            while s < e and doc[s].lower_ in ("the",):
                s += 1
            person_place = ent.label_ == "PERSON"  # a town the NER took for a person is not a person
            if s >= e or (not person_place and all(i in blocked for i in range(s, e))):
                continue
            if "-" in ent.text and ent.text.split("-")[-1].lower() in ("backed", "led", "held", "controlled"):
                continue
            if e < len(doc) and doc[e].lower_ in EPONYM_NEXT:
                continue  # "Marburg virus", "Minsk agreement": named after a place, not the place
            hint, rule = self._hint(doc, s, e)
            add(s, e, hint, rule if ent.label_ in ("GPE", "LOC", "FAC") else "gazetteer:after_preposition")
        # countries named by the dictionary, even inside an organisation's name ("the U.S. Centers for...")
        for m in layers.get(doc, "mentions"):
            if ActorKey.parse(m.label_).kind == "country" and m.kb_id_ == "name" and not any(i in blocked for i in
                                                                                  range(m.start, m.end)):
                if not any(i in metonyms for i in range(m.start, m.end)):
                    hint, rule = self._hint(doc, m.start, m.end)
                    add(m.start, m.end, hint, "dictionary" if rule == "ner" else rule)
        # proper names the NER did not tag as places but the gazetteer knows well
        toks = tokens_of(doc)
        i = 0
        while i < len(doc):
            t = toks[i]
            if t.pos_ != "PROPN" or i in taken or i in blocked or not t.text[:1].isupper() or t.ent_type_ in (
                    "PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY", "CARDINAL"):
                i += 1
                continue
            j = i
            while j + 1 < len(doc) and toks[j + 1].pos_ == "PROPN" and j + 1 - i < 3 and j + 1 not in taken:
                j += 1
            for end in range(j + 1, i, -1):
                text = doc[i:end].text
                if end < len(doc) and toks[end].lower_ in EPONYM_NEXT:
                    continue  # "Marburg virus", "Minsk agreement"
                strong = i > 0 and toks[i - 1].lower_ in LOCATIVE
                if self._known(text, strong):
                    hint, rule = self._hint(doc, i, end)
                    add(i, end, hint, "gazetteer" if rule == "ner" else rule)
                    i = end - 1
                    break
            i += 1
        layers.put(doc, "toponyms", [Span(doc, s, e, label=h, kb_id=r) for s, e, h, r in sorted(found)])
        return doc

    def _hint(self, doc: Doc, s: int, e: int) -> tuple[str, str]:
        """Kind hint and rule from the words around a toponym."""
        after = doc[e].lower_ if e < len(doc) else ""
        if after in ADMIN_WORDS:
            return ADMIN_WORDS[after], f"pattern:{after}"
        if s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in ADMIN_WORDS:
            return ADMIN_WORDS[doc[s - 2].lower_], f"pattern:{doc[s - 2].lower_}_of"
        if s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in SETTLEMENT_WORDS:
            return "city", f"pattern:{doc[s - 2].lower_}_of"
        before = text_of(doc)[max(0, doc[s].idx - 40):doc[s].idx]
        m = RELATIVE.search(before)
        if m:
            return "any", f"relative:{m.group(1)} km {m.group(2).lower()}"
        if s >= 1 and doc[s - 1].lower_ in DIRECTIONS:
            return "any", f"relative:{doc[s - 1].lower_}"
        return "any", "ner"


@Language.factory(PlacesStage.name, requires=requires(PlacesStage.reads), assigns=assigns(PlacesStage.writes),
                  default_config={"gazetteer": None})
def make_places(nlp: Language, name: str, gazetteer: str | None) -> PlacesStage:
    from ..geo import default_gazetteer
    from ..lexicons.actors import default_dictionary

    names = frozenset(s.text for s in default_dictionary().surfaces if ActorKey.parse(s.entry_id).kind == "country"
                      and s.how == "name" and " " not in s.text)
    return PlacesStage(default_gazetteer(gazetteer), names)
