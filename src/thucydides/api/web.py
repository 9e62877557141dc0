"""The map page at ``/``, its files under ``/static``, an offline API reference at ``/docs``, and the
``/report`` placeholder (the situation report arrives with ``thucydides report``)."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from thucydides.api.problems import ApiProblem
from thucydides.web import static_dir

router = APIRouter()


@router.get("/", include_in_schema=False)
def index() -> FileResponse:
    return FileResponse(static_dir() / "index.html", media_type="text/html")


@router.get("/docs", include_in_schema=False)
def docs() -> FileResponse:
    # FastAPI's own /docs loads Swagger UI from a CDN; this page reads /openapi.json with no network.
    return FileResponse(static_dir() / "docs.html", media_type="text/html")


@router.get("/report", summary="The daily situation report (not yet)", tags=["report"])
def report() -> None:
    """Answers 501 until the ``thucydides report`` command provides the report."""
    raise ApiProblem(
        501,
        "not-implemented",
        "The situation report arrives with the `thucydides report` command; until then, use "
        "/incidents?date_from=D&date_to=D for the day's incidents.",
    )


def mount_static(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
