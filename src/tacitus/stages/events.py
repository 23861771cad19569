"""Events stage: finds event triggers (verbs and event nouns) and fills actor1/actor2 from the
dependency parse; sets modality and who reported the fact.

Writes doc._.events: plain dicts (trigger offsets, CAMEO code, actor ids and spans, modality,
reported_by, confidence, rule). Types in PLOVER and ACLED are added by assemble from the CAMEO code.

Constructions handled: active (subject acts on object), passive ("X was attacked by Y"), role-
reversing verbs ("ISIS lost control of Mosul"), coordination ("The US, Russia and Switzerland met"),
relative clauses ("forces, which attacked..."), control verbs ("vowed to attack"), light verbs
("launched an air strike against X"), event nouns with their modifiers ("Israeli tank shelling",
"talks with X", "clashes between X and Y"), and pronouns resolved to the last fitting actor.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..ids import event_id
from ..lexicons.triggers import Lexicon, Rule, default_lexicon
from ..nlp.extensions import ACTORS, PLACES, register
from ..nlp.sents import sent_of, text_of, tokens_of

SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
TARGET_PREPS = {"against", "on", "at", "with", "upon", "over", "into", "to", "toward", "towards", "targeting"}
AGENT_PREPS = {"by", "from"}
PRONOUNS = {"they": "plural", "them": "plural", "their": "plural", "it": "thing", "its": "thing",
            "he": "person", "him": "person", "his": "person", "she": "person", "her": "person"}
SYMMETRIC = {"04", "06"}  # meeting and cooperating go both ways
MAX_PAIRS = 4
LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within", "into"}
FINITE = {"VBD", "VBZ", "VBP"}
FALLBACK_VERBS = {"kill", "die", "wound", "injure", "murder", "execute", "behead", "abduct", "kidnap", "shoot",
                  "clash", "explode", "massacre", "slay", "dead"}
HEADLINE_PASSIVE = {"kill", "wound", "injure", "murder", "execute", "behead", "abduct", "kidnap", "arrest", "detain",
                    "shoot", "slay", "hurt", "torture", "capture", "massacre", "lynch"}


def _has_identity(info: dict[str, Any] | None) -> bool:
    if info and info.get("kind") == "media":
        return False  # an outlet that reports is a source, not a party to the event
    return bool(info) and bool(info.get("country") or info.get("kind") in (
        "rebel", "militia", "party", "igo", "ngo", "organization", "criminals", "ethnic", "person", "government",
        "military", "police") and (info.get("country") or info.get("cameo") or info.get("kind") in (
            "organization", "person", "igo", "ngo")))


class EventsStage:
    def __init__(self, lexicon: Lexicon):
        register()
        self.lex = lexicon

    # ------------------------------------------------------------------ triggers
    def _objects(self, tok: Token) -> list[Token]:
        out = [c for c in tok.children if c.dep_ in ("dobj", "attr", "oprd") + PASS_SUBJ]
        for c in tok.children:
            if c.dep_ in ("prep", "agent", "dative"):
                out += [g for g in c.children if g.dep_ == "pobj"]
            if c.dep_ == "prt":
                out += [g for g in c.children if g.dep_ == "pobj"]
            if c.dep_ == "xcomp":
                out.append(c)
        return out

    def _object_words(self, tok: Token) -> list[Token]:
        """Objects and the words that say what they are: 'mediation efforts', 'state of emergency',
        'tons of food aid'."""
        out = []
        for o in self._objects(tok):
            out.append(o)
            for c in o.children:
                if c.dep_ in ("compound", "amod", "nmod"):
                    out.append(c)
                elif c.dep_ == "prep" and c.lower_ == "of":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            out.append(g)
                            out.extend(x for x in g.children if x.dep_ in ("compound", "amod"))
        return out

    def _is_place(self, tok: Token, ctx: dict) -> bool:
        return (tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.i in ctx["places"]
                or tok.lemma_.lower() in self.lex.place_nouns)

    def _satisfied(self, tok: Token, dep: str, want: frozenset[str], ctx: dict) -> bool:
        if dep == "prt":
            return any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in want for c in tok.children)
        if dep == "prep":
            return any(c.dep_ in ("prep", "agent") and c.lower_ in want for c in tok.children)
        if dep in ("compound", "amod"):
            return any(c.dep_ in (dep, "compound", "amod", "nmod") and (c.lemma_.lower() in want or c.lower_ in want)
                       for c in tok.children)
        if dep == "xcomp":
            return any(c.dep_ == "xcomp" and c.lemma_.lower() in want for c in tok.children)
        if dep == "subj":
            subj = next((c for c in tok.children if c.dep_ in SUBJ + ("agent",)), None)
            if subj is not None and subj.dep_ == "agent":
                subj = next((g for g in subj.children if g.dep_ == "pobj"), None)
            return subj is not None and (subj.lemma_.lower() in want or any(
                c.dep_ in ("compound", "amod") and c.lemma_.lower() in want for c in subj.children))
        objs = self._object_words(tok)
        for o in objs:
            if "@place" in want and self._is_place(o, ctx):
                return True
            if "@person" in want and o.ent_type_ == "PERSON":
                return True
            if "@agent" in want and o.i in ctx["at"]:
                return True
            if o.lemma_.lower() in want or o.lower_ in want:
                return True
        return False

    def _obligation(self, v: Token) -> Rule | None:
        """'X said that Y must ...' is X demanding something of Y (CAMEO 100), 'should' an appeal
        (020), whatever Y is asked to do."""
        modal = next((c.lower_ for c in v.children if c.dep_ == "aux" and c.lower_ in ("must", "should")), None)
        if modal and v.dep_ == "ccomp" and v.head.lemma_.lower() in self.lex.reporting:
            return Rule("V", v.lemma_.lower(), (), "100" if modal == "must" else "020", "a1", 0)
        return None

    def _yields(self, v: Token, ctx: dict) -> bool:
        """Whether a complement verb is itself an event (directly or through a light-verb object)."""
        if self._rule(v, "V", ctx) is not None:
            return True
        return v.lemma_.lower() in self.lex.light and any(
            o.pos_ in ("NOUN", "PROPN") and self._rule(o, "N", ctx) for o in self._object_words(v))

    def _rule(self, tok: Token, pos: str, ctx: dict) -> Rule | None:
        for rule in self.lex.rules.get((pos, tok.lemma_.lower()), ()):
            if all(self._satisfied(tok, d, w, ctx) for d, w in rule.constraints):
                return rule
        return None

    # ------------------------------------------------------------------ roles
    def _subject(self, v: Token, depth: int = 0) -> Token | None:
        for c in v.children:
            if c.dep_ in SUBJ:
                if c.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                    return v.head
                return c
        if depth > 3:
            return None
        if v.dep_ == "relcl":
            return v.head
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.dep_ == "dobj" and v.head.head.pos_ == "VERB":
            return self._subject(v.head.head, depth + 1)  # "issued a statement condemning X"
        if v.dep_ in ("xcomp",):
            objs = [c for c in v.head.children if c.dep_ in ("dobj",)]
            return objs[0] if objs and self.lex.embed_class(v.head.lemma_.lower()) in ("appeal", "demand") else self._subject(v.head, depth + 1)
        if v.dep_ in ("conj", "advcl", "ccomp") and v.head.pos_ in ("VERB", "AUX"):
            if v.dep_ == "ccomp" and any(c.dep_ in SUBJ for c in v.children):
                return None
            return self._subject(v.head, depth + 1)
        return None

    def _passive(self, v: Token) -> bool:
        """Passive voice, including the headline ellipsis '20 militants [were] killed in air strikes' and
        participles after a noun ('two soldiers wounded in an attack'): a transitive act of violence with
        no object reads as passive."""
        if any(c.dep_ in PASS_SUBJ + ("auxpass",) for c in v.children):
            return True
        if v.lemma_.lower() in HEADLINE_PASSIVE and v.tag_ in ("VBD", "VBN"):
            return not any(c.dep_ in ("dobj", "attr") for c in v.children)
        return False

    def _patient(self, v: Token) -> Token | None:
        """Who was acted on in a passive clause: the passive subject, or the noun a participle modifies."""
        subj = next((c for c in v.children if c.dep_ in PASS_SUBJ + SUBJ), None)
        if subj is None and v.dep_ in ("acl", "amod", "relcl") and v.head.pos_ in ("NOUN", "PROPN", "NUM"):
            return v.head
        return subj

    def _by(self, tok: Token, preps=AGENT_PREPS) -> Token | None:
        for c in tok.children:
            if c.dep_ in ("agent", "prep") and c.lower_ in preps:
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        return None

    def _target(self, tok: Token, preps=TARGET_PREPS, ctx: dict | None = None) -> Token | None:
        """The one acted on: the object, or the object of 'against/on/at/with...' on the verb or on its
        object ('imposed sanctions on Iran'); an actor is preferred over a thing ('fired tear gas at the
        crowd')."""
        cands = [c for c in tok.children if c.dep_ == "dobj"]
        holders = [tok] + cands
        for h in holders:
            for c in h.children:
                if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                    cands += [g for g in c.children if g.dep_ == "pobj"]
        if ctx is not None:
            for c in cands:
                if c.i in ctx["at"] or c.lower_ in PRONOUNS:
                    return c
        return cands[0] if cands else None

    # ------------------------------------------------------------------ actors
    def _actor(self, tok: Token | None, ctx: dict) -> list[dict] | None:
        """The actor(s) a role token stands for: its resolved noun phrase, a pronoun's antecedent, or
        the owner of a place or thing ('the group's capital', 'ISIS' last stand'); conjuncts too."""
        if tok is None:
            return None
        out = []
        for t in [tok] + [c for c in tok.conjuncts if c.i > tok.i]:
            a = self._one(t, ctx)
            if a:
                out.append(a)
        return out or None

    def _one(self, t: Token, ctx: dict) -> dict | None:
        span = ctx["at"].get(t.i)
        if span is not None:
            return self._ref(span, ctx)
        if t.lower_ in PRONOUNS:
            if PRONOUNS[t.lower_] == "thing" and t.dep_ not in SUBJ + PASS_SUBJ + ("poss",):
                return None  # an object "it" is mostly a place or a thing ("the offensive to retake it")
            return self._antecedent(t, ctx)
        for c in t.children:  # the owner of the object: "the terrorist group's capital"
            if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of"):
                g = c if c.dep_ == "poss" else next((x for x in c.children if x.dep_ == "pobj"), None)
                if g is not None:
                    a = self._one(g, ctx)
                    if a:
                        return dict(a, method=(a.get("method") or "") + "+owner")
        return None

    def _ref(self, span: Span, ctx: dict) -> dict:
        return {"id": span.label_, "text": span.text, "start": span.start_char, "end": span.end_char,
                "method": span.kb_id_, "tok": span.root.i}

    def _raw(self, tok: Token) -> dict:
        toks = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "punct") or t == tok]
        start, end = min(t.idx for t in toks), max(t.idx + len(t) for t in toks)
        text = text_of(tok.doc)[start:end]
        return {"id": f"raw:{text}", "text": text, "start": start, "end": end, "method": "unresolved"}

    def _antecedent(self, pron: Token, ctx: dict) -> dict | None:
        want = PRONOUNS[pron.lower_]
        sent_start = sent_of(pron).start
        best = None
        for span in ctx["spans"]:
            if span.end > pron.i:
                break
            if span.root.i < sent_start - 120:
                continue
            info = ctx["info"].get(span.label_, {})
            if want == "thing" and not span.label_.startswith(("group:", "country:", "local:")):
                continue
            is_person = info.get("kind") == "person" or span.label_.startswith("person:") or span.kb_id_ == "person"
            if want == "person" and not is_person:
                continue
            if want != "person" and is_person:
                continue
            subj_bonus = span.root.dep_ in SUBJ + PASS_SUBJ
            if best is None or subj_bonus or not best[1]:
                best = (span, subj_bonus)
        if best is None:
            return None
        r = self._ref(best[0], ctx)
        r.update(text=pron.text, start=pron.idx, end=pron.idx + len(pron), method="pronoun:" + (r["method"] or ""))
        return r

    def _reframe(self, v: Token, matrix: Token | None, code: str) -> tuple[str, str | None]:
        """The CAMEO code once the frame is read: 'threatened to attack' is a threat (138), 'refused to
        release' a refusal (124), 'urged X to talk' an appeal (026); an announced intent to cooperate
        is an intent (03x: 'will visit', 'agreed to lift'), an announced or conditional act of force a
        threat ('said they would blockade', 'may halt mediation if'); a promise withdrawn ('would not
        provide support') a refusal."""
        lex = self.lex
        m = matrix.lemma_.lower() if matrix is not None else None
        klass = lex.embed_class(m) if m else None
        if klass in ("threat", "refusal", "appeal", "demand", "failure"):
            new = lex.transform(klass, m, code)
            return (new, f"embedded:{m}") if new else (code, None)
        negated = any(c.dep_ == "neg" for t in (v, matrix) if t is not None for c in t.children)
        aux = next((c.lower_ for c in v.children if c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll")),
                   None)
        own_subject = any(c.dep_ in SUBJ and c.lower_ not in PRONOUNS for c in v.children)
        if klass == "intent" and (self._passive(v) or (v.dep_ == "ccomp" and own_subject)):
            klass = None  # "she hoped officials would be indicted": not her act
        if self._passive(v):
            aux = None
        intent = m if klass == "intent" else ("will" if aux == "'ll" else aux)
        root = int(code[:2])
        if intent and negated and root <= 8:
            new = lex.transform("refusal", "negated-intent", code)
            return (new, f"refused:{intent}") if new else (code, None)
        if intent and not negated:
            if root <= 8:
                new = lex.transform("intent", intent, code)
                return (new, f"intent:{intent}") if new else (code, None)
            if root >= 14:
                return lex.transform("threat", "intent", code) or code, f"threat:{intent}"
        conditional = any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless")
                                                     for g in c.children) for c in v.children)
        if conditional and root >= 14:
            return lex.transform("threat", "conditional", code) or code, "threat:conditional"
        if m in lex.reporting:
            modal = next((c.lower_ for c in v.children if c.dep_ == "aux" and c.lower_ in ("must", "should")), None)
            if modal:
                k = "demand" if modal == "must" else "appeal"
                new = lex.transform(k, "demand" if k == "demand" else "urge", code)
                return (new, f"{k}:{modal}") if new else (code, None)
        return code, None

    def _participant(self, head: Token, a1: list | None, ctx: dict, skip: Token | None = None) -> list[dict] | None:
        """The other party of the event, else (as CAMEO coders do) the place it was aimed at."""
        return self._search(head, a1, ctx, skip, places=False) or self._search(head, a1, ctx, skip, places=True)

    def _search(self, head: Token, a1: list | None, ctx: dict, skip: Token | None, places: bool) -> list[dict] | None:
        """The nearest other actor inside the predicate ('demanded that the US cancel...', 'offered its
        troops to Lebanon's president', 'a truce with Moslem forces'): breadth first through the
        trigger's dependents, leaving out its subject and attributions."""
        taken = {a["id"] for a in a1 or []}
        queue = [(c, 1) for c in head.children if c.dep_ not in SUBJ + ("punct", "cc", "advmod") and c != skip]
        seen = 0
        while queue and seen < 40:
            tok, depth = queue.pop(0)
            seen += 1
            if tok.lower_ == "according" or (tok.dep_ == "relcl" and depth == 1) or tok.lemma_ in self.lex.reporting:
                continue  # attributions are sources, not participants
            if tok.dep_ == "prep" and tok.lower_ in LOCATIVE and not places:
                continue  # "met in Cairo": where, not with whom
            span = ctx["at"].get(tok.i)
            if span is not None and span.label_ not in taken:
                r = self._ref(span, ctx)
                r["method"] = "participant:" + (r["method"] or "")
                return [r]
            if tok.lower_ in PRONOUNS and tok.dep_ in SUBJ and depth <= 2:
                r = self._antecedent(tok, ctx)
                if r and r["id"] not in taken:
                    return [r]
            if depth < 4:
                queue.extend((c, depth + 1) for c in tok.children if c.dep_ not in ("punct", "cc"))
        return None

    def _adjacent(self, v: Token, ctx: dict, finite_only: bool = True) -> list[dict] | None:
        for t in reversed(v.doc[max(sent_of(v).start, v.i - 3):v.i]):
            if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ"):
                return None
            span = ctx["at"].get(t.i)
            if span is not None:
                r = self._ref(span, ctx)
                r["method"] = "adjacent:" + (r["method"] or "")
                return [r]
        return None

    # ------------------------------------------------------------------ modality and attribution
    def _modality(self, v: Token, matrix: Token | None) -> str:
        for t in (v, matrix):
            if t is None:
                continue
            for c in t.children:
                if c.dep_ == "neg" or c.lower_ in self.lex.negators:
                    return "negated"
                if c.dep_ in SUBJ and any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children):
                    return "negated"
        if matrix is not None and matrix.lemma_ in self.lex.modal_verbs:
            return self.lex.modal_verbs[matrix.lemma_][0]
        for t in (v, matrix):
            if t is None:
                continue
            for c in t.children:
                if c.dep_ in ("aux", "mark") and c.lower_ in self.lex.modal_aux:
                    return self.lex.modal_aux[c.lower_]
                if c.dep_ == "advmod" and c.lower_ in ("allegedly", "purportedly"):
                    return "claimed"
        return "asserted"

    def _reported_by(self, v: Token, ctx: dict) -> list[str]:
        out = []
        t = v
        for _ in range(6):
            if t.head == t:
                break
            if t.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "parataxis", "dep"):
                break
            t = t.head
            if t.lemma_ in self.lex.reporting:
                subj = next((c for c in t.children if c.dep_ in SUBJ), None)
                if subj is not None:
                    a = self._one(subj, ctx)
                    info = ctx["info"].get(a["id"], {}) if a else {}
                    out.append(info.get("name") if info.get("kind") == "person" or (a and a["id"].startswith(
                        "person:")) else (a["text"] if a else " ".join(x.text for x in subj.subtree)))
                break
        for tok in sent_of(v):
            if tok.lower_ == "according" and tok.i + 2 < len(tok.doc) and tok.nbor().lower_ == "to":
                obj = next((g for g in tok.nbor().children if g.dep_ == "pobj"), None)
                if obj is not None:
                    out.append(" ".join(x.text for x in obj.subtree))
        return [x for i, x in enumerate(out) if x and x not in out[:i]]

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        spans = sorted(doc.spans[ACTORS], key=lambda s: s.start) if ACTORS in doc.spans else []
        places = {i for sp in doc.spans[PLACES] for i in range(sp.start, sp.end)} if PLACES in doc.spans else set()
        ctx = {"at": {s.root.i: s for s in spans if not (s.root.i in places and s.kb_id_ in ("person", "ner_org"))},
               "spans": spans, "info": doc._.actor_info or {}, "places": places}
        consumed: set[int] = set()
        found: list[tuple[int, list[dict]]] = []
        by_token: dict[int, str] = {}
        for tok in tokens_of(doc):  # verbs first: they claim the event nouns and participles that are part of them
            if tok.i in consumed or not (tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT")):
                continue
            own_subj = any(c.dep_ in SUBJ + PASS_SUBJ for c in tok.children)
            head_code = by_token.get(tok.head.i) if tok.dep_ in ("advcl", "xcomp", "acl") and not own_subj else None
            evs = self._verb_event(tok, ctx, consumed)
            if evs and head_code and evs[0]["cameo"][:2] == head_code[:2]:
                continue  # "met ... to discuss", "launched an attack, killing three": one event
            if evs:
                found.append((tok.i, evs))
                by_token[tok.i] = evs[0]["cameo"]
                for c in tok.children:
                    if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and c.lemma_.lower() in HEADLINE_PASSIVE:
                        consumed.add(c.i)
                for o in self._object_words(tok):
                    if o.pos_ in ("NOUN", "PROPN") and self._rule(o, "N", ctx):
                        consumed.add(o.i)
        for tok in tokens_of(doc):
            if tok.i in consumed or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            evs = self._noun_event(tok, ctx)
            if evs:
                found.append((tok.i, evs))
        events: list[dict] = []
        if not found:
            fallback = self._fallback(doc, ctx)
            if fallback:
                found.append(fallback)
        at_char = {t.idx: t for t in doc}
        for i, evs in sorted(found, key=lambda x: x[0]):
            if self._fold(at_char.get(evs[0]["trigger"][0], doc[i]), evs, events):
                continue
            events.extend(evs)
        doc._.events = [self._finish(doc, e, ctx) for e in events]
        return doc

    def _fallback(self, doc: Doc, ctx: dict) -> tuple[int, list[dict]] | None:
        """A report of violence whose parties the text does not name ('Dozens killed in clashes',
        '168 died yesterday') still records one event, with its actors left empty and a low
        confidence, so the place, date and toll have an event to belong to."""
        for tok in tokens_of(doc):
            pos = "V" if tok.pos_ in ("VERB", "AUX") else "N" if tok.pos_ in ("NOUN", "PROPN") else None
            rule = self._rule(tok, pos, ctx) if pos else None
            if rule is None or rule.cameo[:2] not in ("18", "19", "20"):
                continue
            if pos == "V" and tok.lemma_.lower() not in FALLBACK_VERBS:
                continue
            if pos == "N" and tok.dep_ != "ROOT" and not any(t.lemma_.lower() in FALLBACK_VERBS for t in sent_of(tok)):
                continue  # "a pause in the bombing" is not news of a bombing
            victims = self._patient(tok) if pos == "V" else None
            a2 = self._actor(victims, ctx) or ([self._raw(victims)] if victims is not None else None)
            ev = {"trigger": [tok.idx, tok.idx + len(tok), tok.text], "cameo": rule.cameo,
                  "rule": rule.name + "+fallback:document", "a1": None, "a2": a2[0] if a2 else None,
                  "modality": self._modality(tok, None), "reported_by": self._reported_by(tok, ctx),
                  "confidence": 0.3, "sent": [sent_of(tok).start_char, sent_of(tok).end_char]}
            return tok.i, [ev]
        return None

    def _fold(self, tok: Token, evs: list[dict], events: list[dict]) -> bool:
        """An event mention that refers back to one already recorded ('the kidnapping', 'in that
        battle', 'two people were killed' after the strike) adds to it instead of making another."""
        root = evs[0]["cameo"][:2]
        prior = [e for e in events if e["cameo"][:2] == root or (root in ("18", "19", "20") and e["cameo"][:2]
                                                                 in ("18", "19", "20"))]
        if not prior:
            return False
        anaphoric = tok.pos_ == "NOUN" and any(c.lower_ in ("the", "that", "this", "these", "those")
                                              for c in tok.children if c.dep_ == "det")
        no_agent = root in ("18", "19", "20") and all(e["a1"] is None for e in evs) and \
            sent_of(tok).start_char - prior[-1]["sent"][1] < 400
        if not (anaphoric or no_agent):
            return False
        target = prior[-1]
        for e in evs:
            target["reported_by"] = list(dict.fromkeys(target["reported_by"] + e["reported_by"]))
            if target["a2"] is None and e["a2"] is not None and (target["a1"] or {}).get("id") != e["a2"]["id"]:
                target["a2"] = e["a2"]
        target.setdefault("mentions", []).append(evs[0]["trigger"])
        return True

    def _verb_event(self, v: Token, ctx: dict, consumed: set[int]) -> list[dict] | None:
        lex = self.lex
        lemma = v.lemma_.lower()
        rule = self._rule(v, "V", ctx) or self._obligation(v)
        noun = None
        # a light verb takes its event from the noun it governs
        if lemma in lex.light and (rule is None or not rule.constraints):
            for o in self._object_words(v):
                nrule = self._rule(o, "N", ctx) if o.pos_ in ("NOUN", "PROPN") else None
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
            comp = [c for c in v.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
            if any(self._yields(c, ctx) for c in comp):
                return None
        if lex.embed_class(lemma) in ("appeal", "demand", "threat", "refusal") and noun is None:
            comp = [c for c in v.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
            if any(self._yields(c, ctx) for c in comp):
                return None
        matrix = v.head if v.dep_ in ("xcomp", "ccomp") and v.head.pos_ in ("VERB", "AUX", "ADJ") else None
        how = [("light:" + lemma) if noun is not None else None]
        code, framed = self._reframe(v, matrix, rule.cameo)
        if framed:
            how.append(framed)
        subj = self._subject(v)
        if self._passive(v):
            a1_tok, a2_tok = self._by(v, {"by"}), self._patient(v)
        else:
            a1_tok = subj
            a2_tok = None
            if noun is not None:
                a2_tok = self._target(noun, TARGET_PREPS - {"with"} | {"with"}) if noun is not None else None
                if a2_tok is None:
                    a2_tok = next((g for c in v.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
                                   for g in c.children if g.dep_ == "pobj" and g != noun), None)
            else:
                a2_tok = self._target(v, ctx=ctx)
                if a2_tok is not None and a2_tok.dep_ == "xcomp":
                    a2_tok = None
            if matrix is not None and lex.embed_class(matrix.lemma_.lower()) in ("appeal", "demand"):
                asked = next((c for c in matrix.children if c.dep_ in ("dobj", "dative")), None)
                a1_tok, a2_tok = self._subject(matrix), asked
        if framed and framed.startswith(("demand:", "appeal:")) and matrix is not None:
            a1_tok, a2_tok = self._subject(matrix), subj
        if rule.role == "a2":
            a1_tok, a2_tok = self._by(v, {"from", "by"}) or (self._by(a2_tok, {"from", "by"}) if a2_tok is not None
                                                              else None), subj
            if a1_tok is None:
                for o in self._objects(v):
                    a1_tok = self._by(o, {"from", "by"}) or a1_tok
        # an event noun as subject ("an air strike killed five") lends its type and its author
        if subj is not None and not self._passive(v) and subj.pos_ == "NOUN":
            srule = self._rule(subj, "N", ctx)
            if srule is not None and srule.cameo[:2] in ("18", "19", "20") and code[:2] in ("18", "19"):
                rule, code, noun = srule, srule.cameo, subj
                consumed.add(subj.i)
                a1_tok = self._by(subj) or subj
        # "killed in an air strike by government forces"
        if code[:2] in ("18", "19"):
            for c in v.children:
                if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i not in consumed:  # "killed in tank shelling"
                    vrule = self._rule(c, "V", ctx)
                    if vrule is not None and vrule.cameo[:2] in ("18", "19", "20") and vrule.cameo != "190":
                        rule, code = vrule, vrule.cameo
                        consumed.add(c.i)
                if c.dep_ == "prep" and c.lower_ == "in" and a1_tok is None:
                    g = next((x for x in c.children if x.dep_ == "pobj"), None)
                    span = ctx["at"].get(g.i) if g is not None else None
                    if span is not None and span.kb_id_ in ("demonym", "country+agent", "group"):
                        a1_tok = g
            for c in v.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "during", "by"):
                    for g in c.children:
                        nrule = self._rule(g, "N", ctx) if g.dep_ == "pobj" else None
                        if nrule is not None and nrule.cameo[:2] in ("18", "19", "20"):
                            consumed.add(g.i)
                            if nrule.cameo != "190":
                                rule, code = nrule, nrule.cameo
                            a1_tok = a1_tok or self._by(g) or (g if ctx["at"].get(g.i) else None)
        a1 = self._actor(a1_tok, ctx)
        a2 = self._actor(a2_tok, ctx)
        if a1 is None and a1_tok is None and v.dep_ in ("amod", "compound") and not self._passive(v):
            a1 = self._adjacent(v, ctx, finite_only=False)  # "after the SDF neutralized ISIS' holdout"
            if a2 is None:
                a2 = self._actor(v.head, ctx)
        if a2 is None and a2_tok is not None and (self._passive(v) or rule.role == "a2") and code[:2] in ("18", "19", "20"):
            a2 = [self._raw(a2_tok)]  # "168 were killed": the victims, even unnamed
        if a2 is None and rule.role == "a1" and not self._passive(v) and not (
                code[:2] in SYMMETRIC and a1 and len(a1) > 1):
            a2 = self._participant(noun if noun is not None else v, a1, ctx, skip=a1_tok)
        if a1 is None and a1_tok is not None and code[:2] == "14" and not self._passive(v):
            a1 = [self._raw(a1_tok)]  # "thousands marched": a crowd with no name
        if a1 is None and a1_tok is None and not self._passive(v) and rule.role == "a1" and v.tag_ in FINITE:
            a1 = self._adjacent(v, ctx)  # a misparsed clause: the actor written right before the verb
        trig = noun if noun is not None else v
        rule_name = "+".join([rule.name] + [h for h in how if h])
        return self._pairs(trig, v, matrix, code, rule_name, a1, a2, ctx)

    def _noun_event(self, n: Token, ctx: dict) -> list[dict] | None:
        rule = self._rule(n, "N", ctx)
        if rule is None:
            return None
        own = ctx["at"].get(n.i)
        a1 = [self._ref(own, ctx)] if own is not None and own.label_ else None
        a1_tok = self._by(n, {"by", "from"})
        if a1_tok is not None:
            a1 = self._actor(a1_tok, ctx) or a1
        poss = next((c for c in n.children if c.dep_ == "poss"), None)
        if poss is not None and not a1:
            a1 = self._actor(poss, ctx)
        a2 = None
        if n.dep_ == "compound" and not a1:  # headline style: "Al-Shabaab ambush AU troops"
            left = [c for c in n.head.children if c.dep_ == "compound" and c.i < n.i and c.i in ctx["at"]]
            left += [c for c in n.children if c.dep_ == "compound" and c.i in ctx["at"]]
            a1 = self._actor(left[-1], ctx) if left else None
            a2 = self._actor(n.head, ctx)
        between = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        if between is not None:
            obj = next((g for g in between.children if g.dep_ == "pobj"), None)
            both = self._actor(obj, ctx) or []
            if len(both) >= 2:
                a1, a2 = [both[0]], both[1:]
        if a2 is None:
            a2 = self._actor(self._target(n, TARGET_PREPS - {"to"}, ctx), ctx)
        for c in n.children:  # "a deal brokered with tribal elders that allowed jihadis to leave"
            if c.dep_ in ("acl", "relcl") and (not a1 or not a2):
                other = self._actor(self._target(c, {"with", "against", "on", "by"}), ctx)
                if not other:
                    other = self._actor(next((g for g in c.children if g.dep_ == "dobj" or g.dep_ == "ccomp"), None),
                                        ctx)
                if other and not a2:
                    a2 = other
                elif other and not a1:
                    a1 = other
                if c.dep_ == "relcl" and (not a1 or not a2):
                    for g in c.children:
                        if g.dep_ in ("ccomp", "xcomp"):
                            extra = self._actor(next((x for x in g.children if x.dep_ in SUBJ), None), ctx)
                            if extra and not a1:
                                a1 = extra
                            elif extra and not a2:
                                a2 = extra
        if a1 and not a2:
            a2 = self._participant(n, a1, ctx)
        if not a1:
            gov = n.head.head if n.dep_ == "pobj" and n.head.dep_ == "prep" else n.head if n.dep_ == "dobj" else None
            if gov is not None and gov.pos_ == "VERB" and gov.i not in ctx.get("triggers", ()):
                a1 = self._actor(self._subject(gov), ctx)
        if not a1 and not a2:
            return None
        if not a1 and a2 and rule.cameo[:2] in ("04", "05", "06", "03"):
            a1, a2 = a2, None
        return self._pairs(n, n, None, rule.cameo, rule.name, a1, a2, ctx)

    def _pairs(self, trig: Token, v: Token, matrix: Token | None, code: str, rule: str,
               a1s: list | None, a2s: list | None, ctx: dict) -> list[dict] | None:
        a1s, a2s = a1s or [None], a2s or [None]
        if a2s == [None] and len(a1s) > 1 and code[:2] in SYMMETRIC:
            pairs = [(a1s[i], a1s[j]) for i in range(len(a1s)) for j in range(i + 1, len(a1s))]
        else:
            pairs = [(x, y) for x in a1s for y in a2s]
        out = []
        for a1, a2 in pairs[:MAX_PAIRS]:
            if a1 and a2 and a1["id"] == a2["id"]:
                a2 = None
            i1 = ctx["info"].get(a1["id"]) if a1 else None
            i2 = ctx["info"].get(a2["id"]) if a2 else None
            if not (_has_identity(i1) or _has_identity(i2)):
                # organised violence is worth recording even when only "gunmen" or "villagers" are named
                raw = any(a and a["id"].startswith("raw:") for a in (a1, a2))
                if not (code[:2] in ("14", "18", "19", "20") and (i1 or i2 or raw) and trig.pos_ in ("VERB", "NOUN")):
                    continue
            conf = 0.45 + 0.2 * bool(a1) + 0.15 * bool(a2) + 0.1 * (trig.pos_ == "VERB")
            conf -= 0.05 * sum(1 for a in (a1, a2) if a and str(a.get("method", "")).startswith(("pronoun", "agent+")))
            out.append({"trigger": [trig.idx, trig.idx + len(trig), trig.text], "verb": [v.idx, v.idx + len(v)],
                        "cameo": code, "rule": rule,
                        "a1": a1, "a2": a2, "modality": self._modality(v, matrix),
                        "reported_by": self._reported_by(v, ctx), "confidence": round(min(conf, 0.95), 2),
                        "sent": [sent_of(v).start_char, sent_of(v).end_char]})
        return out or None

    def _finish(self, doc: Doc, e: dict, ctx: dict) -> dict:
        for k in ("a1", "a2"):
            if e[k]:
                e[k] = {x: e[k][x] for x in ("id", "text", "start", "end", "method")}
        e["id"] = event_id((doc._.meta or {}).get("id"), e["trigger"][0], e["cameo"], (e["a1"] or {}).get("id"),
                           (e["a2"] or {}).get("id"))
        return e


@Language.factory(
    "tacitus_events",
    requires=["doc._.actor_info", "token.dep", "token.lemma"],
    assigns=["doc._.events"],
    default_config={"lexicons": []},
)
def make_events(nlp: Language, name: str, lexicons: list[str]) -> EventsStage:
    return EventsStage(default_lexicon(tuple(lexicons)))
