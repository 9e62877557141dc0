from __future__ import annotations

import datetime as dt

from factory import DOC, event
from thucydides.extract.repeats import merge_repeats
from thucydides.model import Evidence, Mention, MentionKind, Place, PlaceMention

MONDAY = dt.date(2017, 10, 2)


def told(sub_type: str, actor1: str, start: int, **overrides: object) -> object:
    values: dict[str, object] = {
        "event_id": f"evt-{start}",
        "sub_event_type": sub_type,
        "actor1": actor1,
        "event_date": MONDAY,
        "evidence": (Evidence(DOC, start, start + 5, "....."),),
    }
    return event(**{**values, **overrides})


def test_one_bombing_told_by_different_sides_is_one_record() -> None:
    events = [
        told("Suicide bomb", "Unidentified Armed Group (Syria)", 0),
        told("Suicide bomb", "Islamic State (Syria)", 10),
        told("Suicide bomb", "Opposition Rebels (Syria)", 20),
    ]
    (merged,) = merge_repeats(events)  # type: ignore[arg-type]
    assert merged.actor1 == "Islamic State (Syria)"  # the side the text names wins over a default
    assert len(merged.evidence) == 3


def test_remote_violence_told_several_ways_is_its_most_telling_type() -> None:
    events = [
        told("Remote explosive/landmine/IED", "Islamic State (Syria)", 0),
        told("Suicide bomb", "Islamic State (Syria)", 10),
        told("Attack", "Islamic State (Syria)", 20),
    ]
    (merged,) = merge_repeats(events)  # type: ignore[arg-type]
    assert (merged.sub_event_type, merged.event_type) == ("Suicide bomb", "Explosions/Remote violence")


def test_other_days_and_places_stay_apart() -> None:
    events = [
        told("Air/drone strike", "Military Forces of Syria", 0),
        told("Air/drone strike", "Military Forces of Syria", 10, event_date=MONDAY - dt.timedelta(days=1)),
        told("Air/drone strike", "Military Forces of Syria", 20, geonames_id=1, location_as_written="Hass"),
    ]
    assert len(merge_repeats(events)) == 3  # type: ignore[arg-type]


def _at(name: str, feature: str, latitude: float, gid: int) -> PlaceMention:
    spot = Place(
        f"geonames:{gid}", name, feature, "SY", latitude, 36.3, admin1="Damascus", population=gid * 10**6
    )
    return PlaceMention(Mention(MentionKind.PLACE, 0, len(name), name, 0), spot, 1.0)


def test_a_record_at_a_city_is_its_twin_inside_the_city() -> None:
    events = [
        told("Suicide bomb", "Islamic State (Syria)", 0, place_mention=_at("Damascus", "city", 33.51, 1)),
        told(
            "Suicide bomb", "Islamic State (Syria)", 10, place_mention=_at("Sayyida Zaynab", "town", 33.44, 2)
        ),
        told("Suicide bomb", "Islamic State (Syria)", 20, place_mention=_at("Homs", "city", 34.73, 3)),
    ]
    merged = merge_repeats(events)  # type: ignore[arg-type]
    assert [e.place_mention.place.name for e in merged] == ["Sayyida Zaynab", "Homs"]  # type: ignore[union-attr]
    assert len(merged[0].evidence) == 2


def test_a_city_and_a_place_inside_it_in_one_sentence_are_one_event_and_two_cities_are_two() -> None:
    inside = [
        told(
            "Air/drone strike", "Military Forces of Syria", 0, place_mention=_at("Damascus", "city", 33.51, 1)
        ),
        told("Air/drone strike", "Military Forces of Syria", 0, place_mention=_at("Jobar", "town", 33.52, 2)),
    ]
    (merged,) = merge_repeats(inside)  # type: ignore[arg-type]
    assert merged.place_mention.place.name == "Jobar"  # type: ignore[union-attr]
    apart = [
        told(
            "Air/drone strike", "Military Forces of Syria", 0, place_mention=_at("Damascus", "city", 33.51, 1)
        ),
        told("Air/drone strike", "Military Forces of Syria", 0, place_mention=_at("Homs", "city", 34.73, 3)),
    ]
    assert len(merge_repeats(apart)) == 2  # type: ignore[arg-type]


def test_a_name_no_gazetteer_holds_after_a_city_in_one_sentence_is_the_citys_event() -> None:
    unknown = PlaceMention(Mention(MentionKind.PLACE, 60, 71, "Kafr Sousah", 0), None, 0.0)
    events = [
        told("Remote explosive/landmine/IED", "Unidentified Armed Group (Syria)", 0,
             place_mention=_at("Damascus", "city", 33.51, 1)),
        told("Remote explosive/landmine/IED", "Unidentified Armed Group (Syria)", 0, place_mention=unknown,
             location_as_written="Kafr Sousah"),
    ]  # fmt: skip
    (merged,) = merge_repeats(events)  # type: ignore[arg-type]
    assert merged.place_mention is unknown
