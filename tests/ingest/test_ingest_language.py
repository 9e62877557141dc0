"""The English check: explainable, refuses only when sure, and not fooled by Arabic place names."""

from __future__ import annotations

import subprocess
import sys

import pytest

from thucydides.errors import UnsupportedInputError
from thucydides.ingest.language import (
    MIN_OTHER_LANGUAGE_PROBABILITY,
    NotEnglishError,
    check_english,
    evidence,
    is_english_code,
)

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
# Short event descriptions in the style of ACLED notes: a date, names, a figure.
ENGLISH_SHORT = [
    "On 3 May, YPG shelled Tal Rifaat. 2 killed.",
    "Clashes in Kafr Nabl, Maarat al-Numan, Khan Sheikhoun, Jisr al-Shughur, Ariha and Saraqib.",
    "Shelling on Tal Rifaat, Deir Jamal, Kafr Naya, Ain Daqna and Menagh airbase.",
    "Al-Shabaab fighters attacked an AMISOM base in Leego, Bay region. Casualties unknown.",
    "Protesters gathered in Tahrir Square, Baghdad, demanding jobs. No injuries reported.",
    "1672 - William of Orange captures Naarden in Holland.",
    "Militants ambushed a convoy near Dikwa, Borno; 7 soldiers and 2 CJTF members killed.",
]
FRENCH = (
    "Les forces gouvernementales ont bombardé la ville de Kafr Zita dans le nord de Hama vendredi, "
    "tuant quatre civils, selon des militants locaux. Les rebelles ont riposté avec des roquettes."
)
FRENCH_SHORT = "Des avions de combat ont frappé Maarat al-Numan et Khan Cheikhoun. Deux enfants ont été tués."
SPANISH = (
    "Las fuerzas del gobierno bombardearon la ciudad de Kafr Zita en el norte de Hama el viernes, "
    "matando a cuatro civiles, según activistas locales. Los rebeldes respondieron con cohetes."
)
GERMAN = (
    "Regierungstruppen haben am Freitag die Stadt Kafr Zita im Norden von Hama beschossen und dabei "
    "vier Zivilisten getötet, sagten örtliche Aktivisten. Die Rebellen antworteten mit Raketen."
)
ITALIAN = (
    "Le forze governative hanno bombardato venerdì la città di Kafr Zita nel nord di Hama, "
    "uccidendo quattro civili, secondo gli attivisti locali."
)
TURKISH = (
    "Hükümet güçleri cuma günü Hama'nın kuzeyindeki Kafr Zita kasabasını bombaladı ve yerel "
    "aktivistlere göre dört sivil hayatını kaybetti."
)
ARABIC = "قصفت القوات الحكومية بلدة كفرزيتا في ريف حماة الشمالي يوم الجمعة ما أدى إلى مقتل أربعة مدنيين."
RUSSIAN = (
    "Правительственные войска в пятницу обстреляли город Кафр-Зита на севере Хамы, погибли четыре жителя."
)


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH_FULL_OF_NAMES,
        ENGLISH_HEADLINE_CASE,
        ENGLISH_SHOUTING,
        ENGLISH_WITH_ARABIC_GLOSS,
        *ENGLISH_SHORT,
    ],
)
def test_english_passes(text: str) -> None:
    check_english(text, input="report.txt")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (FRENCH, "French"),
        (FRENCH_SHORT, "French"),
        (SPANISH, "Spanish"),
        (GERMAN, "German"),
        (ITALIAN, "Italian"),
        (TURKISH, "Turkish"),
    ],
)
def test_other_latin_script_languages_are_refused(text: str, language: str) -> None:
    found = evidence(text)

    with pytest.raises(NotEnglishError) as caught:
        check_english(text, input="report.txt")

    assert found.english is not None
    assert str(caught.value) == (
        f"report.txt: the text is not English: py3langid gives {language} "
        f"{found.likeliest_probability:.1%}, English {found.english:.1%} (all languages but English: "
        f"{found.other:.1%}), and a report is refused from 99%. Only English reports are supported for "
        'now: translate it first, or if it is English, state "language": "en" in its metadata.'
    )


@pytest.mark.parametrize(("text", "script"), [(ARABIC, "Arabic"), (RUSSIAN, "Cyrillic")])
def test_other_scripts_are_refused(text: str, script: str) -> None:
    with pytest.raises(NotEnglishError, match=rf"report.txt: the text is mostly in {script} script \("):
        check_english(text, input="report.txt")


def test_a_refusal_is_an_unsupported_input() -> None:
    with pytest.raises(UnsupportedInputError):
        check_english(GERMAN, input="report.txt")


def test_the_evidence_explains_the_verdict() -> None:
    english = evidence(ENGLISH_FULL_OF_NAMES)
    french = evidence(FRENCH)

    assert english.looks_english
    assert english.main_script == "Latin"
    assert english.latin_share == 1.0
    assert english.english is not None and english.english > 0.5
    assert english.summary.startswith("py3langid gives ")
    assert not french.looks_english
    assert french.likeliest == "fr"
    assert french.other >= MIN_OTHER_LANGUAGE_PROBABILITY
    assert french.summary.startswith("py3langid gives French ")


def test_non_latin_script_is_judged_without_the_identifier() -> None:
    found = evidence(ARABIC)

    assert found.english is None
    assert found.summary == f"mostly in Arabic script ({found.letters:,} of {found.letters:,} letters)"


def test_a_few_words_are_not_enough_to_refuse() -> None:
    # German, but four words: the identifier leans German without being sure, so the report passes.
    fragment = "Gefechte in Deir ez-Zor: drei Tote."
    found = evidence(fragment)

    assert found.likeliest == "de"
    assert found.other < MIN_OTHER_LANGUAGE_PROBABILITY
    check_english(fragment, input="r.txt")


def test_names_and_figures_alone_are_accepted() -> None:
    check_english("Kafr Zita, Souran, Morek: shelling reported.", input="r.txt")
    check_english("12 / 04 / 2017 — 3, 7, 12, 40", input="r.txt")
    assert evidence("12 / 04 / 2017").summary == "no letters to judge the language by"


def test_the_identifier_is_loaded_on_first_use_and_once() -> None:
    code = (
        "import thucydides.ingest\n"
        "from thucydides.ingest import language\n"
        "loaded = language._identifier.cache_info\n"
        "print(loaded().currsize)\n"
        "language.evidence('Russian: Правительственные войска обстреляли город')\n"
        "print(loaded().currsize)\n"
        "language.evidence('Four civilians were killed.'); language.evidence('Two more died.')\n"
        "print(loaded().currsize, loaded().misses)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert result.stdout.split("\n") == ["0", "0", "1 1", ""]


def test_stated_english_is_trusted() -> None:
    check_english(FRENCH, input="r.txt", declared="en-GB")


def test_stated_other_language_is_refused_even_for_english_text() -> None:
    with pytest.raises(NotEnglishError) as caught:
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
