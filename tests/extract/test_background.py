from __future__ import annotations

import datetime as dt

import pytest

from thucydides.extract.background import a_past_month, far_in_time, habitual, refers_back


@pytest.mark.parametrize(
    "clause",
    [
        "The group captured the town in 2014.",
        "Kurdish forces took large areas from the militants last year.",
        "It overran the region five years ago.",
        "The city has been bombed in the past.",
        "Attacks have been rarer in recent months.",
        "The agency has recorded 71 attacks over the past year.",
        "More than 400,000 people have been killed since the conflict erupted.",
        "Hundreds were killed since the start of the uprising.",
        "Jets dropped more than 1,000 bombs on the city during the past ten days.",
        "Strikes on the province over the past three weeks killed 200 people.",
    ],
)
def test_far_or_open_times_are_background(clause: str) -> None:
    assert far_in_time(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "Warplanes struck the town on Monday.",
        "Fighting in the past 24 hours killed 12 people.",
        "Rebels shelled the district in the past few days.",
        "Clashes in the past two days killed 30 fighters.",
        "The army retook the village last month.",
    ],
)
def test_times_near_the_report_are_not_background(clause: str) -> None:
    assert not far_in_time(clause)


def test_frequency_words_make_a_habit() -> None:
    assert habitual("The district has been regularly targeted by bomb attacks.")
    assert habitual("Rebels repeatedly shelled the road.")
    assert not habitual("Rebels shelled the road on Sunday.")


def test_frequency_within_one_day_is_one_event_but_a_statements_day_is_not_the_actions() -> None:
    assert not habitual("Planes repeatedly bombed positions around the city on Wednesday.")
    assert habitual("The regime has repeatedly targeted Douma, the monitor said on Monday.")


@pytest.mark.parametrize(
    ("before", "trigger"),
    [
        ("The ", "attack"),
        ("Witnesses said the ", "blasts"),
        ("Tuesday's ", "bombing"),
        ("Tuesdays ", "attack"),
        ("The OPCW said it was concerned about the alleged chemical ", "attack"),
    ],
)
def test_a_definite_event_noun_refers_back(before: str, trigger: str) -> None:
    assert refers_back(before, trigger)


@pytest.mark.parametrize(
    ("before", "trigger"),
    [
        ("Rebels launched an ", "attack"),
        ("The army ", "attacked"),
        ("Hours later, the second ", "attack"),
        ("On Monday a new ", "airstrike"),
    ],
)
def test_new_events_do_not_refer_back(before: str, trigger: str) -> None:
    assert not refers_back(before, trigger)


def test_an_event_dated_only_to_a_month_before_the_reports_week_is_background() -> None:
    report = dt.date(2016, 8, 17)
    assert a_past_month(dt.date(2016, 7, 15), 3, report)  # "in mid-July"
    assert not a_past_month(dt.date(2016, 8, 15), 3, report)  # "earlier this month", within the week
    assert not a_past_month(dt.date(2016, 7, 15), 1, report)  # "on July 15": a day of its own
    assert not a_past_month(dt.date(2016, 7, 15), 3, None)
