"""Linking the store in bounded batches writes exactly what linking it all at once wrote.

Two stores are built the same way from real documents and assembled texts: one is linked by the
whole-store linkers as they were (legacy_link), the other by the streaming ones, with their
normal batch sizes and with tiny ones (every page, window and cache boundary crossed). The rows
written are compared: people matched, name issues, reports_on references, claim checks, lineage
and repeats links (and, per demand, the order of its repeats links, which the dossier reads).
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from whereas.embed import Embedder, LexicalEmbedder
from whereas.embed.base import Vectors
from whereas.ingest import ingest_paths
from whereas.link import batched, claims, evidence, people, reports
from whereas.link.claims import check_claims
from whereas.link.people import link_people
from whereas.link.reports import link_reports_to_procedures
from whereas.link.thread import repeat_links, repeats, texts
from whereas.link.thread.demands import Demand
from whereas.link.thread.run import link_thread
from whereas.store import Store, schema

from . import legacy_link
from .test_reports_and_claims import (
    KAZAKHSTAN_2021,
    KAZAKHSTAN_2022,
    MYANMAR,
    PRESS_RELEASE,
    VENEZUELA_JANUARY,
    VENEZUELA_JULY,
    add_procedure,
    add_secondary,
)
from .thread_data import PROCEDURE, Made, add_text, ingest_joint_motion, joint_motion, renumbered

FILES = [
    "howtheyvote/members_directory_term_9.xml",
    "mepwatch/meps-term9.csv",
    "mepwatch/cards/127976.csv",
    "ep-open-data/data_v1_meps_9_en.csv",
    "howtheyvote/vot-list_pv-10-2025-05-08-vot-en.xml",
    "howtheyvote/press-release_20250204IPR26689.html",
    "howtheyvote/oeil-document-summary_1651118.html",
    "press-and-news/pirati-cz-2022-01-20-kazakhstan-resolution.md",
    "press-and-news/armenews-fr-2025-03-13-armenian-prisoners-resolution.md",
]


class SmallModel:
    """A deterministic stand-in for the sentence model: the model path, without the model."""

    model = "small-model-v1"
    dim = 64

    def embed(self, texts: Any) -> Vectors:
        return LexicalEmbedder(dim=64, sizes=(4,)).embed(list(texts))


def _changed(clauses: list[Made], n: int) -> list[Made]:
    """The joint motion's clauses, some reworded, some strengthened, some dropped, by `n`."""
    out = []
    for i, c in enumerate(clauses):
        if c.kind == "paragraph" and (i + n) % 5 == 0:
            continue
        if c.kind == "paragraph" and (i + n) % 3 == 0:
            c = replace(c, text=c.text.rstrip(".") + ", without delay.")
        elif c.kind == "paragraph" and (i + n) % 4 == 0:
            c = replace(c, text="Calls on the Council to adopt sanctions. " + c.text)
        out.append(c)
    return renumbered(out)


def _thread_texts(session: Session) -> None:
    """Procedures on one or two countries, some the same day, one undated, one untitled."""
    _, rc = joint_motion(session)
    motion = add_text(
        session,
        kind="motion",
        reference="B10-0250/2025",
        procedure=PROCEDURE,
        title="motion",
        day=date(2025, 5, 5),
        clauses=_changed(rc, 1),
        groups=["SD"],
    )
    # Two MEPs of one name: the author is reported as ambiguous, never guessed.
    session.add_all([schema.Person(id=f"9900{n}", name="Jan NOVÁK") for n in (1, 2)])
    session.add(schema.Author(document_id=motion, position=0, name="Jan Novak"))
    add_text(
        session,
        kind="text_adopted",
        reference="P10_TA(2025)0096",
        procedure=PROCEDURE,
        title="on Ukrainian children deported by Russia",
        day=date(2025, 5, 8),
        clauses=_changed(rc, 2),
    )
    later = [
        ("2026/2001(RSP)", "on Ukrainian children deported by Russia", date(2026, 5, 7)),
        ("2026/2002(RSP)", "on the situation in Belarus", date(2026, 5, 7)),
        ("2026/2004(RSP)", "on Russia", date(2026, 5, 7)),
        ("2027/2003(RSP)", "on political prisoners in Belarus", date(2027, 1, 14)),
        ("2027/2005(RSP)", "on the deportation of children", date(2027, 2, 10)),
        ("2027/2006(RSP)", "on Russia", None),
        ("2027/2007(RSP)", "on Russia and Belarus", date(2027, 3, 6)),
        ("2028/2008(RSP)", "on Ukraine", date(2028, 1, 20)),
    ]
    for n, (procedure, title, day) in enumerate(later):
        number = 100 + n
        clauses = _changed(rc, n + 3)
        add_text(
            session,
            kind="motion",
            reference=f"B10-0{number}/2026",
            procedure=procedure,
            title=title,
            day=day or date(2027, 1, 1),
            clauses=_changed(rc, n + 4),
            groups=["EPP"],
        )
        kind = "joint_motion" if n % 3 == 0 else "text_adopted"
        final = add_text(
            session,
            kind=kind,
            reference=f"P10_TA(2026)0{number}",
            procedure=procedure,
            title=title,
            day=day or date(2027, 1, 1),
            clauses=clauses,
        )
        if day is None:  # undated: in no country's bucket
            document = session.get(schema.Document, final)
            assert document is not None
            document.date = None


def _secondary(session: Session, corpus: Path) -> None:
    for vote in (VENEZUELA_JULY, VENEZUELA_JANUARY, KAZAKHSTAN_2021, KAZAKHSTAN_2022, MYANMAR):
        add_procedure(session, vote)
    add_secondary(session, corpus / PRESS_RELEASE, "press_release")


def _build(url: str, corpus: Path) -> Store:
    store = Store.open(url)
    ingest_joint_motion(store, corpus)
    ingest_paths(store, [corpus / name for name in FILES])
    with store.session() as session:
        _thread_texts(session)
        _secondary(session, corpus)
    return store


_ISSUE_COLUMNS = (
    schema.PersonNameIssue.document_id,
    schema.PersonNameIssue.role,
    schema.PersonNameIssue.name,
    schema.PersonNameIssue.reason,
    schema.PersonNameIssue.candidates,
)


def _rows(session: Session, *columns: Any) -> list[tuple[Any, ...]]:
    """The rows of some columns, sorted (None before any value)."""
    rows = [tuple(row) for row in session.execute(select(*columns))]
    return sorted(rows, key=lambda row: [(v is not None, v) for v in row])


def _dump(store: Store) -> dict[str, Any]:
    """Every row the linkers write, without ids, sorted; and each demand's links in id order."""
    link, ref, issue = schema.Link, schema.DocumentReference, schema.PersonNameIssue
    with store.session() as session:
        order: dict[tuple[str, int | None], list[tuple[str, int | None]]] = {}
        repeats_links = select(
            link.from_document, link.from_clause, link.to_document, link.to_clause
        )
        for later, at, earlier, to in session.execute(
            repeats_links.where(link.type == "repeats").order_by(link.id)
        ):
            order.setdefault((later, at), []).append((earlier, to))
        columns = (link.type, link.label, link.from_document, link.from_clause, link.to_document)
        return {
            "links": _rows(session, *columns, link.to_clause, link.score, link.method),
            "repeats order": order,
            "reports_on": [
                row
                for row in _rows(session, ref.document_id, ref.kind, ref.value, ref.role)
                if row[3] == "reports_on"
            ],
            "issues": [
                (*row[:4], tuple(row[4] or ()))
                for row in _rows(
                    session,
                    issue.document_id,
                    issue.role,
                    issue.name,
                    issue.reason,
                    issue.candidates,
                )
            ],
            "authors": _rows(session, schema.Author.id, schema.Author.person_id),
            "members": _rows(session, schema.MemberVote.id, schema.MemberVote.person_id),
        }


def _legacy(store: Store, embedder: Embedder) -> tuple[list[Any], list[Any]]:
    with store.session() as session:
        legacy_link.link_people(session)
        decided = legacy_link.link_reports(session)
        checks = legacy_link.check_claims(session)
        legacy_link.link_lineage(session)
        legacy_link.link_repeats(session, embedder, repeats.MAX_CANDIDATES, repeats.MAX_SCANNED)
    return decided, checks


def _streaming(store: Store, embedder: Embedder) -> tuple[list[Any], list[Any]]:
    with store.session() as session:
        link_people(session)
        decided = link_reports_to_procedures(session)
        checks = check_claims(session)
        link_thread(session, embedder)
    return decided, checks


def _tiny_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    for module, name, value in [
        (repeats, "MAX_CANDIDATES", 3),
        (repeats, "MAX_SCANNED", 7),
        (repeat_links, "TEXTS_PER_READ", 1),
        (repeat_links, "VECTOR_CACHE", 4),
        (texts, "PROCEDURE_BATCH", 2),
        (people, "PAGE", 3),
        (evidence, "PROCEDURE_PAGE", 2),
        (reports, "SOURCE_PAGE", 1),
        (claims, "DOCUMENT_PAGE", 1),
        (batched, "ROW_PAGE", 7),
        (batched, "INSERT_BATCH", 3),
    ]:
        monkeypatch.setattr(module, name, value)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, corpus: Path
) -> Callable[[], str]:
    """A store built once (on SQLite, and on a real PostgreSQL); each call gives a copy."""
    if request.param == "sqlite":
        folder = tmp_path_factory.mktemp("built")
        _build(f"sqlite:///{folder / 'built.db'}", corpus).close()

        def sqlite_copy() -> str:
            target = folder / f"copy-{uuid.uuid4().hex[:8]}.db"
            shutil.copyfile(folder / "built.db", target)
            return f"sqlite:///{target}"

        return sqlite_copy
    server: str = request.getfixturevalue("postgres_server")
    template = _postgres_database(server)
    _build(_postgres_url(server, template), corpus).close()
    return lambda: _postgres_url(server, _postgres_database(server, template))


def _postgres_database(server: str, template: str | None = None) -> str:
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"{copy}'.encode())
    return name


def _postgres_url(server: str, name: str) -> str:
    base, _, query = server.partition("?")
    return f"{base.rsplit('/', 1)[0]}/{name}?{query}"


@pytest.fixture
def two_stores(built: Callable[[], str]) -> Iterator[tuple[Store, Store]]:
    """Two copies of the built store."""
    first, second = Store.open(built()), Store.open(built())
    yield first, second
    first.close()
    second.close()


@pytest.mark.parametrize("tiny", [False, True], ids=["batches", "tiny-batches"])
@pytest.mark.parametrize("embedder", [LexicalEmbedder(), SmallModel()], ids=["lexical", "model"])
def test_streaming_link_writes_what_the_whole_store_link_wrote(
    two_stores: tuple[Store, Store],
    embedder: Embedder,
    tiny: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if tiny:
        _tiny_batches(monkeypatch)
    whole, streamed = two_stores
    expected = _legacy(whole, embedder)
    assert _streaming(streamed, embedder) == expected
    before = _dump(whole)
    assert before == _dump(streamed)
    kinds = {row[0] for row in before["links"]}
    assert kinds >= {"derives_from", "repeats", "corroborates"}
    assert any(len(v) > 1 for v in before["repeats order"].values())
    assert {why for *_, why, _ in before["issues"]} == {"ambiguous", "unknown"}
    # A second run changes nothing (the name issues are not rewritten).
    _streaming(streamed, embedder)
    assert _dump(streamed) == before


@pytest.mark.parametrize(("scanned", "kept"), [(5000, 200), (9, 4), (3, 1)])
def test_a_window_of_earlier_demands_finds_the_candidates_of_the_whole_bucket(
    scanned: int, kept: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repeats, "MAX_SCANNED", scanned)
    monkeypatch.setattr(repeats, "MAX_CANDIDATES", kept)
    rng = np.random.default_rng(scanned)
    countries = ["AA", "BB", "CC"]
    demands = [
        Demand(
            f"d{n}",
            n,
            None,
            f"text {n}",
            addressees=(str(rng.integers(4)),),
            themes=(str(rng.integers(4)),),
            day=date(2020, 1, 1 + int(rng.integers(25))),
            procedure=f"p{rng.integers(15)}",
            countries=frozenset(str(c) for c in rng.choice(countries, int(rng.integers(1, 3)))),
        )
        for n in range(300)
    ]
    assert repeats.candidates(demands) == legacy_link.candidates(demands, kept, scanned)
