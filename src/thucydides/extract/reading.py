"""What the extractor knows while it reads one sentence, and the checks it makes on the sentence."""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TypeVar

from spacy.tokens import Doc as SpacyDoc

from thucydides.extract.actors import ActorMention
from thucydides.extract.background import background_spans
from thucydides.extract.context import DocumentContext
from thucydides.extract.cues import ReportPlaces, is_mishap
from thucydides.extract.entities import hidden_in_entity
from thucydides.extract.reconcile import OPINION_MARGIN
from thucydides.extract.syntax import same_clause
from thucydides.extract.triggers import Trigger
from thucydides.learn.subevent import NO_EVENT
from thucydides.model import Document, Event, PlaceMention, Quantity, Sentence, SentenceType, TimeRef

_FINITE_VERB = re.compile(r"\b[a-z]+(?:ed|ing)\b")


@dataclass(frozen=True, slots=True)
class SentenceScope:
    """What the extractor knows while it reads one sentence."""

    doc: Document
    sentence: Sentence
    places: list[PlaceMention]
    actors: list[ActorMention]
    quantities: list[Quantity]
    context: DocumentContext
    focus: str | None
    admin1s: frozenset[str]
    claim: str | None
    told: list[Event]  # the report's events so far
    opinion: bool = False  # the sentence's passage reads as opinion, analysis or feature
    parsed: SpacyDoc | None = None  # the sentence's full spaCy analysis, when it may report an event
    triggers: list[Trigger] = dataclasses.field(default_factory=list)  # its action words, found once
    # Every place the sentence names, those ``without_hidden_places`` drops included.
    sentence_places: tuple[PlaceMention, ...] = ()
    sentence_times: tuple[TimeRef, ...] | None = None  # its date expressions (None: look in the document)
    told_at: AbstractSet[str] | None = None  # the places of ``told`` (``place_key``), when kept
    report_places: ReportPlaces | None = None  # what the report's places say, read once
    mishap_report: bool = False  # the report opens on a disaster or an accident (``opens_on_a_mishap``)


# Action words a disaster's or an accident's telling uses: "the blasts killed", "struck by a carrier".
_MISHAP_WORDS = frozenset({"explosive", "kill", "target", "attack", "chemical"})


def tells_a_mishap(scope: SentenceScope) -> bool:
    """A sentence about a disaster or an accident (``cues.is_mishap``) whose action words are only
    of blasts, blows and deaths: no political violence. A protest over an accident is a protest."""
    return is_mishap(scope.sentence, scope.actors) and all(
        trigger.category in _MISHAP_WORDS for trigger in scope.triggers
    )


def mishap_told_again(scope: SentenceScope) -> bool:
    """A sentence of a report that opens on a mishap, with no armed side and only words of blasts,
    blows and deaths: the mishap told again."""
    return (
        scope.mishap_report
        and not any(actor.is_armed for actor in scope.actors)
        and all(trigger.category in _MISHAP_WORDS for trigger in scope.triggers)
    )


def only_background_actions(scope: SentenceScope) -> bool:
    """The sentence's action words all tell background ("the airstrikes on Aleppo over the past ten
    days"): the model reading an event in it would read the same background."""
    return bool(scope.triggers) and all(
        in_the_background(scope.sentence, t.start, t.end, scope.parsed) for t in scope.triggers
    )


def in_the_background(sentence: Sentence, start: int, end: int, parsed: SpacyDoc | None) -> bool:
    """A far-away time or a frequency word belongs to the clause of the action word at ``start:end``
    (document offsets); without a parse, anywhere in the sentence."""
    spans = background_spans(sentence.text)
    if not spans:
        return False
    if parsed is None:
        return True
    action = (start - sentence.start, end - sentence.start)
    return any(same_clause(parsed, span, action) for span in spans)


def main_verb(sentence: Sentence, parsed: SpacyDoc | None) -> tuple[int, int]:
    """Offsets of the sentence's root verb (its first -ed or -ing word without a parse)."""
    if parsed is not None:
        verbs = [t for t in parsed if t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT"] or [
            t for t in parsed if t.pos_ == "VERB"
        ]
        if verbs:
            token = verbs[0]
            return sentence.start + token.idx, sentence.start + token.idx + len(token.text)
    match = _FINITE_VERB.search(sentence.text)
    if match:
        return sentence.start + match.start(), sentence.start + match.end()
    return sentence.start, sentence.start


def passes_opinion_bar(scope: SentenceScope, guess: SentenceType | None) -> bool:
    """In opinion, analysis or feature passages an event needs its own date or a sure model."""
    sentence = scope.sentence
    if scope.sentence_times is not None:
        dated = bool(scope.sentence_times)
    else:
        dated = any(sentence.start <= t.mention.start < sentence.end for t in scope.doc.times)
    return dated or (guess is not None and guess.label != NO_EVENT and guess.margin >= OPINION_MARGIN)


def without_hidden_places(scope: SentenceScope) -> SentenceScope:
    """The scope less place names that the parse shows are words of a person's, an
    organisation's or a date's name."""
    if scope.parsed is None or not scope.places:
        return scope
    offset = scope.sentence.start
    entities = [(offset + e.start_char, offset + e.end_char, e.label_, e.text) for e in scope.parsed.ents]
    places = [p for p in scope.places if not hidden_in_entity(p, entities, scope.places)]
    return dataclasses.replace(scope, places=places)


_T = TypeVar("_T")


def by_sentence(sentences: Sequence[Sentence], items: Sequence[tuple[int, _T]]) -> dict[int, list[_T]]:
    """Each sentence's items (given with their start offsets), in the order given, by sentence index:
    those that start inside it. One pass over a long report instead of one per sentence."""
    ordered = all(a.start <= a.end <= b.start for a, b in itertools.pairwise(sentences)) and all(
        s.start <= s.end for s in sentences[-1:]
    )
    out: dict[int, list[_T]] = {}
    if not ordered:  # overlapping or unordered sentences: an item may be in several
        for sentence in sentences:
            found = [item for start, item in items if sentence.start <= start < sentence.end]
            if found:
                out[sentence.index] = found
        return out
    starts = [sentence.start for sentence in sentences]
    for start, item in items:
        position = bisect.bisect_right(starts, start) - 1
        if position >= 0 and start < sentences[position].end:
            out.setdefault(sentences[position].index, []).append(item)
    return out
