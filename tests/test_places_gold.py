"""The articles written for issue #14 (tests/data/places14, gold in tests/gold/places-gold.jsonl):
local US news, same-name places in several countries, people named like places, datelines that
are not the event's place, historical dates."""

import json
import math
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parent / "gold" / "places-gold.jsonl"
PEOPLE = ("Jones", "Sterling", "Theresa May", "Moussa Ag Ahmed", "Ag Ahmed")


def km(a, b, c, d):
    p1, p2, dl = math.radians(a), math.radians(c), math.radians(d - b)
    x = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(x))


@pytest.fixture(scope="module")
def articles(pipe):
    docs = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    return [(d, pipe.extract(d["text"], published=d["published"], title=d["title"])) for d in docs]


def test_no_person_is_geocoded(articles):
    for d, art in articles:
        for name in PEOPLE:
            at = [i for i in range(len(d["text"])) if d["text"].startswith(name, i)]
            for p in art.places:
                assert not any(p.start <= i < p.end for i in at), (name, p)


def test_places_are_found_and_put_on_the_map(articles):
    found = near = total = 0
    for d, art in articles:
        for g in d["gold"]["places"]:
            total += 1
            hit = [p for p in art.places if p.start < g["end"] and g["start"] < p.end]
            if hit:
                found += 1
                near += hit[0].lat is not None and km(g["lat"], g["lon"], hit[0].lat, hit[0].lon) <= 161
    assert found / total >= 0.9 and near / found >= 0.95, (found, near, total)


def test_no_dateline_overrides_a_named_place(articles):
    for d, art in articles:
        line_end = d["text"].index("—")
        for e in art.events:
            loc = e.location
            if loc is None or loc.start is None or loc.start > line_end:
                continue
            named = [p for p in art.places if e.evidence.start <= p.start < e.evidence.end and p.lat is not None]
            assert not named, (e.trigger.text, loc, named)


def test_historical_incidents_keep_their_own_dates(articles):
    by_id = {d["id"]: art for d, art in articles}
    seized = [e for e in by_id["places14:sahel-attacks"].events if e.date and e.date.start == "2012"]
    ghouta = [e for e in by_id["places14:syria-offensive"].events if e.date and e.date.start == "2013-08"]
    assert seized and ghouta
