"""Date expressions resolved against the publication date."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from thucydides.model import Document, MentionKind, Sentence
from thucydides.nlp.dates import DateTagger, resolve, tag_dates, text_date

THURSDAY = dt.date(2016, 12, 8)
DAY, WEEK, MONTH = 1, 2, 3


def day(month: int, number: int, year: int = 2016) -> dt.date:
    return dt.date(year, month, number)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("on Thursday", (THURSDAY, DAY)),  # published on a Thursday: that same day
        ("Thursday", (THURSDAY, DAY)),
        ("this Thursday", (THURSDAY, DAY)),
        ("Thursday morning", (THURSDAY, DAY)),
        ("Wednesday night", (day(12, 7), DAY)),
        ("on Monday", (day(12, 5), DAY)),
        ("Friday", (day(12, 2), DAY)),
        ("Sunday", (day(12, 4), DAY)),
        ("last Thursday", (day(12, 1), DAY)),
        ("this past Thursday", (day(12, 1), DAY)),
        ("last Wednesday", (day(12, 7), DAY)),
        ("next Monday", (day(12, 12), DAY)),
        ("today", (THURSDAY, DAY)),
        ("earlier today", (THURSDAY, DAY)),
        ("this morning", (THURSDAY, DAY)),
        ("this afternoon", (THURSDAY, DAY)),
        ("this evening", (THURSDAY, DAY)),
        ("tonight", (THURSDAY, DAY)),
        ("yesterday", (day(12, 7), DAY)),
        ("yesterday afternoon", (day(12, 7), DAY)),
        ("last night", (day(12, 7), DAY)),
        ("late last night", (day(12, 7), DAY)),
        ("overnight", (day(12, 7), DAY)),
        ("the day before yesterday", (day(12, 6), DAY)),
        ("two days ago", (day(12, 6), DAY)),
        ("3 days ago", (day(12, 5), DAY)),
        ("a few days ago", (day(12, 5), WEEK)),
        ("the past 24 hours", (THURSDAY, DAY)),
        ("over the last 24 hours", (THURSDAY, DAY)),
        ("the previous twenty-four hours", (THURSDAY, DAY)),
        ("the past 48 hours", (day(12, 7), WEEK)),
        ("last week", (day(12, 1), WEEK)),  # Thursday of the week Mon 28 Nov .. Sun 4 Dec
        ("the previous week", (day(12, 1), WEEK)),
        ("this week", (day(12, 8), WEEK)),  # a weekly context: the report's day, precision 2 (CODING.md)
        ("earlier this week", (day(12, 8), WEEK)),
        ("in recent days", (day(12, 8), WEEK)),
        ("recent days", (day(12, 8), WEEK)),
        ("the past few days", (day(12, 8), WEEK)),
        ("the past week", (day(12, 8), WEEK)),
        ("the last seven days", (day(12, 8), WEEK)),
        ("a week ago", (day(12, 1), WEEK)),
        ("two weeks ago", (day(11, 24), WEEK)),
        ("the past two weeks", (day(12, 1), WEEK)),
        ("the past three months", (day(10, 24), MONTH)),
        ("last month", (day(11, 15), MONTH)),
        ("the previous month", (day(11, 15), MONTH)),
        ("earlier this month", (THURSDAY, MONTH)),  # the 15th would be after publication
        ("this month", (THURSDAY, MONTH)),
        ("the past month", (day(11, 23), MONTH)),
        ("two months ago", (day(10, 15), MONTH)),
        ("December 7", (day(12, 7), DAY)),
        ("Dec. 7", (day(12, 7), DAY)),
        ("Dec 7", (day(12, 7), DAY)),
        ("December 7th", (day(12, 7), DAY)),
        ("7 December", (day(12, 7), DAY)),
        ("the 7th of December", (day(12, 7), DAY)),
        ("7 December 2016", (day(12, 7), DAY)),
        ("December 7, 2016", (day(12, 7), DAY)),
        ("Wednesday, December 7", (day(12, 7), DAY)),
        ("2016-12-07", (day(12, 7), DAY)),
        ("25/12/2015", (day(12, 25, 2015), DAY)),
        ("in November", (day(11, 15), MONTH)),
        ("November 2016", (day(11, 15), MONTH)),
        ("Sept. 3", (day(9, 3), DAY)),
        ("December 20", (day(12, 20), DAY)),  # shortly after publication: a plan, same year
    ],
)
def test_expressions_against_a_thursday(expression: str, expected: tuple[dt.date, int]) -> None:
    assert resolve(expression, THURSDAY) == expected


@pytest.mark.parametrize(
    ("published", "expression", "expected"),
    [
        (dt.date(2017, 1, 2), "on Thursday", dt.date(2016, 12, 29)),  # Monday: back across the new year
        (dt.date(2017, 1, 2), "on Monday", dt.date(2017, 1, 2)),
        (dt.date(2017, 1, 2), "last Monday", dt.date(2016, 12, 26)),
        (dt.date(2017, 1, 2), "Sunday", dt.date(2017, 1, 1)),
        (dt.date(2017, 1, 2), "Saturday night", dt.date(2016, 12, 31)),
        (dt.date(2017, 1, 2), "next Sunday", dt.date(2017, 1, 8)),
        (dt.date(2016, 12, 4), "on Monday", dt.date(2016, 11, 28)),  # Sunday: Monday of the same ISO week
        (dt.date(2016, 12, 4), "on Sunday", dt.date(2016, 12, 4)),
        (dt.date(2016, 3, 1), "on Monday", dt.date(2016, 2, 29)),  # leap day
        (dt.date(2017, 1, 2), "last week", dt.date(2016, 12, 29)),
        (dt.date(2017, 1, 2), "last month", dt.date(2016, 12, 15)),
        (dt.date(2017, 1, 2), "yesterday", dt.date(2017, 1, 1)),
        (dt.date(2017, 1, 3), "December 28", dt.date(2016, 12, 28)),  # last year's December
        (dt.date(2017, 1, 3), "in December", dt.date(2016, 12, 15)),
        (dt.date(2016, 12, 20), "earlier this month", dt.date(2016, 12, 15)),
    ],
)
def test_arithmetic_across_weeks_months_and_years(
    published: dt.date, expression: str, expected: dt.date
) -> None:
    assert resolve(expression, published)[0] == expected


@pytest.mark.parametrize(
    "expression",
    ["on Thursday", "today", "this afternoon", "last night", "yesterday", "the past 24 hours", "last week",
     "in recent days", "last month", "earlier this month", "two days ago", "December 7", "in November"],
)  # fmt: skip
def test_without_a_publication_date_relative_expressions_stay_unknown(expression: str) -> None:
    assert resolve(expression, None) == (None, MONTH)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("7 December 2016", (day(12, 7), DAY)),
        ("2016-12-07", (day(12, 7), DAY)),
        ("Dec. 7, 2016", (day(12, 7), DAY)),
        ("November 2016", (day(11, 15), MONTH)),
    ],
)
def test_without_a_publication_date_full_dates_still_resolve(
    expression: str, expected: tuple[dt.date, int]
) -> None:
    assert resolve(expression, None) == expected


@pytest.mark.parametrize(
    "expression", ["7/12", "on 7/12", "7/12/2016", "banana", "the day before", "in 2015"]
)
def test_expressions_that_name_no_day_are_refused(expression: str) -> None:
    with pytest.raises(ValueError, match=r"not a date expression|cannot be told apart"):
        resolve(expression, THURSDAY)


def test_a_day_that_does_not_exist_is_refused() -> None:
    with pytest.raises(ValueError, match="names no day"):
        resolve("31 February 2016", THURSDAY)


def found(text: str, published: dt.date | None = THURSDAY) -> list[tuple[str, str, dt.date | None, int]]:
    sentence = Sentence(index=0, start=0, end=len(text), text=text, paragraph=0)
    return [
        (r.mention.text, r.mention.label or "", r.date, r.precision) for r in tag_dates(sentence, published)
    ]


def test_the_tagger_finds_expressions_and_keeps_the_longest() -> None:
    text = "Over the last 24 hours, and earlier on Thursday, troops took the town they lost last month."
    assert found(text) == [
        ("the last 24 hours", "hours", THURSDAY, DAY),
        ("Thursday", "weekday", THURSDAY, DAY),
        ("last month", "month", day(11, 15), MONTH),
    ]
    assert found("The truce signed on Wednesday, 30 November 2016 held.") == [
        ("Wednesday, 30 November 2016", "explicit", day(11, 30), DAY)
    ]
    assert found("Clashes resumed the last week after a pause.") == [
        ("the last week", "week", day(12, 8), WEEK)
    ]


def test_the_tagger_skips_what_is_not_a_date() -> None:
    assert found("Talks may resume, and the army will march on 7/12 or 31 February.") == []
    assert found("The town has been under siege since 2014 and was shelled last year.") == []
    assert found("Fighting flared in May and again in March 2016.") == [
        ("May", "month", day(5, 15), MONTH),
        ("March 2016", "month", day(3, 15), MONTH),
    ]
    assert found("It happened on 12 December.") == [("12 December", "explicit", day(12, 12), DAY)]


def test_the_tagger_without_a_publication_date() -> None:
    assert found("Troops advanced on Tuesday and on 2 November 2016.", None) == [
        ("Tuesday", "weekday", None, MONTH),
        ("2 November 2016", "explicit", day(11, 2), DAY),
    ]


def test_the_stage_gives_time_refs_with_offsets_into_the_document() -> None:
    text = "Roundup\n\nThe army advanced on Tuesday. Rebels said they lost 3 villages yesterday."
    parts = [
        ("Roundup", 0),
        ("The army advanced on Tuesday.", 1),
        ("Rebels said they lost 3 villages yesterday.", 1),
    ]
    sentences = tuple(
        Sentence(i, text.index(part), text.index(part) + len(part), part, paragraph)
        for i, (part, paragraph) in enumerate(parts)
    )
    doc = Document.from_text(text, input="test", published=THURSDAY, sentences=sentences)
    times = DateTagger()(doc).times
    assert [(t.mention.text, t.mention.sentence, t.date) for t in times] == [
        ("Tuesday", 1, day(12, 6)),
        ("yesterday", 2, day(12, 7)),
    ]
    for ref in times:
        assert ref.mention.kind is MentionKind.DATE
        assert text[ref.mention.start : ref.mention.end] == ref.mention.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 Sep 2016 At least 42 people were killed in blasts.", dt.date(2016, 9, 5)),
        ("Thu Feb 26 2015 Militants began to kill hostages.", dt.date(2015, 2, 26)),
        ("Last updated at Aug 142016 Warplanes struck the north.", dt.date(2016, 8, 14)),
        ("Posted on April 2 2017 by a correspondent. Doctors said...", dt.date(2017, 4, 2)),
        ("2016-11-21 Ten civilians were killed.", dt.date(2016, 11, 21)),
        ("Thursday 18 May 2017 An attack killed 50 people.", dt.date(2017, 5, 18)),
        ("Date of publication 26 October 2016 Forces dropped barrel bombs.", dt.date(2016, 10, 26)),
    ],
)
def test_a_date_at_the_top_of_the_text_is_the_reports_own(text: str, expected: dt.date) -> None:
    assert text_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rebels shelled the town on 5 Sep 2016, the monitor said.",  # not at the top
        "At least 42 people were killed in blasts on Monday.",
        "31 Feb 2016 A day that does not exist.",
        "May 2016 was a month of heavy fighting.",
    ],
)
def test_no_date_at_the_top_means_none(text: str) -> None:
    assert text_date(text) is None


def test_relative_dates_count_from_the_texts_own_date_not_the_metadata() -> None:
    text = "5 Sep 2016 Bombs hit the city on Monday."
    sentence = Sentence(0, 0, len(text), text, 0)
    doc = Document.from_text(text, input="test", published=dt.date(2016, 9, 3), sentences=(sentence,))
    tagged = DateTagger()(doc)
    assert tagged.reference_date == dt.date(2016, 9, 5)
    monday = [t for t in tagged.times if t.mention.text == "Monday"]
    assert monday and monday[0].date == dt.date(2016, 9, 5)


def test_without_a_date_in_the_text_the_publication_date_is_the_reference() -> None:
    text = "Bombs hit the city on Monday."
    doc = Document.from_text(
        text, input="test", published=THURSDAY, sentences=(Sentence(0, 0, len(text), text, 0),)
    )
    assert DateTagger()(doc).reference_date == THURSDAY


def test_a_wire_lead_said_on_a_weekday_is_the_reports_day() -> None:
    text = "The army has taken two villages, a monitoring group said on Tuesday. Fighting went on."
    first = text.index(" Fighting")
    sentences = (
        Sentence(0, 0, first, text[:first], 0),
        Sentence(1, first + 1, len(text), text[first + 1 :], 0),
    )
    doc = Document.from_text(text, input="test", published=THURSDAY, sentences=sentences)
    assert DateTagger()(doc).reference_date == THURSDAY - dt.timedelta(days=2)
    same_day = dataclasses.replace(doc, published=THURSDAY - dt.timedelta(days=2))
    assert DateTagger()(same_day).reference_date == THURSDAY - dt.timedelta(days=2)


@pytest.mark.parametrize("text", ["Tuesday's attack struck the town.", "Tuesdays attack struck the town."])
def test_a_weekday_that_owns_the_event_dates_it(text: str) -> None:
    sentence = Sentence(0, 0, len(text), text, 0)
    (ref,) = tag_dates(sentence, THURSDAY)
    assert ref.date == day(12, 6)
