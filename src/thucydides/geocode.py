"""The geocode stage: codes each event's location fields from the place it happened at.

1. A resolved place gives its gazetteer name (as English text writes it: "Harasta", not
   "Ḩarastā"), admin names, coordinates and
   GeoNames id; ``geo_precision`` is 1 for the place itself, 2 when the text
   places the event near or in part of it ("East of Tadmur", "the region"),
   3 when only a governorate, region or country is known.
2. A place name no gazetteer holds keeps its written name and is coded to the
   place that locates it in the text (the anchor in "X, East of Y", or the
   last resolved place of the paragraph) with ``geo_precision`` 2.
3. With neither, coordinates stay null: never silently snapped to the country.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools

from thucydides.countries import CountryTable
from thucydides.gazetteer.normalize import plain_name
from thucydides.geoparse.kinds import is_whole_land
from thucydides.model import Document, Event, Place, PlaceMention

_REGION_FEATURES = frozenset({"country", "admin1", "admin2", "region"})


class Geocoder:
    """Stage: fills location fields of ``events`` from the places the extractor tied them to."""

    name = "geocode"
    requires: tuple[str, ...] = ("events", "places")
    assigns: tuple[str, ...] = ("events",)

    def __init__(self, *, countries: CountryTable) -> None:
        self.countries = countries

    def __call__(self, doc: Document) -> Document:
        anchors = _Anchors(doc)
        return dataclasses.replace(doc, events=tuple(self._code(doc, event, anchors) for event in doc.events))

    def _code(self, doc: Document, event: Event, anchors: _Anchors | None = None) -> Event:
        mention = event.place_mention
        if mention is None:
            return event
        if mention.place is not None:
            relative = mention.modifier is not None
            precision = 3 if mention.place.feature in _REGION_FEATURES else (2 if relative else 1)
            location = plain_name(mention.place.name)
            return self._with_place(event, mention.place, location=location, precision=precision)
        anchor = (anchors or _Anchors(doc)).anchor_for(mention)
        written = _clean_written(mention.mention.text)
        if anchor is None:
            return dataclasses.replace(event, location=written, geo_precision=3)
        return self._with_place(event, anchor, location=written, precision=2)

    def _with_place(self, event: Event, place: Place, *, location: str, precision: int) -> Event:
        country = self.countries.get(place.country_code)
        return dataclasses.replace(
            event,
            country=country.name if country else event.country,
            iso3=country.iso3 if country else event.iso3,
            admin1=place.admin1 if place.feature != "country" else None,
            admin2=place.admin2,
            location=location,
            latitude=place.latitude,
            longitude=place.longitude,
            geo_precision=precision,
            geonames_id=place.geonames_id,
        )


class _Anchors:
    """The resolved places of a document that may locate an unresolved one, found once per document
    (a long report has thousands of events): ``anchor_for`` each unresolved place."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._resolved: list[PlaceMention] | None = None
        self._starts: list[int] = []
        self._ordered = False

    def resolved(self) -> list[PlaceMention]:
        if self._resolved is None:
            doc = self.doc
            self._resolved = [p for p in doc.places if p.place is not None and not is_whole_land(p)]
            self._starts = [p.mention.start for p in self._resolved]
            # In text order, and paragraphs never go back: then a binary search finds the places
            # around a mention, and a walk back stops at the paragraph before.
            sentences = itertools.pairwise(doc.sentences)
            self._ordered = all(a <= b for a, b in itertools.pairwise(self._starts)) and all(
                a.start <= b.start and a.paragraph <= b.paragraph for a, b in sentences
            )
        return self._resolved

    def anchor_for(self, mention: PlaceMention) -> Place | None:
        """The place the text says it lies in, else the next resolved place in its sentence, else the
        last before it in its paragraph."""
        container = self.doc.container_of(mention)
        if container is not None and container.place is not None and not is_whole_land(container):
            return container.place
        resolved = self.resolved()
        if not self._ordered:
            return _anchor_for(self.doc, mention, resolved)
        doc = self.doc
        start, end = mention.mention.start, mention.mention.end
        sentence = doc.sentence_at(start)
        if sentence is not None:
            limit = min(sentence.end, end + 60)
            position = bisect.bisect_left(self._starts, end)
            if position < len(resolved) and resolved[position].mention.start < limit:
                return resolved[position].place
        paragraph = sentence.paragraph if sentence else None
        for position in range(bisect.bisect_left(self._starts, start) - 1, -1, -1):
            if paragraph is None:
                return resolved[position].place
            found = doc.sentence_at(resolved[position].mention.start)
            if found is not None and found.paragraph == paragraph:
                return resolved[position].place
            if found is not None and found.paragraph < paragraph:
                return None  # every place before it is in an earlier paragraph too
        return None


def _anchor_for(doc: Document, mention: PlaceMention, resolved: list[PlaceMention]) -> Place | None:
    """The resolved place that locates an unresolved one: next in its sentence, else the last before it.

    A whole country does not locate a village: its centroid would put the event hundreds of
    kilometres away, where no coordinates say honestly that only the name is known.
    """
    sentence = doc.sentence_at(mention.mention.start)
    if sentence is not None:
        following = [
            p
            for p in resolved
            if mention.mention.end <= p.mention.start < min(sentence.end, mention.mention.end + 60)
        ]
        if following:
            return following[0].place
    paragraph = sentence.paragraph if sentence else None
    earlier = [
        p
        for p in resolved
        if p.mention.start < mention.mention.start
        and (
            paragraph is None
            or ((s := doc.sentence_at(p.mention.start)) is not None and s.paragraph == paragraph)
        )
    ]
    if earlier:
        return earlier[-1].place
    return None


def _clean_written(text: str) -> str:
    """The written name as a location label: without a leading "the" and surrounding spaces."""
    text = text.strip()
    return text[4:] if text.lower().startswith("the ") else text
