"""`whereas search`: ranked results as text or JSON, filters, and direct hits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from whereas.cli.search import register
from whereas.search import index_document, remove_document, search
from whereas.store import Store
from whereas.store.writer import save_document

from .conftest import invented_resolution


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    store = Store.open(url)
    with store.session() as session:
        saved = save_document(session, invented_resolution())
        index_document(session, saved.document_id)  # what the writer does on ingest
    store.close()
    return url


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test app."""

    register(app)
    return app


def test_text_output(store_url: str) -> None:
    result = CliRunner().invoke(_app(), ["search", "women", "--db", store_url, "--kind", "recital"])
    assert result.exit_code == 0, result.output
    assert "1 results" in result.output
    assert "RC-B9-0999/2021 recital A" in result.output


def test_json_output_with_filters(store_url: str) -> None:
    args = ["search", "tortur*", "--db", store_url, "--json", "--language", "en", "--year", "2021"]
    result = CliRunner().invoke(_app(), [*args, "--limit", "1"])
    data = json.loads(result.stdout)
    assert data["total"] == 3 and len(data["hits"]) == 1
    assert data["facets"]["entry"] == {"clause": 2, "document": 1}
    assert data["hits"][0]["date"] == "2021-03-11"


def test_reference_goes_to_its_record(store_url: str) -> None:
    result = CliRunner().invoke(_app(), ["search", "RC-9-2021-0999", "--db", store_url, "--json"])
    assert json.loads(result.stdout)["direct"][0]["reference"] == "RC-B9-0999/2021"


def test_hostile_query_exits_zero(store_url: str) -> None:
    result = CliRunner().invoke(_app(), ["search", '"(AND', "--db", store_url])
    assert result.exit_code == 0


def test_index_follows_the_store(store_url: str) -> None:
    store = Store.open(store_url)
    with store.session() as session:
        document_id = search(session, "Ruritania").hits[0].document_id
        index_document(session, document_id)  # indexing twice keeps one copy
        assert search(session, "Ruritania").total == 2
        remove_document(session, document_id)
        assert search(session, "Ruritania").total == 0
    store.close()
