"""Tolls: every phrase pattern, hedges as ranges, who was counted, and numbers that are not tolls."""

import pytest

from conftest import events_of
from tacitus.stages.counts import CountsStage, parse_quantity

C = CountsStage()


@pytest.mark.parametrize("text,expected", [
    ("22", (22, 22, 22)), ("two dozen", (24, 24, None)), ("dozens", (12, 12, None)),
    ("a few hundred", (300, 300, None)), ("at least 12", (12, 12, None)), ("more than 30", (30, 30, None)),
    ("up to 50", (None, 50, 50)), ("between 10 and 15", (10, 12, 15)), ("a family of five", (5, 5, 5)),
    ("twenty-two", (22, 22, 22)), ("1,200", (1200, 1200, 1200)), ("about 40", (None, 40, None)),
])
def test_quantities(text, expected):
    assert parse_quantity(text, C.vague, C.hedges)[:3] == expected


def counts(art, kind):
    return [c for c in art.counts if c.kind == kind]


def test_kinds_and_victims(extract):
    art = extract("Gunmen killed 12 villagers and wounded 30 others in Zamfara state on Sunday. Police arrested "
                  "five suspects, and 40 people were abducted. About 3,000 residents were displaced, and two "
                  "children are missing.", published="2024-03-05")
    assert [c.best for c in counts(art, "killed")] == [12]
    assert counts(art, "killed")[0].who == "villagers" or "Civilians" in counts(art, "killed")[0].who
    assert [c.best for c in counts(art, "injured")] == [30]
    assert [c.best for c in counts(art, "arrested")] == [5]
    assert [c.best for c in counts(art, "kidnapped")] == [40]
    assert [c.best for c in counts(art, "displaced")] == [3000]
    assert [c.best for c in counts(art, "missing")] == [2]
    for c in art.counts:
        assert art.text[c.start:c.end] == c.text


def test_hedges_kept(extract):
    art = extract("At least 12 soldiers were killed and up to 50 were injured, officials said.")
    k = counts(art, "killed")[0]
    assert (k.low, k.best, k.high, k.hedge) == (12, 12, None, "at least")
    i = counts(art, "injured")[0]
    assert (i.low, i.best, i.high) == (None, 50, 50)


def test_vague_and_family(extract):
    art = extract("Dozens of civilians were killed in the shelling. A family of five died when their house "
                  "collapsed.")
    assert [c.best for c in counts(art, "killed")] == [12, 5]


def test_left_dead_and_toll(extract):
    art = extract("The blast left 14 dead. The death toll later rose to 20, the ministry said.")
    assert {c.best for c in counts(art, "killed")} == {14, 20}


def test_singular_victims(extract):
    art = extract("A soldier and a local chief were killed in a Boko Haram attack in Madagali.")
    assert counts(art, "killed")[0].best == 2


def test_numbers_that_are_not_tolls(extract):
    art = extract("Raqqa, which had a pre-war population of more than 200,000, was captured in 2017. The 24-year-old "
                  "commander of Brigade 55 said the town lies 30 km from the border, where 3,000 votes were cast.")
    assert art.counts == ()


def test_event_gets_the_toll_once_and_ranges_when_reports_differ(extract):
    art = extract("Israeli air strikes killed 20 people in Gaza on Monday, medics said. The strikes killed 20 "
                  "people, the health ministry said.")
    ev = events_of(art, "19")[0]
    assert (ev.fatalities.best, ev.fatalities.note) == (20, None)
    art = extract("Israeli air strikes killed 20 people in Gaza on Monday. Medics later said 25 people were killed "
                  "in the strikes.")
    ev = events_of(art, "19")[0]
    assert (ev.fatalities.low, ev.fatalities.best, ev.fatalities.high) == (20, 25, 25)
    assert ev.fatalities.note


def test_toll_attaches_to_the_battle_it_belongs_to(extract):
    art = extract("Kurdish fighters seized the hospital from Islamic State militants on Tuesday. A spokesman said "
                  "22 ISIS fighters were killed in that battle.", published="2017-10-17")
    ev = [e for e in events_of(art, "19") if e.fatalities]
    assert ev and ev[0].fatalities.best == 22 and ev[0].fatalities.who == "Islamic State"
