"""GET /events, /events/{id} and /facets over the hand-built store."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from apiclient import assert_problem


def ids(client: TestClient, **params: object) -> list[str]:
    response = client.get("/events", params=params)
    assert response.status_code == 200, response.text
    return [record["event_id"] for record in response.json()["events"]]


def test_every_event_by_date_then_id(client: TestClient) -> None:
    body = client.get("/events").json()
    assert [r["event_id"] for r in body["events"]] == ["fars-1", "sohr-1", "reuters-1", "sohr-2"]
    assert body["count"] == 4 and body["next_cursor"] is None and body["next"] is None


def test_the_cli_filters(client: TestClient) -> None:
    assert ids(client, date_from="2016-12-09") == ["reuters-1", "sohr-2"]
    assert ids(client, date_to="2016-12-08") == ["fars-1", "sohr-1"]
    assert ids(client, type="air/drone strike") == ["reuters-1"]
    assert ids(client, type="Battles", admin1="idlib") == ["sohr-2"]
    assert ids(client, actor="russia") == ["reuters-1"]
    assert ids(client, source="observatory") == ["sohr-1", "sohr-2"]
    assert ids(client, country="Syria", date_from="2016-12-10", date_to="2016-12-10") == ["sohr-2"]


def test_bbox_free_text_and_min_sources(client: TestClient) -> None:
    assert ids(client, bbox="37,36,38,37") == ["fars-1", "sohr-1"]  # Aleppo
    assert ids(client, bbox="38,34,39,35") == ["reuters-1"]  # Palmyra
    assert ids(client, q="SARAQIB") == ["sohr-2"]  # found in the record's place, any case
    assert ids(client, q="defence ministry") == []  # words of the report, not of the record
    assert ids(client, q="Ministry of Defence") == ["reuters-1"]  # the claimant, in the record
    assert ids(client, min_sources=2) == ["fars-1", "sohr-1"]  # their incident has two sources
    assert ids(client, min_sources=1) == ["fars-1", "sohr-1", "reuters-1", "sohr-2"]


def test_cursor_pages_cover_everything_once(client: TestClient) -> None:
    seen: list[str] = []
    params: dict[str, object] = {"limit": 3}
    while True:
        response = client.get("/events", params=params)
        body = response.json()
        seen += [r["event_id"] for r in body["events"]]
        if body["next_cursor"] is None:
            assert "link" not in response.headers
            break
        assert response.headers["link"] == f'<{body["next"]}>; rel="next"'
        params = {"limit": 3, "cursor": body["next_cursor"]}
    assert seen == ["fars-1", "sohr-1", "reuters-1", "sohr-2"]


def test_geojson_and_csv_reuse_the_exports(client: TestClient) -> None:
    response = client.get("/events", params={"format": "geojson", "admin1": "Homs"})
    assert response.headers["content-type"] == "application/geo+json"
    feature = response.json()["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [38.27, 34.56]}
    assert feature["properties"]["event_id"] == "reuters-1"
    response = client.get("/events", params={"format": "csv", "limit": 2})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["event_id"] for row in rows] == ["fars-1", "sohr-1"]
    assert 'rel="next"' in response.headers["link"]


def test_one_event_with_its_evidence(client: TestClient) -> None:
    body = client.get("/events/reuters-1").json()
    assert body["event"]["claimed_by"] == "Ministry of Defence of Russia"
    [evidence] = body["evidence"]
    assert evidence["text"] == "Russian jets struck positions near the ancient city of Palmyra"
    assert evidence["document"] == f"/documents/{body['event']['document_id']}"
    assert body["report"]["source"] == "Reuters" and body["report"]["published"] == "2016-12-09"
    assert body["incident"].startswith("/incidents/inc-")


def test_unknown_event_is_a_404_problem(client: TestClient) -> None:
    body = assert_problem(client.get("/events/nope"), 404, "not-found")
    assert "GET /events" in str(body["detail"])


def test_bad_filters_are_400_or_422_problems(client: TestClient) -> None:
    detail = assert_problem(client.get("/events", params={"type": "Battle"}), 400, "bad-parameter")["detail"]
    assert "'Battles'" in str(detail)  # the nearest valid value
    assert_problem(client.get("/events", params={"country": "Narnia"}), 400, "bad-parameter")
    assert_problem(client.get("/events", params={"bbox": "1,2,3"}), 400, "bad-parameter")
    assert_problem(client.get("/events", params={"bbox": "1,50,3,40"}), 400, "bad-parameter")
    assert_problem(client.get("/events", params={"bbox": "200,0,210,10"}), 400, "bad-parameter")
    assert_problem(client.get("/events", params={"cursor": "not-a-cursor"}), 400, "bad-cursor")
    assert_problem(client.get("/events", params={"limit": 100_000}), 400, "bad-parameter")
    body = assert_problem(client.get("/events", params={"date_from": "2016-13-01"}), 422, "validation")
    assert body["errors"][0]["location"] == ["query", "date_from"]  # type: ignore[index]
    assert_problem(client.get("/events", params={"format": "xml"}), 422, "validation")
    assert_problem(client.get("/events", params={"min_sources": 0}), 422, "validation")


def test_facets_list_what_the_filters_take(client: TestClient) -> None:
    body = client.get("/facets").json()
    assert body["date_min"] == "2016-12-08" and body["date_max"] == "2016-12-10"
    assert body["sources"] == ["Fars News Agency", "Reuters", "Syrian Observatory for Human Rights"]
    assert body["admin1"] == ["Aleppo", "Homs", "Idlib"]
