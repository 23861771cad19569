"""Spark scale-out. The worker functions are checked on plain Arrow batches (no Spark needed); the
slow test runs the real job with local[2] on a few hundred mixed articles and checks that its tables,
records and clusters are those of `tacitus extract` / `tacitus ingest` on the same input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from conftest import SAMPLES, mixed_corpus

RECORD_TABLES = ("articles", "events", "places", "quotes", "actors", "dates", "counts", "citations")
KEYS = {"articles": "article_id", "events": "event_id", "clusters": "cluster_id"}


# ------------------------------------------------------------------ worker functions, no Spark

def test_read_files_from_bytes_names_inputs_like_a_local_run(tmp_path):
    """A file that only Spark can read (an hdfs:/s3: URI) comes as bytes; its items are those of the
    local reader, named after the URI."""
    from tacitus.ingest.sources import iter_items
    from tacitus.settings import Settings
    from tacitus.spark import worker

    src = tmp_path / "docs.jsonl"
    src.write_text('{"id": "a", "text": "Police arrested 12 people in Lagos.", "published": "2024-03-02"}\n'
                   '{broken\n{"id": "b", "text": ""}\n')
    uri = "s3a://bucket/news/docs.jsonl"
    batch = pa.RecordBatch.from_pylist([{"path": uri, "content": src.read_bytes()}])
    rows = [r for b in worker.read_files(iter([batch]), {uri: 3}, Settings()) for r in b.to_pylist()]
    local = list(iter_items([str(src)], max_bytes=Settings().max_bytes))
    assert len(rows) == len(local) == 3
    assert [r["seq"] for r in rows] == [(3 << 32) + i for i in range(3)]
    assert rows[0]["input"] == f"{uri}:1" and rows[0]["id"] == "a" and rows[0]["text"] == local[0].text
    bad = json.loads(rows[1]["failure"])
    assert bad["ok"] is False and bad["errors"][0]["code"] == "T005" and bad["input"] == f"{uri}:2"
    assert str(tmp_path) not in json.dumps(rows)


def test_record_rows_carry_the_store_rows(extract):
    """The extraction step's output row holds the record's rows of every table, as the store makes
    them, in the schema the Parquet tables get."""
    from tacitus.records import to_jsonable
    from tacitus.spark import schemas, worker
    from tacitus.store.schema import column_names, record_rows

    art = to_jsonable(extract("Rebels shelled Goma on Monday, killing five civilians, officials said.",
                              published="2024-02-06"))
    row = worker._record_row(7, "<test>", "h", art)
    batch = pa.RecordBatch.from_pylist([row], schema=schemas.RECORD)
    assert batch.num_rows == 1 and row["ok"] and row["record"] is None
    for table in RECORD_TABLES:
        want = record_rows(art)[table]
        got = batch.column(f"rows_{table}").to_pylist()[0]
        assert len(got) == len(want), table
        for g, w in zip(got, want, strict=True):
            assert [g[c] for c in column_names(table)] == w
            assert g["year"] == 2024 and g["month"] in (1, 2)
        assert pa.schema(batch.schema.field(f"rows_{table}").type.value_type) == schemas.table(table)
    bad = worker._record_row(8, "x.txt", None, {"ok": False, "errors": [{"code": "T001", "message": "empty"}]})
    assert bad["code"] == "T001" and bad["record"] and all(bad[f"rows_{t}"] == [] for t in RECORD_TABLES)


def test_cluster_group_matches_the_store(tmp_path, pipe):
    """The per-root Spark step gives the store's clusters for the same events in the same order."""
    from tacitus.ingest.items import Item
    from tacitus.ingestion import ingest
    from tacitus.spark import worker
    from tacitus.store import open_store
    from tacitus.store.cluster import FEATURE_EXPRS

    texts = [("a", "Militants attacked a police post in Mandera on Monday, killing four officers."),
             ("b", "Al-Shabaab fighters attacked a police station in Mandera on Monday; four officers died."),
             ("c", "Gunmen attacked a police post in Lamu on Tuesday."),
             ("d", "Protesters marched in Nairobi on Monday against new taxes.")]
    store = open_store(tmp_path / "s.duckdb")
    ingest([Item(text=t, input=i, id=i, published="2024-06-12") for i, t in texts], store, pipe, n_process=1)
    feats = ", ".join(f"{x} AS {n}" for x, n in FEATURE_EXPRS)
    events = store.arrow(f"""SELECT {feats}, j.seq, e.evidence_start, e.trigger_start FROM events e
                             JOIN journal j ON j.article_id = e.article_id AND j.status = 'ok'""")
    got = {}
    for root in set(events.column("root").to_pylist()):
        part = events.filter(pa.compute.equal(events.column("root"), root))
        for r in worker.cluster_group(part).to_pylist():
            got[r["event_id"]] = r["cluster_id"]
    want = dict(store.rows("SELECT event_id, cluster_id FROM events WHERE cluster_id IS NOT NULL"))
    assert got == want
    assert len(set(want.values())) < len(want)  # the two Mandera reports merged


def test_records_do_not_depend_on_the_hash_seed(tmp_path):
    """Spark workers and local processes hash strings differently; the records must not care."""
    outs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        p = subprocess.run([sys.executable, "-m", "tacitus.cli", "extract", str(SAMPLES), "-j", "1"],
                           capture_output=True, text=True, env=env, timeout=600)
        assert p.returncode == 0, p.stderr[-2000:]
        outs.append(p.stdout)
    assert outs[0] == outs[1]


# ------------------------------------------------------------------ the job on Spark

def _need_spark():
    problems = []
    try:
        import pyspark  # noqa: F401
    except ImportError:
        problems.append("pyspark is not installed (pip install -e '.[spark]')")
    if not shutil.which("java"):
        problems.append("java is not installed (apt-get install openjdk-17-jre-headless)")
    if problems:
        if os.environ.get("CI"):
            pytest.fail("; ".join(problems))
        pytest.skip("; ".join(problems))


def _corpus(folder: Path, n: int) -> None:
    """A few hundred mixed articles: the shared mixed corpus (pages in a subfolder), a duplicate line,
    a WARC crawl, the bundled samples, and an unsupported file."""
    docs = mixed_corpus(folder, n, seed=23, txt=40, html=20, sub="pages")
    with (folder / "a.jsonl").open("a") as fh:
        fh.write(json.dumps(docs[0]) + "\n")  # the same article again: skipped
    _warc(folder / "crawl.warc.gz", docs[:12])  # the same articles again, as a crawl: new ids (URLs)
    shutil.copy(SAMPLES / "articles.jsonl", folder / "samples.jsonl")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")


def _warc(path: Path, docs: list[dict]) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i, d in enumerate(docs):
            html = (f"<html><head><title>{d['title']} (crawl)</title></head><body><article>"
                    + "".join(f"<p>{p}</p>" for p in d["text"].split("\n\n")) + "</article></body></html>").encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://news.example/{i}", "response", payload=io.BytesIO(html),
                                                http_headers=headers, warc_headers_dict={"WARC-Date": d["published"]
                                                                                         + "T08:00:00Z"}))


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, timeout=1200)


@pytest.fixture(scope="module")
def spark_run(tmp_path_factory):
    _need_spark()
    base = tmp_path_factory.mktemp("spark")
    corpus = base / "corpus"
    corpus.mkdir()
    _corpus(corpus, 240)
    out = base / "out"
    p = _cli("tacitus.spark", "extract", "--input", str(corpus), "--output", str(out), "--master", "local[2]")
    assert p.returncode == 1, p.stderr[-4000:]  # broken inputs: 1, as extract and ingest
    assert "input(s) failed" in p.stderr
    counts = json.loads(p.stdout.strip().splitlines()[-1])
    local = base / "local.duckdb"
    p = _cli("tacitus.cli", "ingest", str(corpus), "--db", str(local), "-q", "-j", "2")
    assert p.returncode == 1, p.stderr[-2000:]  # broken inputs
    loaded = base / "spark.duckdb"
    p = _cli("tacitus.cli", "ingest", "--from-parquet", str(out), "--db", str(loaded))
    assert p.returncode == 0, p.stderr[-2000:]
    p = _cli("tacitus.cli", "extract", str(corpus), "-j", "2")
    records = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
    return {"corpus": corpus, "out": out, "local": local, "loaded": loaded, "records": records, "counts": counts}


def _rows(db: Path, table: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    key = KEYS.get(table, "row_id")
    try:
        cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
        sel = ", ".join("list_sort(reasons)" if c == "reasons" else f'"{c}"' for c in cols)
        return con.execute(f"SELECT {sel} FROM {table} ORDER BY {key}").fetchall()
    finally:
        con.close()


@pytest.mark.slow
@pytest.mark.parametrize("table", RECORD_TABLES + ("clusters",))
def test_spark_tables_equal_the_local_store(spark_run, table):
    local, spark = _rows(spark_run["local"], table), _rows(spark_run["loaded"], table)
    assert local, table
    assert len(spark) == len(local), table
    assert spark == local, table


@pytest.mark.slow
def test_spark_records_equal_tacitus_extract(spark_run):
    from tacitus.store import open_store
    from tacitus.store.read import article

    store = open_store(spark_run["loaded"], read_only=True)
    ok: dict[str, dict] = {}
    for r in spark_run["records"]:  # extract writes every input; the store keeps the first copy
        if r.get("ok", True):
            ok.setdefault(r["id"], r)
    assert len(ok) > 250
    n_ids = store.value("SELECT count(*) FROM articles")
    assert n_ids == len(ok)
    canon = lambda xs: sorted(json.dumps(x, sort_keys=True) for x in xs)  # noqa: E731
    for aid, rec in ok.items():
        got = article(store, aid)
        for k in ("title", "url", "source", "published", "language", "text", "tone", "errors", "input"):
            assert got[k] == rec[k], (aid, k)
        events = [{k: v for k, v in e.items() if k != "cluster_id"} for e in got["events"]]
        assert canon(events) == canon(rec["events"]), aid
        for k in ("places", "quotes", "actors", "dates", "counts", "citations"):
            assert canon(got[k]) == canon(rec[k]), (aid, k)


@pytest.mark.slow
def test_every_input_is_accounted_for(spark_run):
    failed_local = {(r["input"], r["errors"][0]["code"]) for r in spark_run["records"] if not r.get("ok", True)}
    assert {c for _, c in failed_local} >= {"T001", "T002", "T005", "T010"}
    con = duckdb.connect()
    failed = set(con.execute("SELECT input, code FROM read_parquet(?)",
                             [str(spark_run["out"] / "failed" / "*.parquet")]).fetchall())
    assert failed == failed_local
    journal = dict(con.execute("SELECT status, count(*) FROM read_parquet(?) GROUP BY 1",
                               [str(spark_run["out"] / "journal" / "*.parquet")]).fetchall())
    local = duckdb.connect(str(spark_run["local"]), read_only=True)
    assert journal == dict(local.execute("SELECT status, count(*) FROM journal GROUP BY 1").fetchall())
    assert journal["skipped"] == 1
    assert sum(journal.values()) == len(spark_run["records"]) + 0  # one line per input, skipped included
    c = spark_run["counts"]
    assert c["journal_ok"] == journal["ok"] and c["journal_failed"] == journal["failed"]


@pytest.mark.slow
def test_duckdb_queries_the_parquet_directly(spark_run):
    con = duckdb.connect()
    glob = str(spark_run["out"] / "events" / "**" / "*.parquet")
    rows = con.execute("SELECT year, month, count(*) FROM read_parquet(?, hive_partitioning = true) "
                       "GROUP BY ALL ORDER BY ALL", [glob]).fetchall()
    assert len(rows) > 3 and all((y, m) == (0, 0) or (y > 2000 and 1 <= m <= 12) for y, m, _ in rows)
    # year=0/month=0 holds events with no date at all (articles with no publication date)
    undated = duckdb.connect(str(spark_run["local"]), read_only=True).execute(
        "SELECT count(*) FROM events e JOIN articles a USING (article_id) WHERE e.date_start IS NULL "
        "AND a.published IS NULL").fetchone()[0]
    assert sum(n for y, _, n in rows if y == 0) == undated
    store = duckdb.connect(str(spark_run["local"]), read_only=True)
    for table in RECORD_TABLES:
        want = [(r[0], r[1]) for r in store.execute(f"DESCRIBE {table}").fetchall()]
        got = [(r[0], r[1]) for r in con.execute(
            "DESCRIBE SELECT * EXCLUDE (year, month) FROM read_parquet(?, hive_partitioning = true)",
            [str(spark_run["out"] / table / "**" / "*.parquet")]).fetchall()]
        assert [c for c, _ in got] == [c for c, _ in want], table
        assert [t.replace("JSON", "VARCHAR") for _, t in got] == [t.replace("JSON", "VARCHAR") for _, t in want], table


def _parquet_count(folder: Path, table: str) -> int:
    return duckdb.connect().execute("SELECT count(*) FROM read_parquet(?, hive_partitioning = true)",
                                    [str(folder / table / "**" / "*.parquet")]).fetchone()[0]


@pytest.mark.slow
def test_spark_cluster_job_gives_the_same_clusters(spark_run):
    before = _rows(spark_run["loaded"], "clusters")
    counts = {t: _parquet_count(spark_run["out"], t) for t in ("events", "clusters")}
    assert counts["events"] == len(_rows(spark_run["local"], "events"))
    for _ in range(2):  # running it again changes nothing
        p = _cli("tacitus.spark", "cluster", "--output", str(spark_run["out"]), "--master", "local[2]")
        assert p.returncode == 0, p.stderr[-3000:]
        assert json.loads(p.stdout.strip().splitlines()[-1]) == counts
        assert {t: _parquet_count(spark_run["out"], t) for t in counts} == counts
    again = spark_run["out"].parent / "again.duckdb"
    p = _cli("tacitus.cli", "ingest", "--from-parquet", str(spark_run["out"]), "--db", str(again))
    assert p.returncode == 0, p.stderr[-2000:]
    assert _rows(again, "clusters") == before
    assert _rows(again, "events") == _rows(spark_run["local"], "events")


@pytest.mark.slow
def test_empty_tables_from_a_parquet_table_equal_the_store(tmp_path):
    """A corpus with no quotes and no citations, read as a Parquet table with --columns: every table
    is written with its columns (empty ones too, no UNABLE_TO_INFER_SCHEMA) and equals a local
    ingest of the same articles row for row."""
    _need_spark()
    import pyarrow.parquet as pq

    from tacitus.store.migrations import layout

    docs = [{"doc_id": "e1", "body": "Police arrested 12 people in Lagos on Monday.", "day": "2024-03-04",
             "headline": "Arrests in Lagos"},
            {"doc_id": "e2", "body": "Troops shelled the village of Tawila in North Darfur on Tuesday.",
             "day": "2024-03-05", "headline": "Shelling in Darfur"}]
    pq.write_table(pa.Table.from_pylist(docs), tmp_path / "dump.parquet")
    out = tmp_path / "out"
    p = _cli("tacitus.spark", "extract", "--input", str(tmp_path / "dump.parquet"), "--format", "parquet",
             "--columns", "text=body,id=doc_id,published=day,title=headline", "--output", str(out),
             "--master", "local[2]")
    assert p.returncode == 0, p.stderr[-4000:]
    counts = json.loads(p.stdout.strip().splitlines()[-1])
    assert counts["quotes"] == 0 and counts["citations"] == 0 and counts["articles"] == 2
    for table in RECORD_TABLES:
        got = [r[0] for r in duckdb.connect().execute(
            "DESCRIBE SELECT * FROM read_parquet(?, hive_partitioning = true)",
            [str(out / table / "**" / "*.parquet")]).fetchall()]
        assert got[:len(got) - 2] == [c for c, _, _ in layout()[table]], table
    loaded = tmp_path / "spark.duckdb"
    p = _cli("tacitus.cli", "ingest", "--from-parquet", str(out), "--db", str(loaded))
    assert p.returncode == 0, p.stderr[-2000:]
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps({"id": d["doc_id"], "text": d["body"], "published": d["day"],
                                       "title": d["headline"]}) + "\n" for d in docs))
    local = tmp_path / "local.duckdb"
    p = _cli("tacitus.cli", "ingest", str(src), "--db", str(local), "-q")
    assert p.returncode == 0, p.stderr[-2000:]
    for table in RECORD_TABLES + ("clusters",):
        a, b = _rows(local, table), _rows(loaded, table)
        if table == "articles":  # the input's name differs (docs.jsonl:1 / dump.parquet#e1)
            cols = [r[0] for r in duckdb.connect(str(local), read_only=True).execute("DESCRIBE articles").fetchall()]
            i = cols.index("input")
            a, b = [r[:i] + r[i + 1:] for r in a], [r[:i] + r[i + 1:] for r in b]
        assert a == b, table


@pytest.mark.slow
def test_spark_reads_events_with_the_store_filters(spark_run):
    """tacitus.filters select the same events from the Parquet (Spark SQL) as from the store."""
    _need_spark()
    from tacitus.filters import parse_filters
    from tacitus.spark.job import read_events, session
    from tacitus.store import open_store
    from tacitus.store.query import total

    spark = session("local[1]")
    try:
        with open_store(spark_run["local"], read_only=True) as store:
            for given in ({}, {"all_events": True}, {"type": "ASSAULT", "since": "2023"}, {"actor": "police"}):
                f = parse_filters(**given)
                assert read_events(spark, str(spark_run["out"]), f).count() == total(store, f), given
    finally:
        spark.stop()
