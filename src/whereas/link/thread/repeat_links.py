"""The repeats links of a store, recomputed country by country with bounded memory.

A first pass reads the headers of every procedure's texts (no clauses, unless a title names no
country) to know each procedure's final text, its day and countries, and writes them to a
temporary table (the buckets: one row a final text and country, never held in memory). Then each
country's final texts are read back in day order, a few at a time, through `earlier_candidates`:
a demand is scored against its candidates, the best TOP_K above the threshold are written, in
batches.

A demand about several countries is in several buckets: its best candidates of each bucket are
written as partial links (exact scores), merged at the end in one pass over them sorted by
demand. Scores depend on the two texts only, so the merged best are those of the union, as if
all its candidates had been scored at once; and candidates under the threshold can be left out
of each bucket's best, since they would only ever end the merged list.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Column, Date, MetaData, String, Table, delete, select
from sqlalchemy.orm import Session

from whereas.embed import Embedder, default_embedder
from whereas.link.batched import ROW_PAGE, BatchedInsert, delete_batched
from whereas.link.thread.countries import countries_addressed, countries_in_title
from whereas.link.thread.demands import (
    Demand,
    change_label,
    is_demand,
    threshold_for,
)
from whereas.link.thread.repeats import (
    MAX_SCANNED,
    Compared,
    PairScorer,
    demands_of,
    earlier_candidates,
)
from whereas.link.thread.texts import (
    StoredText,
    TextHead,
    clause_rows,
    iter_resolution_texts,
    text_heads,
)
from whereas.store import schema

METHOD_PREFIX = "repeats:v1"
PARTIAL = f"{METHOD_PREFIX}-partial"  # a bucket's best for a demand about several countries
TOP_K = 5
TEXTS_PER_READ = 20
# Vectors of the texts of a country's window, and of the texts being scored against it.
VECTOR_CACHE = MAX_SCANNED + 1000
_Entry = tuple[date, str, str]  # a final text in a bucket: (day, procedure, document id)


@dataclass(frozen=True)
class Match:
    """One earlier demand a demand is scored against (what a link needs of it)."""

    score: float
    order: tuple[str, int]  # the earlier demand's (procedure, position): breaks ties
    document_id: str
    position: int
    label: str


def order_of(demand: Demand) -> tuple[str, int]:
    """Where a demand stands among the demands of the store: procedure, then clause."""
    return (demand.procedure or "", demand.position)


def _bucket_table() -> Table:
    """The buckets: (country, day, procedure, document id) of each final text, as a temporary
    table of the session's connection, read back in the order of its key."""
    # "C" on PostgreSQL: its default collation does not order "2025/2691(RSP)" as Python does.
    text = String().with_variant(String(collation="C"), "postgresql")
    return Table(
        "link_repeat_buckets",
        MetaData(),
        Column("country", text, primary_key=True),
        Column("day", Date, primary_key=True),
        Column("procedure", text, primary_key=True),
        Column("document_id", text, primary_key=True),
        prefixes=["TEMPORARY"],
    )


class Buckets:
    """Per country, (day, procedure, document id) of each procedure's most advanced dated text
    (text adopted, else joint motion, ...) about it; kept in the database, not in memory."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._table = _bucket_table()
        self._table.create(session.connection(), checkfirst=True)
        session.execute(delete(self._table))

    def fill(self) -> None:
        """Read every procedure's final text and put it in the buckets of its countries."""
        rows = BatchedInsert(self._session, self._table)
        untitled: list[TextHead] = []
        for _, texts in iter_resolution_texts(self._session, with_clauses=False):
            final = max(texts, key=lambda t: t.stage).document
            if final.date is None or final.procedure is None:
                continue  # undated demands are in no bucket
            countries = countries_in_title(final.title, final.language)
            if not countries:
                untitled.append(final)
                if len(untitled) >= TEXTS_PER_READ:
                    _addressed(self._session, untitled, rows)
                    untitled = []
            for country in countries:
                rows.add(_bucket_row(country, final))
        _addressed(self._session, untitled, rows)
        rows.close()

    def countries(self) -> list[str]:
        """The countries with a final text, sorted."""
        query = select(self._table.c.country).distinct().order_by(self._table.c.country)
        return list(self._session.scalars(query))

    def entries(self, country: str) -> Iterator[_Entry]:
        """A country's final texts in (day, procedure, document id) order, streamed."""
        t = self._table
        query = (
            select(t.c.day, t.c.procedure, t.c.document_id)
            .where(t.c.country == country)
            .order_by(t.c.day, t.c.procedure, t.c.document_id)
            .execution_options(yield_per=ROW_PAGE)
        )
        rows = self._session.execute(query)
        yield from ((day, procedure, document_id) for day, procedure, document_id in rows)

    def drop(self) -> None:
        """Remove the temporary table (the connection goes back to the pool after the run)."""
        self._table.drop(self._session.connection(), checkfirst=True)


def _bucket_row(country: str, head: TextHead) -> dict[str, object]:
    return {
        "country": country,
        "day": head.date,
        "procedure": head.procedure,
        "document_id": head.id,
    }


def _addressed(session: Session, heads: list[TextHead], rows: BatchedInsert) -> None:
    """Bucket texts whose title names no country by the authorities their demands address."""
    clauses = clause_rows(session, [h.id for h in heads])
    for head in heads:
        chosen = [c for c in clauses.get(head.id, []) if is_demand(c.kind, c.verbs)]
        for country in sorted(countries_addressed(a for c in chosen for a in c.addressees)):
            rows.add(_bucket_row(country, head))


def bucket_demands(session: Session, entries: Iterable[_Entry]) -> Iterator[Demand]:
    """The demands of a country's final texts, given in (day, procedure, document) order, in
    (day, procedure, position) order."""
    ordered = iter(entries)
    while read := list(itertools.islice(ordered, TEXTS_PER_READ)):
        ids = [doc for _, _, doc in read]
        heads = text_heads(session, ids)
        clauses = clause_rows(session, ids)
        for doc in ids:
            yield from demands_of(StoredText(heads[doc], clauses.get(doc, [])))


def best_matches(
    a: Demand, earlier: list[Demand], scorer: PairScorer, threshold: float
) -> list[Match]:
    """Of the earlier demands of a same (or no stated) addressee, the TOP_K best scored, those
    at the threshold or above (best first; ties: the later in the store's order first)."""
    addressees = set(a.addressees)
    kept = [
        b
        for b in earlier
        if not (addressees and b.addressees and addressees.isdisjoint(b.addressees))
    ]  # same_addressee, without a set per pair
    if not kept:
        return []
    scores = scorer.scores(a.text, [b.text for b in kept])
    ranked = zip(scores, [order_of(b) for b in kept], range(len(kept)), strict=True)
    return [
        Match(score, order, kept[k].document_id, kept[k].position, change_label(kept[k], a))
        for score, order, k in heapq.nlargest(TOP_K, ranked)
        if score >= threshold
    ]


def texts_scored(compared: Compared) -> list[str]:
    """The texts `best_matches` may score for a demand (none when it has no candidates)."""
    if not compared.earlier:
        return []
    return [compared.demand.text, *(b.text for b in compared.earlier)]


def link_repeats(session: Session, embedder: Embedder | None = None) -> int:
    """Recompute the repeats links of the whole store; returns how many were written."""
    _delete_repeats(session)
    scorer = PairScorer(session, [], embedder or default_embedder(), capacity=VECTOR_CACHE)
    threshold = threshold_for(scorer.model)
    method = f"{METHOD_PREFIX}:{scorer.model}"
    final = BatchedInsert(session, schema.Link)
    partial = BatchedInsert(session, schema.Link)  # demands about several countries
    buckets = Buckets(session)
    buckets.fill()
    for country in buckets.countries():
        bucket = earlier_candidates(bucket_demands(session, buckets.entries(country)))
        for compared in scorer.ahead(bucket, texts_scored):
            later = compared.demand
            several = len(later.countries) > 1
            for match in best_matches(later, compared.earlier, scorer, threshold):
                row = _row(later, match, PARTIAL if several else method)
                (partial if several else final).add(row)
    buckets.drop()
    written = final.close()
    if partial.close():
        written += _merge_partial(session, method)
    session.flush()
    return written


def _merge_partial(session: Session, method: str) -> int:
    """Replace the partial links by the TOP_K best of each demand (a match found in two
    buckets counts once), read in one pass sorted by demand."""
    link, document = schema.Link, schema.Document
    columns = (link.from_document, link.from_clause, link.to_document, link.to_clause)
    query = (
        select(*columns, link.score, link.label, document.procedure)
        .join(document, document.id == link.to_document)
        .where(link.method == PARTIAL)
        .order_by(link.from_document, link.from_clause)
        .execution_options(yield_per=ROW_PAGE)
    )
    rows = BatchedInsert(session, schema.Link)
    demand: tuple[str, int] | None = None
    found: dict[tuple[str, int], Match] = {}
    partial: Any = session.execute(query)  # a partial link has both clauses, a score and a label
    for later, at, earlier, position, score, label, procedure in partial:
        if (later, at) != demand:
            _write_best(rows, demand, found, method)
            demand, found = (later, at), {}
        order = (procedure or "", position)
        found[(earlier, position)] = Match(score, order, earlier, position, label)
    _write_best(rows, demand, found, method)
    delete_batched(session, link, link.method == PARTIAL)
    return rows.close()


def _delete_repeats(session: Session) -> None:
    """Remove the repeats links of earlier runs (any model), method by method, in batches:
    one DELETE of them all made SQLite hold memory for each (and LIKE cannot use the index
    of methods, so each batch of a LIKE would read the table again)."""
    link = schema.Link
    query = select(link.method).where(link.method.like(f"{METHOD_PREFIX}%")).distinct()
    for method in list(session.scalars(query)):
        delete_batched(session, link, link.method == method)


def _write_best(
    rows: BatchedInsert,
    demand: tuple[str, int] | None,
    found: dict[tuple[str, int], Match],
    method: str,
) -> None:
    if demand is None:
        return
    best = sorted(found.values(), key=lambda m: (m.score, m.order), reverse=True)[:TOP_K]
    for match in best:
        rows.add(
            {
                "type": "repeats",
                "label": match.label,
                "from_document": demand[0],
                "from_clause": demand[1],
                "to_document": match.document_id,
                "to_clause": match.position,
                "score": round(match.score, 4),
                "method": method,
            }
        )


def _row(later: Demand, match: Match, method: str) -> dict[str, object]:
    """A link; a partial one keeps the exact score (it is compared again when merged)."""
    return {
        "type": "repeats",
        "label": match.label,
        "from_document": later.document_id,
        "from_clause": later.position,
        "to_document": match.document_id,
        "to_clause": match.position,
        "score": match.score if method == PARTIAL else round(match.score, 4),
        "method": method,
    }
