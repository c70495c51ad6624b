"""Secondary sources linked to the procedures they report on, and their tallies checked."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.link.claims import check_claims
from whereas.link.reports import link_reports_to_procedures
from whereas.parse.records import ParsedDocument, Vote
from whereas.parse.secondary import parse_secondary
from whereas.read import read_bytes
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import DocumentKind, Recognition
from whereas.store import Store, schema
from whereas.store.writer import IncomingDocument, save_document


@dataclass(frozen=True)
class OfficialVote:
    """A procedure voted on a day with a final tally, as a vote list would give it."""

    procedure: str
    title: str
    day: date
    tally: tuple[int, int, int]
    reference: str


def add_procedure(session: Session, vote: OfficialVote) -> str:
    """Store a text adopted (with the procedure's title) and its official final vote."""
    text = ReadDocument("text", f"{vote.title} {vote.reference}")
    adopted = Recognition(kind="text_adopted", reference=vote.reference, procedure=vote.procedure,
                          title=vote.title, date=vote.day)
    _save(session, f"ta {vote.reference}".encode(), text, adopted, ParsedDocument(body=text.text))
    record = Vote(*vote.tally, result="adopted", roll_call=True, date=vote.day,
                  subject="Motion for a resolution (as a whole)", reference=vote.reference,
                  official=True)
    results = Recognition(kind="vote_results", date=vote.day)
    return _save(session, f"vot {vote.reference} {vote.tally}".encode(), text, results,
                 ParsedDocument(body=text.text, votes=[record]))


def add_secondary(session: Session, path: Path, kind: DocumentKind,
                  procedure: str | None = None) -> str:
    """Store a real secondary source as ingest would (its date is the one its parser read)."""
    raw = path.read_bytes()
    read = read_bytes(raw, name=path.name)
    recognition = Recognition(kind=kind, procedure=procedure)
    parsed = parse_secondary(read, recognition)
    recognition.title = str(parsed.header.get("title") or "") or None
    return _save(session, raw, read, recognition, parsed)


def _save(session: Session, raw: bytes, read: ReadDocument, recognition: Recognition,
          parsed: ParsedDocument) -> str:
    incoming = IncomingDocument(raw=raw, read=read, recognition=recognition, parsed=parsed,
                                read_at=datetime.now(UTC), source_path=hashlib.md5(raw).hexdigest())
    return save_document(session, incoming).document_id


VENEZUELA_JULY = OfficialVote("2019/2730(RSP)", "Situation in Venezuela", date(2019, 7, 18),
                              (455, 85, 105), "P9_TA(2019)0006")
VENEZUELA_JANUARY = OfficialVote("2019/2543(RSP)", "Situation in Venezuela", date(2019, 1, 31),
                                 (439, 104, 88), "P8_TA(2019)0061")
KAZAKHSTAN_2021 = OfficialVote("2021/2577(RSP)", "Human rights situation in Kazakhstan",
                               date(2021, 2, 11), (617, 23, 55), "P9_TA(2021)0056")
KAZAKHSTAN_2022 = OfficialVote("2022/2505(RSP)", "Situation in Kazakhstan", date(2022, 1, 20),
                               (601, 27, 52), "P9_TA(2022)0012")
MYANMAR = OfficialVote("2021/2540(RSP)", "Situation in Myanmar", date(2021, 2, 11),
                       (667, 1, 27), "P9_TA(2021)0055")
PRESS_RELEASE = "howtheyvote/press-release_20190712IPR56948.html"


def links(session: Session) -> list[tuple[str, str, str]]:
    rows = session.scalars(select(schema.Link))
    return [(r.type, r.from_document, r.to_document) for r in rows]


def reports_on(session: Session, document_id: str) -> list[str]:
    return list(session.scalars(
        select(schema.DocumentReference.value).where(
            schema.DocumentReference.document_id == document_id,
            schema.DocumentReference.role == "reports_on")))


def test_press_release_linked_by_tally_and_day_and_corroborated(
    database_url: str, corpus: Path
) -> None:
    store = Store.open(database_url)
    with store.session() as session:
        july = add_procedure(session, VENEZUELA_JULY)
        add_procedure(session, VENEZUELA_JANUARY)
        source = add_secondary(session, corpus / PRESS_RELEASE, "press_release")
        decided = link_reports_to_procedures(session)
        assert [(d.procedures, d.method) for d in decided] == [(["2019/2730(RSP)"], "inferred")]
        checks = check_claims(session)
        assert [c.verdict for c in checks] == ["corroborates"]
        assert links(session) == [("corroborates", source, july)]
        assert link_reports_to_procedures(session)[0].method == "existing"
        check_claims(session)
        assert len(links(session)) == 1  # checking twice changes nothing
    store.close()


def test_different_official_figure_contradicts(database_url: str, corpus: Path) -> None:
    store = Store.open(database_url)
    wrong = OfficialVote(*VENEZUELA_JULY.__dict__.values())
    object.__setattr__(wrong, "tally", (456, 84, 105))
    with store.session() as session:
        official = add_procedure(session, wrong)
        source = add_secondary(session, corpus / "text-dumps/press-release_20190712IPR56948.txt",
                               "press_release")
        decided = link_reports_to_procedures(session)
        assert decided[0].procedures == ["2019/2730(RSP)"]  # by subject and day
        checks = check_claims(session)
        assert [c.verdict for c in checks] == ["contradicts"]
        assert links(session) == [("contradicts", source, official)]
    store.close()


def test_czech_reports_go_to_the_right_year(database_url: str, corpus: Path) -> None:
    store = Store.open(database_url)
    news = corpus / "press-and-news"
    with store.session() as session:
        add_procedure(session, KAZAKHSTAN_2021)
        add_procedure(session, KAZAKHSTAN_2022)
        adopted = add_secondary(session, news / "pirati-cz-2022-01-20-kazakhstan-resolution.md",
                                "news")
        op_ed = add_secondary(session, news / "pirati-cz-2022-02-02-kazakhstan-op-ed.md", "news")
        before = add_secondary(session, news / "pirati-cz-2022-01-07-kazakhstan.md", "news")
        belarus = add_secondary(session, news / "pirati-cz-2022-11-24-belarus-resolution.md",
                                "news")
        decided = {d.document_id: d for d in link_reports_to_procedures(session)}
        assert reports_on(session, adopted) == ["2022/2505(RSP)"]
        assert reports_on(session, op_ed) == ["2022/2505(RSP)"]
        assert reports_on(session, before) == []  # written before any vote: no link
        assert decided[before].reason
        assert reports_on(session, belarus) == []
        assert "no stored procedure" in decided[belarus].reason
    store.close()


def test_summary_names_its_procedure_and_other_figures_are_no_conflict(
    database_url: str, corpus: Path
) -> None:
    store = Store.open(database_url)
    with store.session() as session:
        myanmar = add_procedure(session, MYANMAR)
        add_procedure(session, KAZAKHSTAN_2021)  # same day, other figures: no conflict
        summary = add_secondary(session, corpus / "howtheyvote/oeil-document-summary_1651118.html",
                                "procedure_summary", procedure="2021/2540(RSP)")
        decided = link_reports_to_procedures(session)
        assert [(d.procedures, d.method) for d in decided] == [(["2021/2540(RSP)"], "explicit")]
        assert [c.verdict for c in check_claims(session)] == ["corroborates"]
        assert links(session) == [("corroborates", summary, myanmar)]
    store.close()


def test_translated_title_linked_by_its_tally(database_url: str, corpus: Path) -> None:
    store = Store.open(database_url)
    armenians = OfficialVote(
        "2025/2602(RSP)",
        "Illegal arrest, sham trials of Armenian hostages, including high-ranking political "
        "representatives from Nagorno-Karabakh, by Azerbaijan", date(2025, 3, 13), (523, 3, 84),
        "P10_TA(2025)0040")
    with store.session() as session:
        add_procedure(session, armenians)
        add_secondary(session, corpus / "press-and-news/armenews-fr-2025-03-13-armenian-"
                      "prisoners-resolution.md", "news")
        decided = link_reports_to_procedures(session)
        assert decided[0].procedures == ["2025/2602(RSP)"]
        assert [c.verdict for c in check_claims(session)] == ["corroborates"]
    store.close()
