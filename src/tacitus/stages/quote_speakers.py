"""Speakers: the noun phrase a cue names, resolved to a person or body of the article.

A name resolves through the actors layer (people.py has already turned a surname into the full
name of the most recent person of that surname). A pronoun ('he said') is the most recent person
named as the subject of a clause outside quotation marks, of the pronoun's gender where the article
tells it; a description ('the spokesman', 'the senator') is the most recent person the article
introduced in that role. Either way the speaker is someone the article names: when nobody fits,
the speaker is the words as written and no name. An outlet is never a speaker: 'told AFP' and
'Reuters reported' give the quote's `via`. Each speaker keeps the words written at the cue
(`text`, `start`, `end`) beside the resolved identity (`name`, `title`, `affiliation`)."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from ..frozen import frozen
from ..lexicons import read_tsv
from ..nlp.layer_types import ActorInfo, ActorKey
from ..nlp.sents import sent_of, text_of, tokens_of
from .quote_cues import kids

PKG = "tacitus.lexicons"
NAMED = ("person", "group", "local", "country")
NP_CUT = {"appos", "relcl", "acl", "punct", "advcl", "prep", "cc", "conj"}
LOOK_BACK = 60      # person mentions looked at to resolve a pronoun or a description
GENDER_WINDOW = 40  # tokens after a subject in which a pronoun is taken to refer back to it


@frozen
class Who:
    """A resolved speaker: the words at the cue and the identity they stand for."""

    text: str
    start: int
    end: int
    name: str | None
    title: str | None = None
    affiliation: str | None = None
    key: str | None = None
    outlet: bool = False


def _lexicon() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    gender = {r["word"]: r["gender"] for r in read_tsv(PKG, "person_gender.tsv")}
    roles = {r["title"]: tuple(r["nouns"].split("|")) for r in read_tsv(PKG, "title_roles.tsv")}
    return gender, roles


GENDER, TITLE_ROLES = _lexicon()


class Speakers:
    """Resolves speaker phrases of one Doc; `noted` speakers count as antecedents of later pronouns."""

    def __init__(self, doc: Doc, spans: list[Span], info: dict[str, ActorInfo], inq: list[int]):
        self.doc = doc
        self.toks = tokens_of(doc)
        self.info = info
        self.inq = inq
        self.at: dict[int, Span] = {}
        for s in sorted(spans, key=lambda s: (s.end - s.start)):
            for i in range(s.start, s.end):
                self.at.setdefault(i, s)
        people = [s for s in spans if ActorKey.parse(s.label_).kind == "person" and inq[s.root.i] < 0]
        people.sort(key=lambda s: s.start)
        self.mentions = [(s.root.i, s.label_, s.root.dep_ in ("nsubj", "nsubjpass")) for s in people]
        self.positions = [m[0] for m in self.mentions]
        self.roles: dict[str, set[str]] = {}
        self.gender: dict[str, str] = {}
        self._learn(people)

    # ------------------------------------------------------------------ what the article tells
    def _learn(self, people: list[Span]) -> None:
        votes: dict[str, dict[str, int]] = {}
        for s in people:
            pid = s.label_
            v = votes.setdefault(pid, {"m": 0, "f": 0})
            roles = self.roles.setdefault(pid, set())
            title = self.info.get(pid).title if pid in self.info else None
            for w in (title or "").split():
                if w in GENDER:
                    v[GENDER[w]] += 2
                roles.update(TITLE_ROLES.get(w, ()))
            if title:
                roles.update(TITLE_ROLES.get(title, (title.lower().rstrip("."),)))
            for t in self._role_tokens(s):
                lemma = t.lemma_.lower()
                roles.add(lemma)
                if t.text in GENDER or lemma in GENDER:
                    v[GENDER.get(t.text) or GENDER[lemma]] += 2
            if s.root.dep_ in ("nsubj", "nsubjpass"):
                g = self._pronoun_after(s)
                if g:
                    v[g] += 1
        for pid, v in votes.items():
            if v["m"] != v["f"]:
                self.gender[pid] = "m" if v["m"] > v["f"] else "f"

    def _role_tokens(self, s: Span) -> list[Token]:
        """Common nouns that describe the person: before the name in its phrase ('campaign
        manager Robby Mook'), the words right before the phrase ('Mrs. Letts') and an apposition
        ('Brian Fallon, a Clinton campaign spokesman')."""
        out = [t for t in s if t.pos_ == "NOUN" and t.i < s.root.i]
        out += [t for t in self.toks[max(0, s.start - 2):s.start] if t.text in GENDER]
        for c in kids(s.root):
            if c.dep_ == "appos" and c.pos_ == "NOUN":
                out.append(c)
                out += [g for g in kids(c) if g.dep_ == "compound" and g.pos_ == "NOUN"]
        return out

    def _pronoun_after(self, s: Span) -> str | None:
        """The gender of the first he/she after a subject, before any other person is named."""
        end = min(len(self.toks), s.end + GENDER_WINDOW)
        sent_end = sent_of(s.root).end
        nxt_end = sent_of(self.toks[sent_end]).end if sent_end < len(self.toks) else sent_end
        for t in self.toks[s.end:min(end, nxt_end)]:
            if self.inq[t.i] >= 0:
                continue
            other = self.at.get(t.i)
            if other is not None and other.label_ != s.label_ and ActorKey.parse(other.label_).kind == "person":
                return None
            if t.pos_ == "PRON" and t.lower_ in GENDER:
                return GENDER[t.lower_]
        return None

    # ------------------------------------------------------------------ resolution
    def noun_phrase(self, tok: Token) -> tuple[int, int]:
        """Char span of the phrase headed by `tok`, without its apposition, clauses or punctuation."""
        first, last = tok.left_edge.i, tok.right_edge.i
        for c in kids(tok):
            if c.dep_ in NP_CUT and c.i > tok.i:
                last = min(last, c.left_edge.i - 1)
            elif c.dep_ in NP_CUT and c.i < tok.i:
                first = max(first, c.right_edge.i + 1)
        last = max(last, tok.i)
        first = min(first, tok.i)
        while last > tok.i and (self.toks[last].is_punct or self.toks[last].is_space):
            last -= 1
        while first < tok.i and (self.toks[first].is_punct or self.toks[first].is_space):
            first += 1
        return self.toks[first].idx, self.toks[last].idx + len(self.toks[last])

    def resolve(self, tok: Token | None) -> Who | None:
        if tok is None:
            return None
        appos = next((c for c in kids(tok) if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if tok.pos_ == "NOUN" and appos is not None and appos.i in self.at and \
                ActorKey.parse(self.at[appos.i].label_).kind == "person":
            tok = appos  # 'Its local adviser, Tom Price, told …'
        span = self.at.get(tok.i)
        if span is not None and span.root.i != tok.i and ActorKey.parse(span.label_).kind != "person":
            span = None  # 'the Clinton campaign': a body named inside the phrase is not the speaker
        person = span is not None and span.root == tok and ActorKey.parse(span.label_).kind == "person"
        start, end = (span.start_char, span.end_char) if person else self.noun_phrase(tok)
        text = text_of(self.doc)[start:end]
        if span is not None:
            key = ActorKey.parse(span.label_)
            info = self.info.get(span.label_)
            if key.kind == "outlet" or (info is not None and info.kind == "media"):
                return Who(text, start, end, None, key=span.label_, outlet=True)
            if key.kind == "person":
                return self._person(text, start, end, span.label_)
            if key.kind in NAMED and info is not None and info.name:
                return Who(text, start, end, info.name, key=span.label_)
        pid = None
        if tok.pos_ == "PRON" and tok.lower_ in GENDER:
            pid = self._antecedent(tok.i, GENDER[tok.lower_], None)
        elif tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in kids(tok)):
            country = None  # 'the Sudanese spokesman': one of Sudan's
            if span is not None and span.kb_id_ == "country+agent":
                country = ActorKey.parse(span.label_).name
            pid = self._antecedent(tok.i, GENDER.get(tok.lemma_.lower()), tok.lemma_.lower(), country)
        if pid is not None:
            return self._person(text, start, end, pid)
        return Who(text, start, end, text if tok.pos_ != "PRON" else None,
                   key=span.label_ if span is not None else None)

    def is_source(self, tok: Token) -> bool:
        """Whether the phrase headed by `tok` names someone who can say things: a person (or he,
        she, they), or a named body or country; not a generic agent ('soldiers')."""
        if tok.pos_ == "PRON":
            return tok.lower_ in GENDER or tok.lower_ in ("they", "we", "i")
        span = self.at.get(tok.i)
        if span is None:
            return tok.ent_type_ in ("PERSON", "ORG")
        return ActorKey.parse(span.label_).kind in ("person", "group", "local", "outlet", "country")

    def _person(self, text: str, start: int, end: int, pid: str) -> Who:
        info = self.info.get(pid)
        name = info.name if info is not None and info.name else ActorKey.parse(pid).name
        return Who(text, start, end, name, info.title if info else None, info.affiliation if info else None, pid)

    def _antecedent(self, i: int, gender: str | None, role: str | None, country: str | None = None) -> str | None:
        """The most recent person before token i who was a clause's subject (for a pronoun) or was
        introduced in `role` (for a description), of a compatible gender."""
        k = bisect.bisect_left(self.positions, i)
        fallback = None
        for _pos, pid, subj in reversed(self.mentions[max(0, k - LOOK_BACK):k]):
            g = self.gender.get(pid)
            if gender and g and g != gender:
                continue
            if role is not None:
                info = self.info.get(pid)
                if role in self.roles.get(pid, ()) and (country is None or info is None or info.country in (None, country)):
                    return pid
                continue
            if subj:
                return pid
            fallback = fallback or pid
        return fallback

    def note(self, who: Who | None, at: int) -> None:
        """A resolved speaker at token `at` is an antecedent for the pronouns after it."""
        if who is None or who.key is None or ActorKey.parse(who.key).kind != "person":
            return
        k = bisect.bisect_left(self.positions, at)
        if k < len(self.positions) and self.positions[k] == at:
            return
        self.positions.insert(k, at)
        self.mentions.insert(k, (at, who.key, True))
