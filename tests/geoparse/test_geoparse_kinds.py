from __future__ import annotations

from thucydides.geoparse.kinds import is_adjective_of_place, is_local, is_whole_land
from thucydides.model import Mention, MentionKind, Place, PlaceMention


def mention(written: str, name: str, feature: str, names: tuple[str, ...] = ()) -> PlaceMention:
    place = Place("geonames:1", name, feature, "SY", 35.0, 38.0, names=names)
    return PlaceMention(Mention(MentionKind.PLACE, 0, len(written), written, 0), place, 1.0)


def test_a_nationality_adjective_is_no_place_of_its_own() -> None:
    assert is_adjective_of_place(mention("Syrian", "Syria", "country", ("Syrian Arab Republic",)))
    assert not is_adjective_of_place(mention("Syria", "Syria", "country"))
    assert not is_adjective_of_place(mention("US", "United States", "country", ("US", "USA")))
    assert not is_adjective_of_place(mention("Aleppan", "Aleppo", "city"))


def test_whole_lands_and_local_places() -> None:
    assert is_whole_land(mention("Syria", "Syria", "country"))
    assert not is_whole_land(mention("Idlib", "Idlib", "admin1"))
    assert is_local(mention("Kafr Nabl", "Kafr Nabl", "village"))
    assert not is_local(mention("Idlib", "Idlib", "admin1"))
    unresolved = PlaceMention(Mention(MentionKind.PLACE, 0, 5, "Qsaa", 0), None, 0.0)
    assert is_local(unresolved)
