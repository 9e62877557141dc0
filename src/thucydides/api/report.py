"""``GET /report``: the situation report of a day or a week, as one HTML page or Markdown, the same
brief ``thucydides report`` writes."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from thucydides.api.reading import store_of
from thucydides.report.brief_md import render_markdown
from thucydides.report.gather import brief_from_store, brief_html_page
from thucydides.report.window import parse_window

router = APIRouter(tags=["report"])


@router.get("/report", summary="The situation report of a day or a week")
def get_report(
    request: Request,
    date: Annotated[dt.date, Query(description="The last day the report covers, YYYY-MM-DD.")],
    window: Annotated[str, Query(max_length=4, description="Days ending on date: 1d, 7d, up to 31d.")] = "1d",
    country: Annotated[str | None, Query(max_length=100)] = None,
    admin1: Annotated[str | None, Query(max_length=100)] = None,
    format: Annotated[Literal["html", "md"], Query()] = "html",
) -> Response:
    """Headline figures, one section per governorate, the changes of control, every sentence
    footnoted with its outlets, claimants and evidence; as HTML, one page with its charts and map
    embedded that opens offline; as Markdown, the text without charts.

    Example: ``/report?date=2016-12-08&window=7d&format=md``
    """
    # A plain function: served in the thread pool, which owns the store it reads and may draw.
    span = parse_window(date, window)
    with store_of(request) as store:
        brief = brief_from_store(store, span, country=country, admin1=admin1)
    if format == "md":
        text = render_markdown(brief, chart_notes=["Charts are in the HTML report: format=html."])
        return Response(text, media_type="text/markdown; charset=utf-8")
    data_dir = request.app.state.settings.pipeline.data_dir
    return HTMLResponse(brief_html_page(brief, data_dir))
