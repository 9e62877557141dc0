"""parse_quantity: digits, number words, vague quantifiers and modifiers."""

from __future__ import annotations

import pytest

from thucydides.nlp.figures import Figure, quantifiers, tokenize
from thucydides.nlp.quantities import parse_quantity


def figure(low: int, high: int | None, *, exact: bool = False) -> Figure:
    return Figure(best=low, low=low, high=high, exact=exact)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the spec's own examples
        ("dozens", figure(12, 99)),
        ("several", figure(3, 9)),
        ("tens of", figure(20, 90)),
        ("nearly a dozen", figure(9, 11)),
        ("scores of", figure(40, 99)),
        ("a number of", figure(2, 9)),
        ("around two dozen", figure(20, 28)),
    ],
)
def test_the_spec_examples(text: str, expected: Figure) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("15", 15),
        ("1,200", 1200),
        ("12,000", 12000),
        ("0", 0),
        ("one", 1),
        ("fifteen", 15),
        ("Fifteen", 15),
        ("twenty-two", 22),
        ("twenty two", 22),
        ("ninety-nine", 99),
        ("two hundred", 200),
        ("a hundred", 100),
        ("two hundred and fifty", 250),
        ("one thousand two hundred", 1200),
        ("three thousand", 3000),
        ("3 thousand", 3000),
        ("2.5 million", 2_500_000),
    ],
)
def test_plain_numbers_are_exact(text: str, value: int) -> None:
    assert parse_quantity(text) == figure(value, value, exact=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two dozen", figure(24, 24)),
        ("3 dozen", figure(36, 36)),
        ("a dozen", figure(12, 12)),
        ("half a dozen", figure(6, 6)),
        ("a score of", figure(20, 20)),
        ("a few", figure(2, 5)),
        ("few", figure(2, 5)),
        ("a couple of", figure(2, 3)),
        ("a handful of", figure(2, 5)),
        ("Dozens of", figure(12, 99)),
        ("a few dozen", figure(24, 60)),
        ("several dozen", figure(36, 108)),
        ("tens", figure(20, 90)),
        ("scores", figure(40, 99)),
        ("hundreds of", figure(200, 999)),
        ("a few hundred", figure(200, 500)),
        ("several hundred", figure(300, 900)),
        ("thousands", figure(2000, 9999)),
        ("a few thousand", figure(2000, 5000)),
        ("several thousand", figure(3000, 9000)),
        ("tens of thousands of", figure(20000, 90000)),
        ("hundreds of thousands", figure(200000, 999999)),
        ("a large number of", figure(10, None)),
        ("a great number of", figure(10, None)),
        ("a significant number of", figure(10, None)),
        ("a considerable number of", figure(10, None)),
        ("large numbers of", figure(10, None)),
        ("many", figure(10, None)),
        ("numerous", figure(10, None)),
    ],
)
def test_vague_quantifiers(text: str, expected: Figure) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    "text", ["some", "most of", "all", "some militants", "many militants", "", "militants"]
)
def test_wording_without_a_figure_gives_none(text: str) -> None:
    assert parse_quantity(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 15", figure(15, None)),
        ("no fewer than 15", figure(15, None)),
        ("not less than 15", figure(15, None)),
        ("15 or more", figure(15, None)),
        ("20-plus", figure(20, None)),
        ("more than 20", figure(21, None)),
        ("over 20", figure(21, None)),
        ("upwards of 20", figure(21, None)),
        ("in excess of 20", figure(21, None)),
        ("more than a dozen", figure(13, None)),
        ("up to 30", figure(1, 30)),
        ("as many as 30", figure(1, 30)),
        ("fewer than 10", figure(1, 9)),
        ("less than 10", figure(1, 9)),
        ("under 10", figure(1, 9)),
        ("about 100", figure(85, 115)),
        ("around 20", figure(17, 23)),
        ("approximately 40", figure(34, 46)),
        ("roughly 40", figure(34, 46)),
        ("some 30", figure(25, 35)),
        ("an estimated 1,000", figure(850, 1150)),
        ("30 or so", figure(25, 35)),
        ("about a dozen", figure(10, 14)),
        ("nearly 30", figure(24, 29)),
        ("almost 2,000", figure(1600, 1999)),
        ("close to 50", figure(40, 49)),
        ("nearly two dozen", figure(19, 23)),
        ("between 10 and 20", figure(10, 20)),
        ("10 to 15", figure(10, 15)),
        ("10-15", figure(10, 15)),
        ("two or three", figure(2, 3)),
        ("another 15", figure(15, 15, exact=True)),
        ("a further 15", figure(15, 15, exact=True)),
        ("about dozens", figure(12, 99)),  # a modifier leaves a vague range as it is
    ],
)
def test_modifiers(text: str, expected: Figure) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    "text", ["1.5", "between 10", "15 militants", "two two", "15 to 10", "over", "about"]
)
def test_not_one_figure(text: str) -> None:
    assert parse_quantity(text) is None


def test_the_quantifier_table_is_well_formed() -> None:
    table = quantifiers()
    assert len(table) >= 30
    for words, row in table.items():
        assert row.source, words
        assert row.low is not None or row.high is None, words
        if row.low is not None and row.high is not None:
            assert row.low <= row.high, words
    assert table[("tens",)].source.startswith("spec")


def test_every_row_of_the_table_parses_as_its_own_figure() -> None:
    for words, row in quantifiers().items():
        parsed = parse_quantity(" ".join(words))
        expected = None if row.low is None else figure(row.low, row.high)
        assert parsed == expected, words


def test_tokens_keep_offsets_numbers_and_hyphenated_words() -> None:
    tokens = tokenize("Killed 1,200 pro-government fighters’ (12sq/km)")
    assert [t.text for t in tokens] == [
        "Killed",
        "1,200",
        "pro-government",
        "fighters",
        "’",
        "(",
        "12",
        "sq",
        "/",
        "km",
        ")",
    ]
    assert all(t.text == "Killed 1,200 pro-government fighters’ (12sq/km)"[t.start : t.end] for t in tokens)
