"""`whereas embed`: sentence vectors for the clauses and documents that have none yet."""

from __future__ import annotations

from typing import Annotated

import typer

from whereas.cli.options import open_store


def embed(
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database URL (default: WHEREAS_DATABASE_URL)."),
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Embed at most this many texts.")
    ] = None,
) -> None:
    """Embed every indexed clause and document without a vector (for hybrid and semantic search)."""
    from whereas.embed import default_embedder
    from whereas.search.embedding import embed_entries

    store = open_store(db)
    embedder = default_embedder()
    try:
        with store.session() as session:
            done = embed_entries(session, embedder, limit=limit)
    finally:
        store.close()
    typer.echo(f"{done} texts embedded with {embedder.model}")


def register(app: typer.Typer) -> None:
    """Add `whereas embed` to the command line."""
    app.command(name="embed")(embed)
