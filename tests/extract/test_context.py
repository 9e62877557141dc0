from __future__ import annotations

import datetime as dt

from thucydides.extract.context import Dating, DocumentContext
from thucydides.model import Mention, MentionKind, Place, PlaceMention

MONDAY = dt.date(2017, 10, 2)
TUESDAY = dt.date(2017, 10, 3)
STRIKE = "Air/drone strike"


def _at(name: str, lat: float, lon: float) -> PlaceMention:
    place = Place(f"test:{name}", name, "village", "SY", lat, lon, names=(name,))
    return PlaceMention(Mention(MentionKind.PLACE, 0, len(name), name, 0), place, 1.0, 1, "test")


MIDAN = _at("Midan", 33.49, 36.30)
JOBAR = _at("Jobar", 33.53, 36.33)  # 5 km from Midan
HOMS = _at("Homs", 34.73, 36.71)  # 140 km away


def test_a_later_undated_telling_at_the_same_place_takes_the_date_the_text_gave() -> None:
    context = DocumentContext(sections=[0, 0, 0])
    assert context.date_at(MIDAN, STRIKE, Dating(MONDAY, 1, given=True)) == (MONDAY, 1)
    # "Witnesses in Midan heard two blasts": no date of its own, the report is of Tuesday.
    assert context.date_at(MIDAN, "Armed clash", Dating(TUESDAY, 1, given=False)) == (MONDAY, 1)


def test_an_undated_telling_of_the_same_kind_nearby_takes_the_date_the_text_gave() -> None:
    # "jets struck a village near Damascus on Monday" ... "the strikes on Jobar killed five"
    context = DocumentContext(sections=[0])
    context.date_at(MIDAN, STRIKE, Dating(MONDAY, 1, given=True))
    assert context.date_at(JOBAR, STRIKE, Dating(TUESDAY, 1, given=False)) == (MONDAY, 1)


def test_an_undated_event_of_another_kind_or_far_away_takes_the_reports_day() -> None:
    context = DocumentContext(sections=[0])
    context.date_at(MIDAN, STRIKE, Dating(MONDAY, 1, given=True))
    assert context.date_at(JOBAR, "Armed clash", Dating(TUESDAY, 1, given=False)) == (TUESDAY, 1)
    assert context.date_at(HOMS, STRIKE, Dating(TUESDAY, 1, given=False)) == (TUESDAY, 1)


def test_an_undated_event_inside_the_province_the_text_dated_an_event_in_takes_that_date() -> None:
    latakia = Place("test:Latakia", "Latakia", "admin1", "SY", 35.6, 36.0, admin1="Latakia")
    province = PlaceMention(Mention(MentionKind.PLACE, 0, 7, "Latakia", 0), latakia, 1.0, 1, "test")
    kinsabba = Place("test:Kinsabba", "Kinsabba", "village", "SY", 35.9, 36.4, admin1="Latakia")
    village = PlaceMention(Mention(MentionKind.PLACE, 0, 8, "Kinsabba", 0), kinsabba, 1.0, 1, "test")
    unknown = PlaceMention(Mention(MentionKind.PLACE, 0, 6, "Jabal Q", 0), None, 0.0, 0, "test")
    context = DocumentContext(sections=[0])
    context.date_at(province, "Armed clash", Dating(MONDAY, 1, given=True))
    assert context.date_at(village, "Armed clash", Dating(TUESDAY, 1, given=False)) == (MONDAY, 1)
    # A place the gazetteer lacks, said to lie in the province, is dated the same way.
    dating = Dating(TUESDAY, 1, given=False)
    assert context.date_at(unknown, "Armed clash", dating, container=province) == (MONDAY, 1)
    assert context.date_at(unknown, "Armed clash", dating) == (TUESDAY, 1)


def test_a_word_referring_back_means_the_latest_place_of_its_kind() -> None:
    city = Place("test:aleppo", "Aleppo", "city", "SY", 36.2, 37.16, names=("Aleppo",))
    aleppo = PlaceMention(Mention(MentionKind.PLACE, 0, 6, "Aleppo", 0), city, 1.0, 1, "test")
    hospital = PlaceMention(
        Mention(MentionKind.PLACE, 20, 34, "Kindi Hospital", 1, "hospital"), None, 0.0, 0, "test"
    )
    context = DocumentContext(sections=[0, 0])
    context.remember_place(aleppo)
    context.remember_place(hospital)
    # "Fighting for the city went on": not the hospital named since.
    assert context.antecedent("the city") is aleppo
    assert context.antecedent("the site") is hospital
    assert context.antecedent("there") is hospital
