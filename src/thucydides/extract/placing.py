"""How likely each of a frame's places is where its event happened, by the event-place model.

The model (``learn/event_place.py``) weighs all the sentence's places against the action word; a
place below ``NOT_THE_PLACE`` when another is likely is not an event place ("shelled Aleppo from
positions in Idlib").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc as SpacyDoc

from thucydides.extract.frames import Frame
from thucydides.learn.event_place import EventPlaceModel
from thucydides.model import PlaceMention

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
