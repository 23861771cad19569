"""Quotes stage: direct quotes (straight or curly marks, split around the attribution, running over
paragraphs), indirect speech ('Sello said Tuesday that ...', 'according to ...'), their speakers
resolved to the full name met in the article with title and affiliation, the outlet a quote was
given to ('told AFP' -> via AFP), and the citations an article makes ('Reuters reported'). A
speaker is never the outlet. Writes the quotes and citations layers."""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..lexicons.triggers import default_lexicon
from ..nlp import layers
from ..nlp.dateline import dateline
from ..nlp.layer_types import ActorInfo, ActorKey
from ..nlp.layers import Stage, assigns, register, requires
from ..nlp.sents import sent_of, text_of, tokens_of
from ..records import Citation, Quote, Speaker

QUOTE = re.compile(r"“(?P<c>(?:[^“”]|\n\s*“){2,4000}?)”|\"(?P<s>[^\"\n]{2,2000}?)\"|``(?P<b>[^`']{2,2000}?)''", re.S)
MIN_UNATTRIBUTED_WORDS = 6
NOBODY = ActorInfo(name=None, kind=None, country=None, cameo=None, acled_inter=None, acled_name=None, sector=None)
SOURCE_KINDS = {"media", "ngo", "igo", "organization", "government", "military", "police", "rebel", "party",
                "judiciary", "legislature"}


class QuotesStage(Stage):
    name = "tacitus_quotes"
    reads = ("actors", "actor_info", "token.dep")
    writes = ("quotes", "citations")

    def __init__(self) -> None:
        register()
        self.reporting = default_lexicon().reporting

    # ------------------------------------------------------------------ helpers
    def _actor(self, doc: Doc, tok: Token | None, ctx: dict) -> dict | None:
        if tok is None:
            return None
        span = ctx["at"].get(tok.i)
        if span is None and tok.lower_ in ("he", "she"):
            k = bisect.bisect_right(ctx["person_ends"], tok.i)
            span = ctx["people"][k - 1] if k else None
            if span is not None:
                info = ctx["info"].get(span.label_, NOBODY)
                return {"text": tok.text, "start": tok.idx, "end": tok.idx + len(tok), "info": info,
                        "id": span.label_}
        if span is None:
            toks = [t for t in tok.subtree if t.dep_ not in ("appos", "punct", "relcl", "acl")]
            s, e = min(t.idx for t in toks), max(t.idx + len(t) for t in toks)
            return {"text": text_of(doc)[s:e], "start": s, "end": e, "info": NOBODY, "id": None}
        return {"text": span.text if span.root == tok else tok.text, "start": span.start_char if span.root == tok
                else tok.idx, "end": span.end_char if span.root == tok else tok.idx + len(tok),
                "info": ctx["info"].get(span.label_, NOBODY), "id": span.label_}

    @staticmethod
    def _is_outlet(a: dict | None) -> bool:
        return bool(a) and (bool(a.get("id") and ActorKey.parse(a["id"]).kind == "outlet") or a["info"].kind == "media")

    def _speaker(self, doc: Doc, a: dict | None) -> dict | None:
        if a is None or self._is_outlet(a):
            return None
        i = a["info"]
        key = ActorKey.parse(a["id"]) if a.get("id") else None
        name = i.name if (key and key.kind in ("person", "group", "local", "country")) or i.kind == "person" else None
        return {"text": a["text"], "name": name or a["text"], "title": i.title,
                "affiliation": i.affiliation, "start": a["start"], "end": a["end"]}

    def _via(self, doc: Doc, verb: Token, ctx: dict) -> str | None:
        for c in verb.children:
            if c.dep_ in ("dative", "dobj", "iobj") or (c.dep_ == "prep" and c.lower_ in ("to", "with")):
                target = c if c.dep_ != "prep" else next((g for g in c.children if g.dep_ == "pobj"), None)
                if target is None:
                    continue
                a = self._actor(doc, target, ctx)
                if self._is_outlet(a) or target.ent_type_ == "ORG":
                    return a["text"] if a else target.text  # as the article names it: 'told AFP' -> AFP
        return None

    def _cue(self, doc: Doc, start: int, end: int, ctx: dict) -> tuple[Token, Token | None] | None:
        """The reporting verb right after a quote (',” Sello told AFP') or right before it ('Sello
        said: “...'), and its subject."""
        after = [t for t in doc[start:min(len(doc), start + 14)] if sent_of(t) == sent_of(doc[start]) or t.i - start < 6]
        for t in after:
            if t.text in ("“", "\"", "``"):
                break
            if t.lemma_.lower() in self.reporting and t.pos_ in ("VERB", "AUX"):
                return t, next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        before = doc[max(0, end - 14):end]
        for t in reversed(list(before)):
            if t.text in ("”", "\""):
                break
            if t.lemma_.lower() in self.reporting and t.pos_ in ("VERB", "AUX"):
                return t, next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return None

    # ------------------------------------------------------------------ main
    def run(self, doc: Doc) -> Doc:
        spans = sorted(layers.get(doc, "actors"), key=lambda s: s.start)
        people = sorted((s for s in spans if ActorKey.parse(s.label_).kind == "person" or s.kb_id_ == "person"),
                        key=lambda s: s.end)
        ctx = {"at": {s.root.i: s for s in spans}, "spans": spans, "info": layers.get(doc, "actor_info") or {},
               "people": people, "person_ends": [s.end for s in people]}
        quotes: list[dict] = []
        cites: list[dict] = []
        covered: list[tuple[int, int]] = []
        for m in QUOTE.finditer(text_of(doc)):
            group = "c" if m.group("c") is not None else "s" if m.group("s") is not None else "b"
            cs, ce = m.start(group), m.end(group)
            content = doc.char_span(cs, ce, alignment_mode="expand")
            if content is None:
                continue
            after_tok = doc.char_span(m.end(), min(len(text_of(doc)), m.end() + 1), alignment_mode="expand")
            before_tok = doc.char_span(max(0, m.start() - 1), m.start(), alignment_mode="expand")
            cue = self._cue(doc, after_tok.start if after_tok is not None else content.end,
                            before_tok.end if before_tok is not None else content.start, ctx)
            words = len(text_of(doc)[cs:ce].split())
            if cue is None and words < MIN_UNATTRIBUTED_WORDS:
                continue  # a scare quote ('the “caliphate”'), not speech
            verb, subj = cue if cue else (None, None)
            a = self._actor(doc, subj, ctx)
            via = self._via(doc, verb, ctx) if verb is not None else None
            if self._is_outlet(a):
                via = via or a["text"]
            q = {"text": text_of(doc)[cs:ce].strip(), "start": cs, "end": ce, "direct": True,
                 "cue": verb.lemma_.lower() if verb is not None else None, "via": via,
                 "speaker": self._speaker(doc, a), "verb": verb.i if verb is not None else None}
            prev = quotes[-1] if quotes else None
            if prev and prev["direct"] and (q["verb"] is None or q["verb"] == prev["verb"]) and \
                    cs - prev["end"] < 80 and prev["speaker"]:
                prev.update(text=prev["text"] + " … " + q["text"], end=ce)  # split quote: “A,” he said, “B.”
            else:
                quotes.append(q)
            covered.append((m.start(), m.end()))
        for v in tokens_of(doc):  # indirect speech
            if v.lemma_.lower() not in self.reporting or v.pos_ not in ("VERB",):
                continue
            comp = next((c for c in v.children if c.dep_ == "ccomp"), None)
            if comp is None:
                continue
            toks = [t for t in comp.subtree]
            s, e = min(t.idx for t in toks), max(t.idx + len(t) for t in toks)
            if any(a <= s < b or a < e <= b for a, b in covered) or e - s < 12:
                continue
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            a = self._actor(doc, subj, ctx)
            if self._is_outlet(a):
                continue  # 'Reuters reported that ...' is a citation, below
            quotes.append({"text": text_of(doc)[s:e], "start": s, "end": e, "direct": False, "cue": v.lemma_.lower(),
                           "via": self._via(doc, v, ctx), "speaker": self._speaker(doc, a), "verb": v.i})
        for t in tokens_of(doc):  # "according to X"
            if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                obj = next((g for g in doc[t.i + 1].children if g.dep_ == "pobj"), None)
                a = self._actor(doc, obj, ctx)
                if a is None:
                    continue
                kind = a["info"].kind
                if self._is_outlet(a) or kind in SOURCE_KINDS or obj.ent_type_ == "ORG":
                    cites.append({"source": a["text"],
                                  "text": text_of(doc)[t.idx:a["end"]], "start": t.idx, "end": a["end"]})
        cites += self._citations(doc, ctx)
        line = dateline(doc)
        if line and "outlet" in line:
            sp = line["outlet"]
            cites.append({"source": sp.text, "text": sp.text, "start": sp.start_char, "end": sp.end_char})
        seen = set()
        layers.put(doc, "citations", [Citation(**c) for c in sorted(cites, key=lambda c: c["start"])
                                      if (c["start"], c["end"]) not in seen and not seen.add((c["start"], c["end"]))])
        for q in quotes:
            q.pop("verb", None)
        layers.put(doc, "quotes", [Quote(**{**q, "speaker": Speaker(**q["speaker"]) if q.get("speaker") else None})
                                   for q in sorted(quotes, key=lambda q: q["start"])])
        return doc

    def _citations(self, doc: Doc, ctx: dict) -> list[dict]:
        """'Reuters reported', 'state media said', 'told AFP': outlets and bodies credited."""
        out = []
        for v in tokens_of(doc):
            if v.lemma_.lower() not in self.reporting or v.pos_ not in ("VERB", "AUX"):
                continue
            subj = next((c for c in v.children if c.dep_ in ("nsubj",)), None)
            a = self._actor(doc, subj, ctx)
            if a and (self._is_outlet(a) or (a["info"].kind in ("ngo", "igo") and a.get("id"))):
                end = max(a["end"], v.idx + len(v))
                start = min(a["start"], v.idx)
                out.append({"source": a["text"], "text": text_of(doc)[start:end],
                            "start": start, "end": end})
            for c in v.children:
                if c.dep_ in ("dative", "dobj") and v.lemma_.lower() == "tell":
                    a = self._actor(doc, c, ctx)
                    if self._is_outlet(a) or c.ent_type_ == "ORG":
                        out.append({"source": a["text"] if a else c.text,
                                    "text": text_of(doc)[v.idx:c.idx + len(c)], "start": v.idx, "end": c.idx + len(c)})
        return out


@Language.factory(QuotesStage.name, requires=requires(QuotesStage.reads), assigns=assigns(QuotesStage.writes))
def make_quotes(nlp: Language, name: str) -> QuotesStage:
    return QuotesStage()


__all__ = ["QuotesStage", "Span"]
