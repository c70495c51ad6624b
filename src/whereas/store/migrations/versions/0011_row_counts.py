"""row counts: how many rows the counted tables hold, kept by triggers in the writing transaction

Revision ID: 0011
Revises: 0010

row_counts holds one row per counted table (value '') and one per kind of document
("documents.kind") and per group of MEP positions ("member_votes.group"), so that the home page,
/api/stats, the lists' totals and /groups read a few rows instead of counting tables that grow
with the store (COUNT(*) over 8.5 million authors at 100,000 documents). Triggers keep them
exact in the transaction that inserts or deletes the rows, whatever code writes them: per row on
SQLite, per statement on PostgreSQL (transition tables), where a counter row stays locked until
the writing transaction commits. Filled from the rows present at upgrade.

ix_documents_by_kind_and_date: the documents list of one kind, newest first, reads its page
from the index instead of sorting every document of the kind.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
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
_DELTA = (
    "INSERT INTO row_counts (counted, value, n) VALUES ('{key}', {value}, {sign}1) "
    "ON CONFLICT (counted, value) DO UPDATE SET n = row_counts.n {sign} 1"
)


def upgrade() -> None:
    """Create row_counts, fill it from the rows present, and the triggers that keep it."""
    op.create_table(
        "row_counts",
        sa.Column("counted", sa.String(80), primary_key=True),
        sa.Column("value", sa.String(200), primary_key=True),
        sa.Column("n", sa.BigInteger(), nullable=False),
    )
    for table in TOTALS:
        op.execute(f"INSERT INTO row_counts SELECT '{table}', '', count(*) FROM {table}")
    for table, column in GROUPED:
        op.execute(
            f"INSERT INTO row_counts SELECT '{table}.{column}', \"{column}\", count(*) "
            f'FROM {table} WHERE "{column}" IS NOT NULL GROUP BY "{column}"'
        )
    op.create_index("ix_documents_by_kind_and_date", "documents", ["kind", "date"])
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_triggers()
    else:
        _sqlite_triggers()


def _sqlite_triggers() -> None:
    for table in TOTALS:
        for event, sign in (("INSERT", "+"), ("DELETE", "-")):
            op.execute(
                f"CREATE TRIGGER row_counts_{table}_{event.lower()} AFTER {event} ON {table} "
                f"BEGIN UPDATE row_counts SET n = n {sign} 1 "
                f"WHERE counted = '{table}' AND value = ''; END"
            )
    for table, column in GROUPED:
        key = f"{table}.{column}"
        added = _DELTA.format(key=key, value=f'NEW."{column}"', sign="+")
        removed = _DELTA.format(key=key, value=f'OLD."{column}"', sign="-")
        name = f"row_counts_{table}_{column}"
        op.execute(
            f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table} "
            f'WHEN NEW."{column}" IS NOT NULL BEGIN {added}; END'
        )
        op.execute(
            f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table} "
            f'WHEN OLD."{column}" IS NOT NULL BEGIN {removed}; END'
        )
        op.execute(
            f'CREATE TRIGGER {name}_update AFTER UPDATE OF "{column}" ON {table} '
            f'WHEN OLD."{column}" IS NOT NEW."{column}" BEGIN '
            f"{_sqlite_update_body(key, column)} END"
        )


def _sqlite_update_body(key: str, column: str) -> str:
    return (
        f"UPDATE row_counts SET n = n - 1 WHERE counted = '{key}' AND value = OLD.\"{column}\"; "
        f"INSERT INTO row_counts (counted, value, n) SELECT '{key}', NEW.\"{column}\", 1 "
        f'WHERE NEW."{column}" IS NOT NULL '
        "ON CONFLICT (counted, value) DO UPDATE SET n = row_counts.n + 1;"
    )


def _postgresql_triggers() -> None:
    op.execute(
        "CREATE FUNCTION row_counts_total() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "UPDATE row_counts SET n = n + (CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END) "
        "* (SELECT count(*) FROM changed) WHERE counted = TG_TABLE_NAME AND value = ''; "
        "RETURN NULL; END $$"
    )
    for table in TOTALS:
        for event, transition in (("INSERT", "NEW"), ("DELETE", "OLD")):
            op.execute(
                f"CREATE TRIGGER row_counts_{table}_{event.lower()} AFTER {event} ON {table} "
                f"REFERENCING {transition} TABLE AS changed FOR EACH STATEMENT "
                "EXECUTE FUNCTION row_counts_total()"
            )
    for table, column in GROUPED:
        key, name = f"{table}.{column}", f"row_counts_{table}_{column}"
        delta = (
            f"INSERT INTO row_counts (counted, value, n) SELECT '{key}', \"{column}\", sum(n) "
            f'FROM ({{rows}}) AS d WHERE "{column}" IS NOT NULL GROUP BY "{column}" '
            "HAVING sum(n) <> 0 "
            "ON CONFLICT (counted, value) DO UPDATE SET n = row_counts.n + EXCLUDED.n"
        )
        added = f'SELECT "{column}", 1 AS n FROM new_rows'
        removed = f'SELECT "{column}", -1 AS n FROM old_rows'
        op.execute(
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP = 'INSERT' THEN {delta.format(rows=added)}; "
            f"ELSIF TG_OP = 'DELETE' THEN {delta.format(rows=removed)}; "
            f"ELSE {delta.format(rows=f'{added} UNION ALL {removed}')}; END IF; "
            "RETURN NULL; END $$"
        )
        for event, transitions in (
            ("INSERT", "NEW TABLE AS new_rows"),
            ("DELETE", "OLD TABLE AS old_rows"),
            ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        ):
            op.execute(
                f"CREATE TRIGGER {name}_{event.lower()} AFTER {event} ON {table} "
                f"REFERENCING {transitions} FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
            )


def downgrade() -> None:
    """Drop the triggers, their functions on PostgreSQL, and row_counts."""
    postgresql = op.get_bind().dialect.name == "postgresql"
    named = [(t, f"row_counts_{t}") for t in TOTALS]
    named += [(t, f"row_counts_{t}_{c}") for t, c in GROUPED]
    for table, name in named:
        for event in ("insert", "delete", "update"):
            on = f" ON {table}" if postgresql else ""
            op.execute(f"DROP TRIGGER IF EXISTS {name}_{event}{on}")
    if postgresql:
        op.execute("DROP FUNCTION row_counts_total()")
        for table, column in GROUPED:
            op.execute(f"DROP FUNCTION row_counts_{table}_{column}()")
    op.drop_table("row_counts")
    op.drop_index("ix_documents_by_kind_and_date", "documents")
