"""Is this report in English? A cheap check whose every verdict can be explained in one line.

1. Script: if most letters are not Latin (Arabic, Cyrillic, Han...), it is not English.
2. Function words: English prose is about half function words ("the", "of",
   "in", "was"...; spaCy's English stop-word list). Only lower-case words and
   function words are counted, so capitalised names ("Kafr Zita", "Deir
   ez-Zor") neither help nor hurt: a short English report full of Arabic place
   names still passes, while French, Spanish or German prose scores well below
   the threshold.
3. Too few countable words to judge: accepted.

A language stated in the metadata decides instead: "en" skips the check, any
other language is refused.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from thucydides.errors import UnsupportedInputError

MIN_FUNCTION_WORD_SHARE = 0.20  # English news prose: 0.30-0.60; French, German, Spanish...: below 0.15
MIN_LATIN_SHARE = 0.5
MIN_WORDS_TO_JUDGE = 12
_SAMPLE_CHARS = 20_000  # enough to judge; keeps the check cheap on long pages
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class LanguageEvidence:
    """What the verdict rests on."""

    letters: int
    latin_letters: int
    main_script: str  # "Latin", "Arabic", "Cyrillic"...
    words: int  # words counted: lower-case words and function words
    function_words: int

    @property
    def latin_share(self) -> float:
        return self.latin_letters / self.letters if self.letters else 1.0

    @property
    def function_word_share(self) -> float:
        return self.function_words / self.words if self.words else 0.0

    @property
    def looks_english(self) -> bool:
        if self.latin_share < MIN_LATIN_SHARE:
            return False
        return self.words < MIN_WORDS_TO_JUDGE or self.function_word_share >= MIN_FUNCTION_WORD_SHARE


@cache
def _function_words() -> frozenset[str]:
    # Imported here: spaCy is heavy, and importing thucydides.ingest should stay cheap.
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(word for word in STOP_WORDS if word.isalpha())


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    script = name.split(" ", 1)[0] if name else "UNKNOWN"
    return "Han" if script == "CJK" else script.title()


def evidence(text: str) -> LanguageEvidence:
    """Count letters by script and English function words in (the start of) ``text``."""
    sample = text[:_SAMPLE_CHARS]
    scripts: dict[str, int] = {}
    for char in sample:
        if char.isalpha():
            script = _script(char)
            scripts[script] = scripts.get(script, 0) + 1
    letters = sum(scripts.values())
    main_script = max(scripts, key=lambda script: scripts[script]) if scripts else "Latin"
    shouting = sum(char.isupper() for char in sample) > letters / 2
    function_words = _function_words()
    words = hits = 0
    for word in _WORD.findall(sample):
        lowered = word.lower()
        if lowered in function_words:
            words += 1
            hits += 1
        elif word.islower() or shouting:
            words += 1
    return LanguageEvidence(
        letters=letters,
        latin_letters=scripts.get("Latin", 0),
        main_script=main_script,
        words=words,
        function_words=hits,
    )


def is_english_code(language: str) -> bool:
    """Whether a stated language ("en", "en-GB", "EN_us", "English") means English."""
    code = language.strip().lower().replace("_", "-")
    return code in {"en", "eng", "english"} or code.startswith("en-")


def check_english(text: str, *, input: str, declared: str | None = None, declared_in: str = "") -> None:
    """Raise ``UnsupportedInputError`` unless the report is in English.

    ``declared`` is a language stated in the metadata and ``declared_in`` where it
    was stated (for the message); a stated language is trusted over the text.
    """
    unsupported = "Only English reports are supported for now"
    if declared is not None:
        if is_english_code(declared):
            return
        where = f" in {declared_in}" if declared_in else ""
        raise UnsupportedInputError(
            f"{input}: the metadata{where} says the language is {declared!r}. "
            f"{unsupported}: translate the report first, or correct the language if it is wrong."
        )
    found = evidence(text)
    if found.looks_english:
        return
    override = 'if it is English, state "language": "en" in its metadata'
    if found.latin_share < MIN_LATIN_SHARE:
        raise UnsupportedInputError(
            f"{input}: the text is mostly in {found.main_script} script "
            f"({found.letters - found.latin_letters:,} of {found.letters:,} letters), not English. "
            f"{unsupported}: translate it first, or {override}."
        )
    raise UnsupportedInputError(
        f"{input}: the text does not look like English: {found.function_words} of {found.words} common words "
        f"({found.function_word_share:.0%}) are English function words, where English prose has "
        f"{MIN_FUNCTION_WORD_SHARE:.0%} or more. {unsupported}: translate it first, or {override}."
    )
