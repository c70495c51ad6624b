"""`whereas serve`: the web pages and the JSON API on one address."""

from __future__ import annotations

from typing import Annotated

import typer

from whereas.cli.options import DbOption, err
from whereas.errors import StoreError


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)
    ] = 8000,
) -> None:
    """Serve the pages at / and the JSON API at /api (docs at /api/docs)."""
    import uvicorn

    from whereas.api import create_app

    try:
        application = create_app(db)
    except StoreError as exc:
        err.print(f"whereas: {exc}", markup=False)
        raise typer.Exit(2) from exc
    err.print(f"whereas: serving on http://{host}:{port} (API docs at /api/docs)")
    uvicorn.run(application, host=host, port=port, log_level="info", proxy_headers=False)


def register(app: typer.Typer) -> None:
    """Add `whereas serve` to the command line."""
    app.command(name="serve")(serve)
