"""The brief built from a real (small, made-up) store: footnotes, sources, disagreements, filters."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from brief_store import DAY, build_store, store_answers
from thucydides.report.brief import SCOPE_NOTE, Brief, build_brief
from thucydides.report.window import Window, parse_window


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any, Any]:
    return store_answers(build_store(tmp_path_factory.mktemp("brief") / "events.db"))


def brief_of(answers: tuple[Any, Any, Any], window: Window | None = None, **filters: str) -> Brief:
    incidents, events, changes = answers
    return build_brief(
        window or parse_window(DAY, "1d"),
        incidents=incidents,
        events=events,
        control_changes=changes,
        **filters,
    )


def texts(brief: Brief) -> list[str]:
    return [s.text for s in brief.statements()]


def test_every_sentence_has_a_footnote_that_exists(answers: tuple[Any, Any, Any]) -> None:
    brief = brief_of(answers)
    numbers = {note.number for note in brief.footnotes}
    statements = list(brief.statements())
    assert len(statements) > 8
    for statement in statements:
        assert statement.notes, statement.text
        assert set(statement.notes) <= numbers


def test_footnotes_quote_each_source_with_its_evidence_and_claimant(answers: tuple[Any, Any, Any]) -> None:
    brief = brief_of(answers, admin1="Aleppo")
    (capture_note,) = {n for s in brief.sections[0].paragraphs[0].statements for n in s.notes}
    quotes = brief.footnotes[capture_note - 1].quotes
    assert {q.outlet for q in quotes} == {"Northern Wire", "Monitor Group", "Mirror Site"}
    monitor = next(q for q in quotes if q.outlet == "Monitor Group")
    assert monitor.claimed_by == "the monitoring group"
    assert monitor.evidence == (
        "The monitoring group said seven fighters died when army units pushed into Tel Qamar.",
    )
    assert monitor.document_id.startswith("sha256:")


def test_footnotes_are_numbered_in_reading_order(answers: tuple[Any, Any, Any]) -> None:
    brief = brief_of(answers, window=parse_window(DAY, "7d"))
    first_seen = list(dict.fromkeys(n for s in brief.statements() for n in s.notes))
    assert first_seen == sorted(first_seen)
    assert first_seen[0] == SCOPE_NOTE


def test_sources_that_disagree_are_shown_side_by_side(answers: tuple[Any, Any, Any]) -> None:
    brief = brief_of(answers)
    assert "Sources disagree on the number killed: Mirror Site: 20; Monitor Group: 7; Northern Wire: 20." in (
        texts(brief)
    )
    assert "Reported: 7 to 20 killed." in texts(brief)


def test_a_republication_is_not_an_independent_source(answers: tuple[Any, Any, Any]) -> None:
    brief = brief_of(answers)
    assert (
        "Backed by 2 independent sources: 3 reports (Mirror Site, Monitor Group, Northern Wire), "
        "of which 1 republishes another."
    ) in texts(brief)
    capture = next(n for n in brief.footnotes if any(q.outlet == "Mirror Site" for q in n.quotes))
    mirror = next(q for q in capture.quotes if q.outlet == "Mirror Site")
    northern = next(q for q in capture.quotes if q.outlet == "Northern Wire")
    assert mirror.copy_of == northern.document_id


def test_the_days_changes_of_control_share_their_incidents_note(answers: tuple[Any, Any, Any]) -> None:
    brief = brief_of(answers)
    (change,) = brief.control
    assert change.text == (
        "On 8 December 2016, Military Forces of Syria took control of Tel Qamar (Aleppo) "
        "from Opposition Rebels (Syria)."
    )
    aleppo = next(s for s in brief.sections if s.title == "Aleppo")
    assert change.notes == aleppo.paragraphs[0].statements[0].notes


def test_one_section_per_governorate_with_headline_figures(answers: tuple[Any, Any, Any]) -> None:
    brief = brief_of(answers)
    assert [s.title for s in brief.sections] == ["Aleppo", "Idlib", "Nineveh"]
    assert brief.summary[0].text == (
        "For 8 December 2016, 5 event records from 5 reports make 3 incidents; "
        "1 of them is told by more than one independent source."
    )
    assert brief.summary[1].text.startswith("Sources report 7 to 20 people killed in 1 incident")
    assert [(t.event_type, t.incidents, t.events) for t in brief.by_type] == [
        ("Battles", 1, 3),
        ("Explosions/Remote violence", 2, 2),
    ]
    assert brief.fatalities_by_admin1 == (("Aleppo", 7, 20),)
    assert len(brief.points) == 3


def test_country_and_governorate_filters(answers: tuple[Any, Any, Any]) -> None:
    iraq = brief_of(answers, country="iraq")
    assert [s.title for s in iraq.sections] == ["Nineveh"]
    assert iraq.control == ()
    assert iraq.summary[0].text.startswith("For 8 December 2016 in iraq, 1 event record from 1 report")
    idlib = brief_of(answers, admin1="Idlib")
    assert [s.title for s in idlib.sections] == ["Idlib"]
    assert texts(idlib)[
        2
    ] == "Military Forces of Syria carried out an air or drone strike in Sarmin (Idlib), " + (
        "against Civilians (Syria)."
    )


def test_a_week_takes_in_the_days_before_and_dates_its_sentences(answers: tuple[Any, Any, Any]) -> None:
    day = brief_of(answers)
    week = brief_of(answers, window=parse_window(DAY, "7d"))
    assert "Hama" not in [s.title for s in day.sections]
    hama = next(s for s in week.sections if s.title == "Hama")
    assert hama.paragraphs[0].statements[0].text == (
        "On 6 December 2016, Opposition Rebels (Syria) shelled or fired missiles in Suran (Hama)."
    )
    assert {d for d, _, _ in week.daily} == {dt.date(2016, 12, 6), DAY}


def test_an_empty_window_says_so_with_a_footnote(answers: tuple[Any, Any, Any]) -> None:
    brief = brief_of(answers, window=parse_window(dt.date(2017, 1, 1), "1d"))
    assert brief.empty
    assert brief.sections == () and brief.control == () and brief.points == ()
    (statement,) = brief.summary
    assert statement.text.startswith("No event is stored for 1 January 2017")
    assert statement.notes == (SCOPE_NOTE,)


def test_records_not_fused_yet_are_counted_and_said(answers: tuple[Any, Any, Any]) -> None:
    incidents, events, changes = answers
    unfused = [dataclasses.replace(e, incident_id=None) if e.admin1 == "Idlib" else e for e in events]
    brief = brief_of((incidents, unfused, changes), admin1="Idlib")
    assert any("not fused into incidents yet" in t and "thucydides fuse" in t for t in texts(brief))


def test_the_brief_needs_no_store(tmp_path: Path) -> None:
    """A pure function: given nothing, it says nothing happened."""
    brief = build_brief(parse_window(DAY, "7d"), incidents=[], events=[], control_changes=[])
    assert brief.empty and brief.footnotes[0].remark is not None
