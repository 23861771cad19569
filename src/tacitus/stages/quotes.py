"""Quotes stage: every attribution of the article (who said what) and the citations it makes.

Quoted passages come from the quotation marks (quote_marks.py); each finds its cue and source
(quote_cues.py), and the source resolves to a speaker of the article (quote_speakers.py). A
passage with no cue of its own takes the speaker the discourse gives it: the cue of the sentence
before it ('Caddell continued:' then the quote), or the speaker of the quote it goes on from ('“A,”
she said. “B.”', one attribution). Indirect speech ('said that …', '…, he said, …', 'according
to …') is an attribution with `direct` false. Writes the quotes and citations layers; speaker_at()
answers 'who said the words at this offset' for later stages."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..nlp import layers
from ..nlp.layers import Stage, assigns, register, requires
from ..nlp.sents import offsets_of, sent_of, text_of, tokens_of
from ..records import Quote, Span, Speaker
from .citations import citations
from .quote_cues import Cue, CueFinder, CueLexicon, kids, subject
from .quote_marks import passages
from .quote_speakers import Speakers, Who

MIN_UNATTRIBUTED_WORDS = 6  # a shorter passage without a cue is a title or a scare quote, not speech


@dataclass
class Attribution:
    fragments: list[tuple[int, int]]   # the quoted words (direct) or the reported words (indirect)
    direct: bool
    cue: Cue | None
    who: Who | None
    rule: str
    para: int                          # index of the paragraph the attribution starts in
    content: tuple[int, int] | None = None   # a partial quote's whole attributed phrase
    last_tok: int = 0                  # the last token of its last passage
    via: str | None = None
    passages: list[int] = field(default_factory=list)


def _paragraph_index(text: str) -> list[int]:
    """Start offsets of the lines of the text (paragraphs, for quoting purposes)."""
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


class QuotesStage(Stage):
    name = "tacitus_quotes"
    reads = ("actors", "actor_info", "token.dep")
    writes = ("quotes", "citations")

    def __init__(self, lexicons: tuple[str, ...] = ()) -> None:
        register()
        self.lex = CueLexicon(lexicons)  # the user's lexicon folders add speech verbs too
        self.cues = CueFinder(self.lex)

    def run(self, doc: Doc) -> Doc:
        self._run(doc)
        return doc

    def _run(self, doc: Doc) -> None:
        text = text_of(doc)
        toks = tokens_of(doc)
        starts = offsets_of(doc)
        lines = _paragraph_index(text)
        found = [p for p in passages(text) if text[p.fragments[0][0]:p.fragments[-1][1]].strip()]
        inq = [-1] * len(toks)
        ranges: list[tuple[int, int]] = []
        for k, p in enumerate(found):
            lo = max(0, bisect.bisect_right(starts, p.outer[0]) - 1)
            hi = max(lo + 1, bisect.bisect_left(starts, p.outer[1]))
            for i in range(lo, hi):
                inq[i] = k
            ranges.append((lo, hi))
        speakers = Speakers(doc, layers.get(doc, "actors"), layers.get(doc, "actor_info") or {}, inq)
        atts: list[Attribution] = []
        for k, p in enumerate(found):
            lo, hi = ranges[k]
            para = bisect.bisect_right(lines, p.outer[0]) - 1
            cue = self.cues.for_passage(doc, lo, hi, inq, k)
            if cue is not None and cue.weak and (cue.source is None or not speakers.is_source(cue.source)):
                cue = None
            prev = atts[-1] if atts else None
            if cue is not None:
                key = self._key(cue)
                if prev is not None and prev.direct and prev.cue is not None and self._key(prev.cue) == key \
                        and self._only_cue_between(prev, lo):
                    self._extend(prev, p.fragments, hi, k, cue.content)
                    continue
                who = speakers.resolve(cue.source)
                att = Attribution(list(p.fragments), True, cue, who, cue.rule, para, cue.content, hi - 1,
                                  self._via(cue.verb, speakers), [k])
            else:
                att = self._discourse(doc, p, k, lo, hi, para, prev, lines, speakers, inq)
                if att is None:
                    continue
                if att is prev:
                    continue
            if att.who is not None and att.who.outlet:
                att.via, att.who = att.via or att.who.text, None
            speakers.note(att.who, att.cue.source.i if att.cue and att.cue.source is not None else lo)
            atts.append(att)
        direct_spans = sorted(self._span(a) for a in atts)
        for cue, span, frags in self.cues.indirect(doc, inq):
            if self._overlaps(direct_spans, span):
                continue
            who = speakers.resolve(cue.source)
            via = self._via(cue.verb, speakers)
            if who is not None and who.outlet:
                via, who = via or who.text, None
            para = bisect.bisect_right(lines, span[0]) - 1
            atts.append(Attribution(list(frags), False, cue, who, cue.rule, para, None, 0, via))
        layers.put(doc, "citations", citations(doc, self.lex, speakers))
        layers.put(doc, "quotes", [self._record(text, a) for a in sorted(atts, key=self._span)])

    # ------------------------------------------------------------------ attribution by discourse
    def _discourse(self, doc: Doc, p, k: int, lo: int, hi: int, para: int, prev: Attribution | None,
                   lines: list[int], speakers: Speakers, inq: list[int]) -> Attribution | None:
        """A passage without a cue of its own: it goes on from the quote before it, or takes the
        cue of the sentence before it; otherwise it stands alone if it is long enough to be speech."""
        toks = tokens_of(doc)
        text = text_of(doc)
        sent = sent_of(toks[lo])
        if prev is not None and prev.direct and prev.para == para and prev.cue is not None \
                and prev.cue.verb is not None and prev.last_tok < lo:
            cue_sent = sent_of(prev.cue.verb)
            between = [t for t in toks[prev.last_tok + 1:lo] if not t.is_punct and not t.is_space]
            if cue_sent.end >= sent.start and all(cue_sent.start <= t.i < cue_sent.end for t in between) \
                    and self._only_cue_between(prev, lo):
                self._extend(prev, p.fragments, hi, k, None)  # '“A,” she said. “B.”'
                return prev
        opens_para = not text[lines[para]:p.outer[0]].strip()
        opens_sentence = sent.start == lo
        if lo > 0 and (opens_para or opens_sentence):
            before = sent_of(toks[lo - 1])
            last = toks[lo - 1]
            while last.i > before.start and (last.is_space or last.is_quote):
                last = toks[last.i - 1]
            verb = next((t for t in reversed(before) if self.lex.is_cue(t) and inq[t.i] < 0), None)
            if last.text == ":" and verb is None and inq[before.root.i] < 0:
                verb = before.root  # 'Sen. Claire McCaskill scolded him:' then the quote
            if verb is not None and (last.text == ":" or subject(verb, inq) is not None and not self._has_clause(verb)):
                rule = "colon" if last.text == ":" else "previous_sentence"
                cue = Cue(verb, subject(verb, inq), None, rule, verb.lemma_.lower())
                return Attribution(list(p.fragments), True, cue, speakers.resolve(cue.source), rule, para,
                                   None, hi - 1, self._via(verb, speakers), [k])
            if opens_para and prev is not None and prev.direct and prev.who is not None and prev.para == para - 1 \
                    and not text[self._span(prev)[1]:lines[para]].strip(" \n\t”\"’'.,»"):
                return Attribution(list(p.fragments), True, prev.cue, prev.who, "next_paragraph", para,
                                   None, hi - 1, prev.via, [k])
        words = sum(len(text[a:b].split()) for a, b in p.fragments)
        if prev is not None and prev.direct and prev.who is not None and prev.para == para and \
                prev.content is None and (opens_sentence or opens_para) and words >= 3:
            # a paragraph that quotes one speaker with a sentence of narration between the quotes
            return Attribution(list(p.fragments), True, prev.cue, prev.who, "same_paragraph", para,
                               None, hi - 1, prev.via, [k])
        if words < MIN_UNATTRIBUTED_WORDS:
            return None
        return Attribution(list(p.fragments), True, None, None, "unattributed", para, None, hi - 1, None, [k])

    @staticmethod
    def _only_cue_between(prev: Attribution, lo: int) -> bool:
        """Whether the words between a quote and the next passage are only the cue and its subject
        (',” said Ann Price, who chairs the council. “…'), not another statement ('the mayor said,
        going on to compare …. “…')."""
        cue = prev.cue
        if cue is None or cue.verb is None:
            return True
        doc = cue.verb.doc
        src = cue.source
        for t in doc[prev.last_tok + 1:lo]:
            if t.pos_ != "VERB" or t.i == cue.verb.i:
                continue
            if src is not None and src.left_edge.i <= t.i <= src.right_edge.i:
                continue
            a, inside = t, False
            for _ in range(3):  # a relative clause on a word of the cue ('outside the courthouse, where …')
                if a.dep_ in ("relcl", "acl"):
                    inside = True
                    break
                a = a.head
            if not inside:
                return False
        return True

    @staticmethod
    def _has_clause(verb: Token) -> bool:
        return any(c.dep_ in ("ccomp", "dobj") for c in kids(verb))

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _key(cue: Cue) -> tuple[str, int]:
        if cue.verb is not None:
            return ("verb", cue.verb.i)
        return ("source", cue.source.i if cue.source is not None else -1)

    @staticmethod
    def _extend(att: Attribution, frags, hi: int, k: int, content: tuple[int, int] | None) -> None:
        att.fragments += list(frags)
        att.last_tok = hi - 1
        att.passages.append(k)
        if content is not None:
            att.content = (min(content[0], att.content[0]), max(content[1], att.content[1])) if att.content else content

    @staticmethod
    def _span(a: Attribution) -> tuple[int, int]:
        if a.content is not None:
            return min(a.content[0], a.fragments[0][0]), max(a.content[1], a.fragments[-1][1])
        return a.fragments[0][0], a.fragments[-1][1]

    @staticmethod
    def _overlaps(spans: list[tuple[int, int]], span: tuple[int, int]) -> bool:
        k = bisect.bisect_left(spans, (span[1], span[1]))
        return k > 0 and spans[k - 1][1] > span[0] or any(s < span[1] and e > span[0] for s, e in spans[k:k + 1])

    @staticmethod
    def _via(verb: Token | None, speakers: Speakers) -> str | None:
        """The outlet the words were given to: 'told AFP', 'said in an interview with CNN'."""
        if verb is None:
            return None
        targets = []
        for c in kids(verb):
            if c.dep_ in ("dative", "dobj", "iobj"):
                targets.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("to", "with", "in", "on"):
                for g in kids(c):
                    if g.dep_ != "pobj":
                        continue
                    targets.append(g)
                    targets += [x for p in kids(g) if p.dep_ == "prep" and p.lower_ in ("with", "on", "to")
                                for x in kids(p) if x.dep_ == "pobj"]  # 'in an interview with CNN'
        for t in targets:
            who = speakers.resolve(t)
            if who is not None and (who.outlet or (who.key is None and t.ent_type_ == "ORG" and c.lower_ != "in")):
                return who.text
        return None

    def _record(self, text: str, a: Attribution) -> Quote:
        start, end = self._span(a)
        if a.direct and a.content is None:
            body = " … ".join(text[s:e].strip() for s, e in a.fragments)
        elif a.direct:
            body = text[start:end]
        else:
            body = " … ".join(text[s:e] for s, e in a.fragments)
        w = a.who
        speaker = Speaker(text=w.text, name=w.name, title=w.title, affiliation=w.affiliation, start=w.start,
                          end=w.end) if w is not None else None
        frags = tuple(Span(text[s:e], s, e) for s, e in a.fragments) if a.direct else ()
        return Quote(text=body, start=start, end=end, direct=a.direct, cue=a.cue.lemma if a.cue else None,
                     via=a.via, speaker=speaker, fragments=frags, partial=a.content is not None, rule=a.rule)


def speaker_at(quotes: list[Quote], offset: int) -> Speaker | None:
    """The speaker of the quote whose words contain the character `offset` (for later stages:
    'who reported this event'), or None."""
    for q in quotes:
        if q.start <= offset < q.end and q.speaker is not None:
            return q.speaker
    return None


@Language.factory(QuotesStage.name, requires=requires(QuotesStage.reads), assigns=assigns(QuotesStage.writes))
def make_quotes(nlp: Language, name: str, lexicons: list[str]) -> QuotesStage:
    return QuotesStage(tuple(lexicons))


__all__ = ["QuotesStage", "speaker_at"]
