"""Abbreviated states and provinces (``geoparse/abbreviations.py``)."""

from __future__ import annotations

from collections.abc import Callable

from thucydides.geoparse.abbreviations import DIVISIONS, after_a_name, division_forms, form_at
from thucydides.model import Document

MakeDoc = Callable[..., Document]


def test_forms_are_read_whole_and_only_whole() -> None:
    assert form_at("Calif. (AP)", 0) == "Calif."
    assert form_at("N.M. (AP)", 0) == "N.M."
    assert form_at("ILLINOIS", 0) is None  # "IL" is only the start of a word
    assert form_at("Ill-fated", 0) is None


def test_one_form_may_stand_for_divisions_of_several_countries() -> None:
    assert set(DIVISIONS["WA"]) == {("US", "Washington"), ("AU", "Western Australia")}
    assert DIVISIONS["Ill."] == (("US", "Illinois"),)


def test_a_dotted_form_after_a_capitalised_name_is_a_division() -> None:
    text = "SPRINGFIELD, Ill. (AP) - Officials met."
    assert after_a_name(text, text.index("Ill."), "Ill.", name_start=None)


def test_a_form_not_after_a_name_is_no_division() -> None:
    text = "Miss. Jones left, and then Miss. Smith."
    assert not after_a_name(text, 0, "Miss.", name_start=None)
    assert not after_a_name(text, text.index("Miss. Smith"), "Miss.", name_start=None)


def test_a_bare_code_needs_a_known_place_before_it_that_is_not_a_surname() -> None:
    town = "They met in Baltimore, MD on Monday."
    assert after_a_name(town, town.index("MD"), "MD", name_start=town.index("Baltimore"))
    assert not after_a_name(town, town.index("MD"), "MD", name_start=None)
    degree = "said John Smith, MD, on Monday."
    assert not after_a_name(degree, degree.index("MD"), "MD", name_start=degree.index("Smith"))


def test_a_bare_code_after_a_dateline_in_capitals_is_a_division() -> None:
    text = "HORRY COUNTY, SC (WMBF) - A fire."
    assert after_a_name(text, text.index("SC"), "SC", name_start=None)


def test_forms_with_two_dots_are_divisions_wherever_they_stand(make_doc: MakeDoc) -> None:
    doc = make_doc("In D.C. it rained. Near the B.C. border it snowed.")
    assert [form for _, _, form in division_forms(doc, {})] == ["D.C.", "B.C."]
