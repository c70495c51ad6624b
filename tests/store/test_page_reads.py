"""A procedure page and a list of documents of one kind read what they show by an index, never
every document of a kind (which made them grow with the store: issue 10)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session
from tests.plans import plans_of

from whereas.ingest import ingest_paths
from whereas.store import Store
from whereas.store.lookup import ProcedureRecord, find_record
from whereas.views.documents import list_documents

JOINT_MOTION = "howtheyvote/document_rc-10-2025-0249-en.html"


def _plans_on_documents(store: Store, run: Callable[[Session], Any]) -> list[str]:
    """The query plans of the statements on documents that `run` makes."""
    return plans_of(store, run, "FROM documents")


def _store(folder: Path, corpus: Path) -> Store:
    store = Store.open(f"sqlite:///{folder / 'store.db'}")
    ingest_paths(store, [corpus / JOINT_MOTION])
    return store


def test_a_procedure_without_votes_reads_no_document_by_kind(tmp_path: Path, corpus: Path) -> None:
    store = _store(tmp_path, corpus)

    def procedure_page(session: Session) -> None:
        record = find_record(session, "2025/2691(RSP)")
        assert isinstance(record, ProcedureRecord)
        assert [d.kind for d in record.documents] == ["joint_motion"] and record.votes == []

    plans = _plans_on_documents(store, procedure_page)
    assert plans
    # Given no vote, the texts voted on were looked up with an empty IN: the kind index, every
    # motion and joint motion of the store.
    assert not [p for p in plans if "(kind=" in p or "SCAN documents" in p], plans
    store.close()


def test_a_list_of_one_kind_reads_its_page_from_the_kind_and_date_index(
    tmp_path: Path, corpus: Path
) -> None:
    store = _store(tmp_path, corpus)

    def listing(session: Session) -> None:
        page = list_documents(session, limit=20, offset=0, kind="joint_motion")
        assert page.total == 1 and [d.kind for d in page.items] == ["joint_motion"]

    (plan,) = _plans_on_documents(store, listing)
    assert "ix_documents_by_kind_and_date (kind=?)" in plan, plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan, plan  # only for the id among equal dates
    store.close()
