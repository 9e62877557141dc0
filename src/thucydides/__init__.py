"""Thucydides: war reporting in, verified, geolocated, source-attributed event records out."""

__version__ = "0.1.0"
