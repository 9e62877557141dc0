"""What every endpoint shares: the problem shape, the OpenAPI description and offline /docs, CORS,
the map's files, the basemap and the situation report."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from apiclient import assert_problem, client_for
from thucydides.api import ApiSettings

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def test_unknown_paths_and_methods_are_problems(client: TestClient) -> None:
    assert "/docs" in str(assert_problem(client.get("/nowhere"), 404)["detail"])
    assert_problem(client.delete("/events"), 405)
    assert_problem(client.put("/documents", json={}), 405)


def test_the_report_is_the_brief_of_the_window_footnoted_and_self_contained(client: TestClient) -> None:
    page = client.get("/report", params={"date": "2016-12-10", "window": "7d"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Situation report" in page.text and "<sup" in page.text
    assert 'src="http' not in page.text and 'href="http' not in page.text  # opens offline
    markdown = client.get("/report", params={"date": "2016-12-10", "window": "7d", "format": "md"})
    assert markdown.headers["content-type"].startswith("text/markdown") and "[^1]" in markdown.text
    empty = client.get("/report", params={"date": "2001-01-01", "format": "md"})
    assert empty.status_code == 200
    assert_problem(client.get("/report", params={"date": "2016-12-10", "window": "9y"}), 400)
    assert_problem(client.get("/report", params={"date": "2016-12-10", "country": "Atlantis"}), 400)


def test_openapi_describes_every_endpoint_and_docs_are_offline(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/events", "/events/{event_id}", "/incidents", "/incidents/{incident_id}", "/control",
                 "/documents", "/documents/{document_id}", "/facets", "/basemap", "/report"):  # fmt: skip
        assert path in paths
    assert "post" in paths["/documents"]
    page = client.get("/docs")
    assert page.status_code == 200 and "openapi.json" in page.text
    assert "http://" not in page.text and "https://" not in page.text  # nothing from a CDN


def test_cors_is_off_unless_configured(client: TestClient, store_path: Path) -> None:
    origin = {"Origin": "https://elsewhere.example"}
    assert "access-control-allow-origin" not in client.get("/events", headers=origin).headers
    with client_for(store_path, ApiSettings(cors_origins=("https://elsewhere.example",))) as allowed:
        response = allowed.get("/events", headers=origin)
        assert response.headers["access-control-allow-origin"] == "https://elsewhere.example"


def test_the_map_page_and_its_vendored_library(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "/static/vendor/maplibre-gl/maplibre-gl.js" in page.text
    assert client.get("/static/vendor/maplibre-gl/maplibre-gl.js").status_code == 200
    assert "Redistribution" in client.get("/static/vendor/maplibre-gl/LICENSE.txt").text
    assert_problem(client.get("/static/nothing.js"), 404)


def test_basemap_from_the_reference_data(store_path: Path) -> None:
    if not DATA.is_dir():
        import pytest

        pytest.skip("reference data not found: set THUCYDIDES_DATA to a folder like ../shared/data")
    with client_for(store_path, ApiSettings(basemap_dir=DATA)) as client:
        layers = {layer["name"]: layer for layer in client.get("/basemap").json()["layers"]}
        assert layers["countries"]["available"] and "Natural Earth" in layers["countries"]["attribution"]
        countries = client.get("/basemap/countries.geojson").json()
        names = {feature["properties"]["name"] for feature in countries["features"]}
        assert {"Syria", "Turkey", "Iraq"} <= names
        governorates = client.get("/basemap/admin1.geojson").json()
        assert len(governorates["features"]) == 14
        assert_problem(client.get("/basemap/rivers.geojson"), 404, "not-found")


def test_a_missing_basemap_says_what_to_set(client: TestClient) -> None:
    assert client.get("/basemap").json()["layers"][0]["available"] is False
    body = assert_problem(client.get("/basemap/countries.geojson"), 404, "basemap-absent")
    assert "THUCYDIDES_DATA" in str(body["detail"])
