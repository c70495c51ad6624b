"""Read corpus CSV files into rows the way the CSV reader gives them."""

from __future__ import annotations

import csv
import io
from pathlib import Path


def csv_rows(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    """The rows of a CSV file as dicts keyed by its header."""
    text = path.read_bytes().decode(encoding)
    return list(csv.DictReader(io.StringIO(text, newline="")))
