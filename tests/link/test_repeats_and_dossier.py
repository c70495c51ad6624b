"""Demands across time: a later resolution on the same country repeats and strengthens demands."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from whereas.cli.app import app
from whereas.embed import LexicalEmbedder
from whereas.ingest import link_store
from whereas.link.thread.dossier import country_dossier
from whereas.link.thread.run import link_thread
from whereas.store import Store, schema

from .thread_data import Made, add_text, ingest_joint_motion, joint_motion


def _later(clauses: list[Made]) -> list[Made]:
    """A resolution a year later: § 2 repeated, § 6 strengthened, § 4 replaced by a new demand."""
    out = []
    for c in clauses:
        if c.kind == "paragraph" and c.label == "6":
            c = replace(c, text=c.text.rstrip(".") + ", without delay.")
        elif c.kind == "paragraph" and c.label == "4":
            c = replace(
                c,
                text="Calls on the Russian authorities to stop issuing passports to "
                "the deported children.",
                verbs=("calls on",),
            )
        out.append(c)
    return out


def _build(store: Store, corpus: Path) -> None:
    ingest_joint_motion(store, corpus)
    with store.session() as session:
        _, rc = joint_motion(session)
        add_text(
            session,
            kind="text_adopted",
            reference="P10_TA(2026)0010",
            procedure="2026/2001(RSP)",
            title="on Ukrainian children deported by Russia",
            day=date(2026, 5, 7),
            clauses=_later(rc),
        )


def _repeats(store: Store) -> dict[str | None, str]:
    with store.session() as session:
        rows = session.execute(
            select(schema.Clause.label, schema.Link.label)
            .join(
                schema.Clause,
                (schema.Clause.document_id == schema.Link.from_document)
                & (schema.Clause.position == schema.Link.from_clause),
            )
            .where(schema.Link.type == "repeats")
        )
        return {clause: label or "" for clause, label in rows}


def test_repeats_labelled_and_idempotent(database_url: str, corpus: Path) -> None:
    store = Store.open(database_url)
    _build(store, corpus)
    link_store(store)
    with store.session() as session:
        link_thread(session, LexicalEmbedder())
        link_thread(session, LexicalEmbedder())  # the second run replaces, never duplicates
    found = _repeats(store)
    store.close()
    assert found["2"] == "repeated" and found["6"] == "strengthened"
    assert "4" not in found  # a different demand of the same addressee on the same theme
    assert len(found) >= 6


def test_dossier_library_and_command(database_url: str, corpus: Path) -> None:
    store = Store.open(database_url)
    _build(store, corpus)
    link_store(store)  # with the default embedder (the sentence model)
    with store.session() as session:
        dossier = country_dossier(session, "Russia")
    store.close()
    assert [p.procedure for p in dossier.procedures] == ["2025/2691(RSP)", "2026/2001(RSP)"]
    assert any(len(r.demands) == 2 for r in dossier.repeated)
    result = CliRunner().invoke(app, ["dossier", "RU", "--json", "--db", database_url])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert shown["name"] and len(shown["procedures"]) == 2 and shown["repeated"]
    text = CliRunner().invoke(app, ["dossier", "Russia", "--db", database_url])
    assert "demands made again" in text.stdout
    unknown = CliRunner().invoke(app, ["dossier", "Atlantis", "--db", database_url])
    assert unknown.exit_code == 2
