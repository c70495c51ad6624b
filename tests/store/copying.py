"""Fill a store made at an earlier revision with the rows of a filled head store."""

from __future__ import annotations

from sqlalchemy import Engine, MetaData, insert, select, text

# The search index is rebuilt; the row counts are kept by triggers as the rows go in.
_NOT_COPIED = ("search_", "row_counts", "row_count_deltas")


def copy_records(source: Engine, target: Engine) -> None:
    """Copy the columns the target's tables have from a filled head store.

    The search index's tables are left out (each migration test checks that they are rebuilt),
    and so are the row counts (the target's triggers count the rows copied),
    and pgvector's generated column is computed. On PostgreSQL each integer id sequence goes on
    after the copied ids, as in a real store.
    """
    head, old = MetaData(), MetaData()
    head.reflect(source)
    old.reflect(target)
    with source.connect() as reading, target.begin() as writing:
        for table in old.sorted_tables:
            if table.name == "alembic_version" or table.name.startswith(_NOT_COPIED):
                continue
            source_columns = head.tables[table.name].c
            columns = [source_columns[c.name] for c in table.columns if c.name in source_columns]
            rows = [dict(r) for r in reading.execute(select(*columns)).mappings()]
            if rows:
                writing.execute(insert(table), rows)
            serial_ids = rows and "id" in table.c and isinstance(rows[0]["id"], int)
            if target.dialect.name == "postgresql" and serial_ids:
                serial = f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                serial += f"(SELECT max(id) FROM {table.name}))"
                writing.execute(text(serial))
