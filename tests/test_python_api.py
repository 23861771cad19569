"""The Python API over a store: tacitus.open_store, filtered events and clusters as Arrow, pandas,
polars and geopandas frames, and GeoDataFrames read back from a GIS export."""

from __future__ import annotations

import io

import pytest

import tacitus
from tacitus.export import FORMATS, write_binary
from tacitus.filters import FilterError


def test_open_store_is_public_and_read_only(sample_db):
    assert "open_store" in tacitus.__all__ and "read_geo" in tacitus.__all__
    import duckdb

    with tacitus.open_store(sample_db) as store:
        assert store.read_only
        with pytest.raises(duckdb.Error):
            store.execute("DELETE FROM events")
        assert store.counts()["articles"] == 32  # the Store's own reads are there too


def test_events_as_frames(sample_db):
    pytest.importorskip("pandas")
    pytest.importorskip("polars")
    with tacitus.open_store(sample_db) as store:
        r = store.events(country="SYR")
        df, pl, t = r.df(), r.pl(), r.arrow()
        assert len(df) == pl.height == t.num_rows == len(r) > 0
        assert set(df["event_id"]) == {d["event_id"] for d in r.dicts()}
        assert (df["current"].fillna(True) & (df["modality"] == "asserted")).all()  # incidents by default
        every = store.events(all_events=True)
        assert len(every) == store.counts()["events"] > len(store.events())
        assert len(store.events(limit=3)) == 3
        assert len(store.clusters()) <= len(store.events())
        assert store.article("xss-test")["id"] == "xss-test"
        with pytest.raises(FilterError):
            store.events(country="Syria")


def test_geodataframes(sample_db, tmp_path):
    gpd = pytest.importorskip("geopandas")
    with tacitus.open_store(sample_db) as store:
        gdf = store.events().gdf()
        assert isinstance(gdf, gpd.GeoDataFrame) and gdf.crs.to_epsg() == 4326 and len(gdf) > 0
        rows = store.events().dicts()
    for fmt, suffix in (("gpkg", ".gpkg"), ("geojson", ".geojson")):
        buf = io.BytesIO()
        write_binary(FORMATS[fmt], rows, buf)
        path = tmp_path / f"events{suffix}"
        path.write_bytes(buf.getvalue())
        back = tacitus.read_geo(path)
        assert len(back) == len(gdf) and set(back["event_id"]) == set(gdf["event_id"])
        assert str(back["date_start"].dtype).startswith("datetime64")
