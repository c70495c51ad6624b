"""link_store step by step on a copy of a store: CPU, wall and peak RSS of each linker, then the
COMMIT and the fold, as `whereas ingest` runs them (whereas.link.run.link_all).

    .venv/bin/python bench/link_steps.py STORE.db [--json]

The store is copied first (with its WAL), so a cached one (bench/store_growth.py's) is left as it
was; the copy is upgraded when opened, as any store is. Run it with `WHEREAS_EMBEDDER=lexical`
to link as the benchmark does without embeddings. One store a process: each step's peak RSS is
this process's high-water mark reset before it (Linux).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:  # run as a script: `bench` is a package beside src
    sys.path.insert(0, str(PROJECT))

from bench.ingest import reset_peak, vm_peak_mb  # noqa: E402


def documents_in(path: Path) -> int:
    """How many documents the SQLite store at `path` holds."""
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
    finally:
        connection.close()


def _clock() -> list[float]:
    """CPU (user and system), wall, user and system time of this process, in seconds."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return [time.process_time(), time.perf_counter(), usage.ru_utime, usage.ru_stime]


def link_steps(source: Path) -> dict[str, object]:
    """Each step's CPU (s), wall (s) and peak RSS (MB) linking a copy of `source`."""
    from whereas.link.run import link_all
    from whereas.store import Store

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "store.db"
        shutil.copy(source, copy)
        wal = source.with_name(source.name + "-wal")
        if wal.exists():
            shutil.copy(wal, copy.with_name(copy.name + "-wal"))
        started = time.perf_counter()
        store = Store.open(f"sqlite:///{copy}")
        opened = time.perf_counter() - started
        steps: dict[str, dict[str, float]] = {}
        clock = _clock()
        reset_peak()

        def done(step: str) -> None:
            now = _clock()
            cpu, wall, user, system = (a - b for a, b in zip(now, clock, strict=True))
            steps[step] = {
                "cpu_s": round(cpu, 3),
                "user_s": round(user, 3),  # in this process's own code and SQLite's
                "system_s": round(system, 3),  # in the kernel: reading and writing the file
                "wall_s": round(wall, 3),
                "peak_mb": round(vm_peak_mb(), 1),
            }
            reset_peak()
            clock[:] = _clock()

        link_all(store, on_step=done)
        store.close()
        documents = documents_in(copy)
    return {
        "store": str(source),
        "documents": documents,
        "open_s": round(opened, 1),
        "steps": steps,
    }


def table(result: dict[str, object]) -> str:
    """The steps as a Markdown table, CPU a document in ms."""
    documents = int(str(result["documents"]))
    steps = result["steps"]
    assert isinstance(steps, dict)
    lines = [
        f"| step ({documents:,} documents) | CPU a document (ms) | of which system (ms) "
        "| wall (s) | peak RSS (MB) |",
        "|---|---|---|---|---|",
    ]
    for name, figures in steps.items():
        per, system = (figures[k] / max(documents, 1) * 1000 for k in ("cpu_s", "system_s"))
        lines.append(
            f"| {name} | {per:.3f} | {system:.3f} | {figures['wall_s']:.1f} "
            f"| {figures['peak_mb']:.1f} |"
        )
    total = sum(f["cpu_s"] for f in steps.values()) / max(documents, 1) * 1000
    lines.append(f"| all | {total:.3f} | | |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    result = link_steps(args.store)
    print(json.dumps(result) if args.json else table(result))


if __name__ == "__main__":
    main()
