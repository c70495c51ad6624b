"""Lineage in the store: group motions -> joint motion -> text adopted, as derives_from links."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from whereas.cli.render_lineage import render_lineage
from whereas.ingest import link_store
from whereas.link.thread.summary import procedure_lineage
from whereas.store import Store, schema
from whereas.store.lookup import find_record

from .thread_data import PROCEDURE, Made, add_text, ingest_joint_motion, joint_motion, renumbered


def _motion(clauses: list[Made]) -> list[Made]:
    """A group motion: § 5 missing, § 2 cut short, an extra paragraph the RC did not keep."""
    out = []
    for c in clauses:
        if c.kind == "paragraph" and c.label == "5":
            continue
        if c.kind == "paragraph" and c.label == "2":
            c = replace(c, text=c.text.split(" and ")[0] + ".")
        out.append(c)
    extra = Made("paragraph", None, "Welcomes the appointment of a special envoy for culture.")
    return renumbered([*out[:-1], extra, out[-1]])


def _adopted(clauses: list[Made]) -> list[Made]:
    """The text adopted: a paragraph inserted after § 4 (Am 1 was adopted in plenary)."""
    added = Made("paragraph", None, "Calls on the Commission to fund family tracing services.")
    at = next(i for i, c in enumerate(clauses) if c.label == "4") + 1
    return renumbered([*clauses[:at], added, *clauses[at:]])


def _build(store: Store, corpus: Path) -> None:
    ingest_joint_motion(store, corpus)
    with store.session() as session:
        _, rc = joint_motion(session)
        add_text(
            session,
            kind="motion",
            reference="B10-0250/2025",
            procedure=PROCEDURE,
            title="motion",
            day=date(2025, 5, 5),
            clauses=_motion(rc),
            groups=["SD"],
        )
        add_text(
            session,
            kind="text_adopted",
            reference="P10_TA(2025)0096",
            procedure=PROCEDURE,
            title="text adopted",
            day=date(2025, 5, 8),
            clauses=_adopted(rc),
        )


def _labels(session: Session, reference: str) -> dict[str, int]:
    doc = session.scalars(
        select(schema.Document.id).where(
            schema.Document.reference == reference, schema.Document.format.in_(["html", "text"])
        )
    )
    ids = list(doc)
    rows = session.execute(
        select(schema.Link.label, func.count())
        .where(
            schema.Link.type == "derives_from",
            schema.Link.from_document.in_(ids),
            schema.Link.method == "lineage:v1",
        )
        .group_by(schema.Link.label)
    )
    return {str(row[0]): int(row[1]) for row in rows}


def test_lineage_links_and_summary(database_url: str, corpus: Path) -> None:
    store = Store.open(database_url)
    _build(store, corpus)
    link_store(store)
    link_store(store)  # idempotent: the lineage method's links are replaced, never duplicated
    with store.session() as session:
        rc_from_motion = _labels(session, "RC-B10-0249/2025")
        summary = procedure_lineage(session, PROCEDURE)
        total = session.scalar(
            select(func.count()).select_from(schema.Link).where(schema.Link.type == "derives_from")
        )
    store.close()
    # 15 RC clauses: § 5 new, § 2 reworded, the 13 others identical.
    assert rc_from_motion == {"identical": 13, "reworded": 1, "new": 1}
    # motion -> RC (15), motion -> TA (16), RC -> TA (16)
    assert total == 47
    (share,) = summary.motions
    assert share.groups == ["SD"] and (share.survived, share.clauses) == (11, 12)
    (added,) = summary.additions
    assert (added.label, added.after) == ("5", "4")
    assert added.vote is not None and added.vote.subject and "Am 1" in added.vote.subject


def test_show_prints_lineage(database_url: str, corpus: Path) -> None:
    from io import StringIO

    from rich.console import Console

    store = Store.open(database_url)
    _build(store, corpus)
    link_store(store)
    buffer = StringIO()
    console = Console(file=buffer, width=200)
    with store.session() as session:
        render_lineage(console, find_record(session, PROCEDURE))
        render_lineage(console, find_record(session, "P10_TA(2025)0096"))
    store.close()
    shown = buffer.getvalue()
    assert "B10-0250/2025 (SD): 11/12 clauses kept (92%)" in shown
    assert "added in plenary: paragraph 5 after 4 (After § 4 - Am 1, adopted)" in shown
    assert "derives_from new" in shown and "derives_from identical" in shown
