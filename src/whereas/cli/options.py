"""What every command shares: the common options, the consoles, and opening the store."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from whereas.config import load_settings
from whereas.errors import StoreError
from whereas.store import Store

err = Console(stderr=True, highlight=False)
out = Console(highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL (default: WHEREAS_DATABASE_URL or sqlite:///whereas.db)."
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no warnings.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output on stdout.")]


def open_store(db: str | None) -> Store:
    """The store at --db (or WHEREAS_DATABASE_URL); a store that cannot be opened exits 2."""
    try:
        return Store.open(load_settings(db).database_url)
    except StoreError as exc:
        err.print(f"whereas: {exc}", markup=False)
        raise typer.Exit(2) from exc
