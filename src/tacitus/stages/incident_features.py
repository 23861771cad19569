"""What an incident's clauses say about how it happened, for ACLED's decision rules: the class of
each mention (from its CAMEO code), cue words in its clause (lexicons/incident_cues.tsv: the means,
a clash, an intervention, disorder, a mob ...) and what an unnamed target is (lexicons/targets.tsv:
an armed position or a civilian one)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lexicons import read_tsv
from ..nlp import columns, layers
from ..nlp.layer_types import EventDraft
from ..nlp.sents import span_at, tokens_of
from ..nlp.tree import children
from ..ontology.acled import event_class, lemma_class
from .context import clause_tokens

PKG = "tacitus.lexicons"
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "several",
                "scores", "hundreds", "at", "least", "some", "about", "more", "than", "a", "dozen", "few"}


@lru_cache(maxsize=1)
def _cues() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for r in read_tsv(PKG, "incident_cues.tsv"):
        words = tuple(r["cue"].lower().split())
        out.setdefault(words[0], []).append((words, r["feature"]))
    return out


@lru_cache(maxsize=1)
def targets() -> dict[str, str]:
    return {r["lemma"]: r["class"] for r in read_tsv(PKG, "targets.tsv")}


@lru_cache(maxsize=1)
def _crowds() -> frozenset[str]:
    return frozenset(r["lemma"] for r in read_tsv(PKG, "crowds.tsv"))


def crowd(words: str | None) -> bool:
    """Whether the words for an unnamed perpetrator name a crowd of civilians (crowds.tsv)."""
    toks = (words or "").lower().replace("-", " - ").split()
    table = _crowds()
    return any(w in table or f"{w} {n}" in table for w, n in zip(toks, toks[1:] + [""], strict=True))


WORDS = "tacitus_cue_words"
CONJUNCTS = "tacitus_bare_conjuncts"


def _words(doc: Doc) -> list[tuple[str, str]]:
    """(lemma, lower-case form) of every token, made once per Doc: cues are looked up by both."""
    words = doc.user_data.get(WORDS)
    if words is None:
        words = doc.user_data[WORDS] = list(zip(columns.lemma_lower(doc), columns.lower(doc), strict=True))
    return words


def cue_features(doc: Doc, token_ids: set[int]) -> set[str]:
    """Features whose cue starts at one of the tokens (phrases may run past the set); a longer cue
    hides the shorter ones inside it ('heavy machine gun' is not a 'machine gun' cue)."""
    toks = tokens_of(doc)
    table = _words(doc)
    cues = _cues()
    found: list[tuple[int, int, str]] = []  # (start, length, feature)
    for i in token_ids:
        for w in table[i]:
            for words, feature in cues.get(w, ()):
                if len(words) == 1 or all(i + k < len(toks) and words[k] in table[i + k]
                                          for k in range(1, len(words))) or len(words) == 2 and any(
                        c.dep_ in ("dobj", "nsubjpass") and words[1] in table[c.i] for c in children(toks[i])):
                    found.append((i, len(words), feature))
    covered: set[int] = set()
    out: set[str] = set()
    forces: set[int] | None = None
    for start, n, feature in sorted(found, key=lambda x: -x[1]):
        span = set(range(start, start + n))
        if span <= covered:
            continue
        if feature == "intervention" and n == 1 and _intransitive(toks[start]):
            continue  # 'the marchers dispersed in the afternoon': nobody broke them up
        covered |= span
        if feature == "disorder":
            forces = _forces(doc) if forces is None else forces
            if _doer(toks[start]) in forces:
                feature = "intervention"  # 'police fired into the air', 'troops stormed the square'
        if feature != "-":  # '-': a phrase that holds a cue word but is none ('riot police')
            out.add(feature)
    return out


def _forces(doc: Doc) -> set[int]:
    """Root tokens of the actor phrases that are state forces (the military or the police)."""
    info = layers.get(doc, "actor_info") or {}
    return {s.root.i for s in layers.get(doc, "actors") or []
            if (a := info.get(s.label_)) is not None and a.acled_inter == 1 and a.kind in ("military", "police")}


def _doer(t: Token) -> int | None:
    """The token of whoever does what the cue word says: the subject (or the passive's agent) of
    the verb it belongs to, a conjoined verb's from the first verb."""
    for _ in range(3):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            break
        t = t.head
    for v in (t, t.head) if t.dep_ in ("conj", "xcomp", "advcl") else (t,):
        for c in children(v):
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c.i if c.dep_ == "nsubj" else None
            if c.dep_ == "agent":
                return next((g.i for g in children(c) if g.dep_ == "pobj"), None)
    return None


def _intransitive(t: Token) -> bool:
    """A verb used without anyone acted on: no object, not passive."""
    return t.pos_ == "VERB" and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in children(t))


def mention_clause(doc: Doc, m: EventDraft) -> set[int]:
    """The tokens of a mention's clause: its trigger's clause and, for a verb, the verb's own."""
    span = span_at(doc, m.trigger.start, m.trigger.end)
    if span is None:
        return set()
    out = clause_tokens(span.root)
    if span.root.pos_ in ("NOUN", "PROPN"):  # what modifies the event noun ('explosions involving ...')
        out |= {x.i for x in span.root.subtree}
        if span.root.dep_ in ("nmod", "compound", "conj", "appos"):  # 'blasts and gunfire involving rifles'
            out |= {x.i for x in span.root.head.subtree}
    if span.root.dep_ in ("acl", "relcl"):  # 'an explosive device detonated ...' misread as a modifier
        head = span.root.head
        out |= {head.i} | {x.i for c in head.lefts for x in c.subtree}
    t = span.root
    for _ in range(6):  # an event noun: also the clause of the verb it hangs on ('observed 5 explosions ...')
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            break
        t = t.head
    if t.pos_ in ("VERB", "AUX") and t.i != span.root.i:
        out |= clause_tokens(t)
    if m.verb is not None:
        verb = span_at(doc, m.verb.start, m.verb.end)
        if verb is not None and verb.root.i != span.root.i:
            out |= clause_tokens(verb.root)
    # 'shot with heavy machine guns, grenade launchers and rifles' with 'grenade' read as a verb: a
    # conjoined verb with no subject of its own says more of the same act
    bare = _bare_conjuncts(doc)
    for i in sorted(out):
        for c in bare.get(i, ()):
            if c.i not in out:
                out |= {x.i for x in c.subtree}
    return out


def _bare_conjuncts(doc: Doc) -> dict[int, list[Token]]:
    """{head token: its conjoined verbs with no subject of their own}, in text order, once per Doc."""
    found = doc.user_data.get(CONJUNCTS)
    if found is None:
        found = doc.user_data[CONJUNCTS] = {}
        toks, pos = tokens_of(doc), columns.pos(doc)
        for i, d in enumerate(columns.dep(doc)):
            if d == "conj" and pos[i] in ("VERB", "AUX") and not any(
                    g.dep_ in ("nsubj", "nsubjpass") for g in children(toks[i])):
                found.setdefault(toks[i].head.i, []).append(toks[i])
    return found


def mention_class(m: EventDraft, lemma: str = "") -> tuple[str | None, str | None]:
    cls, means = event_class(m.cameo)
    return lemma_class(lemma) or cls, means


def target_class(words: str | None) -> str | None:
    """'armed' or 'civilians' for the words naming an unnamed target or victims ('two soldiers',
    'a village'), from their nouns, the last one that says; None when they say nothing."""
    if not words:
        return None
    if all(w.replace(",", "").isdigit() or w in NUMBER_WORDS for w in words.lower().split()):
        return "civilians"  # "killed three": people
    table = targets()
    found = None
    toks = words.lower().replace("-", " ").split()
    for i, w in enumerate(toks):
        pair = f"{w} {toks[i + 1]}" if i + 1 < len(toks) else None
        for cand in ((pair,) if pair else ()) + (w, w.rstrip("s"), w[:-2] if w.endswith("es") else w):
            if cand in table:
                if table[cand] == "out_of_service":  # 'a former military officer', 'an off-duty policeman'
                    return "civilians"
                found = table[cand]
                break
    return found


def out_of_service(words: str | None) -> bool:
    """'a former soldier', 'an off-duty policeman': an armed person no longer acting as one."""
    toks = (words or "").lower().replace("-", " ").split()
    table = targets()
    return any(table.get(w) == "out_of_service" or table.get(f"{w} {n}") == "out_of_service"
               for w, n in zip(toks, toks[1:] + [""], strict=True))
