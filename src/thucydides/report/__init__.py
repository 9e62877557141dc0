"""What leaves Thucydides: exports of event records (and, later, the daily situation report)."""

from __future__ import annotations

from thucydides.errors import ExportError
from thucydides.report.exports import FORMATS, render, write_events

__all__ = ["FORMATS", "ExportError", "render", "write_events"]
