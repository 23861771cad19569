"""Events stage: finds event triggers (verbs and event nouns), binds actors to their roles and
reads the frame around each; writes the events layer (EventDraft: trigger, CAMEO code, roles,
modality, reported_by, confidence, rule). Types in PLOVER and ACLED are added by assemble.

Constructions handled: active (subject acts on object), passive ("X was attacked by Y"), role-
reversing verbs ("ISIS lost control of Mosul"), coordination ("The US, Russia and Switzerland met"),
relative clauses ("forces, which attacked..."), control verbs ("vowed to attack"), light verbs
("launched an air strike against X"), event nouns with their modifiers ("Israeli tank shelling",
"talks with X", "clashes between X and Y"), and pronouns resolved to the last fitting actor. The
grammar is in clause.py, trigger rules in matching.py, roles in roles.py, frames in frames.py.
"""

from __future__ import annotations

import dataclasses

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..ids import event_id
from ..lexicons.triggers import Lexicon, default_lexicon
from ..nlp import columns, layers
from ..nlp.dateline import dateline
from ..nlp.layer_types import ActorKey, EventDraft, RoleFiller, TextSpan
from ..nlp.layers import Stage, assigns, register, requires
from ..nlp.sents import sent_of, tokens_of
from ..nlp.tree import children
from ..ontology import in_group
from ..ontology.acled import event_class, in_scope
from .clause import FINITE, PASS_SUBJ, SUBJ, by, complements, object_words, objects, passive, patient, subject
from .fallback import document_fallback, names_people
from .frames import happening, modality, reframe, reported_by
from .matching import obligation, yields
from .matching import rule as rule_of
from .roles import (
    TARGET_PREPS,
    Context,
    actor,
    adjacent,
    has_identity,
    participant,
    raw,
    ref,
    several,
    target,
)

MAX_PAIRS = 4
CIRCUMSTANCE = frozenset({"during", "after", "before", "since", "amid", "following", "despite", "until"})


class EventsStage(Stage):
    name = "tacitus_events"
    reads = ("meta", "actors", "actor_info", "toponyms", "counts", "token.dep", "token.lemma")
    writes = ("events",)

    def __init__(self, lexicon: Lexicon):
        register()
        self.lex = lexicon

    def _subject(self, v: Token) -> Token | None:
        return subject(v, lambda lemma: self.lex.embed_class(lemma) in ("appeal", "demand"))

    @staticmethod
    def _forces_act(v: Token, ctx: Context) -> bool:
        """A verb that reads as a headline passive, yet its subject is an armed force: it is active."""
        if any(c.dep_ in PASS_SUBJ + ("auxpass",) for c in children(v)):
            return False
        subj = next((c for c in children(v) if c.dep_ in SUBJ), None)
        span = ctx.at.get(subj.i) if subj is not None else None
        info = ctx.info.get(span.label_) if span is not None else None
        return info is not None and info.acled_inter in (1, 2, 3, 4, 8)

    # ------------------------------------------------------------------ main
    def run(self, doc: Doc) -> Doc:
        line = dateline(doc)  # 'NAIROBI, Kenya (AP) —' names where the report was filed and by whom
        skip = {i for sp in (line or {}).values() for i in range(sp.start, sp.end)}
        spans = sorted((s for s in layers.get(doc, "actors") if s.root.i not in skip), key=lambda s: s.start)
        places = {i for sp in layers.get(doc, "toponyms") for i in range(sp.start, sp.end)}
        ctx = Context(doc=doc, lex=self.lex, spans=spans, info=layers.get(doc, "actor_info") or {}, places=places)
        consumed: set[int] = set()
        found: list[tuple[int, list[dict]]] = []
        by_token: dict[int, str] = {}
        pos, dep = columns.pos(doc), columns.dep(doc)
        for tok in tokens_of(doc):  # verbs first: they claim the event nouns and participles that are part of them
            i = tok.i
            if i in consumed or not (pos[i] == "VERB" or (pos[i] == "AUX" and dep[i] == "ROOT")):
                continue
            if names_people(tok):
                continue
            own_subj = any(c.dep_ in SUBJ + PASS_SUBJ for c in children(tok))
            head_code = by_token.get(tok.head.i) if tok.dep_ in ("advcl", "xcomp", "acl") and not own_subj else None
            evs = self._verb_event(tok, ctx, consumed)
            if evs and head_code and evs[0]["cameo"][:2] == head_code[:2]:
                continue  # "met ... to discuss", "launched an attack, killing three": one event
            if evs:
                found.append((tok.i, evs))
                by_token[tok.i] = evs[0]["cameo"]
                for c in children(tok):
                    if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and c.lemma_.lower() in self.lex.headline_passive:
                        consumed.add(c.i)
                for o in object_words(tok):
                    if o.pos_ in ("NOUN", "PROPN") and rule_of(o, "N", ctx):
                        consumed.add(o.i)
        for tok in tokens_of(doc):
            if tok.i in consumed or pos[tok.i] not in ("NOUN", "PROPN"):
                continue
            evs = self._noun_event(tok, ctx)
            if evs:
                found.append((tok.i, evs))
        events: list[dict] = []
        if not found:
            fallback = document_fallback(doc, ctx)
            if fallback:
                found.append(fallback)
        for _, evs in sorted(found, key=lambda x: x[0]):
            events.extend(evs)
        meta = layers.get(doc, "meta")
        drafts, seen = [], set()
        for e in events:
            d = self._finish(meta.id if meta else None, e)
            n = 1
            while d.id in seen:  # one trigger, two parties of one kind ('hit women and teenagers'): two ids
                d = dataclasses.replace(d, id=event_id(meta.id if meta else None, e["trigger"][0], f"{e['cameo']}#{n}",
                                                       d.a1 and d.a1.key, d.a2 and d.a2.key))
                n += 1
            seen.add(d.id)
            drafts.append(d)
        layers.put(doc, "events", drafts)
        return doc

    def _verb_event(self, v: Token, ctx: Context, consumed: set[int]) -> list[dict] | None:
        lex = ctx.lex
        lemma = v.lemma_.lower()
        rule = rule_of(v, "V", ctx) or obligation(v, ctx)
        noun = None
        # a light verb takes its event from the noun it governs
        if lemma in lex.light and (rule is None or not rule.constraints):
            for o in object_words(v):
                nrule = rule_of(o, "N", ctx) if o.pos_ in ("NOUN", "PROPN") else None
                if nrule is not None:
                    rule, noun = nrule, o
                    consumed.add(o.i)
                    break
        if rule is None:
            return None
        if noun is None and lemma in lex.reporting and not rule.constraints:
            return None
        # a verb whose complement is an event hands its subject and modality to that event
        if lemma in lex.modal_verbs and lex.modal_verbs[lemma][1] and noun is None and rule.line:
            comp = complements(v)
            if any(yields(c, ctx) for c in comp):
                return None
        if lex.embed_class(lemma) in ("appeal", "demand", "threat", "refusal") and noun is None:
            comp = complements(v)
            if any(yields(c, ctx) for c in comp):
                return None
        matrix = _matrix(v)
        how = [("light:" + lemma) if noun is not None else None]
        code, framed = reframe(v, matrix, rule.cameo, ctx)
        if framed:
            how.append(framed)
        subj = self._subject(v)
        voice = passive(v, self.lex.headline_passive)  # its form; asked of the verb many times below
        is_passive = voice and not self._forces_act(v, ctx)  # a headline's '[were] killed', unless said of a force
        if is_passive:
            a1_tok, a2_tok = by(v, {"by"}), patient(v)
        else:
            a1_tok = subj
            a2_tok = None
            if noun is not None:
                a2_tok = target(noun, TARGET_PREPS - {"with"} | {"with"}) if noun is not None else None
                if a2_tok is None:
                    a2_tok = next((g for c in children(v) if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
                                   for g in children(c) if g.dep_ == "pobj" and g != noun), None)
            else:
                a2_tok = target(v, ctx=ctx)
                if a2_tok is not None and a2_tok.dep_ == "xcomp":
                    a2_tok = None
            if matrix is not None and lex.embed_class(matrix.lemma_.lower()) in ("appeal", "demand"):
                asked = next((c for c in children(matrix) if c.dep_ in ("dobj", "dative")), None)
                a1_tok, a2_tok = self._subject(matrix), asked
        if framed and framed.startswith(("demand:", "appeal:")) and matrix is not None:
            a1_tok, a2_tok = self._subject(matrix), subj
        if lemma in lex.perception:  # "police found two bodies": the finder only witnesses
            a1_tok = None
        if rule.role == "a2":
            a1_tok, a2_tok = by(v, {"from", "by", "to"}) or (by(a2_tok, {"from", "by"}) if a2_tok is not None
                                                              else None), subj
            if a1_tok is None:
                for o in objects(v):
                    a1_tok = by(o, {"from", "by"}) or a1_tok
        # an event noun as subject ("an air strike killed five") lends its type and its author
        if subj is not None and not is_passive and subj.pos_ == "NOUN":
            srule = rule_of(subj, "N", ctx)
            if srule is not None and in_group(srule.cameo, "violence") and in_group(code, "fighting"):
                rule, code, noun = srule, srule.cameo, subj
                consumed.add(subj.i)
                a1_tok = by(subj) or (subj if subj.i in ctx.at else None)  # 'the blast killed ten': no author
        # "killed in an air strike by government forces"
        if in_group(code, "fighting"):
            for c in children(v):
                if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i not in consumed:  # "killed in tank shelling"
                    vrule = rule_of(c, "V", ctx)
                    if vrule is not None and in_group(vrule.cameo, "violence") and vrule.cameo != "190":
                        rule, code = vrule, vrule.cameo
                        consumed.add(c.i)
                if c.dep_ == "prep" and c.lower_ == "in" and a1_tok is None:
                    g = next((x for x in children(c) if x.dep_ == "pobj"), None)
                    span = ctx.at.get(g.i) if g is not None else None
                    if span is not None and span.kb_id_ in ("demonym", "country+agent", "group"):
                        a1_tok = g
            for c in children(v):
                if c.dep_ == "prep" and c.lower_ in ("in", "during", "by"):
                    for g in children(c):
                        nrule = rule_of(g, "N", ctx) if g.dep_ == "pobj" else None
                        if nrule is not None and in_group(nrule.cameo, "violence"):
                            consumed.add(g.i)
                            if nrule.cameo != "190":
                                rule, code = nrule, nrule.cameo
                            a1_tok = a1_tok or by(g) or (g if ctx.at.get(g.i) else None)
        if event_class(code)[0] == "territory" and not is_passive:  # "captured X from the army"
            a2_tok = by(v, {"from"}) or a2_tok
        a1 = actor(a1_tok, ctx)
        a2 = actor(a2_tok, ctx)
        if a1 is None and a1_tok is None and v.dep_ in ("amod", "compound") and not voice:
            a1 = adjacent(v, ctx)  # "after the SDF neutralized ISIS' holdout"
            if a2 is None:
                a2 = actor(v.head, ctx)
        if a2 is None and a2_tok is not None and (is_passive or rule.role == "a2") and in_group(code, "violence"):
            a2 = [raw(a2_tok)]  # "168 were killed": the victims, even unnamed
        elif a2 is None and a2_tok is not None and in_scope(code) and a2_tok.pos_ in ("NOUN", "PROPN", "NUM") and \
                a2_tok.lemma_.lower() not in self.lex.instruments and a2_tok.dep_ != "xcomp":
            a2 = [raw(a2_tok)]  # "shot dead a shopkeeper": the target, even unnamed
        if a2 is None and rule.role == "a1" and not is_passive and not (
                in_group(code, "symmetric") and a1 and len(a1) > 1):
            a2 = participant(noun if noun is not None else v, a1, ctx, skip=a1_tok)
        if a1 is None and a1_tok is not None and in_scope(code) and not voice:
            a1 = [raw(a1_tok)]  # "thousands marched": a crowd with no name
        if a1 is None and a1_tok is None and not is_passive and rule.role == "a1" and v.tag_ in FINITE \
                and lemma not in lex.perception:
            a1 = adjacent(v, ctx)  # a misparsed clause: the actor written right before the verb
        trig = noun if noun is not None else v
        rule_name = "+".join([rule.name] + [h for h in how if h])
        return self._pairs(trig, v, matrix, code, rule_name, a1, a2, ctx)

    def _noun_event(self, n: Token, ctx: Context) -> list[dict] | None:
        rule = rule_of(n, "N", ctx)
        if rule is None or (n.dep_ == "attr" and not any(c.dep_ == "expl" for c in children(n.head))):
            return None  # "the idea is an attack on us": a characterisation; "there was a protest" is news
        if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ in ("one", "series", "string", "wave",
                                                                                   "spate", "number", "some"):
            return None  # "in one of the deadliest attacks this year", "a string of attacks": a characterisation
        if n.dep_ in ("dobj", "pobj") and (n.head.lemma_.lower() in self.lex.irrealis or (
                n.dep_ == "pobj" and n.head.head.lemma_.lower() in self.lex.irrealis)):
            return None  # "urged the RSF to halt its attack", "to prevent clashes": no new happening
        own = ctx.at.get(n.i)
        a1 = [ref(own)] if own is not None and own.label_ else None
        a1_tok = by(n, {"by", "from"})
        if a1_tok is not None:  # "fire by an unknown party": the author, even unnamed
            a1 = actor(a1_tok, ctx) or ([raw(a1_tok)] if in_scope(rule.cameo) and a1_tok.pos_ in ("NOUN", "PROPN")
                                        else a1)
        poss = next((c for c in children(n) if c.dep_ == "poss"), None)
        if poss is not None and not a1:
            a1 = actor(poss, ctx)
        a2 = None
        if n.dep_ == "compound" and not a1:  # headline style: "Al-Shabaab ambush AU troops"
            left = [c for c in children(n.head) if c.dep_ == "compound" and c.i < n.i and c.i in ctx.at]
            left += [c for c in children(n) if c.dep_ == "compound" and c.i in ctx.at]
            unit = ctx.at.get(n.head.i)
            if unit is not None and unit.start <= n.i and not any(t.pos_ == "PROPN" for t in unit.doc[unit.start:n.i]):
                return None  # 'riot police': the word is part of a unit's name, not a happening
            a1 = actor(left[-1], ctx) if left else None
            a2 = actor(n.head, ctx)
        between = next((c for c in children(n) if c.dep_ == "prep" and c.lower_ == "between"), None)
        if between is not None:
            obj = next((g for g in children(between) if g.dep_ == "pobj"), None)
            both = actor(obj, ctx) or []
            if len(both) >= 2:
                a1, a2 = [both[0]], both[1:]
        if a2 is None:
            a2 = actor(target(n, TARGET_PREPS - {"to"}, ctx), ctx)
        for c in children(n):  # "a deal brokered with tribal elders that allowed jihadis to leave"
            if c.dep_ == "acl" and not a1 and any(g.dep_ == "agent" for g in children(c)):
                a1 = actor(by(c, {"by"}), ctx)  # "shells fired by LNA forces fell on X"
            if c.dep_ in ("acl", "relcl") and (not a1 or not a2):
                other = actor(target(c, {"with", "against", "on", "by"}), ctx)
                if not other:
                    other = actor(next((g for g in children(c) if g.dep_ == "dobj" or g.dep_ == "ccomp"), None),
                                        ctx)
                if other and not a2:
                    a2 = other
                elif other and not a1:
                    a1 = other
                if c.dep_ == "relcl" and (not a1 or not a2):
                    for g in children(c):
                        if g.dep_ in ("ccomp", "xcomp"):
                            extra = actor(next((x for x in children(g) if x.dep_ in SUBJ), None), ctx)
                            if extra and not a1:
                                a1 = extra
                            elif extra and not a2:
                                a2 = extra
        if a1 and not a2:
            a2 = participant(n, a1, ctx)
        if not a1:
            gov = n.head.head if n.dep_ == "pobj" and n.head.dep_ == "prep" else n.head if n.dep_ == "dobj" else \
                n.head.head if n.dep_ == "compound" and n.head.dep_ == "dobj" else None  # 'staged a demonstration X'
            if gov is not None and gov.pos_ == "NOUN" and gov.dep_ == "dobj" and n.head.lower_ == "in" \
                    and gov.head.lemma_.lower() in self.lex.light:
                gov = gov.head  # 'held a sit in demonstration'
            if gov is not None and gov.pos_ == "VERB" and gov.lemma_.lower() not in self.lex.perception and not (
                    n.dep_ == "pobj" and n.head.lower_ in CIRCUMSTANCE):
                a1 = actor(self._subject(gov), ctx)  # "launched an attack": not "observed explosions", not
                # "students who fled during the attack" (those who act around an event did not do it)
        if not a1 and not a2 and not (in_scope(rule.cameo) and happening(n, ctx)):
            return None
        if not a1 and a2 and in_group(rule.cameo, "joint"):
            a1, a2 = a2, None
        return self._pairs(n, n, None, rule.cameo, rule.name, a1, a2, ctx)

    def _pairs(self, trig: Token, v: Token, matrix: Token | None, code: str, rule: str,
               a1s: list | None, a2s: list | None, ctx: Context) -> list[dict] | None:
        a1s, a2s = a1s or [None], a2s or [None]
        if a2s == [None] and len(a1s) > 1 and in_group(code, "symmetric"):
            pairs = [(a1s[i], a1s[j]) for i in range(len(a1s)) for j in range(i + 1, len(a1s))]
        else:
            pairs = [(x, y) for x in a1s for y in a2s]
        out = []
        for a1, a2 in pairs[:MAX_PAIRS]:
            if a1 and a2 and a1["id"] == a2["id"] and (ActorKey.parse(a1["id"]).named or a1["text"] == a2["text"]):
                a2 = None  # the same actor twice; 'two men shot a woman' are two parties of one kind
            i1 = ctx.info.get(a1["id"]) if a1 else None
            i2 = ctx.info.get(a2["id"]) if a2 else None
            if not (has_identity(i1) or has_identity(i2)):
                # what ACLED records is worth recording even when only "gunmen" or "villagers", or
                # nobody, are named: an act reported by a verb, or an event noun reported as happening
                if not ((in_scope(code, unnamed=True) or (event_class(code)[0] == "looting" and several(a1, ctx)))
                        and (trig.pos_ == "VERB" or (trig.pos_ in ("NOUN", "PROPN") and (
                        i1 or i2 or any(a and ActorKey.parse(a["id"]).kind == "raw" for a in (a1, a2))
                        or happening(trig, ctx))))):
                    continue
            conf = 0.45 + 0.2 * bool(a1) + 0.15 * bool(a2) + 0.1 * (trig.pos_ == "VERB")
            conf -= 0.05 * sum(1 for a in (a1, a2) if a and str(a.get("method", "")).startswith(("pronoun", "agent+")))
            out.append({"trigger": [trig.idx, trig.idx + len(trig), trig.text], "verb": [v.idx, v.idx + len(v)],
                        "cameo": code, "rule": rule,
                        "a1": a1, "a2": a2, "modality": modality(v, matrix, ctx),
                        "reported_by": reported_by(v, ctx), "confidence": round(min(conf, 0.95), 2),
                        "sent": [sent_of(v).start_char, sent_of(v).end_char]})
        return out or None

    @staticmethod
    def _finish(article: str | None, e: dict) -> EventDraft:
        roles = {k: RoleFiller(key=e[k]["id"], text=e[k]["text"], start=e[k]["start"], end=e[k]["end"],
                               method=e[k].get("method"), token=e[k].get("tok")) if e[k] else None
                 for k in ("a1", "a2")}
        trig = e["trigger"]
        return EventDraft(
            id=event_id(article, trig[0], e["cameo"], roles["a1"] and roles["a1"].key, roles["a2"] and roles["a2"].key),
            trigger=TextSpan(trig[0], trig[1], trig[2]), verb=TextSpan(*e["verb"]) if e.get("verb") else None,
            cameo=e["cameo"], rule=e["rule"], a1=roles["a1"], a2=roles["a2"], modality=e["modality"],
            reported_by=tuple(e["reported_by"]), confidence=e["confidence"], sentence=TextSpan(*e["sent"]),
            also=tuple(TextSpan(m[0], m[1], m[2]) for m in e.get("mentions", ())))


@Language.factory(EventsStage.name, requires=requires(EventsStage.reads), assigns=assigns(EventsStage.writes),
                  default_config={"lexicons": []})
def make_events(nlp: Language, name: str, lexicons: list[str]) -> EventsStage:
    return EventsStage(default_lexicon(tuple(lexicons)))


def _matrix(v: Token) -> Token | None:
    """The verb whose complement the trigger's clause is; a conjoined clause shares its first
    conjunct's ('urging the government to recruit police and to deploy drones': urging)."""
    h = v
    for _ in range(4):
        if h.dep_ != "conj" or h.head.i == h.i:
            break
        h = h.head
    if h.dep_ in ("xcomp", "ccomp") and h.head.pos_ in ("VERB", "AUX", "ADJ"):
        return h.head
    return None
