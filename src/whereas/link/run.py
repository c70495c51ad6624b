"""Link the whole store: people, reports, claims, citations, then lineage and repeated demands.

Each linker streams (a page of documents, a batch of procedures, a country's window of demands
at a time), so a run holds about as much at 3,000 resolutions as at 1,000; what it decides is
counted, not kept.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from whereas.embed import Embedder
from whereas.link.citations import link_citations
from whereas.link.claims import iter_claim_checks
from whereas.link.people import link_people
from whereas.link.reports import iter_report_links
from whereas.link.thread.lineage import link_lineage
from whereas.link.thread.repeat_links import link_repeats
from whereas.store import Store

StepDone = Callable[[str], None]  # told each step's name as it ends (bench/link_steps.py times)


def _nothing(_step: str) -> None:
    pass


def link_session(
    session: Session, embedder: Embedder | None = None, on_step: StepDone = _nothing
) -> tuple[int, int]:
    """Run every linker in one session; (secondary sources decided, claims checked)."""
    link_people(session)  # authors and roll-call positions to MEP ids
    on_step("people")
    reports = sum(1 for _ in iter_report_links(session))
    on_step("reports")
    claims = sum(1 for _ in iter_claim_checks(session))
    on_step("claims")
    link_citations(session)  # clauses to the texts their footnotes name (replaced every run)
    on_step("citations")
    link_lineage(session)  # the thread, as link_thread: replaced on every run
    on_step("lineage")
    link_repeats(session, embedder)
    on_step("repeats")
    return reports, claims


def link_all(store: Store, on_step: StepDone | None = None) -> tuple[int, int]:
    """Link people, reports, claims, citations, lineage and repeats (safe to re-run)."""
    on_step = on_step or _nothing
    with store.session() as session:
        linked = link_session(session, on_step=on_step)
    on_step("commit")
    store.fold_counts()  # the run's row count deltas (PostgreSQL): the links replaced, in bulk
    on_step("fold")
    return linked
