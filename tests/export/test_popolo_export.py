"""Popolo JSON: persons, organizations (groups), memberships and areas that refer to each other."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from whereas.cli import app


def test_popolo_people_groups_and_memberships(sample_store: str) -> None:
    result = CliRunner().invoke(app, ["export", "--format", "popolo", "--db", sample_store])
    assert result.exit_code == 0, result.output
    value = json.loads(result.stdout)
    persons = {p["id"]: p for p in value["persons"]}
    orgs = {o["id"]: o for o in value["organizations"]}
    areas = {a["id"] for a in value["areas"]}
    assert orgs["ep"]["classification"] == "legislature"
    assert orgs["EPP"]["classification"] == "political group"
    assert orgs["EPP"]["parent_id"] == "ep"
    for m in value["memberships"]:
        assert m["person_id"] in persons
        assert m["organization_id"] in orgs
        assert m.get("area_id") is None or m["area_id"] in areas
    weber = [p for p in persons.values() if p["name"].upper().endswith("WEBER")]
    assert weber, "Manfred Weber's history page is in the sample"
    mine = [m for m in value["memberships"] if m["person_id"] == weber[0]["id"]]
    assert {m["organization_id"] for m in mine} == {"EPP"}
    assert any(m.get("start_date") for m in mine)
    terms = value["meta"]["provenance"]["terms"]
    assert terms[0]["id"] == "ep-legal-notice"
