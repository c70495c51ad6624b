"""CSVW metadata for the CSV export: every table and column described, with the terms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from whereas.export.csv_tables import Column, Table

CONTEXT = ["http://www.w3.org/ns/csvw", {"@language": "en"}]


def _column(column: Column) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": column.name,
        "titles": column.name,
        "datatype": column.datatype,
        "dc:description": column.description,
    }
    if column.separator:
        out["separator"] = column.separator
    if column.required:
        out["required"] = True
    return out


def _table(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {"columns": [_column(c) for c in table.columns]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "columnReference": col,
                "reference": {"resource": f"{ref}.csv", "columnReference": key},
            }
            for col, ref, key in table.foreign_keys
        ]
    return {"url": table.url, "dc:description": table.description, "tableSchema": schema}


def metadata(tables: Iterable[Table], block: Mapping[str, Any]) -> dict[str, Any]:
    """The csv-metadata.json value: a table group with provenance, licences and sources."""
    return {
        "@context": CONTEXT,
        "dc:title": "whereas export: procedures, documents, clauses and votes",
        "dc:creator": block["generator"],
        "dc:license": [{"@id": t["url"]} for t in block["terms"] if t["url"]],
        "dc:rights": [f"{t['name']}: {t['notice']}" for t in block["terms"]],
        "dc:source": block["source_urls"],
        "prov:wasDerivedFrom": {
            "documents": block["documents"],
            "documents_from_files": block["documents_from_files"],
        },
        "dialect": {"header": True, "encoding": "utf-8", "lineTerminators": ["\r\n"]},
        "tables": [_table(t) for t in tables],
    }
