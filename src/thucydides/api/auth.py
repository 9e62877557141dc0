"""Writes need the configured bearer token, compared in constant time; with none, the API is read-only."""

from __future__ import annotations

import hmac

from fastapi import Request

from thucydides.api.problems import ApiProblem
from thucydides.api.settings import ApiSettings


def require_writer(request: Request) -> None:
    """Let the request through only with ``Authorization: Bearer <the configured token>``."""
    settings: ApiSettings = request.app.state.settings
    if settings.token is None:
        raise ApiProblem(
            403,
            "read-only",
            "This API is read-only: no write token is configured. Start the server with "
            "THUCYDIDES_API_TOKEN (or THUCYDIDES_API_TOKEN_FILE) set to allow POST /documents.",
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    # compare_digest takes as long whatever the first differing byte: the token cannot be guessed by timing.
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode("utf-8"), settings.token.encode("utf-8")
    ):
        raise ApiProblem(
            401,
            "unauthorized",
            "Writes need the header 'Authorization: Bearer TOKEN' with the token the server was started "
            "with (THUCYDIDES_API_TOKEN).",
            headers={"WWW-Authenticate": 'Bearer realm="thucydides"'},
        )
