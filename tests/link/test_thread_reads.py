"""Linking reads a batch of procedures' texts by the procedures, never every resolution of the
store for each batch (which made link_store quadratic in the store)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import event

from whereas.link.thread.texts import PROCEDURE_BATCH, iter_resolution_texts
from whereas.store import Store

from .thread_data import Made, add_text

DEMAND = Made("paragraph", "1", "Calls for the release of all political prisoners.")


def test_a_batch_of_procedures_is_read_by_its_procedures(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    with store.session() as session:
        for n in range(PROCEDURE_BATCH + 10):
            add_text(
                session,
                kind=("motion", "joint_motion", "text_adopted")[n % 3],
                reference=f"RC-B10-{n:04d}/2025",
                procedure=f"2025/{2000 + n}(RSP)",
                title="resolution",
                day=date(2025, 5, 8),
                clauses=[DEMAND],
            )
        add_text(  # not a resolution: not one of its procedure's texts
            session,
            kind="press_release",
            reference="20250508IPR00001",
            procedure="2025/2000(RSP)",
            title="press release",
            day=date(2025, 5, 8),
            clauses=[DEMAND],
        )
        statements: list[tuple[str, Any]] = []

        def seen(_c: Any, _cu: Any, statement: str, parameters: Any, *_: Any) -> None:
            statements.append((statement, parameters))

        event.listen(store.engine, "before_cursor_execute", seen)
        read = list(iter_resolution_texts(session))
        event.remove(store.engine, "before_cursor_execute", seen)
        assert len(read) == PROCEDURE_BATCH + 10
        assert all(len(texts) == 1 for _, texts in read)
        assert "press_release" not in {t.document.kind for _, texts in read for t in texts}
        on_documents = [(s, p) for s, p in statements if "FROM documents" in s]
        assert on_documents
        for statement, parameters in on_documents:
            connection = session.connection()
            plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", tuple(parameters))
            details = " ".join(str(row[-1]) for row in plan)
            assert "ix_documents_kind" not in details, details
            assert "SCAN documents" not in details, details
    store.close()
