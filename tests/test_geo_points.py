"""Reference points and area spellings of the packaged gazetteer (built once into the cache)."""

from tacitus.geo import default_gazetteer
from tacitus.geo.distance import km


def test_large_areas_have_a_central_reference_point():
    gaz = default_gazetteer()
    qld = next(c for c in gaz.lookup("Queensland") if c.kind == "admin1")
    assert km(qld.lat, qld.lon, -23.0, 143.0) < 50  # not the middle of its coastal cities
    mmr = gaz.country("MMR")
    assert km(mmr.lat, mmr.lon, 22.0, 96.0) < 50


def test_first_level_areas_by_their_local_names():
    gaz = default_gazetteer()
    assert any(c.admin1 == "BR-DF" for c in gaz.lookup("Distrito Federal"))
    assert any(c.admin1 == "CL-RM" for c in gaz.lookup("Metropolitana"))
    assert any(c.admin1 == "CM-EN" for c in gaz.lookup("Extreme-Nord"))
    magway = [c for c in gaz.lookup("Magway") if c.kind == "admin1"]
    assert [c.admin1 for c in magway] == ["MM-03"]


def test_cities_carry_iso_codes_where_the_area_is_known():
    gaz = default_gazetteer()
    kyiv = next(c for c in gaz.lookup("Kyiv") if c.kind == "city")
    assert kyiv.admin1 == "UA-30"
