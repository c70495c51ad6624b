"""Nearest vectors in memory (numpy): exact on small stores, reduced then rescored on large ones.

Over a million 384-dimension vectors one exact product takes about 130 ms on one core, so large
matrices keep a 64-dimension projection (the top right singular vectors of a sample) to pick
candidates, and rescore those with the full vectors, kept as float16 to halve the memory.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float32]
Ids = npt.NDArray[np.int64]
REDUCE_FROM = 50_000  # rows: below this, exact products are fast enough
REDUCED_DIM = 64
CANDIDATES = 2000  # rows rescored with the full vectors
_SAMPLE = 20_000
_SAMPLE_STEP = 16  # every 16th score estimates the threshold of the best ones


class VectorMatrix:
    """Entry ids and their L2-normalised vectors, searchable by inner product."""

    def __init__(self, ids: Ids, vectors: Floats) -> None:
        order = np.argsort(ids, kind="stable")
        self.ids: Ids = ids[order]
        rows = vectors[order]
        self.dim = int(rows.shape[1]) if rows.ndim == 2 else 0
        self._basis: Floats | None = None
        if len(rows) >= REDUCE_FROM and self.dim > REDUCED_DIM:
            self._basis = _basis(rows)
            self._reduced: Floats = np.ascontiguousarray(rows @ self._basis, dtype=np.float32)
            self._full: npt.NDArray[np.floating] = rows.astype(np.float16)
        else:
            self._reduced = rows
            self._full = rows

    def __len__(self) -> int:
        return len(self.ids)

    def nbytes(self) -> int:
        """Memory held by the matrix."""
        extra = self._full.nbytes if self._basis is not None else 0
        return int(self.ids.nbytes + self._reduced.nbytes + extra)

    def vector(self, entry_id: int) -> Floats | None:
        """The stored vector of one entry."""
        at = int(np.searchsorted(self.ids, entry_id))
        if at >= len(self.ids) or self.ids[at] != entry_id:
            return None
        return np.asarray(self._full[at], dtype=np.float32)

    def nearest(
        self, query: Floats, limit: int, allowed: npt.NDArray[np.bool_] | None = None
    ) -> list[tuple[int, float]]:
        """The `limit` best (entry id, inner product) pairs, best first."""
        if not len(self.ids) or limit <= 0 or query.shape[-1] != self.dim:
            return []
        basis = self._basis
        probe = query @ basis if basis is not None else query
        scores: Floats = np.asarray(self._reduced @ probe, dtype=np.float32)
        if allowed is not None:
            scores = np.where(allowed, scores, np.float32(-np.inf)).astype(np.float32)
        pool = _top(scores, max(limit, CANDIDATES) if basis is not None else limit)
        pool = pool[np.isfinite(scores[pool])]
        if basis is not None:  # rescore the candidates exactly, among themselves
            exact = np.asarray(self._full[pool], dtype=np.float32) @ query
            order = np.argsort(-exact, kind="stable")[:limit]
            return [(int(self.ids[pool[i]]), float(exact[i])) for i in order]
        best = pool[np.argsort(-scores[pool], kind="stable")]
        return [(int(self.ids[i]), float(scores[i])) for i in best]

    def mask(self, entry_ids: Ids) -> npt.NDArray[np.bool_]:
        """True for the rows of these entries."""
        return np.isin(self.ids, entry_ids)


def _top(scores: Floats, count: int) -> npt.NDArray[np.intp]:
    """Rows of the `count` best scores, in no order (exact, whatever the sample says)."""
    if count >= len(scores):
        return np.arange(len(scores))
    step = _SAMPLE_STEP
    if len(scores) >= 4 * step * count:
        # A full argpartition over a million scores took 25 ms: a threshold from every 16th
        # score keeps about twice `count` rows, partitioned among themselves. When fewer than
        # `count` pass, the full partition below still answers.
        sample = scores[::step]
        kth = max(1, count // step // 2)
        threshold = np.partition(sample, len(sample) - kth)[len(sample) - kth]
        kept = np.flatnonzero(scores >= threshold)
        if len(kept) >= count:
            return kept[np.argpartition(scores[kept], len(kept) - count)[len(kept) - count :]]
    return np.argpartition(scores, -count)[-count:]


def _basis(rows: Floats) -> Floats:
    step = max(1, len(rows) // _SAMPLE)
    _, _, vt = np.linalg.svd(rows[::step].astype(np.float32), full_matrices=False)
    return np.ascontiguousarray(vt[:REDUCED_DIM].T, dtype=np.float32)
