"""``GET /incidents``, ``GET /incidents/{id}`` (every source's telling, with evidence), ``GET /control``."""

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
    store_of,
)
from thucydides.errors import ConfigError
from thucydides.fuse.control import control_query
from thucydides.record import control_to_record, incident_to_record
from thucydides.report.incidents import control_geojson, incidents_geojson
from thucydides.store import IncidentFilter
from thucydides.store.values import check_type

router = APIRouter(tags=["incidents"])


@router.get("/incidents", summary="Fused incidents, filtered and paged")
async def list_incidents(
    request: Request,
    date_from: Annotated[dt.date | None, Query(description="First date, YYYY-MM-DD.")] = None,
    date_to: Annotated[dt.date | None, Query(description="Last date, YYYY-MM-DD.")] = None,
    country: Annotated[str | None, Query(max_length=100)] = None,
    admin1: Annotated[str | None, Query(max_length=100)] = None,
    type: Annotated[str | None, Query(max_length=100, description="Event or sub-event type.")] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=1000)] = None,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
    format: Annotated[Literal["json", "geojson"], Query()] = "json",
) -> Response:
    """Incidents (one real event, every report of it) by date then id, one page at a time.

    Example: ``/incidents?date_from=2016-12-08&date_to=2016-12-08&min_sources=2``
    """
    settings = request.app.state.settings
    size = page_size(limit, settings.page_size, settings.max_page_size)
    check_type(type)
    wanted = IncidentFilter(
        date_from=date_from,
        date_to=date_to,
        country=country,
        admin1=admin1,
        type=type,
        min_sources=min_sources,
    )
    after = decode_cursor(cursor)
    with store_of(request) as store:
        check_stored_country(store, country)
        page = store.incident_page(wanted, after=after, limit=size)
    token, link, headers = next_page(request, page.next)
    if format == "geojson":
        out = io.StringIO()
        incidents_geojson(page.incidents, out)
        return Response(out.getvalue(), media_type="application/geo+json", headers=headers)
    body = {
        "incidents": page.records,
        "count": len(page.records),
        "next_cursor": token,
        "next": link,
    }
    return JSONResponse(body, headers=headers)


@router.get("/incidents/{incident_id}", summary="One incident with every source's telling")
async def get_incident(request: Request, incident_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """The incident, and for each report of it the source's own record and its evidence spans."""
    with store_of(request) as store:
        incident = store.incident(incident_id)
        if incident is None:
            raise ApiProblem(
                404,
                "not-found",
                f"No incident {incident_id!r} is stored. Find incident ids with GET /incidents.",
            )
        evidence = store.evidence([report.event_id for report in incident.reports])
    record = incident_to_record(incident)
    for report in record["reports"]:
        report["evidence"] = [
            {"document_id": ev.document_id, "start": ev.start, "end": ev.end, "text": ev.text}
            for ev in evidence.get(report["event_id"], [])
        ]
        report["document"] = f"/documents/{report['document_id']}"
    return {"incident": record}


@router.get("/control", summary="Who controls which place")
def get_control(
    request: Request,
    place: Annotated[
        str | None, Query(min_length=1, max_length=200, description="A place as any source wrote it.")
    ] = None,
    date: Annotated[dt.date | None, Query(description="Who held it on this day, YYYY-MM-DD.")] = None,
    admin1: Annotated[str | None, Query(max_length=100)] = None,
    format: Annotated[Literal["json", "geojson"], Query()] = "json",
) -> Response:
    """With ``place``: that place's changes of control (only the one in force with ``date``); with
    ``date`` alone: the change in force at every place that day. Each change names its sources.

    Example: ``/control?date=2016-12-09&format=geojson``
    """
    if place is None and date is None:
        raise ApiProblem(
            400,
            "bad-parameter",
            "Give place=NAME, date=YYYY-MM-DD or both, e.g. /control?place=Sheikh%20Saeed&date=2016-12-09.",
        )
    with store_of(request) as store:
        # With a place every change is read: one after the date still tells what the store knows.
        changes = store.control_changes(admin1=admin1, date_to=date if place is None else None)
    try:
        found = control_query(changes, place=place, date=date)
    except ConfigError as error:  # the place has no change stored, or none in force that day
        raise ApiProblem(404, "not-found", str(error).replace("--date", "date")) from error
    if format == "geojson":
        out = io.StringIO()
        control_geojson(found, out)
        return Response(out.getvalue(), media_type="application/geo+json")
    return JSONResponse({"changes": [control_to_record(change) for change in found], "count": len(found)})
