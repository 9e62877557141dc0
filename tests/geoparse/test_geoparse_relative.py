"""Directions, parts and nearness around a place name, for geo_precision 2."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.geoparse import Geoparser, relative_modifier
from thucydides.model import Document

MakeDoc = Callable[..., Document]


@pytest.mark.parametrize(
    ("text", "modifier"),
    [
        ("Clashes erupted East of Tadmur today.", "East of"),
        ("Jets struck Eastern Homs.", "Eastern"),
        ("Troops entered the Northern parts of Tadmur.", "the Northern parts of"),
        ("Troops massed near Tadmur.", "near"),
        ("Shells fell on the outskirts of Homs.", "the outskirts of"),
        ("Troops moved south-east of Homs.", "south-east of"),
        ("Rebels hold the Homs countryside.", "countryside"),
        ("Jets struck Homs.", None),
        ("Troops entered Tadmur.", None),
    ],
)
def test_relative_modifier(geoparser: Geoparser, text: str, modifier: str | None, make_doc: MakeDoc) -> None:
    doc = geoparser(make_doc(text))
    (found,) = [p for p in doc.places if p.place is not None]
    assert relative_modifier(doc, found) == modifier
