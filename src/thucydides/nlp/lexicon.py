"""Words of English that several stages read: directions and the verbs of speech.

One list each, here; every module that needs one builds its patterns from it. General English
only, never tuned to one report.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# The compass: "north", "north-east", "northeast" (add "ern" or "ward" for the adjective or adverb).
DIRECTION = r"(?:north|south|east|west)(?:-?(?:east|west))?"
# Words that say which part of a place: "eastern Aleppo", "the Upper Nile", "Greater Damascus".
DIRECTIONAL_ADJECTIVES = frozenset(
    _words(
        """
        northern southern eastern western central north south east west northeastern northwestern
        southeastern southwestern north-eastern north-western south-eastern south-western
        upper lower greater
        """
    )
)

# Verbs by which a source tells what happened: ", police said", "SANA reported", "he told AFP".
SPEECH_VERBS = _words("said says say reported told announced stated claimed added confirmed noted stressed")
# Verbs by which a government or its capital reacts: "Moscow condemned", "Washington warned".
REACTION_VERBS = _words(
    """
    condemned condemns accused accuses denied denies warned warns called urged blamed insisted
    responded rejected welcomed demanded vowed threatened criticised criticized dismissed hailed
    declared declare declares
    """
)


def alternation(words: tuple[str, ...] | frozenset[str]) -> str:
    """A regular-expression group matching any of ``words`` (longest first)."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


SPEECH = alternation(SPEECH_VERBS)
