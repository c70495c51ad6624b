"""Clause footnotes are stored on their clause, and what they name links the clause to the text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from whereas.ingest import ingest_paths, link_store
from whereas.link.citations import CITES
from whereas.store import Store, schema

from .footnote_pages import (
    CITED_NOTES,
    REAL_NOTE,
    adopted_page,
    citing_page,
    real_page_with_footnote,
)

NO_NOTES = "Instructs its President to forward this resolution to the Council."


def _ingest(store: Store, tmp_path: Path, pages: dict[str, bytes]) -> None:
    paths = []
    for name, raw in pages.items():
        (tmp_path / name).write_bytes(raw)
        paths.append(tmp_path / name)
    assert [r.status for r in ingest_paths(store, paths)] == ["added"] * len(paths)


def _footnotes(store: Store, reference: str) -> list[tuple[int, str, list[str] | None]]:
    with store.session() as session:
        query = (
            select(schema.Clause.position, schema.Clause.text, schema.Clause.footnotes)
            .join(schema.Document, schema.Document.id == schema.Clause.document_id)
            .where(schema.Document.reference == reference)
            .order_by(schema.Clause.position)
        )
        return [tuple(row) for row in session.execute(query)]


def _footnote_references(store: Store, reference: str) -> list[tuple[int | None, str, str]]:
    ref, doc = schema.DocumentReference, schema.Document
    with store.session() as session:
        query = (
            select(ref.clause_position, ref.kind, ref.value)
            .join(doc, doc.id == ref.document_id)
            .where(doc.reference == reference, ref.role == "footnote")
            .order_by(ref.id)
        )
        return [(position, kind, value) for position, kind, value in session.execute(query)]


def _cites(store: Store) -> list[tuple[str | None, int | None, str | None, str | None]]:
    link = schema.Link
    citing, cited = schema.Document.__table__.alias(), schema.Document.__table__.alias()
    with store.session() as session:
        query = (
            select(citing.c.reference, link.from_clause, link.label, cited.c.reference)
            .join(citing, citing.c.id == link.from_document)
            .join(cited, cited.c.id == link.to_document)
            .where(link.type == CITES)
            .order_by(link.from_clause, link.label)
        )
        return [tuple(row) for row in session.execute(query)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    yield opened
    opened.close()


def test_footnotes_are_stored_on_their_clause_with_the_identifiers_they_name(
    store: Store, tmp_path: Path
) -> None:
    _ingest(store, tmp_path, {"cites.html": citing_page()})
    assert _footnotes(store, "P9_TA(2022)0013") == [
        (1, "having regard to its previous resolutions on Freedonia,", [CITED_NOTES[0]]),
        (2, "whereas the Charter binds the Union;", [CITED_NOTES[1]]),
        (3, NO_NOTES, []),
    ]
    # Each form each recogniser knows, in its human form, kept with the clause it explains.
    assert _footnote_references(store, "P9_TA(2022)0013") == [
        (1, "text_adopted", "P9_TA(2022)0012"),
        (1, "text_adopted", "P9_TA(2021)0101"),
        (2, "procedure", "2021/2540(RSP)"),
        (2, "motion", "B9-0065/2022"),
    ]


def test_a_citation_links_to_the_stored_texts_its_footnote_names(
    store: Store, tmp_path: Path
) -> None:
    pages = {
        "cites.html": citing_page(),
        "earlier.html": adopted_page("P9_TA(2022)0012", "2022/2400(RSP)"),
        "procedure.html": adopted_page("P9_TA(2021)0400", "2021/2540(RSP)"),
        "unrelated.html": adopted_page("P9_TA(2022)0020", "2022/2600(RSP)"),
    }
    _ingest(store, tmp_path, pages)
    expected = [
        ("P9_TA(2022)0013", 1, "P9_TA(2022)0012", "P9_TA(2022)0012"),
        # A procedure named in a footnote: the texts adopted in it.
        ("P9_TA(2022)0013", 2, "2021/2540(RSP)", "P9_TA(2021)0400"),
    ]
    link_store(store)
    assert _cites(store) == expected
    link_store(store)  # replaced, not added again
    assert _cites(store) == expected


def test_the_real_joint_motion_keeps_a_footnote_on_its_previous_resolutions(
    corpus: Path, store: Store, tmp_path: Path
) -> None:
    _ingest(store, tmp_path, {"rc-0249-footnoted.html": real_page_with_footnote(corpus)})
    clauses = _footnotes(store, "RC-B10-0249/2025")
    assert len(clauses) == 15
    assert [(p, t[-40:], f) for p, t, f in clauses if f] == [
        (1, "sia’s war of aggression against Ukraine,", [REAL_NOTE])
    ]
    assert _footnote_references(store, "RC-B10-0249/2025") == [
        (1, "text_adopted", "P9_TA(2022)0012"),
        (1, "text_adopted", "P9_TA(2023)0056"),
        (1, "text_adopted", "P10_TA(2024)0012"),
    ]


def test_the_real_joint_motion_as_published_has_no_footnotes(corpus: Path, store: Store) -> None:
    ingest_paths(store, [corpus / "howtheyvote/document_rc-10-2025-0249-en.html"])
    clauses = _footnotes(store, "RC-B10-0249/2025")
    assert len(clauses) == 15 and all(f == [] for _, _, f in clauses)
    assert _footnote_references(store, "RC-B10-0249/2025") == []
