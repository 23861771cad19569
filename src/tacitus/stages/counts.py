"""Counts stage: tolls (killed, injured, arrested, kidnapped, displaced, missing) with the hedge kept
as a range ('at least 12' -> low 12; 'up to 50' -> high 50; 'between 10 and 15'), and who they were.

Only figures tied by the parse to a toll word are counts, so a pre-war population, a year, an age
or a distance never are. Writes the counts layer; the context stage attaches them to events."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..lexicons import read_tsv
from ..nlp import columns, layers
from ..nlp.layer_types import ActorKey, RoleFiller, Toll
from ..nlp.layers import Stage, assigns, register, requires
from ..nlp.sents import text_of, tokens_of
from ..nlp.tree import children
from ..records import Count

NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
         "million": 1_000_000, "dozen": 12, "a": 1, "an": 1}


_ORDERED: dict[int, tuple[dict, list[tuple[str, re.Pattern]]]] = {}  # id(table) -> (table, patterns)


def longest_first(words: dict) -> list[tuple[str, re.Pattern]]:
    """(word, whole-word pattern) of a word table, longest first, made once per table: the
    longest word that matches wins."""
    kept = _ORDERED.get(id(words))
    if kept is None or kept[0] is not words or len(kept[1]) != len(words):
        kept = _ORDERED[id(words)] = (words, [(w, re.compile(rf"\b{re.escape(w)}\b"))
                                        for w in sorted(words, key=len, reverse=True)])
    return kept[1]


def parse_quantity(text: str, vague: dict[str, int], hedges: dict[str, str]) -> tuple | None:
    """'at least 12' -> (12, 12, None, 'at least'); 'between 10 and 15' -> (10, 12, 15, 'between');
    'a family of five' -> (5, 5, 5, None); 'dozens' -> (12, 12, None, 'dozens')."""
    t = " ".join(text.lower().replace(",", "").split())
    m = re.search(r"between (\S+) and (\S+)|(\S+)\s*(?:-|–|to)\s*(\S+)", t)
    if m:
        a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        lo, hi = _num(a), _num(b)
        if lo is not None and hi is not None and lo < hi:
            return lo, (lo + hi) // 2, hi, "between"
    hedge = next((h for h, pattern in longest_first(hedges) if pattern.search(t)), None)
    for phrase, pattern in longest_first(vague):
        if pattern.search(t):
            n = vague[phrase]
            return n, n, None, phrase
    m = re.search(r"family of (\S+)", t)
    n = _num(m.group(1)) if m else None
    if n is None:
        nums = [x for x in (_num(w) for w in re.findall(r"[\w.]+", t)) if x is not None]
        n = _combine(t) if nums else None
    if n is None:
        return None
    kind = hedges.get(hedge) if hedge else None
    if kind == "low":
        return n, n, None, hedge
    if kind == "high":
        return None, n, n, hedge
    if kind == "approx":
        return None, n, None, hedge
    return n, n, n, None


def _num(w: str) -> int | None:
    w = w.strip().lower()
    if NUMBER.match(w):
        return int(float(w))
    return WORDS.get(w) if w not in ("a", "an") else None


def _combine(t: str) -> int | None:
    """'twenty-two' -> 22, 'two hundred' -> 200, '1.5 million' -> 1500000, '22' -> 22."""
    total, current, seen = 0, 0, False
    for w in re.findall(r"[\d.]+|[a-z]+", t.replace("-", " ")):
        if re.match(r"^\d+(\.\d+)?$", w):
            current += float(w)
            seen = True
        elif w in WORDS and w not in ("a", "an"):
            v = WORDS[w]
            seen = True
            if v in (100, 1000, 1_000_000):
                current = (current or 1) * v
                if v >= 1000:
                    total, current = total + current, 0
            else:
                current += v
    return int(total + current) if seen else None


class CountsStage(Stage):
    name = "tacitus_counts"
    reads = ("actors", "actor_info", "token.dep")
    writes = ("counts",)

    def __init__(self) -> None:
        register()
        rows = read_tsv("tacitus.lexicons", "counts.tsv")
        self.words = {r["word"]: r["kind"] for r in rows if r["kind"] not in ("vague", "hedge", "update")}
        self.vague = {r["word"]: int(r["value"]) for r in rows if r["kind"] == "vague"}
        self.hedges = {r["word"]: r["value"] for r in rows if r["kind"] == "hedge"}
        self.hedges_before = [(h, re.compile(rf"\b{re.escape(h)}\s*$", re.I))  # 'at least' right before a number
                              for h in sorted(self.hedges, key=len, reverse=True)]

    def _kind(self, lemma: str, lower: str) -> str | None:
        """The toll word's kind ('killed', 'injured' ...), by its lower-cased lemma or its form."""
        return self.words.get(lemma) or self.words.get(lower)

    def _counted(self, t: Token) -> Token | None:
        """The noun phrase whose size the toll word reports."""
        kids = {c.dep_: c for c in children(t)}
        if t.lower_ == "missing" or (t.pos_ == "ADJ" and t.dep_ == "dobj"):
            if any(c.dep_ == "nummod" for c in children(t)):
                return t  # "left 14 dead"
            own = next((c for c in children(t) if c.dep_ in ("nsubj", "nsubjpass")), None)
            if own is not None or t.dep_ == "conj":
                return own
            return next((c for c in children(t.head) if c.dep_ in ("nsubj", "nsubjpass")), None)
        if t.pos_ in ("VERB", "AUX"):
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children(t))
            intrans = t.lemma_.lower() in ("die", "flee") or (t.tag_ in ("VBN", "VBD") and "dobj" not in kids)
            if passive or intrans:
                for dep in ("nsubjpass", "nsubj"):
                    if dep in kids:
                        return kids[dep]
                if t.dep_ == "conj":  # "a gunman was hit and later died": the subject they share
                    head_kids = {c.dep_: c for c in children(t.head)}
                    for dep in ("nsubjpass", "nsubj"):
                        if dep in head_kids:
                            return head_kids[dep]
                if t.dep_ in ("acl", "amod", "relcl") and t.head.pos_ in ("NOUN", "PROPN", "NUM"):
                    return t.head
            if "dobj" in kids:
                return kids["dobj"]
            return None
        if t.pos_ == "ADJ":
            if t.dep_ in ("amod",):
                return t.head
            if t.dep_ in ("oprd", "acomp", "xcomp"):  # "left five dead", "shot dead a man", "five were dead"
                kids = {c.dep_: c for c in children(t.head)}
                for dep in ("dobj", "nsubjpass", "nsubj"):
                    if dep in kids:
                        return kids[dep]
            if t.dep_ == "ROOT" or t.dep_ == "conj":
                return next((c for c in children(t) if c.dep_ in ("nsubj", "npadvmod")), None)
            return None
        if t.pos_ in ("NOUN", "PROPN"):
            if any(c.dep_ == "nummod" for c in children(t)):
                return t
            if t.lemma_.lower() in ("body", "corpse"):  # "the bodies of three men"
                of = next((c for c in children(t) if c.dep_ == "prep" and c.lower_ == "of"), None)
                owner = next((g for g in children(of) if g.dep_ == "pobj"), None) if of is not None else None
                if owner is not None:
                    return owner
            if any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in children(t)):  # "resulting in his death"
                return next(c for c in children(t) if c.dep_ == "poss")
            if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.pos_ == "VERB":  # "shot to death"
                kids = {c.dep_: c for c in children(t.head.head)}
                return kids.get("nsubjpass") or kids.get("dobj")
            if t.lower_ in ("toll",) or any(c.lower_ == "toll" for c in children(t.head)):
                return None
            return None
        return None

    def _toll(self, t: Token) -> Token | None:
        """'the death toll rose to 25': the figure after 'to'."""
        if t.lemma_.lower() != "death":
            return None
        toll = t.head if t.head.lower_ == "toll" else None
        if toll is None:
            return None
        verb = toll.head
        for c in children(verb):
            if c.dep_ == "prep" and c.lower_ in ("to", "at"):
                return next((g for g in children(c) if g.dep_ == "pobj"), None)
        return None

    def _figure(self, np: Token) -> tuple[list[Token], Token | None]:
        """The number tokens in a noun phrase, and the head noun of who was counted."""
        if np.pos_ == "NUM" or np.like_num:
            group = None
            for c in children(np):  # "22 of them", "dozens of civilians"
                if c.dep_ == "prep" and c.lower_ == "of":
                    group = next((g for g in children(c) if g.dep_ == "pobj"), None)
            return [x for x in np.subtree if x != group and (group is None or x not in group.subtree)], group
        nums = [c for c in children(np) if c.dep_ in ("nummod", "quantmod") or (c.like_num and c.dep_ != "compound")]
        if nums:
            toks = [x for c in nums for x in c.subtree]
            return toks, np
        if np.lower_ in self.vague or np.lower_ in ("dozens", "hundreds", "thousands", "scores"):
            group = next((g for c in children(np) if c.dep_ == "prep" and c.lower_ == "of"
                          for g in children(c) if g.dep_ == "pobj"), None)
            return [np] + [c for c in children(np) if c.dep_ in ("advmod", "quantmod", "det")], group
        fam = next((c for c in children(np) if c.dep_ == "prep" and c.lower_ == "of"), None)
        if np.lower_ == "family" and fam is not None:
            return [np, fam] + list(fam.subtree), None
        return [], np

    def _plus_conjuncts(self, np: Token, qty: tuple | None) -> tuple | None:
        """Parts of one toll given side by side add up ('2 rebels and 1 soldier')."""
        if qty is None or np.pos_ not in ("NOUN", "PROPN"):
            return qty
        extra = 0
        for c in np.conjuncts:
            if c.i < np.i:
                continue
            nums = [x for x in children(c) if x.dep_ == "nummod"]
            if not nums:
                return qty
            part = parse_quantity(" ".join(x.text for n in nums for x in n.subtree), self.vague, self.hedges)
            if part is None or part[1] is None:
                return qty
            extra += part[1]
        if not extra:
            return qty
        low, best, high, hedge = qty
        return (low + extra if low is not None else None, best + extra if best is not None else None,
                high + extra if high is not None else None, hedge)

    @staticmethod
    def _singulars(np: Token) -> int:
        """'a soldier was killed' is one; 'a soldier and a local chief' two; 'civilians' unknown."""
        people = [np] + [c for c in np.conjuncts if c.i > np.i]
        if all(t.tag_ in ("NN", "NNP") and t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("GPE", "LOC", "ORG")
               for t in people):
            return len(people)
        return 0

    def run(self, doc: Doc) -> Doc:
        actors = {s.root.i: s for s in layers.get(doc, "actors")}
        info = layers.get(doc, "actor_info") or {}
        out = []
        seen: set[tuple[int, str]] = set()
        lemmas, lowers = columns.lemma_lower(doc), columns.lower(doc)
        for t in tokens_of(doc):
            kind = self._kind(lemmas[t.i], lowers[t.i])
            if kind is None:
                continue
            np = self._toll(t) or self._counted(t)
            if np is None:
                continue
            toks, group = self._figure(np)
            toks = [x for x in toks if x.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT")]
            if not toks:
                n = 1 if np.dep_ == "poss" and np.lower_ in ("his", "her") else \
                    self._singulars(np) if np.pos_ in ("NOUN", "PROPN") and t.pos_ in ("VERB", "ADJ", "NOUN") else 0
                if not n:
                    continue
                toks, group, qty = [np], np, (n, n, n, None)
                s, e = np.idx, np.idx + len(np)
            else:
                s = min(x.idx for x in toks)
                e = max(x.idx + len(x) for x in toks)
                hedge_text = text_of(doc)[max(0, s - 20):s]
                hedge = next((h for h, pattern in self.hedges_before if pattern.search(hedge_text)), None)
                qty = parse_quantity((hedge + " " if hedge else "") + text_of(doc)[s:e], self.vague, self.hedges)
                qty = self._plus_conjuncts(np, qty)  # "five officers and two civilians were killed": 7
            if qty is None or (qty[1] or 0) > 10_000_000 or (t.i, kind) in seen:
                continue
            seen.add((t.i, kind))
            who, who_text, victims = None, None, None
            if group is not None and group.pos_ in ("NOUN", "PROPN") and group != t:
                span = actors.get(group.i)
                who_text = " ".join(x.text for x in group.subtree if (x not in toks or x == group) and
                                    x.dep_ not in ("punct", "cc", "relcl") and not x.like_num).strip() or None
                if span is not None and span.label_ in info:
                    who = info[span.label_].name
                if who_text:
                    sub = list(group.subtree)
                    victims = RoleFiller(key=span.label_ if span is not None else ActorKey("raw", who_text).label,
                                         text=who_text, start=span.start_char if span is not None else sub[0].idx,
                                         end=span.end_char if span is not None else sub[-1].idx + len(sub[-1]),
                                         method=span.kb_id_ if span is not None else "unresolved", token=group.i)
            first = min([s, t.idx] + ([group.idx] if group is not None else []))
            last = max([e, t.idx + len(t)] + ([max(x.idx + len(x) for x in group.subtree)] if group is not None
                                              else []))
            count = Count(kind=kind, low=qty[0], best=qty[1], high=qty[2], who=who or who_text,
                          text=text_of(doc)[first:last], start=first, end=last, hedge=qty[3])
            out.append(Toll(count, t.i, who_text, victims))
        layers.put(doc, "counts", out)
        return doc


@Language.factory(CountsStage.name, requires=requires(CountsStage.reads), assigns=assigns(CountsStage.writes))
def make_counts(nlp: Language, name: str) -> CountsStage:
    return CountsStage()
