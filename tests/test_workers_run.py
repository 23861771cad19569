"""The scheduling of `workers._Run` on hand-built workers, without the model or processes (#17):
every record comes back once and in order, whatever the cap on held records, failed sends and
dead workers do to the batches out."""

from __future__ import annotations

import time
from collections import deque
from multiprocessing import Pipe

import pytest

from tacitus import workers


class _Proc:
    def __init__(self):
        self.code = None

    def poll(self):
        return self.code

    def wait(self, timeout=None):
        return self.code

    def kill(self):
        self.code = -9


class _Out:
    """The worker's end of the batches: answers each at once through a real pipe (so wait()
    sees it), unless `held` (a slow article: answered by flush()), or `dead` (the send fails)."""

    def __init__(self, worker: FakeWorker):
        self.worker = worker

    def send(self, msg) -> None:
        w = self.worker
        if w.dead:
            w.proc.code = 1
            w._w.close()  # its end of the records' pipe goes with it: EOF
            raise BrokenPipeError(32, "Broken pipe")
        w.sent += 1
        w.pending += [seq for seq, _ in msg]
        if not w.held:
            w.flush()


class FakeWorker(workers._Worker):
    """A worker without a process; send(), unfinished() and the bookkeeping are the real ones."""

    def __init__(self, held: bool = False, dead: bool = False):
        self.conn, self._w = Pipe(duplex=False)
        self.out, self.proc = _Out(self), _Proc()
        self.ready, self.gone, self.held, self.dead = True, False, held, dead
        self.inflight: deque = deque()
        self.clock = time.monotonic()
        self.pending: list[int] = []
        self.sent = 0

    def flush(self) -> None:
        for seq in self.pending:
            self._w.send((seq, {"seq": seq}))
        self.pending = []


class FakePool:
    def __init__(self, ws: list[FakeWorker]):
        self.workers, self.n_process, self.budget, self.deaths = ws, len(ws), 0.0, 0

    def replace(self, i: int, kill: bool = False) -> None:
        self.workers[i] = FakeWorker()


def lost(job, why):
    return {"seq": job[0], "lost": why}


def run(pool: FakePool, n: int, batch_size: int = 1, first_solo: bool = False) -> list[dict]:
    jobs = [(i, f"article {i}") for i in range(n)]
    r = workers._Run(pool, jobs[1:] if first_solo else jobs, batch_size, lost, lost)
    if first_solo:  # article 0 is being retried alone (its batch's worker died)
        r.order.append(0)
        r.solo.append(jobs[0])
    return list(r.records())


@pytest.fixture
def slow_head(monkeypatch):
    """Two workers; the first answers only once wait() is left waiting on it alone."""
    real = workers.wait

    def wait(conns, timeout=None):
        for w in pool.workers:
            if w.held and conns == [w.conn]:
                w.flush()
        return real(conns, timeout)

    monkeypatch.setattr(workers, "wait", wait)
    monkeypatch.setattr(workers, "HELD", 2)
    pool = FakePool([FakeWorker(held=True), FakeWorker()])
    return pool


def test_batches_the_cap_refused_are_handed_out_once_the_held_records_are_yielded(slow_head):
    """The cap (max(HELD, 4 x batch size x workers) = 8 here) refuses new batches while the fast
    worker's records wait behind the slow one; when that one comes back, all are yielded and
    nothing is out: the run must go on (it ended with '0 records owed and no worker has them')."""
    recs = run(slow_head, 40)
    assert recs == [{"seq": i} for i in range(40)]
    assert slow_head.workers[1].sent > 8  # the fast worker was held back, then fed again


def test_held_records_stay_under_the_cap(slow_head, monkeypatch):
    held = []
    real = workers._Run.receive

    def receive(self, i, w):
        real(self, i, w)
        held.append(len(self.ready))

    monkeypatch.setattr(workers._Run, "receive", receive)
    assert run(slow_head, 100, batch_size=2) == [{"seq": i} for i in range(100)]
    assert max(held) <= 16 + 2 * 2 * 2  # the cap, and the two batches each worker may already hold


@pytest.mark.parametrize("first_solo", [False, True])
def test_a_batch_whose_send_failed_goes_to_another_worker_and_costs_nothing(first_solo):
    """A worker that died idle: the batch it never got is sent elsewhere (a retried article is
    not blamed for a death it did not cause), and the dead worker is replaced."""
    pool = FakePool([FakeWorker(dead=True), FakeWorker()])
    dead = pool.workers[0]
    assert run(pool, 30, batch_size=3, first_solo=first_solo) == [{"seq": i} for i in range(30)]
    assert dead.gone and dead not in pool.workers and pool.deaths == 0


def test_a_run_of_one_worker_whose_send_failed_waits_for_its_replacement():
    pool = FakePool([FakeWorker(dead=True)])
    assert run(pool, 5, batch_size=2) == [{"seq": i} for i in range(5)]
