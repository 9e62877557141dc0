from __future__ import annotations

from pathlib import Path

import pytest

from thucydides.config import DEFAULT_SPACY_MODEL, Settings
from thucydides.errors import ConfigError


def test_environment_overrides(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {
            "THUCYDIDES_DATA": str(tmp_path),
            "THUCYDIDES_DB": str(tmp_path / "x.db"),
            "THUCYDIDES_SPACY_MODEL": "m",
        }
    )
    assert settings.data_dir == tmp_path
    assert settings.db_path == tmp_path / "x.db"
    assert settings.spacy_model == "m"


def test_defaults_without_environment() -> None:
    settings = Settings.from_env({})
    assert settings.data_dir is None
    assert settings.spacy_model == DEFAULT_SPACY_MODEL


def test_a_data_directory_that_does_not_exist_names_the_variable_and_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"THUCYDIDES_DATA=.*is not a directory.*unset it"):
        Settings.from_env({"THUCYDIDES_DATA": str(tmp_path / "missing")})


def test_as_record_is_json_friendly(tmp_path: Path) -> None:
    record = Settings(db_path=tmp_path / "a.db").as_record()
    assert record["db_path"] == str(tmp_path / "a.db")


def test_the_input_size_limit_is_set_from_the_environment() -> None:
    assert Settings.from_env({"THUCYDIDES_MAX_INPUT_BYTES": "50000000"}).max_input_bytes == 50_000_000
    assert Settings.from_env({"THUCYDIDES_MAX_INPUT_BYTES": "50_000_000"}).max_input_bytes == 50_000_000
    assert Settings.from_env({}).max_input_bytes == 20_000_000


@pytest.mark.parametrize("value", ["lots", "-5", "0", "1.5e6"])
def test_an_unusable_input_size_limit_names_the_variable_and_the_fix(value: str) -> None:
    with pytest.raises(ConfigError, match=rf"THUCYDIDES_MAX_INPUT_BYTES={value} is not a positive.*unset it"):
        Settings.from_env({"THUCYDIDES_MAX_INPUT_BYTES": value})
