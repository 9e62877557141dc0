"""Hand-built records for tests: events, and documents with sentences, places, figures and dates."""

from __future__ import annotations

import datetime as dt
import re

from thucydides.geoparse import link_mentions
from thucydides.model import (
    Document,
    Event,
    Evidence,
    Mention,
    MentionKind,
    Place,
    PlaceMention,
    Quantity,
    Sentence,
    TimeRef,
    document_id_for,
)

PUBLISHED = dt.date(2017, 3, 16)  # a Thursday
DOC = "sha256:" + "ab" * 32


def event(**overrides: object) -> Event:
    """A plausible event record (a capture in Aleppo); any field can be overridden."""
    document_id = str(overrides.get("document_id", DOC))
    values: dict[str, object] = {
        "event_id": "evt-1",
        "event_date": dt.date(2016, 12, 8),
        "time_precision": 1,
        "event_type": "Battles",
        "sub_event_type": "Government regains territory",
        "actor1": "Military Forces of Syria",
        "assoc_actor_1": "NDF: National Defence Forces",
        "actor2": "Jabhat Fateh al-Sham",
        "assoc_actor_2": None,
        "country": "Syria",
        "iso3": "SYR",
        "admin1": "Aleppo",
        "admin2": "Jebel Saman",
        "location": "Ash Shaykh Sa'id",
        "location_as_written": "Sheikh Saeed",
        "latitude": 36.20124,
        "longitude": 37.16117,
        "geo_precision": 1,
        "geonames_id": 170063,
        "fatalities": 2,
        "fatalities_low": 2,
        "fatalities_high": 2,
        "injured": None,
        "captured": None,
        "source": "Fars News Agency",
        "source_url": "http://example.org/aleppo",
        "claimed_by": None,
        "document_id": document_id,
        "evidence": (Evidence(document_id, 0, 10, "0123456789"),),
        "notes": "Military Forces of Syria regained Ash Shaykh Sa'id from Jabhat Fateh al-Sham.",
        "confidence": 0.8,
        "incident_id": None,
    }
    values.update(overrides)
    return Event(**values)  # type: ignore[arg-type]


def place(
    name: str, *, feature: str = "town", admin1: str = "Idlib", cc: str | None = "SY", gid: int = 1
) -> Place:
    return Place(
        place_id=f"geonames:{gid}",
        name=name,
        feature=feature,
        country_code=cc,
        latitude=35.0 + gid / 100,
        longitude=36.0 + gid / 100,
        admin1=admin1,
        geonames_id=gid,
    )


def document(
    text: str,
    *,
    places: dict[str, Place | None] | None = None,
    quantities: list[tuple[str, str, int, int, int | None]] = (),  # type: ignore[assignment]
    times: list[tuple[str, dt.date | None, int]] = (),  # type: ignore[assignment]
    published: dt.date | None = PUBLISHED,
) -> Document:
    """A document whose sentences are split on '. ' and blank lines, with the given places resolved."""
    sentences = []
    for paragraph, block in enumerate(re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)):
        for match in re.finditer(r"[^.!?]+[.!?]?", block.group(0)):
            raw = match.group(0)
            start = block.start() + match.start() + (len(raw) - len(raw.lstrip()))
            end = block.start() + match.end()
            if text[start:end].strip():
                sentences.append(Sentence(len(sentences), start, end, text[start:end], paragraph))

    def sentence_of(offset: int) -> int:
        return next(s.index for s in sentences if s.start <= offset < s.end)

    def spans(phrase: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]

    place_mentions = []
    for name, entry in (places or {}).items():
        for start, end in spans(name):
            mention = Mention(MentionKind.PLACE, start, end, name, sentence_of(start))
            place_mentions.append(PlaceMention(mention, entry, 0.9 if entry else 0.0))
    place_mentions.sort(key=lambda p: p.mention.start)
    quantity_records = []
    for phrase, role, best, low, high in quantities:
        start, end = spans(phrase)[0]
        mention = Mention(MentionKind.QUANTITY, start, end, phrase, sentence_of(start), role)
        quantity_records.append(Quantity(mention, best, low, high, exact=low == high))
    time_records = []
    for phrase, date, precision in times:
        start, end = spans(phrase)[0]
        time_records.append(
            TimeRef(Mention(MentionKind.DATE, start, end, phrase, sentence_of(start)), date, precision)
        )
    bare = Document(id=document_id_for(text), text=text, input="test.txt", sentences=tuple(sentences))
    return Document(
        id=document_id_for(text),
        text=text,
        input="test.txt",
        source="Test Wire",
        published=published,
        sentences=tuple(sentences),
        places=tuple(link_mentions(bare, place_mentions)),
        quantities=tuple(quantity_records),
        times=tuple(time_records),
    )
