"""The HTTP API and the map: ``create_app(store_factory, settings)`` and its settings."""

from thucydides.api.app import create_app
from thucydides.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
