"""The store: records and their provenance, on SQLite or PostgreSQL."""

from whereas.store.store import Store

__all__ = ["Store"]
