"""SQL conditions shared by the filters of events and incidents (same columns, same meaning)."""

from __future__ import annotations

import datetime as dt
from typing import Any


def place_time_type(
    *,
    date_from: dt.date | None,
    date_to: dt.date | None,
    country: str | None,
    admin1: str | None,
    type: str | None,
) -> tuple[list[str], list[Any]]:
    """Conditions on ``event_date``, ``country``, ``admin1`` and the (sub-)event type; None matches all."""
    where: list[str] = []
    params: list[Any] = []
    if date_from is not None:
        where.append("event_date >= ?")
        params.append(date_from.isoformat())
    if date_to is not None:
        where.append("event_date <= ?")
        params.append(date_to.isoformat())
    if country is not None:
        where.append("country = ?")  # the column's NOCASE collation makes it case-insensitive
        params.append(country)
    if admin1 is not None:
        where.append("admin1 = ?")
        params.append(admin1)
    if type is not None:
        where.append("(event_type = ? OR sub_event_type = ?)")
        params += [type, type]
    return where, params
