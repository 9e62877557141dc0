"""Order independence, idempotence and the one-document rule, as properties."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factory import event
from thucydides.fuse.compare import FUSE_THRESHOLD, compatible, similarity
from thucydides.fuse.run import fuse_records
from thucydides.model import Event

PLACES = [(170063, 36.2012, 37.1612), (170064, 36.2101, 37.1700), (163345, 35.8500, 36.6300)]
TYPES = [
    ("Battles", "Government regains territory"),
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
]
ACTORS = [
    "Military Forces of Syria",
    "Military Forces of Russia",
    "Opposition Rebels (Syria)",
    "Jabhat Fateh al-Sham",
]


@st.composite
def records(draw: st.DrawFn) -> list[Event]:
    count = draw(st.integers(min_value=1, max_value=14))
    made = []
    for index in range(count):
        gid, lat, lon = draw(st.sampled_from(PLACES))
        event_type, sub_type = draw(st.sampled_from(TYPES))
        made.append(
            event(
                event_id=f"evt-{index:02d}",
                document_id=f"sha256:{draw(st.integers(0, 4)):064d}",
                source=draw(st.sampled_from(["Fars", "SANA", "SOHR", "Reuters"])),
                event_date=dt.date(2016, 12, 8) + dt.timedelta(days=draw(st.integers(0, 3))),
                time_precision=draw(st.sampled_from([1, 1, 2])),
                geonames_id=gid,
                latitude=lat,
                longitude=lon,
                event_type=event_type,
                sub_event_type=sub_type,
                actor1=draw(st.sampled_from(ACTORS)),
                actor2=draw(st.sampled_from([*ACTORS, None])),
                fatalities=draw(st.one_of(st.none(), st.integers(0, 40))),
            )
        )
    return made


def partition(events: list[Event]) -> set[frozenset[str]]:
    return {frozenset(r.event_id for r in incident.reports) for incident in fuse_records(events)}


@settings(max_examples=60, deadline=None)
@given(records(), st.randoms(use_true_random=False))
def test_the_same_incidents_whatever_the_arrival_order(events: list[Event], random: object) -> None:
    shuffled = list(events)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert partition(shuffled) == partition(events)


@settings(max_examples=60, deadline=None)
@given(records())
def test_every_record_is_in_exactly_one_incident_and_ids_are_stable(events: list[Event]) -> None:
    incidents = fuse_records(events)
    members = [r.event_id for i in incidents for r in i.reports]
    assert sorted(members) == sorted(e.event_id for e in events)
    assert [i.incident_id for i in fuse_records(events)] == [i.incident_id for i in incidents]


@settings(max_examples=60, deadline=None)
@given(records())
def test_an_incident_never_holds_incompatible_records(events: list[Event]) -> None:
    by_id = {e.event_id: e for e in events}
    for incident in fuse_records(events):
        group = [by_id[r.event_id] for r in incident.reports]
        for a in group:
            for b in group:
                if a is not b:
                    assert compatible(a, b)
                    if a.document_id == b.document_id:  # one document: only the same event written twice
                        assert (a.sub_event_type, a.geonames_id) == (b.sub_event_type, b.geonames_id)


def test_a_chain_of_daily_clashes_is_not_one_incident() -> None:
    days = [
        event(
            event_id=f"evt-{day}",
            document_id=f"sha256:{day:064d}",
            sub_event_type="Armed clash",
            event_date=dt.date(2016, 12, 1) + dt.timedelta(days=day),
        )
        for day in range(4)
    ]
    assert similarity(days[0], days[1]) >= FUSE_THRESHOLD  # neighbours look alike...
    assert all(len(incident.reports) <= 2 for incident in fuse_records(days))  # ...but no chain forms
