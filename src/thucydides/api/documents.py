"""``GET /documents/{id}`` (the clean text with its evidence marked) and ``POST /documents`` (ingest one)."""

from __future__ import annotations

import itertools
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import JSONResponse

from thucydides.api.auth import require_writer
from thucydides.api.ingest import NewReport, ReportIngester
from thucydides.api.problems import ApiProblem
from thucydides.api.reading import store_of
from thucydides.record import event_to_record
from thucydides.store.pages import EvidenceSpan

router = APIRouter(tags=["documents"])


@router.get("/documents/{document_id}", summary="A stored report with its evidence marked")
def get_document(
    request: Request, document_id: Annotated[str, Path(max_length=100, description="sha256:...")]
) -> dict[str, Any]:
    """The report's clean text and metadata; ``evidence`` lists each event's span, and ``segments``
    cuts the text at every span's edge so that a client can mark them without parsing HTML."""
    with store_of(request) as store:
        document = store.document(document_id)
    if document is None:
        raise ApiProblem(
            404,
            "not-found",
            f"No document {document_id!r} is stored. Document ids are in each event's document_id.",
        )
    return {
        "document_id": document.id,
        "input": document.input,
        "title": document.title,
        "source": document.source,
        "url": document.url,
        "published": document.published.isoformat() if document.published else None,
        "text": document.text,
        "evidence": [{"event_id": s.event_id, "start": s.start, "end": s.end} for s in document.evidence],
        "segments": segments(document.text, document.evidence),
    }


def segments(text: str, spans: list[EvidenceSpan]) -> list[dict[str, Any]]:
    """``text`` cut at every span's start and end; each piece lists the events whose evidence covers it."""
    edges = [edge for span in spans for edge in (span.start, span.end)]
    cuts = sorted({0, len(text), *(min(max(edge, 0), len(text)) for edge in edges)})
    pieces = []
    for start, end in itertools.pairwise(cuts):
        if start == end:
            continue
        covering = sorted({s.event_id for s in spans if s.start <= start and end <= s.end})
        pieces.append({"start": start, "end": end, "text": text[start:end], "event_ids": covering})
    return pieces


@router.post(
    "/documents",
    summary="Ingest one report (needs the write token)",
    dependencies=[Depends(require_writer)],
    status_code=201,
    responses={
        200: {"description": "The report was already stored."},
        401: {"description": "No token, or a wrong one."},
        403: {"description": "The API is read-only: no token is configured."},
        413: {"description": "The body is larger than the limit."},
        422: {"description": "The report could not be read (each problem says why)."},
    },
)
def post_document(request: Request, report: NewReport) -> JSONResponse:
    """Read the report (text, HTML or a URL the server fetches), extract its events, store and fuse
    them; answer with the events stored and any problem. A report already stored is not stored twice.

    Example: ``curl -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json'
    -d '{"text": "...", "source": "Fars News Agency", "published": "2016-12-08"}' http://127.0.0.1:8000/documents``
    """
    ingester: ReportIngester = request.app.state.ingester
    with store_of(request) as store:
        result = ingester(store, report)
    problems = [
        {"input": p.input, "stage": p.stage, "kind": p.kind, "message": p.message} for p in result.problems
    ]
    statuses = [outcome.status for outcome in result.outcomes]
    if statuses and all(status == "failed" for status in statuses):
        raise ApiProblem(
            422,
            "ingest",
            "; ".join(p["message"] for p in problems) or "The report could not be read.",
            extra={"problems": problems},
        )
    body = {
        "documents": [
            {"status": outcome.status, "document_id": outcome.document_id} for outcome in result.outcomes
        ],
        "events": [event_to_record(event) for event in result.events],
        "problems": problems,
    }
    return JSONResponse(body, status_code=201 if "new" in statuses else 200)
