"""Worker processes for `Pipeline.run`: each builds its own pipeline from the settings, parses and
assembles whole batches of articles, and sends back only the records (JSON-able dicts), never the
Docs, so nothing but the input and the result crosses a process boundary.

Records come back in input order. A worker that dies (killed, out of memory) costs only the
articles it held: each becomes an error record and a new worker takes its place. Workers are fresh
interpreters (`python -m tacitus.workers`), so they inherit no locks, threads or open files and never
re-run the caller's script; they exit when the parent's end of their pipe closes, so they never
outlive the run, even after a kill -9 of the parent."""

from __future__ import annotations

import logging
import os
import queue
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

log = logging.getLogger(__name__)

Job = tuple[int, Any]          # (seq, Item or Failure)
Result = tuple[int, dict]      # (seq, record)
READY = "ready"
UNREADABLE = object()
START_TIMEOUT_S = 300


class WorkerStartError(RuntimeError):
    """A worker process could not build its pipeline (its error is on stderr)."""


class _Worker:
    def __init__(self, settings: Any):
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        self.proc = subprocess.Popen([sys.executable, "-m", "tacitus.workers", str(to_child_r), str(from_child_w)],
                                     pass_fds=(to_child_r, from_child_w), stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.out = Connection(to_child_w, readable=False)
        self.conn = Connection(from_child_r, writable=False)
        self.out.send(settings)
        self.ready = False
        self.inflight: deque[list[Job]] = deque()

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

    def send(self, jobs: list[Job]) -> None:
        self.inflight.append(jobs)
        self.out.send(jobs)

    def stop(self) -> None:
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
        self.workers: list[_Worker] = []
        self.busy = False
        self.deaths = 0  # worker deaths since the last batch that came back

    def close(self) -> None:
        for w in self.workers:
            w.stop()
        self.workers = []

    def start(self) -> None:
        """Starts the workers and waits until each has its pipeline; WorkerStartError if one cannot."""
        while len(self.workers) < self.n_process:
            self.workers.append(_Worker(self.settings))
        try:
            for w in self.workers:
                w.wait_ready()
        except WorkerStartError:
            self.close()
            raise

    def run(self, jobs: Iterable[Job], batch_size: int, lost: Callable[[Job, str], dict]) -> Iterator[dict]:
        """Records for the jobs, in their order (call start() first). `lost(job, why)` makes the
        record of a job whose worker died. If the consumer stops early, the workers are stopped."""
        self.busy = True
        clean = False
        try:
            yield from self._run(jobs, batch_size, lost)
            clean = True
        finally:
            self.busy = False
            if not clean:  # results of an abandoned run may still be in the pipes
                self.close()

    def _replace(self, i: int) -> _Worker:
        self.workers[i].stop()
        self.workers[i] = _Worker(self.settings)
        return self.workers[i]

    def _run(self, jobs: Iterable[Job], batch_size: int, lost: Callable[[Job, str], dict]) -> Iterator[dict]:
        workers = self.workers
        ready: dict[int, dict] = {}
        order: deque[int] = deque()
        source = iter(jobs)
        exhausted = False

        def batch() -> list[Job]:
            nonlocal exhausted
            out: list[Job] = []
            for job in source:
                out.append(job)
                order.append(job[0])
                if len(out) >= batch_size:
                    break
            else:
                exhausted = True
            return out

        while True:
            for w in workers:  # keep every worker two batches ahead
                while not exhausted and len(w.inflight) < 2:
                    jobs_ = batch()
                    if not jobs_:
                        break
                    try:
                        w.send(jobs_)
                    except OSError:  # it died since: its pipe reports the jobs lost below
                        break
            while order and order[0] in ready:
                yield ready.pop(order.popleft())
            busy = [w for w in workers if w.inflight]
            if not busy:
                if exhausted and not order:
                    return
                continue
            signalled = wait([w.conn for w in busy])
            for i, w in enumerate(workers):
                if not w.inflight or w.conn not in signalled:
                    continue
                try:
                    msg = w.conn.recv()
                except (EOFError, OSError):
                    msg = None
                if msg == READY:
                    w.ready = True
                    continue
                if msg is not None:
                    w.inflight.popleft()
                    ready.update(msg)
                    self.deaths = 0
                    continue
                code = w.proc.wait()
                self.deaths += 1
                if self.deaths > 3 * self.n_process:
                    raise WorkerStartError(f"worker processes keep dying (last exit code {code}); "
                                           "run with -j 1 to see the error")
                why = f"the worker process died (exit code {code}) while parsing this article"
                log.warning("a worker process died (exit code %s); %d articles lost, restarting it",
                            code, sum(len(b) for b in w.inflight))
                for b in w.inflight:
                    for job in b:
                        ready[job[0]] = lost(job, why)
                w.inflight.clear()
                self._replace(i)


def _serve(fd_in: int, fd_out: int) -> None:
    """A worker's life: build the pipeline, say so, then turn batches of jobs into results."""
    inbox = Connection(fd_in, writable=False)
    outbox = Connection(fd_out, readable=False)
    try:
        settings = inbox.recv()
    except (EOFError, OSError):
        return
    from .pipeline import Pipeline

    pipe = Pipeline(settings)
    jobs_q: queue.Queue = queue.Queue()

    def read() -> None:  # drains the pipe at once, so the parent never blocks sending while we send
        while True:
            try:
                jobs_q.put(inbox.recv())
            except (EOFError, OSError):  # the parent has gone: so do we
                jobs_q.put(None)
                return
            except Exception:  # a batch that cannot be unpickled: die, so the parent reports its articles
                log.exception("a worker could not read its batch")
                jobs_q.put(UNREADABLE)
                return

    threading.Thread(target=read, daemon=True, name="tacitus-worker-inbox").start()
    outbox.send(READY)
    while (jobs := jobs_q.get()) is not None:
        if jobs is UNREADABLE:
            sys.exit(3)
        try:
            outbox.send([(seq, rec) for (seq, _), rec in zip(jobs, pipe.run_local(jobs), strict=True)])
        except (BrokenPipeError, OSError):
            return


if __name__ == "__main__":
    _serve(int(sys.argv[1]), int(sys.argv[2]))
