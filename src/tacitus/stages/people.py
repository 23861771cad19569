"""People in an article: PERSON entities with the title written before the name, the body they
speak for (an apposition, 'of the X', a modifier before the name) and, for leaders the lexicon
knows (people.tsv), the office they held at the time. A later surname or first name refers back to
the most recent full name of the article that bears it (so in a family the son quoted after his
father is the son); the lexicon names a person only when the article itself introduces nobody of
that name. Called by the actors stage, which owns the mentions it adds."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..lexicons import read_tsv
from ..lexicons.actors import ActorDictionary, Entry
from ..nlp import columns
from ..nlp.layer_types import ActorKey
from ..nlp.sents import ents_of, text_of, tokens_of
from ..nlp.tree import children


def _kind(label: str) -> str:
    return ActorKey.parse(label).kind


class People:
    def __init__(self, dictionary: ActorDictionary):
        self.d = dictionary
        titles = sorted(dictionary.titles, key=len, reverse=True)
        self.gender = {r["word"]: r["gender"] for r in read_tsv("tacitus.lexicons", "person_gender.tsv")}
        self.title_re = re.compile(r"(?:^|[\s(,])(" + "|".join(re.escape(t) for t in titles) + r")\s+$")
        # a name's text starts with its first token's, so a name whose first token begins no title has none
        self.title_starts = frozenset(t[:n] for t in titles for n in range(1, len(t) + 1))

    def _title_before(self, doc: Doc, start: int) -> tuple[str | None, str | None]:
        """The longest title written right before a name ('Brig. Gen.', 'Foreign Minister')."""
        before = text_of(doc)[max(0, doc[start].idx - 40):doc[start].idx]
        m = self.title_re.search(before)
        if not m:
            return None, None
        title = m.group(1)
        return title, self.d.titles.get(title)

    def find(self, doc: Doc, found: list, local: dict, published_year: int | None) -> None:
        """PERSON entities become people with title and affiliation. A full name introduces a
        person; a later surname ('Letts'), a first name ('Hillary') or the same name with another
        middle initial refers to the most recent person so introduced (a courtesy title, 'Mrs.
        Letts', picks the one of that gender), and only when the article introduces nobody of that
        name does the leader lexicon decide who it is."""
        person_entries = {(s, e): eid for s, e, eid, how in found if _kind(eid) == "person"}
        named = {i for s, e, eid, how in found if _kind(eid) in ("group", "country") for i in range(s, e)}
        ents = [ent for ent in ents_of(doc) if ent.label_ == "PERSON" and not all(i in named for i in range(ent.start, ent.end))]
        ents = sorted([self._untitled(doc, e) for e in ents] + self._titled_names(doc, ents), key=lambda e: e.start)
        intros: list[tuple[int, str, str | None]] = []  # (token, pid, gender) of each full name, in text order
        by_last: dict[str, list[int]] = {}
        by_first: dict[str, list[int]] = {}
        by_full: dict[tuple[str, str], str] = {}
        resolved: dict[tuple[int, int], str] = {}
        for ent in ents:  # full names first: they introduce people
            words = [t for t in ent if t.text not in (".", ",")]
            if len(words) < 2:
                continue
            first, last = words[0].text, words[-1].text
            pid = by_full.get((first, last))
            if pid is None:
                pid = self._person(doc, ent, person_entries.get((ent.start, ent.end)), found, local, published_year)
                by_full[(first, last)] = pid
            intros.append((ent.start, pid, self._gender(doc, ent)))
            by_last.setdefault(last, []).append(len(intros) - 1)
            by_first.setdefault(first, []).append(len(intros) - 1)
            resolved[(ent.start, ent.end)] = pid
        for ent in ents:  # single names refer back to a full name, else stand for themselves
            if (ent.start, ent.end) in resolved:
                continue
            pid = self._refer(doc, ent.start, ent[-1].text, intros, by_last, by_first)
            if pid is None:
                pid = self._person(doc, ent, person_entries.get((ent.start, ent.end)), found, local, published_year)
            resolved[(ent.start, ent.end)] = pid
        taken = {i for (s, e) in resolved for i in range(s, e)}
        pos, text = columns.pos(doc), columns.text(doc)
        for i, p in enumerate(pos):  # surnames the NER missed ('Rendell recalled')
            if p == "PROPN" and text[i] in by_last and i not in taken and i not in named:
                pid = self._refer(doc, i, text[i], intros, by_last, by_first)
                if pid is not None:
                    resolved[(i, i + 1)] = pid
        spans = {i for (s, e) in resolved for i in range(s, e)}
        found[:] = [m for m in found if not (_kind(m[2]) == "person" and any(i in spans for i in range(m[0], m[1])))]
        found.extend((s, e, pid, "person") for (s, e), pid in resolved.items())

    def _untitled(self, doc: Doc, ent: Span) -> Span:
        """The name without a title the NER took into it ('Mayor Lina Osei' -> 'Lina Osei')."""
        if len(ent) < 2 or ent[0].text not in self.title_starts:
            return ent  # asked of every entity: most begin with no title
        for k in range(ent.end - 1, ent.start, -1):
            if doc[ent.start:k].text in self.d.titles:
                return Span(doc, k, ent.end, label="PERSON")
        return ent

    def _titled_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Names the NER missed but a title announces ('Finance Minister Njuguna Ndung'u'): the
        capitalised words after a title of titles.txt, when no entity covers them."""
        covered = {i for e in ents_of(doc) for i in range(e.start, e.end)
                   if e.label_ != "PERSON" and self._untitled(doc, e) is e} | \
            {i for e in ents for i in range(e.start, e.end)}
        out = []
        toks, pos, text = tokens_of(doc), columns.pos(doc), columns.text(doc)
        i = 0
        while i < len(toks):
            if pos[i] != "PROPN" or i in covered or not text[i][:1].isupper():
                i += 1
                continue
            end = i
            while end < len(toks) and pos[end] == "PROPN" and end not in covered and end - i < 4:
                end += 1
            # the title search (a long regex) only for a run of two names or more
            if end - i >= 2 and not any(toks[k].text in self.d.titles for k in range(i, end)) and \
                    self._title_before(doc, i)[0]:
                out.append(Span(doc, i, end, label="PERSON"))
                i = end
            else:
                i += 1
        return out

    def _refer(self, doc: Doc, at: int, word: str, intros: list, by_last: dict, by_first: dict) -> str | None:
        """The person a single name at token `at` refers to: the most recent full name before it
        with that surname (or, failing that, first name), else the first one after it (a headline
        names people before the story introduces them); of the gender a title before it says."""
        want = self._title_gender(doc, at)
        for index in (by_last, by_first):
            cands = [intros[k] for k in index.get(word, ())]
            if not cands:
                continue
            if index is by_first and len({c[1] for c in cands}) > 1 and not any(c[0] < at for c in cands):
                continue
            tiers = ([c for c in cands if c[2] == want], [c for c in cands if c[2] is None]) if want else (cands,)
            for tier in tiers:
                before = [c for c in tier if c[0] < at]
                if tier:
                    return (before[-1] if before else tier[0])[1]
        return None

    def _title_gender(self, doc: Doc, start: int) -> str | None:
        toks = tokens_of(doc)
        for t in toks[max(0, start - 2):start]:  # 'Mrs.', never 'his'
            if t.text in self.gender and t.pos_ != "PRON" and t.text[:1].isupper():
                return self.gender[t.text]
        return None

    def _gender(self, doc: Doc, ent: Span) -> str | None:
        """A person's gender as the article writes it beside the name: a courtesy title ('Mrs.'),
        or a kinship or role noun in apposition ('his wife, Anna Letts'; 'Tom Letts, her son')."""
        g = self._title_gender(doc, ent.start)
        if g:
            return g
        root = ent.root
        nouns = [c for c in children(root) if c.dep_ == "appos"]
        if root.dep_ == "appos":
            nouns.append(root.head)
        nouns += [t for t in doc[max(0, ent.start - 2):ent.start] if t.pos_ == "NOUN"]
        for n in nouns:
            g = self.gender.get(n.lemma_.lower()) or self.gender.get(n.text)
            if g:
                return g
        return None

    def _person(self, doc: Doc, ent: Span, eid: str | None, found: list, local: dict, published_year: int | None) -> str:
        """Registers the person a name stands for (with title and affiliation); returns its key."""
        title, role = self._title_before(doc, ent.start)
        known = self.d.entries.get(eid) if eid else None
        if known and known.years and published_year and not known.years[0] <= published_year <= known.years[1]:
            known = None
        name = known.name if known else ent.text
        aff = self._affiliation(doc, ent, found)
        info = {"name": name, "kind": known.kind if known else "person",
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
        if pid not in local or (local[pid].get("title") is None and info["title"]):
            local[pid] = info
        return pid

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
        for child in children(root):
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

