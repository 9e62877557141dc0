"""The brief's figures as PNG bytes, drawn with matplotlib's Agg backend (no display, no network).

Each function reads the ``Brief`` only and returns None when it has nothing to draw, so the
renderers can say so in words instead of showing an empty frame.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")  # before pyplot: a server or a terminal has no display

import matplotlib.pyplot as plt
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from thucydides.report.brief_model import Brief
from thucydides.report.outlines import Outlines
from thucydides.taxonomy import TAXONOMY

TYPE_COLOURS: dict[str, str] = dict(
    zip(TAXONOMY, ("#d62728", "#ff7f0e", "#9467bd", "#2ca02c", "#8c564b", "#1f77b4"), strict=True)
)
MAP_MARGIN_DEGREES = 0.5
MAP_MIN_SPAN_DEGREES = 2.0  # one town's events still show the country around it


@dataclass(frozen=True, slots=True)
class Chart:
    """A drawn figure: PNG bytes and the words that say what it shows."""

    name: str  # a file-name stem: "events-by-day"
    title: str
    png: bytes


def draw_charts(brief: Brief, outlines: Outlines) -> tuple[list[Chart], list[str]]:
    """Every chart there is data for, and a sentence for each one left out or incomplete."""
    charts: list[Chart] = []
    notes: list[str] = []
    drawings: tuple[tuple[Callable[[], Chart | None], str], ...] = (
        (lambda: events_by_day(brief), "No dated event record in the window: no chart of events by day."),
        (
            lambda: fatalities_by_governorate(brief),
            "No source gives a figure of people killed: no chart of fatalities.",
        ),
        (lambda: window_map(brief, outlines), "No incident of the window has coordinates: no map."),
    )
    for draw, missing in drawings:
        chart = draw()
        if chart is None:
            notes.append(missing)
        else:
            charts.append(chart)
    if brief.points and outlines.note:
        notes.append(f"Map: {outlines.note}.")
    if brief.points and brief.unplaced:
        notes.append(f"Map: {brief.unplaced} incident(s) without coordinates are not on it.")
    return charts, notes


def events_by_day(brief: Brief) -> Chart | None:
    """Event records per day, stacked by event type."""
    if not brief.daily:
        return None
    days = brief.window.each_day()
    types = [t for t in TAXONOMY if any(kind == t for _, kind, _ in brief.daily)]
    figure, axes = plt.subplots(figsize=(8.5, 3.2))
    bottoms = [0] * len(days)
    for kind in types:
        heights = [sum(n for day, k, n in brief.daily if day == d and k == kind) for d in days]
        axes.bar(range(len(days)), heights, bottom=bottoms, color=TYPE_COLOURS[kind], label=kind)
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    axes.set_xticks(range(len(days)), [d.strftime("%d %b") for d in days])
    axes.set_ylabel("event records")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    middle, half = (len(days) - 1) / 2, max(len(days), 3) / 2
    axes.set_xlim(middle - half, middle + half)  # one day is a bar, not a wall
    axes.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    title = f"Event records by day and type, {brief.window.label()}"
    axes.set_title(title, fontsize=10)
    return Chart("events-by-day", title, _png(figure))


def fatalities_by_governorate(brief: Brief) -> Chart | None:
    """Per governorate, the summed lowest figure and the summed highest one."""
    if not brief.fatalities_by_admin1:
        return None
    names = [name for name, _, _ in brief.fatalities_by_admin1]
    lows = [low for _, low, _ in brief.fatalities_by_admin1]
    highs = [high for _, _, high in brief.fatalities_by_admin1]
    figure, axes = plt.subplots(figsize=(7, 0.6 + 0.4 * len(names)))
    rows = range(len(names))
    axes.barh(rows, highs, color="#c7c7c7", label="highest figure")
    axes.barh(rows, lows, color="#555555", label="lowest figure")
    axes.set_yticks(rows, names)
    axes.invert_yaxis()
    axes.set_xlabel("people reported killed")
    axes.legend(fontsize=7, frameon=False, loc="lower right")
    title = "People reported killed, by governorate (lowest and highest source figures)"
    axes.set_title(title, fontsize=10)
    return Chart("fatalities-by-governorate", title, _png(figure))


def window_map(brief: Brief, outlines: Outlines) -> Chart | None:
    """The incidents of the window as points coloured by type and sized by fatalities."""
    if not brief.points:
        return None
    lons = [p.longitude for p in brief.points]
    lats = [p.latitude for p in brief.points]
    west, east = _span(min(lons), max(lons))
    south, north = _span(min(lats), max(lats))
    figure, axes = plt.subplots(figsize=(8.5, 6))
    axes.set_facecolor("#eef3f7")
    for rings, colour, width in ((outlines.countries, "#777777", 0.8), (outlines.admin1, "#bbbbbb", 0.5)):
        near = [r for r in rings if _meets(r, west, east, south, north)]
        if near:
            axes.add_collection(LineCollection(near, colors=colour, linewidths=width))
    for kind in TAXONOMY:
        points = [p for p in brief.points if p.event_type == kind]
        if points:
            axes.scatter(
                [p.longitude for p in points],
                [p.latitude for p in points],
                s=[20 + 30 * math.sqrt(p.fatalities) for p in points],
                color=TYPE_COLOURS[kind],
                alpha=0.75,
                edgecolors="black",
                linewidths=0.4,
                label=kind,
            )
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    legend = axes.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    for handle in legend.legend_handles:
        if handle is not None:
            handle.set_sizes([30])  # type: ignore[attr-defined]  # scatter handles are collections
    credit = "Outlines: " + "; ".join(outlines.credits) if outlines.credits else "No outlines drawn"
    axes.annotate(credit, (0.0, -0.08), xycoords="axes fraction", fontsize=6, color="#555555")
    title = f"Incidents of {brief.window.label()} (size: people reported killed)"
    axes.set_title(title, fontsize=10)
    return Chart("map", title, _png(figure))


def _span(low: float, high: float) -> tuple[float, float]:
    middle, half = (low + high) / 2, max(high - low + 2 * MAP_MARGIN_DEGREES, MAP_MIN_SPAN_DEGREES) / 2
    return middle - half, middle + half


def _meets(
    ring: tuple[tuple[float, float], ...], west: float, east: float, south: float, north: float
) -> bool:
    """Whether the ring's bounding box overlaps the map's (the axes clip the rest)."""
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    return min(xs) <= east and max(xs) >= west and min(ys) <= north and max(ys) >= south


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.tight_layout()
    # No "Software" stamp: the same brief gives the same bytes whatever matplotlib drew it.
    figure.savefig(buffer, format="png", dpi=110, metadata={"Software": None})
    plt.close(figure)
    return buffer.getvalue()
