"""Worker processes that read, recognize and parse documents for ingest, under a time and a
memory limit per document; the parent keeps the store and takes the outcomes back by ticket.

A worker that passes the time limit is killed, one that dies (out of memory, a crash in a C
library, killed by the system) is replaced: either way its document gets a rejection with the
reason and the next documents go on.

Workers are forked from this process once it has warmed the stages (`whereas.ingest.warm`,
once a process), so a new worker costs a fork, not a second of imports and model loading; a
worker is given a document when it has said it is ready, and the document's clock starts then.
Warming in each worker instead would keep this process smaller, but every pool (a test, a
bench, each replaced worker) would pay it again: on a loaded machine two workers took over 40 s
to warm. Fork, not forkserver or spawn: those re-import the caller's `__main__` in every worker
(a script without a main guard would ingest itself) and take seconds to start; the parent never
reads or parses itself, so no lxml or regex state is caught mid-way by the fork.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from types import TracebackType

from whereas.config import Limits
from whereas.ingest.stages import Outcome, Rejection, Stage, read_and_parse
from whereas.ingest.warm import warm_up
from whereas.ingest.worker import READY, Job, Reply, serve

_STOP_WAIT_S = 5.0
_START_S = 120.0  # for a new worker to say it is ready (milliseconds, but machines get loaded)
_START_ATTEMPTS = 3
# Held from making a worker's pipe until the parent closes the worker's end: a fork from another
# thread meanwhile would inherit that end, and the parent would then never see the pipe close
# when the worker dies.
_FORKING = threading.Lock()


def took_too_long(limits: Limits) -> str:
    """The reason given for a document that passed the time limit."""
    return f"took longer than {limits.max_seconds:g} s to read and parse: stopped"


def died(exitcode: int | None) -> str:
    """The reason given for a document whose worker died under it."""
    if exitcode is not None and exitcode < 0:
        try:
            how = f"was killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"was killed by signal {-exitcode}"
        if exitcode == -signal.SIGKILL:
            how += " (by the system when memory runs out, or by hand)"
    else:
        how = f"exited with code {exitcode}"
    return f"the process reading and parsing it {how}: stopped"


@dataclass(eq=False)
class _Worker:
    """One worker process, its end of the pipe, whether it said it is ready, and the job it is
    on; `since`: when it was started, then when its job was sent."""

    process: BaseProcess
    conn: Connection
    since: float
    ready: bool = False
    job: Job | None = None


@dataclass
class PoolStats:
    """What the workers did: documents answered, their CPU time, workers replaced."""

    documents: int = 0
    cpu_seconds: float = 0.0
    replaced: int = 0
    timeouts: int = 0


class DocumentPool:
    """Worker processes (`workers`, default `limits.workers`, at least one) answering jobs by
    ticket, each document within the time and memory limits.

    Not thread-safe: one caller submits and collects (and the workers die with its thread).
    `stage` is what a worker runs on a document (tests pass one that hangs or crashes).
    """

    def __init__(
        self,
        limits: Limits | None = None,
        *,
        workers: int | None = None,
        stage: Stage = read_and_parse,
    ) -> None:
        self.limits = limits or Limits()
        self.size = max(1, workers if workers is not None else self.limits.workers)
        self.stage = stage
        self._failed_starts = 0
        self.stats = PoolStats()
        self._workers: list[_Worker] = []
        self._queue: deque[Job] = deque()
        self._done: dict[int, Outcome] = {}
        self._dropped: set[int] = set()  # tickets given up while their job ran
        self._tickets = 0

    def __enter__(self) -> DocumentPool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def pids(self) -> dict[int, str | None]:
        """Each live worker's process id and the name of the document it is on."""
        return {
            w.process.pid: (w.job.name if w.job else None)
            for w in self._workers
            if w.process.pid is not None
        }

    def submit(self, raw: bytes, name: str) -> int:
        """Queue a document; its ticket for `outcome`. Work starts on an idle worker at once."""
        self._tickets += 1
        self._queue.append(Job(self._tickets, raw, name))
        self._dispatch()
        return self._tickets

    def outcome(self, ticket: int) -> Outcome:
        """The outcome of a submitted document, waiting for it (within the time limit)."""
        while ticket not in self._done:
            self._pump()
        return self._done.pop(ticket)

    def drop(self, tickets: list[int]) -> None:
        """Give up `tickets` (a caller that stopped early): queued jobs go, done outcomes go,
        and a running job's outcome is dropped when it comes, so the pool can be used again."""
        wanted = set(tickets)
        self._queue = deque(job for job in self._queue if job.ticket not in wanted)
        for ticket in wanted:
            self._done.pop(ticket, None)
        running = {w.job.ticket for w in self._workers if w.job is not None}
        self._dropped |= wanted & running

    def poll(self) -> None:
        """Take in what workers have finished and give idle ones queued documents, at once:
        called before a long stretch of other work, it keeps the workers busy meanwhile."""
        self._pump(wait_s=0.0)

    def parse(self, raw: bytes, name: str) -> Outcome:
        """Read, recognize and parse one document in a worker, waiting for the outcome."""
        return self.outcome(self.submit(raw, name))

    def close(self) -> None:
        """Stop every worker: idle ones when told to, busy ones are killed."""
        for worker in self._workers:
            _stop(worker)
        for worker in self._workers:
            _reap(worker)
        self._workers.clear()

    # -- the parent's side of the pipes -------------------------------------------------------

    def _start(self) -> _Worker:
        warm_up()
        context = multiprocessing.get_context("fork")
        with _FORKING:
            ours, theirs = context.Pipe()
            process = context.Process(
                target=serve,
                args=(theirs, ours, self.limits, self.stage, os.getpid()),
                name="whereas-ingest-worker",
                daemon=True,
            )
            process.start()
            theirs.close()
        return _Worker(process, ours, time.monotonic())

    def _dispatch(self) -> None:
        while len(self._workers) < self.size and self._queue:
            self._workers.append(self._start())
        for index, worker in enumerate(self._workers):
            if not self._queue:
                return
            if not worker.ready or worker.job is not None:
                continue
            job = self._queue.popleft()
            try:
                worker.conn.send(job)
            except OSError:  # it died while idle: the job waits for its replacement
                self._queue.appendleft(job)
                self._replace(index)
                continue
            worker.job, worker.since = job, time.monotonic()

    def _pump(self, wait_s: float | None = None) -> None:
        """Wait (at most `wait_s`) for a worker's word (ready, a reply), a death or a deadline,
        and act on it."""
        self._dispatch()
        waited = [w for w in self._workers if w.job is not None or not w.ready]
        if not waited:
            if wait_s is not None:
                return
            raise RuntimeError("no document is being read: nothing to wait for")
        deadline = min(w.since + self._allowed(w) for w in waited)
        timeout = max(0.0, deadline - time.monotonic())
        if wait_s is not None:
            timeout = min(timeout, wait_s)
        heard = set(wait([w.conn for w in waited], timeout))
        for worker in waited:
            if worker.conn in heard:
                self._receive(worker)
        now = time.monotonic()
        for worker in waited:
            if worker in self._workers and now - worker.since >= self._allowed(worker):
                self._overdue(worker)
        self._dispatch()

    def _allowed(self, worker: _Worker) -> float:
        return self.limits.max_seconds if worker.ready else _START_S

    def _overdue(self, worker: _Worker) -> None:
        worker.process.kill()
        if worker.job is not None:
            self.stats.timeouts += 1
            self._finish(worker, Rejection(took_too_long(self.limits)))
        else:
            self._failed_start()
        self._replace(self._workers.index(worker))

    def _failed_start(self) -> None:
        self._failed_starts += 1
        if self._failed_starts >= _START_ATTEMPTS:  # the machine's fault, not a document's
            raise RuntimeError(f"{_START_ATTEMPTS} ingest workers in a row failed to start")

    def _receive(self, worker: _Worker) -> None:
        try:
            message: Reply | str = worker.conn.recv()
        except (EOFError, OSError):  # the pipe closed: the process died
            worker.process.join(_STOP_WAIT_S)
            if worker.job is not None:
                self._finish(worker, Rejection(died(worker.process.exitcode)))
            elif not worker.ready:
                self._failed_start()
            self._replace(self._workers.index(worker))
            return
        if isinstance(message, str):
            worker.ready = message == READY
            self._failed_starts = 0
            return
        reply = message
        self.stats.cpu_seconds += reply.cpu_seconds
        self._finish(worker, reply.outcome)
        if reply.spent:
            self._replace(self._workers.index(worker))

    def _finish(self, worker: _Worker, outcome: Outcome) -> None:
        assert worker.job is not None
        if worker.job.ticket in self._dropped:
            self._dropped.discard(worker.job.ticket)
        else:
            self._done[worker.job.ticket] = outcome
        self.stats.documents += 1
        worker.job = None

    def _replace(self, index: int) -> None:
        old = self._workers[index]
        _stop(old)
        _reap(old)
        self.stats.replaced += 1
        self._workers[index] = self._start()


def _stop(worker: _Worker) -> None:
    """Tell an idle worker to exit (it may be dead already); kill a busy or starting one."""
    if worker.job is not None or not worker.ready:
        worker.process.kill()
    else:
        with contextlib.suppress(OSError):  # dead already
            worker.conn.send(None)
    worker.conn.close()


def _reap(worker: _Worker) -> None:
    """Wait for a stopped worker to exit (killing it if it does not), and free its resources."""
    worker.process.join(_STOP_WAIT_S)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join()
    worker.process.close()
