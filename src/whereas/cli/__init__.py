"""The command line: `whereas ingest | export | show | stats`, thin over the library."""

from whereas.cli.app import app, main

__all__ = ["app", "main"]
