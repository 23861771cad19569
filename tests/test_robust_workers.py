"""Worker processes under articles that stall, kill or break them (#17): the time budget fails the
slow article (T018), not the run; an article that kills its worker costs only itself (T012); the
run ends promptly when its input breaks; workers never outlive their parent, even mid-article."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT
from robust_helpers import KILL, STALL, TrapSettings, survivors
from tacitus.ingest.items import Item
from tacitus.pipeline import Pipeline

TESTS = str(ROOT / "tests")


def article(i: int, extra: str = "") -> Item:
    return Item(text=f"Rebels attacked army base number {i} in Mali on Monday. {extra}", input=f"in{i}", id=f"a{i}",
                published="2024-05-06")


@pytest.fixture(scope="module")
def trapped():
    env = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = TESTS + (os.pathsep + env if env else "")
    p = Pipeline(TrapSettings(n_process=2, batch_size=4, time_budget=4))
    yield p
    p.close()
    if env is None:
        os.environ.pop("PYTHONPATH")
    else:
        os.environ["PYTHONPATH"] = env


def test_an_article_over_the_time_budget_fails_alone_with_T018(trapped):
    items = [article(i, STALL if i == 5 else "") for i in range(12)]
    started = time.monotonic()
    recs = list(trapped.run(items))
    assert time.monotonic() - started < 100  # the stage sleeps 120 s: the budget ended it
    assert [r["id"] for r in recs] == [f"a{i}" for i in range(12)]
    assert [r["ok"] for r in recs] == [i != 5 for i in range(12)]
    assert recs[5]["errors"][0]["code"] == "T018" and "time budget" in recs[5]["errors"][0]["message"]


def test_an_article_that_kills_its_worker_costs_only_itself(trapped):
    items = [article(i, KILL if i in (2, 9) else "") for i in range(12)]
    recs = list(trapped.run(items))
    assert [r["id"] for r in recs] == [f"a{i}" for i in range(12)]
    assert [r["ok"] for r in recs] == [i not in (2, 9) for i in range(12)]
    assert all(recs[i]["errors"][0]["code"] == "T012" and "died" in recs[i]["errors"][0]["message"] for i in (2, 9))
    assert len(list(trapped.run([article(99)]))) == 1  # the pool goes on


def test_input_that_breaks_ends_the_run_promptly(trapped):
    def items():
        for i in range(40):
            if i == 20:
                raise ValueError("a reader broke")
            yield article(i)

    started = time.monotonic()
    with pytest.raises(ValueError, match="a reader broke"):
        list(trapped.run(items()))
    assert time.monotonic() - started < 60
    assert all(w.proc.poll() is not None for w in trapped._pools[2].workers) or not trapped._pools[2].workers


PARENT = """
import json, sys, time
sys.path.insert(0, {tests!r})
from robust_helpers import STALL, TrapSettings
from tacitus.ingest.items import Item
from tacitus.pipeline import Pipeline
p = Pipeline(TrapSettings(n_process=2, batch_size=1))
list(p.run([Item(text='Rebels attacked a base.', input='x')]))
print(json.dumps([w.proc.pid for w in p._pools[2].workers]), flush=True)
list(p.run([Item(text='Rebels attacked a base. ' + STALL, input=f'x{{i}}') for i in range(4)]))
"""


@pytest.mark.slow
def test_workers_die_with_their_parent_even_mid_article(tmp_path):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [TESTS, os.environ.get("PYTHONPATH")])))
    parent = subprocess.Popen([sys.executable, "-c", PARENT.format(tests=TESTS)], stdout=subprocess.PIPE, text=True,
                              env=env)
    pids = json.loads(parent.stdout.readline())
    time.sleep(3)  # both workers are asleep in a stage now
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    alive = survivors(pids)
    assert not alive, f"workers {alive} outlived their parent"


def test_records_held_for_order_stay_bounded_while_one_batch_is_slow(trapped, monkeypatch):
    """While one worker sits on a slow article, the other is not fed without end: the records
    waiting for their turn stay under the cap."""
    from tacitus import workers

    held = []
    real = workers._Run.receive

    def receive(self, i, w):
        real(self, i, w)
        held.append(len(self.ready))

    monkeypatch.setattr(workers._Run, "receive", receive)
    monkeypatch.setattr(workers, "HELD", 10)  # the cap: max(HELD, 4 x batch size x workers) = 16
    items = [article(i, STALL if i == 0 else "") for i in range(120)]
    recs = list(trapped.run(items, batch_size=2))
    assert len(recs) == 120 and recs[0]["errors"][0]["code"] == "T018"
    assert max(held) <= 16 + 2 * 2 * 2  # and the two batches each worker may already hold
