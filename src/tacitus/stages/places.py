"""Places stage: finds place mentions (toponyms) and writes them to the toponyms layer.

Sources: the NER's GPE/LOC/FAC entities, proper names the NER missed or mislabelled that the
gazetteer knows as a ranked place (a town tagged as a person after "in"), and US state abbreviations
after a town ('Springfield, Ill.'). Each span's label_ carries a kind hint ("any", "admin1" for
"Anbar province", "admin2" for districts, "city" for "the town of X") and kb_id_ says which rule
found it (ner, gazetteer, pattern, relative:<phrase>, us_state:<code>, dateline).

What is not a place (words in geo/toponym_words.tsv): a person (a PERSON entity after a title, the
speaker of a reporting verb, a surname the article uses for a person), a fragment of a hyphenated
or multi-word name (the whole name is taken: 'Mazar-i-Sharif', 'Deir ez-Zor'), a thing named after
a place ('Marburg virus' and, once so named, 'died of Marburg'; 'Hurricane Katrina'), an acronym,
an organisation named after a place, a capital standing for its government ('Washington said'), a
demonym. An unranked locality of the gazetteer makes a place of a name only where the text says it
is one ('the village of Kampungu', 'Etoumbi district')."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..frozen import frozen
from ..geo.gazetteer import Gazetteer
from ..geo.normalize import key
from ..lexicons import read_tsv
from ..nlp import columns, layers
from ..nlp.dateline import dateline
from ..nlp.layer_types import ActorKey
from ..nlp.layers import Stage, assigns, register, requires
from ..nlp.sents import ents_of, text_of, tokens_of
from .geocode import missions
from .toponym_rules import Words, is_person, widen

DIRECTION = r"(?:north|south|east|west)(?:-?(?:east|west))?"
# what may stand between a distance phrase and its landmark: 'of the state capital, Maiduguri'
LANDMARK_GAP = r"(?:the\s+(?:[a-z]+\s+){0,2}(?:capital|city|town|village)\s*,?\s*)?"
# '30 km south of X', 'about 30 kilometers (19 miles) from X', '20 km (12 miles) west of the capital, X'
RELATIVE = re.compile(rf"(\d+(?:[.,]\d+)?)\s*(?:km|kms|kilometres|kilometers|miles|mi)\s+(?:\([^()]{{1,20}}\)\s+)?"
                      rf"(?:({DIRECTION})\s+of|(outside|from))\s+{LANDMARK_GAP}$", re.I)
# 'south of the state capital, Culiacán', 'north of Goma' (not 'the north of Mali': an area inside it)
DIRECTION_OF = re.compile(rf"(?<!the )\b({DIRECTION})\s+of\s+{LANDMARK_GAP}$", re.I)


@frozen
class UsState:
    code: str
    name: str


class PlacesStage(Stage):
    name = "tacitus_places"
    reads = ("mentions", "actors", "doc.ents", "token.pos")
    writes = ("toponyms",)

    def __init__(self, gazetteer: Gazetteer, countries: frozenset[str], words: Words,
                 states: dict[str, UsState], missions: dict[str, str] | None = None):
        register()
        self.missions = missions or {}  # geocode.missions: 'MONUSCO' names Congo
        self.gaz = gazetteer
        self.countries = countries  # country names that may sit inside a group's name
        self.w = words
        self.states = states        # 'IL', 'Ill.' -> Illinois

    def _blocked(self, doc: Doc) -> set[int]:
        """Tokens inside names of groups, people and outlets ('Islamic State', 'Kurdish-led'), except
        a country's own name in them ('the U.S. Army' still names the U.S.)."""
        out: set[int] = set()
        for m in layers.get(doc, "mentions"):
            if ActorKey.parse(m.label_).named or m.kb_id_ in ("demonym", "backer"):
                out.update(range(m.start, m.end))
        text = columns.text(doc)
        names = {i for i, p in enumerate(columns.pos(doc)) if p == "PROPN" and text[i] in self.countries}
        return out - names

    def _doc_countries(self, doc: Doc) -> set[str]:
        out = set()
        for m in layers.get(doc, "mentions"):
            k = ActorKey.parse(m.label_)
            cc = k.name if k.kind == "country" else self.missions.get(m.label_)
            if cc:
                out.add(cc)
        return out

    def _metonyms(self, doc: Doc) -> set[int]:
        """A capital that acts or is acted on ('Washington said', 'accused Moscow') is the
        government, not a place; 'in Moscow' stays a place."""
        out: set[int] = set()
        for s in layers.get(doc, "actors"):
            if s.kb_id_ == "capital_metonym" and s.root.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "poss"):
                head = s.root.head
                if s.root.dep_ == "poss" and (head.lower_ in self.w.admin or head.lower_ in self.w.settlement or
                                              head.lower_ in self.w.area or head.ent_type_ in ("GPE", "LOC", "FAC")):
                    continue  # "Nairobi's Kilimani area": a part of the city, not its government
                out.update(range(s.start, s.end))
        return out

    def _ranked(self, text: str) -> list:
        """Candidates that are ranked places (GeoNames cities, areas, countries), not the unranked
        localities: only these may make a place of a name the NER did not call one."""
        return [c for c in self.gaz.lookup(text) if c.kind != "locality"]

    def _in_countries(self, text: str, countries: set[str], any_country: bool = False) -> bool:
        """A name the NER took for a person or organisation ('Malakal') is a place when the gazetteer
        has a town of that name (5,000 people or more) in a country the article talks about."""
        return bool(countries) and any((any_country or c.country in countries) and (
            c.how in ("name", "alias") or " " in text or c.population >= 100_000) and (
            c.kind != "city" or c.population >= 5000) for c in self._ranked(text))

    def _big_city(self, text: str) -> bool:
        """A one-word 'person' who is really a large city ('captured Goma')."""
        return any(c.kind in ("city", "admin1") and c.how == "name" and c.population >= 200_000
                   for c in self._ranked(text))

    def _known(self, text: str, strong: bool) -> bool:
        """Whether a proper name the NER did not call a place is one: after 'in/near/from...' any
        ranked place; otherwise only a country, area, region or a city of 100,000 by its own name."""
        cands = self._ranked(text)
        if not cands:
            return False
        if strong:
            return True
        distinctive = " " in text or "-" in text  # an alternate spelling of several words is no common word
        return any((c.how in ("name", "alias") or distinctive) and (
            c.kind in ("country", "admin1", "region", "continent") or c.population >= 100_000) for c in cands)

    def _locative(self, doc: Doc, s: int) -> bool:
        """A place preposition right before the name ('in', 'near'), not 'according to'."""
        if s == 0 or doc[s - 1].lower_ not in self.w.locative:
            return False
        before = text_of(doc)[max(0, doc[s].idx - 20):doc[s].idx].lower().split()
        return " ".join(before[-2:]) not in self.w.not_locative

    def _point_before(self, doc: Doc, s: int) -> bool:
        """'near X', 'outside X': a word before the name that puts a point there."""
        return s > 0 and doc[s - 1].lower_ in self.w.point_before

    def _acronym(self, span: Span, country_toks: set[int]) -> bool:
        """'HIV', 'CARE', 'MoD': no place unless the country dictionary knows it ('US', 'DRC')."""
        t = span.text.replace(".", "")
        caps = t.isupper() or (len(t) <= 4 and sum(ch.isupper() for ch in t) >= 2)
        return len(span) == 1 and t.isalpha() and caps and len(t) <= 5 and span.start not in country_toks

    def run(self, doc: Doc) -> Doc:
        blocked = self._blocked(doc)
        metonyms = self._metonyms(doc)
        countries = self._doc_countries(doc)
        country_toks = {i for m in layers.get(doc, "mentions") if ActorKey.parse(m.label_).kind == "country"
                        for i in range(m.start, m.end)}
        w = self.w
        toks, pos = tokens_of(doc), columns.pos(doc)
        not_place, diseases = w.eponym_tokens(doc)
        surnames = {e[-1].text for e in ents_of(doc) if e.label_ == "PERSON" and len(e) > 1}
        settled = w.settled(doc)
        found: list[tuple[int, int, str, str]] = []
        taken: set[int] = set()
        placed: set[str] = set()

        def add(s: int, e: int, hint: str, rule: str) -> None:
            if any(i in taken or i in metonyms or i in not_place for i in range(s, e)):
                return
            if key(doc[s:e].text) in diseases:
                return
            taken.update(range(s, e))
            found.append((s, e, hint, rule + w.flags(doc, s, e)))
            placed.add(doc[s:e].text)

        line = dateline(doc)
        if line and "place" in line:
            sp = line["place"]
            add(sp.start, sp.end, "city", "dateline")
        self._states(doc, add)
        for ent in ents_of(doc):
            if ent.label_ in ("LOC", "GPE") and len(ent) == 1 and ent.text.lower() in w.vague:
                continue  # "the West", "the South": not a place one can put on a map
            if ent.label_ not in ("GPE", "LOC", "FAC", "PERSON", "ORG", "NORP"):
                continue
            for s, e in self._segments(doc, ent):
                seg = Span(doc, s, e, label=ent.label_)
                if self._acronym(seg, country_toks):
                    continue
                chained = self._chained(doc, s, taken)  # 'Goma (North Kivu)'
                if ent.label_ in ("GPE", "LOC", "FAC"):
                    if all(i in blocked for i in range(s, e)) or (
                            e - s == 1 and seg.text in surnames and not self._placed_here(doc, seg, settled)):
                        continue  # 'Djibo' of 'Amadou Djibo', unless the text puts it as a place ('from Djibo')
                elif not (seg.text in placed and not is_person(doc, seg, surnames, w)) and not (
                        self._said_settlement(doc, s, e)) and not self._mislabelled(
                        doc, seg, countries, surnames, blocked, chained) and not (
                        e - s == 1 and seg.text in surnames and self._placed_here(doc, seg, settled)):
                    continue  # a place already ('Ras al-Ain' again) or 'the village of X' is one wherever it is
                if "-" in seg.text and seg.text.split("-")[-1].lower() in ("backed", "led", "held", "controlled"):
                    continue
                if w.named_after(doc, e, ent.label_) or w.acts(doc, e):
                    continue  # "Minsk agreement", 'the Defense Department', 'Iran-backed': not the place
                s, e = widen(doc, s, e, w.particles, lambda t: bool(self.gaz.lookup(t)))
                hint, rule = self._hint(doc, s, e)
                add(s, e, hint, rule if ent.label_ in ("GPE", "LOC", "FAC") or rule.startswith("relative:")
                    else "gazetteer:after_preposition")
        # countries named by the dictionary, even inside an organisation's name ("the U.S. Centers for...")
        for m in layers.get(doc, "mentions"):
            if ActorKey.parse(m.label_).kind == "country" and m.kb_id_ == "name" and not any(
                    i in blocked or i in metonyms for i in range(m.start, m.end)) and not (
                    m[0].ent_type_ == "PERSON" and is_person(doc, m, surnames, w)):  # 'Jordan said'
                hint, rule = self._hint(doc, m.start, m.end)
                add(m.start, m.end, hint, "dictionary" if rule == "ner" else rule)
        # proper names the NER did not tag as places but the gazetteer knows well: a whole run of
        # proper nouns, never a part of one ('Hurricane' of 'Hurricane Katrina')
        settlements = w.named_settlements(doc)
        i = 0
        while i < len(doc):
            t = toks[i]
            if (pos[i] != "PROPN" and i not in settlements) or i in taken or i in blocked or \
                    not t.text[:1].isupper() or t.ent_type_ in ("PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY",
                                                                "CARDINAL") or (
                    t.text in surnames and not self._placed_here(doc, doc[i:i + 1], settled)):
                i += 1
                continue
            j = i
            while j + 1 < len(doc) and toks[j + 1].pos_ == "PROPN" and toks[j + 1].text[:1].isupper():
                j += 1
            end = j + 1
            if end - i > 1 and (toks[j].lower_ in w.admin or toks[j].lower_ in w.settlement):
                end = j  # 'Abadam LGA': the kind word stays outside, as the hint
            if (i > 0 and toks[i - 1].pos_ == "PROPN" and toks[i - 1].text[:1].isupper()) or end - i > 3 or \
                    self._acronym(doc[i:end], country_toks) or w.named_after(doc, end, "") or w.acts(doc, end):
                i = end
                continue
            s2, e2 = widen(doc, i, end, w.particles, lambda x: bool(self._ranked(x)))
            hint, rule = self._hint(doc, s2, e2)
            text = doc[s2:e2].text
            chained = self._chained(doc, s2, taken)
            said = rule.startswith("pattern:") and (hint != "any" or rule in ("pattern:area", "pattern:countryside"))
            again = (text in placed or text in settled) and not is_person(doc, doc[s2:e2], set(), w)  # 'Gwoza, about...'
            if self._known(text, self._locative(doc, s2) or chained or again) or (said and self.gaz.lookup(text)):
                add(s2, e2, hint, "gazetteer" if rule == "ner" else rule)
            i = max(end, e2)
        self._name_lines(doc, add, taken | blocked)
        layers.put(doc, "toponyms", [Span(doc, s, e, label=h, kb_id=r) for s, e, h, r in sorted(found)])
        return doc

    def _name_lines(self, doc: Doc, add, taken: set[int]) -> None:
        """A line that is nothing but names the gazetteer knows as ranked places ('Dalbandin',
        'Kobo, Amhara' under a headline: a caption or a location line) names places."""
        text = text_of(doc)
        at = 0
        for line in text.split("\n"):
            start, at = at, at + len(line) + 1
            span = doc.char_span(start, start + len(line), alignment_mode="contract") if line.strip() else None
            if span is None or len(span) > 6 or any(t.i in taken for t in span):
                continue
            words = [t for t in span if not t.is_punct]
            if not words or not all(t.text[:1].isupper() or t.lower_ in self.w.particles for t in words):
                continue
            s = span.start
            for i in range(span.start, span.end + 1):
                if i == span.end or doc[i].text in (",", ";", "(", ")"):
                    if s < i and not doc[s].is_punct and self._ranked(doc[s:i].text):
                        add(s, i, "any", "gazetteer:line")
                    s = i + 1

    def _placed_here(self, doc: Doc, seg: Span, settled: set[str]) -> bool:
        """A name that is also a surname in the article is a place where the text puts it as one:
        after a place preposition or a distance ('30 km from Djibo'), with a settlement word, or
        where the article calls that name a town; never where it is marked as a person."""
        if is_person(doc, seg, set(), self.w):
            return False
        before = text_of(doc)[max(0, seg.start_char - 80):seg.start_char]
        return self._locative(doc, seg.start) or self._said_settlement(doc, seg.start, seg.end) or \
            seg.text in settled or bool(RELATIVE.search(before))

    def _said_settlement(self, doc: Doc, s: int, e: int) -> bool:
        """'the village of X', 'X township', 'X district': the text says it is a place."""
        after = doc[e].lower_ if e < len(doc) else ""
        return (s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in self.w.settlement) or (
            after in self.w.admin or after in self.w.settlement)

    def _chained(self, doc: Doc, s: int, taken: set[int]) -> bool:
        """Right after a place and a comma or bracket ('Goma, North Kivu', 'Chifuko village (Kabare'),
        or anywhere in the brackets after a place or after a name the text puts as one ('Kolofata
        town (Mayo-Sava, Extreme-Nord)', 'in Lumbishi (Kalehe, Sud-Kivu)')."""
        if s < 2 or doc[s - 1].text not in (",", "("):
            return False
        j = s - 1
        while j > 0 and doc[j].text not in ("(", ")", ".") and s - j < 8:
            j -= 1
        if doc[j].text != "(":
            j = s - 1  # 'Goma, North Kivu'
        k = j - 2 if j >= 2 and doc[j - 1].lower_ in self.w.settlement | self.w.admin.keys() else j - 1
        if k in taken or doc[j].text != "(":
            return k in taken
        while k > 0 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].text[:1].isupper():
            k -= 1
        return doc[k].text[:1].isupper() and self._locative(doc, k)

    def _segments(self, doc: Doc, ent: Span) -> list[tuple[int, int]]:
        """The names inside an entity the NER ran across punctuation ('Santa Fe, Ocotepeque',
        'Yerevan (Yerevan, Armenia'), less a leading 'the' and a trailing settlement word
        ('Chifuko village': the word stays outside, as the kind hint)."""
        out, s = [], ent.start
        for i in range(ent.start, ent.end + 1):
            if i == ent.end or doc[i].text in (",", "(", ")", ";") or (
                    ent.label_ == "ORG" and doc[i].text == "in" and i + 1 < ent.end):  # 'the Cabinet of Ministers in Kyiv'
                a, b = s, i
                while b - a > 1 and doc[b - 1].lower_ in ("'s", "’s", "'"):
                    b -= 1  # "North Korea's"
                while a < b - 1 and (doc[a].lower_ == "the" or (doc[a].lower_ in self.w.direction and not
                                                               self._ranked(doc[a:b].text))):
                    a += 1  # 'central Illinois': the direction stays outside, as a relative hint ('North Korea' stays)
                if b - a > 1 and (doc[b - 1].lower_ in self.w.settlement or (
                        doc[b - 1].lower_ in self.w.admin and not self.gaz.lookup(doc[a:b].text))):
                    b -= 1  # 'Chifuko village', 'Kalay township'; 'Jones County' is a name
                if a < b:
                    out.append((a, b))
                s = i + 1
        return out

    def _mislabelled(self, doc: Doc, seg: Span, countries: set[str], surnames: set[str], blocked: set[int],
                     chained: bool) -> bool:
        """A PERSON / ORG / NORP entity that is really a place: a ranked place after a place
        preposition or next to a place ('Kabare, Sud-Kivu'), a town of the article's countries, or
        a large city; never a person the text marks as one (a title, a reporting verb, a surname in
        use)."""
        if seg.label_ == "PERSON":
            if is_person(doc, seg, surnames, self.w):
                return False
        elif all(i in blocked for i in range(seg.start, seg.end)) or (seg.label_ == "ORG" and not (
                (self._locative(doc, seg.start) or chained) and self._in_countries(seg.text, {"*"}, any_country=True))
                and not ((chained or self._point_before(doc, seg.start)) and self._ranked(seg.text))):
            return False  # an organisation is a place only where the text puts it and a town of 5,000 has its
            # name, or any ranked town after 'near' or in the brackets after a place ('near Opytne')
        text = seg.text
        return ((self._locative(doc, seg.start) or chained) and self._known(text, strong=True)) or (
            chained and seg.label_ != "NORP" and bool(self.gaz.lookup(text))) or (
            seg.label_ != "NORP" and self._in_countries(text, countries)) or (
            seg.label_ == "PERSON" and len(seg) == 1 and self._big_city(text))

    def _states(self, doc: Doc, add) -> None:
        """'Springfield, Ill.' / 'Portland, OR': a state abbreviation after a town and a comma."""
        toks, words = tokens_of(doc), columns.text(doc)
        for i in range(2, len(words)):
            st = self.states.get(words[i])
            if st is None or words[i - 1] != "," or not words[i - 2][:1].isupper():
                continue
            nxt = toks[i + 1] if i + 1 < len(doc) else None
            if words[i].isupper() and len(words[i]) == 2 and nxt is not None and nxt.is_alpha and not nxt.is_sent_start:
                continue  # 'Smith, IN the...' is no state
            add(i, i + 1, "admin1", f"us_state:{st.code}")

    def _hint(self, doc: Doc, s: int, e: int) -> tuple[str, str]:
        """Kind hint and rule from the words around a toponym."""
        w = self.w
        after = doc[e].lower_ if e < len(doc) else ""
        if after in w.admin:
            return w.admin[after], f"pattern:{after}"
        if s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in w.admin and not (
                s >= 3 and doc[s - 3].pos_ == "PROPN" and doc[s - 3].text[:1].isupper()):
            return w.admin[doc[s - 2].lower_], f"pattern:{doc[s - 2].lower_}_of"  # not 'Holosiivskyi district of Kyiv'
        if s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in w.settlement:
            return "city", f"pattern:{doc[s - 2].lower_}_of"
        if after in w.settlement and after not in ("capital", "port"):
            return "city", f"pattern:{after}"
        if after in w.area:
            return "any", f"pattern:{after}"  # 'the Ghouta area', 'Idlib countryside': a place, of any kind
        before = text_of(doc)[max(0, doc[s].idx - 80):doc[s].idx]
        m = RELATIVE.search(before)
        if m:
            return "any", f"relative:{m.group(1)} km {(m.group(2) or m.group(3)).lower()}"
        m = DIRECTION_OF.search(before)
        if m:
            return "any", f"relative:{m.group(1).lower()} of"
        if s >= 1 and doc[s - 1].lower_ in w.direction:
            return "any", f"relative:{doc[s - 1].lower_}"
        if s >= 1 and doc[s - 1].lower_ in w.point_before:
            return "city", f"pattern:{doc[s - 1].lower_}"  # 'near Ar Raqqah': a point, the town
        return "any", "ner"


def load_states() -> dict[str, UsState]:
    out: dict[str, UsState] = {}
    for r in read_tsv("tacitus.geo", "us_states.tsv"):
        st = UsState(r["code"], r["name"])
        out[r["postal"]] = st
        for a in r["ap"].split("|"):
            if a and a != r["name"]:
                out[a] = st
    return out


@Language.factory(PlacesStage.name, requires=requires(PlacesStage.reads), assigns=assigns(PlacesStage.writes),
                  default_config={"gazetteer": None})
def make_places(nlp: Language, name: str, gazetteer: str | None) -> PlacesStage:
    from ..geo import default_gazetteer
    from ..lexicons.actors import default_dictionary

    d = default_dictionary()
    names = frozenset(s.text for s in d.surfaces if ActorKey.parse(s.entry_id).kind == "country"
                      and s.how == "name" and " " not in s.text)
    return PlacesStage(default_gazetteer(gazetteer), names, Words.load(tuple(d.titles)), load_states(), missions(d))
