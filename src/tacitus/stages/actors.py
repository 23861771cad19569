"""Actors stage: finds who is mentioned and resolves each noun phrase to an actor.

Layers written (nlp/layers.py): mentions (dictionary matches), actors (noun phrases resolved to
an actor key, with the method in kb_id_), actor_info and focus_country.

Resolution cascade for a noun phrase (the method recorded says which step fired):
person > named group > descriptor alias ("U.S.-backed Syrian forces" = the article's
"U.S.-backed Syrian Democratic Forces") > anaphor ("the militia" = the last armed group named) >
country + agent ("Syrian government forces") > country alone > agent + the article's focus
country > unknown organisation named by the NER.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..lexicons.actors import ActorDictionary, Entry, default_dictionary, word_list
from ..nlp import columns, layers
from ..nlp.dateline import dateline
from ..nlp.layer_types import ActorInfo, ActorKey
from ..nlp.layers import Stage, assigns, register, requires
from ..nlp.sents import ents_of, tokens_of
from ..nlp.tree import children
from .people import People

BACKING = {"backed", "led", "supported", "allied", "aligned", "linked", "affiliated", "funded", "armed",
           "trained", "sponsored", "dominated", "based", "run", "controlled", "held", "occupied", "ruled"}
NP_EXCLUDE = {"relcl", "acl", "appos", "advcl", "conj", "cc", "punct", "parataxis", "ccomp", "xcomp", "det",
              "predet", "case"}
NP_PREPS = {"of", "from", "in"}
ANAPHOR_ROLES = {"REB", "UAF", "CRM"}
PRIORITY = {"person": 4, "group": 3, "outlet": 3, "local": 3, "country": 2, "agent": 1}
FIRST_PERSON = {"our", "my", "we", "us"}
FUNCTION_POS = {"AUX", "VERB", "ADP", "PRON", "DET", "SCONJ", "CCONJ", "PART"}
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,9}$")


def _strip_det(name: str) -> str:
    return re.sub(r"^(?:the|The|THE)\s+", "", name).strip()


def _info(entry: Entry, **over: Any) -> dict[str, Any]:
    d = {"name": entry.name, "kind": entry.kind, "country": entry.country, "cameo": entry.cameo,
         "acled_inter": entry.acled_inter, "acled_name": entry.acled_name, "sector": entry.sector,
         "title": entry.title, "affiliation": None, "ucdp_name": entry.ucdp_name}
    d.update(over)
    return d


def _kind(label: str) -> str:
    return ActorKey.parse(label).kind


class ActorsStage(Stage):
    name = "tacitus_actors"
    reads = ("meta", "doc.ents", "token.dep", "token.pos")
    writes = ("mentions", "actors", "actor_info", "focus_country")

    def __init__(self, nlp: Language, dictionary: ActorDictionary):
        register()
        self.d = dictionary
        self.cs = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.ci = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact: dict[str, tuple[str, str]] = {}
        by_key: dict[tuple[bool, str], list[str]] = {}
        for s in dictionary.surfaces:
            by_key.setdefault((s.case_sensitive, f"{s.entry_id}\t{s.how}"), []).append(s.text)
            self.exact.setdefault(s.text, (s.entry_id, s.how))
        for (cs, key), texts in by_key.items():
            docs = [nlp.make_doc(t) for t in texts]
            (self.cs if cs else self.ci).add(key, docs)
        self.member_nouns = word_list("member_nouns.txt") | word_list("place_nouns.txt")
        self.people = People(dictionary)

    # ------------------------------------------------------------------ matching
    def _match(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        found = []
        vocab = doc.vocab.strings
        toks = tokens_of(doc)
        for matcher in (self.cs, self.ci):
            for key, s, e in matcher(doc):
                if e - s == 1 and toks[s].pos_ in FUNCTION_POS:
                    continue  # 'IS' in 'FIGHTING IS OVER', 'US' in 'HELP US': a word, not a name
                eid, how = vocab[key].split("\t")
                found.append((s, e, eid, how))
        for i, (s, e, eid, _how) in enumerate(found):  # "Kurdish-led forces": Kurds lead, they are not the actor
            if e + 1 < len(doc) and doc[e].text == "-" and doc[e + 1].lower_ in BACKING:
                found[i] = (s, e, eid, "backer")
        for i, word in enumerate(columns.text(doc)):  # "U.S.-backed": the part before the hyphen is a backer
            if "-" in word and not toks[i].ent_type_ == "PERSON":
                head, _, tail = word.rpartition("-")
                if tail.lower() in BACKING and head in self.exact:
                    eid, _ = self.exact[head]
                    found.append((i, i + 1, eid, "backer"))
        return found

    def _abbreviations(self, doc: Doc, found: list, local: dict) -> None:
        """'Syrian Democratic Forces (SDF)': the bracketed acronym names the phrase before it."""
        starts = {}
        for s, e, eid, _how in found:
            starts.setdefault(e, []).append((s, eid))
        words = columns.text(doc)
        for i in range(1, len(words) - 1):
            if words[i] != "(" or not ACRONYM.match(words[i + 1]) or words[min(i + 2, len(doc) - 1)] != ")":
                continue
            abbr = words[i + 1]
            before = starts.get(i)
            if before:
                eid = min(before, key=lambda x: x[0])[1]  # the longest name that ends at the bracket
            else:
                ent = next((x for x in ents_of(doc) if x.end == i and x.label_ in ("ORG", "NORP", "FAC")), None)
                if ent is None:
                    continue
                name = _strip_det(ent.text)
                eid = ActorKey("local", name).label
                local[eid] = {"name": name, "kind": "organization", "country": None, "cameo": None,
                              "acled_inter": None, "acled_name": name, "sector": None, "title": None,
                              "affiliation": None}
                found.append((ent.start, ent.end, eid, "name"))
            for k, word in enumerate(words):
                if word == abbr and k != i + 1:
                    found.append((k, k + 1, eid, "abbreviation"))

    # ------------------------------------------------------------------ resolution
    def run(self, doc: Doc) -> Doc:
        meta = layers.get(doc, "meta")
        year = None
        if meta is not None and meta.published:
            try:
                year = int(str(meta.published)[:4])
            except ValueError:
                year = None
        found = self._match(doc)
        local: dict[str, dict] = {}
        self._abbreviations(doc, found, local)
        self.people.find(doc, found, local, year)
        mentions = self._select(found)
        layers.put(doc, "mentions", [Span(doc, s, e, label=eid, kb_id=how) for s, e, eid, how in mentions])
        # the article's country: named countries and capitals count fully, demonyms half (an "Israeli
        # strike" in Gaza is about Gaza); ties go to the country named first
        weight: Counter = Counter()
        first: dict[str, int] = {}
        for s, _e, eid, how in mentions:
            if _kind(eid) == "country" and how in ("name", "capital", "demonym"):
                weight[eid] += 1.0 if how != "demonym" else 0.5
                first.setdefault(eid, s)
        focus = ActorKey.parse(max(weight, key=lambda k: (weight[k], -first[k]))).name if weight else None
        layers.put(doc, "focus_country", focus)
        self._resolve_all(doc, mentions, local, focus)
        return doc

    @staticmethod
    def _select(found: list) -> list[tuple[int, int, str, str]]:
        """Non-overlapping mentions: longest first, then by kind priority."""
        def prio(m):
            s, e, eid, how = m
            return (-(e - s), -PRIORITY.get(_kind(eid), 0), s)
        taken: set[int] = set()
        out = []
        for m in sorted(dict.fromkeys(found), key=prio):  # ties: the order found (lexicon order), never hash order
            span = range(m[0], m[1])
            if any(i in taken for i in span):
                continue
            taken.update(span)
            out.append(m)
        return sorted(out)

    def _entry_info(self, eid: str, local: dict) -> dict[str, Any]:
        return dict(local[eid]) if eid in local else _info(self.d.entries[eid])

    def _np(self, head: Token, at: dict | None = None) -> list[Token]:
        """The noun phrase that names an actor: the head and its modifiers, and an 'of/from/in' phrase
        only after an agent or membership noun ('fighters from the SDF', 'members of Hamas')."""
        doc = head.doc
        lower, deps, h = columns.lower(doc), columns.dep(doc), head.i
        toks = [head]
        stack = [(c, True) for c in children(head)]  # (token, whether its head is the phrase's head)
        with_pp = lower[h] in self.member_nouns or columns.lemma_lower(doc)[h] in self.member_nouns or (
            at is not None and h in at and _kind(at[h][2]) == "agent")
        while stack:
            c, of_head = stack.pop()
            dep = deps[c.i]
            if dep in NP_EXCLUDE and of_head:
                continue
            if dep == "prep" and (not of_head or lower[c.i] not in NP_PREPS or not with_pp):
                continue
            toks.append(c)
            stack.extend((g, False) for g in children(c))
        return sorted(toks, key=lambda t: t.i)

    def _resolve_all(self, doc: Doc, mentions: list, local: dict, focus: str | None) -> None:
        at: dict[int, tuple[int, int, str, str]] = {}
        for m in mentions:
            for i in range(m[0], m[1]):
                at[i] = m
        descriptors = []  # (token-text set, group entry id) for descriptor aliases
        lower, punct, deps = columns.lower(doc), columns.punct(doc), columns.dep(doc)
        for s, e, eid, _how in mentions:
            if _kind(eid) in ("group", "local"):
                root = doc[s:e].root
                words = {lower[t.i] for t in self._np(root) if not punct[t.i] and deps[t.i] != "det"}
                words.update(lower[s:e])
                descriptors.append((words, eid, s))
        info: dict[str, dict] = {}
        spans = []
        groups_seen: list[tuple[int, str]] = sorted((s, eid) for s, e, eid, how in mentions
                                                    if _kind(eid) in ("group", "local") and how != "backer")
        toks, pos = tokens_of(doc), columns.pos(doc)
        for i, d in enumerate(deps):
            if pos[i] not in ("NOUN", "PROPN", "NUM", "ADJ") or d in ("compound", "amod", "nmod"):
                continue
            tok = toks[i]
            np = self._np(tok, at)
            res = self._resolve(doc, tok, np, at, local, focus, descriptors, groups_seen)
            if res is None:
                continue
            aid, ainfo, method = res
            info.setdefault(aid, ainfo)
            while len(np) > 1 and np[-1].is_punct:
                np = np[:-1]
            while len(np) > 1 and np[0].is_punct:
                np = np[1:]
            start = min(t.i for t in np)
            end = max(t.i for t in np) + 1
            spans.append(Span(doc, start, end, label=aid, kb_id=method))
        layers.put(doc, "actors", spans)
        layers.put(doc, "actor_info", {k: ActorInfo(**v) for k, v in info.items()})

    def _resolve(self, doc, head, np, at, local, focus, descriptors, groups_seen):
        head_m = at.get(head.i)
        if head_m is None:  # "the group's capital": the owner is not the head's identity
            owned = {t.i for c in children(head) if c.dep_ == "poss" for t in c.subtree}
            np = [t for t in np if t.i not in owned]
        if any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in children(head)):
            return None  # "our forces" in a quote: the speaker's side, resolved with quotes
        ms = []
        for t in np:
            m = at.get(t.i)
            if m and m not in ms:
                ms.append(m)
        if head_m and _kind(head_m[2]) == "person":
            return head_m[2], self._entry_info(head_m[2], local), "person"
        groups = [m for m in ms if _kind(m[2]) in ("group", "local", "outlet") and m[3] != "backer"]
        if groups:
            m = head_m if head_m in groups else groups[-1]
            return m[2], self._entry_info(m[2], local), "group"
        if not ms:
            ent = None
            if head.ent_type_ == "ORG":  # the ORG entity this head belongs to
                start = head.i
                while start > 0 and doc[start].ent_iob_ == "I":
                    start -= 1
                end = head.i + 1
                while end < len(doc) and doc[end].ent_iob_ == "I":
                    end += 1
                ent = doc[start:end]
            line = dateline(doc)
            if ent is not None and line and any(ent.start < sp.end and sp.start < ent.end for sp in line.values()):
                return None  # 'MOGADISHU, Somalia (AFP) —': the dateline names a place and an outlet
            if ent is not None and ent.root == head:
                name = _strip_det(ent.text)
                aid = ActorKey("local", name).label
                local.setdefault(aid, {"name": name, "kind": "organization", "country": None, "cameo": None,
                                       "acled_inter": None, "acled_name": name, "sector": None,
                                       "title": None, "affiliation": None})
                return aid, dict(local[aid]), "ner_org"
            return None
        agents = [m for m in ms if _kind(m[2]) == "agent"]
        countries = [m for m in ms if _kind(m[2]) == "country" and m[3] != "backer"]
        backers = [m for m in ms if m[3] == "backer" and _kind(m[2]) == "country"]
        lower = columns.lower(doc)
        if agents or countries:
            punct = columns.punct(doc)
            words = {lower[t.i] for t in np if not punct[t.i]}
            if len(words) >= 2:
                for dwords, eid, _ in descriptors:
                    if words <= dwords and words - {lower[head.i]}:
                        return eid, self._entry_info(eid, local), "descriptor_alias"
        agent = head_m if head_m in agents else (agents[-1] if agents else None)
        if agent is not None and self.d.entries[agent[2]].kind == "group":
            specific = [m for m in agents if self.d.entries[m[2]].kind != "group"]
            agent = specific[-1] if specific else agent
        if agent is not None and not countries and any(lower[t.i] == "the" for t in children(head)):
            role = self.d.entries[agent[2]].role
            if role in ANAPHOR_ROLES:
                prior = [eid for s, eid in groups_seen if s < head.i]
                if prior:
                    return prior[-1], self._entry_info(prior[-1], local), "anaphor"
        country = countries[0] if countries else (backers[0] if backers else None)
        iso3 = self.d.entries[country[2]].country if country else None
        if agent is None:
            if country is None:
                return None
            c_entry = self.d.entries[country[2]]
            how = country[3]
            if how == "capital" and head_m is not country:
                return None  # a capital inside a longer noun phrase is a place, not the government
            cinfo = _info(c_entry)
            if how == "capital":
                cinfo.update(cameo=f"{iso3}GOV", kind="government")
                return ActorKey("force", iso3, "GOV").label, cinfo, "capital_metonym"
            return ActorKey("country", iso3).label, cinfo, "country" if how == "name" else how
        a_entry = self.d.entries[agent[2]]
        method = "country+agent" if country and country in countries else "backer+agent" if country else "agent"
        if iso3 is None and focus:
            iso3, method = focus, "agent+article_country"
        cname = self.d.country_name(iso3)
        role = a_entry.role or ""
        cameo = role if role.startswith("IGO") else f"{iso3 or '---'}{role}"
        acled_name = a_entry.acled_name or ""
        acled_name = acled_name.replace("{country}", cname) if cname else re.sub(r"\s*\(?\{country\}\)?", "", acled_name)
        acled_name = acled_name.replace(" of ", " of ") if cname else acled_name.removesuffix(" of")
        name = acled_name or a_entry.name
        ainfo = {"name": name, "kind": a_entry.kind, "country": iso3, "cameo": cameo,
                 "acled_inter": a_entry.acled_inter, "acled_name": acled_name or None, "sector": a_entry.sector,
                 "title": None, "affiliation": None}
        return ActorKey("force", iso3, role, a_entry.kind).label, ainfo, method


@Language.factory(ActorsStage.name, requires=requires(ActorsStage.reads), assigns=assigns(ActorsStage.writes),
                  default_config={"lexicons": []})
def make_actors(nlp: Language, name: str, lexicons: list[str]) -> ActorsStage:
    return ActorsStage(nlp, default_dictionary(tuple(lexicons)))
