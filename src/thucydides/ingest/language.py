"""Is this report in English? A check whose every verdict can be explained in one line.

1. Script: if most letters are not Latin (Arabic, Cyrillic, Han...), it is not English.
2. Language: a language identifier (py3langid, whose model ships inside the
   package) gives the probability of each of its 139 languages. Its
   probabilities are calibrated for length: a short report, or one that is
   mostly Arabic place names ("Kafr Nabl, Maarat al-Numan, Khan Sheikhoun"),
   gets a flat distribution. A report is refused only when the identifier is
   confident that it is in another language: at least 99% of the probability
   on languages other than English. Its "not a language" class (numbers,
   markup) counts for neither side.
3. No letters at all: nothing to judge, accepted.

A language stated in the metadata decides instead: "en" skips the check, any
other language is refused.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from thucydides.errors import UnsupportedInputError

MIN_LATIN_SHARE = 0.5
MIN_OTHER_LANGUAGE_PROBABILITY = 0.99  # 1,900 English event descriptions of 30-600 characters: 0.89 at most
IDENTIFIER = "py3langid"
_SAMPLE_CHARS = 20_000  # enough to judge; keeps the check cheap on long pages
# The identifier's labels that count as English: "pcm" (Nigerian Pidgin) is an English-lexified
# creole that it sometimes ranks first for terse English headlines; "zxx" is its class for
# what is not language at all (numbers, markup) and counts for neither side.
_ENGLISH = frozenset({"en", "pcm"})
_NOT_A_LANGUAGE = "zxx"
_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "arz": "Egyptian Arabic", "ary": "Moroccan Arabic",
    "az": "Azerbaijani", "ca": "Catalan", "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German",
    "el": "Greek", "eo": "Esperanto", "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian",
    "fi": "Finnish", "fr": "French", "fy": "Frisian", "ga": "Irish", "gl": "Galician", "ha": "Hausa",
    "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian",
    "it": "Italian", "ja": "Japanese", "ku": "Kurdish", "la": "Latin", "lb": "Luxembourgish",
    "lt": "Lithuanian", "lv": "Latvian", "ms": "Malay", "mt": "Maltese", "nl": "Dutch", "no": "Norwegian",
    "pl": "Polish", "ps": "Pashto", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak",
    "sl": "Slovenian", "so": "Somali", "sq": "Albanian", "sv": "Swedish", "sw": "Swahili", "tl": "Tagalog",
    "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip


class NotEnglishError(UnsupportedInputError):
    """A report refused because it is not in English (by its text or its metadata).

    A refusal by design, not a failure: a batch command warns and goes on.
    """


class _Identifier(Protocol):
    def rank(self, text: str) -> list[tuple[str, float]]: ...


@cache
def _identifier() -> _Identifier:
    """The language identifier, loaded once (about a second) on first use, not when importing."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier: _Identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return identifier


def language_name(code: str) -> str:
    """The English name of a language code ("French" for "fr"), or "the language coded 'bcl'"."""
    return _NAMES.get(code, f"the language coded {code!r}")


@dataclass(frozen=True, slots=True)
class LanguageEvidence:
    """What the verdict rests on."""

    letters: int
    latin_letters: int
    main_script: str  # "Latin", "Arabic", "Cyrillic"...
    english: float | None = None  # the identifier's probability of English; None: not consulted
    other: float = 0.0  # its probability of any other language
    likeliest: str = ""  # its likeliest other language (a code: "fr"), "" if not consulted
    likeliest_probability: float = 0.0

    @property
    def latin_share(self) -> float:
        return self.latin_letters / self.letters if self.letters else 1.0

    @property
    def looks_english(self) -> bool:
        if self.latin_share < MIN_LATIN_SHARE:
            return False
        return self.other < MIN_OTHER_LANGUAGE_PROBABILITY

    @property
    def summary(self) -> str:
        """The verdict's grounds in one line."""
        if self.latin_share < MIN_LATIN_SHARE:
            return (
                f"mostly in {self.main_script} script "
                f"({self.letters - self.latin_letters:,} of {self.letters:,} letters)"
            )
        if self.english is None:
            return "no letters to judge the language by"
        return (
            f"{IDENTIFIER} gives {language_name(self.likeliest)} {self.likeliest_probability:.1%}, "
            f"English {self.english:.1%} (all languages but English: {self.other:.1%})"
        )


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    script = name.split(" ", 1)[0] if name else "UNKNOWN"
    return "Han" if script == "CJK" else script.title()


def evidence(text: str) -> LanguageEvidence:
    """Letters by script and, for Latin-script text, the language identifier's verdict on (the start of)
    ``text``."""
    sample = text[:_SAMPLE_CHARS]
    scripts: dict[str, int] = {}
    for char in sample:
        if char.isalpha():
            script = _script(char)
            scripts[script] = scripts.get(script, 0) + 1
    letters = sum(scripts.values())
    main_script = max(scripts, key=lambda script: scripts[script]) if scripts else "Latin"
    found = LanguageEvidence(letters=letters, latin_letters=scripts.get("Latin", 0), main_script=main_script)
    if not letters or found.latin_share < MIN_LATIN_SHARE:
        return found
    english = other = 0.0
    likeliest, likeliest_probability = "", 0.0
    for code, probability in _identifier().rank(sample):  # most likely first
        if code in _ENGLISH:
            english += probability
        elif code != _NOT_A_LANGUAGE:
            other += probability
            if not likeliest:
                likeliest, likeliest_probability = code, probability
    return LanguageEvidence(
        letters=letters,
        latin_letters=found.latin_letters,
        main_script=main_script,
        english=english,
        other=other,
        likeliest=likeliest,
        likeliest_probability=likeliest_probability,
    )


def is_english_code(language: str) -> bool:
    """Whether a stated language ("en", "en-GB", "EN_us", "English") means English."""
    code = language.strip().lower().replace("_", "-")
    return code in {"en", "eng", "english"} or code.startswith("en-")


def check_english(text: str, *, input: str, declared: str | None = None, declared_in: str = "") -> None:
    """Raise ``NotEnglishError`` unless the report is in English.

    ``declared`` is a language stated in the metadata and ``declared_in`` where it
    was stated (for the message); a stated language is trusted over the text.
    """
    unsupported = "Only English reports are supported for now"
    if declared is not None:
        if is_english_code(declared):
            return
        where = f" in {declared_in}" if declared_in else ""
        raise NotEnglishError(
            f"{input}: the metadata{where} says the language is {declared!r}. "
            f"{unsupported}: translate the report first, or correct the language if it is wrong."
        )
    found = evidence(text)
    if found.looks_english:
        return
    override = 'if it is English, state "language": "en" in its metadata'
    if found.latin_share < MIN_LATIN_SHARE:
        raise NotEnglishError(
            f"{input}: the text is {found.summary}, not English. "
            f"{unsupported}: translate it first, or {override}."
        )
    raise NotEnglishError(
        f"{input}: the text is not English: {found.summary}, and a report is refused from "
        f"{MIN_OTHER_LANGUAGE_PROBABILITY:.0%}. {unsupported}: translate it first, or {override}."
    )
