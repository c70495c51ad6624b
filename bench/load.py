"""A bounded loopback load test of the pages and the API, with an ingest writing meanwhile.

    .venv/bin/python bench/load.py [--resolutions 200] [--clients 4] [--seconds 60]

Used by tests/concurrency (a short run) and by bench/report.py (a longer one). Only 127.0.0.1 is
ever contacted; every run is bounded in requests and in time.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

WHEREAS = Path(sys.executable).parent / "whereas"
HOST = "127.0.0.1"


@dataclass
class LoadReport:
    """What the clients saw: requests made, failures (must be none) and latencies."""

    requests: int = 0
    errors: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    timed: list[tuple[str, float]] = field(default_factory=list)  # (path, ms) of each request
    seconds: float = 0.0

    def percentile(self, p: float) -> float:
        """The p-th percentile of the latencies in milliseconds (0 when there are none)."""
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

    def summary(self) -> str:
        """One line: requests, errors, rate, p50 and p95."""
        rate = self.requests / self.seconds if self.seconds else 0.0
        return (
            f"{self.requests} requests, {len(self.errors)} errors, {rate:.1f} req/s, "
            f"p50 {self.percentile(50):.0f} ms, p95 {self.percentile(95):.0f} ms"
        )


def free_port() -> int:
    """A TCP port free on the loopback interface now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until_up(base: str, timeout: float = 60.0) -> None:
    """Wait for the app at `base` to answer /api/stats."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/stats", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"nothing answered at {base} within {timeout:.0f} s")


@contextmanager
def serve_subprocess(database_url: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`whereas serve` on a free loopback port (no rate limit); yields its URL and process."""
    port = free_port()
    env = {**os.environ, "WHEREAS_API_RATE_LIMIT": "0"}
    command = [str(WHEREAS), "serve", "--db", database_url, "--host", HOST, "--port", str(port)]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://{HOST}:{port}"
    try:
        wait_until_up(base)
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def serve_in_thread(database_url: str) -> Iterator[str]:
    """The app on a free loopback port in a thread of this process (no rate limit); its URL."""
    import uvicorn

    from whereas.api import create_app
    from whereas.config import WebSettings

    port = free_port()
    app = create_app(database_url, settings=WebSettings(rate_limit=0))
    server = uvicorn.Server(uvicorn.Config(app, host=HOST, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://{HOST}:{port}"
    try:
        wait_until_up(base)
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def start_ingest(database_url: str, folder: Path) -> subprocess.Popen[str]:
    """`whereas ingest` of `folder` in its own process (lexical embedder: no model to load)."""
    env = {**os.environ, "WHEREAS_EMBEDDER": "lexical"}
    return subprocess.Popen(
        [str(WHEREAS), "ingest", "--quiet", "--json", "--db", database_url, str(folder)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def site_paths(base: str) -> list[str]:
    """Pages and API endpoints to request, found through the API (a procedure and a document)."""
    with httpx.Client(base_url=base, timeout=30) as client:
        procedures = client.get("/api/procedures", params={"limit": 1}).json()["data"]["items"]
        documents = client.get("/api/documents", params={"limit": 1}).json()["data"]["items"]
    paths = [
        "/api/stats",
        "/api/procedures?limit=20",
        "/api/documents?limit=20",
        "/api/search?q=children",
        "/api/search?q=release%20detained",
        "/",
        "/search?q=torture",
        "/procedures",
        "/documents",
        "/groups",
    ]
    if procedures:
        reference = procedures[0]["reference"]
        paths += [f"/api/procedures/{reference}", f"/procedures/{reference}"]
    if documents:
        document = documents[0]["id"]
        paths += [f"/api/documents/{document}", f"/documents/{document}"]
    return paths


def run_load(
    base: str,
    paths: list[str],
    *,
    clients: int = 4,
    max_requests: int = 400,
    max_seconds: float = 30.0,
    until: Callable[[], bool] | None = None,
) -> LoadReport:
    """`clients` threads request `paths` in turn until `max_requests`, `max_seconds` or `until()`.

    Any answer other than 200, and any transport error, is an error.
    """
    report = LoadReport()
    lock = threading.Lock()
    started = time.monotonic()

    def more() -> int | None:
        with lock:
            if report.requests >= max_requests or time.monotonic() - started > max_seconds:
                return None
            if until is not None and until():
                return None
            report.requests += 1
            return report.requests

    def client_loop() -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            while (number := more()) is not None:
                path = paths[number % len(paths)]
                began = time.perf_counter()
                try:
                    status = client.get(path).status_code
                    problem = None if status == 200 else f"{path}: HTTP {status}"
                except httpx.HTTPError as exc:
                    problem = f"{path}: {type(exc).__name__}: {exc}"
                elapsed = (time.perf_counter() - began) * 1000
                with lock:
                    report.latencies_ms.append(elapsed)
                    report.timed.append((path, elapsed))
                    if problem:
                        report.errors.append(problem)

    threads = [threading.Thread(target=client_loop) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    report.seconds = time.monotonic() - started
    return report


def load_during_ingest(
    base: str,
    database_url: str,
    incoming: Path,
    *,
    clients: int = 4,
    max_requests: int = 400,
    max_seconds: float = 60.0,
) -> tuple[LoadReport, dict[str, int]]:
    """Load the app at `base` while `whereas ingest incoming` writes to its store; the load
    stops when the ingest ends (or at `max_requests` or `max_seconds`).

    Returns the clients' report and the ingest's summary (added, unchanged, rejected).
    """
    paths = site_paths(base)
    writer = start_ingest(database_url, incoming)
    try:
        report = run_load(
            base,
            paths,
            clients=clients,
            max_requests=max_requests,
            max_seconds=max_seconds,
            until=lambda: writer.poll() is not None,
        )
        stdout, stderr = writer.communicate(timeout=600)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    if writer.returncode not in {0, 1}:
        raise RuntimeError(f"the ingest failed: {stderr[-2000:]}")
    summary = {k: v for k, v in json.loads(stdout).items() if isinstance(v, int)}
    return report, summary


def seed_store(database_url: str, files: list[Path]) -> None:
    """Ingest and link `files` with `whereas ingest` (the store the clients read at first)."""
    subprocess.run(
        [str(WHEREAS), "ingest", "--quiet", "--db", database_url, *map(str, files)],
        env={**os.environ, "WHEREAS_EMBEDDER": "lexical"},
        check=True,
        capture_output=True,
    )


def peak_rss_kb(pid: int) -> int:
    """The peak resident set (VmHWM) of a running process, in kB (0 when unknown)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def main() -> None:
    """Load a served SQLite store while scale resolutions are ingested; print the figures."""
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.scale_corpus import CORPUS, TEMPLATE, cached_corpus, corpus_paths

    parser = argparse.ArgumentParser()
    parser.add_argument("--resolutions", type=int, default=200)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--requests", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        incoming = Path(folder) / "incoming"
        incoming.mkdir()
        cached = cached_corpus(args.resolutions)  # the first copies of bench/scale_corpus.py
        for path in corpus_paths(cached, args.resolutions):
            (incoming / path.name).symlink_to(path)
        url = f"sqlite:///{folder}/load.db"
        seed_store(url, [CORPUS / TEMPLATE])
        with serve_subprocess(url) as (base, server):
            report, summary = load_during_ingest(
                base,
                url,
                incoming,
                clients=args.clients,
                max_requests=args.requests,
                max_seconds=args.seconds,
            )
            peak_kb = peak_rss_kb(server.pid)
    print(f"{report.summary()}; ingest {summary}; serve peak RSS {peak_kb / 1024:.0f} MB")
    for error in report.errors[:10]:
        print("error:", error)


if __name__ == "__main__":
    main()
