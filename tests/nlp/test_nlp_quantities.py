"""The quantities stage: figures that count people, with their role."""

from __future__ import annotations

import pytest

from thucydides.model import Document, MentionKind, Sentence
from thucydides.nlp.quantities import QuantityTagger, tag_sentence

Row = tuple[str, str, int, int, int | None]


def tag(text: str) -> list[Row]:
    sentence = Sentence(index=0, start=0, end=len(text), text=text, paragraph=0)
    return [(q.mention.text, q.mention.label or "", q.best, q.low, q.high) for q in tag_sentence(sentence)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army killed 15 militants near the dam.", [("15", "killed:militants", 15, 15, 15)]),
        ("15 militants were killed in the clashes.", [("15", "killed:militants", 15, 15, 15)]),
        ("Fifteen soldiers died when their truck hit a mine.", [("Fifteen", "killed:soldiers", 15, 15, 15)]),
        ("Artillery hit their trenches, killing scores of them.", [("scores", "killed", 40, 40, 99)]),
        (
            "Tens of insurgents were killed and dozens more were injured in the assault.",
            [("Tens", "killed:insurgents", 20, 20, 90), ("dozens", "injured", 12, 12, 99)],
        ),
        ("The death toll rose to 30 on Friday.", [("30", "killed", 30, 30, 30)]),
        ("The death toll from the blast has risen to 41.", [("41", "killed", 41, 41, 41)]),
        (
            "A car bomb went off at the gate, leaving 4 dead and 10 wounded.",
            [("4", "killed", 4, 4, 4), ("10", "injured", 10, 10, 10)],
        ),
        (
            "Nearly a dozen gunmen were captured by the police.",
            [("Nearly a dozen", "captured:gunmen", 9, 9, 11)],
        ),
        ("Tens of fighters surrendered to the army.", [("Tens", "captured:fighters", 20, 20, 90)]),
        (
            "The troops killed a large number of terrorists in the raid.",
            [("a large number", "killed:terrorists", 10, 10, None)],
        ),
        ("The patrol captured nearly a dozen.", [("nearly a dozen", "captured", 9, 9, 11)]),
        ("Several were wounded by the blast.", [("Several", "injured", 3, 3, 9)]),
        ("The strikes killed several ISIL commanders.", [("several", "killed:commanders", 3, 3, 9)]),
        ("The attack killed a number of civilians.", [("a number", "killed:civilians", 2, 2, 9)]),
        ("Around two dozen rebels were killed.", [("Around two dozen", "killed:rebels", 20, 20, 28)]),
        ("Hundreds of civilians fled the town.", [("Hundreds", "other:civilians", 200, 200, 999)]),
        ("Thousands of residents fled the town.", [("Thousands", "other:residents", 2000, 2000, 9999)]),
        ("Two hundred fighters joined the offensive.", [("Two hundred", "other:fighters", 200, 200, 200)]),
        ("At least 12 people were reportedly killed.", [("At least 12", "killed:people", 12, 12, None)]),
        ("More than 20 civilians have been killed.", [("More than 20", "killed:civilians", 21, 21, None)]),
        ("Up to 30 militants surrendered.", [("Up to 30", "captured:militants", 1, 1, 30)]),
        ("Some 40 soldiers were said to have been killed.", [("Some 40", "killed:soldiers", 34, 34, 46)]),
        ("The air raids claimed the lives of 23 villagers.", [("23", "killed:villagers", 23, 23, 23)]),
        ("The rebels lost 20 fighters in the battle.", [("20", "killed:fighters", 20, 20, 20)]),
        ("20 fighters lost their lives in the battle.", [("20", "killed:fighters", 20, 20, 20)]),
        ("Police arrested 7 suspects and seized 3 cars.", [("7", "captured:suspects", 7, 7, 7)]),
        ("Gunmen abducted 5 aid workers on the road.", [("5", "captured:workers", 5, 5, 5)]),
        ("The army took 20 militants prisoner.", [("20", "captured:militants", 20, 20, 20)]),
        ("Six soldiers were taken prisoner.", [("Six", "captured:soldiers", 6, 6, 6)]),
        ("Nine militants handed themselves over.", [("Nine", "captured:militants", 9, 9, 9)]),
        ("Rescuers recovered 12 bodies from the rubble.", [("12", "killed:bodies", 12, 12, 12)]),
        ("Eight members of the armed group were killed.", [("Eight", "killed:members", 8, 8, 8)]),
        ("The blast wounded 12 Iraqis.", [("12", "injured:iraqis", 12, 12, 12)]),
        ("No fewer than 15 soldiers were killed.", [("No fewer than 15", "killed:soldiers", 15, 15, None)]),
        ("Dozens more were injured.", [("Dozens", "injured", 12, 12, 99)]),
        ("Tens of more militants have also surrendered.", [("Tens", "captured:militants", 20, 20, 90)]),
    ],
)
def test_figures_of_people_and_their_role(text: str, expected: list[Row]) -> None:
    assert tag(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The raid killed 12 people, including 5 children.",
            [("12", "killed:people", 12, 12, 12), ("5", "killed:children", 5, 5, 5)],
        ),
        (
            "20 soldiers were killed and 10 civilians.",
            [("20", "killed:soldiers", 20, 20, 20), ("10", "killed:civilians", 10, 10, 10)],
        ),
        (
            "Troops killed 15 militants and 20 soldiers.",
            [("15", "killed:militants", 15, 15, 15), ("20", "killed:soldiers", 20, 20, 20)],
        ),
        (
            "At least 15 terrorists and 3 of their commanders were killed, "
            "and more than 20 others were wounded.",
            [
                ("At least 15", "killed:terrorists", 15, 15, None),
                ("3", "killed:commanders", 3, 3, 3),
                ("more than 20", "injured:others", 21, 21, None),
            ],
        ),
        (
            "The forces killed a number of militants, and nearly a dozen more were captured.",
            [("a number", "killed:militants", 2, 2, 9), ("nearly a dozen", "captured", 9, 9, 11)],
        ),
        (
            "The bomb killed six of them and wounded nine others.",
            [("six", "killed", 6, 6, 6), ("nine", "injured:others", 9, 9, 9)],
        ),
        (
            "Shelling killed scores of them while several more were injured.",
            [("scores", "killed", 40, 40, 99), ("several", "injured", 3, 3, 9)],
        ),
        (
            "Five killed, 12 injured in market blast",
            [("Five", "killed", 5, 5, 5), ("12", "injured", 12, 12, 12)],
        ),
        (
            "The army killed 15 militants and 20 others fled.",
            [("15", "killed:militants", 15, 15, 15), ("20", "other:others", 20, 20, 20)],
        ),
    ],
)
def test_coordinated_figures(text: str, expected: list[Row]) -> None:
    assert tag(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The strike killed and wounded 15 people.",
        "Two soldiers were killed or wounded.",
        "The clashes left 30 casualties.",
    ],
)
def test_killed_or_wounded_together_give_no_fatality_figure(text: str) -> None:
    assert [label.split(":")[0] for _, label, *_ in tag(text)] == ["other"]


@pytest.mark.parametrize(
    "text",
    [
        "The army took control of 12sq/km of farmland.",
        "Troops advanced 6 km along the road.",
        "The rebels still hold 56 districts.",
        "The fighting lasted 24 hours.",
        "In 2016 militants attacked the base.",
        "The clashes went on for three days.",
        "The army captured 3 villages and 2 hills.",
        "They seized 300 kilograms of explosives and 4 tanks.",
        "The ministry said it had sent $15 million in aid.",
        "Prices rose by 20 percent.",
        "It did not say how many people were killed.",
        "No one was hurt in the attack.",
        "The truce was signed on 2 November 2016.",
        "Many of the shops were closed.",
        "Most of the militants fled.",
        "The troops killed all the militants inside.",
        "Some militants were killed.",
    ],
)
def test_numbers_that_do_not_count_people_are_ignored(text: str) -> None:
    assert tag(text) == []


def test_quantity_offsets_point_into_the_document() -> None:
    text = "Heavy fighting.\n\nThe army killed 15 militants. Nearly a dozen soldiers were captured."
    parts = [
        ("Heavy fighting.", 0),
        ("The army killed 15 militants.", 1),
        ("Nearly a dozen soldiers were captured.", 1),
    ]
    sentences = tuple(
        Sentence(i, text.index(part), text.index(part) + len(part), part, paragraph)
        for i, (part, paragraph) in enumerate(parts)
    )
    doc = Document.from_text(text, input="test", sentences=sentences)
    tagged = QuantityTagger()(doc)
    assert [(q.mention.text, q.mention.sentence) for q in tagged.quantities] == [
        ("15", 1),
        ("Nearly a dozen", 2),
    ]
    for quantity in tagged.quantities:
        assert quantity.mention.kind is MentionKind.QUANTITY
        assert text[quantity.mention.start : quantity.mention.end] == quantity.mention.text
    assert tagged.quantities[0].exact and not tagged.quantities[1].exact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A child was killed and three other people were wounded.",
            [("killed:child", 1), ("injured:people", 3)],
        ),
        ("Gunmen shot dead a shop owner.", [("killed:owner", 1)]),
        ("A rebel commander was killed in the raid.", [("killed:commander", 1)]),
        ("A commander said the town was calm.", []),
    ],
)
def test_one_person_after_an_article_counts_one(text: str, expected: list[tuple[str, int]]) -> None:
    sentence = Sentence(index=0, start=0, end=len(text), text=text, paragraph=0)
    assert [(q.mention.label, q.best) for q in tag_sentence(sentence)] == expected


def test_one_person_before_a_comma_is_not_the_victim_of_the_next_clause() -> None:
    text = "Police fired on a crowd protesting the detention of an imam, killing two protesters."
    sentence = Sentence(index=0, start=0, end=len(text), text=text, paragraph=0)
    assert [(q.mention.label, q.best) for q in tag_sentence(sentence)] == [("killed:protesters", 2)]
