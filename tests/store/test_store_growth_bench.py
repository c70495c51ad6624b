"""bench/store_growth.py runs against the current code: stores grown from smaller ones, and the
same new copies stored into each, timed by statement."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench import store_growth
from bench.link_steps import documents_in
from bench.scale_corpus import cached_corpus


def test_stores_grow_from_the_smaller_one_and_time_the_same_new_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_growth, "store_folder", lambda: tmp_path / "stores")
    monkeypatch.setattr(
        store_growth,
        "cached_corpus",
        lambda count, quiet=True: cached_corpus(count, root=tmp_path / "copies"),
    )
    small = store_growth.cached_store(2)
    assert documents_in(small) == 2
    larger = store_growth.cached_store(3)  # goes on from the store of 2
    assert documents_in(larger) == 3 and documents_in(small) == 2
    assert sorted(p.name for p in (tmp_path / "stores").glob("*.db")) == ["s2.db", "s3.db"]

    results = [store_growth.measure(size, 3, 2) for size in (0, 3)]

    assert documents_in(larger) == 3  # measured on a copy
    for result in results:
        assert result["store_ms"] > result["commit_ms"] > 0
        statements = result["statements"]
        assert "INSERT INTO documents" in statements
        assert "INSERT OR IGNORE INTO search_reference_values" in statements
    table = store_growth.table(results).splitlines()
    assert table[0] == "| CPU ms a document | 0 | 3 |"
    assert table[2].startswith("| storing, in all | ")
