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
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..geo.distance import km
from ..lexicons.triggers import Lexicon
from ..nlp.layer_types import ActorKey, EventContext, EventDraft, EventTolls
from ..nlp.sents import text_of, tokens_of
from .incident_features import mention_class

# classes of happening that can be one incident (a demonstration the police break up with force)
FAMILIES = ({"violence", "abduction", "sexual", "territory", "looting", "coercion"},
            {"demonstration", "riot", "coercion", "arrest", "violence", "looting"})
DEPENDENT = {"advcl", "conj", "xcomp", "acl", "relcl", "ccomp", "pcomp", "pobj", "dobj", "nsubj", "nsubjpass"}
NEAR_KM = 30.0
CAUSE = {"after", "following", "because", "since", "over", "against", "for", "amid", "despite"}
SENTENCE_GAP = 2          # sentences between an incident and a mention that may join it without anaphora
FALLBACKS = ("article_focus", "publication_date", "dateline")
QUOTE_WORDS = 5  # a quoted word or two ('"liberated"') is someone's term, not a witness account
DESCRIPTIVE = {"withdrawal", "mobilisation"}  # classes a participle describing a participant does not report
RESTATED = {"territory", "demonstration", "riot"}  # told again later in an article ('have taken full control')


@dataclass
class Mention:
    draft: EventDraft
    cls: str | None
    means: str | None
    token: Token
    verb: Token | None
    sent: int
    para: int
    where: EventContext
    tolls: EventTolls


@dataclass
class Group:
    members: list[tuple[Mention, str | None]]
    links: list[tuple[int, str]] = field(default_factory=list)   # (index of another group, kind)

    @property
    def classes(self) -> set[str]:
        return {m.cls for m, _ in self.members if m.cls}

    @property
    def last(self) -> Mention:
        return self.members[-1][0]


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n", text)]


def mentions(doc: Doc, drafts: list[EventDraft], context: dict[str, EventContext],
             tolls: dict[str, EventTolls]) -> list[Mention]:
    toks = tokens_of(doc)
    sents = [s.start for s in doc.sents]
    paras = _paragraph_starts(text_of(doc))
    out = []
    for d in drafts:
        span = doc.char_span(d.trigger.start, d.trigger.end, alignment_mode="expand")
        if span is None:
            continue
        verb = doc.char_span(d.verb.start, d.verb.end, alignment_mode="expand") if d.verb else None
        t = toks[span.root.i]
        cls, means = mention_class(d, t.lemma_.lower())
        if cls in DESCRIPTIVE and t.dep_ == "acl":
            cls = None  # 'struck a column of fighters withdrawing northward': how they were, not a pullout
        out.append(Mention(d, cls, means, t, toks[verb.root.i] if verb is not None else None,
                           bisect.bisect_right(sents, t.i) - 1, bisect.bisect_right(paras, d.trigger.start) - 1,
                           context.get(d.id) or EventContext(), tolls.get(d.id) or EventTolls()))
    return out


def _family(a: set[str], b: set[str]) -> bool:
    return any(a & f and b & f for f in FAMILIES)


def _definite(t: Token) -> bool:
    return t.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("det", "poss") and c.lower_ in
                                               ("the", "that", "this", "these", "those", "its", "their")
                                               for c in t.children)


def _named(m: Mention, roles: tuple[str, ...] = ("a1", "a2")) -> set[str]:
    """The specific parties a mention names (groups, people, countries): generic ones ('soldiers',
    'a woman') never contradict an incident."""
    out = set()
    for r in (getattr(m.draft, k) for k in roles):
        if r is not None and (ActorKey.parse(r.key).named or ActorKey.parse(r.key).kind == "country"):
            out.add(r.key)
    return out


def _weak_place(loc) -> bool:
    """A place the clause does not state: the article's, the dateline's, carried from the paragraph,
    or a country refined to the town the article names most."""
    method = str(loc.method or "") if loc is not None else ""
    return loc is None or loc.lat is None or method.startswith(FALLBACKS + ("paragraph",)) or \
        (method.startswith("sentence") and method.endswith("+refined"))


def _weak_date(date) -> bool:
    method = str(date.method or "") if date is not None else ""
    return date is None or method.startswith(FALLBACKS) or method.endswith(":paragraph")


def _place_ok(a: EventContext, b: EventContext) -> bool:
    la, lb = a.location, b.location
    if _weak_place(la) or _weak_place(lb):
        return True
    if la.geonameid is not None and la.geonameid == lb.geonameid:
        return True
    areas = [x for x in (la, lb) if x.precision in ("admin1", "admin2")]
    if areas and la.admin1 and la.admin1 == lb.admin1:
        return True  # 'Djibo' and 'Soum province': the area holds the town
    if la.precision in ("country", "region", "continent") or lb.precision in ("country", "region", "continent"):
        return la.country == lb.country or not la.country or not lb.country
    return km(la.lat, la.lon, lb.lat, lb.lon) <= NEAR_KM


def _date_ok(a: EventContext, b: EventContext) -> bool:
    da, db = a.date, b.date
    if _weak_date(da) or _weak_date(db):
        return True
    n = min(len(da.start or ""), len(db.start or ""))
    return (da.start or "")[:n] == (db.start or "")[:n]


def _continues(m: Mention) -> bool:
    """A clause whose parties are definite generic phrases ('the fighters', 'the base', 'the
    attackers'): it goes on telling of something already introduced."""
    for r in (m.draft.a1, m.draft.a2):
        if r is not None and r.text.lower().startswith(("the ", "these ", "those ")) and \
                not ActorKey.parse(r.key).named and ActorKey.parse(r.key).kind != "country":
            return True
    return False


def _contradicts(m: Mention, g: Group) -> bool:
    """Named parties that differ from the incident's."""
    mine, theirs = _named(m), set().union(*(_named(x) for x, _ in g.members))
    return bool(mine and theirs and not mine & theirs)


def _fits(m: Mention, g: Group, dates: bool = True, victims: bool = True) -> bool:
    """No named actor, place or date of the mention contradicts the incident's (not its date when
    dates=False; not the people a toll counts when victims=False: 'three HTS fighters were killed'
    by a Russian strike)."""
    if not _family({m.cls}, g.classes):
        return False
    if not victims:
        return all(_place_ok(m.where, x.where) and (not dates or _date_ok(m.where, x.where)) for x, _ in g.members)
    mine, theirs = _named(m), set().union(*(_named(x) for x, _ in g.members))
    if mine and theirs and not mine & theirs:
        return False
    m1, g1 = _named(m, ("a1",)), set().union(*(_named(x, ("a1",)) for x, _ in g.members))
    if m1 and g1 and not m1 & g1 and not (m.cls == "violence" and m1 & (theirs - g1)):
        return False  # 'captured by IS' is not 'captured by the SDF' (in a clash the sides may swap)
    return all(_place_ok(m.where, x.where) and (not dates or _date_ok(m.where, x.where)) for x, _ in g.members)


def embedded(t: Token, lex: Lexicon) -> bool:
    """Whether a clause only reports a claim, a grievance, a cause or a circumstance ('demanding
    that ...', 'complaining that the lockdown kills ...', 'after the killing of ...', 'as fighting
    raged'): what it says is not what the sentence's incident did. What someone says happened ('X said 22 were killed') is a report."""
    for _ in range(6):
        if t.head.i == t.i:
            return False
        if (t.dep_ == "ccomp" and t.head.lemma_.lower() in lex.grievance) or (
                t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CAUSE for c in t.children)):
            return True
        if t.dep_ == "advcl" and t.lemma_.lower() in lex.occurrence and any(
                c.dep_ == "mark" and c.lower_ in ("as", "while") for c in t.children):
            return True  # '... as fighting intensified for control of the city': the circumstance
        if t.dep_ == "pobj" and t.head.lower_ in CAUSE:
            return True
        t = t.head
    return False


def _depends(m: Mention, g: Group) -> bool:
    """The mention's clause hangs on one of the incident's in the same sentence."""
    heads = {x.token.i for x, _ in g.members if x.sent == m.sent} | {
        x.verb.i for x, _ in g.members if x.sent == m.sent and x.verb is not None}
    if not heads:
        return False
    t = m.verb or m.token
    for _ in range(4):
        if t.head.i == t.i:
            return False
        if t.dep_ not in DEPENDENT or (t.dep_ == "pobj" and t.head.lower_ in CAUSE):
            return False
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CAUSE for c in t.children):
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
        heads = [t] + [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                       if g.dep_ == "pobj"]
        return any(("N", h.lemma_.lower()) in lex.rules or h.lemma_.lower() in lex.event_anaphors for h in heads)
    heads = [m.token] + [c for c in m.token.children if c.dep_ == "dobj"]  # 'took part in the protest'
    if any(c.dep_ == "dobj" and event_noun(c) for c in m.token.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("in", "during", "after") and any(
        g.dep_ == "pobj" and event_noun(g) for g in c.children) for h in heads for c in h.children)


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
        if any(how == "claim" and x.sent == m.sent for x, how in groups[i].members) and _family({m.cls}, groups[i].classes):
            return i, "claim"
    for i in range(len(groups) - 1, -1, -1):  # the parse ties the clause to the incident's: no place check
        if groups[i].last.sent == m.sent and _family({m.cls}, groups[i].classes) and _depends(m, groups[i]) \
                and not embedded(m.verb or m.token, lex) and not _contradicts(m, groups[i]):
            return i, "consequence"
    candidates = [i for i, g in enumerate(groups) if _fits(m, g)]
    if embedded(m.verb or m.token, lex):  # a claim, grievance or cause joins nothing but by reference
        return (candidates[-1], "anaphora") if _anaphoric(m, lex) and candidates else (None, None)
    for i in reversed(candidates):
        if _depends(m, groups[i]) or (groups[i].last.sent == m.sent and not m.draft.a1
                                       and not embedded(m.verb or m.token, lex)):
            return i, "consequence"
    if _anaphoric(m, lex) and candidates:
        return candidates[-1], "anaphora"
    if _continues(m):  # 'The fighters ... attacked the base': the next sentences tell the same attack
        for i in range(len(groups) - 1, -1, -1):
            g = groups[i]
            if m.cls in g.classes and 0 < m.sent - g.last.sent <= SENTENCE_GAP and _date_ok(m.where, g.last.where) \
                    and not _contradicts(m, g):
                return i, "anaphora"
    if _toll_only(m, lex):  # "police said five officers had been killed": the toll of an incident told earlier
        told = [i for i, g in enumerate(groups) if g.classes & FAMILIES[0] and _fits(m, g, dates=False, victims=False)
                and _own_time(g, m)]
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
        if m.cls in RESTATED and m.cls in g.classes and _same_place_and_day(m, g):  # one kind, place, day
            return i, "same participants, place and date"
    return None, None


def _witness(m: Mention, quoted: list[tuple[int, int, int]], lex: Lexicon) -> bool:
    """Who a quoted witness is ('"We were only singing," said a driver who had been hit by a rubber
    bullet', 'a mother who lost her son in the strike'): the speaker's story, told of an incident
    the article reports, not a new one."""
    sent = m.token.sent
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
    wounded'): a toll word, no named perpetrator, no place or date of its own."""
    if m.cls != "violence" or m.draft.a1 is not None or m.token.lemma_.lower() not in lex.reports_violence:
        return False
    loc, date = m.where.location, m.where.date
    own_place = loc is not None and not str(loc.method or "").startswith(FALLBACKS + ("paragraph",))
    own_date = date is not None and str(date.method or "").split(":")[-1] not in ("paragraph", "sentence") and \
        not str(date.method or "").startswith(FALLBACKS)
    return not own_place and not own_date


def _own_time(g: Group, m: Mention) -> bool:
    """The incident is current news (not a background one with a date before the mention's). The
    toll's sentence date is the report's ('the commission said on Tuesday that 31 had been killed')."""
    if m.where.date is not None and str(m.where.date.method or "").endswith(":sentence"):
        return not any(_background(x.where.date, m.where.date) for x, _ in g.members)
    return all(_date_ok(m.where, x.where) for x, _ in g.members)


def _background(date, report) -> bool:
    """A date of its own, in a period that ended before the month of the report."""
    if _weak_date(date) or not date.start or not report.start:
        return False
    return (date.end or date.start)[:7] < report.start[:7]


def _same_place_and_day(m: Mention, g: Group) -> bool:
    """The mention and the incident both say where (the same place) and neither says a different day."""
    loc = m.where.location
    if loc is None or loc.lat is None or str(loc.method or "").startswith(FALLBACKS) or loc.precision != "city":
        return False
    for x, _ in g.members:
        other = x.where.location
        if other is not None and other.lat is not None and not str(other.method or "").startswith(FALLBACKS) \
                and _place_ok(m.where, x.where) and _date_ok(m.where, x.where):
            return True
    return False


def _same_statement(m: Mention, groups: list[Group]) -> int | None:
    """A non-violent mention folded into an earlier one of the same code ('the talks')."""
    if not _definite(m.token):
        return None
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if any(x.draft.cameo[:2] == m.draft.cameo[:2] for x, _ in g.members) and not g.classes:
            return i
    return None
