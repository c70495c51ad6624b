"""Nearest vectors: the in-memory search answers exactly what a full sort would."""

from __future__ import annotations

import numpy as np
import pytest

from whereas.search import vectors
from whereas.search.vectors import VectorMatrix


def test_nearest_is_the_exact_top_of_every_row() -> None:
    rng = np.random.default_rng(3)
    rows = rng.normal(size=(5000, 32)).astype(np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    ids = np.arange(10, 5010, dtype=np.int64)
    matrix = VectorMatrix(ids, rows)
    for seed in range(5):
        query = rows[seed * 7] + rng.normal(0, 0.1, 32).astype(np.float32)
        expected = [int(ids[i]) for i in np.argsort(-(rows @ query), kind="stable")[:25]]
        assert [i for i, _ in matrix.nearest(query, 25)] == expected


def test_nearest_keeps_to_the_allowed_rows() -> None:
    rng = np.random.default_rng(4)
    rows = rng.normal(size=(3000, 16)).astype(np.float32)
    ids = np.arange(3000, dtype=np.int64)
    matrix = VectorMatrix(ids, rows)
    allowed = matrix.mask(np.arange(0, 3000, 97, dtype=np.int64))
    found = matrix.nearest(rows[0], 50, allowed)
    assert len(found) == len(range(0, 3000, 97))
    assert all(i % 97 == 0 for i, _ in found)


def _blobs(rows: np.ndarray) -> list[bytes]:
    return [row.astype("<f4").tobytes() for row in rows]


def test_vectors_read_in_chunks_give_the_matrix_of_all_of_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A small REDUCE_FROM takes the large-store path (float16 rows, projection) on 3,000 rows.
    monkeypatch.setattr(vectors, "REDUCE_FROM", 1000)
    monkeypatch.setattr(vectors, "CANDIDATES", 400)
    rng = np.random.default_rng(5)
    rows = rng.normal(size=(3000, 96)).astype(np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    ids = np.arange(1, 3001, dtype=np.int64) * 7
    builder = vectors.MatrixBuilder(capacity=1200)  # fewer than will come: it grows
    for start in range(0, 3000, 250):
        builder.add([int(i) for i in ids[start : start + 250]], _blobs(rows[start : start + 250]))
    streamed = builder.finish()
    whole = VectorMatrix(ids, rows)
    assert len(streamed) == 3000 and streamed.nbytes() == whole.nbytes()
    stored = streamed.vector(int(ids[1234]))
    assert stored is not None and np.allclose(stored, rows[1234], atol=1e-3)
    for seed in range(3):
        query = rows[seed * 11] + rng.normal(0, 0.05, 96).astype(np.float32)
        assert [i for i, _ in streamed.nearest(query, 10)] == [
            i for i, _ in whole.nearest(query, 10)
        ]


def test_small_matrices_stay_exact_and_mixed_sizes_are_unusable() -> None:
    rows = np.eye(4, dtype=np.float32)
    builder = vectors.MatrixBuilder(capacity=10)
    builder.add([4, 3], _blobs(rows[:2]))
    builder.add([2, 1], _blobs(rows[2:]))
    matrix = builder.finish()
    assert matrix.nearest(rows[0], 1) == [(4, 1.0)]  # float32 kept, ids sorted
    mixed = vectors.MatrixBuilder(capacity=10)
    mixed.add([1], _blobs(rows[:1]))
    mixed.add([2], [np.zeros(8, dtype=np.float32).tobytes()])
    assert len(mixed.finish()) == 0
