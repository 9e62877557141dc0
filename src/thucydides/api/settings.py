"""The HTTP API's settings: the write token, limits, CORS and where the basemap comes from.

Environment variables (``ApiSettings.resolve``):

- ``THUCYDIDES_API_TOKEN``       the bearer token that allows writes (POST /documents); without
                                 it (or its file) the API is read-only
- ``THUCYDIDES_API_TOKEN_FILE``  a file holding that token (kept out of the process list and shell history)
- ``THUCYDIDES_API_MAX_BODY``    the largest request body, in bytes (default 2,000,000)
- ``THUCYDIDES_API_CORS``        origins allowed to call the API from a browser, comma-separated
                                 (default none: CORS off)
- ``THUCYDIDES_BASEMAP``         the reference data folder the basemap is built from (default: the
                                 reference data, ``THUCYDIDES_DATA``)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from thucydides.config import Settings, byte_count
from thucydides.errors import ConfigError

if TYPE_CHECKING:
    from thucydides.build import Resources

MIN_TOKEN_CHARS = 16  # a shorter secret is guessable; refused rather than trusted


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """Everything the API needs besides its store; build with ``resolve`` or directly in tests."""

    token: str | None = None
    max_body_bytes: int = 2_000_000  # a report is ~10 kB of text, ~200 kB of HTML
    cors_origins: tuple[str, ...] = ()
    basemap_dir: Path | None = None
    page_size: int = 100
    max_page_size: int = 5_000  # a day of a busy war, for the map, in one page
    pipeline: Settings = field(default_factory=Settings)  # how POST /documents reads and extracts
    resources: Callable[[], Resources] | None = None  # None: ``Resources.load(pipeline)``, once

    @classmethod
    def resolve(cls, pipeline: Settings, environ: Mapping[str, str] | None = None) -> ApiSettings:
        """Settings from ``THUCYDIDES_API_*`` and ``THUCYDIDES_BASEMAP``, over ``pipeline``'s."""
        env = os.environ if environ is None else environ
        settings = cls(pipeline=pipeline, basemap_dir=pipeline.data_dir)
        token = env.get("THUCYDIDES_API_TOKEN")
        if file := env.get("THUCYDIDES_API_TOKEN_FILE"):
            try:
                token = Path(file).expanduser().read_text(encoding="utf-8").strip()
            except OSError as error:
                raise ConfigError(
                    f"THUCYDIDES_API_TOKEN_FILE={file} cannot be read ({error.strerror or error}). "
                    "Point it at a readable file holding the token, or unset it."
                ) from error
        if token is not None:
            settings = replace(settings, token=check_token(token))
        if value := env.get("THUCYDIDES_API_MAX_BODY"):
            limit = byte_count(
                "THUCYDIDES_API_MAX_BODY", value, example="5000000", default=cls().max_body_bytes
            )
            settings = replace(settings, max_body_bytes=limit)
        if value := env.get("THUCYDIDES_API_CORS"):
            origins = tuple(origin.strip() for origin in value.split(",") if origin.strip())
            settings = replace(settings, cors_origins=origins)
        if value := env.get("THUCYDIDES_BASEMAP"):
            folder = Path(value).expanduser()
            if not folder.is_dir():
                raise ConfigError(
                    f"THUCYDIDES_BASEMAP={value} is not a directory. Point it at a reference data folder "
                    "holding natural-earth/ (e.g. ../shared/data), or unset it."
                )
            settings = replace(settings, basemap_dir=folder)
        return settings

    @property
    def writable(self) -> bool:
        """Whether writes are possible at all (a token is configured)."""
        return self.token is not None


def check_token(token: str) -> str:
    """``token`` stripped, if long enough to be a secret; ``ConfigError`` if not."""
    token = token.strip()
    if len(token) < MIN_TOKEN_CHARS:
        raise ConfigError(
            f"The API token has {len(token)} characters, fewer than {MIN_TOKEN_CHARS}: too easy to guess. "
            'Make one with: python -c "import secrets; print(secrets.token_urlsafe(32))"'
        )
    return token
