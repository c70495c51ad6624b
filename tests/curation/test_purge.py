"""A purge leaves no trace of the content in the store, the search index or the export."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import MetaData, select, text

from whereas.curation.review import review_items
from whereas.curation.takedown import hide_document, purge, unhide_document
from whereas.export.json_export import build_export
from whereas.search import search
from whereas.store import Store, schema

RC = "howtheyvote/document_rc-10-2025-0249-en.html"


def _every_row_as_text(store: Store) -> str:
    metadata = MetaData()
    metadata.reflect(store.engine)
    parts = []
    with store.engine.connect() as connection:
        for table in metadata.sorted_tables:
            if store.dialect == "sqlite" and table.name.startswith("search_fts_"):
                continue  # FTS5 shadow tables: binary; the virtual table is read instead
            for row in connection.execute(select(table)):
                parts.append(table.name + " " + " ".join(repr(v) for v in row))
    return "\n".join(parts)


def test_purge_leaves_no_trace(curated: Store, corpus: Path) -> None:
    with curated.session() as session:
        doc = session.scalars(
            select(schema.Document).where(schema.Document.source_path.like(f"%{RC}"))
        ).one()
        document_id, title = doc.id, str(doc.title)
        clause = session.scalars(
            select(schema.Clause.text).where(schema.Clause.document_id == doc.id).offset(8)
        ).first()
        assert clause and len(clause) > 60
        key = f"clause:{doc.id}:8:verbs"
        review_items(session, [key], "correct", "rita", value=["x"], reason=f"see {clause[:30]}")
        assert search(session, clause[:60]).total > 0
    before = _every_row_as_text(curated)
    assert clause in before and document_id in before

    report = purge(curated, document_id, "ada", "takedown request")

    assert report.clauses > 10
    after = _every_row_as_text(curated)
    for trace in (clause, clause[:30], title):
        assert trace not in after
    rows_naming_it = [line for line in after.splitlines() if document_id in line]
    tables = {line.split(" ", 1)[0] for line in rows_naming_it}
    assert tables == {"purged_documents", "audit_log"}, rows_naming_it
    assert all("purge" in line or "scrubbed" in line for line in rows_naming_it), rows_naming_it
    with curated.session() as session:
        assert search(session, clause[:60]).total == 0
        exported = json.dumps(build_export(session), ensure_ascii=False)
        assert session.get(schema.PurgedDocument, document_id).reason == "takedown request"  # type: ignore[union-attr]
    assert clause not in exported and document_id not in exported and title not in exported
    if curated.dialect == "sqlite":
        raw = Path(str(curated.engine.url.database)).read_bytes()
        assert clause.encode() not in raw and title.encode() not in raw


def test_hide_takes_a_document_off_the_export_and_search(curated: Store) -> None:
    with curated.session() as session:
        doc = session.scalars(
            select(schema.Document).where(schema.Document.source_path.like(f"%{RC}"))
        ).one()
        assert hide_document(session, doc.id, "ada", "under review")
        ids = [d["id"] for d in build_export(session)["documents"]]
        assert doc.id not in ids
        assert (
            session.scalar(
                text("SELECT count(*) FROM search_entries WHERE document_id = :d"), {"d": doc.id}
            )
            == 0
        )
        assert unhide_document(session, doc.id, "ada", None)
        assert doc.id in [d["id"] for d in build_export(session)["documents"]]
