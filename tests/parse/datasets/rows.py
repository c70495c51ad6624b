"""Read corpus CSV and JSON files as the readers give them (rows as dicts, JSON values)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any


def csv_rows(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    """The rows of a CSV file as dicts keyed by its header."""
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode(encoding), newline="")))


def json_value(path: Path) -> Any:
    """The value of a JSON file."""
    return json.loads(path.read_text("utf-8"))
