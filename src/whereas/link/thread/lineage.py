"""Lineage within a procedure, stored as derives_from links (replaced on every run).

Each group motion is aligned with the joint motion and the text adopted, the joint motion with
the text adopted. A link goes from a clause of the later text to a clause of the earlier one it
derives from, labelled identical, reworded, merged or split, scored by the similarity; a clause
that derives from nothing gets one link to the earlier document with no clause, labelled new.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from whereas.link.batched import BatchedInsert, delete_batched
from whereas.link.thread.alignment import Derivation, align
from whereas.link.thread.texts import StoredText, iter_resolution_texts
from whereas.store import schema

METHOD = "lineage:v1"
DERIVES_FROM = "derives_from"


@dataclass(frozen=True)
class AlignedPair:
    """The derivations of one later text from one earlier text."""

    earlier: StoredText
    later: StoredText
    derivations: list[Derivation]


def text_pairs(texts: list[StoredText]) -> list[tuple[StoredText, StoredText]]:
    """(earlier, later): every motion with the joint motion and text adopted, RC with TA."""
    pairs = []
    for earlier in texts:
        for later in texts:
            if later.stage > earlier.stage:
                pairs.append((earlier, later))
    return pairs


def align_procedure(texts: list[StoredText]) -> list[AlignedPair]:
    """Align every pair of stages of one procedure."""
    return [AlignedPair(e, x, align(e.pieces, x.pieces)) for e, x in text_pairs(texts)]


def _rows(pair: AlignedPair) -> list[dict[str, object]]:
    later, earlier = pair.later.document.id, pair.earlier.document.id
    rows: list[dict[str, object]] = []
    for d in pair.derivations:
        targets: tuple[int | None, ...] = d.earlier or (None,)
        for target in targets:
            rows.append(
                {
                    "type": DERIVES_FROM,
                    "label": d.change,
                    "from_document": later,
                    "from_clause": d.later,
                    "to_document": earlier,
                    "to_clause": target,
                    "score": d.score,
                    "method": METHOD,
                }
            )
    return rows


def link_lineage(session: Session) -> int:
    """Recompute the lineage of every procedure; returns the number of links written.

    Procedure by procedure (a batch of texts in memory at a time), links written as rows in
    batches: a procedure's lineage depends on its own texts only.
    """
    delete_batched(session, schema.Link, schema.Link.method == METHOD)
    rows = BatchedInsert(session, schema.Link)
    for _, texts in iter_resolution_texts(session):
        for pair in align_procedure(texts):
            for row in _rows(pair):
                rows.add(row)
    written = rows.close()
    session.flush()
    return written
