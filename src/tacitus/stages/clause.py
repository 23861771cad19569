"""The grammar of a clause, read from spaCy's dependency parse: its subject (through relative
clauses, control and coordination), objects, voice, and the agent of a passive. Pure functions of
tokens: no actors, no lexicon beyond the verb classes passed in."""

from __future__ import annotations

from spacy.tokens import Token

from ..nlp.tree import children

SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
AGENT_PREPS = {"by", "from"}
FINITE = {"VBD", "VBZ", "VBP"}


def objects(tok: Token) -> list[Token]:
    out = [c for c in children(tok) if c.dep_ in ("dobj", "attr", "oprd") + PASS_SUBJ]
    for c in children(tok):
        if c.dep_ in ("prep", "agent", "dative"):
            out += [g for g in children(c) if g.dep_ == "pobj"]
        if c.dep_ == "prt":
            out += [g for g in children(c) if g.dep_ == "pobj"]
        if c.dep_ == "xcomp":
            out.append(c)
    return out


def object_words(tok: Token) -> list[Token]:
    """Objects and the words that say what they are: 'mediation efforts', 'state of emergency',
    'tons of food aid'."""
    out = []
    for o in objects(tok):
        out.append(o)
        for c in children(o):
            if c.dep_ in ("compound", "amod", "nmod"):
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ == "of":
                for g in children(c):
                    if g.dep_ == "pobj":
                        out.append(g)
                        out.extend(x for x in children(g) if x.dep_ in ("compound", "amod"))
    return out


def subject(v: Token, asks, depth: int = 0) -> Token | None:
    """Who does what the verb says: its own subject, the noun a relative clause hangs on, the
    subject of the verb it depends on ('vowed to attack'), or the one asked by an appeal or demand
    ('urged X to talk': X); `asks(lemma)` tells whether a verb asks someone to act."""
    for c in children(v):
        if c.dep_ in SUBJ:
            if c.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                return v.head
            return c
    if depth > 3:
        return None
    if v.dep_ == "relcl":
        return v.head
    if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.dep_ == "dobj" and v.head.head.pos_ == "VERB":
        return subject(v.head.head, asks, depth + 1)  # "issued a statement condemning X"
    if v.dep_ in ("xcomp",):
        objs = [c for c in children(v.head) if c.dep_ in ("dobj",)]
        return objs[0] if objs and asks(v.head.lemma_.lower()) else subject(v.head, asks, depth + 1)
    if v.dep_ in ("conj", "advcl", "ccomp") and v.head.pos_ in ("VERB", "AUX"):
        if v.dep_ == "ccomp" and any(c.dep_ in SUBJ for c in children(v)):
            return None
        return subject(v.head, asks, depth + 1)
    return None


def passive(v: Token, headline_passive: frozenset[str]) -> bool:
    """Passive voice, including the headline ellipsis '20 militants [were] killed in air strikes' and
    participles after a noun ('two soldiers wounded in an attack'): a transitive act of violence with
    no object reads as passive."""
    if any(c.dep_ in PASS_SUBJ + ("auxpass",) for c in children(v)):
        return True
    if v.dep_ == "conj" and v.tag_ == "VBN" and not any(c.dep_ in SUBJ + ("dobj",) for c in children(v)) and \
            any(c.dep_ in PASS_SUBJ + ("auxpass",) for c in children(v.head)):
        return True  # 'a man was tied up and beaten by police officers'
    if v.lemma_.lower() in headline_passive and v.tag_ in ("VBD", "VBN"):
        return not any(c.dep_ in ("dobj", "attr") or (c.dep_ == "prep" and c.lower_ in ("at", "on", "upon", "into"))
                       for c in children(v))  # "shot at a driver" is active
    return False


def patient(v: Token) -> Token | None:
    """Who was acted on in a passive clause: the passive subject, or the noun a participle modifies."""
    subj = next((c for c in children(v) if c.dep_ in PASS_SUBJ + SUBJ), None)
    if subj is None and v.dep_ in ("acl", "amod", "relcl") and v.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return v.head
    if subj is None and v.dep_ == "conj":  # 'was tied up and beaten': the first verb's passive subject
        subj = next((c for c in children(v.head) if c.dep_ in PASS_SUBJ), None)
    return subj


def by(tok: Token, preps=AGENT_PREPS) -> Token | None:
    """The object of an agent preposition on the token ('attacked by X', 'a strike by X')."""
    for c in children(tok):
        if c.dep_ in ("agent", "prep") and c.lower_ in preps:
            for g in children(c):
                if g.dep_ == "pobj":
                    return g
    return None


def complements(v: Token) -> list[Token]:
    """The verbs a verb takes as complements ('vowed to attack', 'said they would blockade')."""
    return [c for c in children(v) if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
