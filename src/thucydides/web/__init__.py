"""The map page served at ``/``: plain HTML, CSS and JavaScript with MapLibre GL JS vendored beside
them (``static/vendor/``, by ``scripts/vendor_map.sh``); no build step, nothing fetched from outside."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def static_dir() -> Path:
    """The folder of the page's files, inside the installed package."""
    return Path(str(files("thucydides.web") / "static"))
