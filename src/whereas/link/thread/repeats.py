"""Demands made again: each operative paragraph linked to earlier ones making the same demand.

Candidates come from buckets, never all pairs: the same country, an earlier date, another
procedure, and a shared addressee or theme; the best few by score are kept when they pass the
calibrated threshold. Links go from the later clause to the earlier one (type repeats, label
repeated or strengthened) and are replaced on every run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import numpy as np
from sqlalchemy import delete
from sqlalchemy.orm import Session

from whereas.embed import Embedder, LexicalEmbedder, default_embedder, text_hash, vectors_for
from whereas.embed.base import Vectors
from whereas.link.thread.countries import countries_addressed, countries_in_title
from whereas.link.thread.demands import (
    Demand,
    change_label,
    combined_score,
    is_demand,
    same_addressee,
    threshold_for,
)
from whereas.link.thread.texts import StoredText, resolution_texts
from whereas.store import schema

METHOD_PREFIX = "repeats:v1"
TOP_K = 5


def demands_of(text: StoredText) -> list[Demand]:
    """The demands of one stored text, with the countries it is about."""
    doc = text.document
    chosen = [c for c in text.clauses if is_demand(c.kind, c.verbs)]
    countries = countries_in_title(doc.title, doc.language)
    if not countries:
        countries = countries_addressed(a for c in chosen for a in c.addressees)
    return [
        Demand(
            doc.id,
            c.position,
            c.label,
            c.text,
            tuple(c.verbs),
            tuple(c.addressees),
            tuple(c.themes),
            doc.date,
            doc.procedure,
            frozenset(countries),
        )
        for c in chosen
    ]


def final_demands(session: Session) -> list[Demand]:
    """The demands of the most advanced text of every procedure (text adopted, else RC, ...)."""
    out = []
    for texts in resolution_texts(session).values():
        out.extend(demands_of(max(texts, key=lambda t: t.stage)))
    return out


def candidates(demands: list[Demand]) -> dict[int, list[int]]:
    """For each demand index, the indices of earlier demands sharing a bucket."""
    buckets: dict[str, list[int]] = defaultdict(list)
    for index, d in enumerate(demands):
        for country in d.countries:
            buckets[country].append(index)
    out: dict[int, set[int]] = defaultdict(set)
    for members in buckets.values():
        for i in members:
            a = demands[i]
            for j in members:
                b = demands[j]
                if a.day is None or b.day is None or b.day >= a.day or b.procedure == a.procedure:
                    continue
                if set(a.addressees) & set(b.addressees) or set(a.themes) & set(b.themes):
                    out[i].add(j)
    return {i: sorted(js) for i, js in out.items()}


class PairScorer:
    """Scores pairs of texts with the model (when there is one) and the lexical cosine."""

    def __init__(self, session: Session | None, texts: Iterable[str], embedder: Embedder) -> None:
        distinct = list(dict.fromkeys(texts))
        lexical = LexicalEmbedder()
        self.model = embedder.model
        self._lexical = dict(zip(map(text_hash, distinct), lexical.embed(distinct), strict=True))
        self._model: dict[str, Vectors] | None = None
        if not isinstance(embedder, LexicalEmbedder):
            if session is not None:
                self._model = vectors_for(session, distinct, embedder)
            else:
                self._model = dict(
                    zip(map(text_hash, distinct), embedder.embed(distinct), strict=True)
                )

    def score(self, a: str, b: str) -> float:
        """The combined score of two texts given to the constructor."""
        ha, hb = text_hash(a), text_hash(b)
        lexical = float(np.dot(self._lexical[ha], self._lexical[hb]))
        model = None if self._model is None else float(np.dot(self._model[ha], self._model[hb]))
        return combined_score(model, lexical)


def matches(demands: list[Demand], scorer: PairScorer) -> list[tuple[int, int, float]]:
    """(later, earlier, score) for every candidate pair that passes the threshold."""
    threshold = threshold_for(scorer.model)
    found = []
    for i, js in sorted(candidates(demands).items()):
        a = demands[i]
        scored = [
            (scorer.score(a.text, demands[j].text), j) for j in js if same_addressee(a, demands[j])
        ]
        for score, j in sorted(scored, reverse=True)[:TOP_K]:
            if score >= threshold:
                found.append((i, j, round(score, 4)))
    return found


def link_repeats(session: Session, embedder: Embedder | None = None) -> int:
    """Recompute the repeats links of the whole store; returns how many were written."""
    session.execute(delete(schema.Link).where(schema.Link.method.like(f"{METHOD_PREFIX}%")))
    demands = final_demands(session)
    if not candidates(demands):
        session.flush()
        return 0
    scorer = PairScorer(session, [d.text for d in demands], embedder or default_embedder())
    method = f"{METHOD_PREFIX}:{scorer.model}"
    rows = []
    for i, j, score in matches(demands, scorer):
        later, earlier = demands[i], demands[j]
        rows.append(
            schema.Link(
                type="repeats",
                label=change_label(earlier, later),
                from_document=later.document_id,
                from_clause=later.position,
                to_document=earlier.document_id,
                to_clause=earlier.position,
                score=score,
                method=method,
            )
        )
    session.add_all(rows)
    session.flush()
    return len(rows)
