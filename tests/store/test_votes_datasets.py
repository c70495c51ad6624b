"""The term-9 record from the community datasets as procedure votes; malformed vote lists kept in
part, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from sqlalchemy import select

from whereas.export.json_export import build_export
from whereas.ingest import ingest_paths
from whereas.store import Store, schema

RCV = "howtheyvote/rcv_list_pv-10-2024-09-18-rcv-en.xml"


def _tallies(export: dict[str, Any], procedure: str) -> set[tuple[Any, ...]]:
    found = next(p for p in export["procedures"] if p["reference"] == procedure)
    return {
        (v["date"], v["for"], v["against"], v["abstentions"], v["roll_call"], v["official"])
        for v in found["votes"]
    }


def _kazakhstan_rows(corpus: Path, folder: Path) -> Path:
    """The rows of item_rollcall.csv on the two Kazakhstan texts (the whole file is benched)."""
    with (corpus / "parlparse/item_rollcall.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        wanted = {"RC-B9-0144/2021", "B9-0144/2021", "B9-0065/2022"}
        rows = [r for r in reader if r["report"].strip() in wanted]
        columns = list(reader.fieldnames or [])
    path = folder / "item_rollcall_kazakhstan.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_kazakhstan_final_votes_from_item_rollcall(
    database_url: str, corpus: Path, tmp_path: Path
) -> None:
    store = Store.open(database_url)
    paths = [corpus / "parlparse/text_tabled.csv", _kazakhstan_rows(corpus, tmp_path)]
    assert [r.status for r in ingest_paths(store, paths)] == ["added", "added"]
    with store.session() as s:
        export = build_export(s)
    assert ("2021-02-11", 598, 43, 52, True, True) in _tallies(export, "2021/2544(RSP)")
    assert ("2022-01-20", 589, 35, 47, True, True) in _tallies(export, "2022/2505(RSP)")
    store.close()


def test_malformed_vote_lists_are_reported_and_the_rest_kept(
    database_url: str, corpus: Path, tmp_path: Path
) -> None:
    good = (corpus / RCV).read_bytes()
    # A stated total the lists do not hold (516 for becomes 517) and a list cut in the middle.
    (tmp_path / "bad-totals.xml").write_bytes(good.replace(b'Number="516"', b'Number="517"', 1))
    (tmp_path / "truncated.xml").write_bytes(good[: len(good) // 2])
    store = Store.open(database_url)
    results = ingest_paths(store, [tmp_path / "bad-totals.xml", tmp_path / "truncated.xml"])
    assert all(r.status in {"added", "rejected"} for r in results)
    bad = results[0]
    assert bad.status == "added"
    assert any("totals 517/129/27 but the lists hold 516/129/27" in w for w in bad.warnings)
    with store.session() as s:
        votes = list(
            s.scalars(select(schema.Vote).where(schema.Vote.document_id == bad.document_id))
        )
        assert [v.flags for v in votes] == [["totals_mismatch"], []]
        assert votes[0].for_ == 517  # the stated total is kept as stated, not corrected
    truncated = results[1]
    assert truncated.status == "rejected" or truncated.warnings
    store.close()
