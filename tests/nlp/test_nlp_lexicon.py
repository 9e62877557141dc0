from __future__ import annotations

import re

from thucydides.nlp.lexicon import DIRECTION, DIRECTIONAL_ADJECTIVES, SPEECH, SPEECH_VERBS, alternation


def test_speech_verbs_match_whole_words_longest_first() -> None:
    pattern = re.compile(rf"\b{SPEECH}\b")
    assert pattern.search(", the ministry reported.")
    assert pattern.search("police said on Monday")
    assert not pattern.search("the saidoun clan")
    assert "told" in SPEECH_VERBS


def test_the_compass_and_its_adjectives() -> None:
    assert re.fullmatch(DIRECTION, "north-east")
    assert re.fullmatch(DIRECTION, "southwest")
    assert not re.fullmatch(DIRECTION, "northern")
    assert {"eastern", "greater", "upper"} <= DIRECTIONAL_ADJECTIVES


def test_an_alternation_prefers_the_longer_word() -> None:
    assert re.match(alternation(("report", "reported")), "reported").group(0) == "reported"  # type: ignore[union-attr]
