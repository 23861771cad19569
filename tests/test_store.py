"""The event store: ingest with a journal, idempotent re-runs, duplicate reports clustered,
filtered and read-only queries, and every export format checked against its format."""

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from conftest import mixed_corpus
from tacitus.export import FORMATS
from tacitus.export.gdelt import COLUMNS as GDELT_COLUMNS
from tacitus.filters import Filters
from tacitus.ingest.items import Item
from tacitus.ingestion import ingest
from tacitus.store import open_store
from tacitus.store.query import events, read_only_sql

ARTS = [
    {"id": "a1", "source": "Wire One", "published": "2024-03-04", "title": "Rebels attack base",
     "text": "KIDAL, Mali — JNIM fighters attacked a Malian army base near Kidal on Sunday, killing 12 soldiers, "
             "the army said."},
    {"id": "a2", "source": "Wire Two", "published": "2024-03-04", "title": "Base attacked in Kidal",
     "text": "Militants of JNIM attacked an army base outside Kidal, Mali, on Sunday. Twelve soldiers were killed, "
             "officials said."},
    {"id": "a3", "source": "Wire One", "published": "2024-03-05", "title": "Talks in Cairo",
     "text": "Egypt's foreign minister met his Jordanian counterpart in Cairo on Monday to discuss Gaza."},
]


def items(arts):
    return [Item(text=a["text"], id=a["id"], title=a["title"], published=a["published"], source=a["source"],
                 input=a["id"]) for a in arts]


@pytest.fixture()
def store(tmp_path, pipe):
    s = open_store(tmp_path / "t.duckdb")
    ingest(items(ARTS), s, pipe, n_process=1)
    yield s
    s.close()


def test_schema_migrations_and_versions(store):
    assert {r[0] for r in store.rows("SELECT name FROM migrations")} >= {"0001_initial", "0002_indexes"}
    for table in ("articles", "events", "places", "quotes", "actors", "counts", "citations", "dates", "journal",
                  "clusters"):
        cols = list(store.describe(table))
        assert "schema_version" in cols, table
    assert store.migrate() == []  # nothing left to apply


def test_rerun_adds_nothing_and_keeps_the_journal_honest(store, pipe):
    """The same inputs again are skipped, and the journal still says they are in: no `skipped`
    line over their `ok` (#17; a copy from another input is journalled skipped, test_robust_store)."""
    before = store.counts()
    stats = ingest(items(ARTS), store, pipe, n_process=1)
    after = store.counts()
    assert stats.skipped == 3 and stats.ok == 0
    assert before == after
    assert store.value("SELECT count(*) FROM journal WHERE status = 'skipped'") == 0


def test_duplicate_reports_form_one_cluster(store):
    rows = store.rows("""SELECT c.num_articles, c.num_sources, c.reasons FROM clusters c
                         WHERE c.cameo_root = '19' ORDER BY c.num_articles DESC""")
    assert rows[0][0] == 2 and rows[0][1] == 2
    assert any("km apart" in r for r in rows[0][2]) and any("shared actor" in r for r in rows[0][2])


def test_filters_and_read_only_sql(store, tmp_path):
    cols, rows = events(store, Filters(country="MLI", type="ASSAULT"))
    assert rows and all(dict(zip(cols, r, strict=True))["type_plover"] == "ASSAULT" for r in rows)
    cols, rows = events(store, Filters(actor="jnim", since="2024-03-01", until="2024-03-31",
                                       bbox=(-5.0, 15.0, 5.0, 22.0)))
    assert rows
    cols, rows = events(store, Filters(text="'; DROP TABLE events; --"))
    assert rows == []
    _, clusters = events(store, Filters(), clusters=True)
    assert len(clusters) < store.counts()["events"]
    store.close()
    with pytest.raises(duckdb.Error):
        read_only_sql(str(tmp_path / "t.duckdb"), "DELETE FROM events")
    assert read_only_sql(str(tmp_path / "t.duckdb"), "SELECT count(*) FROM articles")[1][0][0] == 3


def rows_of(store):
    cols, rows = events(store, Filters())
    return [dict(zip(cols, r, strict=True)) for r in rows]


def test_gdelt_export_loads_as_gdelt(store, tmp_path):
    out = tmp_path / "g.tsv"
    with out.open("w") as fh:
        n = FORMATS["gdelt"].write(rows_of(store), fh)
    assert n > 0
    lines = out.read_text().splitlines()
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert len(GDELT_COLUMNS) == 61
    con = duckdb.connect()
    types = {c: "VARCHAR" for c in GDELT_COLUMNS}
    types.update({"GLOBALEVENTID": "BIGINT", "SQLDATE": "INTEGER", "Year": "INTEGER", "QuadClass": "INTEGER",
                  "GoldsteinScale": "DOUBLE", "NumArticles": "INTEGER", "ActionGeo_Lat": "DOUBLE"})
    rel = con.read_csv(str(out), sep="\t", header=False, names=GDELT_COLUMNS, dtype=types)
    got = rel.filter("ActionGeo_CountryCode = 'ML'").fetchall()
    assert got, "Mali is ML in GDELT's FIPS codes"
    codes = {r[0] for r in rel.select("EventCode").fetchall()}
    assert all(len(c) >= 3 for c in codes)  # CAMEO codes keep their leading zeros ("040")


def test_acled_plover_geojson_csv_parquet(store, tmp_path):
    rows = rows_of(store)
    buf = io.StringIO()
    FORMATS["acled"].write(rows, buf)
    recs = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert recs and recs[0]["event_type"] and "notes" in recs[0] and recs[0]["time_precision"] in ("1", "2", "3")
    assert any(r["country"] == "Mali" and int(r["fatalities"]) == 12 for r in recs)
    buf = io.StringIO()
    FORMATS["plover"].write(rows, buf)
    first = json.loads(buf.getvalue().splitlines()[0])
    assert first["event"] and "actor" in first and "recipient" in first
    buf = io.StringIO()
    FORMATS["geojson"].write(rows, buf)
    gj = json.loads(buf.getvalue())
    assert gj["type"] == "FeatureCollection" and gj["features"]
    for f in gj["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    buf = io.StringIO()
    assert FORMATS["csv"].write(rows, buf) == len(rows)
    FORMATS["parquet"].write_folder(rows, tmp_path / "pq")
    n = duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{tmp_path}/pq/**/*.parquet', "
                                 "hive_partitioning = true)").fetchone()[0]
    assert n == len(rows)


def test_cli_ingest_query_export(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTS) + "\n{broken\n", encoding="utf-8")
    db = tmp_path / "c.duckdb"
    p = subprocess.run([sys.executable, "-m", "tacitus.cli", "ingest", str(src), "--db", str(db), "-j", "1"],
                       capture_output=True, text=True)
    assert p.returncode == 1 and "1 failed" in p.stderr and "T005" in p.stderr
    p = subprocess.run([sys.executable, "-m", "tacitus.cli", "query", "--db", str(db), "--country", "MLI",
                        "--format", "json"], capture_output=True, text=True)
    assert p.returncode == 0 and json.loads(p.stdout.splitlines()[0])["location_country"] == "MLI"
    p = subprocess.run([sys.executable, "-m", "tacitus.cli", "export", "--db", str(db), "--format", "gdelt"],
                       capture_output=True, text=True)
    assert p.returncode == 0 and p.stdout.count("\n") >= 2


@pytest.mark.slow
def test_kill_and_resume_gives_exactly_a_clean_run(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    mixed_corpus(corpus, 2000, seed=11)
    env = dict(os.environ)
    clean, crashed = tmp_path / "clean.duckdb", tmp_path / "crashed.duckdb"
    cmd = [sys.executable, "-m", "tacitus.cli", "ingest", str(corpus), "-j", "2", "--batch", "64", "-q", "--db"]
    p = subprocess.run(cmd + [str(clean)], capture_output=True, text=True, env=env)
    assert p.returncode == 1  # three broken inputs
    proc = subprocess.Popen(cmd + [str(crashed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                            start_new_session=True)
    deadline = time.time() + 300
    while time.time() < deadline:  # wait until some batches are in, then kill -9 mid-run
        time.sleep(2)
        try:
            n = duckdb.connect(str(crashed), read_only=True).execute("SELECT count(*) FROM articles").fetchone()[0]
        except duckdb.Error:
            continue
        if n >= 200:
            break
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    subprocess.run(cmd + [str(crashed)], capture_output=True, text=True, env=env)
    a, b = duckdb.connect(str(clean), read_only=True), duckdb.connect(str(crashed), read_only=True)
    for table, key in (("articles", "article_id"), ("events", "event_id"), ("places", "row_id"),
                       ("counts", "row_id"), ("quotes", "row_id")):
        ids_a = [r[0] for r in a.execute(f"SELECT {key} FROM {table} ORDER BY 1").fetchall()]
        ids_b = [r[0] for r in b.execute(f"SELECT {key} FROM {table} ORDER BY 1").fetchall()]
        assert ids_a == ids_b, table
        assert len(ids_b) == len(set(ids_b)), f"duplicates in {table}"
    assert a.execute("SELECT count(*) FROM clusters").fetchone() == b.execute("SELECT count(*) FROM clusters").fetchone()
    failed = b.execute("SELECT count(DISTINCT source) FROM journal WHERE status = 'failed'").fetchone()[0]
    assert failed == 3
    ok = b.execute("SELECT count(DISTINCT content_hash) FROM journal WHERE status = 'ok'").fetchone()[0]
    assert ok == a.execute("SELECT count(*) FROM articles").fetchone()[0]
