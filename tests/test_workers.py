"""Worker processes: records come back in input order and equal a run in one process; a worker
that dies costs only its own articles; workers never outlive their parent."""

import json
import os
import signal
import subprocess
import sys

import pytest

from conftest import SAMPLES
from robust_helpers import survivors
from tacitus.errors import InputError
from tacitus.ingest.items import Failure, Item
from tacitus.ingest.sources import iter_items
from tacitus.pipeline import Pipeline
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def parallel():
    p = Pipeline(Settings(n_process=2, batch_size=4))
    yield p
    p.close()


def test_parallel_records_equal_a_local_run(parallel, pipe):
    items = list(iter_items([str(SAMPLES)], max_bytes=2_000_000))
    local = list(pipe.run(items, n_process=1))
    assert list(parallel.run(items)) == local
    assert list(parallel.run(items[:5])) == local[:5]  # the pool is reused


def test_big_batches_both_ways_do_not_deadlock(parallel):
    """Batches and their records larger than a pipe's buffer flow both ways at once."""
    para = "Rebels attacked an army base near Gao on Monday, killing four soldiers, officials said. "
    items = [Item(text=para * 250, input=f"big{i}", id=f"big{i}", published="2024-05-06") for i in range(16)]
    recs = list(parallel.run(items))
    assert [r["id"] for r in recs] == [f"big{i}" for i in range(16)] and all(r.get("ok", True) for r in recs)


def test_a_worker_killed_from_outside_costs_no_article(parallel):
    """Its unfinished articles are retried one at a time (#17); only an article that itself kills
    its worker is lost (test_robust_workers.py)."""
    list(parallel.run([Item(text="Rebels attacked a base in Mali.", input="w")]))
    pool = parallel._pools[2]

    def items():
        for i in range(40):
            if i == 30:  # by now both workers hold batches
                pool.workers[0].proc.kill()
            yield Item(text=f"Rebels attacked army base number {i} in Mali on Monday.", input=f"in{i}", id=f"a{i}",
                       published="2024-05-06")
    recs = list(parallel.run(items()))
    assert [r["id"] for r in recs] == [f"a{i}" for i in range(40)]
    assert all(r.get("ok", True) for r in recs)
    assert len(list(parallel.run([Item(text="Police arrested two men in Lagos.", input="x")]))) == 1


def test_failed_inputs_cross_to_the_workers(parallel):
    """A Failure (its error with keyword arguments) unpickles in a worker and keeps its place."""
    err = InputError("T005", "not text", source="notes.docx", hint="save it as text")
    items = [Item(text="Rebels attacked a base in Mali.", input="ok", id="ok"), Failure(input="notes.docx", error=err)]
    recs = list(parallel.run(items))
    assert [r["id"] for r in recs][0] == "ok" and not recs[1]["ok"]
    assert recs[1]["errors"][0]["code"] == "T005" and "notes.docx" in recs[1]["errors"][0]["message"]


class _Unreadable:
    """Pickles in the parent, raises when a worker unpickles it."""

    def __reduce__(self):
        return (int, ("not a number",))


def test_a_batch_a_worker_cannot_read_is_reported_not_awaited(parallel):
    items = [Item(text="Rebels attacked a base in Mali.", input="bad", id="bad", problems=[{"x": _Unreadable()}])]
    recs = list(parallel.run(items))
    assert len(recs) == 1 and recs[0]["errors"][0]["code"] == "T012"
    assert len(list(parallel.run([Item(text="Police arrested two men in Lagos.", input="x")]))) == 1


@pytest.mark.slow
def test_workers_die_with_their_parent(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(
        "import json, sys, time\n"
        "from tacitus.ingest.items import Item\n"
        "from tacitus.pipeline import Pipeline\n"
        "from tacitus.settings import Settings\n"
        "p = Pipeline(Settings(n_process=2))\n"
        "list(p.run([Item(text='Rebels attacked a base.', input='x')]))\n"
        "print(json.dumps([w.proc.pid for w in p._pools[2].workers]), flush=True)\n"
        "time.sleep(600)\n")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    pids = json.loads(parent.stdout.readline())
    assert len(pids) == 2
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    alive = survivors(pids)
    assert not alive, f"workers {alive} outlived their parent"
