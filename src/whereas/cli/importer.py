"""`whereas import FILE.json`: load a whereas JSON export into an empty store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from whereas.cli.options import open_store
from whereas.errors import WhereasError

err = Console(stderr=True, highlight=False)
out = Console(highlight=False, soft_wrap=True)


def import_command(
    path: Annotated[
        Path,
        typer.Argument(
            help="A whereas JSON export (whereas.export/1).", exists=True, dir_okay=False
        ),
    ],
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="Database URL (default: WHEREAS_DATABASE_URL or sqlite:///whereas.db)."
        ),
    ] = None,
) -> None:
    """Load a JSON export into an empty store (documents without their bytes)."""
    from whereas.importer import import_file

    store = open_store(db)
    try:
        result = import_file(store, path)
    except WhereasError as exc:
        err.print(f"whereas: cannot import {path}: {exc}", markup=False)
        raise typer.Exit(1) from exc
    finally:
        store.close()
    out.print(
        f"{result.procedures} procedures, {result.documents} documents, {result.clauses} clauses, "
        f"{result.votes} votes, {result.people} people, {result.links} links imported",
        markup=False,
    )


def register(app: typer.Typer) -> None:
    """Add `whereas import` to `app`."""
    app.command(name="import")(import_command)
