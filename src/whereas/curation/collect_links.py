"""Review items of links: reports_on, lineage (derives_from), repeats and claim checks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.curation.items import LINK_TYPES, DocumentInfo, ReviewItem, document_key, link_key
from whereas.store import schema

# A tally compared with the record is sure of itself; a wrong comparison is still worth a look.
CLAIM_CONFIDENCE = 0.9
EXPLICIT_REPORT = 0.95  # the source names the procedure
INFERRED_REPORT = 0.6  # found from title words and the vote day


def _where(pos: int | None) -> str:
    return "" if pos is None else f" #{pos}"


def link_items(session: Session, docs: dict[str, DocumentInfo]) -> Iterator[ReviewItem]:
    """One item per link key (links sharing endpoints and type are one item, labels merged)."""
    grouped: dict[str, list[schema.Link]] = defaultdict(list)
    query = select(schema.Link).where(schema.Link.type.in_(LINK_TYPES))
    for link in session.scalars(query.order_by(schema.Link.id)):
        if link.from_document in docs:
            key = link_key(
                link.type, link.from_document, link.from_clause, link.to_document, link.to_clause
            )
            grouped[key].append(link)
    for key, links in grouped.items():
        first = links[0]
        labels = sorted({link.label or "" for link in links})
        source, target = docs[first.from_document], docs.get(first.to_document)
        yield ReviewItem(
            key=key,
            kind=f"link:{first.type}",
            document_id=first.from_document,
            confidence=min(_link_confidence(link) for link in links),
            machine=labels[0] if len(labels) == 1 else labels,
            subject=(
                f"{source.name}{_where(first.from_clause)} {first.type} "
                f"{target.name if target else first.to_document[:16]}{_where(first.to_clause)}"
            ),
            procedure=source.procedure,
        )


def _link_confidence(link: schema.Link) -> float:
    if (link.method or "").startswith("tally:"):
        return CLAIM_CONFIDENCE
    return max(0.0, min(1.0, link.score if link.score is not None else 1.0))


def reports_on_items(session: Session, docs: dict[str, DocumentInfo]) -> Iterator[ReviewItem]:
    """One item per document that reports on procedures: the list of those procedures."""
    refs: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    r = schema.DocumentReference
    for document_id, role, value in session.execute(select(r.document_id, r.role, r.value)):
        if document_id in docs:
            refs[document_id][role].add(value)
    for document_id, roles in sorted(refs.items()):
        reported = sorted(roles.get("reports_on", set()))
        if not reported:
            continue
        named = roles.get("procedure", set()) | roles.get("mentions", set())
        explicit = all(p in named for p in reported)
        yield ReviewItem(
            key=document_key(document_id, "reports_on"),
            kind="link:reports_on",
            document_id=document_id,
            confidence=EXPLICIT_REPORT if explicit else INFERRED_REPORT,
            machine=reported,
            subject=f"{docs[document_id].name} reports on",
            context=docs[document_id].title,
            procedure=reported[0],
        )
