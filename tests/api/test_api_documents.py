"""GET /documents/{id} (evidence marked) and POST /documents (token, ingest, limits)."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi.testclient import TestClient

from apiclient import TOKEN, assert_problem

AUTH = {"Authorization": f"Bearer {TOKEN}"}
REPORT = {
    "text": "Government forces retook the village of Tal Sabeen north of Hama on Monday, state media said.",
    "source": "SANA",
    "published": "2016-12-12",
}


def test_document_text_with_the_evidence_marked(client: TestClient) -> None:
    document_id = client.get("/events/reuters-1").json()["event"]["document_id"]
    body = client.get(f"/documents/{document_id}").json()
    assert body["source"] == "Reuters" and body["published"] == "2016-12-09"
    assert "".join(piece["text"] for piece in body["segments"]) == body["text"]
    marked = [piece for piece in body["segments"] if piece["event_ids"]]
    assert [(piece["text"], piece["event_ids"]) for piece in marked] == [
        ("Russian jets struck positions near the ancient city of Palmyra", ["reuters-1"])
    ]
    assert body["evidence"] == [{"event_id": "reuters-1", "start": 0, "end": len(marked[0]["text"])}]


def test_unknown_document_is_a_404_problem(client: TestClient) -> None:
    assert_problem(client.get("/documents/sha256:00"), 404, "not-found")


def test_without_a_token_configured_the_api_is_read_only(client: TestClient) -> None:
    body = assert_problem(client.post("/documents", json=REPORT, headers=AUTH), 403, "read-only")
    assert "THUCYDIDES_API_TOKEN" in str(body["detail"])


def test_writes_need_the_right_token(writer: TestClient) -> None:
    response = writer.post("/documents", json=REPORT)
    assert_problem(response, 401, "unauthorized")
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert_problem(writer.post("/documents", json=REPORT, headers={"Authorization": "Bearer nope"}), 401)
    assert_problem(writer.post("/documents", json=REPORT, headers={"Authorization": f"Basic {TOKEN}"}), 401)


def test_a_posted_report_is_ingested_stored_and_fused(writer: TestClient) -> None:
    response = writer.post("/documents", json=REPORT, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    [document] = body["documents"]
    assert document["status"] == "new"
    [record] = body["events"]
    assert record["source"] == "SANA" and record["event_date"] == "2016-12-12"
    assert record["incident_id"] is not None  # fused on the way in
    stored = writer.get(f"/documents/{document['document_id']}").json()
    assert stored["text"] == REPORT["text"]
    assert writer.get(f"/events/{record['event_id']}").status_code == 200
    again = writer.post("/documents", json=REPORT, headers=AUTH)
    assert again.status_code == 200 and again.json()["documents"][0]["status"] == "duplicate"


def test_html_is_read_through_the_html_reader(writer: TestClient) -> None:
    page = (
        "<html><head><title>Hama</title></head><body><nav>Home | World</nav><article><p>"
        + REPORT["text"]
        + " Residents said the shelling went on for hours.</p></article></body></html>"
    )
    response = writer.post("/documents", json={"html": page, "source": "SANA"}, headers=AUTH)
    assert response.status_code == 201, response.text
    document_id = response.json()["documents"][0]["document_id"]
    assert "Home | World" not in writer.get(f"/documents/{document_id}").json()["text"]


def test_an_unreadable_report_is_a_422_problem_with_its_problems(writer: TestClient) -> None:
    body = assert_problem(writer.post("/documents", json={"text": "Too short."}, headers=AUTH), 422, "ingest")
    [problem] = body["problems"]  # type: ignore[misc]
    assert problem["kind"] == "EmptyInputError"


def test_a_body_must_give_exactly_one_report(writer: TestClient) -> None:
    assert_problem(writer.post("/documents", json={"source": "SANA"}, headers=AUTH), 422, "validation")
    both = {"text": REPORT["text"], "url": "https://example.org/a"}
    assert_problem(writer.post("/documents", json=both, headers=AUTH), 422, "validation")
    assert_problem(writer.post("/documents", json={"url": "file:///etc/passwd"}, headers=AUTH), 422)
    assert_problem(writer.post("/documents", json={**REPORT, "colour": "red"}, headers=AUTH), 422)
    assert_problem(writer.post("/documents", content=b"{not json", headers=AUTH), 422, "validation")


def test_oversize_bodies_are_refused_before_reading(writer: TestClient) -> None:
    big = {**REPORT, "text": "x" * 60_000}  # the writer's limit is 50,000 bytes
    body = assert_problem(writer.post("/documents", json=big, headers=AUTH), 413, "too-large")
    assert "THUCYDIDES_API_MAX_BODY" in str(body["detail"])

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(60):
            yield b"y" * 1000
        yield b'"}'

    assert_problem(writer.post("/documents", content=chunks(), headers=AUTH), 413, "too-large")
