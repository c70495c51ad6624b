"""The SQLite store opens in Datasette (in-process test client, no network), FTS usable."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from whereas.export import datasette_plugin


def _serve(path: Path, *urls: str) -> list[Any]:
    from datasette.app import Datasette
    from datasette.plugins import pm

    if not pm.is_registered(datasette_plugin):
        # Installed packages register it through their entry point; a source tree may not.
        pm.register(datasette_plugin, name="whereas-tests")

    async def run() -> list[Any]:
        ds = Datasette([str(path)])
        await ds.invoke_startup()
        out = []
        for url in urls:
            response = await ds.client.get(url)
            assert response.status_code == 200, (url, response.text[:500])
            out.append(response.json())
        return out

    return asyncio.run(run())


def test_datasette_serves_the_store_with_search(sample_store: str) -> None:
    pytest.importorskip("datasette")
    path = Path(sample_store.removeprefix("sqlite:///"))
    name = path.stem
    documents, search, fts, metadata = _serve(
        path,
        f"/{name}/documents.json?_shape=array&kind=joint_motion&_col=reference",
        f"/{name}/search.json?_shape=array&q=children+deported",
        f"/{name}/search_entries.json?_shape=array&_search=children",
        "/-/metadata.json",
    )
    assert {d["reference"] for d in documents} == {"RC-B10-0249/2025"}
    assert search and {r["reference"] for r in search} >= {"RC-B10-0249/2025"}
    assert any(r["entry"] == "clause" and r["label"] for r in search)
    assert fts, "search_entries is searchable through its FTS table"
    assert metadata["license_url"].startswith("https://www.europarl.europa.eu/legal-notice")


def test_words_become_the_stems_the_index_holds() -> None:
    query = datasette_plugin.fts_match("children rights")
    assert query.count(" AND ") == 1 and '"children"' in query
    assert datasette_plugin.fts_match("") == datasette_plugin.fts_match("  ,; ")
