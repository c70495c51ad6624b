"""Confirm, reject, correct and bulk in the library; decisions survive a re-ingest and a re-link."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, update

from whereas.curation.queue import QueueFilter, review_queue
from whereas.curation.review import review_items, review_matching
from whereas.errors import InsufficientRole, InvalidDecision
from whereas.search import remove_document
from whereas.store import Store, schema

from .conftest import ingest_subset


def _queue(store: Store, **wanted: str) -> list[dict[str, object]]:
    with store.session() as session:
        return [r.as_json() for r in review_queue(session, QueueFilter(**wanted))]


def _first(store: Store, kind: str) -> dict[str, object]:
    return next(i for i in _queue(store, kind=kind, state="all"))


def test_queue_is_lowest_confidence_first_and_filtered(curated: Store) -> None:
    items = _queue(curated)
    confidences = [float(str(i["confidence"])) for i in items]
    assert confidences == sorted(confidences)
    kinds = {str(i["kind"]) for i in items}
    assert {"person", "split", "classification:verbs", "link:reports_on"} <= kinds
    assert {i["kind"] for i in _queue(curated, kind="link")} == {"link:reports_on"}
    on = _queue(curated, procedure="2025/2691(RSP)")
    assert on and all(i["procedure"] == "2025/2691(RSP)" for i in on)
    assert _queue(curated, procedure="1999/0001(RSP)") == []
    about = _queue(curated, country="Ukraine", kind="classification:verbs")
    assert about and all(i["procedure"] == "2025/2691(RSP)" for i in about)


def test_confirm_reject_correct_are_kept_beside_the_machine_value(curated: Store) -> None:
    verbs = _first(curated, "classification:verbs")
    link = _first(curated, "link:reports_on")
    kind = _first(curated, "classification:kind")
    with curated.session() as session:
        done = review_items(session, [str(verbs["key"])], "correct", "rita", value=["condemns"])
        assert done.changed == 1
        assert review_items(session, [str(link["key"])], "reject", "rita", reason="wrong").changed
        assert review_items(session, [str(kind["key"])], "confirm", "rita").changed == 1
        again = review_items(session, [str(kind["key"]), "clause:nope:1:verbs"], "confirm", "rita")
        assert (again.changed, again.unchanged, again.unknown) == (0, 1, ["clause:nope:1:verbs"])
    after = {str(i["key"]): i for i in _queue(curated, state="all")}
    corrected = after[str(verbs["key"])]
    assert corrected["state"] == "corrected"
    assert corrected["machine"] == verbs["machine"]  # the machine's value is never overwritten
    assert corrected["value"] == ["condemns"]
    assert after[str(link["key"])]["state"] == "rejected"
    assert after[str(kind["key"])]["state"] == "confirmed"
    with curated.session() as session:
        audit = session.scalar(select(func.count()).select_from(schema.AuditEntry))
        machine = session.scalars(select(schema.Clause.verbs)).all()
    assert audit == 3 + 2  # three decisions and the two accounts
    assert ["condemns"] not in machine


def test_bulk_changes_every_item_listed_and_says_how_many(curated: Store) -> None:
    wanted = QueueFilter(kind="split")
    total = len(_queue(curated, kind="split"))
    assert total > 10
    with curated.session() as session:
        done = review_matching(session, wanted, "confirm", "rita", reason="checked by eye")
    assert done.changed == total and done.unknown == []
    assert _queue(curated, kind="split") == []
    assert len(_queue(curated, kind="split", state="confirmed")) == total


def test_a_correction_survives_a_full_re_ingest_and_re_link(curated: Store, corpus: Path) -> None:
    verbs = _first(curated, "classification:verbs")
    link = _first(curated, "link:reports_on")
    with curated.session() as session:
        review_items(session, [str(verbs["key"])], "correct", "rita", value=["deplores"])
        review_items(session, [str(link["key"])], "reject", "rita")
        # A re-parse: every document and what was derived from it goes, then comes back.
        for document_id in session.scalars(select(schema.Document.id)).all():
            remove_document(session, document_id)
        for table in (schema.Document, schema.Link, schema.Blob):
            session.execute(delete(table))
    ingest_subset(curated, corpus)
    ingest_subset(curated, corpus)  # and a re-ingest of unchanged files
    after = {str(i["key"]): i for i in _queue(curated, state="all")}
    assert after[str(verbs["key"])]["state"] == "corrected"
    assert after[str(verbs["key"])]["value"] == ["deplores"]
    assert after[str(link["key"])]["state"] == "rejected"


def test_a_new_machine_value_puts_the_item_back_in_the_queue(curated: Store) -> None:
    verbs = _first(curated, "classification:verbs")
    document, position = str(verbs["key"]).split(":")[1:3]
    with curated.session() as session:
        review_items(session, [str(verbs["key"])], "confirm", "rita")
        session.execute(
            update(schema.Clause)
            .where(schema.Clause.document_id == document, schema.Clause.position == int(position))
            .values(verbs=["regrets"])
        )
    back = {str(i["key"]): i for i in _queue(curated)}[str(verbs["key"])]
    assert back["state"] == "suggested" and back["changed_since_decision"] is True


def test_writing_needs_an_account_with_a_role_and_checks_values(curated: Store) -> None:
    key = str(_first(curated, "classification:verbs")["key"])
    with curated.session() as session, pytest.raises(InsufficientRole):
        review_items(session, [key], "confirm", "mallory")
    with curated.session() as session, pytest.raises(InvalidDecision):
        review_items(
            session,
            [str(_first(curated, "classification:kind")["key"])],
            "correct",
            "rita",
            value="poem",
        )
    with curated.session() as session:
        assert session.scalar(select(func.count()).select_from(schema.ReviewDecision)) == 0
