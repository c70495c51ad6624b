"""Lists as CSV or JSON downloads."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from fastapi.responses import Response

from whereas.api.deps import provenance

FORMATS = ("csv", "json")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def json_download(data: Any, name: str) -> Response:
    """`data` as a JSON file with provenance: the API's answer, saved."""
    body = json.dumps({"data": data, "provenance": provenance()}, ensure_ascii=False, indent=1)
    disposition = {"Content-Disposition": f'attachment; filename="{name}.json"'}
    return Response(body, media_type="application/json", headers=disposition)


def download(rows: list[dict[str, Any]], name: str, fmt: str) -> Response:
    """`rows` as a CSV file (one column per key) or a JSON document with provenance."""
    disposition = {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'}
    if fmt == "json":
        body = json.dumps({"data": rows, "provenance": provenance()}, ensure_ascii=False, indent=1)
        return Response(body, media_type="application/json", headers=disposition)
    out = io.StringIO()
    columns = list(dict.fromkeys(key for row in rows for key in row))
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=disposition)
