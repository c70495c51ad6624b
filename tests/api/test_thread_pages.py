"""The dossier, lineage, redline and vote charts as the API and the pages give them."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi.testclient import TestClient
from tests.api.site_store import ADOPTED, LATER_PROCEDURE, MOTION

PROCEDURE = "2025/2691(RSP)"


def data(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text[:300])
    return response.json()["data"]


def _document_id(client: TestClient, reference: str) -> str:
    documents = data(client, f"/api/lookup?ref={reference}")["documents"]
    return str(next(d["id"] for d in documents if d["format"] in ("html", "text")))


def test_dossier_api_download_and_page_agree(client: TestClient) -> None:
    dossier = data(client, "/api/countries/Russia")
    assert (dossier["code"], dossier["alpha_2"], dossier["name"]) == ("RUS", "RU", "Russia")
    assert [p["procedure"] for p in dossier["timeline"]] == [PROCEDURE, LATER_PROCEDURE]
    assert [p["date"] for p in dossier["timeline"]] == ["2025-05-08", "2026-05-07"]
    cells = {(c["theme"], c["year"]): c["demands"] for c in dossier["themes_by_year"]}
    assert cells[("children", 2025)] == cells[("children", 2026)] == 6
    strengthened = [r for r in dossier["repeated"] if r["labels"] == ["strengthened"]]
    assert len(dossier["repeated"]) >= 6 and len(strengthened) == 1
    assert (strengthened[0]["first"], strengthened[0]["latest"]) == ("2025-05-08", "2026-05-07")
    assert strengthened[0]["demands"][-1]["text"].endswith("without delay.")
    download = client.get("/countries/RU.json")
    assert download.json()["data"] == dossier
    rows = list(csv.DictReader(io.StringIO(client.get("/countries/Russia.csv").text)))
    assert len(rows) == sum(p["demands"] for p in dossier["timeline"])
    assert {r["procedure"] for r in rows} == {PROCEDURE, LATER_PROCEDURE}
    page = client.get("/countries/Russia").text
    assert page.count('class="cell level-') == len(dossier["themes_by_year"])
    assert "Demands made again and again" in page and "without delay." in page


def test_a_country_without_resolutions_still_has_its_title_coverage(client: TestClient) -> None:
    kazakhstan = data(client, "/api/countries/KZ")
    assert kazakhstan["timeline"] == [] and kazakhstan["repeated"] == []
    assert "2022/2505(RSP)" in {p["reference"] for p in kazakhstan["procedures"]}
    assert "No resolution text in the store" in client.get("/countries/Kazakhstan").text


def test_text_adopted_lineage_with_votes_on_its_clauses(client: TestClient) -> None:
    adopted = _document_id(client, ADOPTED)
    lineage = data(client, f"/api/documents/{adopted}/lineage?redline=true")
    assert lineage["changes"] == {"identical": 15, "new": 1}
    assert [d["kind"] for d in lineage["earlier"]] == ["joint_motion", "motion"]
    by_position = {c["position"]: c for c in lineage["clauses"]}
    reworded = next(c for c in lineage["clauses"] if c["origins"][1]["change"] == "reworded")
    assert reworded["origins"][1]["groups"] == ["SD"] and "redline" not in reworded
    document = data(client, f"/api/documents/{adopted}")
    votes = {c["label"]: [v["subject"] for v in c["votes"]] for c in document["clauses"]}
    assert votes["1"] == ["§ 1/1", "§ 1/2"]  # voted as § 1 of the joint motion
    assert votes["5"] == ["After § 4 - Am 1"]  # the paragraph that amendment inserted
    assert votes["4"] == [] and by_position
    page = client.get(f"/documents/{adopted}").text
    assert "added in plenary" in page and "tabled in" in page


def test_redline_fragment_with_htmx_and_page_without(client: TestClient) -> None:
    joint = _document_id(client, "RC-B10-0249/2025")
    lineage = data(client, f"/api/documents/{joint}/lineage?redline=true")
    changed = next(c for c in lineage["clauses"] if "redline" in c)
    ops = [run["op"] for run in changed["redline"]]
    assert set(ops) == {"=", "-", "+"}
    page = client.get(f"/documents/{joint}").text
    url = f"/documents/{joint}/redline/{changed['position']}?against="
    assert f'href="{url}' in page and f'hx-get="{url}' in page
    full = client.get(url + changed["origins"][0]["document"])
    fragment = client.get(url + changed["origins"][0]["document"], headers={"HX-Request": "true"})
    assert "<html" in full.text and "<html" not in fragment.text
    assert "<del>account.</del>" in fragment.text and "<ins>" in fragment.text
    assert client.get(f"/documents/{joint}/redline/999").status_code == 404


def test_procedure_lineage_summary_and_charts_by_group_and_country(client: TestClient) -> None:
    procedure = data(client, f"/api/procedures/{PROCEDURE}")
    lineage = procedure["lineage"]
    assert lineage["final"]["reference"] == ADOPTED
    (motion,) = lineage["motions"]
    assert (motion["reference"], motion["groups"], motion["kept"], motion["clauses"]) == (
        MOTION,
        ["SD"],
        11,
        12,
    )
    assert [a["subject"] for a in lineage["added_in_plenary"]] == ["After § 4 - Am 1"]
    page = client.get(f"/procedures/{PROCEDURE}").text
    assert "Lineage into the text adopted" in page and "92%" in page
    chart = client.get("/procedures/2024/2758(RPS)").text
    assert 'id="chart-group"' in chart and 'id="chart-country"' in chart
    assert chart.count('<a href="/countries/') >= 20
