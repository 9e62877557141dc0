"""The map page at ``/``, its files under ``/static``, and an offline API reference at ``/docs``."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from thucydides.web import static_dir

router = APIRouter()


@router.get("/", include_in_schema=False)
def index() -> FileResponse:
    return FileResponse(static_dir() / "index.html", media_type="text/html")


@router.get("/docs", include_in_schema=False)
def docs() -> FileResponse:
    # FastAPI's own /docs loads Swagger UI from a CDN; this page reads /openapi.json with no network.
    return FileResponse(static_dir() / "docs.html", media_type="text/html")


def mount_static(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
