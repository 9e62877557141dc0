"""A small store of made-up reports for the situation-report tests, fused as ``ingest`` would.

On 8 December 2016: a capture in Aleppo told by two outlets that disagree on the dead (20 and 7)
and by a site republishing the first outlet's article; an air strike in Idlib told by one outlet;
in Iraq, a bombing in Nineveh. On 6 December 2016: shelling in Hama.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from factory import event
from thucydides.fuse.run import fuse
from thucydides.model import Document, Event, Evidence
from thucydides.store.sqlite import SqliteStore

DAY = dt.date(2016, 12, 8)
CAPTURE_TEXT = (
    "Government troops entered the hill village of Tel Qamar north of the city after a night of "
    "fighting. Twenty fighters of the other side were killed in the battle, a military source said. "
    "Residents who stayed behind said the shooting stopped before dawn and the roads were closed to "
    "traffic for the rest of the day while engineers cleared the houses one by one."
)
MONITOR_TEXT = (
    "The monitoring group said seven fighters died when army units pushed into Tel Qamar. "
    "It gave no figure for soldiers. The group relies on a network of contacts on the ground."
)
STRIKE_TEXT = "Jets struck a market street in Sarmin at noon. No figure for the victims was given."
IRAQ_TEXT = "A roadside bomb went off near a checkpoint in Bartella on Thursday, police said."
SHELLING_TEXT = "Artillery hit the outskirts of Suran on Tuesday, according to local residents."


def _report(
    text: str, source: str, published: dt.date, records: list[tuple[str, dict[str, Any]]]
) -> Document:
    """A document whose records quote the given sentence of ``text`` as evidence."""
    doc = Document.from_text(text, input=f"{source}.txt", source=source, published=published)
    events = []
    for index, (sentence, fields) in enumerate(records):
        start = text.index(sentence)
        evidence = (Evidence(doc.id, start, start + len(sentence), sentence),)
        events.append(
            event(
                event_id=f"{source[:4].lower()}-{index}",
                document_id=doc.id,
                source=source,
                source_url=None,
                evidence=evidence,
                **fields,
            )
        )
    return dataclasses.replace(doc, events=tuple(events))


CAPTURE: dict[str, Any] = {
    "actor2": "Opposition Rebels (Syria)",
    "claimed_by": "military source",
    "location": "Tel Qamar",
    "location_as_written": "Tel Qamar",
    "geonames_id": 170100,
}
STRIKE: dict[str, Any] = {
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike",
    "actor1": "Military Forces of Syria",
    "assoc_actor_1": None,
    "actor2": "Civilians (Syria)",
    "admin1": "Idlib",
    "admin2": None,
    "location": "Sarmin",
    "location_as_written": "Sarmin",
    "latitude": 35.9,
    "longitude": 36.72,
    "geonames_id": 163000,
    "fatalities": None,
    "fatalities_low": None,
    "fatalities_high": None,
}
IRAQ: dict[str, Any] = {
    **STRIKE,
    "sub_event_type": "Remote explosive/landmine/IED",
    "actor1": "Unidentified Armed Group (Iraq)",
    "actor2": None,
    "country": "Iraq",
    "iso3": "IRQ",
    "admin1": "Nineveh",
    "location": "Bartella",
    "location_as_written": "Bartella",
    "latitude": 36.35,
    "longitude": 43.38,
    "geonames_id": 99000,
    "claimed_by": "police",
}
SHELLING: dict[str, Any] = {
    **STRIKE,
    "sub_event_type": "Shelling/artillery/missile attack",
    "event_date": DAY - dt.timedelta(days=2),
    "actor1": "Opposition Rebels (Syria)",
    "actor2": None,
    "admin1": "Hama",
    "location": "Suran",
    "location_as_written": "Suran",
    "latitude": 35.29,
    "longitude": 36.74,
    "geonames_id": 164000,
}


def documents() -> list[Document]:
    killed = "Twenty fighters of the other side were killed in the battle, a military source said."
    return [
        _report(
            CAPTURE_TEXT,
            "Northern Wire",
            DAY,
            [(killed, {**CAPTURE, "fatalities": 20, "fatalities_low": 20, "fatalities_high": 20})],
        ),
        _report(
            MONITOR_TEXT,
            "Monitor Group",
            DAY,
            [
                (
                    "The monitoring group said seven fighters died when army units pushed into Tel Qamar.",
                    {
                        **CAPTURE,
                        "claimed_by": "the monitoring group",
                        "fatalities": 7,
                        "fatalities_low": 7,
                        "fatalities_high": 7,
                    },
                )
            ],
        ),
        _report(
            "Reposted from Northern Wire. " + CAPTURE_TEXT + " Share this story.",
            "Mirror Site",
            DAY + dt.timedelta(days=1),
            [(killed, {**CAPTURE, "fatalities": 20, "fatalities_low": 20, "fatalities_high": 20})],
        ),
        _report(STRIKE_TEXT, "Coast Post", DAY, [("Jets struck a market street in Sarmin at noon.", STRIKE)]),
        _report(IRAQ_TEXT, "River Daily", DAY, [(IRAQ_TEXT, IRAQ)]),
        _report(SHELLING_TEXT, "Hill Radio", SHELLING["event_date"], [(SHELLING_TEXT, SHELLING)]),
    ]


def build_store(path: Path) -> Path:
    """The store of ``documents()`` at ``path``, fused."""
    with SqliteStore(path) as store:
        run = store.start_run({}, {})
        for doc in documents():
            store.add_document(doc, run)
        fuse(store)
    return path


def store_answers(path: Path) -> tuple[list[Any], list[Event], list[Any]]:
    """Everything the store holds: incidents, records and control changes (the builder filters)."""
    with SqliteStore(path) as store:
        return store.incidents(), store.events(), store.control_changes()
