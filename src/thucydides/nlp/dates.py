"""Date expressions resolved against the publication date: the ``dates`` stage.

``resolve`` turns one expression into ``(date, precision)`` (precision as in
the spec: 1 day, 2 week, 3 month). Relative expressions need the
publication date; without it they give ``(None, 3)``, while explicit dates
with a year still resolve. Conventions (D = publication date):

=========================================  =============================  =====  ==========================
expression                                 date                           prec.  why
=========================================  =============================  =====  ==========================
Thursday, this Thursday, Thursday night    latest Thursday on or before D 1      a report tells the past;
                                                                                 on a Thursday, D itself
last Thursday, this past Thursday          latest Thursday before D       1      "last" skips D itself
next Thursday                              first Thursday after D         1      (plans are not events)
today, this morning/afternoon/evening,     D                              1
  tonight, earlier today
yesterday (morning...), last night,        D - 1                          1      ACLED codes "last night"
  overnight                                                                      to the day before
the day before yesterday                   D - 2                          1
N days ago                                 D - N                          1
the past/last 24 hours                     D                              1      the window ends on D; the
                                                                                 hour of D is unknown
the past 48/72 hours                       D - 1                          2      spans days
last week, the previous week               Thursday of the week before    2      middle of the prior
                                                                                 Monday..Sunday week
this week, earlier this week,              D                              2      the coders' convention
  in recent days, the past (few) days,                                           (shared/dev/CODING.md):
  the past week                                                                  a weekly context is the
                                                                                 report's day, precision 2
a few days ago                             D - 3                          2
N weeks ago                                D - 7N                         2
last month, the previous month             15th of the month before       3      mid-month, as ACLED
this month, earlier this month             15th of D's month, or D        3      never after D
the past month                             D - 15                         3
the past N days/weeks/months               middle of the window           2/3    2 up to two weeks
N months ago                               15th, N months before          3
7 December 2016, Dec. 7, 2016, 2016-12-07  that day                       1      explicit
December 7, 7th of December                that day in D's year           1      the year before when it
                                                                                 would be > 60 days after D
December 2016, in December                 15th of that month             3
=========================================  =============================  =====  ==========================

Not tagged: bare years ("in 2015", "last year": coarser than the spec's
precisions), "the day before" (relative to another event, not to D), and
numeric dates whose day and month cannot be told apart ("on 7/12").
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from thucydides.model import Document, Mention, MentionKind, Sentence, TimeRef
from thucydides.nlp.lexicon import SPEECH

log = logging.getLogger(__name__)

DAY, WEEK, MONTH = 1, 2, 3
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip
SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "a few": 3, "few": 3, "several": 3, "twenty-four": 24,
    "forty-eight": 48, "seventy-two": 72,
}  # fmt: skip
YEAR_BACK_AFTER_DAYS = 60  # "December 28" read on 3 January is last year's

_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (
    r"(?P<month>(?-i:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?))"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
_YEAR = r"(?P<year>(?:19|20)\d\d)\b"
_ON_WEEKDAY = r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?:the\s+)?)?"
_COUNT = r"(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|few|several)"
_PREPOSITIONS = re.compile(r"^(?:on|in|over|during|at|for|since|by)\s+", re.I)

Resolved = tuple[dt.date | None, int]
Resolver = Callable[[re.Match[str], dt.date | None], Resolved]
RelativeResolver = Callable[[re.Match[str], dt.date], Resolved]


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of date expression: how to find it and how to resolve it."""

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    # Finding only: the text just before the expression must match this ("in May", not "may").
    before: re.Pattern[str] | None = None


def _offset(days: int, precision: int) -> RelativeResolver:
    return lambda match, published: (published - dt.timedelta(days=days), precision)


def _weekday(match: re.Match[str], published: dt.date) -> Resolved:
    target = WEEKDAYS.index(match["weekday"].lower())
    relation = " ".join((match["rel"] or "").lower().split())
    back = (published.weekday() - target) % 7
    if relation in ("last", "past", "this past"):
        back = back or 7
    elif relation == "next":
        back = -((target - published.weekday()) % 7 or 7)
    return published - dt.timedelta(days=back), DAY


def _hours(match: re.Match[str], published: dt.date) -> Resolved:
    hours = int(match["n"]) if match["n"].isdigit() else SMALL_NUMBERS[match["n"].lower()]
    return (published, DAY) if hours <= 24 else (published - dt.timedelta(days=1), WEEK)


def _ago(match: re.Match[str], published: dt.date) -> Resolved:
    count, vague = _count(match)
    unit = match["unit"].lower().rstrip("s")
    if unit == "day":
        return published - dt.timedelta(days=count), WEEK if vague else DAY
    if unit == "week":
        return published - dt.timedelta(days=7 * count), MONTH if vague else WEEK
    return _mid_month(published, -count), MONTH


def _count(match: re.Match[str]) -> tuple[int, bool]:
    """The number in group ``n`` and whether it is vague ("a few")."""
    word = " ".join(match["n"].lower().split())
    return (int(word) if word.isdigit() else SMALL_NUMBERS[word]), word in ("a few", "few", "several")


def _window(match: re.Match[str], published: dt.date) -> Resolved:
    count, _ = _count(match)
    days = count * {"days": 1, "weeks": 7, "months": 30}[match["unit"].lower()]
    return published - dt.timedelta(days=days // 2), WEEK if days <= 14 else MONTH


def _last_week(match: re.Match[str], published: dt.date) -> Resolved:
    monday = published - dt.timedelta(days=published.weekday() + 7)
    return monday + dt.timedelta(days=3), WEEK


def _this_week(match: re.Match[str], published: dt.date) -> Resolved:
    return published, WEEK


def _months_back(months: int) -> RelativeResolver:
    return lambda match, published: (min(_mid_month(published, -months), published), MONTH)


def _mid_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 15)


def _explicit(match: re.Match[str], published: dt.date | None) -> Resolved:
    groups = match.groupdict()
    month = MONTHS.index(groups["month"][:3].lower()) + 1
    day = int(groups["day"]) if groups.get("day") else 15
    precision = DAY if groups.get("day") else MONTH
    if groups.get("year"):
        return dt.date(int(groups["year"]), month, day), precision
    if published is None:
        return None, MONTH
    date = dt.date(published.year, month, day)
    if (date - published).days > YEAR_BACK_AFTER_DAYS:
        date = dt.date(published.year - 1, month, day)
    return (min(date, published) if precision == MONTH else date), precision


def _iso(match: re.Match[str], published: dt.date | None) -> Resolved:
    return dt.date(int(match["year"]), int(match["m"]), int(match["d"])), DAY


def _numeric(match: re.Match[str], published: dt.date | None) -> Resolved:
    first, second, year = int(match["a"]), int(match["b"]), int(match["year"])
    if first > 12 >= second:
        return dt.date(year, second, first), DAY
    if second > 12 >= first:
        return dt.date(year, first, second), DAY
    raise ValueError(f"'{match.group()}': day and month cannot be told apart")


def _explicit_rule(name: str, pattern: str, resolve: Resolver, *, before: str | None = None) -> Rule:
    compiled_before = re.compile(rf"(?:{before})\s*$", re.I) if before else None
    return Rule(name, re.compile(rf"\b(?:{pattern})", re.I), resolve, compiled_before)


def _relative_rule(name: str, pattern: str, resolve: RelativeResolver) -> Rule:
    def resolve_or_unknown(match: re.Match[str], published: dt.date | None) -> Resolved:
        return (None, MONTH) if published is None else resolve(match, published)

    return Rule(name, re.compile(rf"\b(?:{pattern})", re.I), resolve_or_unknown)


RULES: tuple[Rule, ...] = (
    _explicit_rule("explicit", rf"{_ON_WEEKDAY}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?",
                   _explicit),
    _explicit_rule("explicit", rf"{_ON_WEEKDAY}{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?", _explicit),
    _explicit_rule("month", rf"{_MONTH},?\s+{_YEAR}", _explicit),
    _explicit_rule("month", rf"{_MONTH}(?![\w-])", _explicit,
                   before=r"\b(?:in|since|during|until|early|late|mid-|end\s+of|beginning\s+of)"),
    _explicit_rule("iso", r"(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", _iso),
    _explicit_rule("numeric", rf"(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/{_YEAR}", _numeric),
    # "Tuesday's attack", and "Tuesdays attack" where a scraper lost the apostrophe.
    _relative_rule("weekday", rf"(?:(?P<rel>last|this\s+past|this|next|past)\s+)?{_WEEKDAY}(?:['’]?s)?"
                   r"(?:\s+(?:morning|afternoon|evening|night))?\b", _weekday),
    _relative_rule("today", r"(?:earlier\s+|later\s+)?(?:today|tonight"
                   r"|this\s+(?:morning|afternoon|evening))\b", _offset(0, DAY)),
    _relative_rule("yesterday", r"the\s+day\s+before\s+yesterday\b", _offset(2, DAY)),
    _relative_rule("yesterday", r"(?:late\s+|early\s+)?(?:yesterday(?:\s+(?:morning|afternoon|evening))?"
                   r"|last\s+night|overnight)\b", _offset(1, DAY)),
    _relative_rule("hours", r"(?:the\s+)?(?:past|last|previous)\s+"
                   r"(?P<n>\d+|twenty-four|forty-eight|seventy-two)\s+hours\b", _hours),
    _relative_rule("ago", rf"{_COUNT}\s+(?P<unit>days?|weeks?|months?)\s+ago\b", _ago),
    _relative_rule("week", r"(?:in\s+)?recent\s+days\b|the\s+(?:past|last)\s+(?:few\s+|several\s+|"
                   r"couple\s+of\s+|seven\s+|7\s+)?days\b|the\s+(?:past|last)\s+week\b", _offset(0, WEEK)),
    _relative_rule("window", rf"the\s+(?:past|last)\s+{_COUNT}\s+(?P<unit>days|weeks|months)\b", _window),
    _relative_rule("week", r"(?:last|the\s+previous)\s+week\b", _last_week),
    _relative_rule("week", r"(?:earlier\s+|later\s+)?this\s+week\b", _this_week),
    _relative_rule("month", r"(?:last|the\s+previous)\s+month\b", _months_back(1)),
    _relative_rule("month", r"(?:earlier\s+|later\s+)?this\s+month\b", _months_back(0)),
    _relative_rule("month", r"the\s+(?:past|last)\s+month\b", _offset(15, MONTH)),
)  # fmt: skip


def resolve(expression: str, published: dt.date | None) -> Resolved:
    """``(date, precision)`` of one date expression; ``(None, 3)`` for a relative one without ``published``.

    Raises ``ValueError`` when ``expression`` is not a date expression this
    module knows, or names a day that does not exist.
    """
    text = _PREPOSITIONS.sub("", " ".join(expression.split()))
    for rule in RULES:
        match = rule.pattern.fullmatch(text)
        if match:
            try:
                return rule.resolve(match, published)
            except ValueError as exc:
                raise ValueError(f"'{expression}' names no day of the calendar: {exc}") from exc
    raise ValueError(f"'{expression}' is not a date expression Thucydides can resolve")


class DateTagger:
    """Stage: the day the report speaks from, and a ``TimeRef`` for every date expression.

    Relative expressions resolve against ``reference_date``: the full date the text prints at its top
    (a timestamp or dateline: "5 Sep 2016 At least 42 people...", "Last updated at Aug 14 2016") when
    it has one, else the publication date of the metadata. Scrapers and feeds often stamp an article
    with the day they found it, days or years after the day it was written; the text's own date is
    the one its "on Monday" counts from.
    """

    name = "dates"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("times", "reference_date")

    def __call__(self, doc: Document) -> Document:
        reference = text_date(doc.text) or doc.published
        if reference != doc.published:
            log.info("%s: the text is dated %s, the metadata %s; dates resolve from the text's", doc.input,
                     reference, doc.published)  # fmt: skip
        filed = filed_on(doc.sentences[:_LEAD_SENTENCES], reference)
        if filed is not None:
            log.info("%s: the lead was said on %s; dates resolve from that day", doc.input, filed)
            reference = filed
        times = tuple(ref for sentence in doc.sentences for ref in tag_dates(sentence, reference))
        return replace(doc, times=times, reference_date=reference)


# A full date (with its year) at the very top of a text: a timestamp or a dateline. Scraped text may
# have lost the space between day and year ("Aug 142016").
_LEADING_DATE = re.compile(
    r"^\W{0,3}(?:(?:(?:last\s+)?(?:updated|published|posted)|(?:date\s+of\s+)?publication(?:\s+date)?|date)"
    r"(?:\s+(?:at|on))?\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:(?P<d1>\d{1,2})\s+(?P<m1>[a-z]{3,9})\.?,?\s+(?P<y1>(?:19|20)\d\d)"
    r"|(?P<m2>[a-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s?(?P<y2>(?:19|20)\d\d)"
    r"|(?P<iso>(?:19|20)\d\d-\d\d-\d\d))(?!\d)",
    re.IGNORECASE,
)


# "..., a monitoring group said on Tuesday": the day a wire story was filed, in its lead. A paper
# that prints the story the next day keeps the wire's words, and its events are of the wire's day.
_LEAD_SENTENCES = 2
_SAID_ON = re.compile(rf"\b{SPEECH}\s+(?:late\s+|early\s+)?on\s+{_WEEKDAY}\b", re.IGNORECASE)


def filed_on(lead: Sequence[Sentence], reference: dt.date | None) -> dt.date | None:
    """The day the lead says its source spoke, when it is one to six days before ``reference``."""
    if reference is None:
        return None
    for sentence in lead:
        match = _SAID_ON.search(sentence.text)
        if match is not None:
            back = (reference.weekday() - WEEKDAYS.index(match["weekday"].lower())) % 7
            return reference - dt.timedelta(days=back) if back else None
    return None


def text_date(text: str) -> dt.date | None:
    """The full date a report prints at its very top, if any."""
    match = _LEADING_DATE.match(text[:80])
    if match is None:
        return None
    try:
        if match["iso"]:
            return dt.date.fromisoformat(match["iso"])
        month_word = (match["m1"] or match["m2"]).lower()[:3]
        if month_word not in MONTHS:
            return None
        day = int(match["d1"] or match["d2"])
        return dt.date(int(match["y1"] or match["y2"]), MONTHS.index(month_word) + 1, day)
    except ValueError:  # "31 Feb 2016"
        return None


def tag_dates(sentence: Sentence, published: dt.date | None) -> list[TimeRef]:
    """The date expressions of one sentence, longest first where they overlap, resolved."""
    found = [(match, rule) for rule in RULES for match in rule.pattern.finditer(sentence.text)]
    found.sort(key=lambda item: (item[0].start(), -item[0].end()))
    refs: list[TimeRef] = []
    taken_until = 0
    for match, rule in found:
        if match.start() < taken_until:
            continue
        if rule.before and not rule.before.search(sentence.text, 0, match.start()):
            continue
        try:
            date, precision = rule.resolve(match, published)
        except ValueError:  # "31 February", "7/8/2016": not a day we can name
            continue
        taken_until = match.end()
        mention = Mention(
            kind=MentionKind.DATE,
            start=sentence.start + match.start(),
            end=sentence.start + match.end(),
            text=match.group(),
            sentence=sentence.index,
            label=rule.name,
        )
        refs.append(TimeRef(mention=mention, date=date, precision=precision))
    return refs
