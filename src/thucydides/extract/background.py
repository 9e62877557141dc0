"""Is an action told as news of the report's period, or as background, habit or a back-reference?

Four general facts about how news is written, each with its own test:

- ``far_in_time``: the action's clause carries a time far from the report's day that the dates
  stage cannot resolve to a day, week or month ("in 2014", "last year", "five years ago", "since
  the war began", "in the past", "in recent months", "over the past year"): it is background, and
  ACLED codes no record at year precision. Background with a resolvable date ("last month", "in
  February") keeps its own date through the dates stage instead.
- ``habitual``: frequency words make an action a habit, not one event ("has regularly been
  targeted", "repeatedly shelled"), unless the action is dated to one day ("repeatedly bombed
  ... on Wednesday"; ``one_day``).
- ``a_past_month``: an action the text dates only to a month before the report's week ("last
  month", "in mid-July") is background; coders take it from the reports of its own time.
- ``refers_back``: a definite noun phrase headed by the action word ("the attack", "Tuesday's
  bombing", "the chemical attack", "this explosion") names an event the report has already told;
  it adds details (figures, claims) to that event, not a new one.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from thucydides.nlp.lexicon import SPEECH

# Far-away or open-ended times the dates stage does not resolve (it tags day, week and month only).
_FAR_IN_TIME = re.compile(
    r"\b(?:in|since|during|until|by|of|from)\s+(?:early\s+|late\s+|mid-?)?(?:19|20)\d\d\b"
    r"|\b(?:last|past|previous)\s+year\b"
    r"|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)\s+years?\s+ago\b"
    r"|\bin\s+the\s+past\b(?!\s+(?:\d+|few|two|three|24|48|72)\s)(?!\s+(?:hours?|days?|week)\b)"
    r"|\bin\s+recent\s+(?:months|years)\b"
    # A tally over ten days or more, or over weeks ("1,000 bombs during the past ten days"): a sum of
    # events, not one (a day or two stays news: "in the past 48 hours").
    r"|\b(?:over|during|in|within|throughout)\s+the\s+(?:past|last|previous)\s+"
    r"(?:(?:ten|eleven|twelve|fifteen|twenty|thirty|\d{2,})\s+days|(?:few|several|two|three|four|\d+)\s+(?:weeks|months))\b"
    r"|\bover\s+the\s+(?:past|last)\s+(?:year|years|decade|\w+\s+(?:years|months))\b"
    r"|\bsince\s+the\s+(?:start|beginning|outbreak|onset)\b"
    r"|\bsince\s+(?:the\s+)?(?:\w+\s+){0,3}(?:conflict|war|uprising|revolution|crisis)\s+(?:began|erupted|started|broke\s+out)\b"
    r"|\b(?:earlier|previously|in\s+the\s+past)\s+(?:this|that)\s+(?:decade|century)\b",
    re.IGNORECASE,
)
_HABITUAL = re.compile(
    r"\b(?:regularly|repeatedly|frequently|routinely|often|usually|constantly|time\s+and\s+again)\b",
    re.IGNORECASE,
)
# The words of a definite noun phrase that may stand between its determiner and its head:
# "the", "Tuesday's", "the alleged chemical" ... then the action word itself.
_DEFINITE_BEFORE = re.compile(
    r"(?:^|[^\w’'])(?:the|this|that|these|those|(?:mon|tues|wednes|thurs|fri|satur|sun)day[’']?s?)"
    r"(?:\s+(?:[\w-]+)){0,3}\s+$",
    re.IGNORECASE,
)
# Action words that can head a noun phrase naming an event.
_EVENT_NOUN = re.compile(
    r"^(?:(?:suicide\s+|car\s+|bomb\s+|air\s*|gas\s+|chemical\s+|rocket\s+|missile\s+)?"
    r"(?:attacks?|strikes?|airstrikes?|raids?|bombings?|blasts?|explosions?|assaults?|massacres?|"
    r"shelling|offensive|bombardment|ambush|clashes|fighting|battles?|executions?|killings?))$",
    re.IGNORECASE,
)
# Determiner words that are not a back-reference: "the first attack of its kind" still is news
# when nothing was told before, but "the latest/new/second attack" tells a new event.
_NEW_EVENT_WORDS = re.compile(r"\b(?:latest|new|another|second|third|fresh|first)\b", re.IGNORECASE)


# Days before the report's day within which an event dated only to its month may still be news of
# the report ("earlier this month"); an older one is background ("last month", "in mid-July").
NEWS_WINDOW_DAYS = 7
MONTH_PRECISION = 3


def a_past_month(date: dt.date | None, precision: int, reference: dt.date | None) -> bool:
    """An event the text dates only to a month, before the report's week: the report tells it as
    background, and it is coded from the reports of its own time, not from this one."""
    if date is None or reference is None or precision != MONTH_PRECISION:
        return False
    return (reference - date).days > NEWS_WINDOW_DAYS


def far_in_time(clause: str) -> bool:
    """The clause places its action far from the report's day, at no precision ACLED codes."""
    return _FAR_IN_TIME.search(clause) is not None


# One day named for the action ("repeatedly bombed ... on Wednesday"): the frequency is within that
# day, so the action is one event. A day that dates a statement ("said on Monday") does not count.
_ONE_DAY = re.compile(
    r"\b(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:yesterday|overnight|last\s+night)\b",
    re.IGNORECASE,
)
_SPOKEN_ON = re.compile(rf"\b{SPEECH}\s+(?:\w+\s+){{0,2}}$", re.IGNORECASE)


def one_day(sentence: str) -> bool:
    """The sentence names a single day for an action, not for a statement."""
    return any(
        _SPOKEN_ON.search(sentence[max(0, day.start() - 40) : day.start()]) is None
        for day in _ONE_DAY.finditer(sentence)
    )


def habitual(clause: str) -> bool:
    """Frequency words make the action a habit rather than one event, unless it is dated to one day."""
    return _HABITUAL.search(clause) is not None and not one_day(clause)


def background_spans(sentence: str) -> list[tuple[int, int]]:
    """Where in the sentence far-away times and frequency words stand (offsets into ``sentence``).

    The extractor asks the parse which action each one belongs to: "the poet, who led protests five
    years ago, was arrested on Thursday" is an arrest of Thursday.
    """
    return list(_background_spans(sentence))


@lru_cache(maxsize=4_096)
def _background_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """``background_spans``, remembered: a sentence is asked about once per action word in it."""
    far = [m.span() for m in _FAR_IN_TIME.finditer(sentence)]
    habit = [] if one_day(sentence) else [m.span() for m in _HABITUAL.finditer(sentence)]
    return tuple(far + habit)


def refers_back(before: str, trigger_text: str) -> bool:
    """``trigger_text`` heads a definite noun phrase ("the attack"); ``before`` is the text before it."""
    if _EVENT_NOUN.match(trigger_text.strip()) is None:
        return False
    match = _DEFINITE_BEFORE.search(before[-60:])
    return match is not None and _NEW_EVENT_WORDS.search(match.group()) is None
