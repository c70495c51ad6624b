"""Linking reads a page of documents or a batch of procedures by its ids or its procedures, never
every document of a kind for each page (given both, SQLite without statistics took the kind index,
which made link_store quadratic in the store)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session
from tests.plans import plans_of

from whereas.link import claims, reports
from whereas.link.thread.texts import PROCEDURE_BATCH, iter_resolution_texts
from whereas.store import Store

from .thread_data import Made, add_text

DEMAND = Made("paragraph", "1", "Calls for the release of all political prisoners.")
COUNT = PROCEDURE_BATCH + 10


def _store(folder: Path) -> Store:
    """Resolutions of COUNT procedures, and a press release on each."""
    store = Store.open(f"sqlite:///{folder / 'store.db'}")
    with store.session() as session:
        for n in range(COUNT):
            for kind, reference in [
                (("motion", "joint_motion", "text_adopted")[n % 3], f"RC-B10-{n:04d}/2025"),
                ("press_release", f"20250508IPR{n:05d}"),  # not one of its procedure's texts
            ]:
                add_text(
                    session,
                    kind=kind,
                    reference=reference,
                    procedure=f"2025/{2000 + n}(RSP)",
                    title=kind,
                    day=date(2025, 5, 8),
                    clauses=[DEMAND],
                )
    return store


def _plans_on_documents(store: Store, run: Callable[[Session], Any]) -> list[str]:
    """What `run` returns is dropped; the query plans of its statements on documents."""
    plans = plans_of(store, run, "FROM documents")
    assert plans
    return plans


def _by_index(plan: str) -> bool:
    """Not by kind; a scan only in the primary key's order (a keyset page's first, limited)."""
    in_key_order = ("sqlite_autoindex_documents_1", "ix_documents_id_kind")  # (id), (id, kind)
    scan = "SCAN documents" in plan and not any(index in plan for index in in_key_order)
    return "(kind=" not in plan and not scan  # by ix_documents_kind or by kind and date


def test_a_batch_of_procedures_is_read_by_its_procedures(tmp_path: Path) -> None:
    store = _store(tmp_path)
    with store.session() as session:
        read = list(iter_resolution_texts(session))
    assert len(read) == COUNT
    assert all(len(texts) == 1 for _, texts in read)
    assert "press_release" not in {t.document.kind for _, texts in read for t in texts}
    plans = _plans_on_documents(store, lambda session: list(iter_resolution_texts(session)))
    assert all(_by_index(plan) for plan in plans), plans
    store.close()


def test_a_page_of_sources_is_read_by_its_ids(tmp_path: Path) -> None:
    store = _store(tmp_path)

    def link(session: Session) -> None:
        decided = list(reports.iter_report_links(session))
        assert len(decided) == COUNT  # every press release, none of the resolutions
        session.rollback()

    plans = _plans_on_documents(store, link)
    assert all(_by_index(plan) for plan in plans), plans
    store.close()


def test_pages_of_ids_and_kinds_and_of_sources_read_an_index_alone(tmp_path: Path) -> None:
    """Report linking's pages of every id with its kind, and claims' pages of the sources with
    reports_on references, read a covering index and no table row (migration 0015: by the
    primary key's index, each id was a read of the documents table, 36 us a document at
    100,000 documents against 0.9 at 10,000)."""
    store = _store(tmp_path)

    def link(session: Session) -> None:
        assert len(list(reports.iter_report_links(session))) == COUNT
        list(claims.iter_claim_checks(session))
        session.rollback()

    wanted = {
        "SELECT documents.id, documents.kind FROM documents": "ix_documents_id_kind",
        "SELECT DISTINCT document_references.document_id FROM": "ix_document_references_role",
    }
    for reading, index in wanted.items():
        plans = plans_of(store, link, reading)
        assert len(plans) >= 2, reading  # a page or more, and the empty one that ends them
        assert all(f"COVERING INDEX {index}" in plan for plan in plans), plans
    store.close()
