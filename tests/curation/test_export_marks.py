"""The export marks confirmed and corrected values, leaves rejected links out, stays valid."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from sqlalchemy import select

from whereas.curation.queue import QueueFilter, review_queue
from whereas.curation.review import review_items
from whereas.export.json_export import build_export
from whereas.store import Store, schema

SCHEMA = json.loads((Path(__file__).parents[2] / "docs" / "export.schema.json").read_text())


def test_export_marks_human_decisions(curated: Store) -> None:
    with curated.session() as session:
        queue = review_queue(session, QueueFilter(state="all"))
        verbs = next(r.item for r in queue if r.item.kind == "classification:verbs")
        kind = next(r.item for r in queue if r.item.kind == "classification:kind")
        reports = next(r.item for r in queue if r.item.kind == "link:reports_on")
        other = session.scalars(select(schema.Document.id).order_by(schema.Document.id)).first()
        session.add(
            schema.Link(
                type="repeats",
                label="repeated",
                from_document=verbs.document_id,
                to_document=str(other),
                score=0.5,
                method="test",
            )
        )
        session.flush()
        review_items(session, [verbs.key], "correct", "rita", value=["urges", "calls on"])
        review_items(session, [kind.key], "confirm", "rita")
        review_items(session, [reports.key], "reject", "rita")
        link_key = f"link:repeats:{verbs.document_id}:-:{other}:-"
        review_items(session, [link_key], "correct", "rita", value="strengthened")
        exported = build_export(session)
    jsonschema.validate(exported, SCHEMA)
    documents = {d["id"]: d for d in exported["documents"]}
    position = int(verbs.key.split(":")[2])
    clause = next(c for c in documents[verbs.document_id]["clauses"] if c["position"] == position)
    assert clause["verbs"] == ["calls on", "urges"]
    assert clause["review"]["verbs"]["state"] == "corrected"
    assert clause["review"]["verbs"]["machine"] == verbs.machine
    assert documents[kind.document_id]["review"]["kind"]["state"] == "confirmed"
    assert documents[reports.document_id]["reports_on"] == []
    assert documents[reports.document_id]["review"]["reports_on"]["state"] == "rejected"
    link = next(lk for lk in exported["links"] if lk["type"] == "repeats")
    assert link["label"] == "strengthened" and link["review"]["machine"] == "repeated"
