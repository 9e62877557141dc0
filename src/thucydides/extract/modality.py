"""Is an action asserted as having happened, or only planned, threatened, denied or hoped for?

Reads the words before the action word in its clause. Plans, threats,
intentions, predictions, denials, questions and hypotheticals are not events
(spec: "Not events").
"""

from __future__ import annotations

import re
from enum import StrEnum

# Words that, shortly before an action word, make it something other than a fact.
_NOT_ASSERTED = re.compile(
    r"\b(?:will|would|shall|wo n't|going to|plan(?:s|ned|ning)?(?: to)?|prepar(?:e|es|ed|ing)(?: to| for)?|"
    r"intend(?:s|ed)?|aim(?:s|ed|ing)? (?:to|at)|vow(?:s|ed)?|threat(?:en|ens|ened)?|expected|expects?|"
    r"seek(?:s|ing)? to|sought to|attempt(?:s|ed|ing)? to|tr(?:y|ies|ied|ying) to|in order to|may|might|"
    r"if|unless|whether|not|never|no|denied|deny|denies|fail(?:s|ed)? to|upcoming|possible|future|"
    r"ready to|about to|call(?:s|ed)? for|demand(?:s|ed)?|warn(?:s|ed)?|hope(?:s|d)?|want(?:s|ed)? to|"
    r"pave the (?:way|ground)|would be|can)\b",
    re.IGNORECASE,
)
# "to liberate" is a purpose unless the verb before says it was achieved.
_ACHIEVED_BEFORE_TO = re.compile(
    r"\b(?:managed|able|succeeded|continued|went on|moved|began|begun|started|rushed|helped)\s+to\s*$",
    re.IGNORECASE,
)
_PURPOSE_TO = re.compile(r"\bto\s*$", re.IGNORECASE)
# An operation that began with the aim of a capture: the fighting is a fact, the capture is not.
_OPERATION_BEGUN = re.compile(
    r"\b(?:began|begun|started|launched|kicked off|initiated)\b[^.;]{0,60}\b(?:operations?|offensive|assault|"
    r"attack|campaign|push)\b[^.;]{0,30}\bto\s*$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s*(?:but|while|whereas|although|as)\b|\b(?:but|while|and)\b", re.IGNORECASE
)


class Modality(StrEnum):
    """How the text presents an action."""

    ASSERTED = "asserted"
    OPERATION_BEGUN = "operation_begun"  # "began an operation to capture X": a clash, not a capture
    NOT_ASSERTED = "not_asserted"


def modality_of(sentence_text: str, trigger_start: int) -> Modality:
    """Modality of the action word at ``trigger_start`` (offset within ``sentence_text``)."""
    before = sentence_text[:trigger_start]
    if _OPERATION_BEGUN.search(before):
        return Modality.OPERATION_BEGUN
    if _PURPOSE_TO.search(before) and not _ACHIEVED_BEFORE_TO.search(before):
        return Modality.NOT_ASSERTED
    # Only the words of the action's own clause, and at most the last eight of them, count.
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    window = " ".join(clause.split()[-8:])
    if _NOT_ASSERTED.search(window):
        return Modality.NOT_ASSERTED
    return Modality.ASSERTED
