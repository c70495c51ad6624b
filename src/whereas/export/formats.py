"""Every export format behind one call: what `whereas export --format NAME` dispatches to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class ExportFormat:
    """An export format: whether it writes bytes (a zip or a folder) rather than text."""

    name: str
    binary: bool
    description: str


@dataclass(frozen=True)
class ExportOptions:
    """Options some formats take: JSON indent, Atom filters."""

    indent: int | None = None
    country: str | None = None
    theme: str | None = None


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("json", False, "the whole store, whereas.export/1"),
        ExportFormat("csv", True, "one CSV table per kind of record, CSVW metadata, in a zip"),
        ExportFormat("akn", True, "Akoma Ntoso 3.0 XML of every resolution (zip or folder)"),
        ExportFormat("popolo", False, "Popolo JSON: people, groups and memberships"),
        ExportFormat("atom", False, "Atom feed of new procedures and documents"),
    )
}


def write_format(
    session: Session, name: str, output: Path | None, stdout: IO[str], options: ExportOptions
) -> None:
    """Write the store in format `name` to `output` (a file, zip or folder) or to `stdout`."""
    if name == "csv" and output is not None:
        from whereas.export.csv_export import export_csv

        export_csv(session, output)
    elif name == "akn" and output is not None:
        from whereas.export.akn_export import export_akn

        export_akn(session, output)
    else:
        text = _text(session, name, options)
        if output is None:
            stdout.write(text)
        else:
            output.write_text(text, encoding="utf-8")


def _text(session: Session, name: str, options: ExportOptions) -> str:
    if name == "json":
        import io

        from whereas.export.json_export import write_export

        buffer = io.StringIO()
        write_export(session, buffer, indent=options.indent)
        return buffer.getvalue()
    if name == "popolo":
        from whereas.export.popolo import popolo_json

        return popolo_json(session, indent=options.indent)
    if name == "atom":
        from whereas.export.atom import atom_feed

        return atom_feed(session, country=options.country, theme=options.theme)
    raise ValueError(f"unknown export format {name!r}")
