"""Read CSV tables: the dialect sniffed, rows as dicts, malformed rows skipped with a warning."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from whereas.config import Limits
from whereas.errors import DocumentTooLarge, EmptyDocument
from whereas.read.blocks import clean_text
from whereas.read.document import Block, ReadDocument
from whereas.read.encoding import decode
from whereas.read.sniff import csv_delimiter

# Tables with more records than this keep their rows in `data` only (blocks would be slow).
MAX_BLOCK_ROWS = 10_000
_NEWLINES = re.compile(r"\r\n?")

Record = tuple[int, int, list[str]]  # first line, last line (1-based), fields


def read_csv(data: bytes, limits: Limits) -> ReadDocument:
    """Read a delimited table: `data` is the list of rows as dicts keyed by the header."""
    decoded = decode(data)
    text = clean_text(_NEWLINES.sub("\n", decoded.text)).strip("\n")
    if len(text) > limits.max_text_chars:
        raise DocumentTooLarge(f"CSV of {len(text)} characters is over the limit")
    delimiter = csv_delimiter(text) or ","
    warnings = list(decoded.warnings)
    records = list(_records(text, delimiter, warnings))
    if not records:
        raise EmptyDocument("CSV has no rows")
    header = [name.strip() for name in records[0][2]]
    rows, malformed = _rows(header, records[1:])
    if malformed:
        warnings.append(
            f"{len(malformed)} malformed rows skipped (wrong number of fields), "
            f"first at line {malformed[0]}"
        )
    blocks = _blocks(text, records) if len(records) <= MAX_BLOCK_ROWS else []
    return ReadDocument(
        format="csv",
        text=text,
        blocks=blocks,
        metadata={"delimiter": delimiter, "columns": str(len(header))},
        encoding=decoded.encoding,
        warnings=warnings,
        data=rows,
    )


def _records(text: str, delimiter: str, warnings: list[str]) -> Iterator[Record]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    last_line = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # The reader resets after an error and carries on with the next line.
            warnings.append(f"line {reader.line_num}: {exc}; row skipped")
            last_line = reader.line_num
            continue
        first_line, last_line = last_line + 1, reader.line_num
        if fields:
            yield first_line, last_line, fields


def _rows(header: list[str], records: list[Record]) -> tuple[list[dict[str, str]], list[int]]:
    rows: list[dict[str, str]] = []
    malformed: list[int] = []
    for first_line, _, fields in records:
        # A trailing delimiter adds empty fields: harmless.
        while len(fields) > len(header) and not fields[-1].strip():
            fields = fields[:-1]
        if len(fields) != len(header):
            malformed.append(first_line)
            continue
        rows.append(dict(zip(header, fields, strict=True)))
    return rows, malformed


def _blocks(text: str, records: list[Record]) -> list[Block]:
    """One table_row block per record, spanning its lines (quoted fields may hold newlines)."""
    starts = [0, *(match.end() for match in re.finditer("\n", text))]
    blocks: list[Block] = []
    for first_line, last_line, _ in records:
        start = starts[first_line - 1]
        end = starts[last_line] - 1 if last_line < len(starts) else len(text)
        blocks.append(
            Block(
                text=text[start:end],
                kind="table_row",
                path=f"line {first_line}",
                start=start,
                end=end,
            )
        )
    return blocks
