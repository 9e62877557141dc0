from __future__ import annotations

import datetime as dt

import pytest

from thucydides.errors import ConfigError
from thucydides.report.window import Window, parse_day, parse_window


def test_a_week_ends_on_the_day_given() -> None:
    week = parse_window(dt.date(2016, 12, 8), "7d")
    assert week == Window(dt.date(2016, 12, 2), dt.date(2016, 12, 8))
    assert week.days == 7 and dt.date(2016, 12, 2) in week and dt.date(2016, 12, 9) not in week
    assert week.label() == "2 December 2016 to 8 December 2016"
    assert parse_window(dt.date(2016, 12, 8), "1d").label() == "8 December 2016"


@pytest.mark.parametrize("text", ["2016-13-08", "08/12/2016", "2016-12-8", "20161208", "yesterday", ""])
def test_a_bad_date_names_the_form_expected(text: str) -> None:
    with pytest.raises(ConfigError, match=r"YYYY-MM-DD.*e\.g\. --date 2016-12-08"):
        parse_day(text)


@pytest.mark.parametrize("text", ["0d", "32d", "7", "1w", "week", "-1d"])
def test_a_bad_window_names_the_fix(text: str) -> None:
    with pytest.raises(ConfigError, match=r"--window 1d .* --window 7d"):
        parse_window(dt.date(2016, 12, 8), text)
