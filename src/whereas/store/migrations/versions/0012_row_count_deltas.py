"""row count deltas: PostgreSQL's triggers append what a statement changed instead of updating
a shared counter

Revision ID: 0012
Revises: 0011

On PostgreSQL the statement triggers of 0011 updated one counter row per table, locked until the
writing transaction committed: every writer queued behind the longest (link_store holds the
links counter for its whole run, so a purge waited for it), writers taking counters in other
orders could deadlock, and a statement run once per row (an executemany) updated the same row
hundreds of thousands of times in one transaction. Now each statement that changed rows appends
one row per counted value to row_count_deltas, which nothing updates; readers add the deltas
to row_counts, and whereas.store.counts.fold_deltas moves them into row_counts in a short
transaction of its own. A change of documents.kind or member_votes."group" is counted by a
row trigger that fires only when that column changes (a statement trigger with transition
tables cannot name its columns, so 0011's ran on every update of those tables).

The counts are taken again, on PostgreSQL under a lock that keeps writers out and after the
triggers exist (0011 counted before creating them: a commit in between was missed), and
row_counts.value becomes Text, as the columns it counts. SQLite keeps its row triggers (one
writer at a time: none of these problems) and gets the table, always empty.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TOTALS = (
    "procedures",
    "documents",
    "clauses",
    "authors",
    "votes",
    "member_votes",
    "people",
    "facts",
    "quotes",
    "links",
)
GROUPED = (("documents", "kind"), ("member_votes", "group"))
_APPEND = "INSERT INTO row_count_deltas (counted, value, n) "


def upgrade() -> None:
    """Create row_count_deltas, on PostgreSQL the triggers that append to it; count again."""
    op.create_table(
        "row_count_deltas",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True),
        sa.Column("counted", sa.String(80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Writers wait until this transaction commits: the counts below miss none of their rows.
        locked = ", ".join(("row_counts", *TOTALS))
        op.execute(f"LOCK TABLE {locked} IN SHARE ROW EXCLUSIVE MODE")
        op.alter_column(
            "row_counts",
            "value",
            type_=sa.Text(),
            existing_type=sa.String(200),
            existing_nullable=False,
        )
        _appending_triggers()
    op.execute("DELETE FROM row_counts")
    for table in TOTALS:
        op.execute(f"INSERT INTO row_counts SELECT '{table}', '', count(*) FROM {table}")
    for table, column in GROUPED:
        op.execute(
            f"INSERT INTO row_counts SELECT '{table}.{column}', \"{column}\", count(*) "
            f'FROM {table} WHERE "{column}" IS NOT NULL GROUP BY "{column}"'
        )


def _appending_triggers() -> None:
    """0011's functions made to append; its UPDATE statement triggers replaced by row triggers."""
    op.execute(
        "CREATE OR REPLACE FUNCTION row_counts_total() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {_APPEND}SELECT TG_TABLE_NAME, '', "
        "CASE TG_OP WHEN 'INSERT' THEN n ELSE -n END "
        "FROM (SELECT count(*) AS n FROM changed) AS c WHERE n > 0; RETURN NULL; END $$"
    )
    for table, column in GROUPED:
        key, name = f"{table}.{column}", f"row_counts_{table}_{column}"
        grouped = (
            f"{_APPEND}SELECT '{key}', \"{column}\", {{sign}}count(*) FROM {{rows}} "
            f'WHERE "{column}" IS NOT NULL GROUP BY "{column}"'
        )
        op.execute(f"DROP TRIGGER {name}_update ON {table}")
        op.execute(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP = 'INSERT' THEN {grouped.format(sign='', rows='new_rows')}; "
            f"ELSE {grouped.format(sign='-', rows='old_rows')}; END IF; RETURN NULL; END $$"
        )
        op.execute(
            f"CREATE FUNCTION {name}_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"{_APPEND}SELECT '{key}', v, d "
            f'FROM (VALUES (OLD."{column}", -1), (NEW."{column}", 1)) AS c (v, d) '
            "WHERE v IS NOT NULL; RETURN NULL; END $$"
        )
        op.execute(
            f'CREATE TRIGGER {name}_update AFTER UPDATE OF "{column}" ON {table} FOR EACH ROW '
            f'WHEN (OLD."{column}" IS DISTINCT FROM NEW."{column}") '
            f"EXECUTE FUNCTION {name}_changed()"
        )


def _revision_0011() -> ModuleType:
    path = Path(__file__).with_name("0011_row_counts.py")
    spec = importlib.util.spec_from_file_location("whereas_migration_0011", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def downgrade() -> None:
    """Fold the deltas into row_counts, put 0011's triggers back, drop row_count_deltas."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "INSERT INTO row_counts (counted, value, n) SELECT counted, value, sum(n) "
            "FROM row_count_deltas GROUP BY counted, value "
            "ON CONFLICT (counted, value) DO UPDATE SET n = row_counts.n + EXCLUDED.n"
        )
        for table in TOTALS:
            for event in ("insert", "delete"):
                op.execute(f"DROP TRIGGER row_counts_{table}_{event} ON {table}")
        op.execute("DROP FUNCTION row_counts_total()")
        for table, column in GROUPED:
            name = f"row_counts_{table}_{column}"
            for event in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER {name}_{event} ON {table}")
            op.execute(f"DROP FUNCTION {name}()")
            op.execute(f"DROP FUNCTION {name}_changed()")
        _revision_0011()._postgresql_triggers()
        op.alter_column(
            "row_counts", "value", type_=sa.String(200), existing_type=sa.Text(), nullable=False
        )
    op.drop_table("row_count_deltas")
