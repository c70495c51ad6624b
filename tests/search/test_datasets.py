"""A dataset is found by its name, columns and size, not by the words of every row."""

from __future__ import annotations

from pathlib import Path

from whereas.ingest import ingest_paths
from whereas.search import search
from whereas.store import Store

CARD = "mepwatch/cards/127859.csv"  # one vote's positions: mepid,name,result,eugroup,...


def test_dataset_rows_do_not_make_it_a_hit(database_url: str, corpus: Path) -> None:
    store = Store.open(database_url)
    try:
        [result] = ingest_paths(store, [corpus / CARD])
        assert result.status == "added"
        with store.session() as session:
            # A surname in a row: not a reason to show the whole dataset.
            assert search(session, "Lutgen").total == 0
            # Its columns and its file name are.
            by_column = search(session, "eugroup")
            assert [h.document_id for h in by_column.hits] == [result.document_id]
            assert search(session, "127859").total == 1
    finally:
        store.close()
