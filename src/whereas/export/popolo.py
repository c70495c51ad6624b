"""People, political groups and memberships as Popolo JSON (persons, organizations,
memberships, areas), the shape civic-tech tools such as EveryPolitician read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from whereas.export.json_export import build_export
from whereas.export.terms import provenance
from whereas.vocabularies.countries import country
from whereas.vocabularies.groups import all_groups

PARLIAMENT = "ep"
MEP_PAGE = "https://www.europarl.europa.eu/meps/en/{id}"


def _iso(value: object) -> str | None:
    return value.isoformat() if value is not None and hasattr(value, "isoformat") else None


def _organizations(codes: set[str]) -> list[dict[str, Any]]:
    """The Parliament, then every group of the vocabulary and any other code members carry."""
    known = {g.code: g for g in all_groups()}
    orgs: list[dict[str, Any]] = [
        {"id": PARLIAMENT, "name": "European Parliament", "classification": "legislature"}
    ]
    for code in sorted(set(known) | codes):
        group = known.get(code)
        org: dict[str, Any] = {
            "id": code,
            "name": group.label if group else code,
            "classification": "political group",
            "parent_id": PARLIAMENT,
            "identifiers": [{"scheme": "whereas-group-code", "identifier": code}],
        }
        if group and group.start:
            org["founding_date"] = _iso(group.start)
        if group and group.end:
            org["dissolution_date"] = _iso(group.end)
        orgs.append(org)
    return orgs


def _person(p: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": p["id"],
        "name": p["name"],
        "identifiers": [{"scheme": "europarl-mep-id", "identifier": p["id"]}],
        "links": [{"url": MEP_PAGE.format(id=p["id"]), "note": "MEP page on europarl.europa.eu"}],
    }


def _memberships(p: Mapping[str, Any]) -> list[dict[str, Any]]:
    out = []
    for m in p["groups"]:
        membership: dict[str, Any] = {
            "person_id": p["id"],
            "organization_id": m["group"],
            "role": "member",
        }
        if p.get("country"):
            membership["area_id"] = p["country"]
        if m["from"]:
            membership["start_date"] = m["from"]
        if m["to"]:
            membership["end_date"] = m["to"]
        out.append(membership)
    return out


def _areas(codes: set[str]) -> list[dict[str, Any]]:
    areas = []
    for code in sorted(codes):
        found = country(code)
        areas.append(
            {"id": code, "name": found.label if found else code, "classification": "country"}
        )
    return areas


def popolo(value: Mapping[str, Any]) -> dict[str, Any]:
    """The Popolo document of an export value's people."""
    people = value["people"]
    memberships = [m for p in people for m in _memberships(p)]
    return {
        "persons": [_person(p) for p in people],
        "organizations": _organizations({m["organization_id"] for m in memberships}),
        "memberships": memberships,
        "areas": _areas({p["country"] for p in people if p.get("country")}),
        "meta": {"provenance": provenance(value["documents"])},
    }


def popolo_json(session: Session, *, indent: int | None = None) -> str:
    """The store's people, groups and memberships as Popolo JSON text."""
    text = json.dumps(popolo(build_export(session)), ensure_ascii=False, indent=indent)
    return text + "\n"
