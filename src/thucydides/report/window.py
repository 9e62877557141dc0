"""The days a situation report covers: ``--date D --window Nd`` is the N days ending on D."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from thucydides.errors import ConfigError

MAX_WINDOW_DAYS = 31  # a month: past that a "situation report" is a history, and the sections grow long
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WINDOW = re.compile(r"^\s*(\d+)\s*d\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Window:
    """Inclusive first and last day."""

    first: dt.date
    last: dt.date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first <= day <= self.last

    def each_day(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=offset) for offset in range(self.days)]

    def label(self) -> str:
        """'8 December 2016', or '2 to 8 December 2016' for several days."""
        if self.days == 1:
            return day_label(self.last)
        return f"{day_label(self.first)} to {day_label(self.last)}"


def day_label(day: dt.date) -> str:
    """'8 December 2016' (no leading zero, English month, whatever the locale)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def parse_day(text: str) -> dt.date:
    """A ``YYYY-MM-DD`` day; anything else raises ``ConfigError`` saying the form expected."""
    cleaned = text.strip()
    if _DAY.match(cleaned):
        try:
            return dt.date.fromisoformat(cleaned)
        except ValueError:
            pass  # the right shape but no such day (2016-02-30): refused below
    raise ConfigError(
        f"--date {text!r} is not a day written YYYY-MM-DD. Give the last day the report covers, "
        "e.g. --date 2016-12-08."
    )


def parse_window(last: dt.date, text: str) -> Window:
    """The window of ``text`` days ('1d', '7d'... up to ``MAX_WINDOW_DAYS``) ending on ``last``."""
    match = _WINDOW.match(text)
    days = int(match.group(1)) if match else 0
    if not 1 <= days <= MAX_WINDOW_DAYS:
        raise ConfigError(
            f"--window {text!r} is not a number of days from 1d to {MAX_WINDOW_DAYS}d. "
            "Give --window 1d for the day itself or --window 7d for the week ending on --date."
        )
    return Window(first=last - dt.timedelta(days=days - 1), last=last)


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
