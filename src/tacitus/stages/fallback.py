"""When an article yields no event from its clauses: a report of violence whose parties it does not
name still records one event, so its place, date and toll have an event to belong to. And the
words that look like acts but name people ('the wounded')."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..nlp import layers
from ..nlp.sents import sent_of, tokens_of
from ..nlp.tree import children
from ..ontology import in_group
from .clause import patient
from .frames import modality, reported_by
from .matching import rule as rule_of
from .roles import Context, actor, raw, ref


def names_people(tok: Token) -> bool:
    """'the wounded were taken to hospital', 'news of the dead': a participle naming people, not an act."""
    return tok.tag_ in ("VBN", "JJ") and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and any(
        c.dep_ == "det" for c in children(tok))


def document_fallback(doc: Doc, ctx: Context) -> tuple[int, list[dict]] | None:
    """A report of violence whose parties the text does not name ('Dozens killed in clashes',
    '168 died yesterday') still records one event, with its actors left empty and a low
    confidence, so the place, date and toll have an event to belong to."""
    words = ctx.lex.reports_violence
    for tok in tokens_of(doc):
        pos = "V" if tok.pos_ in ("VERB", "AUX") else "N" if tok.pos_ in ("NOUN", "PROPN") else None
        rule = rule_of(tok, pos, ctx) if pos else None
        if rule is None or not in_group(rule.cameo, "violence") or names_people(tok):
            continue
        if pos == "V" and tok.lemma_.lower() not in words:
            continue
        if pos == "N" and tok.dep_ != "ROOT" and not any(t.lemma_.lower() in words for t in sent_of(tok)):
            continue  # "a pause in the bombing" is not news of a bombing
        gov = tok.head.head if tok.head.dep_ == "prep" else tok.head
        if pos == "N" and gov.lemma_.lower() in ctx.lex.irrealis:
            continue  # "fears of clashes"
        victims = patient(tok) if pos == "V" else None
        a2 = actor(victims, ctx) or ([raw(victims)] if victims is not None else None)
        ev = {"trigger": [tok.idx, tok.idx + len(tok), tok.text], "cameo": rule.cameo,
              "rule": rule.name + "+fallback:document", "a1": None, "a2": a2[0] if a2 else None,
              "modality": modality(tok, None, ctx), "reported_by": reported_by(tok, ctx),
              "confidence": 0.3, "sent": [sent_of(tok).start_char, sent_of(tok).end_char]}
        return tok.i, [ev]
    for toll in layers.get(doc, "counts") or []:  # "a body was dumped beside the road": a killing
        tok = tokens_of(doc)[toll.token]
        pos = "V" if tok.pos_ in ("VERB", "AUX") else "N"
        if (pos, tok.lemma_.lower()) in ctx.lex.rules and rule_of(tok, pos, ctx) is None:
            continue  # a sense of the word that is no violence ('the storm killed two')
        if toll.count.kind == "killed" and (toll.count.best or 0) > 0:
            a2 = [ref(ctx.at[toll.who.token])] if toll.who is not None and toll.who.token in ctx.at else \
                ([raw(tokens_of(doc)[toll.who.token])] if toll.who is not None and toll.who.token is not None else None)
            return tok.i, [{"trigger": [tok.idx, tok.idx + len(tok), tok.text], "cameo": "180",
                            "rule": "counts.tsv:" + toll.count.kind + "+fallback:toll", "a1": None,
                            "a2": a2[0] if a2 else None, "modality": modality(tok, None, ctx),
                            "reported_by": reported_by(tok, ctx), "confidence": 0.3,
                            "sent": [sent_of(tok).start_char, sent_of(tok).end_char]}]
    return None
