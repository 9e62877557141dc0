from __future__ import annotations

from factory import event
from thucydides.fuse.incidents import build_incident, incident_id


def test_every_source_keeps_its_figures_and_the_range_spans_them() -> None:
    fars = event(
        event_id="evt-a", source="Fars News Agency", fatalities=20, fatalities_low=20, fatalities_high=20
    )
    sohr = event(
        event_id="evt-b",
        document_id="sha256:" + "cd" * 32,
        source="SOHR",
        claimed_by="SOHR",
        actor2="Opposition Rebels (Syria)",
        fatalities=7,
        fatalities_low=7,
        fatalities_high=7,
    )
    incident = build_incident([sohr, fars], {})
    assert (incident.fatalities_low, incident.fatalities_high) == (7, 20)
    assert [(r.source, r.fatalities) for r in incident.reports] == [("Fars News Agency", 20), ("SOHR", 7)]
    assert incident.actor2 == "Jabhat Fateh al-Sham"  # the named group wins over the generic side
    assert incident.disagreements[0] == "fatalities: Fars News Agency: 20; SOHR: 7"
    assert incident.independent_sources == 2
    assert incident.claimants == ("SOHR",)


def test_a_republication_is_not_an_independent_source() -> None:
    original = event(event_id="evt-a", source="Fars News Agency")
    copy = event(event_id="evt-b", document_id="sha256:" + "ef" * 32, source="Mirror Site")
    incident = build_incident([original, copy], {copy.document_id: original.document_id})
    assert incident.independent_sources == 1
    assert incident.reports[1].copy_of == original.document_id


def test_the_id_depends_on_the_members_not_their_order() -> None:
    a, b = event(event_id="evt-a"), event(event_id="evt-b")
    assert incident_id([a, b]) == incident_id([b, a])
    assert incident_id([a]) != incident_id([b])
