"""A span that may name a place, as a sentence's words make it: where it stands, the feature word
or the action that vouches for it ("the town of X", "X district", "took control of X, Y and Z"),
and what stands around it. ``find.Finder`` cuts the runs; this module reads what surrounds them."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from thucydides.geoparse.lexicon import (
    CUE_OF,
    FEATURE_CUES,
    LOCATIVE_PREPOSITIONS,
    RELATIVE_BEFORE,
    SITE_QUALIFIERS,
    TAKEN,
    TAKEN_BEFORE,
)
from thucydides.geoparse.tokens import Word, joined
from thucydides.model import Document, Sentence

FIRST_WORD = "first word of a sentence"
INSIDE_LONGER = "inside a longer capitalised name"
# Feature words ending in "s" that still introduce one name ("the outskirts of X"), not a list.
SINGULAR_CUES = frozenset({"outskirts"})
# Between two names of one list: "A, B", "A and B", "A, and B".
_LIST_JOIN = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)$")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text that may name a place, and what the text around it says."""

    start: int
    end: int
    text: str
    sentence: Sentence
    known: bool  # the gazetteer has a name with this key
    origin: str  # gazetteer, cue, locative, generic, ner
    cue: str | None = None  # feature word: "district", "province", "airbase"...
    weak: str | None = None  # why the span may not be a place name at all
    possessive: bool = False  # "Aleppo’s" (a container for the next name)
    locative: bool = False  # right after "in", "near", "towards"...
    head_end: int | None = (
        None  # compound names: where the known first name ends ("Dara’a" of "Dara’a al-Balad")
    )

    @property
    def head(self) -> str | None:
        """The known first name of a compound name, when there is one."""
        return self.text[: self.head_end - self.start] if self.head_end is not None else None


class SentenceReader:
    """One sentence's words, and how to make a span of some of them."""

    def __init__(self, doc: Document, sentence: Sentence, sentence_words: list[Word]) -> None:
        self.doc, self.sentence, self.words = doc, sentence, sentence_words
        # A Title Case Line (a headline: no final stop, most words capitalised) says little
        # by its capitals.
        long_words = [word for word in sentence_words if len(word.text) >= 4]
        capitalised = sum(word.capitalised for word in long_words)
        unstopped = not sentence.text.rstrip("\"”’' ").endswith((".", "!", "?"))
        self.headline = unstopped and len(long_words) >= 4 and capitalised >= 0.7 * len(long_words)
        # The cue of a list's first name, and where that name ends: "took control of A, B and C",
        # "the villages of A, B and C" vouch for every name of the list.
        self.list_cue: tuple[int, str] | None = None

    def word(self, index: int) -> Word | None:
        return self.words[index] if 0 <= index < len(self.words) else None

    def span(self, first: int, last: int, *, known: bool, origin: str, weak: str | None = None) -> Span:
        start, end = self.words[first].start, self.words[last].end
        previous = self.word(first - 1)
        before = self.doc.text[max(self.sentence.start, start - 48) : start]
        cue = self.cue_after(last) or cue_before(before) or self._listed_cue(start)
        if cue is not None and (cue == TAKEN or (cue.endswith("s") and cue not in SINGULAR_CUES)):
            self.list_cue = (end, cue)
        return Span(
            start=start,
            end=end,
            text=self.doc.text[start:end],
            sentence=self.sentence,
            known=known,
            origin=origin,
            cue=cue,
            weak=weak,
            possessive=self.words[last].possessive,
            locative=previous is not None
            and (previous.lower in LOCATIVE_PREPOSITIONS or RELATIVE_BEFORE.search(before) is not None),
        )

    def _listed_cue(self, start: int) -> str | None:
        """The cue of the list this name continues, when only a comma or "and" stands between."""
        if self.list_cue is None:
            return None
        end, cue = self.list_cue
        return cue if _LIST_JOIN.match(self.doc.text[end:start]) else None

    def cue_after(self, last: int) -> str | None:
        """The feature word right after word ``last`` ("district"; "gas field" -> "field")."""
        for step in (1, 2):
            word, previous = self.word(last + step), self.word(last + step - 1)
            if (
                word is None
                or previous is None
                or not joined(self.sentence.text, previous, word, self.sentence.start)
            ):
                return None
            if word.lower in FEATURE_CUES:
                return word.lower
            if word.lower not in SITE_QUALIFIERS:
                return None
        return None


def cue_before(before: str) -> str | None:
    """The feature word of "the town of X" before a name, or "taken" after "took control of"."""
    match = CUE_OF.search(before)
    if match:
        return match.group(1).lower()
    return TAKEN if TAKEN_BEFORE.search(before) else None


def without_overlaps(spans: list[Span]) -> list[Span]:
    """Longest first, then leftmost: a span overlapping a kept one is dropped."""
    kept: list[Span] = []
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), s.start))
    if any(span.end <= span.start for span in spans):  # an empty span: compare with every kept one
        for span in ordered:
            if all(span.end <= other.start or other.end <= span.start for other in kept):
                kept.append(span)
        return sorted(kept, key=lambda s: s.start)
    # The kept spans never overlap, so by start they are also by end: only the last one that starts
    # before a span ends can overlap it.
    starts: list[int] = []
    ends: list[int] = []
    for span in ordered:
        position = bisect.bisect_left(starts, span.end) - 1
        if position < 0 or ends[position] <= span.start:
            kept.append(span)
            at = bisect.bisect_left(starts, span.start)
            starts.insert(at, span.start)
            ends.insert(at, span.end)
    return sorted(kept, key=lambda s: s.start)
