"""Worker processes that read, recognize and parse documents for ingest, under a time and a
memory limit per document; the parent keeps the store and takes the outcomes back by ticket.

A worker that passes the time limit is killed, one that dies (out of memory, a crash in a C
library, killed by the system) is replaced: either way its document gets a rejection with the
reason and the next documents go on.

Workers are forked from this process once it has warmed the stages (`whereas.ingest.warm`), so
a new worker costs a fork, not a second of imports and model loading. Fork, not forkserver or
spawn: those re-import the caller's `__main__` in every worker (a script without a main guard
would ingest itself) and cost seconds per run to start; the parent never reads or parses
itself, so no lxml or regex state is caught mid-way by the fork.
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
from whereas.ingest.worker import Job, Reply, serve

_STOP_WAIT_S = 5.0
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
    """One worker process, its end of the pipe, and the job it is on (with when it was sent)."""

    process: BaseProcess
    conn: Connection
    job: Job | None = None
    sent_at: float = 0.0


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
        self.stats = PoolStats()
        self._workers: list[_Worker] = []
        self._queue: deque[Job] = deque()
        self._done: dict[int, Outcome] = {}
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
        return _Worker(process, ours)

    def _dispatch(self) -> None:
        while len(self._workers) < self.size and self._queue:
            self._workers.append(self._start())
        for index, worker in enumerate(self._workers):
            if not self._queue:
                return
            if worker.job is not None:
                continue
            job = self._queue.popleft()
            try:
                worker.conn.send(job)
            except OSError:  # it died while idle: a new one takes the job
                worker = self._replace(index)
                worker.conn.send(job)
            worker.job, worker.sent_at = job, time.monotonic()

    def _pump(self) -> None:
        """Wait for a reply, a death or a deadline, and act on it."""
        self._dispatch()
        busy = [w for w in self._workers if w.job is not None]
        if not busy:
            raise RuntimeError("no document is being read: nothing to wait for")
        deadline = min(w.sent_at for w in busy) + self.limits.max_seconds
        ready = set(wait([w.conn for w in busy], max(0.0, deadline - time.monotonic())))
        for worker in busy:
            if worker.conn in ready:
                self._receive(worker)
        now = time.monotonic()
        for worker in busy:
            if worker.job is not None and now - worker.sent_at >= self.limits.max_seconds:
                self.stats.timeouts += 1
                worker.process.kill()
                self._finish(worker, Rejection(took_too_long(self.limits)))
                self._replace(self._workers.index(worker))
        self._dispatch()

    def _receive(self, worker: _Worker) -> None:
        try:
            reply: Reply = worker.conn.recv()
        except (EOFError, OSError):  # the pipe closed under the job: the process died
            worker.process.join(_STOP_WAIT_S)
            self._finish(worker, Rejection(died(worker.process.exitcode)))
            self._replace(self._workers.index(worker))
            return
        self.stats.cpu_seconds += reply.cpu_seconds
        self._finish(worker, reply.outcome)
        if reply.spent:
            self._replace(self._workers.index(worker))

    def _finish(self, worker: _Worker, outcome: Outcome) -> None:
        assert worker.job is not None
        self._done[worker.job.ticket] = outcome
        self.stats.documents += 1
        worker.job = None

    def _replace(self, index: int) -> _Worker:
        old = self._workers[index]
        _stop(old)
        _reap(old)
        self.stats.replaced += 1
        self._workers[index] = self._start()
        return self._workers[index]


def _stop(worker: _Worker) -> None:
    """Tell an idle worker to exit (it may be dead already); kill a busy one."""
    if worker.job is not None:
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
