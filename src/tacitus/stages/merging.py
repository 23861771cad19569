"""Mentions to incidents: which clause-level codings report the same happening. A mention joins an
earlier incident when the text ties them, as a coder reading the article would:

- consequence: in the same sentence, a clause that reports what the incident did ('..., killing
  four'; 'four soldiers were killed') or that depends on its clause;
- anaphora: a definite event noun that refers back ('the attack', 'the blast', 'the fighting');
- claim: 'X claimed responsibility for the attack' (X becomes the incident's perpetrator);
- same participants, place and date: a mention of the same kind of happening, close by in the
  text, with no named actor, place or date that contradicts the incident's.

A reaction ('condemned the bombing') or a denial stays an event of its own, linked to the incident.
Everything else starts an incident of its own."""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from ..lexicons.triggers import Lexicon
from ..nlp.layer_types import ActorKey
from ..nlp.sents import sent_of
from ..nlp.tree import children
from .agreement import FAMILIES, contradicts, date_ok, family, fits, own_time, same_place_and_day
from .incident_mentions import FALLBACKS, Group, Mention

DEPENDENT = {"advcl", "conj", "xcomp", "acl", "relcl", "ccomp", "pcomp", "pobj", "dobj", "nsubj", "nsubjpass"}
CAUSE = {"after", "following", "because", "since", "over", "against", "for", "amid", "despite"}
SENTENCE_GAP = 2          # sentences between an incident and a mention that may join it without anaphora
QUOTE_WORDS = 5  # a quoted word or two ('"liberated"') is someone's term, not a witness account
RESTATED = {"territory", "demonstration", "riot"}  # told again later in an article ('have taken full control')


def _definite(t: Token) -> bool:
    return t.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("det", "poss") and c.lower_ in
                                               ("the", "that", "this", "these", "those", "its", "their")
                                               for c in children(t))


def _continues(m: Mention) -> bool:
    """A clause whose parties are definite generic phrases ('the fighters', 'the base', 'the
    attackers'): it goes on telling of something already introduced."""
    for r in (m.draft.a1, m.draft.a2):
        if r is not None and r.text.lower().startswith(("the ", "these ", "those ")) and \
                not ActorKey.parse(r.key).named and ActorKey.parse(r.key).kind != "country":
            return True
    return False


def embedded(t: Token, lex: Lexicon) -> bool:
    """Whether a clause only reports a claim, a grievance, a cause or a circumstance ('demanding
    that ...', 'complaining that the lockdown kills ...', 'after the killing of ...', 'as fighting
    raged'): what it says is not what the sentence's incident did. What someone says happened ('X said 22 were killed') is a report."""
    for _ in range(6):
        if t.head.i == t.i:
            return False
        if (t.dep_ == "ccomp" and t.head.lemma_.lower() in lex.grievance) or (
                t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CAUSE for c in children(t))):
            return True
        if t.dep_ == "advcl" and t.lemma_.lower() in lex.occurrence and any(
                c.dep_ == "mark" and c.lower_ in ("as", "while") for c in children(t)):
            return True  # '... as fighting intensified for control of the city': the circumstance
        if t.dep_ == "pobj" and t.head.lower_ in CAUSE:
            return True
        t = t.head
    return False


def _depends(m: Mention, g: Group) -> bool:
    """The mention's clause hangs on one of the incident's in the same sentence."""
    heads = {x.token.i for x, _ in g.members if x.sent == m.sent} | {
        x.verb.i for x, _ in g.members if x.sent == m.sent and x.verb is not None} | {
        x.verb.head.i for x, _ in g.members  # 'used drones to drop explosives ..., wounding three'
        if x.sent == m.sent and x.verb is not None and x.verb.dep_ == "xcomp"}
    if not heads:
        return False
    t = m.verb or m.token
    for _ in range(4):
        if t.head.i == t.i:
            return False
        if t.dep_ not in DEPENDENT or (t.dep_ == "pobj" and t.head.lower_ in CAUSE):
            return False
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CAUSE for c in children(t)):
            return False
        t = t.head
        if t.i in heads:
            return True
    return False


def _anaphoric(m: Mention, lex: Lexicon) -> bool:
    """A definite event noun as the trigger or in its phrase ('the attack', 'killed in that battle',
    'joined the march')."""
    if _definite(m.token):
        return True

    def event_noun(t: Token) -> bool:  # 'the clashes', 'that wave of protests'
        if not _definite(t):
            return False
        heads = [t] + [g for c in children(t) if c.dep_ == "prep" and c.lower_ == "of" for g in children(c)
                       if g.dep_ == "pobj"]
        return any(("N", h.lemma_.lower()) in lex.rules or h.lemma_.lower() in lex.event_anaphors for h in heads)
    heads = [m.token] + [c for c in children(m.token) if c.dep_ == "dobj"]  # 'took part in the protest'
    if any(c.dep_ == "dobj" and event_noun(c) for c in children(m.token)):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("in", "during", "after") and any(
        g.dep_ == "pobj" and event_noun(g) for g in children(c)) for h in heads for c in children(h))


def _refers(m: Mention, groups: list[Group], lex: Lexicon) -> int | None:
    """The incident an event noun in the mention's object refers to ('condemned the attack')."""
    for t in m.token.subtree:
        if t.i == m.token.i or t.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = t.lemma_.lower()
        if lemma in lex.event_anaphors or (("N", lemma) in lex.rules and _definite(t)):
            return _last(groups, lambda g: bool(g.classes & FAMILIES[0] or g.classes & FAMILIES[1]), before=m)
    return None


def _last(groups: list[Group], ok, before: Mention) -> int | None:
    for i in range(len(groups) - 1, -1, -1):
        if ok(groups[i]) and groups[i].members[0][0].token.i < before.token.i:
            return i
    return None


def group(ms: list[Mention], lex: Lexicon, quoted: list[tuple[int, int, int]] = ()) -> list[Group]:
    """Mentions (in text order) grouped into incidents, with links between them. A mention inside
    a direct quote ('"The shell landed between the houses"') is a witness telling of an incident
    the article reports: it joins the last one of its kind."""
    groups: list[Group] = []
    starts = [q[0] for q in quoted]
    for m in ms:
        k = bisect.bisect_right(starts, m.draft.trigger.start) - 1
        inside = k >= 0 and m.draft.trigger.start < quoted[k][1] and quoted[k][2] >= QUOTE_WORDS
        if m.cls and (inside or _witness(m, quoted, lex)):
            i = _last(groups, lambda g, m=m: m.cls in g.classes, before=m)
            if i is not None:
                groups[i].members.append((m, "quoted"))
            else:  # 'our brothers are dying': a witness's words, no happening of their own, no protest's type
                m.cls = None
                groups.append(Group([(m, None)]))
            continue
        target, how = _attach(m, groups, lex)
        if how in ("reaction_to", "denial_of"):
            groups.append(Group([(m, None)], links=[(target, how)]))
        elif target is not None:
            groups[target].members.append((m, how))
        else:
            if _participle(m, lex):
                m.cls = None  # 'lawmakers ousted in the coup': who they are, not a happening of its own
            groups.append(Group([(m, None)]))
    return groups


def _attach(m: Mention, groups: list[Group], lex: Lexicon) -> tuple[int | None, str | None]:
    for i in range(len(groups) - 1, -1, -1):  # 'troops and clan fighters clashed with X': one clash, two sides
        if m.cls and any(x.token.i == m.token.i for x, _ in groups[i].members):  # (a meeting keeps its dyads)
            return i, "consequence"
    if m.cls == "claim":
        i = _refers(m, groups, lex)
        if i is None:
            i = _last(groups, lambda g: bool(g.classes & FAMILIES[0]), before=m)
        return (i, "claim") if i is not None else (None, None)
    if m.cls in (None, "denial"):
        i = _refers(m, groups, lex)
        if i is not None:
            return i, "denial_of" if m.cls == "denial" else "reaction_to"
        for i in range(len(groups) - 1, -1, -1):  # 'a deal brokered with elders that allowed ...'
            if groups[i].classes and _depends(m, groups[i]):
                return i, "consequence"
        return _same_statement(m, groups), "anaphora"
    for i in range(len(groups) - 1, -1, -1):  # "... claimed the attack, saying it had killed 15"
        if any(how == "claim" and x.sent == m.sent for x, how in groups[i].members) and family({m.cls}, groups[i].classes):
            return i, "claim"
    for i in range(len(groups) - 1, -1, -1):  # the parse ties the clause to the incident's: no place check
        if groups[i].last.sent == m.sent and family({m.cls}, groups[i].classes) and _depends(m, groups[i]) \
                and not embedded(m.verb or m.token, lex) and not contradicts(m, groups[i]):
            return i, "consequence"
    candidates = [i for i, g in enumerate(groups) if fits(m, g)]
    if embedded(m.verb or m.token, lex):  # a claim, grievance or cause joins nothing but by reference
        same = [i for i in candidates if m.cls in groups[i].classes]  # 'over the probe into the attack': an attack
        return (same[-1], "anaphora") if _anaphoric(m, lex) and same else (None, None)
    for i in reversed(candidates):
        if _depends(m, groups[i]) or (groups[i].last.sent == m.sent and not m.draft.a1
                                       and not embedded(m.verb or m.token, lex)):
            return i, "consequence"
    if _anaphoric(m, lex) and candidates:
        return candidates[-1], "anaphora"
    if _continues(m):  # 'The fighters ... attacked the base': the next sentences tell the same attack
        for i in range(len(groups) - 1, -1, -1):
            g = groups[i]
            if m.cls in g.classes and 0 < m.sent - g.last.sent <= SENTENCE_GAP \
                    and all(date_ok(m.where, x.where) for x, _ in g.members) \
                    and not contradicts(m, g):
                return i, "anaphora"
    if _toll_only(m, lex):  # "police said five officers had been killed": the toll of an incident told earlier
        told = [i for i, g in enumerate(groups) if g.classes & FAMILIES[0] and fits(m, g, dates=False, victims=False)
                and own_time(g, m)]
        near = [i for i in told if groups[i].last.para == m.para or m.sent - groups[i].last.sent <= 1]
        # the incident just told, else the lead
        if told:
            return (near or told)[-1 if near else 0], "consequence"
    if _participle(m, lex):
        return None, None
    for i in reversed(candidates):
        g = groups[i]
        if m.sent - g.last.sent <= SENTENCE_GAP and (m.para == g.last.para or m.sent - g.last.sent <= 1):
            return i, "same participants, place and date"
        if m.cls in RESTATED and m.cls in g.classes and same_place_and_day(m, g):  # one kind, place, day
            return i, "same participants, place and date"
    return None, None


def _witness(m: Mention, quoted: list[tuple[int, int, int]], lex: Lexicon) -> bool:
    """Who a quoted witness is ('"We were only singing," said a driver who had been hit by a rubber
    bullet', 'a mother who lost her son in the strike'): the speaker's story, told of an incident
    the article reports, not a new one."""
    sent = sent_of(m.token)
    if not any(s < sent.end_char and sent.start_char < e for s, e, _ in quoted):
        return False
    t = m.token
    for _ in range(6):
        if t.head.i == t.i:
            return False
        if t.dep_ in ("relcl", "acl", "appos") and t.head.dep_ in ("nsubj", "appos") and (
                t.head.head.lemma_.lower() in lex.reporting or t.head.head.head.lemma_.lower() in lex.reporting):
            return True
        t = t.head
    return False


def _participle(m: Mention, lex: Lexicon) -> bool:
    """A past participle describing a participant ('lawmakers ousted in the coup', 'a group founded
    in 2016'): it joins an incident only when the text ties it to one. Not a toll ('the people
    killed in the attack')."""
    t = m.token
    if t.dep_ != "acl" or t.tag_ not in ("VBN", "VBD") or t.lemma_.lower() in lex.reports_violence:
        return False
    x, nested = t.head, False  # the noun described must hang on another verb, and not as its bare subject:
    for _ in range(8):  # in a misparse ('owners of restaurants protested outside ...') the participle is the verb
        if x.head.i == x.i or (x.pos_ in ("NOUN", "PROPN") and x.dep_ == "prep"):
            return False
        if x.head.pos_ in ("VERB", "AUX"):
            if x.head.dep_ in ("acl", "relcl"):  # 'set up by lawmakers ousted in the coup'
                nested = True
            else:
                return nested or x.dep_ not in ("nsubj", "nsubjpass")
        x = x.head
    return False


def _toll_only(m: Mention, lex: Lexicon) -> bool:
    """A clause that only reports casualties ('five officers had been killed', 'more than 30 were
    wounded', 'bodies were found'): a toll word or the finding of the dead (a verb of perception is
    violence only with the dead as its object), no named perpetrator, no place or date of its own."""
    lemma = m.token.lemma_.lower()
    if m.cls != "violence" or m.draft.a1 is not None or not (
            lemma in lex.reports_violence or lemma in lex.perception):  # '22 bodies had been recovered'
        return False
    loc, date = m.where.location, m.where.date
    own_place = loc is not None and not str(loc.method or "").startswith(FALLBACKS + ("paragraph",))
    own_date = date is not None and str(date.method or "").split(":")[-1] not in ("paragraph", "sentence") and \
        not str(date.method or "").startswith(FALLBACKS)
    return not own_place and not own_date


def _same_statement(m: Mention, groups: list[Group]) -> int | None:
    """A non-violent mention folded into an earlier one of the same code ('the talks')."""
    if not _definite(m.token):
        return None
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if any(x.draft.cameo[:2] == m.draft.cameo[:2] for x, _ in g.members) and not g.classes:
            return i
    return None
