"""Incidents stage: the clause-level mentions (events layer) become incidents, one per real-world
happening (merging.py), each typed by ACLED's decision rules (ontology/acled_rules.tsv), with its
actors named as the datasets name them (naming.py), its own toll counted once, its place and date
from its best-placed mention, and how it stands in the article: current or background, asserted,
lead or incidental. Writes the incidents layer; assemble turns each into an Event record."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicons.actors import ActorDictionary, default_dictionary
from ..lexicons.triggers import Lexicon, default_lexicon
from ..nlp import layers
from ..nlp.layer_types import ActorInfo, ActorKey, IncidentDraft, Member
from ..nlp.sents import offsets_of, sent_of, text_of
from ..ontology.acled import AcledRules, Decision, default_rules
from ..records import ActorRef, Tally
from .incident_features import cue_features, mention_clause
from .incident_mentions import FALLBACKS, Group, Mention, mentions, paragraph_starts
from .merging import embedded, group
from .naming import Namer
from .tolls import merge

# how strongly a mention's class makes it the incident's principal (the clause that names the act)
CLASS_RANK = {"violence": 6, "sexual": 6, "abduction": 6, "territory": 7, "riot": 5, "demonstration": 4,
              "looting": 3, "arrest": 3, "coercion": 2, "agreement": 2, "withdrawal": 2, "release": 1,
              "mobilisation": 1, "claim": 0, "denial": 0}
# which implied actor ACLED names when the text names none, by ACLED type and role
IMPLIED_A1 = {"Protests": "protesters", "Riots": "rioters", "Battles": "unidentified",
              "Explosions/Remote violence": "unidentified", "Violence against civilians": "unidentified"}
IMPLIED_A2 = {"Violence against civilians": "civilians"}
VICTIM_CUES = {"armed_victim", "off_duty"}  # what the victims were may be told anywhere in the incident's paragraphs
CROWD_CUES = {"disorder", "property"}  # how a demonstration went (who dispersed it only its own clause says)
GENERIC = {"Civilians", "Military Forces", "Police Forces", "Unidentified Armed Group", "Protesters", "Rioters"}
BACKGROUND_DAYS = 30  # an incident dated earlier than this before publication is background
BODY_DAYS = 7  # ... and one told only below the lead, earlier than this ('protests on June 25' in July)
TOLD = ("asserted", "claimed")  # mentions that say what happened (a claim too); not denied, feared or habitual


class IncidentsStage(layers.Stage):
    name = "tacitus_incidents"
    reads = ("meta", "events", "event_context", "event_tolls", "actors", "actor_info", "focus_country", "quotes", "token.dep")
    writes = ("incidents",)

    def __init__(self, lexicon: Lexicon, dictionary: ActorDictionary, rules: AcledRules):
        layers.register()
        self.lex = lexicon
        self.rules = rules
        self.namer = Namer(dictionary)

    def run(self, doc: Doc) -> Doc:
        ms = mentions(doc, layers.get(doc, "events") or [], layers.get(doc, "event_context") or {},
                      layers.get(doc, "event_tolls") or {})
        quoted = sorted((f.start, f.end, len(f.text.split())) for q in layers.get(doc, "quotes") or [] if q.direct
                        for f in (q.fragments or (q,)))  # the words inside the marks, not the whole attribution
        groups = group(ms, self.lex, quoted)
        meta = layers.get(doc, "meta")
        info = layers.get(doc, "actor_info") or {}
        focus = layers.get(doc, "focus_country")
        published = _day(meta.published if meta else None)
        drafts = [self._incident(doc, g, info, focus, published) for g in groups]
        ids = [d.id for d in drafts]
        drafts = [dataclasses.replace(d, links=tuple((ids[i], kind) for i, kind in g.links)) if g.links else d
                  for d, g in zip(drafts, groups, strict=True)]
        layers.put(doc, "incidents", drafts)
        return doc

    # ------------------------------------------------------------------ one incident
    def _incident(self, doc: Doc, g: Group, info: dict[str, ActorInfo], focus: str | None,
                  published: dt.date | None) -> IncidentDraft:
        members = [m for m, _ in g.members]
        told = [m for m in members if m.draft.modality in TOLD] or members  # not 'no injuries were reported'
        narrated = [m for m, how in g.members if how != "quoted" and m in told] or told  # a witness roams
        principal = max(narrated, key=lambda m: (CLASS_RANK.get(m.cls, -1) + (0.5 if m.means else 0),
                                                 bool(m.draft.a1) + 0.5 * bool(m.draft.a2), -m.token.i))
        location = _best(principal, narrated, "location")
        date = _best(principal, narrated, "date")
        iso3 = (location.country if location is not None and location.precision != "continent" else None) or focus
        tolls = {k: self._tally(doc, members, k) for k in ("killed", "injured", "arrested")}
        a1, a2 = self._roles(g, principal, info, iso3)
        classes = {m.cls for m in told if m.cls}
        features = set().union(*(cue_features(doc, mention_clause(doc, m.draft)) for m in told))
        features |= {m.means for m in told if m.means} | {f"class:{c}" for c in classes}
        if classes & {"demonstration", "riot"}:  # how a demonstration went is told anywhere in its sentences
            sents = {t.i for m in told for t in sent_of(m.token) if not embedded(t, self.lex)}  # not 'after a riot'
            features |= cue_features(doc, sents) & CROWD_CUES
        if "violence" in classes:  # 'the dead man was wanted for drug trafficking': who the victims were
            features |= cue_features(doc, _paragraph_tokens(doc, {m.para for m in told})) & VICTIM_CUES
        if tolls["killed"] is not None and (tolls["killed"].best or 0) > 0:
            features.add("lethal")
        victims = self._victims(members, info, iso3)
        if victims is not None and (victims.acled_name or victims.name):
            for k in ("killed", "injured"):  # generic dead are named in the incident's country, not the article's
                if tolls[k] is not None and tolls[k].who and _uncountried(tolls[k].who) in GENERIC and \
                        _uncountried(tolls[k].who) == _uncountried(victims.acled_name or victims.name):
                    tolls[k] = dataclasses.replace(tolls[k], who=victims.acled_name or victims.name)
        if a2 is None or (a2.name is None and a2.acled_inter is None):
            a2 = victims or self._harmed(a2, g, principal, iso3)
        elif victims is not None and victims.acled_inter not in (None, 7) and a2.acled_inter == 7 and \
                a2.name == self.namer.implied("civilians", a2.country, "", 0, 0, "").name and \
                any(w in self.lex.place_nouns for w in a2.text.lower().split()):
            a2 = victims  # 'attacked the town, killing five soldiers': the dead say who was attacked
        decision = self.rules.decide(classes, features, self.namer.role_class(a1, target=False),
                                     self.namer.role_class(a2, target=True)) if classes else None
        if decision is not None:
            if decision.swapped or (decision.acled == "Protests" and self.namer.role_class(a1, target=False) == "state"):
                a1, a2 = a2, a1  # ACLED: the demonstrators are actor1, the force that intervenes actor2
            a1, a2 = self._implied(decision, a1, a2, iso3, principal)
        if a2 is not None and a2.name is None and a2.acled_inter is None:
            a2 = None  # words for a target that say nothing of who it is ('the town hall')
        modality = principal.draft.modality
        if modality != "asserted" and any(m.draft.modality == "asserted" and m.cls for m in members):
            modality = "asserted"
        reported = tuple(dict.fromkeys(x for m in members for x in m.draft.reported_by))
        current = _current(date, published, lead=_lead(members))
        return IncidentDraft(
            id=principal.draft.id, principal=principal.draft.id,
            members=tuple(Member(m.draft.id, how) for m, how in g.members),
            acled=decision.acled if decision else None, acled_sub=decision.acled_sub if decision else None,
            acled_rule=decision.rule if decision else None, actor1=a1, actor2=a2, location=location, date=date,
            killed=tolls["killed"], injured=tolls["injured"], arrested=tolls["arrested"], modality=modality,
            reported_by=reported, confidence=max(m.draft.confidence for m in members), current=current,
            salience=_salience(members, current))

    def _roles(self, g: Group, principal: Mention, info: dict[str, ActorInfo], iso3: str | None
               ) -> tuple[ActorRef | None, ActorRef | None]:
        """actor1 and actor2: the principal's, or the first that says who they are among the other
        mentions; a claimant of responsibility is the perpetrator when the text names no other."""
        ordered = [principal] + [m for m, how in g.members if m is not principal and how != "claim"]
        a1 = _first([self.namer.ref(m.draft.a1, info, iso3, target=False) for m in ordered if m.draft.a1])
        claimant = next((m.draft.a1 for m, how in g.members if how == "claim" and m.draft.a1 is not None), None)
        if claimant is not None and (a1 is None or a1.acled_inter in (None, 7) or
                                     (a1.name or "").startswith("Unidentified")):
            a1 = dataclasses.replace(self.namer.ref(claimant, info, iso3, target=False),
                                     method=f"claimed_responsibility:{claimant.method}")
        a2 = _first([self._target(m, info, iso3) for m in ordered
                     if m.draft.a2 and (a1 is None or m.draft.a2.text != a1.text)])
        if a1 is not None and a2 is not None and a1.name and a1.name == a2.name and (
                a1.text == a2.text or a1.acled_inter in (1, 8) or not a1.name.startswith(("Unidentified", "Civilians",
                                                                                         "Protesters", "Rioters"))):
            a2 = None  # one side named twice ('Ukrainian troops were fighting to hold ...')
        return a1, a2

    def _tally(self, doc: Doc, members: list[Mention], kind: str) -> Tally | None:
        """The incident's toll of one kind, counted once over its mentions; a later report
        ('medics later said 25') updates the figure."""
        told = sorted((m for m in members if getattr(m.tolls, kind) is not None), key=lambda m: m.token.i)
        if not told:
            return None
        last = told[-1]
        update = len(told) > 1 and kind in last.tolls.updates
        return merge([getattr(m.tolls, kind) for m in told], getattr(last.tolls, kind).best if update else None)

    def _target(self, m: Mention, info: dict[str, ActorInfo], iso3: str | None) -> ActorRef:
        """A mention's actor2 (a town taken is a place, not a party)."""
        if m.cls == "territory" and ActorKey.parse(m.draft.a2.key).kind == "raw":  # 'the town of X' fell: a place
            return dataclasses.replace(self.namer.ref(m.draft.a2, {}, None, target=False), name=None, acled_inter=None)
        return self.namer.ref(m.draft.a2, info, iso3, target=True)

    def _harmed(self, a2: ActorRef | None, g: Group, principal: Mention, iso3: str | None) -> ActorRef | None:
        """Unnamed people or places harmed by a verb that harms people ('shot dead a laborer',
        'attacked a village') are civilians, once the tolls name no other victims."""
        if a2 is None or a2.name is not None or a2.acled_inter is not None:
            return a2
        ordered = [principal] + [m for m, how in g.members if m is not principal and how != "claim"]
        if any(m.draft.a2 is not None and m.draft.a2.text == a2.text and m.token.lemma_.lower() in self.lex.harms_people
               for m in ordered):
            return self.namer.as_implied(a2, "civilians", iso3)
        return a2

    def _victims(self, members: list[Mention], info: dict[str, ActorInfo], iso3: str | None) -> ActorRef | None:
        """The counted dead or wounded as actor2 when the clauses name no target ('killing two
        civilians', 'four soldiers were wounded')."""
        for m in members:
            for v in m.tolls.victims:
                ref = self.namer.ref(dataclasses.replace(v, method=f"victims:{v.method}"), info, iso3, target=True)
                if ref.name or ref.acled_inter is not None:
                    return ref
        return None

    def _implied(self, decision: Decision, a1: ActorRef | None, a2: ActorRef | None, iso3: str | None,
                 principal: Mention) -> tuple[ActorRef | None, ActorRef | None]:
        """ACLED always names actor1 ('Unidentified Armed Group (Mali)', 'Protesters (Chile)') and the
        civilians a violence against civilians is against; loosely named actors ('two men', 'about
        80 vendors') take those names too."""
        trig = principal.draft.trigger
        if a1 is not None and decision.acled in IMPLIED_A1 and (a1.acled_inter in (None, 7) or (
                decision.acled == "Riots" and (self.namer.role_class(a1, target=False) == "crowd" or (
                    a1.acled_inter == 6 and a1.name == self.namer.implied("protesters", a1.country or iso3, "", 0, 0,
                                                                          "").name)))):
            a1 = self.namer.as_implied(a1, IMPLIED_A1[decision.acled], iso3)  # violent protesters are rioters
        if a2 is not None and decision.acled in IMPLIED_A2 and (a2.acled_inter is None or (
                a2.acled_inter != 1 and self.namer.role_class(a2, target=True) == "civilians")):
            a2 = self.namer.as_implied(a2, IMPLIED_A2[decision.acled], iso3)  # 'members of the Tuareg community'
        if decision.rule.endswith(":armed_victim") and a2 is not None and a2.acled_inter in (None, 7):
            a2 = self.namer.as_implied(a2, "unidentified", iso3)  # the victims were an armed party
        elif decision.rule.endswith(":off_duty") and a2 is not None:
            a2 = self.namer.as_implied(a2, "civilians", iso3)  # soldiers or police off duty
        if a1 is None and decision.acled in IMPLIED_A1:
            a1 = self.namer.implied(IMPLIED_A1[decision.acled], iso3, trig.text, trig.start, trig.end,
                                    f"implied:{decision.rule}")
        if a2 is None and decision.acled in IMPLIED_A2:
            a2 = self.namer.implied(IMPLIED_A2[decision.acled], iso3, trig.text, trig.start, trig.end,
                                    f"implied:{decision.rule}")
        return a1, a2


def _paragraph_tokens(doc: Doc, paras: set[int]) -> set[int]:
    starts = paragraph_starts(text_of(doc)) + [len(text_of(doc)) + 1]
    offsets = offsets_of(doc)
    return {i for p in paras if p + 1 < len(starts)
            for i in range(bisect.bisect_left(offsets, starts[p]), bisect.bisect_left(offsets, starts[p + 1]))}


def _uncountried(name: str) -> str:
    """'Civilians (China)' -> 'Civilians', 'Military Forces of Mali' -> 'Military Forces'."""
    return re.sub(r" \([^)]*\)$| of [A-Z].*$", "", name)


def _first(refs: list[ActorRef]) -> ActorRef | None:
    """The first actor the text says who it is, else the first named at all."""
    return next((r for r in refs if r.name or r.acled_inter is not None), refs[0] if refs else None)





# how firmly a mention states its place or date, by the step that found it (context.py): in its own
# clause, its sentence, carried from its paragraph, then the article's fallbacks
STRENGTH = {"clause": 0, "sentence": 1, "paragraph": 2}


def _strength(method: str | None) -> float:
    method = str(method or "")
    if method.startswith(FALLBACKS):
        return 9
    parts = method.split("+")[0].split(":")
    step = next((STRENGTH[p] for p in reversed(parts) if p in STRENGTH), 3)
    return step + (0.5 if "+refined" in method else 0)


def _best(principal: Mention, members: list[Mention], what: str):
    """The incident's place or date: the most firmly stated among its mentions ('fired ... on
    Monday' over 'the commission said on Tuesday that 31 had been killed'), the principal's on a tie."""
    values = [(m, getattr(m.where, what)) for m in [principal] + [x for x in members if x is not principal]]
    values = [(m, v) for m, v in values if v is not None and (what != "location" or v.lat is not None)]
    if not values:
        return getattr(principal.where, what)
    return min(values, key=lambda mv: _strength(mv[1].method))[1]


def _day(s: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(s)[:10]) if s else None
    except ValueError:
        return None


def _period_end(s: str | None) -> dt.date | None:
    """The last day of a date string of any precision ('2017', '2017-06', '2017-06-03')."""
    if not s:
        return None
    try:
        if len(s) == 4:
            return dt.date(int(s), 12, 31)
        if len(s) == 7:
            y, m = int(s[:4]), int(s[5:7])
            return dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return None


def _current(date, published: dt.date | None, lead: bool = True) -> bool:
    """In the reporting period: its own date ends no more than a month before publication, or a
    week for an incident the article tells only below its lead (context, not its news)."""
    if date is None or published is None or str(date.method or "").startswith(FALLBACKS):
        return True
    end = _period_end(date.end or date.start)
    return end is None or end >= published - dt.timedelta(days=BACKGROUND_DAYS if lead else BODY_DAYS)


def _lead(members: list[Mention]) -> bool:
    """Told in the article's lead: its first paragraph, at most its first three sentences (a
    dateline is a sentence of its own; a text without paragraph breaks has no longer lead)."""
    return any(m.para == 0 and m.sent <= 2 for m in members)


def _salience(members: list[Mention], current: bool) -> str:
    """lead: told in the article's lead (_lead); incidental: background; body: the rest."""
    if not current:
        return "incidental"
    if _lead(members):
        return "lead"
    return "body"


@Language.factory(IncidentsStage.name, requires=layers.requires(IncidentsStage.reads),
                  assigns=layers.assigns(IncidentsStage.writes), default_config={"lexicons": []})
def make_incidents(nlp: Language, name: str, lexicons: list[str]) -> IncidentsStage:
    return IncidentsStage(default_lexicon(tuple(lexicons)), default_dictionary(tuple(lexicons)), default_rules())
