"""SQL conditions shared by the filters of events and incidents (same columns, same meaning)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol


class PlaceTimeType(Protocol):
    """What ``EventFilter`` and ``IncidentFilter`` share."""

    @property
    def date_from(self) -> dt.date | None: ...
    @property
    def date_to(self) -> dt.date | None: ...
    @property
    def country(self) -> str | None: ...
    @property
    def admin1(self) -> str | None: ...
    @property
    def type(self) -> str | None: ...


def place_time_type(filter: PlaceTimeType) -> tuple[list[str], list[Any]]:
    """Conditions on ``event_date``, ``country``, ``admin1`` and the (sub-)event type; None matches all."""
    where: list[str] = []
    params: list[Any] = []
    if filter.date_from is not None:
        where.append("event_date >= ?")
        params.append(filter.date_from.isoformat())
    if filter.date_to is not None:
        where.append("event_date <= ?")
        params.append(filter.date_to.isoformat())
    if filter.country is not None:
        where.append("country = ?")  # the column's NOCASE collation makes it case-insensitive
        params.append(filter.country)
    if filter.admin1 is not None:
        where.append("admin1 = ?")
        params.append(filter.admin1)
    if filter.type is not None:
        where.append("(event_type = ? OR sub_event_type = ?)")
        params += [filter.type, filter.type]
    return where, params
