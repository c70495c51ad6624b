"""What storing a document costs as the store grows: the same documents stored into stores of
growing size, CPU a document in all and by SQL statement.

    .venv/bin/python bench/store_growth.py [--size 0 --size 1000 --size 10000 ...] [--count 300]

Storing is the ingest's serial step (the workers read and parse beside it), so its cost a
document is what decides how ingest scales. Each store of `size` documents holds the first
`size` copies of the scale corpus (bench/scale_corpus.py), ingested as `whereas ingest` does
(ingest_stream with its workers, no link step) and cached beside the corpus
(stores-<corpus>/s<size>.db, built once: each size goes on from the largest smaller one, so
100,000 takes the ingest of 100,000 copies in all, about 45 minutes on two cores). A cached store
made by older code is upgraded when opened; delete the folder to rebuild them.

For each size, in a fresh process, on a copy of its store: the `count` copies after the largest
size (in no store measured) are read, recognized, parsed and prepared first, then stored one
transaction each as ingest does (store.writer.save_document), timing CPU: the whole store, the
COMMIT, and each SQL statement (summed by its first words). A statement whose share grows
from size to size is one whose cost depends on the store's size.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:  # run as a script: `bench` is a package beside src
    sys.path.insert(0, str(PROJECT))

from bench.scale_corpus import (  # noqa: E402
    CACHE,
    GENERATOR_VERSION,
    SEED,
    cached_corpus,
    corpus_paths,
)

TOP = 8  # statements shown a size


def store_folder() -> Path:
    """Where the cached stores of the scale corpus are."""
    return CACHE / f"stores-v{GENERATOR_VERSION}-seed{SEED}"


def cached_store(size: int) -> Path:
    """A SQLite store of the first `size` scale copies, built (or grown) once."""
    from collections import deque

    from whereas.config import load_settings
    from whereas.ingest import ingest_stream
    from whereas.ingest.pool import DocumentPool
    from whereas.store import Store

    folder = store_folder()
    folder.mkdir(parents=True, exist_ok=True)
    wanted = folder / f"s{size}.db"
    if wanted.exists():
        Store.open(f"sqlite:///{wanted}").close()  # made by older code: upgraded once, here
        return wanted
    smaller = sorted((int(p.stem[1:]), p) for p in folder.glob("s*.db") if p.stem[1:].isdigit())
    start, source = max(((n, p) for n, p in smaller if n < size), default=(0, None))
    building = folder / f"building-{size}.db"
    for leftover in folder.glob(f"{building.name}*"):
        leftover.unlink()
    if source is not None:
        shutil.copy(source, building)
    corpus = cached_corpus(size, quiet=False)
    paths = (p for i, p in enumerate(corpus_paths(corpus, size)) if i >= start)
    store = Store.open(f"sqlite:///{building}")
    limits = load_settings().limits
    began = time.perf_counter()
    with DocumentPool(limits) as pool:
        deque(ingest_stream(store, paths, limits=limits, pool=pool), maxlen=0)
    store.close()
    if Path(f"{building}-wal").exists():  # the last connection's close folds the WAL in
        raise RuntimeError(f"{building}: its WAL is still there; not renamed")
    building.rename(wanted)
    print(f"built {wanted} in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    return wanted


def _prepared(first: int, count: int) -> list[Any]:
    """`count` copies from the `first`th (in no store measured), made ready to store as an
    ingest's worker makes them (whereas.ingest.stages.read_and_parse)."""
    from whereas.config import Limits
    from whereas.ingest.stages import ParsedFile, read_and_parse
    from whereas.store.writer import IncomingDocument

    corpus = cached_corpus(first + count, quiet=False)
    made = []
    for path in list(corpus_paths(corpus, first + count))[first:]:
        raw = path.read_bytes()
        outcome = read_and_parse(raw, str(path), Limits())
        assert isinstance(outcome, ParsedFile), (path, outcome)
        made.append(
            IncomingDocument(
                raw,
                outcome.read,
                outcome.recognition,
                outcome.parsed,
                datetime.now(UTC),
                source_path=str(path),
                prepared=outcome.prepared,
            )
        )
    return made


def measure(size: int, first: int, count: int) -> dict[str, Any]:
    """Store `count` copies from the `first`th into a copy of the store of `size`; CPU ms a
    document."""
    from sqlalchemy import event

    from whereas.store import Store
    from whereas.store.writer import save_document

    incoming = _prepared(first, count)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "store.db"
        if size:
            shutil.copy(cached_store(size), copy)
        store = Store.open(f"sqlite:///{copy}")  # upgraded here if made by older code
        spent: collections.defaultdict[str, float] = collections.defaultdict(float)
        started: dict[int, float] = {}

        def before(*args: Any) -> None:
            started[id(args[1])] = time.process_time()

        def after(*args: Any) -> None:
            key = _statement_key(str(args[2]))
            spent[key] += time.process_time() - started.pop(id(args[1]), time.process_time())

        event.listen(store.engine, "before_cursor_execute", before)
        event.listen(store.engine, "after_cursor_execute", after)
        total, commit = 0.0, 0.0
        for document in incoming:
            clock = time.process_time()
            with store.session() as session:
                save_document(session, document)
                committing = time.process_time()
            commit += time.process_time() - committing
            total += time.process_time() - clock
        store.close()
    per = 1000 / len(incoming)
    return {
        "size": size,
        "store_ms": round(total * per, 2),
        "commit_ms": round(commit * per, 2),
        "statements": {k: round(v * per, 3) for k, v in sorted(spent.items(), key=_costliest)},
    }


def _statement_key(sql: str) -> str:
    """A statement's first words, up to its table (the same statement a document)."""
    words = list(itertools.takewhile(lambda w: not w.startswith("("), sql.split()))
    return " ".join(words[:6])


def _costliest(item: tuple[str, float]) -> float:
    return -item[1]


def table(results: list[dict[str, Any]]) -> str:
    """Markdown: the whole store and the COMMIT a size, and the costliest statements."""
    sizes = [r["size"] for r in results]
    head = "| CPU ms a document | " + " | ".join(f"{s:,}" for s in sizes) + " |"
    lines = [head, "|---" * (len(sizes) + 1) + "|"]
    for name, key in (("storing, in all", "store_ms"), ("COMMIT", "commit_ms")):
        lines.append(f"| {name} | " + " | ".join(f"{r[key]:.2f}" for r in results) + " |")
    largest = results[-1]["statements"]
    for key in list(largest)[:TOP]:
        cells = " | ".join(f"{r['statements'].get(key, 0.0):.2f}" for r in results)
        lines.append(f"| `{key}` | {cells} |")
    return "\n".join(lines)


def _runs(sizes: list[int], count: int) -> Iterator[dict[str, Any]]:
    for size in sizes:
        if size:
            cached_store(size)  # built here, not inside the measuring process's clock
        command = [sys.executable, __file__, "--one", str(size), "--count", str(count)]
        command += ["--first", str(max(sizes))]
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        yield json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, action="append", default=[])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--one", type=int, help="one size, as JSON (what each run does)")
    parser.add_argument("--first", type=int, default=0, help="with --one: the copies stored")
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure(args.one, max(args.first, args.one), args.count)))
        return
    sizes = sorted(set(args.size)) or [0, 1000, 10000]
    print(table(list(_runs(sizes, args.count))))


if __name__ == "__main__":
    main()
