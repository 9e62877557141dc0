"""GET /incidents, /incidents/{id} and /control."""

from __future__ import annotations

from fastapi.testclient import TestClient

from apiclient import assert_problem


def test_incidents_by_date_with_every_source(client: TestClient) -> None:
    body = client.get("/incidents").json()
    assert body["count"] == 3
    first = body["incidents"][0]
    assert first["sources"] == ["Fars News Agency", "Syrian Observatory for Human Rights"]
    assert (first["fatalities_low"], first["fatalities_high"]) == (2, 7)
    assert first["independent_sources"] == 2


def test_incident_filters_and_pages(client: TestClient) -> None:
    def count(**params: object) -> int:
        return int(client.get("/incidents", params=params).json()["count"])

    assert count(min_sources=2) == 1
    assert count(date_from="2016-12-09") == 2
    assert count(type="Air/drone strike") == 1
    page = client.get("/incidents", params={"limit": 2}).json()
    rest = client.get("/incidents", params={"limit": 2, "cursor": page["next_cursor"]}).json()
    assert len({i["incident_id"] for i in page["incidents"] + rest["incidents"]}) == 3
    assert rest["next_cursor"] is None
    geojson = client.get("/incidents", params={"format": "geojson", "admin1": "Homs"}).json()
    assert geojson["features"][0]["geometry"]["coordinates"] == [38.27, 34.56]


def test_one_incident_tells_each_source_with_its_evidence(client: TestClient) -> None:
    incident_id = client.get("/incidents", params={"min_sources": 2}).json()["incidents"][0]["incident_id"]
    body = client.get(f"/incidents/{incident_id}").json()["incident"]
    tellings = {r["source"]: r for r in body["reports"]}
    assert tellings["Fars News Agency"]["fatalities"] == 2
    assert tellings["Syrian Observatory for Human Rights"]["fatalities"] == 7
    assert tellings["Fars News Agency"]["evidence"][0]["text"] == (
        "Army units regained full control of the Sheikh Saeed district"
    )
    assert tellings["Fars News Agency"]["document"].startswith("/documents/sha256:")
    assert body["disagreements"] == [
        "fatalities: Fars News Agency: 2; Syrian Observatory for Human Rights: 7"
    ]


def test_unknown_incident_is_a_404_problem(client: TestClient) -> None:
    assert_problem(client.get("/incidents/inc-0"), 404, "not-found")


def test_control_by_date_and_by_place(client: TestClient) -> None:
    body = client.get("/control", params={"date": "2016-12-09"}).json()
    assert [(c["location"], c["controller"]) for c in body["changes"]] == [
        ("Ash Shaykh Sa'id", "Military Forces of Syria")
    ]
    by_place = client.get("/control", params={"place": "Sheikh Saeed"}).json()
    assert by_place["changes"][0]["sources"] == ["Fars News Agency", "Syrian Observatory for Human Rights"]
    geojson = client.get("/control", params={"date": "2016-12-09", "format": "geojson"}).json()
    assert geojson["features"][0]["properties"]["controller"] == "Military Forces of Syria"
    assert client.get("/control", params={"date": "2016-12-07"}).json()["changes"] == []


def test_control_problems(client: TestClient) -> None:
    assert_problem(client.get("/control"), 400, "bad-parameter")
    assert_problem(client.get("/control", params={"place": "Atlantis"}), 404, "not-found")
    detail = assert_problem(
        client.get("/control", params={"place": "Sheikh Saeed", "date": "2016-12-01"}), 404, "not-found"
    )["detail"]
    assert "2016-12-08" in str(detail)  # says when the first change is
