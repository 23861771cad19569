"""Event context stage: where and when each event happened (tolls: tolls.py).

Location cascade (LocationRef.method says which step fired):
  clause     the most specific place in the trigger's clause, the one closest to the trigger in the
             parse among equals ('clashes in X', 'in Y's X district', 'X, Y');
             'near X' adds ':near', '30 km south of X' ':relative:30 km south'
  sentence   the closest specific place of the sentence
  paragraph  the last place named before it in its paragraph, if it agrees with the incident's country
  dateline   the dateline's place, when the text gives nothing closer and it agrees with the
             incident's country (the countries its sentence names, e.g. through its actors)
  article_focus  the article's most mentioned specific place, on the same condition
  country    the incident's country itself, when the text names nothing else
An incident placed only in a country or province this way is refined to the place inside it that the
article names most ('+refined': a headline's 'in Myanmar' and the body's village).
Unresolved places (no coordinates) are never the event's place. Date cascade: the temporal
expression in the trigger's clause -> the closest one in the sentence -> the last one earlier in
the paragraph (for conflict events: an incident told on, not a reaction) -> the publication date
(start = end = the publication date, precision 'week': the
report's date, the event within about the week before it; method 'publication_date').
Writes the event_context layer: {event id: EventContext(location, date)}."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..geo.gazetteer import Gazetteer
from ..lexicons import read_list, read_tsv
from ..nlp import columns, layers
from ..nlp.dateline import dateline
from ..nlp.layer_types import ActorKey, EventContext, EventDraft, ResolvedDate, ResolvedPlace
from ..nlp.layers import Stage, assigns, register, requires
from ..nlp.sents import sent_of, span_at, text_of, tokens_of
from ..nlp.tree import children, children_table
from ..ontology import in_group
from ..records import DateRef, LocationRef, Place
from .geocode import COARSER, missions

CLAUSE_BREAK = {"ccomp", "advcl", "relcl", "conj", "parataxis", "acl"}
SPECIFIC = {"city": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4, "continent": 5}
FALLBACK_PRECISION = "week"
NOT_WHERE = ("+neighbour", "+based")  # places.py's flags: 'the border with Niger', 'Britain-based'
LANDMARK = re.compile(r"relative:(?:\d|[a-z-]+ of\b)")  # the rules places.py writes for distance phrases


def clause_tokens(t: Token) -> set[int]:
    """The trigger's clause: its subtree without embedded clauses that carry their own verb; for
    an event noun, also what its governing verb says of time and place ('launched an attack on X
    on Tuesday')."""
    doc = t.doc
    dep, pos, kids = columns.dep(doc), columns.pos(doc), children_table(doc)
    out: set[int] = set()
    stack = [t.i]
    while stack:
        x = stack.pop()
        out.add(x)
        for c in kids[x]:
            i = c.i
            if dep[i] in CLAUSE_BREAK and pos[i] in ("VERB", "AUX") and i != t.i:
                continue
            stack.append(i)
    if pos[t.i] in ("NOUN", "PROPN"):
        gov = t.head.head if t.dep_ == "pobj" else t.head
        if gov.pos_ == "VERB":
            for c in children(gov):
                if c.dep_ in ("npadvmod", "prep", "tmod", "advmod") and c.i not in out:
                    out.update(x.i for x in c.subtree)
    return out


def hops(x: Token, t: Token, limit: int = 10) -> int:
    """Head steps from x up to the trigger t (or its governing verb); `limit` when not reached."""
    gov = t.head if t.pos_ in ("NOUN", "PROPN") else t
    n = 0
    while n < limit:
        if x.i in (t.i, gov.i):
            return n
        if x.head.i == x.i:
            break
        x, n = x.head, n + 1
    return limit


class ContextStage(Stage):
    name = "tacitus_context"
    reads = ("meta", "events", "places", "dates", "mentions")
    writes = ("event_context",)

    def __init__(self, gazetteer: Gazetteer | None = None, missions: dict[str, str] | None = None) -> None:
        register()
        self.gaz = gazetteer
        self.missions = missions or {}  # geocode.missions: 'MONUSCO' names Congo
        self.reporting = frozenset(read_list("tacitus.lexicons", "reporting_verbs.txt"))
        self.anaphor = frozenset(r["word"] for r in read_tsv("tacitus.geo", "toponym_words.tsv") if r["kind"] == "anaphor")

    def run(self, doc: Doc) -> Doc:
        # 'near the border with Niger' names a neighbour, 'the Britain-based group' where a group sits
        places = [p for p in layers.get(doc, "places") or [] if p.place.lat is not None
                  and not any(f in (p.place.method or "") for f in NOT_WHERE)]
        dates: list[ResolvedDate] = layers.get(doc, "dates") or []
        meta = layers.get(doc, "meta")
        published = meta.published if meta is not None else None
        text = text_of(doc)
        paras = [0] + [m.end() for m in re.finditer(r"\n", text)]
        line = dateline(doc)
        line_place = next((p for p in places if line and "place" in line and p.tokens[0] == line["place"].start),
                          None)
        filed = {i for part in ("place", "region") if line and part in line for i in range(line[part].start,
                                                                                         line[part].end)}
        focus = self._focus([p for p in places if p is not line_place])
        countries: dict[int, list[str]] = {}  # sentence start -> the countries it names (actors too)
        for m in layers.get(doc, "mentions"):
            key = ActorKey.parse(m.label_)
            cc = key.name if key.kind in ("country", "force") and m.kb_id_ not in ("backer", "capital") else \
                self.missions.get(m.label_)
            if cc:
                countries.setdefault(sent_of(m[0]).start, []).append(cc)
        reported = [p for p in places if self._said_at(doc[p.tokens[0]])]
        where: dict[str, EventContext] = {}
        events: list[EventDraft] = layers.get(doc, "events") or []
        lead: tuple[DateRef, int] | None = None  # the lead incident's date and where it is told
        told = [(d.date.offset_start, d.date.start) for d in dates if d.tokens and d.date.precision == "day"
                and d.date.method != "anchored" and not self._said_at(doc[d.tokens[0]])]  # incidents' days
        for e in events:
            span = span_at(doc, e.trigger.start, e.trigger.end)
            if span is None:
                continue
            t = span.root
            clause = clause_tokens(t)
            sent = sent_of(t)
            para = bisect.bisect_right(paras, t.idx)
            named = countries.get(sent.start, [])
            country = Counter(named).most_common(1)[0][0] if named else None
            in_para = [p for p in places if p.tokens[0] < sent.start and p.tokens[0] not in filed
                       and bisect.bisect_right(paras, p.place.start) == para]
            text_places = [p for p in places if p.tokens[0] not in filed]  # the dateline: where it was filed
            loc = self._where(doc, t, clause, sent, text_places, e) or self._beyond(in_para, places, line_place,
                                                                                    focus, country)
            loc = self._seat(self._refine(loc, places, reported, t.idx, (sent.start_char, sent.end_char),
                                          (paras[para - 1], paras[para] if para < len(paras) else len(text))))
            carry = in_group(e.cameo, "conflict")  # an incident told on from an earlier sentence, not a reaction
            date = self._when(t, clause, sent, para, paras, dates, published, carry)
            if carry and para == 1 and lead is None and date is not None and date.precision == "day" and \
                    date.method.endswith((":clause", ":sentence")):
                lead = (date, t.idx)
            elif carry and lead is not None and date is not None and date.method == "publication_date" and not any(
                    lead[1] < at < t.idx and day != lead[0].start for at, day in told):
                # a conflict mention below the lead that names no date, with no other incident's day told
                # since the lead: the lead incident's day ('In Kikuyu, protesters set fire to a police post')
                date = dataclasses.replace(lead[0], method=lead[0].method.rsplit(":", 1)[0] + ":lead")
            where[e.id] = EventContext(location=loc, date=date)
        layers.put(doc, "event_context", where)
        return doc

    @staticmethod
    def _focus(places: list[ResolvedPlace]) -> ResolvedPlace | None:
        specific = [p for p in places if p.place.precision in ("city", "admin2", "admin1")]
        pool = specific or places
        if not pool:
            return None
        name, _ = Counter(p.place.name for p in pool).most_common(1)[0]
        return next(p for p in pool if p.place.name == name)

    def _where(self, doc: Doc, t: Token, clause: set[int], sent: Span, places: list[ResolvedPlace],
               e: EventDraft) -> LocationRef | None:
        actor_spans = [(e.a1.start, e.a1.end)] if e.a1 else []
        in_clause = [p for p in places if p.tokens[0] in clause
                     and not any(s <= p.place.start < en for s, en in actor_spans)]
        if in_clause:
            best = min(in_clause, key=lambda p: (SPECIFIC.get(p.place.precision, 9), _locates(p),
                                                 hops(doc[p.tokens[1] - 1], t), abs(p.tokens[0] - t.i)))
            return self._loc(best.place, "clause" + self._how(doc, best))
        town = self._the_town(doc, clause, places)
        if town is not None:
            return self._loc(town.place, "clause:anaphor")
        in_sent = [p for p in places if sent.start <= p.tokens[0] < sent.end]
        if in_sent:
            best = min(in_sent, key=lambda p: (SPECIFIC.get(p.place.precision, 9), _locates(p), abs(p.tokens[0] - t.i)))
            return self._loc(best.place, "sentence" + self._how(doc, best))
        return None

    def _the_town(self, doc: Doc, clause: set[int], places: list[ResolvedPlace]) -> ResolvedPlace | None:
        """'marched through the center of the city': 'the city' (or 'the town', 'the village') with no
        name of its own is the last town the text named before it, not the dateline (the places
        given here leave the dateline out); none when the text named no town before it."""
        lower = columns.lower(doc)
        for i in sorted(clause):
            if lower[i] not in self.anaphor:
                continue
            w = tokens_of(doc)[i]
            if not any(c.lower_ == "the" and c.dep_ == "det" for c in children(w)) or \
                    any(c.dep_ in ("prep", "appos", "compound") for c in children(w)):
                continue  # 'the town of Sake', 'the town, Gwoza': named there
            before = [p for p in places if p.tokens[1] <= i and p.place.precision == "city"]
            return before[-1] if before else None
        return None

    def _beyond(self, in_para: list[ResolvedPlace], places: list[ResolvedPlace], line_place: ResolvedPlace | None,
                focus: ResolvedPlace | None, country: str | None) -> LocationRef | None:
        """When the sentence names no place: its paragraph, the dateline, the article's focus, each
        only if it agrees with the incident's country; else that country."""
        def agrees(p: ResolvedPlace | None) -> bool:
            return p is not None and (country is None or p.place.country == country)

        # the paragraph's last town or area, else its last place ('Kinshasa, Congo's capital ... in the X district')
        last = next((p for p in reversed(in_para) if SPECIFIC.get(p.place.precision, 9) <= SPECIFIC["admin1"]),
                    in_para[-1] if in_para else None)
        if last is not None and agrees(last):
            return self._loc(last.place, "paragraph")
        for p, how in ((line_place, "dateline"), (focus, "article_focus")):
            if agrees(p):
                f = p.place
                precision = COARSER.get(f.precision, f.precision) if f.precision == "city" else f.precision
                return dataclasses.replace(self._loc(f, how), precision=precision, start=None, end=None)
        if country is not None:
            same = next((p for p in places if p.place.country == country and p.place.precision == "country"), None)
            if same is not None:
                return self._loc(same.place, "country")
            return LocationRef(text=None, name=None, country=country, admin1=None, lat=None, lon=None, geonameid=None,
                               precision="country", start=None, end=None, method="country")
        return None

    def _refine(self, loc: LocationRef | None, places: list[ResolvedPlace], reported: list[ResolvedPlace],
                at: int, sent: tuple[int, int], para: tuple[int, int]) -> LocationRef | None:
        """An incident placed only in a country or a province ('clashes in Myanmar's Sagaing region')
        whose article names places inside it ('Malae Thar village'): the place inside named in its
        own sentence ('In Magway region, troops looted villages outside the town of Yesagyo'), else
        in its paragraph, else the one the article names most, nearest the trigger on ties; never
        where something was said ('the ministry said in Niamey')."""
        if loc is None or loc.precision not in ("country", "admin1", "region") or not loc.country or \
                "relative" in (loc.method or ""):
            return loc  # 'the north of Mali' is an area on purpose
        inside = [p for p in places if p.place.country == loc.country and SPECIFIC.get(p.place.precision, 9) <
                  SPECIFIC.get(loc.precision, 9) and (loc.precision != "admin1" or p.place.admin1 == loc.admin1)
                  and p not in reported]
        if not inside:
            return loc
        n = Counter(p.place.name for p in inside)

        def scope(p: ResolvedPlace) -> int:
            return 0 if sent[0] <= p.place.start < sent[1] else 1 if para[0] <= p.place.start < para[1] else 2
        best = min(inside, key=lambda p: (scope(p), -n[p.place.name], SPECIFIC.get(p.place.precision, 9),
                                          abs(p.place.start - at)))
        return self._loc(best.place, f"{loc.method}+refined")

    def _seat(self, loc: LocationRef | None) -> LocationRef | None:
        """An incident known only to a first-level area is put at the area's seat, as ACLED codes it
        ('a school in Kaduna state': Kaduna; `+seat`); the place mention keeps the area's centre."""
        if self.gaz is None or loc is None or loc.precision != "admin1" or not loc.admin1 or loc.lat is None or \
                "relative" in (loc.method or ""):
            return loc
        seat = self.gaz.seat(loc.admin1, loc.name or loc.text or "")
        if seat is None:
            return loc
        method = str(loc.method)
        method = method[:-len("+refined")] + "+seat+refined" if method.endswith("+refined") else method + "+seat"
        return dataclasses.replace(loc, lat=round(seat.lat, 5), lon=round(seat.lon, 5), method=method)

    def _said_at(self, t: Token) -> bool:
        """'said in Niamey', 'told reporters in Hasakah': the place of a statement."""
        x = t
        for _ in range(3):
            if x.dep_ == "pobj" and x.head.dep_ == "prep":
                v = x.head.head
                return v.lemma_ in self.reporting or (v.dep_ == "dobj" and v.head.lemma_ in self.reporting)
            if x.head.i == x.i:
                return False
            x = x.head
        return False

    @staticmethod
    def _how(doc: Doc, p: ResolvedPlace) -> str:
        rule = p.place.method or ""
        if "relative:" in rule:
            return ":relative:" + rule.split("relative:", 1)[1].split("+")[0]
        s = p.tokens[0]
        if s > 0 and doc[s - 1].lower_ in ("near", "outside", "around"):
            return ":" + doc[s - 1].lower_
        return ""

    @staticmethod
    def _loc(p: Place, method: str) -> LocationRef:
        return LocationRef(text=p.text, name=p.name, country=p.country, admin1=p.admin1, lat=p.lat, lon=p.lon,
                           geonameid=p.geonameid, precision=p.precision, start=p.start, end=p.end, method=method)

    def _when(self, t: Token, clause: set[int], sent, para: int, paras: list[int], dates: list[ResolvedDate],
              published: str | None, carry: bool) -> DateRef | None:
        usable = [d for d in dates if d.tokens]
        anchored = [d for d in usable if d.date.method == "anchored" and d.tokens[0] <= t.i < d.tokens[1]]
        if anchored:
            return self._date(anchored[0], "anchored")
        plain = [d for d in usable if d.date.method != "anchored"]
        in_clause = [d for d in plain if d.tokens[0] in clause and not _as_of(t.doc, d)]
        if in_clause:
            return self._date(min(in_clause, key=lambda d: abs(d.tokens[0] - t.i)), "clause")
        in_sent = [d for d in plain if sent.start <= d.tokens[0] < sent.end]
        if in_sent:
            return self._date(min(in_sent, key=lambda d: abs(d.tokens[0] - t.i)), "sentence")
        before = [d for d in plain if carry and d.tokens[0] < sent.start and d.date.precision == "day"
                  and bisect.bisect_right(paras, d.date.offset_start) == para]
        if before:
            return self._date(before[-1], "paragraph")
        if published:
            return DateRef(text=None, start=published, end=published, precision=FALLBACK_PRECISION,
                           method="publication_date")
        return None

    @staticmethod
    def _date(d: ResolvedDate, how: str) -> DateRef:
        m = d.date
        return DateRef(text=m.text, start=m.start, end=m.end, precision=m.precision, method=f"{m.method}:{how}")


def _as_of(doc: Doc, d: ResolvedDate) -> bool:
    """A date a count or a state is given at ('22 bodies had been recovered by Sunday', 'as of
    Monday', 'until Friday'): when it was said to hold, not when the event happened."""
    i = d.tokens[0]
    before = tokens_of(doc)[i - 1] if i > 0 else None
    return before is not None and (before.lower_ in ("by", "until", "till") or (
        before.lower_ == "of" and i > 1 and tokens_of(doc)[i - 2].lower_ == "as"))


def _locates(p: ResolvedPlace) -> bool:
    """A place named to locate another, as a landmark ('135 km southeast of Maiduguri', 'south of
    Culiacán') or as the area written after it ('near Oicha, in Beni territory'), yields to the
    place it locates when both are in the clause; 'northern Mali' is an area, no landmark."""
    method = p.place.method or ""
    return bool(LANDMARK.search(method)) or "+contains" in method


@Language.factory(ContextStage.name, requires=requires(ContextStage.reads), assigns=assigns(ContextStage.writes),
                  default_config={"gazetteer": None})
def make_context(nlp: Language, name: str, gazetteer: str | None) -> ContextStage:
    from ..geo import default_gazetteer
    from ..lexicons.actors import default_dictionary

    return ContextStage(default_gazetteer(gazetteer), missions(default_dictionary()))
