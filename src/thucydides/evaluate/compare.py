"""How a predicted value is judged against a gold one, field by field.

A predicted value is right when it equals the gold value or one of the gold
record's ``alternatives`` for that field. Before comparing, text is
whitespace-collapsed and casefolded, place names are normalised with
``normalise_place``, and dates are compared as ``YYYY-MM-DD``. Null equals null.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from thucydides.evaluate.records import EvalRecord
from thucydides.gazetteer import geo
from thucydides.record import EVENT_TYPE_OF

PLACE_FIELDS = frozenset({"location", "location_as_written"})

_ARTICLE = re.compile(r"\b(?:al|el)[-\s]+")
_APOSTROPHES = re.compile(r"['’‘`ʼʿʾ]")
_NON_WORD = re.compile(r"[^\w\s]|_")


def normalise_place(name: str) -> str:
    """A place name reduced for comparison: "Al-Sha’er" and "sha'er" both give "shaer".

    Casefolds, drops accents, drops the Arabic article (al-/el-) at the start of
    each word, deletes apostrophes, turns other punctuation into spaces and
    collapses whitespace.
    """
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text)
    text = _ARTICLE.sub("", text)
    text = _NON_WORD.sub(" ", text)
    return " ".join(text.split())


_SCORER_PUNCTUATION = re.compile(r"[’'`‘ʿʾ\-]")
_SCORER_ARTICLES = re.compile(r"\b(?:al|el|as|ash|ad|ar|az|an|at)\b")
_SCORER_NON_ALNUM = re.compile(r"[^a-z0-9]")


def scorer_place_key(name: str | None) -> str:
    """A place name as ``shared/dev/score/score_events.py`` compares names: ASCII letters and
    digits only, without Arabic articles ("Al-Sha'er" and "Shaer" agree)."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = _SCORER_ARTICLES.sub("", _SCORER_PUNCTUATION.sub("", text))
    return _SCORER_NON_ALNUM.sub("", text)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two WGS84 points."""
    return geo.distance_km(lat1, lon1, lat2, lon2)


def distance_km(gold: EvalRecord, pred: EvalRecord) -> float | None:
    """Distance between the two records' coordinates, or None when either lacks them."""
    g, p = gold.event, pred.event
    if g.latitude is None or g.longitude is None or p.latitude is None or p.longitude is None:
        return None
    return haversine_km(g.latitude, g.longitude, p.latitude, p.longitude)


def canonical(name: str, value: Any) -> Any:
    """``value`` of field ``name`` in the form used for comparison."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return normalise_place(value) if name in PLACE_FIELDS else " ".join(value.split()).casefold()
    return value


def value_of(record: EvalRecord, name: str) -> Any:
    """The record's value of field ``name``; a missing ``event_type`` is read off the sub-event type."""
    value = getattr(record.event, name)
    if name == "event_type" and not value:
        return EVENT_TYPE_OF.get(record.event.sub_event_type)
    return value


def accepted(gold: EvalRecord, name: str) -> set[Any]:
    """The canonical values of field ``name`` that count as right against ``gold``.

    For ``event_type`` this includes the type of every accepted sub-event type,
    so a prediction that picks an alternative sub-type is not also wrong on type.
    """
    values = [value_of(gold, name), *gold.alternatives.get(name, ())]
    if name == "event_type":
        subs = [gold.event.sub_event_type, *gold.alternatives.get("sub_event_type", ())]
        values.extend(EVENT_TYPE_OF.get(sub) for sub in subs if isinstance(sub, str))
    return {canonical(name, value) for value in values}


def agrees(gold: EvalRecord, pred: EvalRecord, name: str) -> bool:
    """Whether the predicted value of field ``name`` is right against ``gold`` (alternatives count)."""
    return canonical(name, value_of(pred, name)) in accepted(gold, name)


def place_names(record: EvalRecord) -> set[str]:
    """The normalised names a record gives its place (both name fields and their alternatives)."""
    names = set()
    for name in PLACE_FIELDS:
        for value in (getattr(record.event, name), *record.alternatives.get(name, ())):
            if isinstance(value, str) and normalise_place(value):
                names.add(normalise_place(value))
    return names


def dates_within(gold: EvalRecord, pred: EvalRecord, *, days: int) -> bool:
    """Whether the predicted date is within ``days`` of the gold date or an accepted one (null: yes)."""
    predicted = pred.event.event_date
    if predicted is None or gold.event.event_date is None:
        return True
    dates = [gold.event.event_date, *gold.alternatives.get("event_date", ())]
    return any(
        abs((dt.date.fromisoformat(d) if isinstance(d, str) else d) - predicted).days <= days
        for d in dates
        if d is not None
    )


def fatalities_in_range(gold: EvalRecord, pred: EvalRecord) -> bool:
    """Exact agreement, or the predicted figure lies in the gold ``fatalities_low..fatalities_high``.

    A null ``fatalities_high`` means the wording gave no upper bound ("more than 20").
    """
    if agrees(gold, pred, "fatalities"):
        return True
    low, high, value = gold.event.fatalities_low, gold.event.fatalities_high, pred.event.fatalities
    if low is None or value is None:
        return False
    return low <= value and (high is None or value <= high)
