"""Ingest speed against the floor of reading the same files, on the corpus and a scale corpus.

    .venv/bin/python bench/ingest.py [--scale 1000 --scale 10000] [--write docs/benchmarks.md]

The scale corpus is the real joint motion's HTML with its references renumbered, so that every
copy is a distinct resolution that reads and parses like the real one (no embeddings).
"""

from __future__ import annotations

import argparse
import contextlib
import re
import resource
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from whereas.ingest import ingest_file
from whereas.read import read_path
from whereas.store import Store, schema

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
TEMPLATE = "howtheyvote/document_rc-10-2025-0249-en.html"
_NUMBER = re.compile(rb"(B10-|RC-B10-|B-10-2025-|RC-10-2025-)0(249|250|252|255|258)")


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    corpus: str
    files: int
    read_s: float
    ingest_s: float
    clauses: int
    peak_mb: float


def scale_corpus(folder: Path, count: int) -> list[Path]:
    """`count` distinct resolutions renumbered from the real joint motion."""
    template = (CORPUS / TEMPLATE).read_bytes()
    paths = []
    for n in range(count):
        number = 1000 + n * 6
        renumbered = b"%04d" % (number % 10000)
        data = _NUMBER.sub(rb"\g<1>" + renumbered, template)
        path = folder / f"rc-{n:06d}.html"
        path.write_bytes(data + b"<!-- %d -->" % n)
        paths.append(path)
    return paths


def measure(name: str, files: list[Path]) -> Row:
    """Read-only floor, then a full ingest into a fresh SQLite store, of the same files."""
    started = time.perf_counter()
    for path in files:
        with contextlib.suppress(Exception):
            read_path(path)
    read_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(f"sqlite:///{folder}/bench.db")
        started = time.perf_counter()
        for path in files:
            ingest_file(store, path)
        ingest_s = time.perf_counter() - started
        with store.session() as session:
            clauses = session.scalar(select(func.count()).select_from(schema.Clause)) or 0
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Row(name, len(files), read_s, ingest_s, clauses, peak)


def table(rows: list[Row]) -> str:
    """The Markdown table of the rows."""
    lines = [
        "| corpus | files | read-only floor (files/s) | ingest (docs/s) | clauses/s "
        "| ingest / floor | peak RSS (MB) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.corpus} | {r.files} | {r.files / r.read_s:.0f} | {r.files / r.ingest_s:.1f} "
            f"| {r.clauses / r.ingest_s:.0f} | {r.ingest_s / r.read_s:.1f}x | {r.peak_mb:.0f} |"
        )
    return "\n".join(lines)


def main() -> None:
    """Run the benchmarks side by side and print (or write) the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, action="append", default=[])
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    rows = [measure("corpus", files)]
    for count in args.scale or [1000]:
        with tempfile.TemporaryDirectory() as folder:
            rows.append(measure(f"scale {count}", scale_corpus(Path(folder), count)))
    result = table(rows)
    print(result)
    if args.write:
        args.write.write_text(result + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
