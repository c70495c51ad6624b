"""A tally a secondary source gets wrong: a conflict on the procedure, in the export and in show."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from typer.testing import CliRunner

from whereas.cli import app
from whereas.export.json_export import build_export
from whereas.ingest import link_store
from whereas.parse.records import ParsedDocument, Vote
from whereas.parse.secondary import parse_secondary
from whereas.read import read_bytes
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Recognition
from whereas.store import Store
from whereas.store.writer import IncomingDocument, save_document

PROCEDURE = "2019/2730(RSP)"
VOTED = date(2019, 7, 18)


def _official_vote(store: Store, tally: tuple[int, int, int]) -> str:
    """A text adopted on Venezuela and a vote list giving `tally` for it."""
    text = ReadDocument("text", "Situation in Venezuela P9_TA(2019)0006")
    adopted = Recognition(kind="text_adopted", reference="P9_TA(2019)0006", procedure=PROCEDURE,
                          title="Situation in Venezuela", date=VOTED)
    vote = Vote(*tally, result="adopted", roll_call=True, date=VOTED, official=True,
                subject="Motion for a resolution (as a whole)", reference="P9_TA(2019)0006")
    with store.session() as session:
        for raw, recognition, parsed in (
            (b"text adopted", adopted, ParsedDocument(body=text.text)),
            (b"vote list", Recognition(kind="vote_results", date=VOTED),
             ParsedDocument(body=text.text, votes=[vote])),
        ):
            saved = save_document(session, IncomingDocument(
                raw=raw, read=text, recognition=recognition, parsed=parsed,
                read_at=datetime.now(UTC)))
    return saved.document_id


def _press_release(store: Store, path: Path) -> str:
    raw = path.read_bytes()
    read = read_bytes(raw, name=path.name)
    recognition = Recognition(kind="press_release")
    parsed = parse_secondary(read, recognition)
    recognition.title = str(parsed.header.get("title") or "") or None
    with store.session() as session:
        return save_document(session, IncomingDocument(
            raw=raw, read=read, recognition=recognition, parsed=parsed,
            read_at=datetime.now(UTC))).document_id


def _procedure(store: Store) -> dict[str, object]:
    with store.session() as session:
        export = build_export(session)
    return next(p for p in export["procedures"] if p["reference"] == PROCEDURE)


def test_a_contradicted_tally_is_a_conflict(database_url: str, corpus: Path) -> None:
    store = Store.open(database_url)
    official = _official_vote(store, (456, 84, 105))
    source = _press_release(store, corpus / "text-dumps/press-release_20190712IPR56948.txt")
    link_store(store)
    conflicts = _procedure(store)["conflicts"]
    assert conflicts == [{
        "field": f"tally of Motion for a resolution (as a whole) {VOTED.isoformat()}",
        "values": [[456, 84, 105], [455, 85, 105]],
        "sources": [official, source],
    }]
    store.close()
    shown = CliRunner().invoke(app, ["show", "--db", database_url, "--json", PROCEDURE])
    marks = {(t["document"], t["mark"]) for t in json.loads(shown.stdout)["tallies"]}
    assert marks == {(official, "record"), (source, "contradicted")}
    text = CliRunner().invoke(app, ["show", "--db", database_url, PROCEDURE]).stdout
    assert "455/85/105" in text and "CONTRADICTS" in text


def test_a_corroborated_tally_is_no_conflict(database_url: str, corpus: Path) -> None:
    store = Store.open(database_url)
    _official_vote(store, (455, 85, 105))
    _press_release(store, corpus / "text-dumps/press-release_20190712IPR56948.txt")
    link_store(store)
    assert _procedure(store)["conflicts"] == []
    store.close()
