"""Finding place names: gazetteer names in capitalised runs, plus names only a cue vouches for.

For each sentence:

1. split it into words and runs of capitalised words (``tokens.py``);
2. cut each run into known names: the cut that covers most words with the
   fewest names, a leading direction word ("Eastern Aleppo") left out of a
   name when the rest is a name by itself; a lone stop word (Most, Army,
   Sunday, Bab) or nationality adjective (Syrian, Iraqi) is never a name;
3. judge each name by its neighbours: after a title it is a person
   ("President Assad"); an ``al-`` name after other words of its run is the
   second half of a construct ("Liwa al-Quds", "Dara’a al-Balad"), not a
   place of its own, and makes the first half ``weak``; a name with other
   capitalised words beside it is ``weak`` too (the resolver keeps a weak
   name only with support from the document);
4. a run that starts with a generic toponym word (Tal, Jabal, Khirbat,
   Hawsh) is one name: known only if the gazetteer knows all of it;
5. a run the gazetteer does not know becomes a span of its own (``known``
   False) when something vouches for it: a feature word after it ("X
   district", "X gas field"), "the town of X", a locative preposition ("in
   X"), or a generic head;
6. NER entities (GPE, LOC, FAC mentions in ``doc.mentions``), when present,
   add the spans not found otherwise;
7. a nationality adjective the gazetteer knows ("Russian", "North Korean",
   "European") at the head of a run is a span of its own (origin ``demonym``)
   naming its country or continent, unless the whole run is a place's name
   ("American Samoa"); its plural ("Russians") names people, not a place;
8. an abbreviation ("US", "U.K.") is a name only when it is written exactly so
   as a name of a country, first-level division or continent.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from thucydides.gazetteer import Gazetteer, name_key
from thucydides.gazetteer.sources.nationality import is_abbreviation
from thucydides.geoparse.abbreviations import division_forms
from thucydides.geoparse.lexicon import (
    FEATURE_CUES,
    FUNCTION_WORDS,
    GENERIC_HEADS,
    GROUP_NOUNS,
    LONE_HEADS,
    NAME_PARTICLES,
    ROUTE_WORDS,
    SITE_HEADS,
    SITE_NAME_HEADS,
    SITE_QUALIFIERS,
    STOP_WORDS,
    TITLES,
    Demonyms,
)
from thucydides.geoparse.persons import ORDINARY, PERSON, lowercase_words, name_parts
from thucydides.geoparse.spans import (
    FIRST_WORD,
    INSIDE_LONGER,
    SINGULAR_CUES,
    SentenceReader,
    Span,
    cue_before,
    without_overlaps,
)
from thucydides.geoparse.tokens import Word, runs, words
from thucydides.model import Document, MentionKind
from thucydides.nlp.lexicon import DIRECTIONAL_ADJECTIVES

MAX_WORDS = 7
NER_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ROUTE_AFTER = re.compile(r"\s+" + ROUTE_WORDS + r"\b", re.IGNORECASE)
# Words after a name that make it a settlement's or a quarter's name ("Masaken Hanano neighbourhood").
_SETTLEMENT_CUES = frozenset({"neighbourhood", "neighborhood", "district", "village", "town", "suburb"})
# Two words joined by this alone, no space, are one word of a name ("Doron-Baga").
_HYPHEN_ONLY = re.compile(r"^[-‐‑]$")
# A pronoun and a verb ("I’ve", "We’re"), capitalised but no name.
_CONTRACTION = re.compile(r"\w['’](?:ve|ll|re|m|d)$", re.IGNORECASE)


def names_a_group(text: str) -> bool:
    """ "Jaysh al-Fateh", "Liwa al-Quds", "Faylaq al-Sham": an Arabic word for an army, brigade,
    front or corps heads the name of an armed group, not of a place."""
    words = text.replace("-", " ").split()
    return len(words) > 1 and words[0].casefold() in GROUP_NOUNS


# "the Syrian capital", "the Iraqi capital's outskirts", but not "the Syrian capital Damascus", whose
# own name is the place.
_CAPITAL_AFTER = re.compile(r"\s+capital(?=(?:['’]?s)?\b)(?!(?:['’]?s)?\s+(?:city\s+)?(?:of\s+)?[A-Z])")
# "at 8:45 A.M. (Damascus time)", "noon Moscow time": a clock, not where anything happened.
_TIME_ZONE = re.compile(r"\s+(?:standard\s+)?time\b(?!\s+(?:of|for|in|to|since|when)\b)")
_WORD_BEFORE = re.compile(r"(\w+)[\s-]+$")


def _ends_a_group(text: str, span: Span) -> bool:
    """ "Ahrar al-Sham", "Faylaq al-Rahman": the name after a group's noun is the rest of its name."""
    before = _WORD_BEFORE.search(text, max(0, span.start - 20), span.start)
    return before is not None and before.group(1).casefold() in GROUP_NOUNS


class Finder:
    """Finds candidate place spans in a document with one gazetteer (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer, *, demonyms: Demonyms | None = None) -> None:
        self.gazetteer = gazetteer
        self.demonyms = demonyms if demonyms is not None else Demonyms(())
        self.adjectives = gazetteer.demonym_words()
        self.abbreviations = frozenset(
            name
            for feature in ("country", "admin1", "region")
            for place in gazetteer.places_of(feature)
            for name in place.names
            if is_abbreviation(name)
        )

    def countries_named(self, doc: Document) -> set[str]:
        """Countries a nationality adjective of the document refers to ("the Saudi city of Jizan")."""
        codes = set()
        for sentence in doc.sentences:
            for word in words(sentence.text, sentence.start):
                if word.capitalised and (code := self.demonyms.country(word.text)) is not None:
                    codes.add(code)
        return codes

    def spans(self, doc: Document) -> list[Span]:
        """Every span of the document that may name a place."""
        found: list[Span] = []
        for sentence in doc.sentences:
            sentence_words = words(sentence.text, sentence.start)
            position_of = {word.start: index for index, word in enumerate(sentence_words)}
            reader = SentenceReader(doc, sentence, sentence_words)
            for run in runs(sentence.text, sentence_words, sentence.start):
                found += self._spans_of_run(reader, position_of[run[0].start], run)
        found += self._ner_spans(doc, found)
        found += _division_spans(doc, found)
        found = [
            span
            for span in found
            if not names_a_group(span.text)
            and not _ends_a_group(doc.text, span)
            and not _TIME_ZONE.match(doc.text, span.end)
        ]
        return self._judged_by_the_report(doc, without_overlaps(found))

    def _judged_by_the_report(self, doc: Document, found: list[Span]) -> list[Span]:
        """One-word names the report shows to be a person's name or an ordinary word (``persons.py``)."""
        single = [span for span in found if span.origin == "gazetteer" and " " not in span.text.strip()]
        if not single:
            return found
        parts = name_parts(doc, known=lambda run: self._known(doc, run), not_a_given_name=self._no_given_name)
        lower = lowercase_words(doc)
        judged = {}
        for span in single:
            word = span.text.rsplit("-", 1)[-1]
            if word in parts and not self._well_known(word):
                judged[span.start] = replace(span, weak=PERSON)
            elif word.lower() in lower and not word.isupper():
                judged[span.start] = replace(span, weak=ORDINARY)
        return [judged.get(span.start, span) for span in found]

    def _well_known(self, name: str) -> bool:
        """Whether the name is exactly that of a country, continent, first-level division or city
        ("Smart Dubai" does not make Dubai a person)."""
        return any(
            candidate.how == "exact"
            and (
                candidate.place.feature in {"country", "admin1", "city"}
                or candidate.place.country_code is None
            )
            for candidate in self.gazetteer.lookup(name, limit=50)
        )

    def _no_given_name(self, word: Word) -> bool:
        lower = word.lower
        return (
            lower in STOP_WORDS
            or lower in DIRECTIONAL_ADJECTIVES
            or lower in GENERIC_HEADS
            or lower in TITLES
            or lower in self.adjectives
            or lower in self.demonyms
            or word.text in self.abbreviations
        )

    # -- runs ------------------------------------------------------------------------

    def _known(self, doc: Document, piece: list[Word]) -> bool:
        if piece[-1].article or (piece[0].article and len(piece) == 1) or self._not_a_name(piece):
            return False
        return self.gazetteer.has_key(name_key(doc.text[piece[0].start : piece[-1].end]))

    def _exact(self, doc: Document, piece: list[Word]) -> bool:
        """Whether some entry has exactly this name (accents and case aside)."""
        text = doc.text[piece[0].start : piece[-1].end]
        if not self.gazetteer.has_key(name_key(text)):
            return False  # no entry has this name's key, let alone this name (and no fuzzy search)
        return any(candidate.how == "exact" for candidate in self.gazetteer.lookup(text, limit=50))

    def _not_a_name(self, piece: list[Word]) -> bool:
        """A stop word, a nationality adjective or an acronym (SANA, SOHR), alone."""
        content = [word for word in piece if not word.article]
        if len(content) != 1:
            return False
        word = content[0]
        if word.lower in LONE_HEADS:
            return len(piece) == 1  # "Bab" is no name, "al-Bab" is
        if word.text in self.abbreviations:
            return False  # "US" is the country, "us" a pronoun
        if _CONTRACTION.search(word.text):
            return True  # "I’ve", "We’re": a pronoun and a verb
        acronym = word.text.isupper() and len(word.text) <= 5
        # A word shaped like a nationality ("Tunis" as Tunis-ia less an ending) that is exactly the
        # name of a city, a province or a country is that place.
        demonym = word.lower in self.demonyms and not self._well_known(word.text)
        return acronym or word.lower in STOP_WORDS or demonym

    def _adjective(self, doc: Document, run: list[Word]) -> tuple[int, int] | None:
        """Where a nationality adjective stands in the run, as (first, size); None when none does or
        the whole run is a place's name ("American Samoa")."""
        for first in range(len(run)):
            for size in (2, 1):
                if first + size > len(run):
                    continue
                text = doc.text[run[first].start : run[first + size - 1].end]
                if text.lower() in self.adjectives:
                    return None if len(run) > size and self._exact(doc, run) else (first, size)
        return None

    def _cut(self, doc: Document, run: list[Word]) -> list[tuple[int, int]]:
        """Known names of a run as (first, last) positions.

        The cut that covers most words other than direction words; then the
        one with fewest names; then the one whose names hold the most direction
        words, when an entry has exactly that name. So "Eastern Deir Ezzur" is
        Deir Ezzur (not the village "Eastern Deir" and "Ezzur"), "Eastern
        Aleppo" is Aleppo, and "North Korea" stays whole.
        """
        size = len(run)
        # best[end]: (covered, -names, directions inside exact names, cut) for run[:end]
        best: list[tuple[int, int, int, list[tuple[int, int]]]] = [(0, 0, 0, [])] * (size + 1)
        for end in range(1, size + 1):
            best[end] = best[end - 1]
            for start in range(max(0, end - MAX_WORDS), end):
                piece = run[start:end]
                if not self._known(doc, piece):
                    continue
                directions = sum(word.lower in DIRECTIONAL_ADJECTIVES for word in piece)
                kept = directions if directions and self._exact(doc, piece) else 0
                covered, names, inside, cut = best[start]
                option = (
                    covered + len(piece) - directions,
                    names - 1,
                    inside + kept,
                    [*cut, (start, end - 1)],
                )
                if option[:3] > best[end][:3]:
                    best[end] = option
        return best[size][3]

    def _spans_of_run(self, reader: SentenceReader, first_index: int, run: list[Word]) -> list[Span]:
        previous = reader.word(first_index - 1)
        if previous is not None and previous.lower in TITLES and previous.capitalised:
            return []  # "President Assad"
        if previous is not None and previous.text in NAME_PARTICLES:
            return []  # "de Klerk", "bin Laden"
        title = next((index for index, word in enumerate(run) if word.lower in TITLES), None)
        if title is not None:
            run = run[:title]  # "On Monday President Assad": what follows a title is a person
            if not run:
                return []
        while len(run) > 1 and run[0].lower in FUNCTION_WORDS and run[0].text not in self.abbreviations:
            # "In Maarat al-Numan, ...": a sentence's first word is capitalised, not part of the name.
            run, first_index = run[1:], first_index + 1
        head = next((index for index, word in enumerate(run) if not word.article), 0)
        # "Jabal Turkmen", "Jabal al-Akrad": a generic head makes the run one name, even when a
        # nationality adjective follows it.
        generic = run[head].lower in GENERIC_HEADS and len(run) > head + 1
        adjective = self._adjective(reader.doc, run) if self.adjectives and not generic else None
        if adjective is not None and _names_a_language(reader.doc.text, run, adjective):
            return []  # "speaks English", "printed in Chinese": a language, not a place
        if adjective is not None:
            # "Russian forces", "the North Korean leader", "Leading Mexican candidate".
            first, size = adjective
            span = replace(
                reader.span(
                    first_index + first, first_index + first + size - 1, known=True, origin="demonym"
                ),
                cue=None,
                locative=False,
            )
            capital = _CAPITAL_AFTER.match(reader.doc.text, span.end) if first + size == len(run) else None
            if capital is not None:
                # "killed in the Syrian capital on Sunday": the capital city, not the country.
                end = capital.end()
                span = replace(span, end=end, text=reader.doc.text[span.start : end], origin="capital")
            ahead = self._spans_of_run(reader, first_index, run[:first]) if first else []
            after = run[first + size :]
            rest = self._spans_of_run(reader, first_index + first + size, after) if after else []
            # What stands beside the adjective is part of a longer name ("Russian Foreign Ministry").
            longer = INSIDE_LONGER
            return [*(replace(other, weak=other.weak or longer) for other in [*ahead, *rest]), span]
        cut = self._cut(reader.doc, run)
        if reader.headline:
            # In Title Case Every Word Is Capitalised: only known names, each weak.
            return [
                replace(
                    reader.span(first_index + first, first_index + last, known=True, origin="gazetteer"),
                    weak="in a title-case line",
                    cue=None,
                    locative=False,
                )
                for first, last in cut
            ]
        site = self._site_name(reader, first_index, run)
        if site is not None:
            return [site]
        if run[head].lower in GENERIC_HEADS and cut != [(0, len(run) - 1)] and cut != [(head, len(run) - 1)]:
            # "Tal al-Sheikh Hassan", "Jabal Antar": one name, even if "Antar" is a village.
            return self._unknown_run(reader, first_index, run)
        if self._named_by_a_cue(reader, first_index, run, cut):
            # "the village of Abu Allaj": one name, not the namesakes of "Abu" and "Allaj".
            return self._unknown_run(reader, first_index, run)
        cut, hyphenated = self._hyphenated_names(reader.doc, run, cut)
        unknown = [
            span
            for first, last in hyphenated
            for span in self._unknown_run(reader, first_index + first, run[first : last + 1])
        ]
        lead = 0
        while lead < len(run) - 1 and run[lead].lower in DIRECTIONAL_ADJECTIVES:
            lead += 1
        if not hyphenated and any(word.article for word in run[lead + 1 :]) and cut != [(lead, len(run) - 1)]:
            return self._compound(reader, first_index, run, lead, cut)
        spans: list[Span] = []
        for number, (first, last) in enumerate(cut):
            previous_end = cut[number - 1][1] if number else -1
            following = cut[number + 1][0] if number + 1 < len(cut) else len(run)
            before = [w for w in run[previous_end + 1 : first] if _loose(w)]
            after = [w for w in run[last + 1 : following] if _loose(w)]
            weak = None
            at_a_site = not before and bool(after) and all(w.lower in SITE_HEADS for w in after)
            if (before or after) and not at_a_site:
                weak = INSIDE_LONGER
            elif first_index + first == 0 and len([w for w in run[first : last + 1] if not w.article]) == 1:
                weak = FIRST_WORD
            spans.append(
                reader.span(
                    first_index + first, first_index + last, known=True, origin="gazetteer", weak=weak
                )
            )
        if spans or hyphenated:
            return [*spans, *unknown]
        return self._unknown_run(reader, first_index, run)

    def _site_name(self, reader: SentenceReader, first_index: int, run: list[Word]) -> Span | None:
        """A site's own name: a capitalised name, then a site's head word, perhaps after a qualifier
        ("the Kindi Hospital", "Hayyan Gas Fields", "the Al-Malaah Farms").

        One span of name and head (``origin`` "site", the head as its cue): the hospital is not a
        town called Kindi, and "Gas" is no place. A name with a country's, a province's or a big
        city's name in it is where the site is ("Damascus University", "Colorado State
        University"), and is left to the cut.
        """
        if run[-1].lower not in SITE_NAME_HEADS:
            return None
        end = len(run) - 1
        while end > 0 and run[end - 1].lower in SITE_QUALIFIERS | SITE_NAME_HEADS:
            end -= 1
        begin = 0
        while begin < end and run[begin].lower in DIRECTIONAL_ADJECTIVES:
            begin += 1
        name = run[begin:end]
        content = [word for word in name if not word.article]
        if not content or self._not_a_name(content) or run[begin].lower in GENERIC_HEADS:
            return None  # "the Military Airport", "the Army Base"; "Tal X Hill" is a generic head's
        text = reader.doc.text
        if re.fullmatch(ROUTE_WORDS, run[-1].lower) and "-" in text[name[0].start : name[-1].end]:
            return None  # "the Hamra-Tibni Road" runs between two places (``_hyphenated_names``)
        pieces = [(0, len(name) - 1), *self._cut(reader.doc, name)]
        if any(self._well_known(text[name[a].start : name[b].end]) for a, b in pieces):
            return None
        span = reader.span(first_index + begin, first_index + len(run) - 1, known=False, origin="site")
        # "the Handarat Refugee Camp" is at the village of Handarat when the report supports it (the
        # resolver tries the name alone, as the first name of a compound).
        head_end = name[-1].end if self._known(reader.doc, name) else None
        known = self.gazetteer.has_key(name_key(span.text))
        return replace(span, known=known, cue=run[-1].lower, head_end=head_end)

    def _named_by_a_cue(
        self, reader: SentenceReader, first_index: int, run: list[Word], cut: list[tuple[int, int]]
    ) -> bool:
        """Whether a feature word before or after the run ("the village of Abu Allaj", "Masaken
        Hanano neighbourhood") makes it one name that the gazetteer knows only in pieces, some of
        them not written exactly."""
        if len(run) < 2 or cut == [(0, len(run) - 1)] or not cut:
            return False
        start = run[0].start
        after = reader.cue_after(first_index + len(run) - 1)
        cue = cue_before(reader.doc.text[max(reader.sentence.start, start - 48) : start]) or (
            after if after in _SETTLEMENT_CUES else None
        )
        if cue is None or (cue.endswith("s") and cue not in SINGULAR_CUES):
            return False  # "the towns of Misraba Ayn Tarma Arbin": a list, its commas lost
        exact = {
            index
            for first, last in cut
            if self._exact(reader.doc, run[first : last + 1])
            for index in range(first, last + 1)
        }
        return any(
            index not in exact and not word.article and word.lower not in STOP_WORDS
            for index, word in enumerate(run)
        )

    def _hyphenated_names(
        self, doc: Document, run: list[Word], cut: list[tuple[int, int]]
    ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """The cut less the names that part words joined by a bare hyphen ("Doron-Baga" is one
        village's name, not the namesakes of its halves), and those hyphenated names as (first, last).

        A hyphenated name keeps its parts when one of them is a country, province or city ("the
        Hama-Idlib road", "Miami-Dade"), or when the gazetteer knows it whole.
        """
        chains: list[tuple[int, int]] = []
        for index, (left, right) in enumerate(itertools.pairwise(run)):
            joined = _HYPHEN_ONLY.match(doc.text[left.end : right.start]) is not None
            if not (joined and left.capitalised and right.capitalised) or any(
                word.article or word.lower in DIRECTIONAL_ADJECTIVES for word in (left, right)
            ):
                continue
            if chains and chains[-1][1] == index:
                chains[-1] = (chains[-1][0], index + 1)
            else:
                chains.append((index, index + 1))
        names = []
        for first, last in chains:
            pieces = [(a, b) for a, b in cut if a <= last and b >= first]
            if any(a <= first and last <= b for a, b in pieces):
                continue  # known whole
            if _ROUTE_AFTER.match(doc.text, run[last].end):
                continue  # "the Homs-Palmyra road": a road between two places
            if any(
                first <= a and b <= last and self._well_known(doc.text[run[a].start : run[b].end])
                for a, b in pieces
            ):
                continue
            names.append((first, last))
        kept = [(a, b) for a, b in cut if not any(a <= last and b >= first for first, last in names)]
        return kept, names

    def _compound(
        self, reader: SentenceReader, first_index: int, run: list[Word], lead: int, cut: list[tuple[int, int]]
    ) -> list[Span]:
        """A run with an article inside that the gazetteer does not know whole ("Dara’a al-Balad").

        One span for all of it (its close spellings are tried later), with the
        known first name as its head ("Liwa al-Quds" and "Fateh al-Sham" have
        none: Liwa and Fateh are stop words). Such a span is kept only when it
        resolves with support, or a cue vouches for it.
        """
        last = len(run) - 1
        while last > lead and (run[last].lower in FEATURE_CUES or run[last].article):
            last -= 1
        span = reader.span(first_index + lead, first_index + last, known=False, origin="construct")
        head = next((stop for first, stop in cut if first == lead and stop < last), None)
        if head is not None:
            span = replace(span, head_end=run[head].end)
        return [span]

    def _unknown_run(self, reader: SentenceReader, first_index: int, run: list[Word]) -> list[Span]:
        """A run the gazetteer does not know: a span only when a cue vouches for it."""
        first, last = 0, len(run) - 1
        while first <= last and run[first].lower in DIRECTIONAL_ADJECTIVES:
            first += 1
        # "the Military Airport": a qualifier before the feature word is no name either.
        while last >= first and (
            run[last].lower in FEATURE_CUES
            or run[last].article
            or (last < len(run) - 1 and run[last].lower in SITE_QUALIFIERS)
        ):
            last -= 1
        content = [word for word in run[first : last + 1] if not word.article]
        if not content or self._not_a_name(content):
            return []
        span = reader.span(first_index + first, first_index + last, known=False, origin="cue")
        if last < len(run) - 1 and span.cue is None and run[last + 1].lower in FEATURE_CUES:
            span = replace(span, cue=run[last + 1].lower)
        if content[0].lower in GENERIC_HEADS and len(content) > 1:
            known = self.gazetteer.has_key(name_key(span.text))
            return [replace(span, origin="generic", known=known)]
        if span.cue is not None:
            return [span]
        if span.locative and (first_index + first > 0 or len(content) > 1):
            return [replace(span, origin="locative")]
        return []

    def _ner_spans(self, doc: Document, found: list[Span]) -> list[Span]:
        """Spans of NER entities (GPE, LOC, FAC) that nothing else found, when the document has them."""
        extra = []
        taken = [(span.start, span.end) for span in found]
        for mention in doc.mentions:
            if mention.kind != MentionKind.ENTITY or mention.label not in NER_LABELS:
                continue
            start, end, text = mention.start, mention.end, mention.text
            if text.lower().startswith("the "):
                start, text = start + 4, text[4:]
            if not text[:1].isupper() or any(s < end and start < e for s, e in taken):
                continue
            sentence = doc.sentence_at(start)
            if sentence is None or text.lower() in STOP_WORDS or text.lower() in self.demonyms:
                continue
            known = self.gazetteer.has_key(name_key(text))
            extra.append(Span(start=start, end=end, text=text, sentence=sentence, known=known, origin="ner"))
        return extra


# Where a nationality word names a language: after "in", "into" or a verb of speaking, or before
# "language", "speakers", "translation", "version", "subtitles".
_LANGUAGE_BEFORE = re.compile(
    r"\b(?:in|into|speaks?|speaking|spoke|spoken|fluent|learn(?:s|ed|ing)?|teach(?:es|ing)?|taught)\s+"
    r"(?:\w+\s+(?:and|or)\s+)?$",
    re.IGNORECASE,
)
_LANGUAGE_AFTER = re.compile(
    r"^(?:\s+(?:and|or)\s+\w+)?(?:-|\s+)(?:language|speakers?|translations?|versions?|subtitles)\b",
    re.IGNORECASE,
)


_NO_NOUN_AFTER = re.compile(r"^\s*(?:$|[,.;:!?)\"”’]|(?:and|or|as|but|with)\b)")


def _names_a_language(text: str, run: list[Word], adjective: tuple[int, int]) -> bool:
    """The run is a lone nationality word that names a language ("in a mix of Arabic and English")."""
    first, size = adjective
    if len(run) != size:
        return False
    start, end = run[first].start, run[first + size - 1].end
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    # "in English." names the language; "in British farms" the country's farms.
    alone = _NO_NOUN_AFTER.match(after) is not None
    return bool((alone and _LANGUAGE_BEFORE.search(before)) or _LANGUAGE_AFTER.match(after))


def _division_spans(doc: Document, found: list[Span]) -> list[Span]:
    """Abbreviated states and provinces where the text puts them ("SPRINGFIELD, Ill.", "in D.C.")."""
    known = {span.end: span.start for span in found if span.known}
    return [
        Span(start=start, end=start + len(form), text=form, sentence=sentence, known=True, origin="division")
        for sentence, start, form in division_forms(doc, known)
    ]


def _loose(word: Word) -> bool:
    """A capitalised word of another name beside a place name: not an article, a direction, a
    feature word, or a word capitalised only as a sentence's first ("In Taiz, ...")."""
    lower = word.lower
    return (
        not word.article
        and lower not in DIRECTIONAL_ADJECTIVES
        and lower not in FEATURE_CUES
        and (lower not in FUNCTION_WORDS)
    )
