"""A store per database with corpus documents and one invented resolution, indexed for search."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.ingest import ingest_paths
from whereas.parse.records import Clause, ClauseKind, ParsedDocument
from whereas.read.document import ReadDocument
from whereas.recognize.recognition import Recognition
from whereas.search import SearchResults, reindex_all
from whereas.store import Store, schema
from whereas.store.writer import IncomingDocument, save_document

CORPUS_FILES = [
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "howtheyvote/press-release_20190712IPR56948.html",
    "howtheyvote/press-release_20250204IPR26689.html",
    "howtheyvote/vot-list_pv-9-2024-03-14-vot-en.xml",
    "press-and-news/pirati-cz-2022-01-07-kazakhstan.md",
    "press-and-news/pirati-cz-2022-01-20-kazakhstan-resolution.md",
    "press-and-news/pirati-cz-2022-02-02-kazakhstan-op-ed.md",
    "press-and-news/pirati-cz-2022-11-24-belarus-resolution.md",
    "press-and-news/armenews-fr-2025-03-13-armenian-prisoners-resolution.md",
    "press-and-news/icij-en-2025-11-transnational-repression.md",
]

# An invented resolution (not corpus text): clauses whose words the tests look for.
INVENTED_CLAUSES: list[tuple[ClauseKind, str | None, str]] = [
    ("citation", None, "having regard to the Convention on the Rights of the Child"),
    ("recital", "A", "whereas women journalists were detained in Ruritania"),
    ("recital", "B", "whereas a child was tortured in detention"),
    ("paragraph", "1", "Calls for the release of every woman detained for her reporting"),
    ("paragraph", "2", "Condemns the torture of detainees and demands an investigation"),
    ("paragraph", "3", "Calls on the Council to adopt targeted sanctions"),
]
INVENTED_SOURCE = "invented-ruritania.txt"


def invented_resolution() -> IncomingDocument:
    """A joint motion on an invented country, with one clause of each kind."""
    body = "\n".join(text for _, _, text in INVENTED_CLAUSES)
    recognition = Recognition(
        kind="joint_motion",
        reference="RC-B9-0999/2021",
        procedure="2021/2999(RSP)",
        language="en",
        date=date(2021, 3, 11),
        title="on the situation in Ruritania",
    )
    clauses = [
        Clause(kind, label, position, text)
        for position, (kind, label, text) in enumerate(INVENTED_CLAUSES)
    ]
    return IncomingDocument(
        raw=body.encode(),
        read=ReadDocument(format="text", text=body),
        recognition=recognition,
        parsed=ParsedDocument(body=body, clauses=clauses),
        read_at=datetime.now(UTC),
        source_path=INVENTED_SOURCE,
    )


def postgres_url(server_uri: str) -> str:
    """A new empty database on the test server."""
    import psycopg

    name = f"s_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_uri, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, query = server_uri.partition("?")
    return f"{base.rsplit('/', 1)[0]}/{name}?{query}"


def fill_store(url: str, corpus: Path) -> Store:
    """A store at `url` with the corpus files and the invented resolution, indexed."""
    store = Store.open(url)
    results = ingest_paths(store, [corpus / name for name in CORPUS_FILES])
    assert [r.status for r in results] == ["added"] * len(CORPUS_FILES)
    with store.session() as session:
        save_document(session, invented_resolution())
        reindex_all(session)
    return store


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def search_store(
    request: pytest.FixtureRequest, corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The filled store, once on SQLite and once on a real PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('search') / 'store.db'}"
    else:
        url = postgres_url(request.getfixturevalue("postgres_server"))
    store = fill_store(url, corpus)
    yield store
    store.close()


@pytest.fixture
def session(search_store: Store) -> Iterator[Session]:
    """A session on the filled store (rolled back: tests only read)."""
    with search_store.session() as session:
        yield session
        session.rollback()


def sources(session: Session, results: SearchResults) -> list[str]:
    """The file names of the hits' documents, in rank order (one per hit)."""
    ids = {hit.document_id for hit in results.hits}
    rows = session.execute(
        select(schema.Document.id, schema.Document.source_path).where(schema.Document.id.in_(ids))
    )
    names = {doc_id: Path(path or "").name for doc_id, path in rows}
    return [names[hit.document_id] for hit in results.hits]
