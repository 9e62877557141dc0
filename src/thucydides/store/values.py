"""Filter values checked before a query: a type outside the taxonomy or a country the store does
not hold is refused with the nearest valid values, instead of answering "0 events"."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

from thucydides.errors import ConfigError
from thucydides.store.conditions import PlaceTimeType
from thucydides.taxonomy import TAXONOMY

EVERY_TYPE: tuple[str, ...] = (*TAXONOMY, *(sub for subs in TAXONOMY.values() for sub in subs))


def nearest(value: str, choices: Sequence[str], *, limit: int = 3) -> list[str]:
    """The ``limit`` choices most like ``value`` (case ignored), best first."""
    folded = [choice.casefold() for choice in choices]
    found = process.extract(value.casefold(), folded, scorer=fuzz.WRatio, limit=limit)
    return [choices[index] for _, _, index in found]


def _quoted(values: Sequence[str]) -> str:
    return ", ".join(repr(value) for value in values)


def check_type(value: str | None) -> None:
    """Refuse an event or sub-event type the ACLED taxonomy does not have."""
    if value is None or value.casefold() in {t.casefold() for t in EVERY_TYPE}:
        return
    raise ConfigError(
        f"Type {value!r} is no ACLED event or sub-event type; give one of them with --type. "
        f"Nearest: {_quoted(nearest(value, EVERY_TYPE))}. Event types: {_quoted(list(TAXONOMY))}."
    )


def check_country(value: str | None, stored: Sequence[str]) -> None:
    """Refuse a country no stored event is in (an empty store refuses nothing: it has no answer)."""
    if value is None or not stored or value.casefold() in {c.casefold() for c in stored}:
        return
    shown = list(stored) if len(stored) <= 10 else [*stored[:10], f"... ({len(stored)} in all)"]
    raise ConfigError(
        f"Country {value!r}: no stored event is in it; give a country the store holds with --country. "
        f"Nearest: {_quoted(nearest(value, stored))}. The store's countries: {', '.join(shown)}."
    )


def check_filter(filter: PlaceTimeType, countries: Sequence[str]) -> None:
    """Refuse a filter whose type or country can match nothing (``countries``: the store's)."""
    check_type(filter.type)
    check_country(filter.country, countries)
