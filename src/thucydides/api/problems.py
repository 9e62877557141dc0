"""One error shape for every failure: RFC 9457 problem details (``application/problem+json``).

Every handler below turns one kind of failure into a problem document with ``type``, ``title``,
``status``, ``detail`` and ``instance`` (the path asked for); validation problems add ``errors``
(where and what), a failed ingest adds ``problems``. ``type`` is ``about:blank`` for a plain HTTP
status, else a ``urn:thucydides:problem:...`` name that clients can test for.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from thucydides.errors import ConfigError, IngestError, StoreError, ThucydidesError

log = logging.getLogger(__name__)

MEDIA_TYPE = "application/problem+json"
PREFIX = "urn:thucydides:problem:"


class ApiProblem(Exception):
    """A failure the API answers with a problem document of its own ``kind`` (``urn:...:kind``)."""

    def __init__(
        self,
        status: int,
        kind: str,
        detail: str,
        *,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.kind = kind
        self.detail = detail
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})


def problem_response(
    request: Request,
    status: int,
    detail: str,
    *,
    kind: str | None = None,
    headers: Mapping[str, str] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> JSONResponse:
    """The problem document for ``status`` with ``detail``, as ``application/problem+json``."""
    body: dict[str, Any] = {
        "type": PREFIX + kind if kind else "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        **(extra or {}),
    }
    return JSONResponse(jsonable_encoder(body), status_code=status, media_type=MEDIA_TYPE, headers=headers)


def install(app: FastAPI) -> None:
    """Register the handlers that give every failure of ``app`` the one problem shape."""
    app.add_exception_handler(ApiProblem, _api_problem)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(ThucydidesError, _known)
    app.add_exception_handler(Exception, _unexpected)


async def _api_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiProblem)
    return problem_response(
        request, exc.status, exc.detail, kind=exc.kind, headers=exc.headers, extra=exc.extra
    )


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).description
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"Nothing is served at {request.url.path}. The API's paths are listed at /docs."
    if exc.status_code == 405 and detail == "Method Not Allowed":
        detail = f"{request.method} is not allowed on {request.url.path}. See /docs for what is."
    return problem_response(request, exc.status_code, detail, headers=exc.headers)


async def _validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"location": [str(part) for part in error.get("loc", ())], "message": str(error.get("msg", ""))}
        for error in exc.errors()
    ]
    where = "; ".join(f"{'.'.join(e['location'])}: {e['message']}" for e in errors)
    return problem_response(
        request,
        422,
        f"The request is not valid: {where}. See /docs for each parameter.",
        kind="validation",
        extra={"errors": errors},
    )


async def _known(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ThucydidesError)
    if isinstance(exc, ConfigError):
        return problem_response(request, 400, str(exc), kind="bad-parameter")
    if isinstance(exc, IngestError):
        return problem_response(request, 422, str(exc), kind="ingest")
    if isinstance(exc, StoreError):
        log.error("store error on %s: %s", request.url.path, exc)
        return problem_response(request, 503, str(exc), kind="store")
    log.error("error on %s: %s", request.url.path, exc)
    return problem_response(request, 500, str(exc), kind=type(exc).__name__)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return problem_response(
        request,
        500,
        f"Unexpected {type(exc).__name__}: this is a bug in Thucydides; please report it with the request.",
        kind="bug",
    )
