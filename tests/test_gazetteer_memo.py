"""The gazetteer's speed-ups change no answer: the length-sliced fuzzy match gives what
process.extract over a country's whole name list gives, and memoised lookups still hand each caller
candidates of its own (resolution tells candidates apart by identity)."""

import random

from rapidfuzz import fuzz, process

from tacitus.geo import Gazetteer
from tacitus.geo.build import Writer
from tacitus.geo.gazetteer import _Names


def _variant(rng: random.Random, base: str) -> str:
    s = list(base)
    for _ in range(rng.randint(0, 5)):
        i = rng.randrange(len(s) + 1)
        if rng.random() < 0.5:
            s.insert(i, rng.choice("abcd "))
        elif i < len(s):
            del s[i]
    return "".join(s) or "a"


def test_sliced_fuzzy_match_is_the_whole_list_match():
    rng = random.Random(11)
    for _ in range(400):
        query = "".join(rng.choice("abc") for _ in range(rng.randint(4, 14)))
        names = [_variant(rng, query) for _ in range(60)] + [query]  # ties and lengths at the bounds
        rng.shuffle(names)
        index = _Names.of(names)
        for cutoff in (50, 75, 80, 88, 95, 100):
            whole = [m for m, _, _ in process.extract(query, names, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3)]
            assert Gazetteer._closest(query, index, cutoff, 3) == whole, (query, cutoff)


def test_memoised_lookup_gives_fresh_candidates(tmp_path):
    w = Writer()
    w.add(1, "Springfield", "USA", "US-IL", 39.8, -89.64, "city", 116000, [("Springfld", "alt")])
    w.add(2, "Springfield", "USA", "US-MO", 37.2, -93.29, "city", 169000, [])
    path = tmp_path / "g.sqlite"
    w.write(path, {"source": "test"})
    g = Gazetteer(path)
    first = g.lookup("Springfield")
    first.pop()
    again = g.lookup("Springfield")
    assert len(again) == 2 and again[0] == first[0] and again[0] is not first[0]
    assert g.fuzzy("Springfeild", ["USA"]) and g.lookup("springfld")[0].how == "alt"


def test_stored_country_keys_are_what_the_query_gives(tmp_path):
    """The builder's country_keys rows hold each country's keys in the query's order, and a file
    built without that table (an earlier build) answers the same by the query."""
    import sqlite3

    from tacitus.geo import country_keys

    w = Writer()
    w.add(1, "Springfield", "USA", "US-IL", 39.8, -89.64, "city", 116000, [("Springfld", "alt")])
    w.add(2, "Shelbyville", "USA", "US-IL", 39.4, -88.8, "city", 4700, [("Shelby Ville", "alt")])
    w.add(3, "Hamlet", "USA", "US-IL", 39.5, -88.9, "locality", 0, [])  # no locality is fuzzy-matched
    w.add(4, "Lyon", "FRA", "FR-ARA", 45.76, 4.84, "city", 513000, [])
    path = tmp_path / "g.sqlite"
    w.write(path, {"source": "test"})
    con = sqlite3.connect(path)
    for cc in ("USA", "FRA", "DEU"):
        queried = [k for (k,) in con.execute(country_keys.QUERY, (cc,))]
        assert country_keys.read(con, cc) == queried
    assert country_keys.read(con, "USA") == ["springfield", "springfld", "shelbyville", "shelby ville"]
    assert country_keys.read(con, "DEU") == []
    con.execute("DROP TABLE country_keys")
    assert country_keys.read(con, "USA") == ["springfield", "springfld", "shelbyville", "shelby ville"]
    assert Gazetteer(path).fuzzy("Springfeild", ["USA"])
