"""Is a passage news, or opinion, analysis, interview or feature? Read from the text, never the outlet.

Long-form journalism mixes the report's events with argument ("Direct clashes are now a distinct
possibility"), the writer's own voice ("I met him in Raqqa"), questions put to the reader and long
quotations. A passage that reads like that is held to a higher bar: its sentences give records only
when they carry a date of their own or the sub-event model is sure they report an event.

The signals, counted over a paragraph and its neighbours:

- the writer's first person outside quotation marks ("I", "we", "my", "our");
- questions (a sentence ending in "?");
- words of argument and speculation ("should", "must", "perhaps", "arguably", "likely", "could");
- quotation density: the share of characters inside quotation marks;
- the absence of reporting verbs ("said", "reported", "told") and of a dateline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from thucydides.model import Sentence
from thucydides.nlp.lexicon import SPEECH

_QUOTED = re.compile(r"[\"“”«»][^\"“”«»]{3,}[\"“”«»]")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|me|my|we|we're|we've|us|our)\b")
_ARGUMENT = re.compile(
    r"\b(?:should|must|ought|perhaps|arguably|likely|unlikely|possibility|possible|could|might|"
    r"would|seems?|appears?|in\s+other\s+words|of\s+course|indeed|clearly|surely|the\s+question)\b",
    re.IGNORECASE,
)
_REPORTING = re.compile(rf"\b(?:{SPEECH}|according\s+to)\b", re.IGNORECASE)

# A passage scoring this much reads as opinion or feature (each signal counts about 1 when strong).
OPINION_SCORE = 2.0


@dataclass(frozen=True, slots=True)
class PassageVoice:
    """How a passage reads: its opinion score and the signals behind it."""

    score: float
    first_person: int
    questions: int
    argument: int
    quoted_share: float
    reporting: int

    @property
    def is_opinion(self) -> bool:
        return self.score >= OPINION_SCORE


def passage_voice(sentences: Sequence[Sentence]) -> PassageVoice:
    """The voice of a run of sentences (a paragraph with its neighbours)."""
    text = " ".join(s.text for s in sentences)
    quoted = sum(len(m.group()) for m in _QUOTED.finditer(text))
    unquoted = _QUOTED.sub(" ", text)
    words = max(1, len(unquoted.split()))
    first_person = len(_FIRST_PERSON.findall(unquoted))
    questions = sum(1 for s in sentences if s.text.rstrip().endswith("?"))
    argument = len(_ARGUMENT.findall(unquoted))
    reporting = len(_REPORTING.findall(text))
    quoted_share = quoted / max(1, len(text))
    per_100 = 100.0 / words
    score = (
        min(2.0, first_person * per_100 / 2.0)
        + min(1.5, float(questions))
        + min(1.5, argument * per_100 / 3.0)
        + min(1.0, 2.0 * quoted_share)
        - min(1.0, reporting * per_100 / 2.0)
    )
    return PassageVoice(round(score, 3), first_person, questions, argument, round(quoted_share, 3), reporting)


def opinion_paragraphs(sentences: Sequence[Sentence]) -> frozenset[int]:
    """Paragraphs that read as opinion, analysis or feature, judged with the paragraph before and after."""
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    out = set()
    for paragraph, own in by_paragraph.items():
        around = by_paragraph.get(paragraph - 1, []) + own + by_paragraph.get(paragraph + 1, [])
        if passage_voice(own).is_opinion and passage_voice(around).is_opinion:
            out.add(paragraph)
    return frozenset(out)
