"""More candidates for a span whose known spellings do not fit: close spellings in a country.

A name the gazetteer does not know in the report's focus country, or whose candidates all lie
outside the place the text says it lies in ("Ain Issa ... in Lattakia"), or that something vouches
for while every candidate is rejected, gets the close spellings of its name in that country.
A nationality adjective never does: no close spelling of "Iraqi" is a town.
"""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.gazetteer import Gazetteer
from thucydides.geoparse.context import Context, Item, can_contain, container_place, inside


def fuzzy_candidates(gazetteer: Gazetteer, items: Sequence[Item], context: Context) -> None:
    """Spans the gazetteer does not know in the focus country get close spellings from it."""
    if context.focus is None:
        return
    for item in items:
        if item.span.origin != "construct" and any(
            c.place.country_code == context.focus for c in item.candidates
        ):
            continue
        if (
            item.span.known
            and item.span.origin == "gazetteer"
            and item.cue is None
            and not item.span.locative
        ):
            continue
        add_close_spellings(gazetteer, item, context.focus)


def contained_candidates(gazetteer: Gazetteer, items: Sequence[Item]) -> bool:
    """Spans said to lie in a place none of whose candidates lies in get the close spellings of
    their name in the container's country ("Ain Issa ... in Lattakia": the Raqqa one does not fit).

    Returns whether any item got new candidates.
    """
    added = False
    for index, item in enumerate(items):
        container = container_place(index, items)
        if container is None or item.loose_container or container.country_code is None:
            continue
        if item.close_tried or not item.candidates:
            continue
        if any(
            inside(candidate.place, container) or not can_contain(container, candidate.place)
            for candidate in item.candidates
        ):
            continue
        before = len(item.candidates)
        add_close_spellings(gazetteer, item, container.country_code)
        added = added or len(item.candidates) > before
    return added


def add_close_spellings(gazetteer: Gazetteer, item: Item, country: str) -> None:
    """Add the close spellings of the item's name in ``country`` to its candidates (once).

    A nationality adjective names its country: no close spelling of "Iraqi" is a town.
    """
    if item.close_tried or item.span.origin in {"demonym", "capital"}:
        return
    item.close_tried = True
    known = {candidate.place.place_id for candidate in item.candidates}
    close = gazetteer.close_spellings(item.span.text, country=country, limit=8)
    item.candidates = [*item.candidates, *(c for c in close if c.place.place_id not in known)]
