from __future__ import annotations

import datetime as dt

from factory import PUBLISHED, document, place
from thucydides.extract.stage import EventExtractor


def test_list_of_bombed_towns_gives_one_air_strike_per_town_with_split_figures(
    extractor: EventExtractor,
) -> None:
    doc = document(
        "Syrian warplanes bombed rebel positions in Kafr Nabl, Hass and Maarzita, killing 10 militants.",
        places={
            "Kafr Nabl": place("Kafr Nabl", gid=1),
            "Hass": place("Hass", gid=2),
            "Maarzita": place("Maarzita", gid=3),
        },
        quantities=[("10 militants", "killed:militants", 10, 10, 10)],
    )
    events = extractor(doc).events
    assert [e.location_as_written for e in events] == ["Kafr Nabl", "Hass", "Maarzita"]
    assert {e.sub_event_type for e in events} == {"Air/drone strike"}
    assert {e.actor1 for e in events} == {"Military Forces of Syria"}
    assert {e.actor2 for e in events} == {"Opposition Rebels (Syria)"}
    assert [e.fatalities for e in events] == [4, 3, 3]
    assert all(e.event_date == PUBLISHED and e.time_precision == 1 for e in events)
    for event in events:
        (evidence,) = event.evidence
        assert doc.text[evidence.start : evidence.end] == evidence.text


def test_capture_by_government_is_regains_and_by_rebels_is_overtakes(extractor: EventExtractor) -> None:
    government = document(
        "Government forces recaptured Souran from ISIS militants.", places={"Souran": place("Souran", gid=4)}
    )
    rebels = document(
        "Islamic State fighters seized Souran after the army withdrew.",
        places={"Souran": place("Souran", gid=4)},
    )
    (regain,) = extractor(government).events
    assert regain.sub_event_type == "Government regains territory"
    assert regain.actor2 == "Islamic State (Syria)"
    overtakes = extractor(rebels).events
    assert overtakes[0].sub_event_type == "Non-state actor overtakes territory"
    assert overtakes[0].actor1 == "Islamic State (Syria)"


def test_plans_and_threats_are_not_events(extractor: EventExtractor) -> None:
    doc = document(
        "The army is preparing to recapture Souran. Rebels vowed to attack Hama. "
        "The army will shell Maarzita next week.",
        places={
            "Souran": place("Souran"),
            "Hama": place("Hama", gid=5),
            "Maarzita": place("Maarzita", gid=3),
        },
    )
    assert extractor(doc).events == ()


def test_defender_is_actor2_and_attacker_actor1(extractor: EventExtractor) -> None:
    doc = document(
        "Syrian troops repelled an attack by ISIS militants near Tiyas, military sources said.",
        places={"Tiyas": place("Tiyas", admin1="Homs", gid=6)},
    )
    (event,) = extractor(doc).events
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 == "Islamic State (Syria)"
    assert event.actor2 == "Military Forces of Syria"
    assert event.claimed_by == "military source"


def test_background_capture_keeps_its_own_date(extractor: EventExtractor) -> None:
    doc = document(
        "Most of Souran was captured by government troops last month.",
        places={"Souran": place("Souran")},
        times=[("last month", dt.date(2017, 2, 15), 3)],
    )
    (event,) = extractor(doc).events
    assert event.event_date == dt.date(2017, 2, 15)
    assert event.time_precision == 3


def test_background_fighting_dated_only_to_a_past_month_is_no_record(extractor: EventExtractor) -> None:
    doc = document(
        "The army repelled an attack on Souran last month.",
        places={"Souran": place("Souran")},
        times=[("last month", dt.date(2017, 2, 15), 3)],
    )
    assert extractor(doc).events == ()


def test_generic_word_takes_the_group_named_in_the_same_theatre(extractor: EventExtractor) -> None:
    doc = document(
        "Army units clashed with Jabhat al-Nusra near Souran. "
        "Later the militants shelled Halfaya. "
        "In Daraa, troops shelled terrorists in Busra.",
        places={
            "Souran": place("Souran", admin1="Hama", gid=7),
            "Halfaya": place("Halfaya", admin1="Hama", gid=8),
            "Daraa": place("Daraa", admin1="Dar'a", gid=9),
            "Busra": place("Busra", admin1="Dar'a", gid=10),
        },
    )
    events = {e.location_as_written: e for e in extractor(doc).events}
    assert events["Halfaya"].actor1 == "Jabhat Fateh al-Sham"
    assert events["Busra"].actor2 == "Opposition Rebels (Syria)"


def test_repeated_telling_of_one_event_is_one_record_with_two_evidence_spans(
    extractor: EventExtractor,
) -> None:
    doc = document(
        "The army recaptured Souran on Thursday.\n\nSyrian troops recaptured Souran after heavy fighting.",
        places={"Souran": place("Souran")},
    )
    (event,) = extractor(doc).events
    assert len(event.evidence) == 2


def test_casualty_sentence_attaches_to_the_event_before(extractor: EventExtractor) -> None:
    doc = document(
        "The army stormed Souran. Scores of militants were killed in the clashes.",
        places={"Souran": place("Souran")},
        quantities=[("Scores of militants", "killed:militants", 40, 40, 99)],
    )
    (event,) = extractor(doc).events
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == (40, 40, 99)


def test_unknown_place_still_yields_an_event_with_the_written_name(extractor: EventExtractor) -> None:
    doc = document(
        "Syrian jets struck militants in Tal Nowhere, East of Palmyra.",
        places={"Tal Nowhere": None, "Palmyra": place("Palmyra", admin1="Homs", gid=11)},
    )
    (event,) = extractor(doc).events
    assert event.location_as_written == "Tal Nowhere"
    assert event.place_mention is not None and event.place_mention.place is None


def test_event_ids_are_stable(extractor: EventExtractor) -> None:
    doc = document("The army recaptured Souran.", places={"Souran": place("Souran")})
    assert [e.event_id for e in extractor(doc).events] == [e.event_id for e in extractor(doc).events]


def test_a_road_named_after_two_towns_is_at_neither_town(extractor: EventExtractor) -> None:
    doc = document(
        "Syrian troops clashed with ISIS militants along the Salamiyah-Ithriyah road and in Sheikh Hilal.",
        places={
            "Salamiyah": place("Salamiyah", admin1="Hama", gid=21),
            "Ithriyah": place("Ithriyah", admin1="Hama", gid=22),
            "Sheikh Hilal": place("Sheikh Hilal", admin1="Hama", gid=23),
        },
    )
    assert [e.location_as_written for e in extractor(doc).events] == ["Sheikh Hilal"]


def test_an_action_word_that_refers_back_is_not_a_new_event(extractor: EventExtractor) -> None:
    doc = document(
        "The army stormed Souran. Ten militants inside the base were killed in the attack.",
        places={"Souran": place("Souran")},
        quantities=[("Ten militants", "killed:militants", 10, 10, 10)],
    )
    (event,) = extractor(doc).events
    assert event.location_as_written == "Souran" and event.fatalities == 10


def test_a_single_victim_counts_one_and_the_sniper_behind_by_is_actor1(extractor: EventExtractor) -> None:
    doc = document(
        "In the city of Saraqib, a teacher was shot dead by a sniper of the regime forces "
        "stationed at Tal Touqan.",
        places={"Saraqib": place("Saraqib", gid=6), "Tal Touqan": place("Tal Touqan", gid=7)},
        quantities=[("a", "killed:teacher", 1, 1, 1)],
    )
    (event,) = extractor(doc).events
    assert event.location_as_written == "Saraqib"  # where the sniper stood is not where the event was
    assert (event.actor1, event.actor2) == ("Military Forces of Syria", "Civilians (Syria)")
    assert event.fatalities == 1


def test_fighters_of_a_group_are_its_subject_and_the_army_checkpoint_its_object(
    extractor: EventExtractor,
) -> None:
    doc = document(
        "Fighters of the Free Army stormed the army checkpoint at Hish and took control of it.",
        places={"Hish": place("Hish", gid=8)},
    )
    (event,) = extractor(doc).events
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert (event.actor1, event.actor2) == ("Free Syrian Army", "Military Forces of Syria")


def test_a_country_named_in_passing_is_not_a_second_event_place(extractor: EventExtractor) -> None:
    doc = document(
        "In Zahle, Lebanese army intelligence agents arrested a cleric on suspicion of smuggling "
        "weapons to Syria, the army said.",
        places={
            "Zahle": place("Zahle", cc="LB", admin1="Bekaa"),
            "Syria": place("Syria", feature="country", gid=9),
        },
    )
    (event,) = extractor(doc).events
    assert event.location_as_written == "Zahle"
    assert event.sub_event_type == "Arrests"
    assert event.actor2 == "Civilians (Lebanon)"  # the detained are civilians unless named as fighters


def test_a_suicide_bomber_of_a_group_is_that_group_and_an_unnamed_one_is_unidentified(
    extractor: EventExtractor,
) -> None:
    named = document(
        "A suicide bomber of the Islamic State blew himself up in Hish.", places={"Hish": place("Hish")}
    )
    unnamed = document("A suicide bomber blew himself up in Hish.", places={"Hish": place("Hish")})
    assert extractor(named).events[0].actor1 == "Islamic State (Syria)"
    assert extractor(unnamed).events[0].actor1 == "Unidentified Armed Group (Syria)"


def test_civilians_are_never_the_bombers(extractor: EventExtractor) -> None:
    doc = document(
        "Two dozen people, most of them civilians, died when a car bomb exploded in Hish.",
        places={"Hish": place("Hish")},
    )
    (event,) = extractor(doc).events
    assert event.actor1 == "Unidentified Armed Group (Syria)"


def test_a_take_over_that_met_no_resistance_is_a_non_violent_transfer(extractor: EventExtractor) -> None:
    doc = document(
        "Kurdish Peshmerga forces took over Kirkuk after Iraqi troops withdrew. "
        "The Peshmerga met no resistance.",
        places={"Kirkuk": place("Kirkuk", cc="IQ", admin1="Kirkuk")},
    )
    (event,) = extractor(doc).events
    assert event.sub_event_type == "Non-violent transfer of territory"


def test_the_withdrawal_of_the_losing_side_is_part_of_the_capture(extractor: EventExtractor) -> None:
    doc = document(
        "Islamic State fighters took control of Mosul after army units abandoned their positions "
        "and fled the city.",
        places={"Mosul": place("Mosul", cc="IQ", admin1="Nineveh")},
    )
    assert [e.sub_event_type for e in extractor(doc).events] == ["Non-state actor overtakes territory"]


def test_a_place_that_only_locates_another_is_no_event_place(extractor: EventExtractor) -> None:
    doc = document(
        "Gunmen shot dead a shop owner in Baquba, northeast of Baghdad, police said.",
        places={
            "Baquba": place("Baquba", cc="IQ", admin1="Diyala", gid=11),
            "Baghdad": place("Baghdad", feature="city", cc="IQ", admin1="Baghdad", gid=12),
        },
        quantities=[("a", "killed:owner", 1, 1, 1)],
    )
    (event,) = extractor(doc).events
    assert (event.location_as_written, event.sub_event_type) == ("Baquba", "Attack")
    assert (event.actor2, event.fatalities) == ("Civilians (Iraq)", 1)


def test_the_militants_refer_back_to_the_group_just_named_in_another_province(
    extractor: EventExtractor,
) -> None:
    doc = document(
        "Islamic State fighters seized Mosul on Tuesday. The militants pressed south and seized Baiji.",
        places={
            "Mosul": place("Mosul", cc="IQ", admin1="Nineveh", gid=13),
            "Baiji": place("Baiji", cc="IQ", admin1="Salah ad Din", gid=14),
        },
    )
    assert [e.actor1 for e in extractor(doc).events] == ["Islamic State (Iraq)"] * 2


def test_the_dateline_is_where_the_reporter_files_not_an_event_place(extractor: EventExtractor) -> None:
    doc = document(
        "BEIRUT (Test Wire) - Syrian warplanes struck Hish on Monday.",
        places={"BEIRUT": place("Beirut", cc="LB", admin1="Beirut", gid=15), "Hish": place("Hish")},
    )
    assert [e.location_as_written for e in extractor(doc).events] == ["Hish"]


def test_a_province_named_as_theatre_yields_to_the_town_in_it(extractor: EventExtractor) -> None:
    doc = document(
        "Elsewhere in the Hama countryside, 35 rebels in the town of Souran surrendered to the army.",
        places={
            "Hama": place("Hama", feature="city", admin1="Hama", gid=5),
            "Souran": place("Souran", gid=4),
        },
    )
    (event,) = extractor(doc).events
    assert (event.location_as_written, event.sub_event_type) == ("Souran", "Change to group/activity")


def test_troops_entering_after_the_evacuation_is_a_non_violent_transfer(extractor: EventExtractor) -> None:
    doc = document(
        "Army units entered Souran after the last convoy had left.", places={"Souran": place("Souran", gid=4)}
    )
    (event,) = extractor(doc).events
    assert (event.sub_event_type, event.actor1) == (
        "Non-violent transfer of territory",
        "Military Forces of Syria",
    )


def test_generic_forces_acting_abroad_belong_to_that_country(extractor: EventExtractor) -> None:
    doc = document(
        "Rebels shelled Souran. In Turkey, police detained 11 people in raids on addresses in Kilis.",
        places={"Souran": place("Souran", gid=4), "Kilis": place("Kilis", cc="TR", admin1="Kilis", gid=16)},
        quantities=[("11 people", "captured:people", 11, 11, 11)],
    )
    arrest = extractor(doc).events[-1]
    assert (arrest.sub_event_type, arrest.location_as_written) == ("Arrests", "Kilis")
    assert (arrest.actor1, arrest.actor2, arrest.captured) == (
        "Police Forces of Turkey",
        "Civilians (Turkey)",
        11,
    )


def test_a_withdrawal_names_no_receiver_the_text_does_not_name(extractor: EventExtractor) -> None:
    doc = document(
        "Islamic State fighters withdrew from Souran overnight.", places={"Souran": place("Souran", gid=4)}
    )
    (event,) = extractor(doc).events
    assert event.sub_event_type == "Non-violent transfer of territory"
    # No side is said to take Souran over: none is invented (ACLED leaves actor2 empty).
    assert (event.actor1, event.actor2) == ("Islamic State (Syria)", None)


def test_militants_in_a_report_naming_one_group_are_that_group(extractor: EventExtractor) -> None:
    doc = document(
        "Islamic State fighters seized Mosul. In Salahuddin, insurgents entered Souran after a gunfight. "
        "Rebels shelled Halfaya.",
        places={
            "Mosul": place("Mosul", cc="IQ", admin1="Nineveh", gid=13),
            "Souran": place("Souran", cc="IQ", admin1="Salah ad Din", gid=7),
            "Halfaya": place("Halfaya", cc="IQ", admin1="Diyala", gid=8),
        },
    )
    events = {e.location_as_written: e for e in extractor(doc).events}
    assert events["Souran"].actor1 == "Islamic State (Iraq)"
    assert events["Halfaya"].actor1 == "Opposition Rebels (Iraq)"  # "rebels" is the opposition at large


def test_where_an_advance_came_from_is_not_where_it_happened(extractor: EventExtractor) -> None:
    doc = document(
        "Troops entered the town of Souran from the western Halfaya district on Sunday.",
        places={"Souran": place("Souran", gid=4), "Halfaya": place("Halfaya", gid=8)},
    )
    assert [e.location_as_written for e in extractor(doc).events] == ["Souran"]


def test_there_that_only_says_something_exists_is_no_place(extractor: EventExtractor) -> None:
    doc = document(
        "The monitor said there had been at least 29 air raids on Souran so far today.",
        places={"Souran": place("Souran", gid=4)},
    )
    assert [e.location_as_written for e in extractor(doc).events] == ["Souran"]


def test_a_place_told_only_as_an_adjective_is_no_place_for_a_later_sentence(
    extractor: EventExtractor,
) -> None:
    doc = document(
        "Jets struck Souran. The Syrian bulletin was published. Gunmen executed 40 men.",
        places={"Souran": place("Souran", gid=4), "Syrian": place("Syria", feature="country", gid=5)},
    )
    located = [e.location_as_written for e in extractor(doc).events]
    assert "Syrian" not in located


def test_where_victims_come_from_is_where_they_were_attacked(extractor: EventExtractor) -> None:
    doc = document(
        "Gunmen shot dead sixty people from Souran village.",
        places={"Souran": place("Souran", gid=4)},
    )
    assert "Souran" in [e.location_as_written for e in extractor(doc).events]


def test_a_report_that_names_no_place_keeps_its_event_without_one(extractor: EventExtractor) -> None:
    (event,) = extractor(document("Gunmen shot dead five farmers on Monday.")).events
    assert (event.sub_event_type, event.place_mention, event.location_as_written) == ("Attack", None, None)
    assert event.geo_precision == 3


def test_a_sentence_without_a_place_in_a_report_that_names_one_gives_no_record(
    extractor: EventExtractor,
) -> None:
    doc = document(
        "Jets struck Souran. Gunmen shot dead five farmers.", places={"Souran": place("Souran", gid=4)}
    )
    assert all(e.place_mention is not None for e in extractor(doc).events)


def test_it_before_the_action_word_is_its_subject_not_a_place(extractor: EventExtractor) -> None:
    doc = document(
        "Syrian warplanes bombed Kafr Nabl on Monday. "
        "The watchdog said it was concerned by reports of a suspected gas attack.",
        places={"Kafr Nabl": place("Kafr Nabl", gid=1)},
    )
    assert all(event.location_as_written != "it" for event in extractor(doc).events)


def test_what_an_offensive_targets_is_where_it_happened(extractor: EventExtractor) -> None:
    doc = document(
        "The army launched an assault in the Hama countryside on Monday, targeting the village of Souran.",
        places={
            "Hama": place("Hama", feature="city", admin1="Hama", gid=5),
            "Souran": place("Souran", gid=4),
        },
    )
    (event,) = extractor(doc).events
    assert (event.location_as_written, event.sub_event_type) == ("Souran", "Armed clash")


def test_an_attack_repelled_as_it_is_not_a_place(extractor: EventExtractor) -> None:
    doc = document(
        "Rebels launched an assault on Hass on Monday. Jets struck Souran on Tuesday. "
        "A security source acknowledged the assault but said troops had repelled it.",
        places={"Hass": place("Hass", gid=2), "Souran": place("Souran", gid=4)},
    )
    assert [e.location_as_written for e in extractor(doc).events] == ["Hass", "Souran"]


def test_rape_is_sexual_violence_against_civilians_by_an_unnamed_group_when_none_is_named(
    extractor: EventExtractor,
) -> None:
    doc = document("A woman was gang-raped in Souran on Sunday.", places={"Souran": place("Souran", gid=4)})
    (event,) = extractor(doc).events
    assert (event.sub_event_type, event.event_type) == ("Sexual violence", "Violence against civilians")
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Syria)", "Civilians (Syria)")


def test_blasts_told_after_a_mishap_are_no_event_unless_an_armed_side_is_named(
    extractor: EventExtractor,
) -> None:
    places = {"Souran": place("Souran", gid=4)}
    mishap = document(
        "Fire broke out at a chemical plant in Souran. The blasts killed six people in Souran.", places=places
    )
    assert extractor(mishap).events == ()
    claimed = document(
        "Fire broke out at a chemical plant in Souran. "
        "Islamic State militants detonated a bomb that killed six people in Souran.",
        places=places,
    )
    assert [e.sub_event_type for e in extractor(claimed).events] == ["Remote explosive/landmine/IED"]


def test_a_protest_over_an_accident_is_a_protest_and_the_accident_no_event(extractor: EventExtractor) -> None:
    places = {"Souran": place("Souran", gid=4)}
    protest = document(
        "Students protested in Souran over a road accident that killed two pupils.", places=places
    )
    assert [e.sub_event_type for e in extractor(protest).events] == ["Peaceful protest"]
    crash = document("A road accident killed two pupils in Souran.", places=places)
    assert extractor(crash).events == ()


def test_with_no_other_place_an_event_is_at_its_dateline_in_the_country_it_speaks_of(
    extractor: EventExtractor,
) -> None:
    local = document(
        "Souran, Jun 15 (Test Wire) Syrian security forces arrested 40 protesters.",
        places={"Souran": place("Souran", gid=4), "Syrian": place("Syria", feature="country", gid=9)},
    )
    assert [e.location_as_written for e in extractor(local).events] == ["Souran"]
    abroad = document(
        "Beirut, Jun 15 (Test Wire) Syrian security forces arrested 40 protesters.",
        places={
            "Beirut": place("Beirut", feature="city", cc="LB", gid=5),
            "Syrian": place("Syria", feature="country", gid=9),
        },
    )
    assert [e.location_as_written for e in extractor(abroad).events] != ["Beirut"]
