"""Align the clauses of an earlier text with those of a later one (order-aware, label-blind).

Labels are ignored (texts are renumbered when paragraphs are added or dropped); clauses are only
compared within one family (citations, recitals, operative paragraphs and their points). A
monotone alignment of the best 1:1 matches comes first, then moved clauses, then merges (several
earlier clauses in one later clause) and splits (one earlier clause in several later ones).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from whereas.link.thread.similarity import containment, same_text, similarity

Change = Literal["identical", "reworded", "merged", "split", "new"]

# Set on the lineage evaluation set (eval/lineage.py): a 1:1 match needs 60% of the text in
# common (at 0.5 half of a halved paragraph was taken for another one); a moved clause must
# be nearly the same; a merged or split part must lie mostly inside.
MATCH = 0.6
MOVED = 0.8
INSIDE = 0.7
_FAMILY = {
    "citation": "citation",
    "recital": "recital",
    "paragraph": "operative",
    "point": "operative",
}


@dataclass(frozen=True)
class Piece:
    """A clause as the alignment sees it."""

    position: int
    kind: str
    label: str | None
    text: str


@dataclass(frozen=True)
class Derivation:
    """Where one clause of the later text comes from (no earlier positions: new)."""

    later: int
    earlier: tuple[int, ...]
    change: Change
    score: float | None


def _monotone(scores: list[list[float]]) -> list[tuple[int, int]]:
    """The order-preserving 1:1 matching with the highest total score above MATCH."""
    n, m = len(scores), len(scores[0]) if scores else 0
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            s = scores[i - 1][j - 1]
            take = best[i - 1][j - 1] + s if s >= MATCH else -1.0
            best[i][j] = max(best[i - 1][j], best[i][j - 1], take)
    pairs, i, j = [], n, m
    while i > 0 and j > 0:
        s = scores[i - 1][j - 1]
        if s >= MATCH and best[i][j] == best[i - 1][j - 1] + s:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def _moved(scores: list[list[float]], pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Near-identical clauses that changed place, greedily by score."""
    used_a, used_b = {a for a, _ in pairs}, {b for _, b in pairs}
    found = []
    ranked = sorted(
        (
            (s, a, b)
            for a, row in enumerate(scores)
            for b, s in enumerate(row)
            if s >= MOVED and a not in used_a and b not in used_b
        ),
        reverse=True,
    )
    for _, a, b in ranked:
        if a not in used_a and b not in used_b:
            used_a.add(a)
            used_b.add(b)
            found.append((a, b))
    return found


def _family_links(earlier: list[Piece], later: list[Piece]) -> dict[int, list[tuple[int, float]]]:
    """For each later index, the earlier indices it derives from with their scores."""
    scores = [[similarity(e.text, x.text) for x in later] for e in earlier]
    pairs = _monotone(scores)
    pairs += _moved(scores, pairs)
    sources: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for a, b in pairs:
        sources[b].append((a, scores[a][b]))
    matched_a = {a for a, _ in pairs}
    for a, piece in enumerate(earlier):  # merges: an unmatched earlier clause inside a later one
        if a in matched_a or not later:
            continue
        inside = [containment(piece.text, x.text) for x in later]
        b = max(range(len(later)), key=inside.__getitem__)
        if inside[b] >= INSIDE:
            sources[b].append((a, inside[b]))
    for b, piece in enumerate(later):  # splits: an unmatched later clause inside an earlier one
        if b in sources or not earlier:
            continue
        inside = [containment(piece.text, e.text) for e in earlier]
        a = max(range(len(earlier)), key=inside.__getitem__)
        if inside[a] >= INSIDE:
            sources[b].append((a, inside[a]))
    return sources


def _change(earlier: list[Piece], later: Piece, origins: list[int], shared: bool) -> Change:
    if len(origins) > 1:
        return "merged"
    if shared:
        return "split"
    return "identical" if same_text(earlier[origins[0]].text, later.text) else "reworded"


def align(earlier: list[Piece], later: list[Piece]) -> list[Derivation]:
    """For every clause of `later`, in order, the clauses of `earlier` it derives from."""
    out: dict[int, Derivation] = {}
    for family in dict.fromkeys(_FAMILY.values()):
        e = [p for p in earlier if _FAMILY.get(p.kind, p.kind) == family]
        x = [p for p in later if _FAMILY.get(p.kind, p.kind) == family]
        sources = _family_links(e, x)
        uses: dict[int, int] = defaultdict(int)
        for found in sources.values():
            for a, _ in found:
                uses[a] += 1
        for b, piece in enumerate(x):
            found = sorted(sources.get(b, []))
            if not found:
                out[piece.position] = Derivation(piece.position, (), "new", None)
                continue
            origins = [a for a, _ in found]
            shared = len(origins) == 1 and uses[origins[0]] > 1
            score = round(min(s for _, s in found), 4)
            out[piece.position] = Derivation(
                piece.position,
                tuple(e[a].position for a in origins),
                _change(e, piece, origins, shared),
                score,
            )
    others = [p for p in later if p.position not in out]
    for piece in others:
        out[piece.position] = Derivation(piece.position, (), "new", None)
    return [out[p.position] for p in later]


def survivors(earlier: list[Piece], derivations: list[Derivation]) -> dict[int, bool]:
    """For every earlier clause, whether some later clause derives from it."""
    used = {pos for d in derivations for pos in d.earlier}
    return {p.position: p.position in used for p in earlier}
