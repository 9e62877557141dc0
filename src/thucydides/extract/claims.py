"""Who a sentence attributes its claim to: "military sources said", "according to SOHR".

Returns a short neutral label (``military source``, ``field source``,
``unnamed reports``, ``SOHR``...) or None when the outlet speaks in its own
voice. "The source added" and "according to the sources" refer back to the
last claimant named in the same paragraph.
"""

from __future__ import annotations

import re

from thucydides.nlp.lexicon import SPEECH

_ATTRIBUTION = re.compile(
    r"according to (?P<after>[^,.;]{2,60})|(?P<before>[\w’'\- ]{2,60}?)\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:earlier\s+|also\s+)?" + SPEECH + r"\b",
    re.IGNORECASE,
)
# What every match of _ATTRIBUTION contains.
_ATTRIBUTION_WORD = re.compile(r"according to|" + SPEECH, re.IGNORECASE)
# Label for a claimant, first matching rule wins.
_LABELS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"syrian observatory|\bsohr\b|^(?:the )?observatory$", re.I), "SOHR"),
    (re.compile(r"local coordination committees?|\blccs?\b", re.I), "Local Coordination Committees"),
    (
        re.compile(
            r"\bmilitary (?:sources?|spokesm[ae]n|commanders?|officials?|officers?)\b|"
            r"\barmy (?:sources?|officers?|officials?|spokesm[ae]n)\b|\bcommanders?\b",
            re.I,
        ),
        "military source",
    ),
    (re.compile(r"\b(?:battle)?field sources?\b", re.I), "field source"),
    (re.compile(r"\bsecurity sources?\b", re.I), "security source"),
    (
        re.compile(r"\bpolice sources?\b|\bpolice (?:officers?|officials?|spokesm[ae]n)\b|^police$", re.I),
        "police source",
    ),
    (re.compile(r"\bmedical sources?\b|\bhospital\b|\bdoctors?\b", re.I), "medical source"),
    (re.compile(r"\blocal sources?\b|\bresidents?\b|\bwitness(?:es)?\b", re.I), "local sources"),
    (re.compile(r"\bactivists?\b", re.I), "activists"),
    (
        re.compile(r"\bstate (?:media|television|tv|news agency)\b|\bsana\b|\bstate-(?:run|owned)\b", re.I),
        "state media",
    ),
    (re.compile(r"\bmonitor(?:ing group)?\b", re.I), "monitoring group"),
    (
        re.compile(
            r"\bministry\b|\b(?:general |defen[cs]e )?command\b|\bstatement\b|\bspokesm[ae]n\b|\bgovernor\b|"
            r"\bofficials?\b|\bcoalition\b|\bgovernment\b|\bthe (?:army|military|police)\b",
            re.I,
        ),
        "official statement",
    ),
    (re.compile(r"\b(?:some |earlier |other |media |news )?reports?\b", re.I), "unnamed reports"),
)
_BACK_REFERENCE = re.compile(
    r"^\s*(?:the|these|this|those)\s+(?:[\w-]+\s+)?(?:sources?|monitor|observatory|group)\s*$|^\s*(?:he|she|they|it)\s*$",
    re.I,
)
_SOURCE_WORD = re.compile(r"\bsources?\b", re.I)


def claimant(sentence_text: str, *, previous: str | None) -> str | None:
    """The claimant of ``sentence_text``; ``previous`` is the last one named in the paragraph."""
    if _ATTRIBUTION_WORD.search(sentence_text) is None:
        return None  # every attribution holds one of these words: no need to try it at every letter
    for match in _ATTRIBUTION.finditer(sentence_text):
        who = (match.group("after") or match.group("before") or "").strip()
        words = who.split()
        tail = " ".join(words[-4:])
        if (_BACK_REFERENCE.match(tail) or _BACK_REFERENCE.match(who)) and previous is not None:
            return previous
        for pattern, label in _LABELS:
            if pattern.search(who):
                return label
        if _SOURCE_WORD.search(tail):
            return previous or "unnamed source"
    return None
