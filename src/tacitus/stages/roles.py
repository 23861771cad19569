"""Binding actors to event roles: a role token's resolved noun phrase, a pronoun's antecedent, the
owner of a place or thing ('the group's capital'), the other party found in the predicate, or the
actor written just before a misparsed verb. Role fillers are dicts (key label, text, offsets,
method, head token) inside the events stage; it turns them into RoleFiller layer values."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..lexicons.triggers import Lexicon
from ..nlp.layer_types import ActorInfo, ActorKey
from ..nlp.sents import sent_of, text_of
from ..nlp.tree import children
from .clause import PASS_SUBJ, SUBJ

TARGET_PREPS = {"against", "on", "at", "with", "upon", "over", "into", "to", "toward", "towards", "targeting"}
PRONOUNS = {"they": "plural", "them": "plural", "their": "plural", "it": "thing", "its": "thing",
            "he": "person", "him": "person", "his": "person", "she": "person", "her": "person"}
LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within", "into"}
# what an actor of identity is: a country's, or a body that acts in its own name
IDENTITY_KINDS = {"rebel", "militia", "party", "igo", "ngo", "organization", "criminals", "ethnic", "person",
                  "government", "military", "police"}


@dataclass
class Context:
    """What role binding looks at in one Doc."""

    doc: Doc
    lex: Lexicon
    spans: list[Span]                         # actor phrases in text order
    info: dict[str, ActorInfo]                # actor key label -> what it resolves to
    places: set[int] = field(default_factory=set)  # tokens inside toponyms
    at: dict[int, Span] = field(default_factory=dict)  # actor phrase by its root token

    def __post_init__(self) -> None:
        self.at = {s.root.i: s for s in self.spans
                   if not (s.root.i in self.places and s.kb_id_ in ("person", "ner_org"))}


def has_identity(info: ActorInfo | None) -> bool:
    if info is not None and info.kind == "media":
        return False  # an outlet that reports is a source, not a party to the event
    return info is not None and bool(info.country or info.kind in IDENTITY_KINDS and (
        info.country or info.cameo or info.kind in ("organization", "person", "igo", "ngo")))


def ref(span: Span) -> dict:
    start, end = span.start_char, span.end_char
    return {"id": span.label_, "text": text_of(span.doc)[start:end], "start": start, "end": end,
            "method": span.kb_id_, "tok": span.root.i}


def raw(tok: Token) -> dict:
    """An unresolved participant ('168 people', 'villagers'): the words, keyed by their text."""
    toks = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "punct") or t == tok]
    start, end = min(t.idx for t in toks), max(t.idx + len(t) for t in toks)
    text = text_of(tok.doc)[start:end]
    return {"id": ActorKey("raw", text).label, "text": text, "start": start, "end": end, "method": "unresolved"}


# people who belong to someone without being them: their owner is not the party
OTHERS = frozenset({"supporter", "follower", "relative", "family", "lawyer", "colleague", "fan", "son", "daughter",
                    "wife", "husband", "brother", "sister", "parent", "mother", "father", "child", "bodyguard",
                    "guard", "driver", "aide", "friend", "neighbour", "neighbor", "sympathiser", "sympathizer"})
GROUP_NOUNS = frozenset({"group", "gang", "mob", "crowd", "band", "unit", "cell"})


def several(a: dict | None, ctx: Context) -> bool:
    """Whether a party is a group of people ('unknown assailants', 'an armed group'), not one person:
    what a group destroys is a political event, what 'a man' demolishes is not."""
    if a is None:
        return False
    span = ctx.doc.char_span(a["start"], a["end"], alignment_mode="expand") if a.get("tok") is None else None
    t = ctx.doc[a["tok"]] if span is None else span.root
    return t.tag_ in ("NNS", "NNPS") or t.lemma_.lower() in GROUP_NOUNS


def actor(tok: Token | None, ctx: Context) -> list[dict] | None:
    """The actor(s) a role token stands for: its resolved noun phrase, a pronoun's antecedent, or
    the owner of a place or thing ('the group's capital', 'ISIS' last stand'); conjuncts too."""
    if tok is None:
        return None
    out = []
    for t in [tok] + [c for c in tok.conjuncts if c.i > tok.i]:
        a = one(t, ctx)
        if a:
            out.append(a)
    return out or None


def one(t: Token, ctx: Context) -> dict | None:
    span = ctx.at.get(t.i)
    if span is not None:
        return ref(span)
    if t.lower_ in PRONOUNS:
        if PRONOUNS[t.lower_] == "thing" and t.dep_ not in SUBJ + PASS_SUBJ + ("poss",):
            return None  # an object "it" is mostly a place or a thing ("the offensive to retake it")
        return antecedent(t, ctx)
    if t.lemma_.lower() in OTHERS:
        return None  # 'her supporters', 'the minister's bodyguards': other people than the owner
    for c in children(t):  # the owner of the object: "the terrorist group's capital"
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of"):
            g = c if c.dep_ == "poss" else next((x for x in children(c) if x.dep_ == "pobj"), None)
            if g is not None:
                a = one(g, ctx)
                if a:
                    return dict(a, method=(a.get("method") or "") + "+owner")
    return None


def antecedent(pron: Token, ctx: Context) -> dict | None:
    """The last actor before a pronoun that fits it (a person for 'he', a body for 'it'), within
    the sentence and the ones shortly before it; a subject wins over other mentions."""
    want = PRONOUNS[pron.lower_]
    sent_start = sent_of(pron).start
    best = None
    for span in ctx.spans:
        if span.end > pron.i:
            break
        if span.root.i < sent_start - 120:
            continue
        info = ctx.info.get(span.label_)
        key = ActorKey.parse(span.label_)
        if want == "thing" and key.kind not in ("group", "country", "local"):
            continue
        is_person = (info is not None and info.kind == "person") or key.kind == "person" or span.kb_id_ == "person"
        if want == "person" and not is_person:
            continue
        if want != "person" and is_person:
            continue
        subj_bonus = span.root.dep_ in SUBJ + PASS_SUBJ
        if best is None or subj_bonus or not best[1]:
            best = (span, subj_bonus)
    if best is None:
        return None
    r = ref(best[0])
    r.update(text=pron.text, start=pron.idx, end=pron.idx + len(pron), method="pronoun:" + (r["method"] or ""))
    return r


def target(tok: Token, preps=TARGET_PREPS, ctx: Context | None = None) -> Token | None:
    """The one acted on: the object, or the object of 'against/on/at/with...' on the verb or on its
    object ('imposed sanctions on Iran'); an actor is preferred over a thing ('fired tear gas at the
    crowd'), the direct object over a prepositional one, and never what it was done with ('fired
    with small arms on the positions')."""
    dobjs = [c for c in children(tok) if c.dep_ == "dobj"]
    cands = [(c, True) for c in dobjs]
    for h in [tok] + dobjs:
        for c in children(h):
            if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                cands += [(g, False) for g in children(c) if g.dep_ == "pobj"]
    if not cands:
        return None
    if ctx is None:
        return cands[0][0]

    def score(c: Token, direct: bool) -> int:
        s = 3 if c.i in ctx.at or c.lower_ in PRONOUNS else 2 if one(c, ctx) else 0
        if c.lemma_.lower() in ctx.lex.instruments or c.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            s -= 4  # what it was done with, or when ('on 1 May')
        return s + direct

    return max(enumerate(cands), key=lambda x: (score(*x[1]), -x[0]))[1][0]


def participant(head: Token, a1: list | None, ctx: Context, skip: Token | None = None) -> list[dict] | None:
    """The other party of the event, else (as CAMEO coders do) the place it was aimed at."""
    return _search(head, a1, ctx, skip, places=False) or _search(head, a1, ctx, skip, places=True)


def _search(head: Token, a1: list | None, ctx: Context, skip: Token | None, places: bool) -> list[dict] | None:
    """The nearest other actor inside the predicate ('demanded that the US cancel...', 'offered its
    troops to Lebanon's president', 'a truce with Moslem forces'): breadth first through the
    trigger's dependents, leaving out its subject and attributions."""
    taken = {a["id"] for a in a1 or []}
    queue = [(c, 1) for c in children(head) if c.dep_ not in SUBJ + ("punct", "cc", "advmod") and c != skip]
    seen = 0
    while queue and seen < 40:
        tok, depth = queue.pop(0)
        seen += 1
        if tok.lower_ == "according" or (tok.dep_ == "relcl" and depth == 1) or tok.lemma_ in ctx.lex.reporting:
            continue  # attributions are sources, not participants
        if tok.dep_ == "prep" and tok.lower_ in LOCATIVE and not places:
            continue  # "met in Cairo": where, not with whom
        span = ctx.at.get(tok.i)
        if span is not None and span.label_ not in taken:
            r = ref(span)
            r["method"] = "participant:" + (r["method"] or "")
            return [r]
        if tok.lower_ in PRONOUNS and tok.dep_ in SUBJ and depth <= 2:
            r = antecedent(tok, ctx)
            if r and r["id"] not in taken:
                return [r]
        if depth < 4:
            queue.extend((c, depth + 1) for c in children(tok) if c.dep_ not in ("punct", "cc"))
    return None


def adjacent(v: Token, ctx: Context) -> list[dict] | None:
    """The actor written right before a verb the parser misread ('after the SDF neutralized ...')."""
    for t in reversed(v.doc[max(sent_of(v).start, v.i - 3):v.i]):
        if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ"):
            return None
        span = ctx.at.get(t.i)
        if span is not None:
            r = ref(span)
            r["method"] = "adjacent:" + (r["method"] or "")
            return [r]
    return None
