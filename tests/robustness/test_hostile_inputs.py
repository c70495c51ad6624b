"""Hostile documents through the whole ingest: a result or a clean rejection, fast, in bounded
memory, with nothing leaked from the machine and nothing half-written."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fuzz import SOAK
from fuzz.hostile import HOSTILE, external_entity, external_entity_html, zip_bomb_docx
from fuzz.store_checks import row_counts, store_problems
from sqlalchemy import select

from whereas.ingest import ingest_bytes
from whereas.store import Store, schema

WHEREAS = Path(sys.executable).parent / "whereas"
CANARY = "CANARY-7f3a-not-for-the-store"
TIME_BUDGET_S = 30.0
MEMORY_BUDGET_MB = 1500


@pytest.fixture(scope="module")
def hostile_bytes() -> dict[str, bytes]:
    """Every hostile document, built once."""
    return {name: make() for name, make in HOSTILE.items()}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_document_is_stored_or_rejected_cleanly(
    name: str, hostile_bytes: dict[str, bytes], database_url: str
) -> None:
    store = Store.open(database_url)
    try:
        started = time.perf_counter()
        result = ingest_bytes(store, hostile_bytes[name], name=name)
        assert time.perf_counter() - started < TIME_BUDGET_S
        assert result.status in {"added", "rejected"}
        if result.status == "rejected":
            assert result.reason and "\n" not in result.reason
            assert "unexpectedly" not in result.reason
            assert row_counts(store.engine).get("documents") == 0
        assert store_problems(store.engine) == []
    finally:
        store.close()


@pytest.mark.parametrize("attack", [external_entity, external_entity_html])
def test_external_entity_never_reads_a_local_file(
    attack: object, tmp_path: Path, database_url: str
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(CANARY, encoding="utf-8")
    store = Store.open(database_url)
    try:
        assert callable(attack)
        ingest_bytes(store, attack(secret), name="xxe")
        with store.session() as session:
            bodies = list(session.scalars(select(schema.Document.body)))
        assert all(CANARY not in body for body in bodies)
    finally:
        store.close()


# A subprocess each (about 10 s): `make test` runs the zip bomb, WHEREAS_SOAK=1 all three.
IN_A_PROCESS = (
    ["zip bomb docx", "huge single line", "pdf of 5000 pages"] if SOAK else ["zip bomb docx"]
)


@pytest.mark.parametrize("name", IN_A_PROCESS)
def test_hostile_document_ingests_in_bounded_memory(name: str, tmp_path: Path) -> None:
    path = tmp_path / "hostile.bin"
    path.write_bytes(zip_bomb_docx() if name == "zip bomb docx" else HOSTILE[name]())
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    completed = subprocess.run(
        [str(WHEREAS), "ingest", "--quiet", "--db", f"sqlite:///{tmp_path / 's.db'}", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode in {0, 1}, completed.stderr
    assert "Traceback" not in completed.stderr
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    # ru_maxrss of children is the largest child so far: only meaningful when it grew.
    if peak_mb > before / 1024:
        assert peak_mb < MEMORY_BUDGET_MB


def test_html_with_one_huge_paragraph_is_rejected_as_too_large(tmp_path: Path) -> None:
    # libxml2 silently drops a text run over 10 MB: the reason must say so, not "no text".
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    try:
        result = ingest_bytes(store, HOSTILE["huge single line html"](), name="huge.html")
    finally:
        store.close()
    assert result.status == "rejected"
    assert result.reason is not None and "limit" in result.reason
