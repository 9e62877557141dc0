"""The situation report's document model: what ``build_brief`` returns and the renderers read.

A ``Brief`` holds sentences (``Statement``), each with the numbers of the ``Footnote``s that back
it; a footnote quotes every source's evidence (``Quote``). Nothing here reads a store or a file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from thucydides.report.window import Window


@dataclass(frozen=True, slots=True)
class Quote:
    """One source's telling: who published it, who it cites, and the sentences it was read from."""

    outlet: str
    claimed_by: str | None
    document_id: str
    url: str | None
    evidence: tuple[str, ...]  # empty when the record is not among those the brief was given
    copy_of: str | None = None  # the document this one republishes


@dataclass(frozen=True, slots=True)
class Footnote:
    number: int
    quotes: tuple[Quote, ...]
    remark: str | None = None  # a note with no quotes: what the figures were computed from


@dataclass(frozen=True, slots=True)
class Statement:
    """One sentence of the brief and the footnotes that back it."""

    text: str
    notes: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """What the brief says of one incident."""

    incident_id: str
    statements: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class Section:
    """One governorate: its incidents, in date order."""

    title: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class TypeCount:
    event_type: str
    incidents: int
    events: int


@dataclass(frozen=True, slots=True)
class Point:
    """A mapped incident (or an event not fused yet)."""

    latitude: float
    longitude: float
    event_type: str
    fatalities: int


@dataclass(frozen=True, slots=True)
class Brief:
    window: Window
    country: str | None
    admin1: str | None
    summary: tuple[Statement, ...]
    by_type: tuple[TypeCount, ...]
    sections: tuple[Section, ...]
    control: tuple[Statement, ...]
    footnotes: tuple[Footnote, ...]
    points: tuple[Point, ...]
    unplaced: int  # incidents without coordinates, left off the map
    daily: tuple[tuple[dt.date, str, int], ...]  # (day, event type, records)
    fatalities_by_admin1: tuple[tuple[str, int, int], ...]  # (governorate, low, high)
    empty: bool

    def statements(self) -> Iterator[Statement]:
        """Every sentence of the brief, in reading order."""
        yield from self.summary
        for section in self.sections:
            for paragraph in section.paragraphs:
                yield from paragraph.statements
        yield from self.control

    @property
    def scope(self) -> str:
        """'8 December 2016, Syria, Aleppo': the window and the filters."""
        return ", ".join(part for part in (self.window.label(), self.country, self.admin1) if part)
