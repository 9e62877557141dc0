"""A small store of hand-built reports for the API and map tests: three outlets, four real events.

- 2016-12-08, Aleppo: the army retakes Sheikh Saeed, told by Fars (2 killed) and SOHR (7 killed):
  one incident of two sources, and a change of control;
- 2016-12-09, Homs: an air strike near Palmyra (Reuters, 20 killed, claimed by the Russian ministry);
- 2016-12-10, Idlib: clashes at Saraqib (SOHR).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from factory import event
from thucydides.fuse.run import fuse
from thucydides.model import Document, Evidence
from thucydides.store.sqlite import SqliteStore

ARMY, REBELS = "Military Forces of Syria", "Jabhat Fateh al-Sham"

REPORTS: list[dict[str, object]] = [
    {
        "source": "Fars News Agency",
        "published": dt.date(2016, 12, 8),
        "text": "The Syrian army pushed deeper into eastern Aleppo on Thursday.\n\n"
        "Army units regained full control of the Sheikh Saeed district after fierce clashes, "
        "killing two militants, a military source said.",
        "evidence": "Army units regained full control of the Sheikh Saeed district",
        "events": [{"event_id": "fars-1", "fatalities": 2, "fatalities_low": 2, "fatalities_high": 2}],
    },
    {
        "source": "Syrian Observatory for Human Rights",
        "published": dt.date(2016, 12, 8),
        "text": "Regime forces and allied militias advanced in Aleppo city today. The Observatory "
        "documented that regime forces took the Sheikh Saeed neighbourhood, where seven fighters "
        "were killed in the battle.",
        "evidence": "regime forces took the Sheikh Saeed neighbourhood",
        "events": [{"event_id": "sohr-1", "fatalities": 7, "fatalities_low": 7, "fatalities_high": 7}],
    },
    {
        "source": "Reuters",
        "published": dt.date(2016, 12, 9),
        "text": "Russian jets struck positions near the ancient city of Palmyra on Friday, killing 20 "
        "people, the Russian defence ministry said in a statement.",
        "evidence": "Russian jets struck positions near the ancient city of Palmyra",
        "events": [
            {
                "event_id": "reuters-1",
                "event_date": dt.date(2016, 12, 9),
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Air/drone strike",
                "actor1": "Military Forces of Russia",
                "assoc_actor_1": None,
                "actor2": "Islamic State (Syria)",
                "admin1": "Homs",
                "admin2": "Tadmor",
                "location": "Palmyra",
                "location_as_written": "Palmyra",
                "latitude": 34.56,
                "longitude": 38.27,
                "geonames_id": 170017,
                "fatalities": 20,
                "fatalities_low": 20,
                "fatalities_high": 20,
                "claimed_by": "Ministry of Defence of Russia",
            }
        ],
    },
    {
        "source": "Syrian Observatory for Human Rights",
        "published": dt.date(2016, 12, 10),
        "text": "Clashes erupted on Saturday between rebel factions and regime forces on the "
        "outskirts of Saraqib in the Idlib countryside, the Observatory said.",
        "evidence": "Clashes erupted on Saturday between rebel factions and regime forces",
        "events": [
            {
                "event_id": "sohr-2",
                "event_date": dt.date(2016, 12, 10),
                "sub_event_type": "Armed clash",
                "actor1": "Opposition Rebels (Syria)",
                "assoc_actor_1": None,
                "actor2": ARMY,
                "admin1": "Idlib",
                "admin2": "Idlib",
                "location": "Saraqib",
                "location_as_written": "Saraqib",
                "latitude": 35.86,
                "longitude": 36.8,
                "geonames_id": 163345,
                "fatalities": None,
                "fatalities_low": None,
                "fatalities_high": None,
            }
        ],
    },
]


def report_documents() -> list[Document]:
    """The reports above as documents carrying their events, evidence pointing into their text."""
    documents = []
    for number, report in enumerate(REPORTS):
        text = str(report["text"])
        doc = Document.from_text(
            text,
            input=f"report-{number}.txt",
            source=str(report["source"]),
            published=report["published"],  # type: ignore[arg-type]
            title=f"Report {number}",
        )
        phrase = str(report["evidence"])
        start = text.index(phrase)
        evidence = (Evidence(doc.id, start, start + len(phrase), phrase),)
        events = tuple(
            event(document_id=doc.id, source=doc.source, evidence=evidence, **values)  # type: ignore[arg-type]
            for values in report["events"]  # type: ignore[attr-defined]
        )
        documents.append(dataclasses.replace(doc, events=events))
    return documents


def build_store(path: Path) -> Path:
    """A fused store of the reports above at ``path``."""
    with SqliteStore(path) as store:
        run_id = store.start_run({}, {})
        for document in report_documents():
            store.add_document(document, run_id)
        fuse(store)
        store.finish_run(run_id, {})
    return path
