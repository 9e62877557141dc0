"""Whether a place name is introduced as a direction from, a part of, or a place near it.

"East of Tadmur", "Eastern Homs", "the Northern parts of Quneitra", "near
Tadmur", "Aleppo countryside": the mention stays the name (Tadmur, Homs...);
the event geocoder reads the modifier to code ``geo_precision`` 2.
"""

from __future__ import annotations

from thucydides.geoparse.lexicon import RELATIVE_AFTER, RELATIVE_BEFORE
from thucydides.model import Document, PlaceMention

_LOOK_BEHIND = 60


def relative_modifier(doc: Document, place_mention: PlaceMention) -> str | None:
    """The directional / "near" / "parts of" phrase around the name, as written; None if there is none."""
    mention = place_mention.mention
    sentence = doc.sentence_at(mention.start)
    floor = sentence.start if sentence is not None else 0
    before = doc.text[max(floor, mention.start - _LOOK_BEHIND) : mention.start]
    match = RELATIVE_BEFORE.search(before)
    if match:
        return match.group(0).strip()
    ceiling = sentence.end if sentence is not None else len(doc.text)
    after = RELATIVE_AFTER.match(doc.text[mention.end : min(ceiling, mention.end + 30)])
    return after.group(1) if after else None
