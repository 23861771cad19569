"""Which trigger rule a token fires: its lemma's rules in triggers.tsv, most specific first, each
with constraints on its dependents (particle, preposition, object, modifiers, complement,
subject); '@place', '@person' and '@agent' stand for any place word, person or actor."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons.triggers import Rule
from ..nlp import columns
from ..nlp.tree import children
from .clause import SUBJ, object_words
from .roles import Context


def _destination(o: Token) -> bool:
    """Where something happens or is taken to ('seized cigarettes in Erval Velho', 'taken to Madina
    hospital'), not what is taken: the object of any preposition but 'of' ('control of the town')."""
    head = o.head if o.dep_ in ("compound", "amod") else o
    return head.dep_ == "pobj" and head.head.lower_ != "of"


def is_place(tok: Token, ctx: Context) -> bool:
    return (tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.i in ctx.places
            or tok.lemma_.lower() in ctx.lex.place_nouns)


def satisfied(tok: Token, dep: str, want: frozenset[str], ctx: Context) -> bool:
    if "*" in want:
        return any(c.dep_ == dep for c in children(tok))
    if dep == "prt":
        return any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in want for c in children(tok))
    if dep == "prep":
        return any(c.dep_ in ("prep", "agent") and c.lower_ in want for c in children(tok))
    if dep in ("compound", "amod"):
        return any(c.dep_ in (dep, "compound", "amod", "nmod") and (c.lemma_.lower() in want or c.lower_ in want)
                   for c in children(tok))
    if dep == "xcomp":
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in want for c in children(tok))
    if dep == "advcl":  # a purpose or manner clause: 'gathered to demand', 'gathered, chanting'
        return any(c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() in want for c in children(tok))
    if dep == "acomp":  # a predicative complement: 'found dead', 'left wounded'
        return any(c.dep_ in ("acomp", "oprd", "xcomp", "advmod", "dep", "ccomp") and c.lower_ in want
                   for c in children(tok))
    if dep == "subj":
        subj = next((c for c in children(tok) if c.dep_ in SUBJ + ("agent",)), None)
        if subj is None and tok.dep_ in ("acl", "relcl"):  # 'vehicles blocking the highway'
            subj = tok.head
        if subj is not None and subj.dep_ == "agent":
            subj = next((g for g in children(subj) if g.dep_ == "pobj"), None)
        if subj is not None and subj.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
            subj = tok.head  # 'an earthquake in March that killed 3,700 people'
        return subj is not None and (subj.lemma_.lower() in want or any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in want for c in children(subj)))
    for o in object_words(tok):
        if "@place" in want and is_place(o, ctx) and not _destination(o):
            return True  # 'took the town', not 'were taken to hospital'
        if "@person" in want and o.ent_type_ == "PERSON":
            return True
        if "@agent" in want and o.i in ctx.at:
            return True
        if o.lemma_.lower() in want or o.lower_ in want:
            return True
    return False


def rule(tok: Token, pos: str, ctx: Context) -> Rule | None:
    """The first rule of the token's lemma whose constraints all hold ('V' verbs, 'N' nouns)."""
    for r in ctx.lex.rules.get((pos, columns.lemma_lower(tok.doc)[tok.i]), ()):
        if all(satisfied(tok, d, w, ctx) for d, w in r.constraints):
            return None if r.cameo == "-" else r  # '-': a sense of the word that is no event
    return None


def obligation(v: Token, ctx: Context) -> Rule | None:
    """'X said that Y must ...' is X demanding something of Y (CAMEO 100), 'should' an appeal
    (020), whatever Y is asked to do."""
    modal = next((c.lower_ for c in children(v) if c.dep_ == "aux" and c.lower_ in ("must", "should")), None)
    if modal and v.dep_ == "ccomp" and v.head.lemma_.lower() in ctx.lex.reporting:
        return Rule("V", v.lemma_.lower(), (), "100" if modal == "must" else "020", "a1", 0)
    return None


def yields(v: Token, ctx: Context) -> bool:
    """Whether a complement verb is itself an event (directly or through a light-verb object)."""
    if rule(v, "V", ctx) is not None:
        return True
    return v.lemma_.lower() in ctx.lex.light and any(
        o.pos_ in ("NOUN", "PROPN") and rule(o, "N", ctx) for o in object_words(v))
