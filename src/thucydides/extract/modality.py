"""Is an action asserted as having happened, or only planned, threatened, denied or hoped for?

Plans, threats, intentions, predictions, denials, questions and hypotheticals are not events
(spec: "Not events"). With the sentence's dependency parse, the action word's own clause decides
(``parsed_modality``):

- a modal auxiliary or a negation on the action or on the verbs it hangs from ("will strike",
  "would target", "did not shell");
- a governor that makes it a plan, threat, hope or denial ("vowed to attack", "warned of
  strikes", "denied that its jets bombed"), or a purpose ("troops moved in to retake");
- a condition or a question ("if rebels attack", "whether the army shelled", "...?");
- an action noun described as yet to come ("the upcoming offensive", "a planned assault");
- a participle that only describes ("the rebel-held town", "regime-controlled Aleppo").

Without a parse, the words before the action word in its clause are read (``modality_of``).
"""

from __future__ import annotations

import re
from enum import StrEnum

from spacy.tokens import Doc, Token

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


# Auxiliaries that put an action in the future, the conditional or the possible.
_MODAL_AUX = frozenset({"will", "would", "shall", "may", "might", "should", "can", "must", "wo"})
# Verbs and nouns under which an action is only planned, threatened, wished, feared or denied.
_UNREAL_GOVERNORS = frozenset(
    {
        "plan", "prepare", "intend", "aim", "vow", "threaten", "threat", "warn", "seek", "try",
        "attempt", "expect", "hope", "want", "wish", "call", "demand", "urge", "fail", "refuse",
        "promise", "pledge", "propose", "consider", "imagine", "fear", "deny", "predict", "plot",
        "ready", "possible", "likely", "need", "order", "ask", "decide", "agree",
        "pause", "halt", "suspend", "suspension", "cessation", "freeze", "stop",
    }
)  # fmt: skip
# Of those, the ones that also make a that-clause unreal ("denied that its jets bombed").
_UNREAL_THAT = frozenset({"deny", "imagine", "hope", "fear", "predict", "wish", "doubt"})
# "managed to liberate": the infinitive happened.
_ACHIEVED = frozenset({"manage", "succeed", "continue", "begin", "start", "rush", "help", "go", "able"})
_CONDITIONS = frozenset({"if", "unless", "whether", "lest"})
# An action noun yet to come: "the upcoming offensive", "a planned assault".
_NOT_YET = frozenset(
    {"upcoming", "planned", "possible", "potential", "future", "expected", "imminent", "looming",
     "anticipated", "proposed", "impending", "prospective", "forthcoming"}
)  # fmt: skip
# How an action hangs from the word above it, climbing within one clause chain.
_CLIMB = frozenset(
    {"xcomp", "advcl", "acl", "pobj", "prep", "dobj", "pcomp", "ccomp", "conj", "compound", "oprd"}
)


def parsed_modality(parsed: Doc, start: int, end: int, *, main: bool = False) -> Modality:
    """Modality of the action word at ``start:end`` (offsets in ``parsed``, the sentence's parse).

    ``OPERATION_BEGUN`` is read from the words, as ``modality_of`` reads it. ``main``: the word
    is the sentence's main verb standing for an event no action word names, so a verb of planning
    or threatening is itself unreal ("the army is preparing a new round of operations").
    """
    if _OPERATION_BEGUN.search(parsed.text[:start]):
        return Modality.OPERATION_BEGUN
    span = parsed.char_span(max(0, start), min(len(parsed.text), end), alignment_mode="expand")
    if span is None or not len(span):
        return modality_of(parsed.text, start)
    if parsed.text.rstrip().endswith("?"):
        return Modality.NOT_ASSERTED
    root = span.root
    if root.dep_ == "amod" and root.tag_ in ("VBN", "JJ"):
        return Modality.NOT_ASSERTED  # "the rebel-held town", "regime-controlled Aleppo": a state described
    if main and root.lemma_ in _UNREAL_GOVERNORS:
        return Modality.NOT_ASSERTED
    return Modality.NOT_ASSERTED if _unreal(root) else Modality.ASSERTED


def _unreal(action: Token) -> bool:
    """Whether the action's clause or a governor above it makes it something other than a fact."""
    if any(child.lower_ in _NOT_YET for child in action.children if child.dep_ == "amod"):
        return True
    token = action
    for _ in range(8):
        if _marked_unreal(token):
            return True
        head = token.head
        if head is token or token.dep_ not in _CLIMB:
            return False
        if token.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return False  # "the army will hold, and rebels attacked": a clause of its own
        if token.dep_ in ("xcomp", "advcl", "acl") and _infinitive(token) and head.lemma_ not in _ACHIEVED:
            return True  # "moved in to retake", "an operation to capture": a purpose
        if token.dep_ == "ccomp":
            return head.lemma_ in _UNREAL_THAT or _marked_unreal(head)
        if head.lemma_ in _UNREAL_GOVERNORS:
            return True
        if head.pos_ in ("NOUN", "PROPN") and token.dep_ in ("prep", "pobj"):
            return False  # "in response to an attack": a noun that is no plan or threat ends the climb
        token = head
    return False


def _marked_unreal(token: Token) -> bool:
    """A modal auxiliary, a negation or a condition on the word itself ("will strike", "did not
    shell", "if rebels attack")."""
    auxiliaries = [child for child in token.children if child.dep_ in ("aux", "auxpass")]
    for child in auxiliaries:
        if child.lower_ in _MODAL_AUX:
            return True
        # "could be targeted", "could have killed" are only possible; but news translated from
        # Arabic or Persian writes "the army could free three districts" for what it managed.
        if child.lower_ == "could" and any(other.lemma_ in ("be", "have") for other in auxiliaries):
            return True
    for child in token.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ == "mark" and child.lower_ in _CONDITIONS:
            return True
    return False


def _infinitive(token: Token) -> bool:
    return any(child.dep_ == "aux" and child.tag_ == "TO" for child in token.children)
