"""Finds the words that report an action (``triggers.tsv``) and how force was used (``means.tsv``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from thucydides.errors import ResourceError
from thucydides.extract.lexicon import read_table


class TriggerCategory(StrEnum):
    """What an action word signals; the ``category`` column of ``triggers.tsv`` takes only these."""

    TERRITORY = "territory"
    CLASH = "clash"
    DEFEND = "defend"
    ATTACK = "attack"
    TARGET = "target"
    EXPLOSIVE = "explosive"
    SUICIDE = "suicide"
    CHEMICAL = "chemical"
    ARREST = "arrest"
    ABDUCT = "abduct"
    PROTEST = "protest"
    RIOT = "riot"
    AGREEMENT = "agreement"
    SURRENDER = "surrender"
    REINFORCE = "reinforce"
    WITHDRAW = "withdraw"
    LOOTING = "looting"
    SEXUAL = "sexual"
    KILL = "kill"
    BASE = "base"
    DISRUPT = "disrupt"


@dataclass(frozen=True, slots=True)
class Trigger:
    """An action word in the text (offsets into the document)."""

    category: TriggerCategory
    start: int
    end: int
    text: str
    strength: float


def _bounded(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])", re.IGNORECASE)


class TriggerLexicon:
    """Compiled trigger and means patterns."""

    def __init__(self, triggers: list[dict[str, str]], means: list[dict[str, str]]) -> None:
        known = {c.value for c in TriggerCategory}
        unknown = sorted({row["category"] for row in triggers} - known)
        if unknown:
            raise ResourceError(
                f"triggers.tsv names unknown categories {', '.join(unknown)}; use one of "
                f"{', '.join(sorted(known))} or add it to TriggerCategory."
            )
        self._triggers = [
            (TriggerCategory(row["category"]), _bounded(row["pattern"]), float(row["strength"]))
            for row in triggers
        ]
        self._means = [(row["means"], _bounded(row["pattern"])) for row in means]

    @classmethod
    def default(cls) -> TriggerLexicon:
        """The lexicon shipped with Thucydides."""
        return cls(read_table("triggers.tsv"), read_table("means.tsv"))

    def find(self, text: str, *, offset: int = 0) -> list[Trigger]:
        """Non-overlapping triggers in ``text``, longest first where they overlap, in text order."""
        found = [
            Trigger(category, offset + m.start(), offset + m.end(), m.group(0), strength)
            for category, regex, strength in self._triggers
            for m in regex.finditer(text)
        ]
        found.sort(key=lambda t: (t.start, -(t.end - t.start)))
        kept: list[Trigger] = []
        for trigger in found:
            if kept and trigger.start < kept[-1].end:
                continue
            kept.append(trigger)
        return kept

    def means(self, text: str) -> set[str]:
        """How force was used, as far as ``text`` says: a subset of {air, artillery, explosive}."""
        return {means for means, regex in self._means if regex.search(text)}
