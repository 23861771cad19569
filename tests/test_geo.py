"""The gazetteer: interface, lookups, the packaged build's key facts, and the GeoNames dump builder
(tested on a tiny dump written here)."""

import subprocess
import sys

import pytest

from tacitus.geo import Gazetteer
from tacitus.geo.build import Writer, build_from_dump
from tacitus.geo.normalize import key


def test_key_normalisation():
    assert key("Deir ez-Zor") == "deir ez zor"
    assert key("Al Anbār") == "anbar"
    assert key("Ar-Raqqah") == "raqqah"
    assert key("Anbar province", strip_admin=True) == "anbar"
    assert key("Province of Bulacan", strip_admin=True) == "bulacan"


@pytest.fixture()
def tiny(tmp_path):
    w = Writer()
    w.add(1, "Springfield", "USA", "US-IL", 39.8, -89.64, "city", 116000, [("Springfld", "alt")])
    w.add(2, "Springfield", "USA", "US-MO", 37.2, -93.29, "city", 169000, [])
    w.add(3, "Illinois", "USA", "US-IL", 40.0, -89.0, "admin1", 12800000, [("IL State", "alias")])
    w.add(4, "Testland", "TST", None, 10.0, 10.0, "country", 1000000, [])
    path = tmp_path / "g.sqlite"
    w.write(path, {"source": "test"})
    return Gazetteer(path)


def test_lookup_and_fuzzy(tiny):
    got = {(c.admin1, c.how) for c in tiny.lookup("Springfield")}
    assert got == {("US-IL", "name"), ("US-MO", "name")}
    assert tiny.lookup("springfld")[0].how == "alt"
    assert tiny.lookup("Illinois state")[0].kind == "admin1"
    assert tiny.fuzzy("Springfeild", ["USA"])
    assert tiny.country("TST").name == "Testland"
    assert tiny.admin1("US-IL").name == "Illinois"
    assert tiny.meta()["source"] == "test"


def test_pickles_for_worker_processes(tiny):
    import pickle

    again = pickle.loads(pickle.dumps(tiny))
    assert again.lookup("Illinois")


DUMP_CITIES = "\n".join("\t".join(str(x) for x in row) for row in [
    (101, "Zarqaville", "Zarqaville", "Zarqa Ville,Zarkaville", 31.5, 36.1, "P", "PPLA", "JO", "", "01", "", "", "",
     25000, "", 700, "Asia/Amman", "2020-01-01"),
    (102, "Petit Zarqa", "Petit Zarqa", "", 31.7, 36.3, "P", "PPL", "JO", "", "01", "", "", "", 900, "", 700,
     "Asia/Amman", "2020-01-01"),
    (103, "Zarqa Governorate", "Zarqa Governorate", "Muhafazat az Zarqa", 31.9, 36.6, "A", "ADM1", "JO", "", "01",
     "", "", "", 1500000, "", 600, "Asia/Amman", "2020-01-01"),
    (104, "Kingdom of Testing", "Kingdom of Testing", "", 31.0, 36.0, "A", "PCLI", "JO", "", "00", "", "", "",
     10000000, "", 0, "Asia/Amman", "2020-01-01"),
    (105, "A Mountain", "A Mountain", "", 31.0, 36.0, "T", "MT", "JO", "", "01", "", "", "", 0, "", 0,
     "Asia/Amman", "2020-01-01"),
]) + "\n"


def test_build_from_a_geonames_dump(tmp_path):
    dump = tmp_path / "dump"
    dump.mkdir()
    (dump / "cities500.txt").write_text(DUMP_CITIES, encoding="utf-8")
    (dump / "admin1CodesASCII.txt").write_text("JO.01\tZarqa\tZarqa\t103\n", encoding="utf-8")
    (dump / "alternateNamesV2.txt").write_text("1\t101\ten\tZarqa Town\t1\t\t\t\t\t\n2\t101\tlink\thttp://x\t\t\t\t\t\t\n",
                                               encoding="utf-8")
    out = tmp_path / "g.sqlite"
    counts = build_from_dump(dump, out, min_population=1000)
    assert counts == {"city": 1, "admin1": 1, "country": 1}
    g = Gazetteer(out)
    town = g.lookup("Zarqa Town")[0]
    assert (town.geonameid, town.country, town.admin1) == (101, "JOR", "JO-AZ")
    assert g.lookup("Zarkaville")[0].how == "alt"
    assert not g.lookup("Petit Zarqa")  # below the population floor
    assert not g.lookup("A Mountain")  # not a populated place or an area
    p = subprocess.run([sys.executable, "-m", "tacitus.cli", "gazetteer", "build", "--dump", str(dump), "--out",
                        str(tmp_path / "h.sqlite")], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert "2 city" in p.stdout  # no population floor given here


def test_packaged_gazetteer_knows_the_places_users_ask_about():
    from tacitus.geo import default_gazetteer

    g = default_gazetteer()
    def best(name, kind=None):
        cands = [c for c in g.lookup(name) if kind is None or c.kind == kind]
        return max(cands, key=lambda c: c.population)
    assert best("Raqqa", "city").admin1 == "SY-RA"
    assert best("Deir ez-Zor", "admin1").admin1 == "SY-DY"
    assert best("Dayr az Zawr", "admin1").admin1 == "SY-DY"
    anbar = best("Anbar province", "admin1")
    assert anbar.admin1 == "IQ-AN" and 32 < anbar.lat < 35.5 and 39 < anbar.lon < 45
    assert best("Al Anbar").admin1 == "IQ-AN"
    for name in ("Middle East", "West Bank", "Gaza Strip", "Sahel", "Donbas", "Europe"):
        assert g.lookup(name), name
    assert best("Syria", "country").country == "SYR"


# --- issue #14: the packaged GDELT place table (gdeltforge) and the small places it adds ---


def _table(path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [  # place, place_type, place_lat, place_lon, place_name
        ("UP", 1, 49.0, 32.0, "Ukraine"), ("BF", 1, 24.25, -76.0, "Bahamas, The"),
        ("-1055940", 4, 47.8051, 37.577, "Taramchuk, Donets'ka Oblast', Ukraine"),
        ("-1055940", 4, 47.8051, 37.577, "Taramchuk, Donets'ka Oblast', Ukraine"),  # a second point row
        ("-1543048", 4, 24.17, -77.58, "Congo Town, South Andros, Bahamas, The"),
        ("-1", 4, -75.0, -175.0, "Ross Sea, Oceans (general), Oceans"),
        ("-2", 5, 48.0, 37.5, "Donetska Oblast, Donets'ka Oblast', Ukraine"),
    ]
    cols = list(zip(*rows, strict=True))
    pq.write_table(pa.table({"place": list(cols[0]), "place_type": pa.array(cols[1], pa.int8()),
                             "place_lat": list(cols[2]), "place_lon": list(cols[3]), "place_name": list(cols[4])}),
                   path)
    return path


def test_gdelt_table_is_read_one_place_per_id(tmp_path):
    from tacitus.geo import gdelt_places

    got = {p.ident: p for p in gdelt_places.read(_table(tmp_path / "places.parquet"))}
    assert got["-1055940"].name == "Taramchuk" and got["-1055940"].fips == "UP"
    assert got["-1055940"].area == "Donets'ka Oblast'"
    assert (got["-1543048"].name, got["-1543048"].fips) == ("Congo Town", "BF")  # a country name with a comma
    assert got["-1"].fips is None


def test_gdelt_places_enter_as_unranked_localities_once(tmp_path):
    from tacitus.geo import gdelt_places
    from tacitus.geo.build import SubdivisionMatcher, _add_localities

    subs = SubdivisionMatcher()
    loaded = gdelt_places.load(_table(tmp_path / "places.parquet"), {"UP": "UKR", "BF": "BHS"}, subs.code)
    assert loaded.country_points["UKR"] == (49.0, 32.0)
    kinds = {p.name: (kind, code) for p, _, code, kind in loaded.places}
    assert kinds["Taramchuk"] == ("locality", "UA-14")
    assert "Donetska Oblast" not in kinds  # the first-level area itself comes from elsewhere
    w = Writer()
    w.add(7, "Congo Town", "BHS", None, 24.18, -77.59, "city", 1200, [])  # GeoNames already has it
    assert _add_localities(w, loaded) == 1
    assert [p[2] for p in w.places] == ["Congo Town", "Taramchuk"]
    path = tmp_path / "g.sqlite"
    w.write(path, {"source": "test"})
    (c,) = Gazetteer(path).lookup("Taramchuk")
    assert (c.kind, c.population, c.country) == ("locality", 0, "UKR")


def test_transliterated_articles_find_the_place(tmp_path):
    """'Jisr al-Shughur' is GeoNames' Jisr ash Shughur (the article assimilated), 'Elwak' is El Wak
    (the article glued on); an unrelated 'Wak' is not an 'Elwak'."""
    w = Writer()
    w.add(1, "Jisr ash Shughur", "SYR", "SY-ID", 35.81, 36.32, "city", 39000, [])
    w.add(2, "El Wak", "KEN", "KE-24", 2.81, 40.93, "city", 60000, [])
    w.add(3, "Wak", "PNG", None, -6.0, 145.0, "city", 2000, [])
    path = tmp_path / "g.sqlite"
    w.write(path, {"source": "test"})
    g = Gazetteer(path)
    assert [c.name for c in g.lookup("Jisr al-Shughur")] == ["Jisr ash Shughur"]
    assert [c.name for c in g.lookup("Elwak")] == ["El Wak"]
    assert {c.name for c in g.lookup("Wak")} == {"El Wak", "Wak"}
    assert g.lookup("Alabama") == []


def test_an_areas_seat_is_its_namesake_city_else_its_largest(tmp_path):
    w = Writer()
    w.add(1, "Zaria", "NGA", "NG-KD", 11.1, 7.7, "city", 900_000, [])
    w.add(2, "Kaduna", "NGA", "NG-KD", 10.5, 7.4, "city", 800_000, [])
    w.add(3, "Kaduna", "NGA", "NG-KD", 10.3, 7.6, "admin1", 6_000_000, [])
    w.add(4, "Monywa", "MMR", "MM-01", 22.1, 95.1, "city", 370_000, [])
    w.add(5, "Sagaing Region", "MMR", "MM-01", 24.0, 95.5, "admin1", 5_000_000, [])
    path = tmp_path / "g.sqlite"
    w.write(path, {"source": "test"})
    g = Gazetteer(path)
    assert g.seat("NG-KD", "Kaduna State").name == "Kaduna"
    assert g.seat("MM-01", "Sagaing Region").name == "Monywa"
    assert g.seat("XX-00", "Nowhere") is None
