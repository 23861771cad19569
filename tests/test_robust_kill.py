"""Five kill -9s of `tacitus ingest -j 2` at random moments (#17), each of the parent process only:
its workers must die with it, and after the last run the store equals a clean run's, table for
table, with one current status per input in the journal."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from conftest import ROOT, mixed_corpus

sys.path.insert(0, str(ROOT / "benchmarks"))
import hostile  # noqa: E402

TABLES = (("articles", "article_id"), ("events", "event_id"), ("places", "row_id"), ("counts", "row_id"),
          ("quotes", "row_id"), ("actors", "row_id"), ("dates", "row_id"), ("citations", "row_id"),
          ("clusters", "cluster_id"))


def children(pid: int) -> list[int]:
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(d))
            except (OSError, ValueError, IndexError):
                continue
    return out


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def accounted(db) -> int:
    """Inputs a killed run left in the store (ok or skipped; failures are tried again), read
    without writing (a read-only connection replays the WAL in memory)."""
    if not os.path.exists(db):
        return 0
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT count(DISTINCT source) FROM journal WHERE status IN ('ok', 'skipped')").fetchone()[0]


def statuses(con) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for src, status in con.execute("SELECT source, status FROM journal ORDER BY logged_at, seq").fetchall():
        out.setdefault(src, []).append(status)
    return out


@pytest.mark.slow
def test_five_kill9_trials_end_equal_to_a_clean_run(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    mixed_corpus(corpus, 600, seed=23)
    for fmt in ("jsonl", "csv", "warc", "rss"):  # and some hostile files among them
        hostile.write(corpus / "odd", fmt, 10, seed=23)
    cmd = [sys.executable, "-m", "tacitus.cli", "ingest", str(corpus), "-j", "2", "--batch", "32", "-q", "--db"]
    clean, crashed = tmp_path / "clean.duckdb", tmp_path / "crashed.duckdb"
    started = time.monotonic()
    p = subprocess.run(cmd + [str(clean)], capture_output=True, text=True)
    took = time.monotonic() - started
    assert p.returncode == 1 and "Traceback" not in p.stderr, p.stderr[-2000:]
    with duckdb.connect(str(clean), read_only=True) as con:
        inputs = con.execute("SELECT count(DISTINCT source) FROM journal").fetchone()[0]
    rng = random.Random(17)
    killed = 0
    for trial in range(5):
        # a run redoes only what is not in yet, so it is killed at a random moment of the time the
        # clean run took scaled to the share of inputs left (within its own life, whose start-up
        # every run pays again)
        left = 1 - accounted(crashed) / inputs if trial else 1.0
        proc = subprocess.Popen(cmd + [str(crashed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.1, 0.9) * took * left)
        workers = children(proc.pid)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)  # the parent only: the workers must go by themselves
            killed += 1
        proc.wait()
        deadline = time.time() + 30
        while (left := [w for w in workers if alive(w)]) and time.time() < deadline:
            time.sleep(0.2)
        assert not left, f"trial {trial}: workers {left} outlived their parent"
    assert killed >= 4
    p = subprocess.run(cmd + [str(crashed)], capture_output=True, text=True)
    assert p.returncode in (0, 1) and "Traceback" not in p.stderr, p.stderr[-2000:]
    a, b = duckdb.connect(str(clean), read_only=True), duckdb.connect(str(crashed), read_only=True)
    for table, key in TABLES:
        ids_a = [r[0] for r in a.execute(f"SELECT {key} FROM {table} ORDER BY 1").fetchall()]
        ids_b = [r[0] for r in b.execute(f"SELECT {key} FROM {table} ORDER BY 1").fetchall()]
        assert ids_a == ids_b, table
        assert len(ids_b) == len(set(ids_b)), f"duplicates in {table}"
    assert b.execute("SELECT count(*) FROM events WHERE cluster_id IS NULL AND type_cameo_root IS NOT NULL "
                     "AND date_start IS NOT NULL").fetchone()[0] == a.execute(
        "SELECT count(*) FROM events WHERE cluster_id IS NULL AND type_cameo_root IS NOT NULL "
        "AND date_start IS NOT NULL").fetchone()[0]
    want, got = statuses(a), statuses(b)
    assert set(got) == set(want)
    for src, seen in got.items():
        assert len(set(seen)) == 1, f"{src}: {seen}"  # one current status: never ok and then skipped
        assert seen[-1] == want[src][-1], src
