"""Vectors of texts, read from the store when known, else embedded once (in batches) and kept."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.embed.base import Embedder, Vectors, text_hash
from whereas.store import schema

_LOOKUP_CHUNK = 500


def _stored(session: Session, hashes: list[str], model: str) -> dict[str, Vectors]:
    found: dict[str, Vectors] = {}
    for start in range(0, len(hashes), _LOOKUP_CHUNK):
        chunk = hashes[start : start + _LOOKUP_CHUNK]
        rows = session.execute(
            select(schema.ClauseVector.text_hash, schema.ClauseVector.vector).where(
                schema.ClauseVector.model == model, schema.ClauseVector.text_hash.in_(chunk)
            )
        )
        for key, blob in rows:
            found[key] = np.frombuffer(blob, dtype=np.float32)
    return found


def vectors_for(session: Session, texts: Iterable[str], embedder: Embedder) -> dict[str, Vectors]:
    """The vector of every distinct text, keyed by `text_hash`; new ones are stored."""
    by_hash = {text_hash(t): t for t in texts}
    known = _stored(session, sorted(by_hash), embedder.model)
    missing = sorted(h for h in by_hash if h not in known)
    if missing:
        matrix = embedder.embed([by_hash[h] for h in missing])
        for key, row in zip(missing, matrix, strict=True):
            vector = np.ascontiguousarray(row, dtype=np.float32)
            known[key] = vector
            session.add(
                schema.ClauseVector(
                    text_hash=key,
                    model=embedder.model,
                    dim=int(vector.shape[0]),
                    vector=vector.tobytes(),
                )
            )
        session.flush()
    return known
