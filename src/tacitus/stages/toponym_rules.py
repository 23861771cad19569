"""What the places stage asks of the words around a name: is it a person, a thing named after a
place, or a fragment of a longer name? The words come from geo/toponym_words.tsv, the titles from
the actor lexicon and the reporting verbs from lexicons/reporting_verbs.txt."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ..frozen import frozen
from ..geo.normalize import key
from ..lexicons import read_list, read_tsv
from ..nlp import columns
from ..nlp.sents import text_of, tokens_of

AGE = re.compile(r"^\s*,\s*\d{1,3}\s*,")
HYPHENS = ("-", "‑", "–")
SETTLEMENTS = "tacitus_named_settlements"  # Doc.user_data: the tokens after 'the town of' that name one


@frozen
class Words:
    admin: dict[str, str]
    settlement: frozenset[str]
    direction: frozenset[str]
    vague: frozenset[str]
    eponym: frozenset[str]
    disease: frozenset[str]
    named_before: frozenset[str]
    locative: frozenset[str]
    not_locative: frozenset[str]
    particles: frozenset[str]
    point_before: frozenset[str]
    area: frozenset[str]
    organisation: frozenset[str]
    facility: frozenset[str]
    located: frozenset[str]
    neighbour: frozenset[str]
    anaphor: frozenset[str]
    titles: frozenset[str]
    reporting: frozenset[str]

    @staticmethod
    def load(titles: tuple[str, ...] = ()) -> Words:
        rows = read_tsv("tacitus.geo", "toponym_words.tsv")

        def kind(k: str) -> frozenset[str]:
            return frozenset(r["word"] for r in rows if r["kind"] == k)

        admin = {r["word"]: r["kind"] for r in rows if r["kind"] in ("admin1", "admin2")}
        disease = kind("disease")
        return Words(admin=admin, settlement=kind("settlement"), direction=kind("direction"), vague=kind("vague"),
                     eponym=kind("eponym") | disease, disease=disease, named_before=kind("named_before"),
                     locative=kind("locative"), not_locative=kind("not_locative"), particles=kind("particle"),
                     point_before=kind("point_before"), area=kind("area"), organisation=kind("organisation"),
                     facility=kind("facility"), located=kind("located"), neighbour=kind("neighbour"),
                     anaphor=kind("anaphor"),
                     titles=frozenset(t.rstrip(".") for t in titles),
                     reporting=frozenset(read_list("tacitus.lexicons", "reporting_verbs.txt")))

    def eponym_tokens(self, doc: Doc) -> tuple[set[int], set[str]]:
        """Tokens of names that a following word makes a thing ('Marburg' in 'Marburg virus', 'West
        Nile' in 'West Nile virus') or a preceding one ('Hurricane Katrina'); and the diseases'
        names, which are no place anywhere in the article."""
        lower, pos, text = columns.lower(doc), columns.pos(doc), columns.text(doc)
        out: set[int] = set()
        diseases: set[str] = set()
        for i, low in enumerate(lower):
            if low in self.eponym and i > 0:
                j = i
                while j > 0 and i - j < 3 and pos[j - 1] == "PROPN" and text[j - 1][:1].isupper():
                    j -= 1
                if j < i:
                    out.update(range(j, i))
                    if low in self.disease:
                        diseases.add(key(doc[j:i].text))
            elif low in self.named_before and text[i][:1].isupper() and i + 1 < len(doc):
                j = i + 1
                while j < len(doc) and j - i <= 3 and pos[j] == "PROPN" and text[j][:1].isupper():
                    j += 1
                if j > i + 1:
                    out.update(range(i, j))
        return out, diseases

    def settled(self, doc: Doc) -> set[str]:
        """Names the text itself calls a settlement ('the town of Djibo'): a place wherever they
        recur, even when someone in the article has that surname ('Amadou Djibo')."""
        lower, pos, text = columns.lower(doc), columns.pos(doc), columns.text(doc)
        out: set[str] = set()
        for i in range(2, len(doc)):
            if lower[i - 1] != "of" or lower[i - 2] not in self.settlement:
                continue  # both readings need 'the town of' before it
            if self.named_settlement(doc, i) or pos[i] == "PROPN":
                j = i + 1
                while j < len(doc) and j - i < 3 and pos[j] == "PROPN" and text[j][:1].isupper():
                    j += 1
                out.add(doc[i:j].text)
        return out

    def named_settlement(self, doc: Doc, i: int) -> bool:
        """A capitalised word inside a sentence after 'the town of' ('Sake', which the tagger may take
        for the noun 'sake')."""
        return i in self.named_settlements(doc)

    def named_settlements(self, doc: Doc) -> set[int]:
        """The tokens `named_settlement` holds for, found once per Doc (it is asked of every token)."""
        found = doc.user_data.get(SETTLEMENTS)
        if found is None:
            lower, text, toks = columns.lower(doc), columns.text(doc), tokens_of(doc)
            found = doc.user_data[SETTLEMENTS] = {
                i for i in range(2, len(doc)) if lower[i - 1] == "of" and lower[i - 2] in self.settlement
                and text[i][:1].isupper() and not toks[i].is_sent_start and toks[i].is_alpha}
        return found

    def named_after(self, doc: Doc, e: int, label: str) -> bool:
        """The word after the name makes the whole a thing named after a place ('Minsk agreement') or
        an organisation ('the Defense Department', 'Interior Ministry'; a 'Department' of a GPE entity
        may be a French-style area)."""
        if e >= len(doc):
            return False
        after = doc[e]
        return after.lower_ in self.eponym or (after.lower_ in self.organisation and after.text[:1].isupper()
                                               and not (label in ("GPE", "LOC") and after.lower_ in self.admin))

    def acts(self, doc: Doc, e: int) -> bool:
        """'Iran-backed', 'Kurdish-led': the name joined to a participle of what it does is an actor;
        'Britain-based' says where something is, and stays a place."""
        return self.joined_to(doc, e, None) and not self.joined_to(doc, e, self.located)

    @staticmethod
    def joined_to(doc: Doc, e: int, words: frozenset[str] | None) -> bool:
        """A hyphen right after the name and a participle after it (one of `words`, if given)."""
        return e + 1 < len(doc) and doc[e].text in HYPHENS and not doc[e - 1].whitespace_ and \
            not doc[e].whitespace_ and (doc[e + 1].tag_ == "VBN" or doc[e + 1].pos_ == "VERB") and \
            (words is None or doc[e + 1].lower_ in words)

    def flags(self, doc: Doc, s: int, e: int) -> str:
        """What the words around a place say of its role, appended to its rule: '+facility' for a
        facility named after it ('Madina hospital'), '+neighbour' for 'the border with X'."""
        out = ""
        after = [t.lower_ for t in doc[e:e + 2]]
        if after and (after[0] in self.facility or (len(after) == 2 and after[1] in self.facility
                                                      and doc[e].pos_ == "NOUN" and doc[e].is_lower)):
            out += "+facility"  # 'Madina hospital', 'the Kilimani police station'
        if self.joined_to(doc, e, self.located):
            out += "+based"  # 'the Britain-based Observatory': where a group sits, not where things happen
        before = " ".join(text_of(doc)[max(0, doc[s].idx - 30):doc[s].idx].lower().split())
        if any(before.endswith(n) or before.endswith(n + " the") for n in self.neighbour):
            out += "+neighbour"
        return out


def is_person(doc: Doc, ent: Span, surnames: set[str], w: Words) -> bool:
    """A PERSON entity the text itself marks as a person: a surname the article uses for someone
    it names in full, a title or honorific before it ('Mr Jones', 'Judge Sirait'), the speaker of
    a reporting verb ('Larsen said'), an age after it ('Campbell, 42,')."""
    if len(ent) == 1 and ent.text in surnames:
        return True
    before = text_of(doc)[max(0, ent.start_char - 40):ent.start_char].rstrip()
    words = before.replace(".", "").split()
    for n in (1, 2, 3):
        if len(words) >= n and " ".join(words[-n:]) in w.titles:
            return True
    root = ent.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in w.reporting:
        return True
    return bool(AGE.match(text_of(doc)[ent.end_char:ent.end_char + 8]))


def _joined(doc: Doc, i: int) -> bool:
    """Token i is a hyphen written without spaces between two words."""
    if not 0 < i < len(doc) - 1 or columns.text(doc)[i] not in HYPHENS:
        return False
    toks = tokens_of(doc)
    return not toks[i - 1].whitespace_ and not toks[i].whitespace_


def widen(doc: Doc, s: int, e: int, particles: frozenset[str], known: Callable[[str], bool]) -> tuple[int, int]:
    """The whole name a span is part of: across hyphens written without spaces ('Mazar-i-Sharif'),
    a particle and the word after it ('Deir ez-Zor', 'Ras al-Ain'), and a proper noun before or after
    it when the gazetteer knows the longer name ('Kafr Nabl')."""
    def joins(word: Token, whole: Span) -> bool:  # 'Iraq-Syria border' joins two names, not one
        if word.tag_ == "VBN" or word.pos_ == "VERB":
            return False  # 'Britain-based', 'Iran-backed': the name, then what it does
        return word.text.islower() or known(whole.text) or not known(word.text)

    while s >= 2 and _joined(doc, s - 1) and joins(doc[s - 2], doc[s - 2:e]):
        s -= 2
    while e + 1 < len(doc) and _joined(doc, e) and joins(doc[e + 1], doc[s:e + 2]):
        e += 2
    lower, text, pos = columns.lower(doc), columns.text(doc), columns.pos(doc)
    if e + 1 < len(doc) and lower[e] in particles and text[e].islower():
        j = e
        while j < len(doc) - 1 and j - e < 3 and lower[j] in particles and text[j].islower():
            j += 1
        if j == e + 1 and j + 1 < len(doc) and _joined(doc, j) and text[j + 1][:1].isupper():
            e += 3  # 'ez-Zor', 'al-Ain'
        elif text[j][:1].isupper() and pos[j] == "PROPN":
            k = j + 1
            while k < len(doc) and k - j < 2 and pos[k] == "PROPN" and text[k][:1].isupper():
                k += 1
            e = next((x for x in range(k, j, -1) if known(doc[s:x].text)), e)  # 'Chilpancingo de los Bravo'
    if e < len(doc) and pos[e] == "PROPN" and text[e][:1].isupper() and known(doc[s:e + 1].text):
        e += 1  # 'Baja' + 'California'
        if e < len(doc) and pos[e] == "PROPN" and text[e][:1].isupper() and known(doc[s:e + 1].text):
            e += 1  # + 'Sur'
    if s > 0 and pos[s - 1] == "PROPN" and text[s - 1][:1].isupper() and known(doc[s - 1:e].text):
        s -= 1
    return s, e
