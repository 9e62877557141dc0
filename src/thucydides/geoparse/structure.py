"""Where the text puts each place name: the place it is said to lie in, how, and its list.

Read once here, from the words between names ("X, in Y province", "Y's X", "X, 30 km north of
Y", "A, B and C in Eastern Ghouta"), and kept on each ``PlaceMention`` (``within``,
``relation``, ``modifier``, ``listed_with``) so that the extractor and the geocoder read the
same structure instead of working it out again.

``structure`` finishes the geoparser's own spans; ``link_mentions`` links place mentions that
came from elsewhere (another geoparser, a hand-made document) the same way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from thucydides.gazetteer import Candidate
from thucydides.geoparse.context import Item, can_contain
from thucydides.geoparse.links import link_items
from thucydides.geoparse.relative import relative_modifier
from thucydides.geoparse.spans import Span
from thucydides.model import Document, PlaceMention

_POSSESSIVE = ("'s", "’s")


def structure(doc: Document, items: Sequence[Item], kept: dict[int, PlaceMention]) -> list[PlaceMention]:
    """The kept mentions with the place each is said to lie in, how, its modifier and its list.

    A container the geoparser dropped passes the link on to its own container. One after a bare
    comma ("Edmonton, Alberta", but also "Homs, Aleppo") counts only when it is resolved, wide
    enough to hold the place, and not the next item of a longer list ("A, B and C").
    """
    position = {index: n for n, index in enumerate(kept)}
    placed = []
    for index, mention in kept.items():
        item = items[index]
        container = item.container
        seen = {index}
        while container is not None and container not in kept:
            if container in seen:  # a ring of links: no container
                container = None
                break
            seen.add(container)
            container = items[container].container
        if container in seen:
            container = None
        if container is not None and item.relation == "comma":
            outer = kept.get(container)
            holds = (
                outer is not None
                and outer.place is not None
                and (mention.place is None or can_contain(outer.place, mention.place))
                and len(item.siblings) <= 1  # "A, B and C" is a list; "X, Y" alone may say where X is
            )
            container = container if holds else None
        elif container is not None and item.relation == "in":
            # "attacked a hotel in the Ivory Coast in the city of Grand Bassam": a country is in no town.
            outer = kept.get(container)
            narrower = (
                outer is not None
                and outer.place is not None
                and mention.place is not None
                and not can_contain(outer.place, mention.place)
            )
            container = None if narrower else container
        within = position.get(container) if container is not None else None
        placed.append(
            dataclasses.replace(
                mention,
                within=within,
                relation=item.relation if within is not None else None,
                modifier=relative_modifier(doc, mention),
                listed_with=tuple(position[other] for other in item.siblings if other in position),
            )
        )
    return placed


def link_mentions(doc: Document, mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """``mentions`` (in text order) with their structure, read from ``doc.text`` as the geoparser
    reads its own spans."""
    items = []
    for place_mention in mentions:
        mention = place_mention.mention
        sentence = doc.sentences[mention.sentence]
        span = Span(
            start=mention.start,
            end=mention.end,
            text=mention.text,
            sentence=sentence,
            known=place_mention.place is not None,
            origin="demonym" if mention.label == "demonym" else "given",
            possessive=doc.text[mention.end : mention.end + 2] in _POSSESSIVE,
        )
        choice = Candidate(place_mention.place, mention.text, 1.0, "given") if place_mention.place else None
        items.append(Item(span=span, candidates=[choice] if choice else [], choice=choice))
    link_items(doc.text, items)
    return structure(doc, items, dict(enumerate(mentions)))
