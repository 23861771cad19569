"""Cues: the verb that attributes quoted or reported words, the words it attributes, and who it
names as their source.

A quoted passage finds its cue through the parse first (the verb the quoted clause hangs from:
'“We will stay,” she said', 'called the vote “a farce”'), then by position: a cue right after the
closing mark (',” said Caddell', '?” Graham asked.', which the parser often makes a sentence of
its own) or right before the opening one ('Trump said: “…', 'saying, “…'). When the quoted words
are only part of what the verb attributes ('tweeted that Machado was “disgusting”'), the content
is the whole attributed phrase, and the passage is a partial quote. Indirect speech is a cue verb
with a clause ('said Tuesday that …'), a parenthetical cue ('…, he said, …') or 'according to X'.
Every look-up is bounded (a few tokens around a mark, a few steps up the tree), so the work is
linear in the article's length."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..frozen import frozen
from ..lexicons import read_list, read_tsv
from ..nlp import columns
from ..nlp.sents import sent_of, text_of, tokens_of
from ..nlp.tree import children

PKG = "tacitus.lexicons"
SUBJECTS = ("nsubj", "nsubjpass")
CONTENT_DEPS = {"ccomp", "dobj", "xcomp", "oprd", "attr", "acomp", "dative", "parataxis", "advcl", "npadvmod",
                "prep", "conj", "appos", "pobj", "intj", "nsubj", "meta", "dep"}
COMPLEMENTS = {"ccomp", "dobj", "xcomp", "oprd", "attr", "acomp", "dative"}
CLAUSE_MARKS = {"that", "if", "whether"}
PARTIAL = COMPLEMENTS | {"prep"}  # where a partial quote sits under its cue: 'called the vote “a farce”'

CLIMB = {"advcl", "xcomp", "conj", "ccomp", "pcomp", "acl", "relcl"}  # 'defended it, saying …': whose saying
WINDOW = 10        # tokens looked at beside a mark
UP = 4             # steps up the tree from a quoted phrase to its cue
MAX_CLAUSE = 200   # tokens: a longer "clause" is a runaway parse
MAX_KIDS = 40      # dependents of one token looked at (a parser can hang thousands on one token)


@frozen
class Cue:
    verb: Token | None          # the cue verb (None for 'according to' and dash attributions)
    source: Token | None        # the head of the noun phrase naming the speaker
    content: tuple[int, int] | None  # char span of what the cue attributes, when larger than the passage
    rule: str                   # how the cue was found
    lemma: str | None = None
    weak: bool = False          # not a speech verb: the passage is attributed only if the subject is someone


class CueLexicon:
    """Cue verbs: reporting_verbs.txt (which also keeps them out of event coding) and quote_verbs.tsv."""

    def __init__(self, extra_dirs: tuple[str, ...] = ()) -> None:
        reporting = frozenset(read_list(PKG, "reporting_verbs.txt", extra_dirs))
        rows = read_tsv(PKG, "quote_verbs.tsv", extra_dirs)
        self.reporting = reporting
        self.quoting = reporting | {r["verb"] for r in rows}
        self.clause = reporting | {r["verb"] for r in rows if r["clause"] == "y"}

    def is_cue(self, tok: Token) -> bool:
        """A speech verb used as a verb ('so-called', 'the said document' are modifiers)."""
        doc, i = tok.doc, tok.i
        return columns.pos(doc)[i] in ("VERB", "AUX") and columns.lemma_lower(doc)[i] in self.quoting and \
            columns.dep(doc)[i] not in ("amod", "compound", "nmod")

    def takes_clause(self, pos: str, lemma: str) -> bool:
        """A verb (by its part of speech and lower-cased lemma) that reports a clause ('said that ...')."""
        return pos == "VERB" and lemma in self.clause


def kids(tok: Token) -> tuple[Token, ...]:
    """A token's dependents in text order, at most MAX_KIDS of them: keeps every look-up bounded."""
    return children(tok)[:MAX_KIDS]


def subject(verb: Token, inq: list[int] | None = None) -> Token | None:
    """The speaker's head: the verb's subject outside quotation marks; for a participle or an
    infinitive without one ('defended the remark, saying …') the subject of the verb it depends on,
    or that verb's object where it controls the infinitive ('forced Stumpf to admit …'); for a
    relative pronoun ('an architect who said …'), the noun it stands for; for an inverted cue
    whose subject the parser missed (',” said James Acton, a physicist'), the name after the verb."""
    v = verb
    for _ in range(UP):
        s = next((c for c in kids(v) if c.dep_ in SUBJECTS and (inq is None or inq[c.i] < 0)), None)
        if s is not None:
            if s.dep_ == "nsubjpass" and v.lemma_ in ("quote", "cite"):
                return None
            if s.tag_ in ("WP", "WDT") and v.dep_ == "relcl":
                return v.head
            return s
        if v.dep_ not in CLIMB or v.head is v:
            break
        if v.dep_ == "xcomp":
            obj = next((c for c in kids(v.head) if c.dep_ in ("dobj", "dative") and c.i < v.i), None)
            if obj is not None:
                return obj
        v = v.head
    return _after_verb(verb, inq)


def _after_verb(verb: Token, inq: list[int] | None) -> Token | None:
    """The name the parser left unattached: right before the verb (after the closing mark), else
    right after it."""
    doc = verb.doc
    for t in reversed(doc[max(0, verb.i - 6):verb.i]):
        if (inq is not None and inq[t.i] >= 0) or t.is_quote or t.text in (".", ";", ":"):
            break
        if t.pos_ in ("PROPN", "NOUN") and t.ent_type_ not in ("DATE", "TIME"):
            return t
    for t in doc[verb.i + 1:min(len(doc), verb.i + 5)]:
        if (inq is not None and inq[t.i] >= 0) or t.is_quote or t.text in (".", ";", ":"):
            return None
        if t.ent_type_ in ("DATE", "TIME"):
            continue
        if t.pos_ in ("PROPN", "NOUN") or (t.pos_ == "PRON" and t.dep_ in SUBJECTS):
            while t.dep_ in ("compound", "flat", "amod", "nmod") and verb.i < t.head.i < verb.i + 8:
                t = t.head
            return t
    return None


class CueFinder:
    def __init__(self, lexicon: CueLexicon):
        self.lex = lexicon

    def for_passage(self, doc: Doc, lo: int, hi: int, inq: list[int], qid: int) -> Cue | None:
        """The cue of the quoted passage over tokens [lo, hi) (marks included)."""
        return self._structural(doc, lo, hi, inq, qid) or self._after(doc, hi, inq) or self._before(doc, lo, inq)

    # ------------------------------------------------------------------ by the parse
    def _structural(self, doc: Doc, lo: int, hi: int, inq: list[int], qid: int) -> Cue | None:
        toks = tokens_of(doc)
        tops = []
        for t in toks[lo:hi]:
            if t.is_punct or t.is_space:
                continue
            if not lo <= t.head.i < hi or t.head is t:
                tops.append(t)
            if len(tops) > 3:
                break
        weak = None
        for top in tops:
            child, v = top, top.head
            for _ in range(UP):
                if v is child:
                    break
                if lo <= v.i < hi or (inq[v.i] >= 0 and inq[v.i] != qid):
                    break  # a verb inside this or another quote
                if self.lex.is_cue(v):
                    while v.dep_ in ("ccomp", "xcomp") and v.head.lemma_.lower() in self.lex.reporting \
                            and v.head.pos_ == "VERB" and not lo <= v.head.i < hi and inq[v.head.i] < 0:
                        child, v = v, v.head  # 'warned that Ethiopia would respond “with full force”'
                    content = self._content(doc, v, child, lo, hi)
                    if child.dep_ not in CONTENT_DEPS and child is not top or \
                            content is not None and child.dep_ not in PARTIAL and child.i > v.i:
                        break
                    return Cue(v, subject(v, inq), content, "parse", v.lemma_.lower())
                if weak is None and v.pos_ == "VERB" and child.i > v.i and child.dep_ in PARTIAL:
                    content = self._content(doc, v, child, lo, hi)
                    src = next((c for c in kids(v) if c.dep_ == "nsubj" and inq[c.i] < 0), None)
                    if content is not None and src is not None:  # 'admires Putin as a “strong leader”'
                        weak = Cue(v, src, content, "partial", v.lemma_.lower(), weak=True)
                if v.dep_ in ("ROOT",) or v.pos_ in ("NOUN", "PROPN") and v.dep_ in SUBJECTS:
                    break
                child, v = v, v.head
        return weak

    def _content(self, doc: Doc, verb: Token, child: Token, lo: int, hi: int) -> tuple[int, int] | None:
        """What the verb attributes when the passage is only part of it: the verb's complements
        from the first one after it to the one holding the passage ('the incident as a “…”')."""
        if child.i < verb.i:
            first = child.left_edge.i
        else:
            comps = [c for c in kids(verb) if verb.i < c.i <= child.i and (c.dep_ in COMPLEMENTS or c is child)]
            first = min(c.left_edge.i for c in comps) if comps else child.left_edge.i
        last = child.right_edge.i
        toks = tokens_of(doc)
        while last > first and toks[last].is_punct and not toks[last].is_quote:
            last -= 1
        if first >= lo and last < hi:
            return None  # the passage is all the verb attributes: a direct quote
        if last - first > 120:
            return None  # a runaway attachment, not a phrase
        start = min(toks[first].idx, toks[lo].idx)
        end = toks[hi - 1].idx + len(toks[hi - 1])  # a partial quote ends with its quoted words
        if child.i < verb.i:
            end = max(end, toks[last].idx + len(toks[last]))
        return start, end

    # ------------------------------------------------------------------ by position
    def _after(self, doc: Doc, hi: int, inq: list[int]) -> Cue | None:
        """',” said X' / ',” X said' / '?” Graham asked.' right after the closing mark."""
        toks = tokens_of(doc)
        if hi >= len(toks):
            return None
        sent = sent_of(toks[hi - 1])
        limit = min(len(toks), hi + WINDOW)
        if sent.end <= hi:  # the parser ended the sentence at the mark: the cue sentence may follow
            nxt = sent_of(toks[hi]) if hi < len(toks) else None
            if nxt is None or len(nxt) > WINDOW + 4 or "\n" in text_of(doc)[toks[hi - 1].idx:toks[hi].idx]:
                return None
            limit = min(limit, nxt.end)
        else:
            limit = min(limit, sent.end)
        for t in toks[hi:limit]:
            if inq[t.i] >= 0 or t.is_quote:
                break
            if self.lex.is_cue(t):
                return Cue(t, subject(t, inq), None, "after", t.lemma_.lower())
            if t.text in ("―", "—", "–", "--") and t.i == hi:  # '.” ― Beck Pimentel'
                names = []
                for n in toks[t.i + 1:min(len(toks), t.i + 6)]:
                    if n.pos_ != "PROPN" or inq[n.i] >= 0:
                        break
                    names.append(n)
                if names:
                    return Cue(None, names[-1], None, "dash")
                break
        return None

    def _before(self, doc: Doc, lo: int, inq: list[int]) -> Cue | None:
        """'Trump said: “…' / 'saying, “…' / 'told reporters, “…' right before the opening mark."""
        toks = tokens_of(doc)
        if lo == 0:
            return None
        sent = sent_of(toks[lo])
        first = max(sent.start, lo - WINDOW)
        if toks[lo - 1].text == ":" and sent.start < lo - 1 and inq[sent.root.i] < 0 and sent.root.pos_ == "VERB":
            src = subject(sent.root, inq)  # 'Obama is rolling out a new message: "It's about me."'
            if src is not None and not self.lex.is_cue(sent.root):
                return Cue(sent.root, src, None, "colon", sent.root.lemma_.lower(), weak=True)
        for t in reversed(toks[first:lo]):
            if inq[t.i] >= 0 or t.is_quote:
                break
            if t.lower_ == "according" and t.i + 1 < lo and toks[t.i + 1].lower_ == "to":
                src = next((c for c in kids(toks[t.i + 1]) if c.dep_ == "pobj"), None)
                if src is not None:
                    return Cue(None, src, None, "according", "according to")
            if self.lex.is_cue(t):
                return Cue(t, subject(t, inq), None, "before", t.lemma_.lower())
        return None

    # ------------------------------------------------------------------ indirect speech
    def indirect(self, doc: Doc, inq: list[int]) -> list[tuple[Cue, tuple[int, int], tuple[tuple[int, int], ...]]]:
        """Reported speech outside quotation marks: (cue, content span, content fragments)."""
        out = []
        toks, lower, pos, lemma = tokens_of(doc), columns.lower(doc), columns.pos(doc), columns.lemma_lower(doc)
        for v in toks:
            i = v.i
            if inq[i] >= 0:
                continue
            if lower[i] == "according" and i + 1 < len(toks) and lower[i + 1] == "to":
                item = self._according(doc, v)
                if item:
                    out.append(item)
                continue
            if not self.lex.takes_clause(pos[i], lemma[i]) or (v.tag_ == "VBN" and v.dep_ in ("advcl", "acl")):
                continue  # 'Asked whether …, he shook his head': the asker is not named
            comp = next((c for c in kids(v) if c.dep_ == "ccomp" and c.i > v.i), None)
            if comp is not None and comp.left_edge.pos_ == "SCONJ" and comp.left_edge.lower_ not in CLAUSE_MARKS:
                comp = None  # 'said before he died': an adverbial clause the parser took for speech
            if comp is not None and comp.right_edge.i - comp.left_edge.i > MAX_CLAUSE:
                comp = None  # a runaway parse, not a reported clause
            if comp is not None:
                a, b = comp.left_edge, comp.right_edge
                while b.i > a.i and (b.is_punct or b.is_space):
                    b = toks[b.i - 1]
                span = (a.idx, b.idx + len(b))
                out.append((Cue(v, subject(v, inq), span, "clause", v.lemma_.lower()), span, (span,)))
            elif v.dep_ == "parataxis" and v.head.pos_ in ("VERB", "AUX") and subject(v, inq) is not None \
                    and v.head.right_edge.i - v.head.left_edge.i <= MAX_CLAUSE:
                h = v.head  # 'Replacing Clinton, he said, would be acrimonious'
                a, b = h.left_edge, h.right_edge
                while b.i > a.i and (b.is_punct or b.is_space):
                    b = toks[b.i - 1]
                frags = []
                left_end = v.left_edge.i - 1
                while left_end >= a.i and toks[left_end].is_punct:
                    left_end -= 1
                if left_end >= a.i:
                    frags.append((a.idx, toks[left_end].idx + len(toks[left_end])))
                right_start = v.right_edge.i + 1
                while right_start <= b.i and (toks[right_start].is_punct or toks[right_start].is_space):
                    right_start += 1
                if right_start <= b.i:
                    frags.append((toks[right_start].idx, b.idx + len(b)))
                if frags:
                    out.append((Cue(v, subject(v, inq), None, "parenthetical", v.lemma_.lower()),
                                (frags[0][0], frags[-1][1]), tuple(frags)))
        return out

    def _according(self, doc: Doc, according: Token):
        """'According to X, …': X is the source of the clause 'according to' modifies."""
        toks = tokens_of(doc)
        to = toks[according.i + 1]
        src = next((c for c in kids(to) if c.dep_ == "pobj"), None)
        if src is None:
            return None
        head = according.head
        while head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX"):
            head = head.head  # 'A were flooded, and B were rescued, according to X': both
        if head is according or head.pos_ not in ("VERB", "AUX") or head.right_edge.i - head.left_edge.i > MAX_CLAUSE:
            return None
        a, b = head.left_edge, head.right_edge
        skip_a, skip_b = according.left_edge.i, according.right_edge.i
        frags = []
        if a.i < skip_a:
            e = skip_a - 1
            while e >= a.i and toks[e].is_punct:
                e -= 1
            if e >= a.i:
                frags.append((a.idx, toks[e].idx + len(toks[e])))
        s = skip_b + 1
        while s <= b.i and (toks[s].is_punct or toks[s].is_space):
            s += 1
        while b.i > s and (b.is_punct or b.is_space):
            b = toks[b.i - 1]
        if s <= b.i:
            frags.append((toks[s].idx, b.idx + len(b)))
        if not frags:
            return None
        return Cue(None, src, None, "according", "according to"), (frags[0][0], frags[-1][1]), tuple(frags)
