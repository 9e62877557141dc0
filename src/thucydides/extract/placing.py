"""Where a sentence's events may be (``event_places``), and how likely each of a frame's places is
where its event happened, by the event-place model.

The model (``learn/event_place.py``) weighs all the sentence's places against the action word; a
place below ``NOT_THE_PLACE`` when another is likely is not an event place ("shelled Aleppo from
positions in Idlib").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc as SpacyDoc

from thucydides.extract.actors import ActorMention
from thucydides.extract.cues import is_dateline, not_an_event_place
from thucydides.extract.frames import Frame
from thucydides.learn.event_place import EventPlaceModel
from thucydides.model import Document, PlaceMention, Sentence

# Below this likelihood a place of a frame is taken for where the event did not happen ("shelled
# Aleppo from positions in Idlib"), unless no place of the frame reaches it.
NOT_THE_PLACE = 0.05


def place_likelihoods(
    model: EventPlaceModel | None,
    frame: Frame,
    parsed: SpacyDoc | None,
    places: list[PlaceMention],
    sentence_places: Sequence[PlaceMention],
) -> list[float]:
    """For each of the frame's places, how likely the event happened there (the model weighs all
    the sentence's places, ``sentence_places``); 1.0 each without the model or the parse."""
    if model is None or parsed is None or frame.head.end <= frame.head.start:
        return [1.0] * len(places)
    offset = frame.sentence.start
    candidates = list(sentence_places)
    spans = [(p.mention.start - offset, p.mention.end - offset) for p in candidates]
    for p in places:  # a place referred back to ("the town") is not among the sentence's own
        if p not in candidates:
            candidates.append(p)
            spans.append((0, 0))
    likely = model.probabilities(parsed, (frame.head.start - offset, frame.head.end - offset), spans)
    by_mention = {id(c): value for c, value in zip(candidates, likely, strict=True)}
    return [1.0 if spans[candidates.index(p)] == (0, 0) else by_mention[id(p)] for p in places]


def event_places(
    doc: Document, sentence: Sentence, places: list[PlaceMention], actors: list[ActorMention]
) -> list[PlaceMention]:
    """The sentence's places where an event may be (``not_an_event_place``); with none but a
    dateline in the country the sentence speaks of, the dateline: "Khartoum, Jun 15 (UNI) Sudan's
    security forces raped women ..." happened where the report was filed from, but "BEIRUT (AFP) -
    Syrian jets struck ..." did not."""
    free = [p for p in places if not not_an_event_place(doc, sentence, p, actors)]
    if free:
        return free
    datelines = [p for p in places if is_dateline(doc, p)]
    countries = {p.place.country_code for p in places if p.place is not None and p not in datelines}
    focus = focus_code(doc)
    return [
        p
        for p in datelines
        if p.place is not None
        and countries <= {p.place.country_code}
        and p.place.country_code in (focus, None)
    ]


def focus_code(doc: Document) -> str | None:
    """The country the report's places lie in most often (ISO code); None when it names none."""
    codes = Counter(p.place.country_code for p in doc.places if p.place and p.place.country_code)
    return codes.most_common(1)[0][0] if codes else None
