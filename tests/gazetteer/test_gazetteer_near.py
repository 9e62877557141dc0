"""``lookup_near``: the candidates of a name by distance to another place."""

from __future__ import annotations

import pytest

from thucydides.errors import GazetteerError
from thucydides.gazetteer import Gazetteer
from thucydides.gazetteer.near import lookup_near


def test_the_candidate_nearest_the_anchor_comes_first(small_gazetteer: Gazetteer) -> None:
    anchor, candidates = lookup_near(small_gazetteer, "Arak", "Palmyra")
    assert anchor.name == "Tadmur"
    assert [c.place.country_code for c in candidates] == ["SY", "IR"]  # the village by Palmyra first
    _, one = lookup_near(small_gazetteer, "Arak", "Tadmur", limit=1)
    assert [c.place.place_id for c in one] == ["geonames:2"]


def test_an_unknown_anchor_is_an_error_naming_it_and_the_fix(small_gazetteer: Gazetteer) -> None:
    with pytest.raises(GazetteerError, match="--near 'Narnia': no place of that name") as refused:
        lookup_near(small_gazetteer, "Arak", "Narnia")
    assert "thucydides gazetteer lookup 'Narnia'" in str(refused.value)
