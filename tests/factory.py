"""Hand-built documents for extractor tests: sentences, places, figures and dates without any model."""

from __future__ import annotations

import datetime as dt
import re

from thucydides.model import (
    Document,
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


def place(name: str, *, feature: str = "town", admin1: str = "Idlib", cc: str = "SY", gid: int = 1) -> Place:
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
    return Document(
        id=document_id_for(text),
        text=text,
        input="test.txt",
        source="Test Wire",
        published=published,
        sentences=tuple(sentences),
        places=tuple(place_mentions),
        quantities=tuple(quantity_records),
        times=tuple(time_records),
    )
