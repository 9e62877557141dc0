"""Persons' names and ordinary words, read from the rest of the report."""

from __future__ import annotations

from collections.abc import Callable

from thucydides.geoparse.persons import lowercase_words, name_parts
from thucydides.geoparse.tokens import Word
from thucydides.model import Document

MakeDoc = Callable[..., Document]


def _parts(doc: Document, known: set[str] = frozenset()) -> frozenset[str]:  # type: ignore[assignment]
    return name_parts(
        doc,
        known=lambda run: " ".join(word.text for word in run) in known,
        not_a_given_name=lambda word: word.lower in {"the", "president"},
    )


def test_the_words_after_a_first_name_are_name_parts(make_doc: MakeDoc) -> None:
    doc = make_doc("Officials said that Mike Kelly and Andres Manuel Lopez spoke.")
    assert _parts(doc) == {"Kelly", "Manuel", "Lopez"}


def test_a_known_place_name_gives_no_name_parts(make_doc: MakeDoc) -> None:
    assert _parts(make_doc("They flew from New York to Baghdad."), {"New York"}) == frozenset()


def test_a_two_word_run_at_a_sentence_start_is_not_trusted(make_doc: MakeDoc) -> None:
    assert _parts(make_doc("Visit Paris this year.")) == frozenset()


def test_a_run_after_a_title_word_is_left_alone(make_doc: MakeDoc) -> None:
    assert _parts(make_doc("He called President Obama.")) == frozenset()


def test_lowercase_words_are_collected(make_doc: MakeDoc) -> None:
    assert {"near", "the"} <= lowercase_words(make_doc("Near the road, near the river."))
    assert "Near" not in lowercase_words(make_doc("Near the road."))


def test_words_are_words(make_doc: MakeDoc) -> None:
    assert isinstance(Word("x", 0, 1), Word)


def test_a_name_that_speaks_or_has_a_role_is_a_person_given_name_and_all(make_doc: MakeDoc) -> None:
    assert _parts(make_doc("Shadi Matar said the aid had not arrived.")) == {"Shadi", "Matar"}
    assert _parts(make_doc("Aid arrived, Talal Selo, an SDF spokesman, told reporters.")) == {"Talal", "Selo"}
    assert _parts(make_doc("The town is quiet, according to activist Omar Haddad.")) == {"Omar", "Haddad"}


def test_a_place_named_beside_a_place_word_is_no_person(make_doc: MakeDoc) -> None:
    doc = make_doc("Troops entered Tal Hamra, a village near the river.")
    assert "Tal" not in _parts(doc)


def test_a_single_word_that_speaks_is_a_surname_unless_a_place_word_introduces_it(make_doc: MakeDoc) -> None:
    assert "Sandberg" in _parts(make_doc("“This will take a year,” Sandberg said."))
    assert "Dewsbury" not in _parts(make_doc("Barry, who was from Dewsbury said she was happy."))
