from __future__ import annotations

from thucydides.geoparse.kinds import is_adjective_of_place, is_local, is_whole_land, names_an_organisation
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


def test_a_place_that_begins_an_institutions_name_only_says_whose_it_is() -> None:
    def at_start(text: str) -> PlaceMention:
        name = text.split()[0]
        return PlaceMention(Mention(MentionKind.PLACE, 0, len(name), name, 0), None, 1.0)

    assert names_an_organisation("Homs Police Command said two died.", at_start("Homs"))
    assert names_an_organisation("Hama Media Center reported shelling.", at_start("Hama"))
    assert names_an_organisation("Raqqa Provincial Council met.", at_start("Raqqa"))
    assert names_an_organisation("Homs Research and Studies Center closed.", at_start("Homs"))
    assert not names_an_organisation("Homs Central Prison was shelled.", at_start("Homs"))
    assert not names_an_organisation("Hama was shelled by Police forces.", at_start("Hama"))
    assert not names_an_organisation("Idlib International Airport was hit.", at_start("Idlib"))
