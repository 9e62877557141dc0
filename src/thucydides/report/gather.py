"""A situation report from a store: the reads ``build_brief`` needs, and the self-contained HTML
page, shared by ``thucydides report`` and ``GET /report``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from thucydides.report.brief import build_brief
from thucydides.report.brief_model import Brief
from thucydides.report.window import Window
from thucydides.store import EventFilter, IncidentFilter, Store
from thucydides.store.values import check_country

if TYPE_CHECKING:
    from thucydides.report.charts import Chart


def brief_from_store(store: Store, span: Window, *, country: str | None, admin1: str | None) -> Brief:
    """The brief of ``span`` from the store's incidents, records and control ledger.

    Raises ``ConfigError`` naming the stored countries when ``country`` is none of them.
    """
    from thucydides.fuse.compare import MAX_DATE_TOLERANCE_DAYS

    check_country(country, store.countries())
    # Records a little outside the window may belong to its incidents: they supply evidence only.
    reach = dt.timedelta(days=MAX_DATE_TOLERANCE_DAYS)
    incidents = store.incidents(
        IncidentFilter(date_from=span.first, date_to=span.last, country=country, admin1=admin1)
    )
    events = store.events(EventFilter(date_from=span.first - reach, date_to=span.last + reach))
    changes = store.control_changes(admin1=admin1, date_to=span.last)
    return build_brief(
        span, incidents=incidents, events=events, control_changes=changes, country=country, admin1=admin1
    )


def draw(brief: Brief, data_dir: Path | None) -> tuple[list[Chart], list[str]]:
    """The brief's charts and map (outlines from the reference data when present), and notes on
    what could not be drawn."""
    from thucydides.report.charts import draw_charts  # matplotlib: only when drawing
    from thucydides.report.outlines import load_outlines

    charts, notes = draw_charts(brief, load_outlines(data_dir))
    return list(charts), list(notes)


def brief_html_page(brief: Brief, data_dir: Path | None) -> str:
    """The brief as one HTML file that opens offline, its charts and map drawn and embedded."""
    from thucydides.report.brief_html import render_html

    charts, notes = draw(brief, data_dir)
    return render_html(brief, charts=charts, chart_notes=notes)
