"""bench/link_steps.py times every step of link_store, in order, on a copy of a store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from whereas.ingest import ingest_paths
from whereas.store import Store

PROJECT = Path(__file__).resolve().parents[2]
FILES = (
    "howtheyvote/document_rc-10-2025-0249-en.html",
    "howtheyvote/vot-list_pv-10-2025-05-08-vot-en.xml",
)


def test_every_step_is_timed_in_order_and_the_store_left_as_it_was(
    corpus: Path, tmp_path: Path
) -> None:
    path = tmp_path / "store.db"
    store = Store.open(f"sqlite:///{path}")
    ingest_paths(store, [corpus / f for f in FILES])
    store.close()
    before = path.read_bytes()
    script = [sys.executable, str(PROJECT / "bench" / "link_steps.py"), str(path), "--json"]
    done = subprocess.run(script, check=True, capture_output=True, text=True, cwd=PROJECT)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["documents"] == 2
    steps = result["steps"]
    names = ["people", "reports", "claims", "citations", "lineage", "repeats", "commit", "fold"]
    assert list(steps) == names
    assert all(s["cpu_s"] >= 0 and s["peak_mb"] > 0 for s in steps.values())
    assert all(s["user_s"] + s["system_s"] <= s["cpu_s"] + 0.05 for s in steps.values())
    assert path.read_bytes() == before  # linked a copy
