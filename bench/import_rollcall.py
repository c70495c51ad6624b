"""Time parsing parlparse/item_rollcall.csv (every term-9 roll call), then its full ingest.

Usage: .venv/bin/python bench/import_rollcall.py [CORPUS_DIR] [--repeat N]
Reads the bytes with the project's reader when it is there (as `whereas ingest` does), then
parses the rows; prints the time of each stage and the rows per second of the parse. Then runs
`whereas ingest` on the file into a fresh SQLite store (read, recognise, parse, store, link) and
prints its wall time and rows per second.
"""

from __future__ import annotations

import argparse
import csv
import io
import tempfile
import time
from pathlib import Path
from typing import Any

from whereas.parse.datasets import parse_dataset

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def read_rows(data: bytes) -> tuple[list[dict[str, str]], str]:
    """The rows of a CSV file, read by whereas.read when available, else by the csv module."""
    try:
        from whereas.read import read_bytes
    except ImportError:
        text = data.decode("utf-8")
        return list(csv.DictReader(io.StringIO(text, newline=""))), "csv module"
    document: Any = read_bytes(data, name="item_rollcall.csv")
    return list(document.data), "whereas.read"


def main() -> None:
    """Run the benchmark and print its timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tabled = (args.corpus / "parlparse/text_tabled.csv").read_bytes()
    data = (args.corpus / "parlparse/item_rollcall.csv").read_bytes()
    start = time.perf_counter()
    rows, reader = read_rows(data)
    tabled_rows, _ = read_rows(tabled)
    read_seconds = time.perf_counter() - start
    procedures = parse_dataset(tabled_rows).procedures
    runs: list[float] = []
    for _ in range(max(args.repeat, 1)):
        start = time.perf_counter()
        parsed = parse_dataset(rows, procedures=procedures)
        runs.append(time.perf_counter() - start)
    best = min(runs)
    with_procedure = sum(1 for v in parsed.votes if v.procedure)
    print(f"read ({reader}): {len(rows)} rows in {read_seconds:.2f} s")
    print(f"parse: {len(parsed.votes)} votes, first run {runs[0]:.2f} s, best {best:.2f} s")
    print(f"rows/s: {len(rows) / best:,.0f}; votes with a procedure: {with_procedure}")
    seconds = time_ingest(args.corpus / "parlparse/item_rollcall.csv")
    rate = len(rows) / seconds
    print(f"whereas ingest into a fresh SQLite store: {seconds:.2f} s, {rate:,.0f} rows/s")


def time_ingest(path: Path) -> float:
    """Wall time of what `whereas ingest PATH` does (ingest, then link) into a new SQLite store."""
    from whereas.ingest import ingest_paths, link_store
    from whereas.store import Store

    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        store = Store.open(f"sqlite:///{Path(folder) / 'bench.db'}")
        results = ingest_paths(store, [path])
        link_store(store)
        seconds = time.perf_counter() - start
        store.close()
    if [r.status for r in results] != ["added"]:
        raise SystemExit(f"ingest did not store the file: {results}")
    return seconds


if __name__ == "__main__":
    main()
