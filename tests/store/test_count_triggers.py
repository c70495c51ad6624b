"""Every counted table keeps its row_counts triggers at the newest revision: a migration that
rebuilds a table in SQLite's batch mode (copy, drop, rename) drops its triggers, and the counts
would go stale with nothing to tell."""

from __future__ import annotations

import importlib
from pathlib import Path

from sqlalchemy import text

from whereas.store import Store

COUNTS = importlib.import_module("whereas.store.migrations.versions.0012_row_count_deltas")


def test_each_counted_table_has_its_triggers(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    with store.session() as session:
        triggers = session.execute(
            text("SELECT tbl_name, upper(sql) FROM sqlite_master WHERE type = 'trigger'")
        ).all()
    store.close()
    events = {(table, event) for table, sql in triggers
              for event in ("INSERT", "DELETE", "UPDATE") if f"AFTER {event}" in sql}  # fmt: skip
    for table in COUNTS.TOTALS:
        assert {(table, "INSERT"), (table, "DELETE")} <= events, table
    for table, _ in COUNTS.GROUPED:
        assert (table, "UPDATE") in events, table
