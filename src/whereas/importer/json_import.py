"""A whereas JSON export (whereas.export/1) -> an empty store, so that exporting it again gives
the same bytes.

Raw bytes are not in the export: each imported document gets a placeholder blob (no data, size 0)
under its own sha256, so `documents.id -> blobs.sha256` holds and a later ingest of the real file
(same sha256) is recognised as the same document. `imports` records each import (see
docs/export-formats.md).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from whereas.errors import WhereasError
from whereas.export.json_export import SCHEMA_ID
from whereas.importer.tally_checks import restore_tally_checks
from whereas.store import Store, schema
from whereas.store.rows import footnote_reference_rows

IMPORT_WARNING = "imported from a whereas export: the source bytes are not held"
_Row = dict[str, Any]


class NotAnExport(WhereasError):
    """The file is not a whereas JSON export this version can read."""


class StoreNotEmpty(WhereasError):
    """An export is only imported into a store that holds no document yet."""


@dataclass(frozen=True)
class ImportResult:
    """What an import inserted."""

    procedures: int
    documents: int
    clauses: int
    votes: int
    people: int
    links: int


def import_file(store: Store, path: Path) -> ImportResult:
    """Import the export at `path` into `store` (one transaction: all or nothing)."""
    raw = path.read_bytes()
    try:
        value = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NotAnExport(f"{path}: not JSON ({exc})") from exc
    with store.session() as session:
        result = import_export(session, value)
        session.add(
            schema.Import(
                path=str(path),
                sha256=hashlib.sha256(raw).hexdigest(),
                export_schema=SCHEMA_ID,
                imported_at=datetime.now(UTC),
                documents=result.documents,
            )
        )
    store.fold_counts()  # the rows imported, as row count deltas (PostgreSQL)
    return result


def import_export(session: Session, value: Any) -> ImportResult:
    """Insert every record of the export `value` into the (empty) store of `session`."""
    if not isinstance(value, dict) or value.get("schema") != SCHEMA_ID:
        found = value.get("schema") if isinstance(value, dict) else type(value).__name__
        raise NotAnExport(f"expected a {SCHEMA_ID} export, found {found!r}")
    if session.scalar(select(func.count()).select_from(schema.Document)):
        raise StoreNotEmpty("the store already holds documents: import into an empty store")
    documents = value.get("documents", [])
    clause_labels = _clause_labels(documents)
    now = datetime.now(UTC)
    _insert(session, schema.Procedure, [_procedure_row(p) for p in value.get("procedures", [])])
    _insert(session, schema.Blob, [{"sha256": d["id"], "size": 0, "data": b""} for d in documents])
    _insert(session, schema.Document, [_document_row(d, now) for d in documents])
    _insert(session, schema.DocumentReference, list(_reference_rows(documents)))
    _insert(session, schema.Clause, list(_clause_rows(documents)))
    _insert(session, schema.Author, list(_author_rows(documents)))
    _insert(session, schema.Fact, list(_positioned(documents, "facts", _fact)))
    _insert(session, schema.Quote, list(_positioned(documents, "quotes", _quote)))
    votes = list(_vote_rows(documents, clause_labels))
    _insert(session, schema.Vote, votes)
    people = value.get("people", [])
    _insert(session, schema.Person, [_person_row(p) for p in people])
    _insert(session, schema.Membership, list(_membership_rows(people)))
    links = value.get("links", [])
    _insert(session, schema.Link, [_link_row(link) for link in links])
    restore_tally_checks(session, value.get("procedures", []))
    _index(session, [d["id"] for d in documents])
    return ImportResult(
        procedures=len(value.get("procedures", [])),
        documents=len(documents),
        clauses=sum(len(d.get("clauses", [])) for d in documents),
        votes=len(votes),
        people=len(people),
        links=len(links),
    )


def _insert(session: Session, table: type[schema.Base], rows: list[_Row]) -> None:
    if rows:
        session.execute(insert(table), rows)


def _index(session: Session, document_ids: list[str]) -> None:
    """Make the imported documents searchable, as ingest does."""
    from whereas.search.index import index_document

    for document_id in document_ids:
        index_document(session, document_id)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _position(clause_id: str | None) -> int | None:
    """The position part of a public clause id (`<16 hex>-<position>`)."""
    return int(clause_id.rsplit("-", 1)[1]) if clause_id else None


def _procedure_row(p: Mapping[str, Any]) -> _Row:
    return {"reference": p["reference"], "type": p.get("type"), "title": p.get("title")}


def _document_row(d: Mapping[str, Any], read_at: datetime) -> _Row:
    source = d.get("source") or {}
    url, path = source.get("url"), source.get("path")
    return {
        "id": d["id"],
        "kind": d["kind"],
        "format": d.get("format") or "import",
        "superseded_by": d.get("superseded_by"),
        "reference": d.get("reference"),
        "procedure": d.get("procedure"),
        "title": d.get("title"),
        "date": _day(d.get("date")),
        "language": d.get("language"),
        "publisher": d.get("publisher"),
        "version_key": f"url:{url}" if url else f"import:{path or d['id']}",
        "version": d.get("version", 1),
        "body": d.get("body", ""),
        "source_path": path,
        "source_url": url,
        "read_at": read_at,
        "confidence": 1.0,
        "groups": list(d.get("groups", [])),
        "header": {},
        "warnings": [IMPORT_WARNING],
    }


def _reference_rows(documents: list[Mapping[str, Any]]) -> Iterator[_Row]:
    for d in documents:
        named = [("self", d.get("reference")), ("procedure", d.get("procedure"))]
        named += [("reports_on", r) for r in d.get("reports_on", [])]
        for role, value in named:
            if value:
                kind = "procedure" if role != "self" else "document"
                yield {
                    "document_id": d["id"],
                    "kind": kind,
                    "value": value,
                    "role": role,
                    "span_start": None,
                    "span_end": None,
                    "clause_position": None,
                }
        # What the clauses' footnotes name, found again as ingest finds it.
        notes = ((c["position"], list(c.get("footnotes", []))) for c in d.get("clauses", []))
        yield from footnote_reference_rows(d["id"], notes)


def _clause_rows(documents: list[Mapping[str, Any]]) -> Iterator[_Row]:
    for d in documents:
        for c in d.get("clauses", []):
            yield {
                "document_id": d["id"],
                "position": c["position"],
                "kind": c["kind"],
                "label": c.get("label"),
                "parent_position": _position(c.get("parent")),
                "text": c["text"],
                "verbs": list(c.get("verbs", [])),
                "addressees": list(c.get("addressees", [])),
                "themes": list(c.get("themes", [])),
                "footnotes": list(c.get("footnotes", [])),
                "span_start": None,
                "span_end": None,
                "path": None,
            }


def _author_rows(documents: list[Mapping[str, Any]]) -> Iterator[_Row]:
    for d in documents:
        for i, a in enumerate(d.get("authors", [])):
            yield {
                "document_id": d["id"],
                "position": i,
                "name": a["name"],
                "group": a.get("group"),
                "person_id": a.get("person"),
                "span_start": None,
                "span_end": None,
                "path": None,
            }


def _fact(f: Mapping[str, Any]) -> _Row:
    return {
        "value": f["value"],
        "what": f.get("what"),
        "approx": f.get("approx"),
        "text": f["text"],
    }


def _quote(q: Mapping[str, Any]) -> _Row:
    return {"person": q["person"], "role": q.get("role"), "text": q["text"]}


def _positioned(documents: list[Mapping[str, Any]], key: str, row: Any) -> Iterator[_Row]:
    for d in documents:
        for i, item in enumerate(d.get(key, [])):
            yield {"document_id": d["id"], "position": i, **row(item), "span_start": None,
                   "span_end": None}  # fmt: skip


def _clause_labels(documents: list[Mapping[str, Any]]) -> dict[str, tuple[str | None, str]]:
    """Public clause id -> (reference of its text, label): how a vote names its clause."""
    return {
        c["id"]: (d.get("reference"), c["label"].rstrip("."))
        for d in documents
        for c in d.get("clauses", [])
        if c.get("label")
    }


def _vote_rows(
    documents: list[Mapping[str, Any]], clause_labels: Mapping[str, tuple[str | None, str]]
) -> Iterator[_Row]:
    for d in documents:
        for i, v in enumerate(d.get("votes", [])):
            reference, label = clause_labels.get(v.get("clause") or "", (None, None))
            yield {
                "document_id": d["id"],
                "position": i,
                "official": v["official"],
                "roll_call": v["roll_call"],
                "reference": reference,
                "procedure": v.get("procedure"),
                "date": _day(v.get("date")),
                "time": None,
                "subject": v.get("subject"),
                "clause_label": label,
                "for_": v.get("for"),
                "against": v.get("against"),
                "abstentions": v.get("abstentions"),
                "result": v.get("result"),
                "source_vote_id": None,
                "text": None,
                "span_start": None,
                "span_end": None,
                "path": None,
            }


def _person_row(p: Mapping[str, Any]) -> _Row:
    return {"id": p["id"], "name": p["name"], "country": p.get("country"), "document_id": None}


def _membership_rows(people: list[Mapping[str, Any]]) -> Iterator[_Row]:
    for p in people:
        for m in p.get("groups", []):
            yield {
                "person_id": p["id"],
                "group": m["group"],
                "start": _day(m.get("from")),
                "end": _day(m.get("to")),
                "document_id": None,
            }


def _link_row(link: Mapping[str, Any]) -> _Row:
    return {
        "type": link["type"],
        "label": link.get("label"),
        "from_document": link["from"]["document"],
        "from_clause": _position(link["from"].get("clause")),
        "to_document": link["to"]["document"],
        "to_clause": _position(link["to"].get("clause")),
        "score": link.get("score"),
        "method": _link_method(link.get("method")),
    }


def _link_method(method: str | None) -> str:
    """How the link was made, kept so that the linker that made it replaces it when it runs
    again (an export without methods gives "import"). A claim check's method names the vote
    rows it compared, numbered anew here (the export says "tally"): it is "import" until
    tally_checks rebuilds it."""
    if not method or method == "tally" or method.startswith("tally:"):
        return "import"
    return method
