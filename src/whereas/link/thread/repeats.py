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
from sqlalchemy import delete, insert
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
# A demand is compared with the newest earlier demands of its country only: the store's whole
# history of a country would make linking quadratic in the store (a benchmark of 10,000
# resolutions on one country did not finish). 200 is years of resolutions on any one country.
MAX_CANDIDATES = 200
MAX_SCANNED = 5000
INSERT_BATCH = 5000


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
    """For each demand index, the indices of earlier demands sharing a bucket: the newest
    MAX_CANDIDATES of them (a country's bucket grows with the store; all pairs would not)."""
    buckets: dict[str, list[int]] = defaultdict(list)
    for index, d in enumerate(demands):
        if d.day is not None:
            for country in d.countries:
                buckets[country].append(index)
    out: dict[int, set[int]] = defaultdict(set)
    for members in buckets.values():
        ordered = sorted(members, key=lambda i: (demands[i].day, i))
        first_of_day = _first_of_day(demands, ordered)
        for position, i in enumerate(ordered):
            out[i].update(_earlier_sharing(demands, ordered, first_of_day[position], i))
    return {i: sorted(js) for i, js in out.items() if js}


def _first_of_day(demands: list[Demand], ordered: list[int]) -> list[int]:
    """For each position of `ordered` (sorted by day), the position of the first of its day."""
    firsts: list[int] = []
    for position, i in enumerate(ordered):
        same = position > 0 and demands[ordered[position - 1]].day == demands[i].day
        firsts.append(firsts[-1] if same else position)
    return firsts


def _earlier_sharing(demands: list[Demand], ordered: list[int], end: int, i: int) -> list[int]:
    """Newest first, the demands before position `end` of another procedure that share an
    addressee or a theme with demand `i`: at most MAX_CANDIDATES, after at most MAX_SCANNED."""
    a = demands[i]
    found: list[int] = []
    for position in range(end - 1, max(-1, end - 1 - MAX_SCANNED), -1):
        b = demands[ordered[position]]
        if b.procedure == a.procedure:
            continue
        if set(a.addressees) & set(b.addressees) or set(a.themes) & set(b.themes):
            found.append(ordered[position])
            if len(found) >= MAX_CANDIDATES:
                break
    return found


class PairScorer:
    """Scores pairs of texts with the model (when there is one) and the lexical cosine."""

    def __init__(self, session: Session | None, texts: Iterable[str], embedder: Embedder) -> None:
        distinct = list(dict.fromkeys(texts))
        self.model = embedder.model
        self._row = {text: row for row, text in enumerate(distinct)}
        self._lexical = LexicalEmbedder().embed(distinct) if distinct else np.zeros((0, 1))
        self._model: Vectors | None = None
        if not isinstance(embedder, LexicalEmbedder) and distinct:
            if session is not None:
                by_hash = vectors_for(session, distinct, embedder)
                self._model = np.stack([by_hash[text_hash(t)] for t in distinct])
            else:
                self._model = embedder.embed(distinct)

    def score(self, a: str, b: str) -> float:
        """The combined score of two texts given to the constructor."""
        return self.scores(a, [b])[0]

    def scores(self, a: str, others: list[str]) -> list[float]:
        """The combined scores of `a` with each of `others` (one matrix product, not a loop)."""
        # Rows are looked up by text, not by hash: hashing every pair was most of link_store.
        rows = [self._row[t] for t in others]
        mine = self._row[a]
        lexical = self._lexical[rows] @ self._lexical[mine]
        if self._model is None:
            return [combined_score(None, float(x)) for x in lexical]
        model = self._model[rows] @ self._model[mine]
        return [combined_score(float(m), float(x)) for m, x in zip(model, lexical, strict=True)]


def matches(
    demands: list[Demand], scorer: PairScorer, found: dict[int, list[int]] | None = None
) -> list[tuple[int, int, float]]:
    """(later, earlier, score) for every candidate pair that passes the threshold."""
    threshold = threshold_for(scorer.model)
    out = []
    for i, js in sorted((candidates(demands) if found is None else found).items()):
        a = demands[i]
        kept = [j for j in js if same_addressee(a, demands[j])]
        if not kept:
            continue
        scores = scorer.scores(a.text, [demands[j].text for j in kept])
        for score, j in sorted(zip(scores, kept, strict=True), reverse=True)[:TOP_K]:
            if score >= threshold:
                out.append((i, j, round(score, 4)))
    return out


def link_repeats(session: Session, embedder: Embedder | None = None) -> int:
    """Recompute the repeats links of the whole store; returns how many were written."""
    session.execute(delete(schema.Link).where(schema.Link.method.like(f"{METHOD_PREFIX}%")))
    demands = final_demands(session)
    found = candidates(demands)
    if not found:
        session.flush()
        return 0
    scorer = PairScorer(session, [d.text for d in demands], embedder or default_embedder())
    method = f"{METHOD_PREFIX}:{scorer.model}"
    rows = []
    for i, j, score in matches(demands, scorer, found):
        later, earlier = demands[i], demands[j]
        rows.append(
            {
                "type": "repeats",
                "label": change_label(earlier, later),
                "from_document": later.document_id,
                "from_clause": later.position,
                "to_document": earlier.document_id,
                "to_clause": earlier.position,
                "score": score,
                "method": method,
            }
        )
    # Rows, not ORM objects: a store of thousands of resolutions has hundreds of thousands.
    for start in range(0, len(rows), INSERT_BATCH):
        session.execute(insert(schema.Link), rows[start : start + INSERT_BATCH])
    session.flush()
    return len(rows)
