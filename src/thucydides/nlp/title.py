"""Where the report's own title stands in its text.

Scrapers and archives often print the title (and a date) at the top of the text, run into the
first sentence of the body: "27 November 2016 Girl killed in rocket attack on Aleppo A girl was
killed on Sunday ...". The title restates the body's events; read as a sentence of its own it
can be set aside as a headline instead of doubling the lead's events.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The title is looked for this far into the text (after a date line or a byline).
_WITHIN = 600
_MIN_WORDS = 3


def title_end(text: str, title: str | None) -> int | None:
    """The offset where the text's copy of ``title`` ends, when it repeats it near its start."""
    pattern = _pattern(title or "")
    if pattern is None:
        return None
    match = pattern.search(text, 0, _WITHIN + len(title or ""))
    return match.end() if match else None


@lru_cache(maxsize=64)
def _pattern(title: str) -> re.Pattern[str] | None:
    """The title's words with anything between them (asked once per sentence: compiled once)."""
    words = re.findall(r"\w+", title)
    if len(words) < _MIN_WORDS:
        return None
    return re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", re.IGNORECASE)
