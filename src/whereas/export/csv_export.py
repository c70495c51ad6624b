"""The store as CSV tables (one per kind of record) with CSVW metadata, in one zip file."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.export.csv_tables import TABLES, Table
from whereas.export.csvw import metadata
from whereas.export.json_export import build_export
from whereas.export.terms import provenance, terms_text
from whereas.store import schema
from whereas.vocabularies.groups import all_groups

Row = Mapping[str, Any]
# A fixed timestamp for every zip entry: two exports of one store are the same bytes.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
METADATA = "csv-metadata.json"


def vote_id(document_id: str, position: int) -> str:
    """The public id of a vote: its document's id prefix and its order in the document."""
    return f"{document_id[:16]}-v{position}"


def _cell(value: Any, separator: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return (separator or " ").join(str(v) for v in value)
    return str(value)


def table_csv(table: Table, rows: Iterator[Row]) -> str:
    """One table as CSV text (header row, RFC 4180 quoting, \\r\\n line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    for row in rows:
        writer.writerow([_cell(row.get(c.name), c.separator) for c in table.columns])
    return buffer.getvalue()


def _vote_row(vote: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in vote.items() if k != "sources"}


def _rows(session: Session, value: Mapping[str, Any], name: str) -> Iterator[Row]:
    """The rows of table `name`, from the export value and, for member votes, the store."""
    docs = value["documents"]
    if name == "procedures":
        yield from value["procedures"]
    elif name == "documents":
        for d in docs:
            src = d["source"]
            yield {**d, "source_path": src["path"], "source_url": src["url"]}
    elif name == "authors":
        for d in docs:
            for i, a in enumerate(d["authors"]):
                yield {**a, "document": d["id"], "position": i}
    elif name == "clauses":
        yield from ({**c, "document": d["id"]} for d in docs for c in d["clauses"])
    elif name == "votes":
        for d in docs:
            for i, v in enumerate(d["votes"]):
                yield {
                    **_vote_row(v),
                    "id": vote_id(d["id"], i),
                    "document": d["id"],
                    "position": i,
                }
    elif name == "procedure_votes":
        for p in value["procedures"]:
            for i, v in enumerate(p["votes"]):
                yield {**v, "procedure": p["reference"], "position": i}
    elif name == "member_votes":
        yield from _member_votes(session)
    else:
        yield from _other_rows(value, name)


def _other_rows(value: Mapping[str, Any], name: str) -> Iterator[Row]:
    if name == "meps":
        yield from value["people"]
    elif name == "memberships":
        for p in value["people"]:
            yield from ({**m, "person": p["id"]} for m in p["groups"])
    elif name == "groups":
        for g in sorted(all_groups(), key=lambda g: g.code):
            yield {"code": g.code, "label": g.label, "from": g.start, "to": g.end}
    elif name == "links":
        for link in value["links"]:
            yield {
                **link,
                "from_document": link["from"]["document"],
                "from_clause": link["from"]["clause"],
                "to_document": link["to"]["document"],
                "to_clause": link["to"]["clause"],
            }
    elif name == "conflicts":
        for p in value["procedures"]:
            for c in p["conflicts"]:
                values = json.dumps(c["values"], ensure_ascii=False)
                yield {**c, "values": values, "procedure": p["reference"]}


def _member_votes(session: Session) -> Iterator[Row]:
    """Per-MEP positions (not in the JSON export), keyed by the public vote id."""
    order: dict[int, str] = {}
    counters: dict[str, int] = {}
    votes = select(schema.Vote.id, schema.Vote.document_id).order_by(
        schema.Vote.document_id, schema.Vote.position
    )
    for db_id, document_id in session.execute(votes):
        index = counters.get(document_id, 0)
        counters[document_id] = index + 1
        order[db_id] = vote_id(document_id, index)
    members = select(schema.MemberVote).order_by(schema.MemberVote.vote_id, schema.MemberVote.id)
    rows = [
        {
            "vote": order[m.vote_id],
            "person": m.person_id,
            "name": m.name,
            "group": m.group,
            "position": m.position,
            "corrected": m.corrected,
        }
        for m in session.scalars(members)
    ]
    yield from sorted(rows, key=lambda r: (r["vote"], r["person"]))


def write_csv_zip(session: Session, out: IO[bytes]) -> None:
    """Write every table, csv-metadata.json and TERMS.txt into the zip `out`."""
    value = build_export(session)
    block = provenance(value["documents"])
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in TABLES:
            _add(archive, table.url, table_csv(table, _rows(session, value, table.name)))
        _add(archive, METADATA, json.dumps(metadata(TABLES, block), ensure_ascii=False, indent=2))
        _add(archive, "TERMS.txt", terms_text(block))


def _add(archive: zipfile.ZipFile, name: str, text: str) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, text.encode("utf-8"))


def export_csv(session: Session, path: Path) -> None:
    """Write the CSV export to the zip file at `path`."""
    with path.open("wb") as fh:
        write_csv_zip(session, fh)
