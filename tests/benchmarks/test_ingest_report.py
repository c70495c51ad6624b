"""bench/ingest.py's verdicts: judged on the largest step, every step shown; and the tables
rendered again from the figures a run kept (--rows, --from-rows)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bench import ingest
from bench.ingest import Row, _keep_rows, verdicts

PROJECT = Path(__file__).resolve().parents[2]


def _row(files: int, link_cpu_ms: float, link_mb: float) -> Row:
    """A scale run whose ingest is flat (20 ms CPU, 200 MB) and whose link_store is not."""
    return Row(
        corpus=f"scale {files:,}",
        files=files,
        scale=True,
        embed=False,
        workers=2,
        floor_s=files / 1000,
        floor_cpu_s=files / 1000,
        floor_par_s=files / 2000,
        reader_cpu_ms=3.0,
        ingest_s=files * 0.015,
        ingest_cpu_s=files * 0.020,
        stored=files,
        resolutions=files,
        clauses=files * 15,
        parent_mb=200.0,
        worker_mb=[170.0, 170.0],
        link_s=files * 0.012,
        link_cpu_s=files * link_cpu_ms / 1000,
        link_mb=link_mb,
        serve={
            "search_p50": 60.0,
            "search_p95": 100.0,
            "pages_p50": 20.0,
            "pages_p95": 50.0,
            "serve_mb": 174.0,
        },
    )


def _line(lines: list[str], start: str) -> str:
    return next(line for line in lines if line.startswith(start))


def test_a_cost_that_rises_then_stays_flat_is_linear() -> None:
    """link_store 7.5 -> 10.5 -> 10.6 ms: x1.40 from 1k to 10k (windows filling), flat beyond."""
    lines = verdicts([_row(1000, 7.5, 220.0), _row(10_000, 10.5, 240.0), _row(100_000, 10.6, 242)])
    steps = _line(lines, "- no step worse than linear")
    assert "from 10,000 to 100,000, the largest step" in steps and ": met)" in steps
    assert "(x1.40, x1.01 per 10x)" in steps  # every step shown
    assert ": met)" in _line(lines, "- memory flat")


def test_growth_at_the_largest_step_is_not_met() -> None:
    lines = verdicts([_row(1000, 7.5, 220.0), _row(10_000, 7.6, 220.0), _row(100_000, 10.0, 320)])
    assert ": not met)" in _line(lines, "- no step worse than linear")
    assert ": not met)" in _line(lines, "- memory flat")


def test_the_tables_render_again_from_the_kept_rows(tmp_path: Path) -> None:
    rows = [_row(1000, 7.5, 220.0), _row(10_000, 10.5, 240.0)]
    kept = tmp_path / "rows.json"
    _keep_rows(kept, rows, "Pages and API while an ingest writes: 0 errors.", [1000, 10_000])
    page = tmp_path / "page.md"
    page.write_text(f"before\n{ingest.BEGIN}\nold\n{ingest.END}\nafter\n", encoding="utf-8")
    script = PROJECT / "bench" / "ingest.py"
    command = [sys.executable, str(script), "--from-rows", str(kept), "--write", "--docs"]
    cache = tmp_path / "cache"
    environment = {**os.environ, "WHEREAS_BENCH_CACHE": str(cache)}
    subprocess.run(
        [*command, str(page)], check=True, capture_output=True, cwd=PROJECT, env=environment
    )
    assert not cache.exists()  # rendering generates no scale copies
    text = page.read_text(encoding="utf-8")
    assert text.startswith("before\n") and text.endswith("after\n") and "old" not in text
    assert (
        ingest.report(rows, "Pages and API while an ingest writes: 0 errors.", [1000, 10_000])[:200]
        in text
    )
    assert "| scale 10,000 | 10,000 |" in text


def test_link_store_is_shown_by_step() -> None:
    rows = [_row(1000, 7.5, 220.0), _row(10_000, 10.5, 240.0), _row(100_000, 10.6, 242)]
    for row, repeats in zip(rows, (5.0, 80.0, 1000.0), strict=True):
        row.link_steps = {"people": row.files * 0.002, "claims": 0.0, "repeats": repeats}
    line = _line(verdicts(rows), "- link_store by step")
    assert "people 2.00 -> 2.00 -> 2.00 (x1.00, x1.00)" in line
    assert "claims 0.00 -> 0.00 -> 0.00 (-, -)" in line
    assert "repeats 5.00 -> 8.00 -> 10.00 (x1.60, x1.25)" in line
    assert not any(x.startswith("- link_store by step") for x in verdicts(rows[:1]))
