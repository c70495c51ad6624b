"""Evaluate secondary-source parsing and linking on the corpus: tallies, dates, reports_on, claims.

The official record is the final votes of votes-export/main-votes-term9.csv and -term10.csv
(HowTheyVote's export layout), loaded into a fresh SQLite store as official votes; the secondary
sources of eval/secondary_annotations.yaml are parsed, stored, linked and their claims checked.
Usage: .venv/bin/python eval/secondary.py [CORPUS]
"""

from __future__ import annotations

import csv
import hashlib
import re
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.orm import Session

from whereas.link.claims import check_claims
from whereas.link.reports import link_reports_to_procedures
from whereas.parse.records import ParsedDocument, Vote
from whereas.parse.secondary import parse_secondary
from whereas.read import read_bytes
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Recognition
from whereas.store import Store
from whereas.store.writer import IncomingDocument, save_document

HERE = Path(__file__).resolve().parent
PROCEDURE = re.compile(r"^\d{4}/\d{4}\([A-Z]{3}\)$")


def _save(session: Session, raw: bytes, read: ReadDocument, rec: Recognition,
          parsed: ParsedDocument) -> str:
    incoming = IncomingDocument(raw=raw, read=read, recognition=rec, parsed=parsed,
                                read_at=datetime.now(UTC), source_path=hashlib.md5(raw).hexdigest())
    return save_document(session, incoming).document_id


def load_official(session: Session, corpus: Path) -> int:
    """Each final vote of the export CSVs as a text adopted with its title and an official vote."""
    count = 0
    for name in ("main-votes-term9.csv", "main-votes-term10.csv"):
        with (corpus / "votes-export" / name).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))[1:]
        for row in rows:
            at = next((i for i, v in enumerate(row) if PROCEDURE.match(v)), None)
            if at is None or not row[at + 4].isdigit():
                continue
            day = date.fromisoformat(row[1][:10])
            procedure, title, reference = row[at], row[at + 1], row[3]
            tally = (int(row[at + 4]), int(row[at + 5]), int(row[at + 6]))
            text = ReadDocument("text", f"{title} {reference} {row[0]}")
            rec = Recognition(kind="text_adopted", reference=reference, procedure=procedure,
                              title=title, date=day)
            _save(session, f"ta {row[0]}".encode(), text, rec, ParsedDocument(body=text.text))
            vote = Vote(*tally, result="adopted", date=day, reference=reference,
                        procedure=procedure, official=True, subject="whole text")
            _save(session, f"vot {row[0]}".encode(), text, Recognition(kind="vote_results"),
                  ParsedDocument(body=text.text, votes=[vote]))
            count += 1
    return count


def _recognition(read: ReadDocument, kind: Any) -> Recognition:
    """The recognizer's answer when it is installed, else the kind with the procedure it names."""
    try:
        from whereas.recognize import recognize

        found: Recognition = recognize(read)
        found.kind = kind
        return found
    except ImportError:
        named = re.search(r"\d{4}/\d{4}\([A-Z]{3}\)", read.text)
        return Recognition(kind=kind, procedure=named.group(0) if named else None)


def evaluate(corpus: Path) -> dict[str, tuple[int, int]]:
    """Right/total for tallies, dates, reports_on and claim checks."""
    annotations = yaml.safe_load((HERE / "secondary_annotations.yaml").read_text())["documents"]
    scores = {"tallies": [0, 0], "dates": [0, 0], "reports_on": [0, 0], "claims": [0, 0]}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/eval.db")
        with store.session() as session:
            print(f"official final votes loaded: {load_official(session, corpus)}")
            ids = {}
            for item in annotations:
                raw = (corpus / item["path"]).read_bytes()
                read = read_bytes(raw, name=item["path"])
                rec = _recognition(read, item["kind"])
                parsed = parse_secondary(read, rec)
                ids[item["path"]] = _save(session, raw, read, rec, parsed)
                _score_parse(scores, item, parsed)
            decided = {d.document_id: d for d in link_reports_to_procedures(session)}
            checks = check_claims(session)
            for item in annotations:
                link = decided[ids[item["path"]]]
                _count(scores["reports_on"], sorted(link.procedures) == sorted(item["reports_on"]),
                       f"{item['path']}: reports_on {link.procedures} ({link.reason})")
            for check in checks:
                _count(scores["claims"], check.verdict == "corroborates",
                       f"claim {check.claim_vote_id}: {check.verdict} ({check.reason})")
        store.close()
    return {k: (v[0], v[1]) for k, v in scores.items()}


def _count(score: list[int], right: bool, what: str) -> None:
    score[0] += right
    score[1] += 1
    if not right:
        print(f"  miss: {what}")


def _score_parse(scores: dict[str, list[int]], item: dict[str, Any],
                 parsed: ParsedDocument) -> None:
    found = sorted([v.for_, v.against, v.abstentions] for v in parsed.votes)
    _count(scores["tallies"], found == sorted(item["tallies"]),
           f"{item['path']}: tallies {found}")
    _count(scores["dates"], parsed.header.get("date") == item["date"].isoformat(),
           f"{item['path']}: date {parsed.header.get('date')}")


def main() -> None:
    """Print the figures."""
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared" / "corpus"
    for name, (right, total) in evaluate(corpus).items():
        share = f"{100 * right / total:.0f}%" if total else "-"
        print(f"{name:12} {right}/{total} {share}")


if __name__ == "__main__":
    main()
