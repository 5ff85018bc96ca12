"""The read-only JSON API and its OpenAPI description."""
import re

import pytest


def get_json(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.status_code)
    assert response.mimetype == "application/json"
    return response.get_json()


def test_programme(client):
    data = get_json(client, "/api/v1/programme")
    assert data["code"] == "UPSKILL" and data["revision"] == "0.9" and data["eqf_level"] == 4
    assert [m["code"] for m in data["modules"]] == ["M01", "M02"]
    assert data["modules"][0]["hours"] == {"theory": 10, "school_practice": 12, "work_based": 20}


def test_module_lists_its_items_in_order(client):
    data = get_json(client, "/api/v1/modules/M01?lang=lt")
    assert data["title"] == "Pirmieji žingsniai prie mašinos" and data["fallback"] is False
    assert [i["code"] for i in data["items"]] == ["M01.L1", "M01.L2", "M01.T1", "M01.Q", "M01.W1"]
    assert data["items"][0]["title"] == "Bunkeris"


def test_item_falls_back_to_english_and_says_so(client):
    data = get_json(client, "/api/v1/items/M01.L2?lang=fr")
    assert data["lang"] == "en" and data["fallback"] is True
    assert data["facts"] == {"duration": 90}
    assert "plan" not in data["content"]


def test_item_teacher_view_adds_the_plan(client):
    data = get_json(client, "/api/v1/items/M01.L1?view=teacher")
    assert [row["minutes"] for row in data["teacher"]["plan"]] == [10, 35]
    assert "Into the barrel" in data["teacher"]["html"]


def test_task_content_has_rubric(client):
    data = get_json(client, "/api/v1/items/M01.T1")
    assert data["content"]["rubric"]["levels"] == ["Not yet", "Competent", "Excellent"]
    assert data["facts"]["setting"] == "school"


def test_glossary(client):
    terms = get_json(client, "/api/v1/glossary")["terms"]
    assert [t["key"] for t in terms] == ["barrel", "hopper", "melt"]
    assert terms[0]["terms"]["fi"] == "sylinteri"


@pytest.mark.parametrize("path", ["/api/v1/modules/M9", "/api/v1/modules/M09", "/api/v1/items/M01.X1",
                                  "/api/v1/items/M01.L9", "/api/v1/nothing", "/api/v1/programme?lang=xx"])
def test_unknown_things_are_json_404s(client, path):
    data = get_json(client, path, status=404)
    assert data["status"] == 404 and data["error"] == "Not Found"


def test_api_refuses_writes(client):
    response = client.post("/api/v1/programme")
    assert response.status_code == 405
    assert response.get_json()["status"] == 405


def test_openapi_describes_every_api_route(client, synced_app):
    document = get_json(client, "/api/v1/openapi.json")
    assert document["openapi"].startswith("3.")
    documented = set(document["paths"])
    routes = {
        re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule.removeprefix("/api/v1"))
        for rule in synced_app.url_map.iter_rules()
        if rule.endpoint.startswith("api.")
    }
    assert routes == documented


def test_worksheet_item_gives_the_sheet_and_the_answers_only_for_teachers(client):
    data = get_json(client, "/api/v1/items/M01.W1")
    assert data["kind"] == "worksheet" and data["facts"]["used_by"] == ["M01.L1"]
    assert "Fill in the table" in data["html"] and "Moisture turns to steam" not in str(data)
    teacher = get_json(client, "/api/v1/items/M01.W1?view=teacher")
    assert "Moisture turns to steam" in teacher["teacher"]["html"]
