"""People in an article: PERSON entities with the title written before the name, the body they
speak for (an apposition, 'of the X', a modifier before the name) and, for leaders the lexicon
knows (people.tsv), the office they held at the time; a later surname refers back to the full name.
Called by the actors stage, which owns the mentions it adds."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..lexicons.actors import ActorDictionary, Entry
from ..nlp.layer_types import ActorKey
from ..nlp.sents import text_of, tokens_of


def _kind(label: str) -> str:
    return ActorKey.parse(label).kind


class People:
    def __init__(self, dictionary: ActorDictionary):
        self.d = dictionary
        titles = sorted(dictionary.titles, key=len, reverse=True)
        self.title_re = re.compile(r"(?:^|[\s(,])(" + "|".join(re.escape(t) for t in titles) + r")\s+$")

    def _title_before(self, doc: Doc, start: int) -> tuple[str | None, str | None]:
        """The longest title written right before a name ('Brig. Gen.', 'Foreign Minister')."""
        before = text_of(doc)[max(0, doc[start].idx - 40):doc[start].idx]
        m = self.title_re.search(before)
        if not m:
            return None, None
        title = m.group(1)
        return title, self.d.titles.get(title)

    def find(self, doc: Doc, found: list, local: dict, published_year: int | None) -> None:
        """PERSON entities become people with title and affiliation; later surnames refer back."""
        person_entries = {(s, e): eid for s, e, eid, how in found if _kind(eid) == "person"}
        named = {i for s, e, eid, how in found if _kind(eid) in ("group", "country") for i in range(s, e)}
        surnames: dict[str, str] = {}
        for ent in doc.ents:
            if ent.label_ != "PERSON" or all(i in named for i in range(ent.start, ent.end)):
                continue  # "Boko Haram" tagged as a person is still the group
            title, role = self._title_before(doc, ent.start)
            name = ent.text
            eid = person_entries.get((ent.start, ent.end))
            if eid is None and doc[ent.start].text in surnames:
                continue  # a later, repeated mention; handled below
            known = self.d.entries.get(eid) if eid else None
            if known and known.years and published_year and not known.years[0] <= published_year <= known.years[1]:
                known = None
            aff = self._affiliation(doc, ent, found)
            info = {"name": known.name if known else name, "kind": known.kind if known else "person",
                    "country": known.country if known else None, "cameo": known.cameo if known else None,
                    "acled_inter": known.acled_inter if known else None, "acled_name": None,
                    "sector": known.sector if known else role, "title": title or (known.title if known else None),
                    "affiliation": None}
            if aff is not None:
                a_entry, a_country = aff
                if a_entry is not None:
                    info.update(affiliation=a_entry.name, country=a_entry.country or info["country"],
                                cameo=a_entry.cameo or info["cameo"], kind=a_entry.kind,
                                acled_inter=a_entry.acled_inter, sector=a_entry.sector,
                                acled_name=a_entry.acled_name)
                elif a_country:
                    r = role or "GOV"
                    info.update(affiliation=self.d.country_name(a_country), country=a_country,
                                cameo=info["cameo"] or f"{a_country}{r}", acled_inter=info["acled_inter"] or 1,
                                kind=info["kind"] if known else {"MIL": "military", "COP": "police"}.get(r, "government"))
            pid = ActorKey("person", info["name"]).label
            local[pid] = info
            found.append((ent.start, ent.end, pid, "person"))
            if len(ent) > 1:
                surnames[ent[-1].text] = pid
        if surnames:
            taken = {i for s, e, eid, how in found if how == "person" for i in range(s, e)}
            for t in tokens_of(doc):
                if t.text in surnames and t.i not in taken and t.pos_ == "PROPN":
                    found.append((t.i, t.i + 1, surnames[t.text], "person"))

    def _affiliation(self, doc: Doc, ent: Span, found: list) -> tuple[Entry | None, str | None] | None:
        """The body a person speaks for: an apposition ('an SDF spokesman'), 'of the X', or a
        modifier before the name ('Syrian President Bashar Assad')."""
        by_token: dict[int, str] = {}
        for s, e, eid, how in found:
            if _kind(eid) in ("group", "country") and how != "backer":
                for i in range(s, e):
                    by_token.setdefault(i, eid)
        root = ent.root
        zones: list[list[Token]] = []
        for child in root.children:
            if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ in ("of", "for", "from")):
                zones.append(list(child.subtree))
        zones.append([t for t in doc[max(0, ent.start - 4):ent.start] if t.head.i >= ent.start and t.head.i < ent.end
                      or t.head == root])
        for zone in zones:
            for t in zone:
                eid = by_token.get(t.i)
                if eid and _kind(eid) == "group":
                    return self.d.entries[eid], None
            for t in zone:
                eid = by_token.get(t.i)
                if eid and _kind(eid) == "country":
                    return None, self.d.entries[eid].country
        return None

