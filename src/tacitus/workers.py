"""Worker processes for `Pipeline.run`: each builds its own pipeline from the settings, parses and
assembles batches of articles, and sends back only the records (JSON-able dicts), never the Docs,
so nothing but the input and the result crosses a process boundary.

Records come back in input order. What can go wrong costs only the articles concerned:

- A worker that dies (killed, out of memory) or overruns its time budget is killed and replaced,
  and the articles it had not finished are retried one at a time, so that only the article that
  kills or stalls a worker fails (T012 died, T018 too slow) and the run goes on.
- An article the worker cannot unpickle, or that breaks its parse, comes back as an error record
  (T012); the worker lives on.
- The budget: a batch must finish within `time_budget` seconds (more for more text: the budget
  covers a million characters more each time), counted from its last record.

Workers are fresh interpreters (`python -m tacitus.workers`), so they inherit no locks, threads or
open files and never re-run the caller's script. They never outlive the run: a worker exits as
soon as the parent's end of its pipe closes (a thread waits on it, whatever the worker is busy
with), and on Linux the kernel kills it when its parent dies (PR_SET_PDEATHSIG)."""

from __future__ import annotations

import gc
import logging
import os
import pickle
import queue
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

log = logging.getLogger(__name__)

Job = tuple[int, Any]          # (seq, Item or Failure)
READY = "ready"
START_TIMEOUT_S = 300
BUDGET_CHARS = 1_000_000  # a batch's budget grows by one budget per this many characters of text
HELD = 256  # records held for order (behind a slow one) before no new batch is handed out


class WorkerStartError(RuntimeError):
    """A worker process could not build its pipeline (its error is on stderr)."""


def _chars(jobs: Iterable[Job]) -> int:
    return sum(len(getattr(x, "text", "") or "") for _, x in jobs)


class _Batch:
    """Jobs sent to a worker together; `solo` when it is one article being retried alone."""

    def __init__(self, jobs: list[Job], solo: bool = False):
        self.jobs = {seq: job for seq, job in ((j[0], j) for j in jobs)}
        self.solo = solo

    def allowance(self, budget: float) -> float:
        return budget * (1 + _chars(self.jobs.values()) / BUDGET_CHARS)


class _Worker:
    def __init__(self, settings: Any):
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        self.proc = subprocess.Popen([sys.executable, "-m", "tacitus.workers", str(to_child_r), str(from_child_w),
                                      str(os.getpid())], pass_fds=(to_child_r, from_child_w),
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.out = Connection(to_child_w, readable=False)
        self.conn = Connection(from_child_r, writable=False)
        self.out.send(settings)
        self.ready = False
        self.gone = False  # a send failed: it has died, and is fed no more until replaced
        self.inflight: deque[_Batch] = deque()
        self.clock = time.monotonic()  # since when the head batch has had no record back

    def wait_ready(self, timeout: float = START_TIMEOUT_S) -> None:
        if self.ready:
            return
        try:
            if self.conn.poll(timeout) and self.conn.recv() == READY:
                self.ready = True
                return
        except (EOFError, OSError):
            pass
        raise WorkerStartError(f"a worker process could not start (exit code {self.proc.poll()})")

    def send(self, batch: _Batch) -> None:
        """Hands the batch over; OSError (the worker has gone) leaves it not in flight here."""
        if not self.inflight:
            self.clock = time.monotonic()
        self.inflight.append(batch)
        try:
            self.out.send([(seq, pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL))
                           for seq, job in batch.jobs.items()])
        except OSError:  # it has gone (killed, or exiting); killed to be sure, so its pipe reports it
            self.inflight.pop()
            self.gone, self.ready = True, False
            if self.proc.poll() is None:
                self.proc.kill()
            raise

    def unfinished(self) -> list[Job]:
        return [job for b in self.inflight for job in b.jobs.values()]

    def stop(self, kill: bool = False) -> None:
        if kill and self.proc.poll() is None:
            self.proc.kill()
        for c in (self.out, self.conn):
            try:
                c.close()
            except OSError:
                pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)


class Pool:
    """Worker processes kept for the pipeline's lifetime (started on first use), so repeated runs
    pay the start-up (a model load per worker) once."""

    def __init__(self, settings: Any, n_process: int):
        self.settings = settings
        self.n_process = n_process
        self.budget = float(getattr(settings, "time_budget", 0) or 0)
        self.workers: list[_Worker] = []
        self.busy = False
        self.deaths = 0  # worker deaths since the last record that came back

    def close(self) -> None:
        for w in self.workers:
            w.stop()
        self.workers = []

    def start(self) -> None:
        """Starts the workers and waits until each has its pipeline; WorkerStartError if one cannot."""
        for i, w in enumerate(self.workers):
            if w.gone or w.proc.poll() is not None:  # died after its last record of the last run
                self.replace(i)
        while len(self.workers) < self.n_process:
            self.workers.append(_Worker(self.settings))
        try:
            for w in self.workers:
                w.wait_ready()
        except WorkerStartError:
            self.close()
            raise

    def run(self, jobs: Iterable[Job], batch_size: int, lost: Callable[[Job, str], dict],
            slow: Callable[[Job, str], dict] | None = None) -> Iterator[dict]:
        """Records for the jobs, in their order (call start() first). `lost(job, why)` makes the
        record of a job whose worker died, `slow(job, why)` of one over the time budget. If the
        consumer stops early (or the jobs raise), the workers are stopped."""
        self.busy = True
        clean = False
        try:
            yield from _Run(self, jobs, batch_size, lost, slow or lost).records()
            clean = True
        finally:
            self.busy = False
            if not clean:  # results of an abandoned run may still be in the pipes
                self.close()

    def replace(self, i: int, kill: bool = False) -> None:
        self.workers[i].stop(kill=kill)
        self.workers[i] = _Worker(self.settings)


class _Run:
    """One run over the pool: hands out batches, collects records, keeps them in order, and
    handles the workers that die or stall. Every seq in `order` (owed, in input order) is in
    exactly one of `ready`, `solo`, `unsent` or a worker's `inflight`, so a record owed is always
    on its way or about to be sent."""

    def __init__(self, pool: Pool, jobs: Iterable[Job], batch_size: int, lost: Callable[[Job, str], dict],
                 slow: Callable[[Job, str], dict]):
        self.pool, self.batch_size, self.lost, self.slow = pool, batch_size, lost, slow
        self.source = iter(jobs)
        self.exhausted = False
        self.ready: dict[int, dict] = {}
        self.order: deque[int] = deque()
        self.solo: deque[Job] = deque()  # jobs to retry one at a time
        self.unsent: deque[_Batch] = deque()  # batches whose send failed (the worker had died)
        # records held for order while an earlier one is still out (a slow batch): past this many,
        # no new batch is handed out, so the parent's memory stays bounded
        self.cap = max(HELD, 4 * batch_size * pool.n_process)

    def next_batch(self) -> _Batch | None:
        if self.unsent:
            return self.unsent.popleft()
        if self.solo:
            return _Batch([self.solo.popleft()], solo=True)
        out: list[Job] = []
        if not self.exhausted and len(self.ready) < self.cap:
            for job in self.source:
                out.append(job)
                self.order.append(job[0])
                if len(out) >= self.batch_size:
                    break
            else:
                self.exhausted = True
        return _Batch(out) if out else None

    def feed(self) -> None:
        """Keeps every ready worker two batches ahead (as far as the cap allows)."""
        for w in self.pool.workers:
            while w.ready and len(w.inflight) < 2 and (batch := self.next_batch()) is not None:
                try:
                    w.send(batch)
                except OSError:  # it died since (gone): its pipe reports the death below (died())
                    self.unsent.appendleft(batch)

    def records(self) -> Iterator[dict]:
        pool = self.pool
        while True:
            self.feed()
            while self.order and self.order[0] in self.ready:
                yield self.ready.pop(self.order.popleft())
            self.feed()  # the records just yielded make room under the cap for the batches it refused
            if self.exhausted and not self.order and not self.solo and not self.unsent:
                return
            waiting = [w for w in pool.workers if w.inflight or not w.ready]
            if not waiting:  # nothing out and nothing to send, yet records owed: a bug, not a wait
                raise RuntimeError(f"{len(self.order)} records owed and no worker has them")
            signalled = wait([w.conn for w in waiting], timeout=self.timeout(waiting))
            for i, w in enumerate(list(pool.workers)):
                if w.conn in signalled:
                    self.receive(i, w)
                elif w in waiting and w.inflight and self.overdue(w):
                    self.stalled(i, w)

    def timeout(self, waiting: list[_Worker]) -> float | None:
        if not self.pool.budget:
            return None
        due = [w.clock + w.inflight[0].allowance(self.pool.budget) for w in waiting if w.inflight]
        return max(0.0, min(due) - time.monotonic()) + 0.05 if due else None

    def overdue(self, w: _Worker) -> bool:
        return bool(self.pool.budget) and time.monotonic() > w.clock + w.inflight[0].allowance(self.pool.budget)

    def receive(self, i: int, w: _Worker) -> None:
        try:
            msg = w.conn.recv()
        except (EOFError, OSError):
            self.died(i, w)
            return
        if msg == READY:
            w.ready = True
            return
        seq, rec = msg
        for b in w.inflight:
            if b.jobs.pop(seq, None) is not None:
                break
        while w.inflight and not w.inflight[0].jobs:
            w.inflight.popleft()
        w.clock = time.monotonic()
        self.ready[seq] = rec
        self.pool.deaths = 0

    def died(self, i: int, w: _Worker) -> None:
        code = w.proc.wait()
        pool = self.pool
        pool.deaths += 1
        if pool.deaths > 3 * pool.n_process:
            raise WorkerStartError(f"worker processes keep dying (last exit code {code}); "
                                   "run with -j 1 to see the error")
        why = f"the worker process died (exit code {code}) while parsing this article"
        self.retry(w, why, self.lost)
        log.warning("a worker process died (exit code %s); restarting it", code)
        pool.replace(i)

    def stalled(self, i: int, w: _Worker) -> None:
        allowed = w.inflight[0].allowance(self.pool.budget)
        why = (f"parsing took longer than the time budget ({allowed:.0f} s); the article is too long or too odd "
               "for the stages (raise the time_budget setting to give it longer)")
        log.warning("a worker process overran its time budget (%.0f s); restarting it", allowed)
        self.retry(w, why, self.slow)
        self.pool.replace(i, kill=True)

    def retry(self, w: _Worker, why: str, record: Callable[[Job, str], dict]) -> None:
        """The unfinished jobs of a worker that is being replaced: each tried again alone, but a
        job that was already alone is the one to blame."""
        head = w.inflight[0] if w.inflight else None
        if head is not None and head.solo:
            for job in head.jobs.values():
                self.ready[job[0]] = record(job, why)
            w.inflight.popleft()
        self.solo.extendleft(reversed(w.unfinished()))
        w.inflight.clear()


def _die_with_parent(parent: int) -> None:
    """Asks the kernel to kill this process when its parent dies (Linux), and exits if it already has."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(0)


def _serve(fd_in: int, fd_out: int, parent: int | None = None) -> None:
    """A worker's life: build the pipeline, say so, then turn batches of jobs into records, each
    sent as soon as it is made."""
    if parent is not None:
        _die_with_parent(parent)
    inbox = Connection(fd_in, writable=False)
    outbox = Connection(fd_out, readable=False)
    try:
        settings = inbox.recv()
    except (EOFError, OSError):
        return
    jobs_q: queue.Queue = queue.Queue()

    def read() -> None:  # drains the pipe at once, so the parent never blocks sending while we send
        while True:
            try:
                jobs_q.put(inbox.recv())
            except (EOFError, OSError):  # the parent has gone, or stopped us: nothing left to do it for
                os._exit(0)
            except Exception:  # a batch this process cannot take in: die, the parent retries its articles
                log.exception("a worker could not read its batch")
                os._exit(3)

    threading.Thread(target=read, daemon=True, name="tacitus-worker-inbox").start()
    from .ingest.items import Item
    from .pipeline import Pipeline, unpickled

    pipe = Pipeline(settings)
    list(pipe.run_local([(-1, Item(text="Police arrested a man in Paris.", input="warm-up"))]))  # loads what
    gc.freeze()  # the model and tables live as long as the worker: the collector need not walk them again
    outbox.send(READY)  # the first article would (the gazetteer), outside any article's time budget
    while True:
        jobs = [unpickled(seq, data) for seq, data in jobs_q.get()]
        try:
            for (seq, _), rec in zip(jobs, pipe.run_local(jobs), strict=True):
                outbox.send((seq, rec))
        except (BrokenPipeError, OSError):
            return


if __name__ == "__main__":
    _serve(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else None)
