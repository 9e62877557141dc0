from __future__ import annotations

import factory
from thucydides.model import Event, Evidence
from thucydides.record import EVENT_TYPE_OF, RECORD_FIELDS, TAXONOMY, event_from_record, event_to_record


def make_event() -> Event:
    return factory.event(
        sub_event_type="Armed clash",
        assoc_actor_1=None,
        actor2="Islamic State (Syria)",
        admin1="Homs",
        admin2=None,
        location="Tadmur",
        location_as_written="Palmyra",
        latitude=34.56,
        longitude=38.28,
        geo_precision=2,
        geonames_id=163808,
        fatalities=20,
        fatalities_low=20,
        fatalities_high=90,
        source="Wire",
        source_url=None,
        claimed_by="military source",
        document_id="sha256:ab",
        evidence=(Evidence("sha256:ab", 0, 10, "0123456789"),),
        notes="n",
    )


def test_record_has_the_spec_fields_in_order_and_round_trips() -> None:
    record = event_to_record(make_event(), input="a.txt")
    assert list(record)[: len(RECORD_FIELDS)] == list(RECORD_FIELDS)
    assert record["input"] == "a.txt"
    assert record["event_date"] == "2016-12-08"
    assert record["evidence"] == [{"document_id": "sha256:ab", "start": 0, "end": 10, "text": "0123456789"}]
    assert event_from_record({**record, "unknown_field": 1}) == make_event()


def test_every_sub_type_belongs_to_exactly_one_type() -> None:
    assert sum(len(subs) for subs in TAXONOMY.values()) == len(EVENT_TYPE_OF)
    assert EVENT_TYPE_OF["Air/drone strike"] == "Explosions/Remote violence"
