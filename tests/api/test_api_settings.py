"""ApiSettings from the environment: the token (or its file), the body limit, CORS, the basemap."""

from __future__ import annotations

from pathlib import Path

import pytest

from thucydides.api import ApiSettings
from thucydides.config import Settings
from thucydides.errors import ConfigError

TOKEN = "a-token-long-enough-to-be-a-secret"


def test_defaults_are_read_only_and_closed() -> None:
    settings = ApiSettings.resolve(Settings(), {})
    assert settings.token is None and not settings.writable
    assert settings.cors_origins == () and settings.max_body_bytes == 2_000_000


def test_token_from_the_environment_or_a_file(tmp_path: Path) -> None:
    assert ApiSettings.resolve(Settings(), {"THUCYDIDES_API_TOKEN": TOKEN}).token == TOKEN
    file = tmp_path / "token"
    file.write_text(TOKEN + "\n", encoding="utf-8")
    assert ApiSettings.resolve(Settings(), {"THUCYDIDES_API_TOKEN_FILE": str(file)}).token == TOKEN
    with pytest.raises(ConfigError, match="cannot be read"):
        ApiSettings.resolve(Settings(), {"THUCYDIDES_API_TOKEN_FILE": str(tmp_path / "none")})


def test_a_short_token_is_refused() -> None:
    with pytest.raises(ConfigError, match="too easy to guess"):
        ApiSettings.resolve(Settings(), {"THUCYDIDES_API_TOKEN": "secret"})


def test_limits_cors_and_basemap(tmp_path: Path) -> None:
    env = {
        "THUCYDIDES_API_MAX_BODY": "5_000",
        "THUCYDIDES_API_CORS": "https://a.example, https://b.example",
        "THUCYDIDES_BASEMAP": str(tmp_path),
    }
    settings = ApiSettings.resolve(Settings(), env)
    assert settings.max_body_bytes == 5000
    assert settings.cors_origins == ("https://a.example", "https://b.example")
    assert settings.basemap_dir == tmp_path
    with pytest.raises(ConfigError, match="positive number"):
        ApiSettings.resolve(Settings(), {"THUCYDIDES_API_MAX_BODY": "lots"})
    with pytest.raises(ConfigError, match="not a directory"):
        ApiSettings.resolve(Settings(), {"THUCYDIDES_BASEMAP": str(tmp_path / "none")})


def test_the_basemap_defaults_to_the_reference_data(tmp_path: Path) -> None:
    settings = ApiSettings.resolve(Settings(data_dir=tmp_path), {})
    assert settings.basemap_dir == tmp_path
