"""What the extractor reads as news of the report's period, and how rules and model share the work."""

from __future__ import annotations

import dataclasses
import datetime as dt

from factory import PUBLISHED, document, place
from thucydides.extract.stage import EventExtractor
from thucydides.model import SentenceType


def test_background_far_from_the_report_gives_no_record(extractor: EventExtractor) -> None:
    doc = document(
        "Kurdish fighters captured Souran from the militants last year. "
        "The town has been repeatedly shelled by rebels.",
        places={"Souran": place("Souran", gid=4)},
    )
    assert extractor(doc).events == ()


def test_a_later_definite_telling_adds_no_record(extractor: EventExtractor) -> None:
    doc = document(
        "A car bomb exploded in Midan on Monday, killing 17 people. "
        "The blast in Idlib also wounded 40 people, residents said.",
        places={"Midan": place("Midan", gid=1), "Idlib": place("Idlib", feature="admin1", gid=9)},
        times=[("Monday", dt.date(2016, 12, 5), 1)],
    )
    events = extractor(doc).events
    assert [e.location_as_written for e in events] == ["Midan"]


def test_a_definite_telling_at_new_towns_is_news(extractor: EventExtractor) -> None:
    doc = document(
        "Warplanes struck Idlib on Monday. The raids hit the villages of Kafr Nabl and Hass.",
        places={
            "Idlib": place("Idlib", feature="admin1", gid=9),
            "Kafr Nabl": place("Kafr Nabl", gid=1),
            "Hass": place("Hass", gid=2),
        },
    )
    written = {e.location_as_written for e in extractor(doc).events}
    assert {"Kafr Nabl", "Hass"} <= written


def test_undated_details_of_a_dated_event_keep_its_date(extractor: EventExtractor) -> None:
    monday = dt.date(2016, 12, 5)
    doc = document(
        "Suicide bombers attacked the police station in Midan on Monday. "
        "Two suicide bombers blew themselves up inside the station in Midan.",
        places={"Midan": place("Midan", gid=1)},
        times=[("Monday", monday, 1)],
    )
    events = extractor(doc).events
    assert len(events) == 1
    assert events[0].event_date == monday
    assert len(events[0].evidence) == 2


def test_an_event_is_not_placed_on_a_whole_country_when_the_report_names_towns(
    extractor: EventExtractor,
) -> None:
    doc = document(
        "Warplanes bombed Kafr Nabl on Monday. Russian jets also struck targets in Syria.",
        places={
            "Kafr Nabl": place("Kafr Nabl", gid=1),
            "Syria": place("Syria", feature="country", gid=163843),
        },
    )
    assert [e.location_as_written for e in extractor(doc).events] == ["Kafr Nabl"]


def _typed(doc, label: str, margin: float):  # type: ignore[no-untyped-def]
    types = tuple(SentenceType(s.index, label, margin, "NONE") for s in doc.sentences)
    return dataclasses.replace(doc, sentence_types=types)


def test_the_model_proposes_an_event_no_trigger_word_names(extractor: EventExtractor) -> None:
    doc = document(
        "Gunmen sprayed worshippers leaving a mosque in Hass with bullets, the police said.",
        places={"Hass": place("Hass", gid=2)},
    )
    assert extractor(doc).events == ()  # the rules alone know no trigger here
    (event,) = extractor(_typed(doc, "Attack", 2.0)).events
    assert event.sub_event_type == "Attack"
    assert event.location_as_written == "Hass"
    assert event.event_date == PUBLISHED


def test_the_model_vetoes_a_sentence_it_is_sure_reports_no_event(extractor: EventExtractor) -> None:
    doc = document(
        "The ministers discussed the attack on Hass at their meeting.",
        places={"Hass": place("Hass", gid=2)},
    )
    assert extractor(_typed(doc, "NONE", 3.0)).events == ()


def test_an_opinion_passage_needs_a_date_of_its_own(extractor: EventExtractor) -> None:
    opinion = (
        "I have walked these streets many times, and we must ask who is to blame.\n\n"
        "Would the city ever be whole again? Perhaps rebels shelled Hass because they could.\n\n"
        "I think it should never have come to this; we might see worse."
    )
    doc = document(opinion, places={"Hass": place("Hass", gid=2)})
    assert extractor(doc).events == ()
    dated = opinion.replace("rebels shelled Hass", "rebels shelled Hass on Monday")
    doc = document(dated, places={"Hass": place("Hass", gid=2)}, times=[("Monday", dt.date(2017, 3, 13), 1)])
    assert [e.location_as_written for e in extractor(doc).events] == ["Hass"]


def test_a_report_naming_only_a_nationality_is_coded_to_that_country(extractor: EventExtractor) -> None:
    syria = place("Syria", feature="country", gid=163843)
    doc = document("Syrian warplanes bombed rebel positions on Monday.", places={"Syrian": syria})
    (event,) = extractor(doc).events
    assert event.location_as_written == "Syrian"
    named = document(
        "Syrian warplanes bombed rebel positions in Hass on Monday.",
        places={"Syrian": syria, "Hass": place("Hass", gid=2)},
    )
    assert [e.location_as_written for e in extractor(named).events] == ["Hass"]


def test_a_province_is_no_event_place_when_the_report_names_its_towns(extractor: EventExtractor) -> None:
    idlib = place("Idlib", feature="admin1", admin1="Idlib", gid=9)
    doc = document(
        "Warplanes bombed Kafr Nabl on Monday. Jets also struck targets across Idlib province.",
        places={"Kafr Nabl": place("Kafr Nabl", gid=1), "Idlib": idlib},
    )
    assert [e.location_as_written for e in extractor(doc).events] == ["Kafr Nabl"]
    alone = document("Jets struck targets across Idlib province on Monday.", places={"Idlib": idlib})
    assert [e.location_as_written for e in extractor(alone).events] == ["Idlib"]


def test_the_model_reads_no_event_where_every_action_word_tells_background(
    extractor: EventExtractor,
) -> None:
    doc = document(
        "He said the airstrikes on Hass over the past ten days show a deliberate policy.",
        places={"Hass": place("Hass", gid=2)},
    )
    assert extractor(_typed(doc, "Air/drone strike", 2.0)).events == ()
