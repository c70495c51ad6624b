"""Nearest vectors in memory (numpy): exact on small stores, reduced then rescored on large ones.

Over a million 384-dimension vectors one exact product takes about 130 ms on one core, so large
matrices keep a 64-dimension projection (the top right singular vectors of a sample) to pick
candidates, and rescore those with the full vectors, kept as float16 to halve the memory.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float32]
Ids = npt.NDArray[np.int64]
REDUCE_FROM = 50_000  # rows: below this, exact products are fast enough
REDUCED_DIM = 64
CANDIDATES = 2000  # rows rescored with the full vectors
_SAMPLE = 20_000
_SAMPLE_STEP = 16  # every 16th score estimates the threshold of the best ones
_PROJECT_ROWS = 16_384  # rows projected at a time (a float32 block of 384 dimensions: 24 MiB)


class VectorMatrix:
    """Entry ids and their L2-normalised vectors, searchable by inner product."""

    def __init__(self, ids: Ids, vectors: Floats) -> None:
        order = np.argsort(ids, kind="stable")
        self._keep(ids[order], vectors[order])

    @classmethod
    def from_sorted(cls, ids: Ids, rows: npt.NDArray[np.floating]) -> VectorMatrix:
        """A matrix over rows already in the order of their ids, kept as they are (no copy)."""
        matrix = cls.__new__(cls)
        matrix._keep(ids, rows)
        return matrix

    def _keep(self, ids: Ids, rows: npt.NDArray[np.floating]) -> None:
        self.ids: Ids = ids
        self.dim = int(rows.shape[1]) if rows.ndim == 2 else 0
        self._basis: Floats | None = None
        self._full: npt.NDArray[np.floating]
        if len(rows) >= REDUCE_FROM and self.dim > REDUCED_DIM:
            self._basis = _basis(rows)
            self._reduced: Floats = _project(rows, self._basis)
            self._full = rows if rows.dtype == np.float16 else rows.astype(np.float16)
        else:
            self._reduced = np.asarray(rows, dtype=np.float32)
            self._full = self._reduced

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


def _basis(rows: npt.NDArray[np.floating]) -> Floats:
    step = max(1, len(rows) // _SAMPLE)
    _, _, vt = np.linalg.svd(rows[::step].astype(np.float32), full_matrices=False)
    return np.ascontiguousarray(vt[:REDUCED_DIM].T, dtype=np.float32)


def _project(rows: npt.NDArray[np.floating], basis: Floats) -> Floats:
    """rows @ basis in float32, a block at a time (float16 rows are never copied whole)."""
    reduced = np.empty((len(rows), basis.shape[1]), dtype=np.float32)
    for start in range(0, len(rows), _PROJECT_ROWS):
        block = np.asarray(rows[start : start + _PROJECT_ROWS], dtype=np.float32)
        reduced[start : start + len(block)] = block @ basis
    return reduced


class MatrixBuilder:
    """Vectors read in chunks into one preallocated array: the peak stays near the final size.

    Rows are kept as float32 up to REDUCE_FROM of them (small matrices stay exact), then as
    float16 in an array of `capacity` rows (grown if more come).
    """

    def __init__(self, capacity: int) -> None:
        self.capacity = max(capacity, 1)
        self.count = 0
        self.dim = 0
        self._ids = np.empty(self.capacity, dtype=np.int64)
        self._small: list[Floats] = []
        self._rows: npt.NDArray[np.float16] | None = None
        self.usable = True  # False once two vector sizes were seen

    def add(self, ids: Sequence[int], blobs: Sequence[bytes]) -> None:
        """Append vectors (little-endian float32 bytes) and their entry ids."""
        if not ids or not self.usable:
            return
        size = len(blobs[0])
        if size % 4 or any(len(b) != size for b in blobs) or size // 4 != (self.dim or size // 4):
            self.usable = False  # vectors of several sizes under one model: unusable
            return
        self.dim = size // 4
        chunk = np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(ids), self.dim)
        end = self.count + len(ids)
        if end > self.capacity:
            self._grow(end)
        self._ids[self.count : end] = ids
        if self._rows is None and (end < REDUCE_FROM or self.dim <= REDUCED_DIM):
            self._small.append(chunk.copy())
        else:
            if self._rows is None:
                self._start_float16()
            assert self._rows is not None
            self._rows[self.count : end] = chunk
        self.count = end

    def _start_float16(self) -> None:
        self._rows = np.empty((self.capacity, self.dim), dtype=np.float16)
        at = 0
        for block in self._small:
            self._rows[at : at + len(block)] = block
            at += len(block)
        self._small = []

    def _grow(self, needed: int) -> None:
        self.capacity = max(needed, self.capacity * 2)
        self._ids = np.resize(self._ids, self.capacity)
        if self._rows is not None:
            self._rows.resize((self.capacity, self.dim), refcheck=False)

    def finish(self) -> VectorMatrix:
        """The matrix of every vector added (empty when none or of several sizes)."""
        if not self.usable or not self.count:
            return VectorMatrix(np.zeros(0, np.int64), np.zeros((0, 0), np.float32))
        ids = self._ids[: self.count].copy()
        if self._rows is None:
            return VectorMatrix(ids, np.concatenate(self._small))
        self._rows.resize((self.count, self.dim), refcheck=False)
        rows, self._rows = self._rows, None
        if np.any(ids[1:] <= ids[:-1]):  # not read in id order: one copy to sort
            order = np.argsort(ids, kind="stable")
            ids, rows = ids[order], rows[order]
        return VectorMatrix.from_sorted(ids, rows)
