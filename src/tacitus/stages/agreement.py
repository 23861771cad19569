"""Whether a mention can be the same happening as an incident: its kind of happening, its named
parties, its place and its date agree with the incident's (a place or date the clause does not
state never contradicts)."""

from __future__ import annotations

from ..geo.distance import km
from ..nlp.layer_types import ActorKey, EventContext
from .incident_mentions import FALLBACKS, Group, Mention

# classes of happening that can be one incident (a demonstration the police break up with force)
FAMILIES = ({"violence", "abduction", "sexual", "territory", "looting", "coercion"},
            {"demonstration", "riot", "coercion", "arrest", "violence", "looting"})
NEAR_KM = 30.0


def family(a: set[str], b: set[str]) -> bool:
    """Both hold a class of one family (asked for every mention and incident: no sets are made)."""
    return any(not a.isdisjoint(f) and not b.isdisjoint(f) for f in FAMILIES)


def named(m: Mention, roles: tuple[str, ...] = ("a1", "a2")) -> set[str]:
    """The specific parties a mention names (groups, people, countries): generic ones ('soldiers',
    'a woman') never contradict an incident."""
    out = set()
    for r in (getattr(m.draft, k) for k in roles):
        if r is not None and (ActorKey.parse(r.key).named or ActorKey.parse(r.key).kind == "country"):
            out.add(r.key)
    return out


def weak_place(loc) -> bool:
    """A place the clause does not state: the article's, the dateline's, carried from the paragraph,
    or a country refined to the town the article names most."""
    method = str(loc.method or "") if loc is not None else ""
    return loc is None or loc.lat is None or method.startswith(FALLBACKS + ("paragraph",)) or \
        (method.startswith("sentence") and method.endswith("+refined"))


def weak_date(date) -> bool:
    method = str(date.method or "") if date is not None else ""
    return date is None or method.startswith(FALLBACKS) or method.endswith(":paragraph")


def place_ok(a: EventContext, b: EventContext) -> bool:
    la, lb = a.location, b.location
    if weak_place(la) or weak_place(lb):
        return True
    if la.geonameid is not None and la.geonameid == lb.geonameid:
        return True
    areas = [x for x in (la, lb) if x.precision in ("admin1", "admin2")]
    if areas and la.admin1 and la.admin1 == lb.admin1:
        return True  # 'Djibo' and 'Soum province': the area holds the town
    if la.precision in ("country", "region", "continent") or lb.precision in ("country", "region", "continent"):
        return la.country == lb.country or not la.country or not lb.country
    return km(la.lat, la.lon, lb.lat, lb.lon) <= NEAR_KM


def date_ok(a: EventContext, b: EventContext) -> bool:
    da, db = a.date, b.date
    if weak_date(da) or weak_date(db):
        return True
    n = min(len(da.start or ""), len(db.start or ""))
    return (da.start or "")[:n] == (db.start or "")[:n]


def contradicts(m: Mention, g: Group) -> bool:
    """Named parties that differ from the incident's."""
    mine, theirs = named(m), set().union(*(named(x) for x, _ in g.members))
    return bool(mine and theirs and not mine & theirs)


def fits(m: Mention, g: Group, dates: bool = True, victims: bool = True) -> bool:
    """No named actor (in the same role: a party the incident lacks may fill it), place or date of
    the mention contradicts the incident's (not its date when
    dates=False; not the people a toll counts when victims=False: 'three HTS fighters were killed'
    by a Russian strike)."""
    if not family({m.cls}, g.classes):
        return False
    if not victims:
        return all(place_ok(m.where, x.where) and (not dates or date_ok(m.where, x.where)) for x, _ in g.members)
    m1, g1 = named(m, ("a1",)), set().union(*(named(x, ("a1",)) for x, _ in g.members))
    m2, g2 = named(m, ("a2",)), set().union(*(named(x, ("a2",)) for x, _ in g.members))
    swap = m.cls == "violence"  # in a clash the sides may swap
    if m1 and g1 and not m1 & g1 and not (swap and m1 & g2):
        return False  # 'captured by IS' is not 'captured by the SDF'
    if m2 and g2 and not m2 & g2 and not (swap and m2 & g1):
        return False  # 'attacked the SDF' is not 'attacked the army'
    return all(place_ok(m.where, x.where) and (not dates or date_ok(m.where, x.where)) for x, _ in g.members)


def own_time(g: Group, m: Mention) -> bool:
    """The incident is current news (not a background one with a date before the mention's). The
    toll's sentence date is the report's ('the commission said on Tuesday that 31 had been killed')."""
    if m.where.date is not None and str(m.where.date.method or "").endswith(":sentence"):
        return not any(_background(x.where.date, m.where.date) for x, _ in g.members)
    return all(date_ok(m.where, x.where) for x, _ in g.members)


def _background(date, report) -> bool:
    """A date of its own, in a period that ended before the month of the report."""
    if weak_date(date) or not date.start or not report.start:
        return False
    return (date.end or date.start)[:7] < report.start[:7]


def same_place_and_day(m: Mention, g: Group) -> bool:
    """The mention and the incident both say where (the same place) and neither says a different day."""
    loc = m.where.location
    if loc is None or loc.lat is None or str(loc.method or "").startswith(FALLBACKS) or loc.precision != "city":
        return False
    for x, _ in g.members:
        other = x.where.location
        if other is not None and other.lat is not None and not str(other.method or "").startswith(FALLBACKS) \
                and place_ok(m.where, x.where) and date_ok(m.where, x.where):
            return True
    return False
