from __future__ import annotations

import dataclasses

import pytest

from factory import document, place
from thucydides.extract.actors import ActorDictionary
from thucydides.extract.cues import (
    is_a_meeting_venue,
    is_attribution,
    is_dateline,
    is_headline,
    is_mishap,
    is_page_furniture,
    names_a_make,
    names_a_publication,
    not_an_event_place,
    opens_on_a_mishap,
    qualifies_something,
    stands_for_its_government,
    unopposed,
    vaguer_than_the_report,
)
from thucydides.model import Mention, MentionKind, PlaceMention


@pytest.mark.parametrize(
    ("text", "speaker", "expected"),
    [
        ("Gunmen attacked a shop, police said.", "police", True),
        ("Jets struck Hish, the army said in a statement.", "army", True),
        ("In Sidon, police fired tear gas at the crowd.", "police", False),
    ],
)
def test_a_speaker_at_the_end_is_no_side(
    actors: ActorDictionary, text: str, speaker: str, expected: bool
) -> None:
    (mention,) = [m for m in actors.find(text, country="Lebanon") if speaker in m.text.lower()]
    assert is_attribution(text, mention, 0) is expected


def test_a_dateline_is_no_event_place() -> None:
    doc = document(
        "BEIRUT (Test Wire) - Jets struck Hish.", places={"BEIRUT": place("Beirut"), "Hish": place("Hish")}
    )
    dateline, town = doc.places
    assert not_an_event_place(doc, doc.sentences[0], dateline, [])
    assert not not_an_event_place(doc, doc.sentences[0], town, [])


def test_a_take_over_without_resistance_said_in_the_next_sentence() -> None:
    doc = document("Kurdish forces took over Kirkuk. They met no resistance.\n\nLater, fighting resumed.")
    assert unopposed(doc, doc.sentences[0])
    assert not unopposed(doc, doc.sentences[2])


def _mention_in(text: str, name: str) -> PlaceMention:
    start = text.index(name)
    return PlaceMention(Mention(MentionKind.PLACE, start, start + len(name), name, 0), None, 0.0)


def test_a_capital_that_speaks_is_its_government() -> None:
    text = "Moscow denied that its jets struck the market, and Washington has condemned the attack."
    assert stands_for_its_government(text, _mention_in(text, "Moscow"))
    assert stands_for_its_government(text, _mention_in(text, "Washington"))
    assert not stands_for_its_government(
        "Jets struck Moscow on Monday.", _mention_in("Jets struck Moscow on Monday.", "Moscow")
    )


def test_a_capital_with_a_policy_of_its_own_is_its_government() -> None:
    declared = "Damascus and Moscow declared a pause in strikes."
    assert stands_for_its_government(declared, _mention_in(declared, "Damascus"))
    began = "It was the worst loss since Moscow began its intervention in Syria."
    assert stands_for_its_government(began, _mention_in(began, "Moscow"))
    sent = "Ankara sent more troops to the border."
    assert stands_for_its_government(sent, _mention_in(sent, "Ankara"))
    fighting = "Fighting in Aleppo began on Monday."
    assert not stands_for_its_government(fighting, _mention_in(fighting, "Aleppo"))


def test_a_capital_that_is_blamed_or_urged_is_its_government() -> None:
    text = "Britain accused Moscow of war crimes and urged Damascus to stop."
    assert stands_for_its_government(text, _mention_in(text, "Moscow"))
    assert stands_for_its_government(text, _mention_in(text, "Damascus"))
    loyal = "Militias loyal to Damascus fought the rebels."
    assert stands_for_its_government(loyal, _mention_in(loyal, "Damascus"))
    held = "Jets struck areas under the control of Damascus near the road."
    assert stands_for_its_government(held, _mention_in(held, "Damascus"))


def test_a_place_inside_an_adjective_qualifies_a_group() -> None:
    text = "The London-based monitor said Iran-backed militias shelled Hama."
    assert qualifies_something(text, _mention_in(text, "London"))
    assert qualifies_something(text, _mention_in(text, "Iran"))
    assert not qualifies_something(text, _mention_in(text, "Hama"))


def test_where_talks_are_held_is_no_event_place() -> None:
    text = "The attack could derail the peace talks being held in Astana."
    assert is_a_meeting_venue(text, _mention_in(text, "Astana"))
    assert not is_a_meeting_venue("Rebels attacked Astana.", _mention_in("Rebels attacked Astana.", "Astana"))


def test_the_reports_own_title_is_a_headline() -> None:
    text = "4 May 2018 Rebels shell Mhardeh. Rebels shelled Mhardeh on Friday, a source said."
    doc = dataclasses.replace(document(text), title="Rebels shell Mhardeh")
    title, body = doc.sentences
    assert is_headline(doc, title)
    assert not is_headline(doc, body)
    assert not is_headline(dataclasses.replace(doc, title=None), title)


def test_a_pages_furniture_is_no_report() -> None:
    text = "Source: agencies Related News Jets hit Idlib - monitor Rebels shell Homs. Troops shelled Hama."
    doc = document(text)
    furniture, body = doc.sentences
    assert is_page_furniture(furniture)
    assert not is_page_furniture(body)


def test_a_photographs_caption_is_no_report() -> None:
    text = (
        "A man inspects the site of a car bomb attack in Homs, Syria June 11, 2016. "
        "Smoke rises over the town in this handout picture provided by the agency. "
        "A car bomb killed 12 people in Homs on Saturday."
    )
    scene, named, body = document(text).sentences
    assert is_page_furniture(scene)
    assert is_page_furniture(named)
    assert not is_page_furniture(body)


def test_a_disaster_or_an_accident_with_no_armed_side_is_no_event() -> None:
    quake = document("A powerful earthquake struck the valley, killing 40 people.")
    assert is_mishap(quake.sentences[0], [])
    plant = document("Six workers died when a chemical plant exploded.")
    assert is_mishap(plant.sentences[0], [])
    bomb = document("A car bomb exploded near the market, killing six.")
    assert not is_mishap(bomb.sentences[0], [])
    storm = document("Rebels stormed the village.")
    assert not is_mishap(storm.sentences[0], [])


def test_a_report_that_opens_on_a_mishap_tells_it_again_later() -> None:
    blast = document("Fire broke out at a chemical plant in Souran. The blasts killed six people.")
    assert opens_on_a_mishap(blast.sentences)
    bomb = document("Rebels shelled Souran. Later a blast killed six people.")
    assert not opens_on_a_mishap(bomb.sentences)


def test_a_capital_that_speaks_makes_no_country_vague() -> None:
    syria = place("Syria", feature="country", admin1="", gid=9)
    text = "Ankara claimed that its jets killed 200 fighters in Syria. Raids also hit Hama."
    ankara = place("Ankara", feature="city", cc="TR", gid=2)
    speaking = document(text, places={"Ankara": ankara, "Syria": syria})
    (country,) = [p for p in speaking.places if p.mention.text == "Syria"]
    assert not vaguer_than_the_report(country, speaking)
    with_a_town = document(text, places={"Syria": syria, "Hama": place("Hama", feature="city", gid=3)})
    (country,) = [p for p in with_a_town.places if p.mention.text == "Syria"]
    assert vaguer_than_the_report(country, with_a_town)


def test_a_place_name_after_a_report_in_is_a_publication() -> None:
    text = "According to a report in al-Monitor, the groups disagree."
    assert names_a_publication(text, _mention_in(text, "al-Monitor"))
    news = "Jets struck Idlib on Monday."
    assert not names_a_publication(news, _mention_in(news, "Idlib"))


def test_a_name_before_a_vehicle_is_its_make() -> None:
    text = "Insurgents shot down a Chinook helicopter in Iraq."
    assert names_a_make(text, _mention_in(text, "Chinook"))
    assert not names_a_make(text, _mention_in(text, "Iraq"))


def test_a_dateline_with_a_date_and_an_agency_is_a_dateline_and_says_nothing_of_precision() -> None:
    doc = document(
        "Ramallah, Dec 14 (Prensa Latina) Israeli forces arrested 100 people across the West Bank.",
        places={
            "Ramallah": place("Ramallah", feature="city", cc="PS", gid=11),
            "West Bank": place("Palestinian Territory", feature="country", cc="PS", gid=12),
        },
    )
    ramallah, west_bank = doc.places
    assert is_dateline(doc, ramallah) and not is_dateline(doc, west_bank)
    # The reporter's city is no finer place of the report: the region-wide arrests stay a record.
    assert not vaguer_than_the_report(west_bank, doc)
