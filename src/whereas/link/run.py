"""Link the whole store: people, reports, claims, citations, then lineage and repeated demands.

Each linker streams (a page of documents, a batch of procedures, a country's window of demands
at a time), so a run holds about as much at 3,000 resolutions as at 1,000; what it decides is
counted, not kept.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from whereas.embed import Embedder
from whereas.link.citations import link_citations
from whereas.link.claims import iter_claim_checks
from whereas.link.people import link_people
from whereas.link.reports import iter_report_links
from whereas.link.thread.run import link_thread
from whereas.store import Store


def link_session(session: Session, embedder: Embedder | None = None) -> tuple[int, int]:
    """Run every linker in one session; (secondary sources decided, claims checked)."""
    link_people(session)  # authors and roll-call positions to MEP ids
    reports = sum(1 for _ in iter_report_links(session))
    claims = sum(1 for _ in iter_claim_checks(session))
    link_citations(session)  # clauses to the texts their footnotes name (replaced every run)
    link_thread(session, embedder)  # lineage and repeated demands (replaced on every run)
    return reports, claims


def link_all(store: Store) -> tuple[int, int]:
    """Link people, reports, claims, citations, lineage and repeats (safe to re-run)."""
    with store.session() as session:
        linked = link_session(session)
    store.fold_counts()  # the run's row count deltas (PostgreSQL): the links replaced, in bulk
    return linked
