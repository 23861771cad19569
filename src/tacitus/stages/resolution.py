"""Toponym resolution as a whole-document problem (used by the geocode stage; no spaCy here, so
the rules are tested on hand-built mentions).

A candidate's score adds what it is (kind, population, the kind the text asks for), what the text
says around it (countries named in its sentence, paragraph or article; an area written next to it
that holds it, 'Kidal, Mali'; a place it holds, 'Atlanta, Georgia') and how it fits the article's
other places (near them, in the same area or country). Scores are recomputed with the other
mentions' current choices until nothing changes (three rounds at most). The same name keeps one
reading across the article unless the text ties a mention to another area. The kept score is the
chosen candidate's share of exp(score) over the candidates: a calibrated 'how sure'."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..frozen import frozen
from ..geo.distance import km
from ..geo.gazetteer import Candidate
from ..geo.normalize import key

KIND_PRIOR = {"country": 3.0, "continent": 2.0, "region": 2.0, "admin1": 1.5, "city": 0.8, "admin2": 0.3,
              "locality": 0.0}
COUNTRY_BONUS = {"sentence": 3.0, "paragraph": 2.5, "article": 2.0}
CONTAINED, CONTAINS, NEAR, SAME_AREA, SAME_COUNTRY, HINT_ADMIN, HINT_CITY = 4.0, 3.0, 1.5, 1.0, 0.75, 3.0, 2.0
NAMESAKE = 2.0
OWN_EVIDENCE = frozenset({"containment", "contains", "country_sentence", "nearby"})
RANK = {"continent": 6, "region": 5, "country": 4, "admin1": 3, "admin2": 2, "city": 1, "locality": 1}
NEAR_KM = 100.0
POINTS = ("city", "locality", "admin2")
JUDGED = ("country", "admin1") + POINTS  # the areas `holds` can judge ('in central Africa' it cannot)
CONTEXT_STEPS = frozenset({"containment", "contains", "country_sentence", "country_paragraph", "country_article",
                           "nearby", "same_area", "same_country"})


@dataclass
class Mention:
    text: str
    hint: str                      # any | admin1 | admin2 | city
    rule: str
    how: str                       # exact | alternate | fuzzy | abbreviation
    candidates: list[Candidate]
    sentence_countries: set[str] = field(default_factory=set)
    paragraph_countries: set[str] = field(default_factory=set)
    article_countries: set[str] = field(default_factory=set)
    dateline: bool = False
    container: int | None = None   # index of the mention that names the area holding this one
    more: list[Candidate] = field(default_factory=list)  # the namesakes left out of `candidates`
    bracketed: bool = False        # the area is written in brackets after it: 'Marabo (Irumu, Ituri)'
    stated: bool = False           # the text says the area holds it ('X in Y', "Y's X"), not a list 'X, Y'
    placed: bool = False           # the words before it put it as a place ('in X', 'near X', 'the village of X')


def holds(area: Candidate, c: Candidate) -> bool:
    """Whether `area` is (or is close around) where `c` lies."""
    if area is c or not area.country or area.country != c.country:
        return False
    if area.kind == "country":
        return c.kind != "country"
    if area.kind == "admin1":
        return c.kind not in ("country", "admin1") and ((c.admin1 is not None and c.admin1 == area.admin1) or (
            not (iso_code(c.admin1) and iso_code(area.admin1)) and km(area.lat, area.lon, c.lat, c.lon) < 300))
    if area.kind in POINTS:
        return c.kind in POINTS and km(area.lat, area.lon, c.lat, c.lon) < NEAR_KM
    return False


def iso_code(code: str | None) -> bool:
    """An ISO 3166-2 code ('UA-14'); the data give some places none, or GeoNames' own ('UA.12'),
    which no ISO code equals: such areas are judged by distance."""
    return code is not None and "-" in code


def namesake_areas(m: Mention) -> set[int]:
    """Provinces named like a city inside them that holds a tenth of their people ('Raqqa',
    'Kirkuk', 'Tripoli', 'New York'): the name alone means the city, so the province loses ground
    to it (and only to it: the choice between countries is left to the text)."""
    if m.hint != "any":
        return set()
    cities = [c for c in m.candidates if c.kind == "city"]
    return {id(a) for a in m.candidates if a.kind == "admin1" and any(
        c.country == a.country and c.population >= 0.1 * a.population and (
            holds(a, c) or km(a.lat, a.lon, c.lat, c.lon) < NEAR_KM) for c in cities)}


def prior(c: Candidate, hint: str, namesake: set[int] = frozenset()) -> tuple[float, list[str]]:
    s = KIND_PRIOR.get(c.kind, 0.0) + 0.6 * math.log10(c.population + 10)
    steps = []
    if id(c) in namesake:
        s -= NAMESAKE
        steps.append("namesake_city_first")
    if c.how in ("name", "alias"):
        s += 0.5
    if hint in ("admin1", "admin2") and c.kind in ("admin1", "admin2"):
        s += HINT_ADMIN if c.kind == hint else HINT_ADMIN / 2  # 'Sagaing region': the region, not its district
        steps.append("kind_hint")
    elif hint == "city" and c.kind in ("city", "locality"):
        s += HINT_CITY
        steps.append("kind_hint")
    return s, steps


def _text_country(c: Candidate, m: Mention) -> tuple[float, str | None]:
    if c.kind in ("continent", "region") or not c.country:
        return 0.0, None
    for where, named in (("sentence", m.sentence_countries), ("paragraph", m.paragraph_countries),
                         ("article", m.article_countries)):
        if c.country in named:
            return COUNTRY_BONUS[where], f"country_{where}"
    return 0.0, None


@frozen
class Others:
    """What the article's other mentions (of other names) currently say, for one mention."""

    points: list[tuple[float, float, str, bool]]  # (lat, lon, name key, dateline) of chosen points
    areas: frozenset[str]                          # their first-level areas
    countries: frozenset[str]


def _others(ms: list[Mention], keys: list[str], chosen: list[Candidate | None]) -> dict[str, Others]:
    """For each name, the distinct choices of the mentions of every other name."""
    seen: dict[tuple[str, int], tuple[Candidate, bool]] = {}
    for j, o in enumerate(chosen):
        if o is not None:
            k = (keys[j], id(o))
            seen[k] = (o, seen.get(k, (o, False))[1] or ms[j].dateline)
    out: dict[str, Others] = {}
    for name in set(keys):
        rest = [(k, o, d) for (k, _), (o, d) in seen.items() if k != name]
        out[name] = Others([(o.lat, o.lon, k, d) for k, o, d in rest if o.kind in POINTS],
                           frozenset(o.admin1 for _, o, _ in rest if o.admin1),
                           frozenset(o.country for _, o, _ in rest if o.country))
    return out


def _score(i: int, c: Candidate, ms: list[Mention], chosen: list[Candidate | None], held_by: dict[int, list[int]],
           base: tuple[float, list[str]], others: Others) -> tuple[float, list[str]]:
    m = ms[i]
    s, steps = base[0], list(base[1])
    bonus, step = _text_country(c, m)
    if step:
        s += bonus
        steps.append(step)
    if m.container is not None:
        area = chosen[m.container]
        options = [area] if area is not None else ms[m.container].candidates[:5]
        if any(a is not None and holds(a, c) for a in options):
            s += CONTAINED
            steps.append("containment")
    inner = held_by.get(i, [])
    if inner and any(holds(c, x) for j in inner for x in ([chosen[j]] if chosen[j] else ms[j].candidates[:5])):
        s += CONTAINS
        steps.append("contains")
    if c.kind in POINTS and others.points:
        near = [(k, d) for lat, lon, k, d in others.points
                if abs(lat - c.lat) < 1.0 and km(lat, lon, c.lat, c.lon) < NEAR_KM]
        if near:  # the more of the article's places around it, the likelier ('Chatham' near Springfield)
            s += NEAR + 0.5 * (min(len({k for k, _ in near}), 4) - 1) + (0.5 if any(d for _, d in near) else 0.0)
            steps.append("nearby")
    if c.admin1 and c.kind != "admin1" and c.admin1 in others.areas:
        s += SAME_AREA
        steps.append("same_area")
    elif c.country and c.kind != "country" and not step and c.country in others.countries:
        s += SAME_COUNTRY
        steps.append("same_country")
    return s, steps


def resolve(ms: list[Mention], rounds: int = 3) -> list[tuple[Candidate | None, float, list[str]]]:
    """(chosen candidate or None when unresolved, its share of the weight, the steps that fired)
    for each mention."""
    held_by: dict[int, list[int]] = {}
    for i, m in enumerate(ms):
        if m.container is not None:
            held_by.setdefault(m.container, []).append(i)
            areas = ms[m.container].candidates[:5]
            inside = [x for x in m.more if any(holds(a, x) for a in areas)]
            if inside:  # a namesake left out for its size, but in the area the text names
                m.candidates = m.candidates + inside
                m.more = [x for x in m.more if x not in inside]
    bases = []
    for i, m in enumerate(ms):
        namesake = namesake_areas(m) if i not in held_by else set()  # 'X, Donetsk', 'X (San Juan)': the area
        bases.append([prior(c, m.hint, namesake) for c in m.candidates])
    chosen: list[Candidate | None] = [None] * len(ms)
    results: list[list[tuple[float, list[str]]]] = [[] for _ in ms]
    keys = [key(m.text) for m in ms]
    for _ in range(rounds):
        others = _others(ms, keys, chosen)
        results = [[_score(i, c, ms, chosen, held_by, b, others[keys[i]])
                    for c, b in zip(m.candidates, bases[i], strict=True)] for i, m in enumerate(ms)]
        new = _consensus(ms, results, keys)
        if new == chosen:
            break
        chosen = new
    out: list[tuple[Candidate | None, float, list[str]]] = []
    # a stated area that is itself too weak to put on the map ('Guatemala City, in Zona 12') rules nothing out
    steps_of = [results[i][m.candidates.index(c)][1] or ["population"] if c is not None else []
                for i, (m, c) in enumerate(zip(ms, chosen, strict=True))]
    # the countries of the other places that stand on their own ('Ndaba', weak itself, says nothing)
    others = _others(ms, keys, [c if c is not None and not weak(c, steps_of[i], ms[i], None) else None
                                for i, c in enumerate(chosen)])
    unsure = [c is None or weak(c, steps_of[i], m, others[keys[i]].countries)
              for i, (m, c) in enumerate(zip(ms, chosen, strict=True))]
    for i, m in enumerate(ms):
        c = chosen[i]
        if c is None:
            out.append((None, 0.0, []))
            continue
        k = m.candidates.index(c)
        best_s, steps = results[i][k]
        share = 1.0 / sum(math.exp(min(50.0, s - best_s)) for s, _ in results[i])
        steps = steps or ["population"]
        if not CONTEXT_STEPS.intersection(steps) and only_namesakes(c, m, others[keys[i]].countries) and (
                c.kind == "locality" or c.population < 1000 or m.hint == "admin2"):
            steps = steps + ["one_country"]
        area = chosen[m.container] if m.container is not None and not unsure[m.container] else None
        if unsure[i]:
            out.append((None, share, ["weak"]))
        elif area is not None and not holds(area, c) and (RANK[c.kind] < RANK[area.kind] or (
                m.stated and RANK[c.kind] <= RANK[area.kind] and area.kind in JUDGED) or (
                area.country != c.country and (m.bracketed or area.kind == c.kind == "admin1"))):
            # 'Paris, France' must be in France; 'Jones County, Texas' with no such county there stays unresolved
            inside = [k for k, x in enumerate(m.candidates) if holds(area, x)]
            extra = [x for x in m.more if holds(area, x)]
            if inside:
                k = max(inside, key=lambda k: results[i][k][0])
                out.append((m.candidates[k], share, results[i][k][1] + ["in_named_area"]))
            elif extra:
                out.append((max(extra, key=lambda x: x.population), share, ["in_named_area"]))
            else:
                out.append((None, share, ["not_in_named_area"]))
        else:
            out.append((c, share, steps))
    return _one_reading_fails(ms, keys, chosen, out)


def _one_reading_fails(ms: list[Mention], keys: list[str], chosen: list[Candidate | None],
                       out: list[tuple[Candidate | None, float, list[str]]]) -> list[tuple[Candidate | None, float,
                                                                                                list[str]]]:
    """An unranked reading that the area stated for one mention rules out ("Nairobi's Kilimani
    area", none of whose namesakes is near Nairobi) is no reading for the name's other mentions
    either ('the Kilimani police station')."""
    failed = {(keys[i], id(chosen[i])) for i, (c, _, steps) in enumerate(out)
              if c is None and chosen[i] is not None and chosen[i].kind == "locality" and ms[i].stated
              and "not_in_named_area" in steps}
    if not failed:
        return out
    return [(None, share, ["not_in_named_area"]) if c is not None and ms[i].container is None and
            (keys[i], id(c)) in failed else (c, share, steps) for i, (c, share, steps) in enumerate(out)]


def weak(c: Candidate, steps: list[str], m: Mention | None = None, around: frozenset[str] | None = frozenset()) -> bool:
    """A small place or an unranked locality that nothing in the text points at; or any reading,
    however large, of a district ('the Gombe district') or of the place a facility is named after
    ('Madina hospital') that nothing in the text points at: such names are local. A village or
    district the text puts as a place ('near X', 'the village of X', 'X district') whose every
    namesake lies in one country is no guess, unless the article names or puts its other places
    (`around`) in other countries."""
    if CONTEXT_STEPS.intersection(steps):
        return False
    if m is not None and around is not None and only_namesakes(c, m, around):
        return False
    local = m is not None and (m.hint == "admin2" or "+facility" in m.rule)
    return local or c.kind == "locality" or (c.kind in ("city", "admin2") and c.population < 1000)


def only_namesakes(c: Candidate, m: Mention, around: frozenset[str]) -> bool:
    """The text says X is a place, its namesakes (its ranked ones, if it has any) all lie in c's
    country, and the article names no
    other country (one it names would have put a country step on c) nor puts its other places in
    another ('Songho, a village of Bandiagara circle (Mopti)' is in Mali, whatever the gazetteer has)."""
    if not (m.placed or m.hint in ("city", "admin2")) or "+facility" in m.rule or m.article_countries or \
            c.kind not in POINTS or not around <= {c.country}:
        return False
    namesakes = m.candidates + m.more
    ranked = [x for x in namesakes if x.kind != "locality"]  # unranked namesakes abroad do not count against it
    return all(x.country == c.country for x in ranked or namesakes)


def _consensus(ms: list[Mention], results: list[list[tuple[float, list[str]]]],
               keys: list[str] | None = None) -> list[Candidate | None]:
    """Each mention's best candidate; then, among mentions of one name, a mention the text ties to
    nothing of its own (no area written after it, no country of its reading named in its sentence)
    takes the reading of the last tied mention before it ('The government in Tripoli' after
    'Tripoli, Libya'), else of the next one, else the reading with the highest total score."""
    out: list[Candidate | None] = []
    for m, r in zip(ms, results, strict=True):
        out.append(m.candidates[max(range(len(r)), key=lambda k: r[k][0])] if r else None)
    keys = keys if keys is not None else [key(m.text) for m in ms]  # the names' keys, made once by resolve
    groups: dict[str, list[int]] = {}
    for i, m in enumerate(ms):
        if m.candidates:
            groups.setdefault(keys[i], []).append(i)
    for idx in groups.values():
        if len(idx) < 2:
            continue
        tied = [i for i in idx if out[i] is not None and (ms[i].container is not None or
                                                           out[i].country in ms[i].sentence_countries)]
        loose = [i for i in idx if i not in tied]
        if not loose:
            continue
        best = None
        cands = ms[idx[0]].candidates
        if not tied and all(ms[i].candidates == cands for i in idx):
            total = [sum(results[i][k][0] for i in idx) for k in range(len(cands))]
            best = cands[max(range(len(cands)), key=total.__getitem__)]
        for i in loose:
            before = [j for j in tied if j < i]
            after = [j for j in tied if j > i]
            reading = out[before[-1]] if before else out[after[0]] if after else best
            if reading is None or reading not in ms[i].candidates:
                continue
            k = ms[i].candidates.index(out[i]) if out[i] is not None else None
            own = OWN_EVIDENCE.intersection(results[i][k][1]) if k is not None else set()
            same_area = out[i] is not None and out[i].admin1 and out[i].admin1 == reading.admin1
            if own and not same_area:
                continue  # its own neighbours say which ('shelters in Springfield and Decatur'); the
                # town and its own district are one place ('Gwoza')
            out[i] = reading
    return out
