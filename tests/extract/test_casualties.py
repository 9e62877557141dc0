from __future__ import annotations

from thucydides.extract.casualties import casualties_for, split
from thucydides.model import Mention, MentionKind, Quantity


def quantity(role: str, best: int, low: int, high: int | None) -> Quantity:
    return Quantity(Mention(MentionKind.QUANTITY, 0, 5, "words", 0, role), best, low, high, exact=False)


def test_split_gives_the_remainder_to_the_first_records_and_keeps_the_total() -> None:
    shares = [split(9, 4, i) for i in range(4)]
    assert shares == [3, 2, 2, 2]
    assert sum(shares) == 9  # type: ignore[arg-type]
    assert split(None, 3, 0) is None


def test_range_is_split_like_the_figure() -> None:
    figures = [casualties_for([quantity("killed:militants", 20, 20, 90)], parts=5, index=i) for i in range(5)]
    assert [(f.fatalities, f.fatalities_low, f.fatalities_high) for f in figures] == [(4, 4, 18)] * 5
    assert figures[0].victims == "militants"


def test_injured_and_captured_are_kept_apart_from_deaths() -> None:
    figures = casualties_for(
        [quantity("injured", 12, 12, 99), quantity("captured", 9, 9, 11)], parts=1, index=0
    )
    assert (figures.fatalities, figures.injured, figures.captured) == (None, 12, 9)
