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
