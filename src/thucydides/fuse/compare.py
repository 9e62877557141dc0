"""Whether two event records can tell the same real event, and how alike they are.

``compatible`` is the hard rule: a pair that fails it is never in one incident,
whatever links it to others. Dates must agree within what each record's
``time_precision`` allows; places within what ``geo_precision`` allows; the
types must be the same or ones outlets use for the same act (an air strike
one outlet calls shelling; a capture another calls fighting); and the sides
must agree, a generic side ("Opposition Rebels", "Unidentified Armed Group")
matching any named non-state group. Two records of one document are one event
only when they are the same event written twice.

``similarity`` scores a compatible pair in [0, 1]; ``FUSE_THRESHOLD`` is where
a pair becomes an edge, chosen on labelled pairs (``bench/bench_fuse_pairs.py``).
"""

from __future__ import annotations

import re

from thucydides.gazetteer import geo
from thucydides.gazetteer.normalize import name_key
from thucydides.model import Event, Incident

FUSE_THRESHOLD = 0.6

# Days by which two dates may differ, by the coarser time_precision of the pair.
DATE_TOLERANCE_DAYS = {1: 1, 2: 7, 3: 31}
# Kilometres by which two places may differ, by the coarser geo_precision of the pair.
PLACE_TOLERANCE_KM = {1: 3.0, 2: 25.0, 3: 100.0}
# The widest of both: how far apart candidates are looked for.
MAX_DATE_TOLERANCE_DAYS = max(DATE_TOLERANCE_DAYS.values())
MAX_PLACE_TOLERANCE_KM = max(PLACE_TOLERANCE_KM.values())

# Sub-event types outlets use for one act; the value is how much the choice itself agrees.
_TYPE_GROUPS = (
    frozenset(
        {
            "Government regains territory",
            "Non-state actor overtakes territory",
            "Non-violent transfer of territory",
            "Armed clash",
        }
    ),
    frozenset({"Air/drone strike", "Shelling/artillery/missile attack"}),
    frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"}),
    frozenset({"Attack", "Abduction/forced disappearance"}),
    frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}),
    frozenset({"Violent demonstration", "Mob violence"}),
)
_GENERIC_SIDE = re.compile(r"^(?:Opposition Rebels|Unidentified Armed Group|Rioters|Protesters) \(")
_STATE_SIDE = re.compile(r"^(?:Military|Police) Forces of ")


def compatible(a: Event, b: Event) -> bool:
    """Whether ``a`` and ``b`` may report the same real event (the hard rule)."""
    if a.event_id == b.event_id:
        return False
    if a.document_id == b.document_id:
        return _written_twice(a, b)
    return (
        _type_agreement(a, b) is not None
        and _date_agreement(a, b) is not None
        and _place_agreement(a, b) is not None
        and _actor_agreement(a, b) is not None
    )


def similarity(a: Event, b: Event) -> float:
    """How alike two compatible records are, in [0, 1]: type, date, place and sides, weighted."""
    if a.document_id == b.document_id:
        return 1.0 if _written_twice(a, b) else 0.0
    parts = (
        (_type_agreement(a, b), 0.3),
        (_date_agreement(a, b), 0.25),
        (_place_agreement(a, b), 0.3),
        (_actor_agreement(a, b), 0.15),
    )
    if any(value is None for value, _ in parts):
        return 0.0
    return round(sum((value or 0.0) * weight for value, weight in parts), 6)


def distance_km(a: Event, b: Event) -> float | None:
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    return geo.distance_km(a.latitude, a.longitude, b.latitude, b.longitude)


def place_key(event: Event | Incident) -> str:
    """The gazetteer entry of a record's place, or its name when it has none."""
    if event.geonames_id is not None:
        return f"geonames:{event.geonames_id}"
    written = event.location_as_written if isinstance(event, Event) else None
    return f"name:{(event.location or written or '').casefold()}"


def _written_twice(a: Event, b: Event) -> bool:
    """One report telling one event twice: same type, day, side and place as written (two places
    the text names are two records even where both are coded to one town)."""
    return (
        a.sub_event_type == b.sub_event_type
        and a.event_date == b.event_date
        and place_key(a) == place_key(b)
        and name_key(a.location_as_written or "") == name_key(b.location_as_written or "")
        and a.actor1 == b.actor1
    )


def _type_agreement(a: Event, b: Event) -> float | None:
    if a.sub_event_type == b.sub_event_type:
        return 1.0
    if any(a.sub_event_type in group and b.sub_event_type in group for group in _TYPE_GROUPS):
        return 0.5
    return None


def _date_agreement(a: Event, b: Event) -> float | None:
    if a.event_date is None or b.event_date is None:
        return None  # an undated record cannot be placed next to another
    tolerance = DATE_TOLERANCE_DAYS[max(a.time_precision, b.time_precision)]
    days = abs((a.event_date - b.event_date).days)
    return None if days > tolerance else 1.0 - days / (tolerance + 1)


def _place_agreement(a: Event, b: Event) -> float | None:
    if place_key(a) == place_key(b) and (a.geonames_id is not None or (a.location or a.location_as_written)):
        return 1.0
    if _distinct_named_places(a, b):
        return None

    km = distance_km(a, b)
    if km is None:
        return None
    tolerance = PLACE_TOLERANCE_KM[max(a.geo_precision, b.geo_precision)]
    return None if km > tolerance else 1.0 - km / (2 * tolerance)


def _distinct_named_places(a: Event, b: Event) -> bool:
    """Two places each named, with neither the same gazetteer entry nor the same name in any
    spelling: two districts of a city are two places even where the gazetteers give them the
    city's coordinates. A place known only as a region, or written as "the city", is judged by
    distance instead."""
    if a.geo_precision == 3 or b.geo_precision == 3:
        return False
    if (
        a.geonames_id is not None
        and a.geonames_id == b.geonames_id
        and a.geo_precision == b.geo_precision == 1
    ):
        return False
    names_a, names_b = _names(a), _names(b)
    return bool(names_a and names_b) and not (names_a & names_b)


def _names(event: Event) -> set[str]:
    written = event.location_as_written or ""
    if not written or (
        written[:1].islower() and not written.startswith(("al-", "el-", "ad-", "as-", "ash-", "at-"))
    ):
        return set()  # "the city", "it": a reference back, not a name
    return {name_key(n) for n in (event.location, written) if n}


_TAKE_OVERS = frozenset(
    {
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
    }
)


def _actor_agreement(a: Event, b: Event) -> float | None:
    """Both sides must match, in the same order or swapped (outlets disagree on who started a fight);
    never swapped for two take-overs: who ends up holding the place is the event."""
    straight = _pair_agreement((a.actor1, a.actor2), (b.actor1, b.actor2))
    if a.sub_event_type in _TAKE_OVERS and b.sub_event_type in _TAKE_OVERS:
        return straight
    swapped = _pair_agreement((a.actor1, a.actor2), (b.actor2, b.actor1))
    found = [value for value in (straight, swapped and swapped * 0.8) if value is not None]
    return max(found) if found else None


def _pair_agreement(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> float | None:
    first = _side_agreement(a[0], b[0])
    second = _side_agreement(a[1], b[1])
    if first is None or second is None:
        return None
    return (first + second) / 2


def _side_agreement(a: str | None, b: str | None) -> float | None:
    if a == b:
        return 1.0
    if a is None or b is None:
        return 0.5  # one outlet names no target
    if _STATE_SIDE.match(a) or _STATE_SIDE.match(b):
        return None  # a state's forces are who they are
    if _GENERIC_SIDE.match(a) or _GENERIC_SIDE.match(b):
        return 0.6  # "rebels" in one outlet, the group's name in another
    return None
