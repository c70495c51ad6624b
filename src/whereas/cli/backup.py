"""`whereas backup FILE` and `whereas restore FILE`: the whole store, raw bytes and all."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from whereas.cli.options import DbOption
from whereas.config import load_settings
from whereas.errors import StoreError
from whereas.store.backup import BackupSummary, backup, restore

err = Console(stderr=True, highlight=False)


def register(app: typer.Typer) -> None:
    """Add the `backup` and `restore` commands to the whereas CLI."""
    app.command(name="backup")(backup_command)
    app.command(name="restore")(restore_command)


def _summary(verb: str, path: Path, summary: BackupSummary) -> None:
    total = sum(summary.rows.values())
    typer.echo(
        f"{verb} {path}: {total} rows in {len(summary.rows)} tables (schema {summary.revision})"
    )


def backup_command(
    file: Annotated[Path, typer.Argument(help="File to write (gzipped JSON lines).")],
    db: DbOption = None,
) -> None:
    """Write the whole store to FILE: every record, raw bytes and per-MEP positions included."""
    try:
        summary = backup(load_settings(db).database_url, file)
    except (StoreError, OSError) as exc:
        err.print(f"whereas: {exc}")
        raise typer.Exit(1) from exc
    _summary("backed up to", file, summary)


def restore_command(
    file: Annotated[Path, typer.Argument(help="A file written by `whereas backup`.")],
    db: DbOption = None,
) -> None:
    """Load FILE into an empty store (SQLite or PostgreSQL), upgrade it and rebuild its index."""
    try:
        summary = restore(load_settings(db).database_url, file)
    except (StoreError, OSError) as exc:
        err.print(f"whereas: {exc}")
        raise typer.Exit(1) from exc
    _summary("restored from", file, summary)
