"""What kind of place a mention names: facts later stages read instead of re-deriving them."""

from __future__ import annotations

import re

from thucydides.geoparse.lexicon import ORGANISATION_HEADS
from thucydides.model import Place, PlaceMention


def continent(place: Place) -> bool:
    """A region no country holds: a continent (the gazetteer keeps continents as regions)."""
    return place.feature == "region" and place.country_code is None


def is_whole_land(place: PlaceMention) -> bool:
    """The mention resolves to a country or a continent: an event is coded to one only when
    nothing more precise is known."""
    return place.place is not None and (place.place.feature == "country" or continent(place.place))


def is_adjective_of_place(place: PlaceMention) -> bool:
    """ "Syrian", "Russian", "US-led": a word that qualifies something by its country or continent.

    It says whose a thing is, not where something happened; a country written as one of its own
    names ("in Syria", "the US") is not an adjective.
    """
    if place.place is None or not is_whole_land(place):
        return False
    written = place.mention.text.casefold()
    return not any(written == name.casefold() for name in (place.place.name, *place.place.names))


# Entries that cover more than a town: a report that names one has not said where exactly.
_WIDE = frozenset({"country", "admin1", "admin2", "region"})


def is_local(place: PlaceMention) -> bool:
    """A town, village, neighbourhood or site, or a name no gazetteer holds (almost always local)."""
    return place.place is None or place.place.feature not in _WIDE


# The capitalised words right after a name: "Damascus Police Command", "Aleppo Media Center",
# "the Damascus Research and Studies Center".
_CAPITALISED_AFTER = re.compile(r"(?:\s+(?:[A-Z][\w’'-]*|and|of|for|&)){1,4}")


def names_an_organisation(text: str, place: PlaceMention) -> bool:
    """The name begins an institution's name ("the Damascus Police Command said"): it says whose
    the institution is, not where something happened."""
    following = _CAPITALISED_AFTER.match(text, place.mention.end)
    return following is not None and any(
        word.lower() in ORGANISATION_HEADS for word in following.group(0).split()
    )
