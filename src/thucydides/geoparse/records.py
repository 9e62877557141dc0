"""Place mentions as the records of ``shared/spec/place-mention.md`` (what ``thucydides places`` prints)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from thucydides.model import Document

if TYPE_CHECKING:
    from thucydides.geoparse.stage import Geoparser

FIELDS = (
    "input",
    "document_id",
    "start",
    "end",
    "text",
    "place_id",
    "name",
    "feature",
    "country_code",
    "admin1",
    "latitude",
    "longitude",
    "score",
)


def place_records(doc: Document) -> list[dict[str, object]]:
    """One record per place mention of the document, with exactly the spec's fields, in text order."""
    records: list[dict[str, object]] = []
    for found in doc.places:
        place = found.place
        records.append(
            {
                "input": doc.input,
                "document_id": doc.id,
                "start": found.mention.start,
                "end": found.mention.end,
                "text": found.mention.text,
                "place_id": place.place_id if place else None,
                "name": place.name if place else None,
                "feature": place.feature if place else None,
                "country_code": place.country_code if place else None,
                "admin1": place.admin1 if place else None,
                "latitude": place.latitude if place else None,
                "longitude": place.longitude if place else None,
                "score": found.score,
            }
        )
    return records


def explained_records(doc: Document, geoparser: Geoparser, *, limit: int = 5) -> list[dict[str, object]]:
    """``place_records`` with, in each, the span's best candidates (``candidates``): each with its
    score and the features behind it, as weight times value (what ``places --explain`` prints)."""
    explained = geoparser.explain(doc, limit=limit)
    return [
        {**record, "candidates": explained.get(int(str(record["start"])), [])}
        for record in place_records(doc)
    ]
