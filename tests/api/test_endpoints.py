"""Every API endpoint on the corpus store: the data a user asks for, with its provenance."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

JOINT_MOTION = "RC-B10-0249/2025"
PROCEDURE = "2025/2691(RSP)"


def data(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text[:300])
    body = response.json()
    assert "European Parliament" in body["provenance"]["notice"]
    assert body["provenance"]["terms"].startswith("https://www.europarl.europa.eu/")
    return body["data"]


def test_index_and_stats(client: TestClient) -> None:
    assert "/api/search?q=" in data(client, "/api/")["endpoints"]
    stats = data(client, "/api/stats")
    assert stats["documents"] >= 30
    assert stats["documents_by_kind"]["joint_motion"] >= 1


def test_procedures_are_paginated(client: TestClient) -> None:
    first = data(client, "/api/procedures?limit=2")
    second = data(client, "/api/procedures?limit=2&offset=2")
    assert len(first["items"]) == 2 and first["next_offset"] == 2
    assert first["total"] == second["total"] > 4
    assert {p["reference"] for p in first["items"]}.isdisjoint(
        p["reference"] for p in second["items"]
    )
    assert data(client, "/api/procedures?type=REG")["items"][0]["type"] == "REG"


def test_procedure_with_slash_in_its_reference(client: TestClient) -> None:
    procedure = data(client, f"/api/procedures/{PROCEDURE}")
    assert procedure["reference"] == PROCEDURE
    assert procedure["title"].startswith("on the return of Ukrainian children")
    assert procedure["legal_basis"] == "Rules 150(5) and 136(4)"
    final = procedure["final_vote"]
    assert (final["for"], final["against"], final["abstentions"]) == (516, 3, 34)
    assert {t["mark"] for t in procedure["tallies"]} >= {"record"}
    assert any(link["url"].startswith("https://oeil") for link in procedure["links"])
    assert procedure["timeline"]


def test_document_with_clauses_and_clause_votes(client: TestClient) -> None:
    found = data(client, f"/api/lookup?ref={JOINT_MOTION}")
    assert found["type"] == "documents"
    english = next(d for d in found["documents"] if d["language"] == "en" and d["format"] == "html")
    document = data(client, f"/api/documents/{english['id']}")
    labels = [c["label"] for c in document["clauses"] if c["kind"] != "citation"]
    assert labels[:3] == ["A", "B", "C"] and labels[-1] == "9"
    paragraph_1 = next(c for c in document["clauses"] if c["label"] == "1")
    assert {v["subject"] for v in paragraph_1["votes"]} == {"§ 1/1", "§ 1/2"}
    assert document["source"]["sha256"] == english["id"]
    clauses = data(client, f"/api/documents/{english['id'][:12]}/clauses")
    assert len(clauses["items"]) == len(document["clauses"])


def test_lookup_of_a_procedure_in_another_form(client: TestClient) -> None:
    found = data(client, "/api/lookup?ref=2025/2691(RSP)")
    assert found == {**found, "type": "procedure", "api": f"/api/procedures/{PROCEDURE}"}


def test_documents_list_filters_by_kind(client: TestClient) -> None:
    listing = data(client, "/api/documents?kind=press_release&limit=50")
    assert listing["items"] and {d["kind"] for d in listing["items"]} == {"press_release"}


def test_votes_and_one_roll_call_with_members(client: TestClient) -> None:
    listing = data(client, f"/api/votes?reference={JOINT_MOTION}&official=true")
    assert listing["total"] >= 5
    roll_call = data(client, "/api/votes?reference=A9-0163/2024&limit=500")["items"]
    with_members = next(
        v for v in roll_call if v["roll_call"] and data(client, f"/api/votes/{v['id']}")["members"]
    )
    vote = data(client, f"/api/votes/{with_members['id']}")
    groups = {row["key"] for row in vote["breakdown"]["by_group"]}
    assert "EPP" in groups


def test_meps_groups_and_a_country(client: TestClient) -> None:
    meps = data(client, "/api/meps?limit=5")
    assert meps["total"] > 100 and len(meps["items"]) == 5
    mep = data(client, f"/api/meps/{meps['items'][0]['id']}")
    assert mep["name"] == meps["items"][0]["name"]
    groups = data(client, "/api/groups")["items"]
    assert "EPP" in {g["code"] for g in groups}
    epp = data(client, "/api/groups/EPP")
    assert epp["label"] and 0 <= (epp["mean_agreement"] or 0) <= 1
    kazakhstan = data(client, "/api/countries/Kazakhstan")
    assert kazakhstan["code"] == "KAZ"
    assert "2022/2505(RSP)" in {p["reference"] for p in kazakhstan["procedures"]}
    georgia = data(client, "/api/countries/GE")
    assert {d["kind"] for d in georgia["documents"]} == {"press_release"}


def test_search_with_facets(client: TestClient) -> None:
    results = data(client, "/api/search?q=children&kind=joint_motion")
    assert results["total"] > 0
    assert set(results["facets"]["kind"]) == {"joint_motion"}
    direct = data(client, f"/api/search?q={JOINT_MOTION}")
    assert direct["direct"][0]["reference"] == JOINT_MOTION


def test_openapi_and_local_swagger_ui(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert "/api/procedures/{reference}" in spec["paths"]
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert "<script>" not in page.text and "http" not in page.text.replace("/api/openapi", "")
    for asset in ("/static/vendor/swagger-ui/swagger-ui-bundle.js", "/static/swagger-init.js"):
        assert client.get(asset).status_code == 200
