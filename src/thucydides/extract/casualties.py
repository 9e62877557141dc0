"""Casualty figures for events: which figures belong to which action, and splitting a total.

A figure for several places ("killing tens of militants" after a list of four
towns) is split across the records as ACLED does: the total is divided, the
remainder going to the first records, so the records add up to the report's
figure and no death is counted twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from thucydides.model import Quantity

ROLES = ("killed", "injured", "captured")


@dataclass(frozen=True, slots=True)
class Casualties:
    """Figures of one event; None where the text gives none."""

    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    captured: int | None = None
    victims: str | None = None  # whose deaths ("militants", "civilians"), for the notes


def role_of(quantity: Quantity) -> tuple[str, str | None]:
    """(role, victim group) from a quantity's label ("killed:militants")."""
    label = quantity.mention.label or "other"
    role, _, victims = label.partition(":")
    return role, victims or None


def split(value: int | None, parts: int, index: int) -> int | None:
    """Share ``index`` of ``value`` divided into ``parts``, remainder to the first shares."""
    if value is None:
        return None
    share, remainder = divmod(value, parts)
    return share + (1 if index < remainder else 0)


def casualties_for(quantities: list[Quantity], *, parts: int, index: int) -> Casualties:
    """Casualties of record ``index`` of ``parts`` records sharing ``quantities``."""
    fields: dict[str, int | None] = {}
    victims = None
    for quantity in quantities:
        role, group = role_of(quantity)
        if role == "killed" and "fatalities" not in fields:
            fields["fatalities"] = split(quantity.best, parts, index)
            fields["fatalities_low"] = split(quantity.low, parts, index)
            fields["fatalities_high"] = split(quantity.high, parts, index)
            victims = group
        elif role in ("injured", "captured") and role not in fields:
            fields[role] = split(quantity.best, parts, index)
    return Casualties(victims=victims, **fields)
