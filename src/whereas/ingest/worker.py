"""The worker process of ingest: it reads, recognizes and parses the documents sent down its pipe,
under a memory ceiling, and dies with the process that started it.

The parent (`whereas.ingest.pool`) owns the store and the clock: it kills a worker that passes
the time limit. A worker that meets the memory limit answers so and exits, so that the next
document gets a fresh process.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import sys
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from whereas.config import Limits
from whereas.ingest.stages import Outcome, Rejection, Stage

_PR_SET_PDEATHSIG = 1  # linux/prctl.h
READY = "ready"  # a worker's first word: its limits are set


@dataclass(frozen=True)
class Job:
    """One document for a worker: its ticket in the pool, its bytes, the name shown in reports."""

    ticket: int
    raw: bytes
    name: str


@dataclass(frozen=True)
class Reply:
    """A worker's answer to one job; `spent`: it met the memory limit and exits after this."""

    ticket: int
    outcome: Outcome
    cpu_seconds: float
    spent: bool = False


def over_memory(limits: Limits) -> str:
    """The reason given for a document that passed the memory limit."""
    mb = limits.max_memory_mb
    size = f"{mb / 1024:g} GB" if mb >= 1024 and mb % 128 == 0 else f"{mb} MB"
    return f"used more than {size} of memory to read and parse: stopped"


def serve(
    conn: Connection, parent_end: Connection, limits: Limits, stage: Stage, parent_pid: int
) -> None:
    """The body of a worker process: say it is ready, then answer each job from `conn` until
    told to stop (None)."""
    _die_with_parent(parent_pid)
    parent_end.close()  # the fork's copy of the parent's end: the parent's, not this process's
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    ceiling = limit_memory(limits.max_memory_mb)
    conn.send(READY)
    since = time.process_time()  # CPU time counted from here: receiving a job to sending its reply
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the parent died
            return
        if job is None:
            return
        reply = answer(job, limits, stage, ceiling, since)
        try:
            conn.send(reply)
        except MemoryError:  # pickling a result bigger than what is left
            conn.send(Reply(job.ticket, Rejection(over_memory(limits)), 0.0, spent=True))
            return
        except OSError:
            return
        if reply.spent:
            return
        since = time.process_time()


def answer(
    job: Job,
    limits: Limits,
    stage: Stage,
    ceiling: MemoryCeiling | None = None,
    since: float | None = None,
) -> Reply:
    """Run `stage` on one job; the memory limit met is said so, never a crash. The reply's CPU
    time counts from `since` (default: now)."""
    started, peak_before = time.process_time() if since is None else since, _peak_rss()
    spent = False
    try:
        outcome = stage(job.raw, job.name, limits)
    except MemoryError:
        spent = True
    except Exception as exc:  # the stage reports reader failures itself: this is a bug in it
        reason = f"reading and parsing failed unexpectedly: {type(exc).__name__}: {exc}"
        outcome = Rejection(" ".join(reason.split()))
    # libxml2 reports a failed allocation as "XMLSyntaxError: unknown error": a rejection by a
    # worker that came up against its ceiling is the limit's doing, whatever the reader says.
    if not spent and isinstance(outcome, Rejection) and ceiling is not None:
        spent = ceiling.reached(peak_before)
    if spent:  # outside the handler: the traceback and what it holds are freed by now
        outcome = Rejection(over_memory(limits))
    return Reply(job.ticket, outcome, time.process_time() - started, spent)


@dataclass(frozen=True)
class MemoryCeiling:
    """The data limit of a worker, its budget above what the fork gave it, its RSS then."""

    data_bytes: int
    budget_bytes: int
    rss_at_start: int

    def reached(self, peak_before: int) -> bool:
        """Whether the job just done came within a tenth of the budget of the ceiling."""
        margin = self.budget_bytes // 10
        peak = _peak_rss()
        if peak > peak_before and peak >= self.rss_at_start + self.budget_bytes - margin:
            return True
        return _data_bytes() >= self.data_bytes - margin


def limit_memory(max_mb: int) -> MemoryCeiling:
    """Let this process allocate `max_mb` more of data (heap and anonymous maps: what lxml,
    pypdfium2 and Python allocate) than the fork gave it; past that an allocation fails.

    RLIMIT_DATA, not RLIMIT_AS: the address space also counts shared libraries and reserved
    but unused ranges (thread stacks, malloc arenas), which say nothing of a document's cost.
    """
    budget = max_mb * 1024 * 1024
    limit = _data_bytes() + budget
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
    return MemoryCeiling(limit, budget, _peak_rss())


def _peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux


def _data_bytes() -> int:
    """What RLIMIT_DATA counts of this process now (VmData), 0 where /proc cannot say."""
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _die_with_parent(parent_pid: int) -> None:
    # PR_SET_PDEATHSIG: the kernel kills this process when the thread that forked it ends, even
    # by SIGKILL, and even while this one is stuck in C code (lxml, the regex engine) where no
    # Python-level check would ever run. Elsewhere the closed pipe ends an idle worker.
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:
        os._exit(1)  # the parent died before the signal was asked for: nobody is listening
