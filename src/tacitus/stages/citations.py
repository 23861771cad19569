"""Citations: the outlets and bodies an article credits for what it reports ('Reuters reported',
'according to the Syrian Observatory', 'told AFP', the outlet of the dateline). A citation says
where a fact came from; it is never a speaker (quotes.py gives the quote its `via` instead)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..nlp import columns
from ..nlp.dateline import dateline
from ..nlp.sents import text_of, tokens_of
from ..records import Citation
from .quote_cues import CueLexicon, kids
from .quote_speakers import Speakers

SOURCE_KINDS = {"media", "ngo", "igo", "organization", "government", "military", "police", "rebel", "party",
                "judiciary", "legislature"}


def _body(speakers: Speakers, tok: Token | None, kinds: set[str], any_org: bool) -> tuple[str, int, int] | None:
    """(words, start, end) when `tok` heads a phrase naming an outlet, a body of `kinds`, or (with
    `any_org`) any organisation the NER found."""
    if tok is None:
        return None
    who = speakers.resolve(tok)
    if who is None:
        return None
    info = speakers.info.get(who.key) if who.key else None
    if who.outlet or (info is not None and info.kind in kinds) or (any_org and tok.ent_type_ == "ORG"):
        return who.text, who.start, who.end
    return None


def citations(doc: Doc, lex: CueLexicon, speakers: Speakers) -> list[Citation]:
    text = text_of(doc)
    toks = tokens_of(doc)
    out: list[tuple[str, int, int]] = []
    lower, pos, lemma = columns.lower(doc), columns.pos(doc), columns.lemma_lower(doc)
    for i, t in enumerate(toks):
        if lower[i] == "according" and i + 1 < len(toks) and lower[i + 1] == "to":
            obj = next((g for g in kids(toks[i + 1]) if g.dep_ == "pobj"), None)
            b = _body(speakers, obj, SOURCE_KINDS, True)
            if b:
                out.append((b[0], t.idx, b[2]))
            continue
        if pos[i] not in ("VERB", "AUX") or lemma[i] not in lex.reporting:
            continue
        subj = next((c for c in kids(t) if c.dep_ == "nsubj"), None)
        b = _body(speakers, subj, {"media", "ngo", "igo"}, False)
        if b:
            out.append((b[0], min(b[1], t.idx), max(b[2], t.idx + len(t))))
        if t.lemma_.lower() == "tell":
            for c in kids(t):
                if c.dep_ in ("dative", "dobj"):
                    b = _body(speakers, c, {"media"}, True)
                    if b:
                        out.append((b[0], t.idx, b[2]))
    line = dateline(doc)
    if line and "outlet" in line:
        sp = line["outlet"]
        out.append((sp.text, sp.start_char, sp.end_char))
    seen: set[tuple[int, int]] = set()
    cites = []
    for source, start, end in sorted(out, key=lambda c: c[1]):
        if (start, end) in seen:
            continue
        seen.add((start, end))
        cites.append(Citation(source=source, text=text[start:end], start=start, end=end))
    return cites
