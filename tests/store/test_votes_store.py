"""Votes in the store on SQLite and PostgreSQL: clauses voted on, breakdowns, supersession,
the term-9 record from the datasets, and malformed vote lists kept in part."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from whereas.export.json_export import build_export, clause_id
from whereas.ingest import ingest_paths
from whereas.store import Store, schema
from whereas.store.lookup import ProcedureRecord, find_record
from whereas.store.votes import vote_breakdowns

HTV = "howtheyvote"
JOINT_MOTION = f"{HTV}/document_rc-10-2025-0249-en.html"
VOTES_8_MAY_2025 = f"{HTV}/vot-list_pv-10-2025-05-08-vot-en.xml"
RCV_18_SEPT_2024 = f"{HTV}/rcv_list_pv-10-2024-09-18-rcv-en.xml"
NOON = f"{HTV}/rcv-list_pv-9-2024-04-24-rcv-fr-noon.xml"
EVENING = f"{HTV}/rcv-list_pv-9-2024-04-24-rcv-fr-evening.xml"


def _store(database_url: str, corpus: Path, *names: str) -> Store:
    store = Store.open(database_url)
    results = ingest_paths(store, [corpus / n for n in names])
    assert [r.status for r in results] == ["added"] * len(names)
    return store


def _procedure(export: dict[str, Any], reference: str) -> dict[str, Any]:
    return next(p for p in export["procedures"] if p["reference"] == reference)


def test_joint_motion_0249_votes_attached_to_clauses(database_url: str, corpus: Path) -> None:
    store = _store(database_url, corpus, JOINT_MOTION, VOTES_8_MAY_2025)
    with store.session() as s:
        kind = schema.Document.kind
        text = s.scalars(select(schema.Document).where(kind == "joint_motion")).one()
        procedure = _procedure(build_export(s), "2025/2691(RSP)")
        record = find_record(s, "2025/2691(RSP)")
    paragraph_1 = clause_id(text.id, 7)  # from 1: 3 citations, recitals A-C, then § 1
    votes = {v["subject"]: v for v in procedure["votes"]}
    final = votes["Motion for a resolution (as a whole)"]
    assert (final["for"], final["against"], final["abstentions"]) == (516, 3, 34)
    assert final["result"] == "adopted" and final["roll_call"] and final["official"]
    assert final["clause"] is None
    # The split vote on paragraph 1: both parts are on the clause itself.
    assert votes["§ 1/1"]["clause"] == votes["§ 1/2"]["clause"] == paragraph_1
    assert (votes["§ 1/1"]["result"], votes["§ 1/2"]["result"]) == ("adopted", "adopted")
    # Amendments inserting new text name a place, not a clause: the subject keeps it.
    for subject, result in (
        ("After § 4 - Am 1", "adopted"),
        ("After § 6 - Am 2", "rejected"),
        ("After recital B - Am 3", "rejected"),
    ):
        assert votes[subject]["clause"] is None and votes[subject]["result"] == result
    assert isinstance(record, ProcedureRecord)
    attached = {
        v.subject: (a.relation, a.kind, a.label, a.position, v.amendment, v.author)
        for v in record.votes
        if (a := record.clauses.get(v.id)) is not None
    }
    assert attached == {
        "§ 1/1": ("on", "paragraph", "1", 7, None, "original text"),
        "§ 1/2": ("on", "paragraph", "1", 7, None, "original text"),
        "After § 4 - Am 1": ("after", "paragraph", "4", 10, "1", "Renew"),
        "After § 6 - Am 2": ("after", "paragraph", "6", 12, "2", "Renew"),
        "After recital B - Am 3": ("after", "recital", "B", 5, "3", "ECR"),
    }
    store.close()


def test_roll_call_18_september_2024_breakdowns_sum_to_totals(
    database_url: str, corpus: Path
) -> None:
    store = _store(database_url, corpus, RCV_18_SEPT_2024)
    with store.session() as s:
        votes = list(s.scalars(select(schema.Vote).order_by(schema.Vote.position)))
        breakdowns = vote_breakdowns(s, votes)
        corrections = s.scalar(
            select(func.count()).select_from(schema.MemberVote).where(schema.MemberVote.corrected)
        )
        mep_ids = s.scalar(
            select(func.count())
            .select_from(schema.MemberVote)
            .where(schema.MemberVote.mep_id.is_not(None))
        )
    assert [(v.source_vote_id, v.for_, v.against, v.abstentions) for v in votes] == [
        ("169418", 516, 129, 27),
        ("169419", 522, 127, 28),
    ]
    assert set(breakdowns) == {v.id for v in votes}
    first = breakdowns[votes[0].id].by_group
    assert (first["EPP"].for_, first["EPP"].against, first["EPP"].abstentions) == (63, 105, 7)
    assert (first["ESN"].for_, first["ESN"].abstentions, first["PFE"].for_) == (9, 12, 78)
    for vote in votes:
        b = breakdowns[vote.id]
        stated = (vote.for_, vote.against, vote.abstentions)
        assert (b.counted.for_, b.counted.against, b.counted.abstentions) == stated
        for tallies in (b.by_group, b.by_country):
            assert sum(t.for_ for t in tallies.values()) == vote.for_
            assert sum(t.against for t in tallies.values()) == vote.against
            assert sum(t.abstentions for t in tallies.values()) == vote.abstentions
        # Groups are stated by the roll call; countries need an MEP list, so they are unknown.
        assert "unknown" not in b.by_group and set(b.by_country) == {"unknown"}
        assert vote.flags == []
    assert corrections == 4  # stated after the vote, kept apart, never counted
    assert mep_ids == 672 + 677 + 4
    store.close()


def _publications(store: Store) -> tuple[schema.Document, schema.Document]:
    with store.session() as s:
        docs = {
            Path(d.source_path or "").name: d
            for d in s.scalars(select(schema.Document).where(schema.Document.kind == "roll_call"))
        }
    return docs[Path(NOON).name], docs[Path(EVENING).name]


def test_the_evening_publication_supersedes_the_noon_one(
    database_url: str, corpus: Path, tmp_path: Path
) -> None:
    # Whatever the order they arrive in, the content decides: the evening file holds more votes.
    for store in (
        _store(database_url, corpus, NOON, EVENING),
        _store(f"sqlite:///{tmp_path / 'reversed.db'}", corpus, EVENING, NOON),
    ):
        noon, evening = _publications(store)
        assert noon.superseded_by == evening.id and evening.superseded_by is None
        assert {noon.version, evening.version} == {1, 2}  # both kept, as versions
        with store.session() as s:
            current = s.scalars(
                select(schema.Vote.source_vote_id).where(
                    schema.Vote.document_id.in_(
                        select(schema.Document.id).where(schema.Document.superseded_by.is_(None))
                    )
                )
            ).all()
            assert len(current) == 2
        store.close()
