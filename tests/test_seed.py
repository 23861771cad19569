"""The first user document (shared/seed): the required events E1-E3 with their actors and types,
and none of the must_not errors that concern actors or types."""

import json

import pytest

from conftest import SHARED, run_cli

SEED = SHARED / "seed" / "raqqa-2017-10-17.txt"
pytestmark = pytest.mark.skipif(not SEED.exists(), reason="shared/seed not present")

SDF = {"Syrian Democratic Forces"}
ISIS = {"Islamic State"}


@pytest.fixture(scope="module")
def seed():
    code, recs, err = run_cli("extract", str(SEED), "--published", "2017-10-17", "-q", "-j", "1")
    assert code == 0, err
    return recs[0]


def names(ev):
    return {(ev["actor1"] or {}).get("name"), (ev["actor2"] or {}).get("name")}


def find(rec, **want):
    out = []
    for ev in rec["events"]:
        if all(ev["type"].get(k) == v for k, v in want.items()):
            out.append(ev)
    return out


def test_e1_capture_of_raqqa(seed):
    evs = [e for e in find(seed, cameo="192", plover="COERCE", acled="Battles",
                           acled_sub="Non-state actor overtakes territory")
           if e["actor1"] and e["actor1"]["name"] in SDF and e["actor2"] and e["actor2"]["name"] in ISIS]
    assert evs, json.dumps(seed["events"], indent=1)[:3000]


def test_e2_battle_with_isis(seed):
    evs = [e for e in find(seed, cameo_root="19", plover="ASSAULT", acled="Battles", acled_sub="Armed clash")
           if names(e) >= SDF | ISIS]
    assert evs


def test_e3_deal_with_tribal_elders(seed):
    evs = [e for e in find(seed, plover="AGREE", acled="Strategic developments", acled_sub="Agreement")
           if any("tribal elders" in ((e[k] or {}).get("text") or "") for k in ("actor1", "actor2"))]
    assert evs


def test_must_not(seed):
    for actor in seed["actors"]:
        if actor["name"] in ("Sello", "Raqqa"):
            assert actor["kind"] not in ("organization",), actor
    for ev in seed["events"]:
        for k in ("actor1", "actor2"):
            a = ev[k] or {}
            assert a.get("text") not in ("Sello", "Raqqa") or a.get("kind") != "organization"
            assert a.get("name") not in ("AFP", "Reuters"), ev


def _km(a, b, c, d):
    import math
    p1, p2 = math.radians(a), math.radians(c)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


RAQQA = (35.95283, 39.00788)


def test_required_places(seed):
    by_text = {}
    for p in seed["places"]:
        by_text.setdefault(p["text"], p)
    assert _km(by_text["Raqqa"]["lat"], by_text["Raqqa"]["lon"], *RAQQA) <= 25
    assert _km(by_text["Mosul"]["lat"], by_text["Mosul"]["lon"], 36.335, 43.11889) <= 25
    assert (by_text["Syria"]["country"], by_text["Syria"]["precision"]) == ("SYR", "country")
    assert (by_text["Iraq"]["country"], by_text["Iraq"]["precision"]) == ("IRQ", "country")
    dz = by_text["Deir Ezzor"]
    assert (dz["admin1"], dz["precision"]) == ("SY-DY", "admin1") and _km(dz["lat"], dz["lon"], 35.1, 40.4) <= 150
    an = by_text["Anbar"]
    assert (an["admin1"], an["precision"]) == ("IQ-AN", "admin1") and _km(an["lat"], an["lon"], 33.6, 42.9) <= 150


def test_required_dates(seed):
    got = {(d["text"], d["start"], d["precision"]) for d in seed["dates"]}
    assert ("Tuesday", "2017-10-17", "day") in got
    assert ("Sunday", "2017-10-15", "day") in got
    assert ("June", "2017-06", "month") in got


def test_e1_to_e3_placed_in_raqqa_and_dated(seed):
    def ok(ev, day):
        loc = ev["location"] or {}
        return (ev["date"] or {}).get("start") == day and loc.get("lat") is not None and \
            _km(loc["lat"], loc["lon"], *RAQQA) <= 25
    e1 = [e for e in find(seed, cameo="192") if e["actor1"] and e["actor1"]["name"] in SDF]
    assert any(ok(e, "2017-10-17") for e in e1)
    e2 = [e for e in find(seed, cameo_root="19", acled_sub="Armed clash") if names(e) >= SDF | ISIS]
    assert any(ok(e, "2017-10-17") for e in e2)
    e3 = [e for e in find(seed, plover="AGREE") if any("tribal elders" in ((e[k] or {}).get("text") or "")
                                                       for k in ("actor1", "actor2"))]
    assert any(ok(e, "2017-10-15") for e in e3)


def test_no_event_placed_in_europe_on_the_day(seed):
    for ev in seed["events"]:
        loc = ev["location"] or {}
        assert not (loc.get("name") == "Europe" and (ev["date"] or {}).get("start") == "2017-10-17"), ev
