"""``GET /events`` (filtered, paged, as JSON, GeoJSON or CSV), ``GET /events/{id}`` and ``GET /facets``."""

from __future__ import annotations

import datetime as dt
import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from thucydides.api.problems import ApiProblem
from thucydides.api.reading import (
    check_stored_country,
    decode_cursor,
    next_page,
    page_size,
    parse_bbox,
    store_of,
)
from thucydides.record import event_to_record
from thucydides.report.exports import write_csv, write_geojson
from thucydides.store import EventFilter
from thucydides.store.pages import EventQuery
from thucydides.store.values import check_type

router = APIRouter(tags=["events"])

EventFormat = Literal["json", "geojson", "csv"]


@router.get("/events", summary="Stored events, filtered and paged")
async def list_events(
    request: Request,
    date_from: Annotated[dt.date | None, Query(description="First event date, YYYY-MM-DD.")] = None,
    date_to: Annotated[dt.date | None, Query(description="Last event date, YYYY-MM-DD.")] = None,
    country: Annotated[str | None, Query(max_length=100, description="e.g. Syria")] = None,
    admin1: Annotated[str | None, Query(max_length=100, description="e.g. Aleppo")] = None,
    type: Annotated[
        str | None, Query(max_length=100, description="Event or sub-event type, e.g. Battles.")
    ] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Part of an actor's name.")] = None,
    source: Annotated[str | None, Query(max_length=200, description="Part of the outlet's name.")] = None,
    document_id: Annotated[str | None, Query(max_length=100)] = None,
    bbox: Annotated[
        str | None, Query(max_length=200, description="WEST,SOUTH,EAST,NORTH in degrees.")
    ] = None,
    q: Annotated[
        str | None, Query(min_length=1, max_length=200, description="Free text found anywhere in the record.")
    ] = None,
    min_sources: Annotated[
        int | None, Query(ge=1, le=1000, description="At least this many independent sources.")
    ] = None,
    cursor: Annotated[
        str | None, Query(max_length=1000, description="next_cursor of the page before.")
    ] = None,
    limit: Annotated[int | None, Query(ge=1, description="Events per page (default 100).")] = None,
    format: Annotated[EventFormat, Query(description="json, geojson or csv.")] = "json",
) -> Response:
    """Events passing every filter given, by date then id (undated last), one page at a time.

    The next page is at ``next_cursor`` (JSON) and in the ``Link`` header (every format).
    Example: ``/events?country=Syria&date_from=2016-12-08&date_to=2016-12-08&format=geojson``
    """
    settings = request.app.state.settings
    size = page_size(limit, settings.page_size, settings.max_page_size)
    check_type(type)
    query = EventQuery(
        filter=EventFilter(
            date_from=date_from,
            date_to=date_to,
            country=country,
            admin1=admin1,
            type=type,
            actor=actor,
            source=source,
            document_id=document_id,
        ),
        bbox=parse_bbox(bbox),
        text=q,
        min_sources=min_sources,
    )
    after = decode_cursor(cursor)
    with store_of(request) as store:
        check_stored_country(store, country)
        page = store.event_page(query, after=after, limit=size)
    token, link, headers = next_page(request, page.next)
    if format == "geojson":
        out = io.StringIO()
        write_geojson(page.events, out)  # the exports' writers take typed events
        return Response(out.getvalue(), media_type="application/geo+json", headers=headers)
    if format == "csv":
        out = io.StringIO()
        write_csv(page.events, out)
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    body = {
        "events": page.records,
        "count": len(page.records),
        "next_cursor": token,
        "next": link,
    }
    return JSONResponse(body, headers=headers)


@router.get("/events/{event_id}", summary="One event with its evidence")
async def get_event(
    request: Request, event_id: Annotated[str, Path(max_length=200, description="The record's event_id.")]
) -> dict[str, Any]:
    """The event record, each evidence span with its report's metadata, and its incident's id."""
    with store_of(request) as store:
        event = store.event(event_id)
        if event is None:
            raise ApiProblem(
                404,
                "not-found",
                f"No event {event_id!r} is stored. Find event ids with GET /events.",
            )
        document = store.document(event.document_id, evidence=False)
    return {
        "event": event_to_record(event),
        "evidence": [
            {
                "document_id": ev.document_id,
                "start": ev.start,
                "end": ev.end,
                "text": ev.text,
                "document": f"/documents/{ev.document_id}",
            }
            for ev in event.evidence
        ],
        "report": None
        if document is None
        else {
            "document_id": document.id,
            "title": document.title,
            "source": document.source,
            "url": document.url,
            "published": document.published.isoformat() if document.published else None,
        },
        "incident": f"/incidents/{event.incident_id}" if event.incident_id else None,
    }


@router.get("/facets", summary="What the filters can take")
def get_facets(request: Request) -> dict[str, Any]:
    """The stored events' date range and their distinct types, outlets, governorates and countries."""
    with store_of(request) as store:
        return store.facets()
