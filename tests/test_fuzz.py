"""Seeded fuzzing of every input format (#17; the generator is benchmarks/hostile.py): no
traceback, the exit status as documented (0 all read, 1 some failed), every input accounted for
exactly once (every file leaves a trace, no input twice, every JSONL line its own record), and
peak memory under a stated bound. Fast: a few hundred inputs per format through the readers and
the door, and a sample of each format through `tacitus extract` with the model; slow: thousands
through `extract -j 2` and `ingest -j 2`, with the memory of the whole process tree."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import duckdb
import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import hostile  # noqa: E402

MAX_BYTES = 20_000  # small, so the size limit is met often and cheaply
EXTRACT_MB = 1500  # peak resident memory of `extract -j 1` on these inputs
TREE_MB = 2048  # peak of `extract -j 2` / `ingest -j 2`: the parent and both workers together


def read_all(paths, stdin: bytes | None = None):
    from tacitus.door import admit
    from tacitus.ingest.sources import iter_items

    if stdin is not None:
        sys_stdin = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
        try:
            return [admit(x, MAX_BYTES) for x in iter_items(["-"], max_bytes=MAX_BYTES)]
        finally:
            sys.stdin = sys_stdin
    return [admit(x, MAX_BYTES) for x in iter_items([str(p) for p in paths], max_bytes=MAX_BYTES)]


def check_accounting(paths, inputs):
    missing, twice, stray = hostile.unaccounted(paths, inputs)
    assert not missing, f"no trace of {missing[:5]}"
    assert not twice, f"accounted for twice: {twice[:5]}"
    assert not stray, f"inputs of no file: {stray[:5]}"
    names = set(inputs)
    for p in paths:
        if p.suffix == ".jsonl":
            assert not hostile.jsonl_lines_missing(p, names, MAX_BYTES), p


@pytest.mark.parametrize("fmt", [f for f in hostile.FORMATS if f != "stdin"])
def test_readers_account_for_every_hostile_input(tmp_path, fmt):
    cases = hostile.write(tmp_path, fmt, 300, seed=17)
    paths = [c.path for c in cases]
    got = read_all(paths)
    check_accounting(paths, [g.input for g in got])
    for g in got:  # what passed the door can be written and hashed
        json.dumps({"input": g.input, "text": getattr(g, "text", ""), "title": getattr(g, "title", None)},
                   ensure_ascii=False).encode("utf-8")


def test_stdin_accounts_for_every_line(tmp_path):
    rng = __import__("random").Random(17)
    for _ in range(100):
        data = hostile.jsonl(rng)
        got = read_all([], stdin=data)
        lines = data.split(b"\n")
        lines = lines[:-1] if data.endswith(b"\n") else lines
        want = {f"<stdin>:{n}" for n, raw in enumerate(lines, 1) if raw.strip(b" \t\r\n")}
        assert {g.input for g in got} == (want or {"<stdin>"})


def cli(*args, stdin: bytes | None = None):
    p = subprocess.run([sys.executable, "-m", "tacitus.cli", *args], input=stdin, capture_output=True, timeout=1800)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")


CLI_PEAK = """
import atexit, runpy, sys


def report(path):  # the peak this process reached itself (VmHWM, kB)
    with open("/proc/self/status") as fh, open(path, "w") as out:
        out.write(next(line.split()[1] for line in fh if line.startswith("VmHWM:")))


atexit.register(report, sys.argv[1])
sys.argv = ["tacitus", *sys.argv[2:]]
runpy.run_module("tacitus.cli", run_name="__main__", alter_sys=True)
"""


def cli_peak(tmp_path, *args):
    """`cli`, and the peak resident memory (MB) of that process, as it reports it on exit: neither
    RUSAGE_CHILDREN (the largest child this pytest ever waited for, other tests' included) nor the
    child's own ru_maxrss (which starts from pytest's peak: exec keeps it) says what it used."""
    hwm = tmp_path / "peak-kb"
    p = subprocess.run([sys.executable, "-c", CLI_PEAK, str(hwm), *args], capture_output=True, timeout=1800)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace"), int(hwm.read_text()) / 1024


def check_extract(paths, code, out, err):
    assert "Traceback" not in err, err[-3000:]
    recs = [json.loads(line) for line in out.splitlines()]
    check_accounting(paths, [r["input"] for r in recs])
    assert code == (1 if any(not r["ok"] for r in recs) else 0), (code, err[-2000:])
    return recs


def test_extract_on_a_sample_of_every_format(tmp_path):
    for fmt in hostile.FORMATS:
        if fmt != "stdin":
            hostile.write(tmp_path / "in", fmt, 8, seed=171)
    paths = sorted((tmp_path / "in").iterdir())
    code, out, err, peak_mb = cli_peak(tmp_path, "extract", str(tmp_path / "in"), "-j", "1", "--max-bytes", str(MAX_BYTES))
    check_extract(paths, code, out, err)
    assert peak_mb < EXTRACT_MB


@pytest.mark.slow
@pytest.mark.parametrize("fmt", hostile.FORMATS)
def test_extract_j2_on_thousands_of_hostile_inputs(tmp_path, fmt):
    if fmt == "stdin":
        import random

        rng = random.Random(1717)
        data = b"".join(hostile.jsonl(rng).rstrip(b"\n") + b"\n" for _ in range(400))
        proc = subprocess.Popen([sys.executable, "-m", "tacitus.cli", "extract", "-", "-j", "2", "--max-bytes",
                                 str(MAX_BYTES)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        mem = hostile.TreeMemory(proc.pid)
        out, err = proc.communicate(data, timeout=3600)
        assert mem.stop() < TREE_MB
        assert b"Traceback" not in err
        recs = [json.loads(line) for line in out.decode().splitlines()]
        lines = data.split(b"\n")[:-1]
        assert [r["input"] for r in recs] == [f"<stdin>:{n}" for n, raw in enumerate(lines, 1)
                                              if raw.strip(b" \t\r\n")]
        return
    cases = hostile.write(tmp_path / "in", fmt, 1000, seed=1717)
    paths = [c.path for c in cases]
    proc = subprocess.Popen([sys.executable, "-m", "tacitus.cli", "extract", str(tmp_path / "in"), "-j", "2",
                             "--max-bytes", str(MAX_BYTES)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    mem = hostile.TreeMemory(proc.pid)
    out, err = proc.communicate(timeout=3600)
    assert mem.stop() < TREE_MB
    check_extract(paths, proc.returncode, out.decode(), err.decode("utf-8", "replace"))


@pytest.mark.slow
def test_ingest_j2_on_hostile_inputs_of_every_format(tmp_path):
    for fmt in hostile.FORMATS:
        if fmt != "stdin":
            hostile.write(tmp_path / "in", fmt, 150, seed=1718)
    paths = sorted((tmp_path / "in").iterdir())
    db = tmp_path / "f.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "tacitus.cli", "ingest", str(tmp_path / "in"), "-j", "2", "-q",
                             "--max-bytes", str(MAX_BYTES), "--db", str(db)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    mem = hostile.TreeMemory(proc.pid)
    _, err = proc.communicate(timeout=3600)
    assert mem.stop() < TREE_MB
    err = err.decode("utf-8", "replace")
    assert "Traceback" not in err and proc.returncode in (0, 1), err[-3000:]
    con = duckdb.connect(str(db), read_only=True)
    inputs = [r[0] for r in con.execute("SELECT source FROM journal").fetchall()]
    check_accounting(paths, inputs)
    assert con.execute("SELECT count(*) FROM events WHERE cluster_id IS NULL AND type_cameo_root IS NOT NULL "
                       "AND date_start IS NOT NULL").fetchone()[0] == 0


@pytest.mark.slow
def test_a_bad_byte_deep_in_a_csv_neither_hangs_nor_stops_ingest(tmp_path):
    """The issue's case: 400 rows, a bad byte at row 300, `ingest -j 2` hung with no message."""
    f = tmp_path / "d.csv"
    with f.open("wb") as fh:
        fh.write(b"id,title,text\n")
        for i in range(400):
            t = hostile.GOOD[i % 5].replace('"', "").encode()
            fh.write(f"r{i},T{i},".encode() + (t.replace(b"a", b"\xff", 1) if i == 300 else t) + b"\n")
    code, _, err = cli("ingest", str(f), "-j", "2", "--db", str(tmp_path / "d.duckdb"))
    assert code == 1 and "Traceback" not in err and "1 failed" in err and "T003" in err
    con = duckdb.connect(str(tmp_path / "d.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM journal WHERE status = 'ok'").fetchone()[0] == 399
