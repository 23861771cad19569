"""Each export read back by the tool that targets it: GDELT's 61 columns and types through pandas
and DuckDB, ACLED's column list through pandas, PLOVER's interchange fields, GeoJSON, GeoPackage and
FlatGeobuf through GDAL (pyogrio), Parquet through pandas, polars and DuckDB with DATE columns. And
text cells that a spreadsheet would run as formulas, in every CSV-like export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import duckdb
import pytest

from tacitus.export import FORMATS, ExportError, acled, cells, gdelt, write_binary
from tacitus.filters import Filters
from tacitus.store import open_store
from tacitus.store.query import iter_events

# GDELT 2.0's event table as its codebook types it (the types pandas users load it with)
GDELT_TYPES = {
    "GLOBALEVENTID": "int64", "SQLDATE": "int64", "MonthYear": "int64", "Year": "int64", "FractionDate": "float64",
    "IsRootEvent": "int64", "EventCode": "string", "EventBaseCode": "string", "EventRootCode": "string",
    "QuadClass": "int64", "GoldsteinScale": "float64", "NumMentions": "int64", "NumSources": "int64",
    "NumArticles": "int64", "AvgTone": "float64", "Actor1Geo_Type": "int64", "Actor2Geo_Type": "int64",
    "ActionGeo_Type": "int64", "ActionGeo_Lat": "float64", "ActionGeo_Long": "float64", "DATEADDED": "int64",
}


@pytest.fixture(scope="module")
def rows(sample_db):
    with open_store(sample_db, read_only=True) as s:
        return list(iter_events(s, Filters()))


def _bytes(fmt: str, rows) -> bytes:
    buf = io.BytesIO()
    write_binary(FORMATS[fmt], rows, buf)
    return buf.getvalue()


# ------------------------------------------------------------------ GDELT

def test_gdelt_loads_in_pandas_with_gdelts_columns_and_types(rows):
    import pandas as pd

    assert len(gdelt.COLUMNS) == 61 and len(set(gdelt.COLUMNS)) == 61
    text = _bytes("gdelt", rows).decode()
    dtypes = {c: GDELT_TYPES.get(c, "string") for c in gdelt.COLUMNS}
    df = pd.read_csv(io.StringIO(text), sep="\t", header=None, names=gdelt.COLUMNS, dtype=dtypes,
                     quoting=csv.QUOTE_NONE, keep_default_na=False, na_values={c: [""] for c in GDELT_TYPES
                                                                               if "Lat" in c or "Long" in c})
    assert len(df) == len(rows)
    assert df["EventCode"].str.len().min() >= 3 and df["EventRootCode"].str.len().eq(2).all()
    assert df["SQLDATE"].between(19000101, 21001231).all() and df["GLOBALEVENTID"].is_unique
    assert set(df["Actor1Geo_Type"]) == {0} and set(df["Actor2Geo_Type"]) == {0}  # 0 where GDELT writes 0
    assert set(df["ActionGeo_Type"]) <= {0, 1, 2, 3, 4, 5}
    mog = df[df["ActionGeo_FullName"] == "Mogadishu"]
    assert not mog.empty and set(mog["ActionGeo_ADM1Code"]) == {"SO02"}  # GDELT's code for Banaadir
    assert set(mog["ActionGeo_CountryCode"]) == {"SO"}
    country_level = df[df["ActionGeo_Type"] == 1]
    assert (country_level["ActionGeo_ADM1Code"] == country_level["ActionGeo_CountryCode"]).all()


def test_gdelt_loads_in_duckdb(rows, tmp_path):
    out = tmp_path / "g.csv"
    out.write_bytes(_bytes("gdelt", rows))
    types = {c: "VARCHAR" for c in gdelt.COLUMNS} | {"GLOBALEVENTID": "BIGINT", "SQLDATE": "INTEGER",
                                                     "QuadClass": "INTEGER", "ActionGeo_Type": "INTEGER",
                                                     "GoldsteinScale": "DOUBLE"}
    rel = duckdb.connect().read_csv(str(out), sep="\t", header=False, names=gdelt.COLUMNS, dtype=types, quotechar="")
    assert rel.aggregate("count(*)").fetchall()[0][0] == len(rows)


@pytest.mark.parametrize("admin1,country,want", [
    ("SO-BN", "SOM", "SO02"), ("SY-RA", "SYR", "SY04"), ("IQ-NI", "IRQ", "IZ15"), ("UA-63", "UKR", "UP07"),
    ("AE.03", "ARE", "AE03"), ("US-CA", "USA", "USCA"), (None, "MLI", "ML"), ("CH-ZH", "CHE", "SZ"),
])
def test_adm1_codes_come_from_the_crosswalk(admin1, country, want):
    assert gdelt.adm1(admin1, country) == want


def test_the_crosswalk_is_consistent():
    from tacitus.lexicons import read_tsv

    fips = cells.fips_countries()
    rows = list(read_tsv("tacitus.export", "adm1_fips.tsv"))
    assert len(rows) > 2000
    iso2_to_iso3 = {cells.iso2(i): i for i in fips}
    for r in rows:
        cc = r["geonames"].split(".")[0]
        assert r["fips"] == fips[iso2_to_iso3[cc]] + r["geonames"].split(".")[1], r
        assert not r["iso"] or r["iso"].startswith(cc + "-"), r
    primaries = [r["iso"] for r in rows if r["primary"] == "1"]
    assert len(primaries) == len(set(primaries))


# ------------------------------------------------------------------ ACLED

def test_acled_loads_with_its_columns_names_and_regions(rows):
    import pandas as pd

    df = pd.read_csv(io.BytesIO(_bytes("acled", rows)), keep_default_na=False)
    assert list(df.columns)[:len(acled.COLUMNS)] == acled.COLUMNS
    assert list(df.columns)[len(acled.COLUMNS):] == acled.LABEL_COLUMNS
    assert len(df) == sum(1 for r in rows if r.get("type_acled"))
    assert (df["actor1"] != "").all() and (df["region"] != "").all() and (df["country"] != "").all()
    assert not df["country"].str.contains(",").any()  # ACLED's short names, not ISO's official ones
    assert not df["admin1"].str.contains(r"^[A-Z]{2}[-.]", regex=True).any()  # names, not codes
    assert "Banaadir" in set(df["admin1"])
    som = df[df["country"] == "Somalia"]
    assert set(som["region"]) == {"Eastern Africa"} and set(som["iso"]) == {706}
    labelled = df[df["inter1"] != ""]
    assert all(acled.INTER_LABELS[int(i)] == lab for i, lab in zip(labelled["inter1"], labelled["inter1_label"],
                                                                 strict=True))
    assert set(df["time_precision"]) <= {1, 2, 3} and set(df["event_date"].str.len()) == {10}


def test_acled_names_an_actor1_where_the_report_names_none():
    base = {"event_id": "ab" * 8, "type_acled": "Violence against civilians", "location_country": "MLI"}
    assert acled.row(base)["actor1"] == "Unidentified Armed Group (Mali)" and acled.row(base)["inter1"] == 3
    assert acled.row(base | {"type_acled": "Protests"})["actor1"] == "Protesters (Mali)"
    r = acled.row(base | {"location_country": "TWN", "location_admin1": None})
    assert r["country"] == "Taiwan" and r["region"] == "East Asia"
    assert acled.row(base | {"location_country": "COD"})["country"] == "Democratic Republic of Congo"
    named = acled.row(base | {"actor1_acled_name": "JNIM: Group for Support of Islam and Muslims",
                              "actor1_acled_inter": 2, "actor2_acled_inter": 7})
    assert named["actor1"].startswith("JNIM") and named["interaction"] == 27
    assert named["interaction_label"] == "Rebel group-Civilians"


# ------------------------------------------------------------------ PLOVER

def test_plover_has_the_interchange_fields(rows):
    lines = [json.loads(x) for x in _bytes("plover", rows).decode().splitlines()]
    assert lines and len(lines) == sum(1 for r in rows if r.get("type_plover"))
    for rec in lines:
        assert {"id", "date", "event", "mode", "context", "actor", "recipient", "event_loc", "text"} <= set(rec)
        assert isinstance(rec["actor"], list) and isinstance(rec["recipient"], list)
        assert isinstance(rec["context"], list)
        assert "source" not in rec and rec["provenance"]["article_id"]
    assert any(rec["actor"] and rec["actor"][0]["name"] for rec in lines)
    assert any(rec["event_loc"] and rec["event_loc"]["lat"] is not None for rec in lines)


# ------------------------------------------------------------------ GIS

def test_geojson_through_gdal_has_dates_and_ids(rows, tmp_path):
    pyogrio = pytest.importorskip("pyogrio")
    path = tmp_path / "e.geojson"
    path.write_bytes(_bytes("geojson", rows))
    gj = json.loads(path.read_text())
    located = [r for r in rows if r.get("location_lat") is not None]
    assert [f["id"] for f in gj["features"]] == [r["event_id"] for r in located]
    info = pyogrio.read_info(path)
    types = dict(zip(info["fields"], info["dtypes"], strict=True))
    assert types["date_start"].startswith("datetime64") and types["date_end"].startswith("datetime64")
    assert info["features"] == len(located)


@pytest.mark.parametrize("fmt,suffix", [("gpkg", ".gpkg"), ("fgb", ".fgb")])
def test_gpkg_and_flatgeobuf_through_gdal(rows, tmp_path, fmt, suffix):
    pyogrio = pytest.importorskip("pyogrio")
    path = tmp_path / f"e{suffix}"
    path.write_bytes(_bytes(fmt, rows))
    info = pyogrio.read_info(path)
    located = [r for r in rows if r.get("location_lat") is not None]
    assert info["features"] == len(located) and info["geometry_type"] == "Point"
    assert "4326" in info["crs"]
    types = dict(zip(info["fields"], info["dtypes"], strict=True))
    assert types["date_start"].startswith("datetime64") and types["fatalities_best"].startswith("int")
    gdf = pytest.importorskip("geopandas").read_file(path, engine="pyogrio")
    assert set(gdf["event_id"]) == {r["event_id"] for r in located}
    first = gdf.iloc[0]
    want = next(r for r in located if r["event_id"] == first["event_id"])
    assert abs(first.geometry.x - want["location_lon"]) < 1e-9 and abs(first.geometry.y - want["location_lat"]) < 1e-9


def test_gis_formats_say_what_to_install(rows, monkeypatch):
    import builtins

    real = builtins.__import__

    def no_pyogrio(name, *a, **k):
        if name == "pyogrio":
            raise ImportError(name)
        return real(name, *a, **k)
    monkeypatch.setattr(builtins, "__import__", no_pyogrio)
    with pytest.raises(ExportError, match=r"tacitus\[geo\]"):
        _bytes("gpkg", rows)


# ------------------------------------------------------------------ Parquet

def test_parquet_reads_with_date_columns_in_pandas_polars_and_duckdb(rows, tmp_path):
    import pandas as pd
    import polars as pl

    out = tmp_path / "pq"
    assert FORMATS["parquet"].write_folder(rows, out) == len(rows)
    df = pd.read_parquet(out)
    assert len(df) == len(rows)
    assert isinstance(df["date_start"].dropna().iloc[0], dt.date) and "date_precision" in df
    lf = pl.scan_parquet(str(out / "**" / "*.parquet"), hive_partitioning=True).collect()
    assert lf.height == len(rows) and lf.schema["date_start"] == pl.Date and lf.schema["date_end"] == pl.Date
    con = duckdb.connect()
    got = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?, "
                           "hive_partitioning = true))", [str(out / "**" / "*.parquet")]).fetchall())
    assert got["date_start"] == "DATE" and got["article_published"] == "DATE" and got["reported_by"] == "VARCHAR[]"
    assert got["fatalities_best"] == "BIGINT"
    one = pd.read_parquet(io.BytesIO(_bytes("parquet", rows)))
    assert len(one) == len(rows) and isinstance(one["date_start"].dropna().iloc[0], dt.date)


def test_parquet_export_again_replaces_the_rows(rows, tmp_path):
    out = tmp_path / "pq"
    for _ in range(2):
        FORMATS["parquet"].write_folder(rows, out)
    n = duckdb.connect().execute("SELECT count(*) FROM read_parquet(?, hive_partitioning = true)",
                                 [str(out / "**" / "*.parquet")]).fetchone()[0]
    assert n == len(rows)
    FORMATS["parquet"].write_folder(rows[:5], out)
    n = duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [str(out / "**" / "*.parquet")]).fetchone()[0]
    assert n == 5
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep me")
    with pytest.raises(ExportError, match="not empty"):
        FORMATS["parquet"].write_folder(rows, other)
    assert (other / "notes.txt").read_text() == "keep me"


# ------------------------------------------------------------------ formula injection

HOSTILE = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-3+4", "@SUM(A1)", "\tTAB", "\rCR"]


def _hostile_rows():
    out = []
    for i, bad in enumerate(HOSTILE):
        out.append({"event_id": f"{i:016x}", "article_id": f"a{i}", "type_cameo": "190", "type_plover": "ASSAULT",
                    "type_acled": "Battles", "type_acled_sub": "Armed clash", "actor1_name": bad,
                    "actor1_acled_name": bad, "actor2_name": bad, "evidence_text": bad, "article_title": bad,
                    "location_name": bad, "location_country": "MLI", "location_lat": 14.5, "location_lon": -4.2,
                    "location_precision": "city", "date_start": "2024-03-04", "article_source": bad,
                    "article_url": bad, "fatalities_best": -1 if i == 0 else 3})
    return out


def _all_cells_safe(cells_: list[str]) -> None:
    """No text cell starts a formula (numbers, negative ones too, are numbers to a spreadsheet)."""
    for c in cells_:
        try:
            float(c)
            continue
        except ValueError:
            pass
        assert not c.startswith(cells.FORMULA_START), repr(c)


@pytest.mark.parametrize("fmt", ["csv", "acled"])
def test_csv_and_acled_neutralise_formulas(fmt):
    text = _bytes(fmt, _hostile_rows()).decode()
    recs = list(csv.reader(io.StringIO(text)))
    assert len(recs) == len(HOSTILE) + 1
    for rec in recs[1:]:
        _all_cells_safe(rec)
    assert any(c == "'=HYPERLINK(\"http://x\",\"y\")" for rec in recs for c in rec)


def test_gdelt_neutralises_formulas():
    lines = _bytes("gdelt", _hostile_rows()).decode().splitlines()
    assert len(lines) == len(HOSTILE)
    for line in lines:
        fields = line.split("\t")
        assert len(fields) == 61
        for name in ("Actor1Name", "ActionGeo_FullName", "SOURCEURL"):
            _all_cells_safe([fields[gdelt.COLUMNS.index(name)]])


def test_numbers_stay_numbers():
    assert cells.safe_text(-3) == -3 and cells.safe_text(2.5) == 2.5 and cells.safe_text(None) is None
    assert cells.safe_text("Kidal") == "Kidal" and cells.safe_text("-5") == "'-5"
