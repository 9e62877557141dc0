"""The FastAPI application: ``create_app(store_factory, settings)``, pure (no resource at import).

    app = create_app(lambda: open_store(path, create=False), ApiSettings.resolve(settings))

Routes: ``/events``, ``/events/{id}``, ``/facets``, ``/incidents``, ``/incidents/{id}``, ``/control``,
``/documents/{id}``, ``POST /documents``, ``/basemap``, ``/report`` (the situation report), the map
at ``/`` and an offline reference of the OpenAPI description at ``/docs`` (``/openapi.json``).
Every failure is an RFC 9457 problem document (``api/problems.py``).
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from thucydides import __version__
from thucydides.api import basemap, documents, events, incidents, problems, report, web
from thucydides.api.basemap import Basemap
from thucydides.api.ingest import ReportIngester
from thucydides.api.limits import BodyLimit
from thucydides.api.reading import StoreFactory, ThreadStores
from thucydides.api.settings import ApiSettings


def create_app(store_factory: StoreFactory, settings: ApiSettings) -> FastAPI:
    """The API over the stores ``store_factory`` opens (one per serving thread), set by ``settings``."""
    app = FastAPI(
        title="Thucydides",
        version=__version__,
        summary="Geolocated, source-attributed events from war reporting (ACLED taxonomy).",
        docs_url=None,  # served by web.docs, offline
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.stores = ThreadStores(store_factory)
    app.state.basemap = Basemap(settings.basemap_dir)
    app.state.ingester = ReportIngester(settings.pipeline, settings.resources)
    problems.install(app)
    for module in (events, incidents, documents, basemap, report, web):
        app.include_router(module.router)
    web.mount_static(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    return app
