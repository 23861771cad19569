"""Every misuse of the store commands ends in one clear line on stderr and a non-zero exit, never a
traceback, and nothing is written: bad filters (refused with the API's reasons), bad formats and
column maps, a missing, foreign or locked store. Settings and TACITUS_DB are honoured by every
command alike; output cut at --limit says so."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tacitus.cli.main import app


def run(*args: str, env: dict | None = None):
    r = CliRunner().invoke(app, list(args), env=env)
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert "Traceback" not in r.stderr
    return r


def fails(*args: str, says: str, env: dict | None = None):
    r = run(*args, env=env)
    assert r.exit_code == 2, (args, r.exit_code, r.stdout[-300:], r.stderr[-500:])
    assert says in r.stderr, (args, r.stderr)
    assert r.stderr.startswith("error: "), r.stderr
    return r


def usage(*args: str, says: str):
    """A value of the wrong type: typer's own usage error (exit 2, the option named)."""
    r = run(*args)
    assert r.exit_code == 2 and "Invalid value" in r.stderr and says in r.stderr, r.stderr


@pytest.mark.parametrize("command", ["query", "export"])
@pytest.mark.parametrize("option,value,says", [
    ("--since", "2024-13-45", "--since 2024-13-45: not a real date"),
    ("--until", "yesterday", "--until yesterday: not a date; use YYYY-MM-DD, YYYY-MM or YYYY"),
    ("--country", "Syria", "--country Syria: use an ISO 3166-1 alpha-3 code such as SYR"),
    ("--country", "SY", "--country SY: use an ISO 3166-1 alpha-3 code such as SYR"),
    ("--bbox", "1,2,3", "--bbox 1,2,3: 3 numbers where four are needed"),
    ("--bbox", "10,10,0,0", "--bbox 10,10,0,0: use min_lon"),
])
def test_bad_filters_are_refused_before_anything_is_written(sample_db, tmp_path, command, option, value, says):
    out = tmp_path / "out.csv"
    extra = ["--format", "csv", "--out", str(out)] if command == "export" else []
    fails(command, "--db", str(sample_db), option, value, *extra, says=says)
    assert not out.exists()


def test_since_after_until(sample_db):
    fails("query", "--db", str(sample_db), "--since", "2024-05-01", "--until", "2024-01", says="--until 2024-01: is "
          "before since 2024-05-01")


def test_the_api_refuses_the_same_values_with_the_same_reason(sample_db, pipe):
    from fastapi.testclient import TestClient

    from tacitus.web import create_app

    with TestClient(create_app(sample_db, pipeline_factory=lambda: pipe)) as client:
        for option, value in (("since", "2024-13-45"), ("country", "Syria"), ("bbox", "1,2,3"), ("until", "2024-1")):
            api = client.get("/api/events", params={option: value})
            assert api.status_code == 400
            cli = run("query", "--db", str(sample_db), f"--{option}", value)
            assert cli.exit_code == 2 and cli.stderr.strip() == f"error: --{api.json()['detail']}"


def test_unknown_formats(sample_db):
    fails("query", "--db", str(sample_db), "--format", "xml", says="--format xml: choose one of table, json, csv")
    fails("export", "--db", str(sample_db), "--format", "xlsx", says="--format xlsx: unknown; choose one of gdelt")
    fails("export", "--db", str(sample_db), "--format", "parquet", says="writes a folder: give --out FOLDER")


@pytest.mark.parametrize("command", [["query"], ["query", "--sql", "SELECT 1"], ["export", "--format", "csv"]])
def test_a_missing_store_is_a_clear_error_and_is_not_created(tmp_path, command):
    db = tmp_path / "none.duckdb"
    fails(*command, "--db", str(db), says=f"no database at {db}")
    assert not db.exists()


def test_tacitus_db_is_honoured_by_every_store_command(sample_db, tmp_path):
    env = {"TACITUS_DB": str(sample_db)}
    r = run("query", "--format", "json", "--limit", "0", env=env)
    assert r.exit_code == 0 and len(r.stdout.splitlines()) > 50
    r = run("query", "--sql", "SELECT count(*) AS n FROM articles", "--format", "json", env=env)
    assert json.loads(r.stdout) == {"n": 32}
    r = run("export", "--format", "plover", env=env)
    assert r.exit_code == 0 and "rows written" in r.stderr
    missing = {"TACITUS_DB": str(tmp_path / "elsewhere.duckdb")}
    fails("query", says="elsewhere.duckdb", env=missing)
    fails("export", "--format", "csv", says="elsewhere.duckdb", env=missing)


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_output_cut_at_the_limit_says_so(sample_db, fmt):
    everything = run("query", "--db", str(sample_db), "--format", "json", "--limit", "0", "--all-events")
    n = len(everything.stdout.splitlines())
    assert n > 50 and everything.stderr == ""
    r = run("query", "--db", str(sample_db), "--format", fmt, "--all-events")
    assert r.exit_code == 0
    assert f"50 rows shown (of {n}); --limit 0 for all" in r.stderr
    if fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(r.stdout)))) == 50
    r = run("query", "--db", str(sample_db), "--format", fmt, "--limit", "10", "--offset", str(n - 5), "--all-events")
    assert "rows shown" not in r.stderr  # the last page is not cut
    r = run("query", "--db", str(sample_db), "--sql", "SELECT * FROM events", "--limit", "3", "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(r.stdout)))) == 3 and f"3 rows shown (of {n})" in r.stderr


def test_sql_misuse(sample_db, tmp_path):
    db = str(sample_db)
    fails("query", "--db", db, "--sql", "SELECT 1", "--country", "SYR", says="put --country into its WHERE clause")
    fails("query", "--db", db, "--sql", "SELEKT 1", says="--sql: Parser Error")
    fails("query", "--db", db, "--sql", "DELETE FROM events", says="--sql:")
    leak = tmp_path / "leak.csv"
    fails("query", "--db", db, "--sql", f"COPY events TO '{leak}'", says="disabled")
    assert not leak.exists()
    fails("query", "--db", db, "--sql", "SELECT * FROM read_text('/etc/hostname')", says="disabled")
    fails("query", "--db", db, "--limit", "-1", says="--limit -1: must be between 0")


def test_bad_csv_map_and_inputs(tmp_path):
    src = tmp_path / "a.csv"
    src.write_text("body,headline\nPolice arrested 12 people in Lagos.,Arrests\n")
    db = tmp_path / "new.duckdb"
    fails("ingest", str(src), "--db", str(db), "--csv-map", "body", says="bad column map entry 'body'")
    fails("ingest", str(src), "--db", str(db), "--csv-map", "texte=body", says="use field=column with fields text")
    fails("ingest", "--db", str(db), says="name what to ingest")
    fails("ingest", "--from-parquet", str(tmp_path / "nope"), "--db", str(db), says="is not a folder of Parquet")
    fails("ingest", str(src), "--from-parquet", str(tmp_path), "--db", str(db), says="not both")
    assert not db.exists()
    usage("ingest", str(src), "--db", str(db), "-j", "two", says="'--n-process'")


def test_settings_are_honoured_alike(tmp_path):
    """A bad setting stops ingest as it stops extract, from the environment or a config file."""
    src = tmp_path / "a.txt"
    src.write_text("Arrests\n\nPolice arrested 12 people in Lagos on Monday.")
    for command in (["extract", str(src)], ["ingest", str(src), "--db", str(tmp_path / "s.duckdb")]):
        fails(*command, says="T013", env={"TACITUS_N_PROCESS": "many"})
        fails(*command, "--config", str(tmp_path / "none.toml"), says="config file")
        usage(*command, "--max-bytes", "ten", says="'--max-bytes'")


def test_a_file_that_is_not_a_store(tmp_path):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("not a database\n" * 100)
    fails("query", "--db", str(bad), says="is not a DuckDB database")
    fails("ingest", str(bad), "--db", str(bad), says="is not a DuckDB database")


@pytest.fixture()
def held_store(tmp_path):
    """A store another process has open for writing (as a running ingest has)."""
    db = tmp_path / "held.duckdb"
    code = ("import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); c.execute('CREATE TABLE t (x INT)'); "
            "print('ready', flush=True); time.sleep(60)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    yield db, proc.pid
    proc.kill()
    proc.wait()


def test_a_locked_store_says_who_holds_it_and_what_to_do(held_store, tmp_path):
    db, pid = held_store
    src = tmp_path / "a.txt"
    src.write_text("Arrests\n\nPolice arrested 12 people in Lagos on Monday.")
    r = fails("ingest", str(src), "--db", str(db), says=f"is in use by process {pid}")
    assert "tacitus serve" in r.stderr and "copy" in r.stderr
    r = fails("query", "--db", str(db), says=f"is being written by process {pid}")
    fails("serve", "--db", str(db), says=f"process {pid}")


def test_misuse_through_the_real_entry_point(tmp_path):
    """`python -m tacitus.cli` (main()) exits 2 with one line, no traceback."""
    p = subprocess.run([sys.executable, "-m", "tacitus.cli", "export", "--db", str(tmp_path / "x.duckdb"), "--format",
                        "csv", "--since", "2024-13-45"], capture_output=True, text=True, timeout=120)
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert p.stderr.strip() == "error: --since 2024-13-45: not a real date (month must be in 1..12)"


def test_spark_misuse_fails_before_spark_starts(tmp_path):
    out = str(tmp_path / "out")
    fails("spark", "extract", "--input", str(tmp_path), "--output", out, "--format", "xml",
          says="--format xml: choose one of auto, jsonl, text, warc, parquet, json")
    fails("spark", "extract", "--input", str(tmp_path), "--output", out, "--format", "parquet", "--columns", "body",
          says="bad column map entry 'body'")
    fails("spark", "cluster", "--output", out, says="has no events table")


# ------------------------------------------------------------------ #16: version, pipes, exports, sort

def test_version():
    from tacitus import SCHEMA, __version__

    r = run("--version")
    assert r.exit_code == 0 and r.stdout.strip() == f"tacitus {__version__} ({SCHEMA})"


@pytest.mark.parametrize("args", [["query", "--format", "csv", "--limit", "0"], ["export", "--format", "plover"],
                                  ["query", "--limit", "0"]])
def test_a_closed_pipe_ends_quietly(sample_db, args):
    """`tacitus ... | head -1`: status 0, no traceback, no BrokenPipeError message."""
    p = subprocess.run(["bash", "-o", "pipefail", "-c",
                        f"{sys.executable} -m tacitus.cli {' '.join(args)} --db {sample_db} | head -c 10 >/dev/null"],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr[-500:]
    assert "Traceback" not in p.stderr and "BrokenPipe" not in p.stderr and "Exception ignored" not in p.stderr


def test_export_misuse(sample_db, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep")
    fails("export", "--db", str(sample_db), "--format", "parquet", "--out", str(mine), says="not empty")
    assert (mine / "notes.txt").read_text() == "keep"
    out = tmp_path / "pq"
    for _ in range(2):
        r = run("export", "--db", str(sample_db), "--format", "parquet", "--out", str(out))
        assert r.exit_code == 0
    n = int(r.stderr.split()[0])
    import duckdb
    assert duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [str(out / "**" / "*.parquet")]
                                    ).fetchone()[0] == n


def test_query_sort_and_all_events(sample_db):
    fails("query", "--db", str(sample_db), "--sort", "colour", says="--sort colour: use one of date")
    fails("query", "--db", str(sample_db), "--sql", "SELECT 1", "--all-events", says="--all-events")
    rows = [json.loads(x) for x in run("query", "--db", str(sample_db), "--format", "json", "--limit", "0",
                                       "--sort", "-fatalities").stdout.splitlines()]
    killed = [r["fatalities_best"] for r in rows if r["fatalities_best"] is not None]
    assert killed == sorted(killed, reverse=True)
    every = run("query", "--db", str(sample_db), "--format", "json", "--limit", "0", "--all-events").stdout
    assert len(every.splitlines()) > len(rows)
    assert all(r["modality"] == "asserted" for r in rows)


def test_csv_output_is_formula_safe(tmp_path, sample_db):
    r = run("query", "--db", str(sample_db), "--sql", "SELECT '=1+1' AS x, -5 AS n", "--format", "csv")
    assert r.stdout.splitlines()[1] == "'=1+1,-5"
