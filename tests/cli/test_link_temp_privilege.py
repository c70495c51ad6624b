"""On PostgreSQL linking needs the TEMP privilege: without it `whereas link` says so."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from whereas.cli import app
from whereas.ingest import ingest_paths
from whereas.store import Store

pytestmark = pytest.mark.postgres


def test_link_without_the_temp_privilege_names_it(corpus: Path, postgres_server: str) -> None:
    import psycopg

    role, database = f"r_{uuid.uuid4().hex[:10]}", f"t_{uuid.uuid4().hex[:12]}"
    base, _, query = postgres_server.partition("?")
    owner_url = f"{base.rsplit('/', 1)[0]}/{database}?{query}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{role}" LOGIN')
        conn.execute(f'CREATE DATABASE "{database}"')
        conn.execute(f'REVOKE TEMP ON DATABASE "{database}" FROM PUBLIC')
    store = Store.open(owner_url)
    ingest_paths(store, [corpus / "howtheyvote/document_rc-10-2025-0249-en.html"])
    store.close()
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{role}"')
        conn.execute(f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{role}"')
    host = base.rsplit("/", 1)[0].split("@", 1)[-1]
    url = f"postgresql://{role}@{host}/{database}?{query}"
    result = CliRunner().invoke(app, ["link", "--db", url])
    assert result.exit_code == 2, result.output
    assert "TEMP privilege" in result.output
