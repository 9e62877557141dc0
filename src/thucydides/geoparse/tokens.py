"""Words of a sentence with their offsets, and the runs of capitalised words place names live in.

A word keeps its inner apostrophes and ʿayn marks (Da’el, Karam al-Da’da’) and
a final one after a vowel (Maqale’); a possessive ’s or a plural possessive ’
is left out of the word (Aleppo’s -> Aleppo). Hyphens split words (al-Sukhnah
is "al" + "Sukhnah") but keep them in one run. An abbreviation written with
dots ("U.S.", "D.C.") is one word, dots included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from thucydides.geoparse.lexicon import ARTICLES

_WORD = re.compile(r"(?<![^\W_])(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’ʿʾ`‘][^\W\d_]+)*['’ʿʾ`‘]?")
_POSSESSIVE = re.compile(r"['’]s$|(?<=s)['’]$")
# What may separate two words of one name: spaces, a hyphen (with spaces around it or not), and an
# ʿayn mark (or the apostrophe written for one) that begins the next word ("Rasm Al-‘Abed",
# "Majbal Abu ‘Ali", "'Ayn 'Issa").
_JOINER = re.compile(r"^(?:\s+|\s*[-‐‑–]\s*)[‘ʿ']?$")
_HYPHEN = re.compile(r"^[-‐‑–]$")
_ABBREVIATION_DOT = re.compile(r"^\. ?$")
# Abbreviated words of place names, written with a dot: Saint, Sainte, Mount, Fort, Port, Point.
NAME_WORD_ABBREVIATIONS = frozenset({"st", "ste", "mt", "ft", "pt"})
# Articles that are also English words: an article only when hyphenated (as-Sukhnah, not "as Damascus").
_ENGLISH_ARTICLES = frozenset({"as", "at", "an", "ad", "en", "es", "et", "ed", "er"})
# Of those, the ones that are English words even between two capitalised words ("Homs at Hama").
_ENGLISH_WORDS = frozenset({"as", "at", "an"})


@dataclass(frozen=True, slots=True)
class Word:
    """A word: its text, offsets in the document, and whether a possessive followed it."""

    text: str
    start: int
    end: int
    possessive: bool = False

    @property
    def lower(self) -> str:
        """The word in lowercase."""
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        """Whether the word starts with an uppercase letter."""
        return self.text[:1].isupper()

    @property
    def article(self) -> bool:
        """Whether the word is an Arabic article (al, el, as-, ash-...)."""
        return self.lower in ARTICLES


def words(text: str, offset: int = 0) -> list[Word]:
    """The words of ``text``; offsets are shifted by ``offset`` (the sentence's start in the document)."""
    if len(text) > _REMEMBERED_TEXT:
        return _words(text, offset)
    return list(_remembered_words(text, offset))  # each sentence is read several times


# Sentences up to this long have their words remembered (a few thousand of them).
_REMEMBERED_TEXT = 2_000


@lru_cache(maxsize=4_096)
def _remembered_words(text: str, offset: int) -> tuple[Word, ...]:
    return tuple(_words(text, offset))


def _words(text: str, offset: int) -> list[Word]:
    found = []
    for match in _WORD.finditer(text):
        token = match.group(0)
        possessive = _POSSESSIVE.search(token)
        end = match.end() - (len(possessive.group(0)) if possessive else 0)
        if end <= match.start():
            continue
        found.append(Word(text[match.start() : end], offset + match.start(), offset + end, bool(possessive)))
    return found


def joined(text: str, left: Word, right: Word, offset: int = 0) -> bool:
    """Whether only spaces or a hyphen stand between two words (so they may be one name), or the
    dot of an abbreviated name word ("St. Louis", "Mt. Hermon")."""
    if left.possessive:
        return False
    gap = text[left.end - offset : right.start - offset]
    if left.lower in NAME_WORD_ABBREVIATIONS and _ABBREVIATION_DOT.match(gap):
        return True
    return _JOINER.match(gap) is not None


def runs(text: str, found: list[Word], offset: int = 0) -> list[list[Word]]:
    """Maximal runs of name-like words: capitalised words, and articles joined to one.

    "Aleppo’s Sheikh Saeed" gives [Aleppo] [Sheikh Saeed] (a possessive ends a
    run); "the al-Sukhnah road" gives [al Sukhnah].
    """
    result: list[list[Word]] = []
    current: list[Word] = []
    for index, word in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else None
        article_of_name = (
            word.article
            and following is not None
            and following.capitalised
            and joined(text, word, following, offset)
            and (
                word.text not in _ENGLISH_ARTICLES
                or _HYPHEN.match(text[word.end - offset : following.start - offset]) is not None
                # "Aqareb es Safi", "Tell ed Daba": between two words of a name, no English word
                or (
                    word.text not in _ENGLISH_WORDS
                    and bool(current)
                    and joined(text, current[-1], word, offset)
                )
            )
        )
        # "Mazar-e-Sharif", "Mandi-ul-Haq": a short linking word hyphenated between two name words.
        link = (
            not word.capitalised
            and len(word.text) <= 3
            and bool(current)
            and following is not None
            and following.capitalised
            and _HYPHEN.match(text[current[-1].end - offset : word.start - offset]) is not None
            and _HYPHEN.match(text[word.end - offset : following.start - offset]) is not None
        )
        if word.capitalised or article_of_name or link:
            if current and not joined(text, current[-1], word, offset):
                result.append(current)
                current = []
            current.append(word)
        elif current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result
