"""The English check: cheap, explainable, and not fooled by Arabic place names."""

from __future__ import annotations

import pytest

from thucydides.errors import UnsupportedInputError
from thucydides.ingest.language import check_english, evidence, is_english_code

ENGLISH_FULL_OF_NAMES = (
    "Army units retook Tal Hamidiyah, Jub al-Kalb and Khirbet Ghazaleh near Dael. Warplanes struck "
    "Maarat al-Numan, Kafr Nabl, Hish and Khan Sheikhoun. Four killed in Jisr al-Shughur."
)
ENGLISH_HEADLINE_CASE = (
    "Syrian Army Retakes Key Hilltops Near Palmyra After Heavy Clashes With Militants In Eastern Homs"
)
ENGLISH_SHOUTING = (
    "SYRIAN ARMY RETAKES KEY HILLTOPS NEAR PALMYRA AFTER HEAVY CLASHES WITH MILITANTS, AT LEAST TEN "
    "FIGHTERS WERE KILLED IN THE FIGHTING ON THURSDAY, A MONITOR SAID"
)
ENGLISH_WITH_ARABIC_GLOSS = (
    "Government artillery shelled Kafr Zita (كفر زيتا) on Friday, killing four civilians, and rebels "
    "fired rockets at positions near Souran (صوران), activists said."
)
FRENCH = (
    "Les forces gouvernementales ont bombardé la ville de Kafr Zita dans le nord de Hama vendredi, "
    "tuant quatre civils, selon des militants locaux. Les rebelles ont riposté avec des roquettes."
)
SPANISH = (
    "Las fuerzas del gobierno bombardearon la ciudad de Kafr Zita en el norte de Hama el viernes, "
    "matando a cuatro civiles, según activistas locales. Los rebeldes respondieron con cohetes."
)
GERMAN = (
    "Regierungstruppen haben am Freitag die Stadt Kafr Zita im Norden von Hama beschossen und dabei "
    "vier Zivilisten getötet, sagten örtliche Aktivisten. Die Rebellen antworteten mit Raketen."
)
ARABIC = "قصفت القوات الحكومية بلدة كفرزيتا في ريف حماة الشمالي يوم الجمعة ما أدى إلى مقتل أربعة مدنيين."
RUSSIAN = (
    "Правительственные войска в пятницу обстреляли город Кафр-Зита на севере Хамы, погибли четыре жителя."
)


@pytest.mark.parametrize(
    "text", [ENGLISH_FULL_OF_NAMES, ENGLISH_HEADLINE_CASE, ENGLISH_SHOUTING, ENGLISH_WITH_ARABIC_GLOSS]
)
def test_english_passes(text: str) -> None:
    check_english(text, input="report.txt")


@pytest.mark.parametrize("text", [FRENCH, SPANISH, GERMAN])
def test_other_latin_script_languages_are_refused(text: str) -> None:
    found = evidence(text)

    with pytest.raises(UnsupportedInputError) as caught:
        check_english(text, input="report.txt")

    assert str(caught.value) == (
        f"report.txt: the text does not look like English: {found.function_words} of {found.words} common "
        f"words ({found.function_word_share:.0%}) are English function words, where English prose has 20% "
        "or more. Only English reports are supported for now: translate it first, or if it is English, "
        'state "language": "en" in its metadata.'
    )


@pytest.mark.parametrize(("text", "script"), [(ARABIC, "Arabic"), (RUSSIAN, "Cyrillic")])
def test_other_scripts_are_refused(text: str, script: str) -> None:
    with pytest.raises(UnsupportedInputError, match=rf"report.txt: the text is mostly in {script} script \("):
        check_english(text, input="report.txt")


def test_the_evidence_explains_the_verdict() -> None:
    found = evidence(ENGLISH_FULL_OF_NAMES)

    assert found.looks_english
    assert found.main_script == "Latin"
    assert found.latin_share == 1.0
    assert found.function_word_share >= 0.2


def test_too_few_words_to_judge_is_accepted() -> None:
    check_english("Kafr Zita, Souran, Morek: shelling reported.", input="r.txt")


def test_stated_english_is_trusted() -> None:
    check_english(FRENCH, input="r.txt", declared="en-GB")


def test_stated_other_language_is_refused_even_for_english_text() -> None:
    with pytest.raises(UnsupportedInputError) as caught:
        check_english(ENGLISH_FULL_OF_NAMES, input="r.txt", declared="ar", declared_in="r.meta.json")

    assert str(caught.value) == (
        "r.txt: the metadata in r.meta.json says the language is 'ar'. Only English reports are supported "
        "for now: translate the report first, or correct the language if it is wrong."
    )


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", True),
        ("EN", True),
        ("en-US", True),
        ("en_GB", True),
        ("English", True),
        ("ar", False),
        ("eng", True),
        ("fr", False),
        ("enx", False),
    ],
)
def test_is_english_code(code: str, expected: bool) -> None:
    assert is_english_code(code) is expected
