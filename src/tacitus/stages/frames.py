"""Frames around a trigger: what the verb it depends on does to the event (intent, threat, demand,
refusal, appeal: embedding.tsv), the event's modality (negated, hypothetical, future, claimed:
modality.tsv) and who the fact is attributed to ('X said', 'according to X')."""

from __future__ import annotations

from spacy.tokens import Token

from ..nlp import columns
from ..nlp.layer_types import ActorKey
from ..nlp.sents import sent_of, tokens_of
from ..nlp.tree import children
from ..ontology import in_group
from .clause import SUBJ, passive
from .roles import PRONOUNS, Context, one


def reframe(v: Token, matrix: Token | None, code: str, ctx: Context) -> tuple[str, str | None]:
    """The CAMEO code once the frame is read: 'threatened to attack' is a threat (138), 'refused to
    release' a refusal (124), 'urged X to talk' an appeal (026); an announced intent to cooperate
    is an intent (03x: 'will visit', 'agreed to lift'), an announced or conditional act of force a
    threat ('said they would blockade', 'may halt mediation if'); a promise withdrawn ('would not
    provide support') a refusal."""
    lex = ctx.lex
    m = matrix.lemma_.lower() if matrix is not None else None
    klass = lex.embed_class(m) if m else None
    if klass in ("threat", "refusal", "appeal", "demand", "failure"):
        new = lex.transform(klass, m, code)
        return (new, f"embedded:{m}") if new else (code, None)
    negated = any(c.dep_ == "neg" for t in (v, matrix) if t is not None for c in children(t))
    aux = next((c.lower_ for c in children(v) if c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll")),
               None)
    own_subject = any(c.dep_ in SUBJ and c.lower_ not in PRONOUNS for c in children(v))
    is_passive = passive(v, lex.headline_passive)
    if klass == "intent" and (is_passive or (v.dep_ == "ccomp" and own_subject)):
        klass = None  # "she hoped officials would be indicted": not her act
    if is_passive:
        aux = None
    intent = m if klass == "intent" else ("will" if aux == "'ll" else aux)
    if intent and negated and in_group(code, "cooperation"):
        new = lex.transform("refusal", "negated-intent", code)
        return (new, f"refused:{intent}") if new else (code, None)
    if intent and not negated:
        if in_group(code, "cooperation"):
            new = lex.transform("intent", intent, code)
            return (new, f"intent:{intent}") if new else (code, None)
        if in_group(code, "conflict"):
            return lex.transform("threat", "intent", code) or code, f"threat:{intent}"
    conditional = any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless")
                                                 for g in children(c)) for c in children(v))
    if conditional and in_group(code, "conflict"):
        return lex.transform("threat", "conditional", code) or code, "threat:conditional"
    if m in lex.reporting:
        modal = next((c.lower_ for c in children(v) if c.dep_ == "aux" and c.lower_ in ("must", "should")), None)
        if modal:
            k = "demand" if modal == "must" else "appeal"
            new = lex.transform(k, "demand" if k == "demand" else "urge", code)
            return (new, f"{k}:{modal}") if new else (code, None)
    return code, None


def governor(n: Token) -> Token | None:
    """The verb an event noun hangs on ('may be taking part in the fighting': taking)."""
    t = n
    for _ in range(4):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _dated(v: Token) -> bool:
    """A date is told in the verb's clause."""
    return any(t.ent_type_ == "DATE" for t in v.subtree)


def _generic(v: Token, ctx: Context) -> bool:
    """A habit, a tally over a period or a general truth, not one happening: 'gunmen have
    repeatedly attacked', 'weekly protests', 'shot down 24 drones over the past week', 'it targets
    only terrorists' (a present tense outside the article's opening sentences)."""
    lex = ctx.lex
    if any(c.lower_ in lex.habitual for c in children(v) if c.dep_ in ("advmod", "amod", "npadvmod")):
        return True
    if v.dep_ == "xcomp" and v.head.pos_ in ("VERB", "AUX") and _generic(v.head, ctx):
        return True  # 'cells have continued to ambush troops': the habit is the governing verb's
    for c in children(v):  # "over the past week", "in recent months", "for years"
        if c.dep_ == "prep" and c.lower_ in ("over", "in", "for", "during", "throughout"):
            if any(g.lower_ in lex.habitual or any(x.lower_ in lex.habitual for x in children(g))
                   for g in children(c) if g.dep_ == "pobj"):
                return True
    near = list(children(v)) + [g for o in children(v) if o.dep_ in ("dobj", "nsubjpass") for g in o.subtree]
    for c in near:  # "shot down 24 drones launched across the country": a tally, unless told of one day
        if c.dep_ == "prep" and c.lower_ in ("across", "throughout") and not _dated(v) and any(
                g.lemma_.lower() in ("country", "nation", "region", "territory") for g in children(c) if g.dep_ == "pobj"):
            return True
        if c.dep_ == "npadvmod" and c.lemma_.lower() in ("year", "month") and any(d.lower_ == "this" for d in children(c)) \
                and not any(t.ent_type_ == "DATE" for t in v.subtree if t.i not in {x.i for x in c.subtree}):
            return True  # "shot down thousands of drones this year" (not "... on Saturday, ... this year")
    for o in children(v):  # "shot down thousands of drones"
        if o.dep_ in ("dobj", "nsubjpass") and (o.lower_ in lex.habitual or any(
                x.lower_ in lex.habitual for x in children(o) if x.dep_ in ("nummod", "quantmod", "amod"))):
            return True
    if v.pos_ == "VERB" and v.tag_ in ("VBZ", "VBP") and sent_of(v).start > 0 and not any(
            c.dep_ == "aux" for c in children(v)):
        return True
    aux = [c.lower_ for c in children(v) if c.dep_ == "aux"]
    if v.tag_ == "VBN" and aux and aux[-1] in ("has", "have") and sent_of(v).start > 0 and not any(
            c.ent_type_ in ("DATE", "TIME") for c in v.subtree):
        return True  # "rival gangs have fought for control of the capital": no date, an ongoing state
    return False


def modality(v: Token, matrix: Token | None, ctx: Context) -> str:
    lex = ctx.lex
    if v.pos_ in ("NOUN", "PROPN") and matrix is None:  # an event noun takes its verb's modality
        gov = governor(v)
        if gov is not None and gov.lemma_.lower() not in lex.perception | lex.reporting:
            inherited = modality(gov, gov.head if gov.dep_ in ("xcomp", "ccomp") else None, ctx)
            if inherited != "asserted" and not (inherited == "generic" and gov.lemma_.lower() in lex.occurrence):
                return inherited  # 'if the protests continue': hypothetical; 'protests continue' is no habit
        if any(c.dep_ == "amod" and c.lower_ in lex.habitual for c in children(v)):
            return "generic"
    if v.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in children(v)):
        return "negated"  # 'no demonstrations were reported'
    if v.dep_ == "relcl" and v.head.lower_ in lex.referents:
        return "hypothetical"  # 'authorised to shoot anyone who attacked a police station'
    doc = v.doc
    deps, lower = columns.dep(doc), columns.lower(doc)
    for t in (v, matrix):
        if t is None:
            continue
        for c in children(t):
            if deps[c.i] == "neg" or lower[c.i] in lex.negators:
                return "negated"
            if deps[c.i] in SUBJ and any(deps[d.i] == "det" and lower[d.i] in ("no", "neither") for d in children(c)):
                return "negated"
    if matrix is not None and matrix.lemma_ in lex.modal_verbs and lex.modal_verbs[matrix.lemma_][0] != "asserted":
        return lex.modal_verbs[matrix.lemma_][0]  # an attempt is the act, unless it 'could' be made
    for t in (v, matrix):
        if t is None:
            continue
        for c in children(t):
            if deps[c.i] in ("aux", "mark") and lower[c.i] in lex.modal_aux:
                return lex.modal_aux[lower[c.i]]
            if deps[c.i] == "advmod" and lower[c.i] in ("allegedly", "purportedly"):
                return "claimed"
    if matrix is not None and matrix.lemma_.lower() in lex.grievance and v.dep_ == "ccomp":
        return "claimed"  # 'complaining that the lockdown kills ...'
    if v.dep_ == "pcomp" and v.head.lower_ == "of" and v.head.head.lemma_.lower() in lex.grievance:
        return "claimed"  # 'activists accuse it of torturing detainees'
    if v.pos_ in ("VERB", "AUX") and _generic(v, ctx):
        return "generic"
    return "asserted"


def happening(n: Token, ctx: Context) -> bool:
    """Whether an event noun with no named party reports a real event ('12 explosions were
    observed', 'fighting erupted', 'killed in clashes') rather than a possibility or a topic ('fears
    of clashes', 'a ban on protests', 'the war')."""
    lex = ctx.lex
    gov = n.head
    if gov.lemma_.lower() in lex.irrealis or (gov.dep_ == "prep" and gov.head.lemma_.lower() in lex.irrealis):
        return False
    if gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in lex.irrealis:
        return False
    if n.dep_ in ("nsubj", "nsubjpass") and gov.lemma_.lower() in lex.occurrence:
        return True
    if n.dep_ == "attr" and gov.lemma_ == "be" and any(c.dep_ == "expl" for c in children(gov)):
        return True  # 'there was a demonstration by indigenous people'
    if n.dep_ == "dobj" and gov.lemma_.lower() in lex.perception | lex.occurrence:
        return True
    if n.dep_ == "pobj" and gov.lower_ in ("in", "during", "amid", "from", "by"):  # "killed in clashes"
        verb = gov.head.lemma_.lower()
        return verb in lex.reports_violence or verb in lex.harms_people
    if any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in ("a", "an")) for c in children(n)):
        return gov.lemma_.lower() not in lex.irrealis
    if any(t.pos_ == "VERB" and t.lemma_.lower() in lex.reports_violence for t in sent_of(n)):
        return True  # 'armed clashes were reported in which two people died'
    return n.dep_ == "ROOT"


def reported_by(v: Token, ctx: Context) -> list[str]:
    """Who says so: the subject of the reporting verb the trigger's clause hangs on (a person by
    full name), and the object of 'according to' in the sentence."""
    out = []
    t = v
    for _ in range(6):
        if t.head == t:
            break
        if t.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "parataxis", "dep"):
            break
        t = t.head
        if t.lemma_ in ctx.lex.reporting:
            subj = next((c for c in children(t) if c.dep_ in SUBJ), None)
            if subj is not None:
                a = one(subj, ctx)
                info = ctx.info.get(a["id"]) if a else None
                person = (info is not None and info.kind == "person") or (
                    a is not None and ActorKey.parse(a["id"]).kind == "person")
                out.append((info.name if info else None) if person else
                           (a["text"] if a else " ".join(x.text for x in subj.subtree)))
            break
    sent, doc = sent_of(v), v.doc
    lower = columns.lower(doc)
    for i in range(sent.start, sent.end):
        if lower[i] == "according" and i + 2 < len(doc) and lower[i + 1] == "to":
            obj = next((g for g in children(tokens_of(doc)[i + 1]) if g.dep_ == "pobj"), None)
            if obj is not None:
                out.append(" ".join(x.text for x in obj.subtree))
    return [x for i, x in enumerate(out) if x and x not in out[:i]]
