"""Fuzz and memory: hostile inputs of every format through `tacitus extract -j 2` (and `ingest`),
and inputs of odd shapes up to the size limit. Prints, per format: inputs tried, records, crashes
(a traceback or an undocumented exit status), hangs (no end within --hang seconds), unaccounted
inputs (a file with no trace, an input twice, a JSONL line with no record), T012 (an article lost
to an internal error: the run went on, but a stage broke) and T018 (over the time budget), and the
peak resident memory of the whole process tree (parent and workers). Figures, never asserted.

    .venv/bin/python benchmarks/fuzz.py                  # 5,000 inputs of every format, then the shapes
    .venv/bin/python benchmarks/fuzz.py --n 300 --no-shapes
    .venv/bin/python benchmarks/fuzz.py --n 0 --budget 60  # the shapes only
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hostile  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PROSE = ("Rebels attacked an army base near Gao on Monday, killing four soldiers, officials said. \"We will "
         "not stop,\" a spokesman for the group told Reuters in Bamako. Residents said the fighters had moved "
         "into the area last month.")


def run(cmd: list[str], stdin: bytes | None, hang: float, env: dict) -> dict:
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    mem = hostile.TreeMemory(proc.pid)
    hung = False
    try:
        out, err = proc.communicate(stdin, timeout=hang)
    except subprocess.TimeoutExpired:
        hung = True
        proc.kill()
        out, err = proc.communicate()
    return {"rc": proc.returncode, "out": out.decode("utf-8", "replace"), "err": err.decode("utf-8", "replace"),
            "hung": hung, "peak_mb": mem.stop(), "secs": time.monotonic() - started}


def fuzz_format(fmt: str, n: int, seed: int, max_bytes: int, jobs: int, hang: float, env: dict, tmp: Path) -> dict:
    base = [sys.executable, "-m", "tacitus.cli", "extract", "-j", str(jobs), "--max-bytes", str(max_bytes), "-q"]
    if fmt == "stdin":
        rng = random.Random(f"stdin-{seed}")
        data = b"".join(hostile.jsonl(rng).rstrip(b"\n") + b"\n" for _ in range(n))
        got = run(base + ["-"], data, hang, env)
        lines = data.split(b"\n")[:-1]
        want = [f"<stdin>:{k}" for k, raw in enumerate(lines, 1) if raw.strip(b" \t\r\n")]
        recs = _records(got["out"])
        bad = len(set(want) ^ {r["input"] for r in recs}) + (len(recs) - len({r["input"] for r in recs}))
        return _row(fmt, n, got, recs, bad)
    folder = tmp / fmt.replace(".", "_")
    paths = [c.path for c in hostile.write(folder, fmt, n, seed)]
    got = run(base + [str(folder)], None, hang, env)
    recs = _records(got["out"])
    inputs = [r["input"] for r in recs]
    missing, twice, stray = hostile.unaccounted(paths, inputs)
    names = set(inputs)
    lines = sum(len(hostile.jsonl_lines_missing(p, names, max_bytes)) for p in paths if p.suffix == ".jsonl")
    return _row(fmt, n, got, recs, len(missing) + len(twice) + len(stray) + lines)


def _records(out: str) -> list[dict]:
    recs = []
    for line in out.splitlines():
        try:
            recs.append(json.loads(line))
        except json.JSONDecodeError:
            recs.append({"input": "<unreadable output line>", "ok": False, "errors": [{"code": "?"}]})
    return recs


def _row(fmt: str, n: int, got: dict, recs: list[dict], unaccounted: int) -> dict:
    codes = collections.Counter(r["errors"][0]["code"] for r in recs if not r.get("ok", True) and r.get("errors"))
    failed = any(not r.get("ok", True) for r in recs)
    crash = "Traceback" in got["err"] or (not got["hung"] and got["rc"] != (1 if failed else 0))
    return {"format": fmt, "inputs": n, "records": len(recs), "ok": sum(1 for r in recs if r.get("ok", True)),
            "crashes": int(crash), "hangs": int(got["hung"]), "unaccounted": unaccounted, "T012": codes["T012"],
            "T018": codes["T018"], "peak_mb": round(got["peak_mb"]), "secs": round(got["secs"]),
            "stderr": got["err"][-2000:] if crash else ""}


def shapes(limit: int) -> list[tuple[str, list[str]]]:
    """Texts of odd shapes, each just under `limit` bytes in UTF-8 (one article per file, unless said)."""
    n = limit - 200
    prose = (PROSE + "\n\n") * (n // (len(PROSE) + 2))
    return [
        ("prose, 2 MB", [prose]),
        ("'x-' run-on, 2 MB (over the token limit)", ["x-" * (n // 2)]),
        ("'x-' run-on, 0.9 MB (450,000 tokens)", ["x-" * 225_000]),
        ('\'"He said \' repeated, 2 MB', ['"He said ' * (n // 9)]),
        ("one word, 2 MB", ["a" * n]),
        ("newlines, 2 MB", ["\n" * (n - 10) + "Rebels."]),
        ("CJK, no spaces, 2 MB", ["叛军袭击了军事基地。" * (n // 30)]),
        ("emoji and combining marks, 2 MB", ["\U0001f600e\u0301 " * (n // 8)]),
        ("20 files of 190 KB prose", [(PROSE + "\n\n") * (190_000 // (len(PROSE) + 2))] * 20),
    ]


def run_shapes(limit: int, jobs: int, hang: float, env: dict, tmp: Path) -> list[dict]:
    rows = []
    for k, (name, texts) in enumerate(shapes(limit)):
        folder = tmp / f"shape{k}"
        folder.mkdir()
        for i, t in enumerate(texts):
            (folder / f"{i:03d}.txt").write_text("A title\n\n" + t, encoding="utf-8")
        got = run([sys.executable, "-m", "tacitus.cli", "extract", str(folder), "-j", str(jobs), "-q"], None, hang,
                  env)
        recs = _records(got["out"])
        codes = collections.Counter(("ok" if r.get("ok", True) else r["errors"][0]["code"]) for r in recs)
        rows.append({"shape": name, "files": len(texts), "results": dict(codes), "crashes": int("Traceback" in
                     got["err"]), "hangs": int(got["hung"]), "peak_mb": round(got["peak_mb"]),
                     "secs": round(got["secs"])})
        print(f"{name:45s} {json.dumps(dict(codes)):28s} crash {rows[-1]['crashes']} hang {rows[-1]['hangs']} "
              f"peak {rows[-1]['peak_mb']:5d} MB  {rows[-1]['secs']:5d} s", flush=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000, help="inputs per format")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--formats", default=",".join(hostile.FORMATS))
    ap.add_argument("--max-bytes", type=int, default=20_000, help="size limit for the fuzzed inputs")
    ap.add_argument("--jobs", "-j", type=int, default=2)
    ap.add_argument("--budget", type=float, default=60, help="time_budget for the runs (seconds)")
    ap.add_argument("--hang", type=float, default=3600, help="a run longer than this is a hang")
    ap.add_argument("--no-shapes", action="store_true")
    ap.add_argument("--out", type=Path, help="also write the figures here as JSON")
    args = ap.parse_args()
    env = dict(os.environ, TACITUS_TIME_BUDGET=str(args.budget))
    rows: list[dict] = []
    shape_rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="tacitus-fuzz-") as tmp:
        if args.n:
            print(f"{'format':9s} {'inputs':>7s} {'records':>8s} {'ok':>6s} {'crash':>6s} {'hang':>5s} "
                  f"{'unacc':>6s} {'T012':>5s} {'T018':>5s} {'peak MB':>8s} {'secs':>6s}", flush=True)
            for fmt in args.formats.split(","):
                r = fuzz_format(fmt, args.n, args.seed, args.max_bytes, args.jobs, args.hang, env, Path(tmp))
                rows.append(r)
                print(f"{r['format']:9s} {r['inputs']:7d} {r['records']:8d} {r['ok']:6d} {r['crashes']:6d} "
                      f"{r['hangs']:5d} {r['unaccounted']:6d} {r['T012']:5d} {r['T018']:5d} {r['peak_mb']:8d} "
                      f"{r['secs']:6d}", flush=True)
                if r["stderr"]:
                    print(r["stderr"], flush=True)
            print(f"total: {sum(r['inputs'] for r in rows)} inputs, {sum(r['crashes'] for r in rows)} crashes, "
                  f"{sum(r['hangs'] for r in rows)} hangs, {sum(r['unaccounted'] for r in rows)} unaccounted, "
                  f"peak {max(r['peak_mb'] for r in rows)} MB", flush=True)
        if not args.no_shapes:
            print(f"\nshapes up to the size limit (2 MB), extract -j {args.jobs}, time_budget {args.budget:.0f} s:")
            shape_rows = run_shapes(2_000_000, args.jobs, args.hang, env, Path(tmp))
            print(f"peak over the shapes: {max(r['peak_mb'] for r in shape_rows)} MB", flush=True)
    if args.out:
        args.out.write_text(json.dumps({"formats": rows, "shapes": shape_rows}, indent=1))


if __name__ == "__main__":
    main()
