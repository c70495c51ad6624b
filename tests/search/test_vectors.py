"""Nearest vectors: the in-memory search answers exactly what a full sort would."""

from __future__ import annotations

import numpy as np

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
