"""Turning a coded frame into the spec's record: ids, figures, dates, the actors' names, the notes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Sequence

from thucydides.countries import CountryTable
from thucydides.extract.actors import ActorMention, with_article
from thucydides.extract.casualties import Casualties
from thucydides.extract.context import Dating
from thucydides.extract.frames import Frame
from thucydides.extract.notes import note
from thucydides.model import Document, Event, Evidence, PlaceMention, Quantity, TimeRef
from thucydides.taxonomy import EVENT_TYPE_OF


def build_event(
    doc: Document,
    frame: Frame,
    sub_type: str,
    actor1: str,
    assoc1: str | None,
    actor2: str | None,
    place: PlaceMention | None,
    as_written: str | None,
    date: dt.date | None,
    precision: int,
    figures: Casualties,
    claim: str | None,
    *,
    strength: float,
    explicit_actor: bool,
    countries: CountryTable,
) -> Event:
    """The spec record of one coded frame at one place (location fields left to the geocoder); with
    no place when the report names none at all (location null, ``geo_precision`` 3)."""
    sentence = frame.sentence
    start = place.mention.start if place is not None else -1
    key = f"{doc.id}|{sentence.start}|{frame.head.start}|{start}|{sub_type}"
    located = place is not None and place.place is not None
    confidence = strength * (0.7 + (0.15 if explicit_actor else 0) + (0.15 if located else 0))
    country = countries.get(place.place.country_code) if place is not None and place.place else None
    return Event(
        event_id="evt-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        event_date=date,
        time_precision=precision,
        event_type=EVENT_TYPE_OF[sub_type],
        sub_event_type=sub_type,
        actor1=actor1,
        assoc_actor_1=assoc1,
        actor2=actor2,
        assoc_actor_2=None,
        country=country.name if country else None,
        iso3=country.iso3 if country else None,
        admin1=None,
        admin2=None,
        location=None,
        location_as_written=as_written,
        latitude=None,
        longitude=None,
        geo_precision=3,
        geonames_id=None,
        fatalities=figures.fatalities,
        fatalities_low=figures.fatalities_low,
        fatalities_high=figures.fatalities_high,
        injured=figures.injured,
        captured=figures.captured,
        source=doc.source,
        source_url=doc.url,
        claimed_by=claim,
        document_id=doc.id,
        evidence=(Evidence(doc.id, sentence.start, sentence.end, sentence.text),),
        notes=note(
            sub_event_type=sub_type,
            actor1=actor1,
            assoc_actor_1=assoc1,
            actor2=actor2,
            where=as_written or "a place the report does not name",
            fatalities=figures.fatalities,
            victims=figures.victims,
            captured=figures.captured,
            claimed_by=claim,
            source=doc.source,
        ),
        confidence=round(min(confidence, 1.0), 2),
        place_mention=place,
    )


def shared_opponents(events: list[Event]) -> list[Event]:
    """Actions of one subject in one sentence ("stormed the army checkpoint and took control of it")
    share the side acted upon when a later one names none."""
    out: list[Event] = []
    for event in events:
        if event.actor2 is None:
            earlier = next((e.actor2 for e in out if e.actor1 == event.actor1 and e.actor2), None)
            if earlier is not None:
                event = dataclasses.replace(event, actor2=earlier)
        out.append(event)
    return out


def in_country(actor: ActorMention, focus: str | None, country: str | None) -> str:
    """The actor's name for an event in ``country``: "police" in a report about Syria that acts in
    Turkey are Turkey's police. Actors whose words name their state keep it."""
    if actor.country is not None or not focus or not country or country == focus or not actor.text:
        return actor.name
    return actor.name.replace(f"of {with_article(focus)}", f"of {with_article(country)}").replace(
        f"({focus})", f"({country})"
    )


def unnamed(name: str, country: str | None, kind: str) -> ActorMention:
    """An actor the text implies but does not name ("Protesters (Syria)")."""
    return ActorMention(0, 0, "", f"{name} ({country or 'Unknown'})", kind, None)


def quantities_in(quantities: list[Quantity], frames: list[Frame], index: int) -> list[Quantity]:
    """Figures that belong to frame ``index``: those after its action word, before the next frame's."""
    frame = frames[index]
    start = frame.triggers[0].start if index else frame.sentence.start
    end = frames[index + 1].triggers[0].start if index + 1 < len(frames) else frame.sentence.end
    return [q for q in quantities if start <= q.mention.start < end]


def date_of(doc: Document, frame: Frame, times: Sequence[TimeRef] | None = None) -> Dating:
    """The frame's own date expression nearest its action word, else the report's day.

    ``times``: the date expressions of the frame's sentence, when the caller has them (a frame lies
    inside its sentence); else those of the whole document are looked through.
    """
    pool = doc.times if times is None else times
    in_frame = [t for t in pool if frame.start <= t.mention.start < frame.end]
    if not in_frame:
        in_frame = [t for t in pool if frame.sentence.start <= t.mention.start < frame.sentence.end]
    if in_frame:
        nearest = min(in_frame, key=lambda t: abs(t.mention.start - frame.head.start))
        return Dating(nearest.date, nearest.precision, given=True)
    reference = doc.reference_date or doc.published
    if reference is None:
        return Dating(None, 3, given=False)
    return Dating(reference, 1, given=False)
