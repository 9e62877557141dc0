"""Finds the actors a sentence names and gives them neutral canonical names.

Outlets call the same side by loaded names ("terrorists", "regime forces");
the dictionary (``actors.tsv``) maps each wording to one canonical actor and
records where the entry came from. Words that name no group ("militants",
"terrorists") are kind ``generic_armed``: the event assembler replaces them by
the group the surrounding text names, if any.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from thucydides.extract.lexicon import read_table

ARMED_KINDS = frozenset({"state", "state_air", "militia", "rebel", "jihadist", "generic_armed", "unknown"})
GOVERNMENT_KINDS = frozenset({"state", "state_air"})


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in the text, with its canonical name."""

    start: int
    end: int
    text: str
    name: str
    kind: str
    country: str | None  # the state the actor belongs to, when the wording says so

    @property
    def is_government(self) -> bool:
        return self.kind in GOVERNMENT_KINDS

    @property
    def is_armed(self) -> bool:
        return self.kind in ARMED_KINDS


@dataclass(frozen=True, slots=True)
class _Entry:
    regex: re.Pattern[str]
    canonical: str
    kind: str
    provenance: str


@dataclass(frozen=True, slots=True)
class Nationality:
    words: tuple[str, ...]
    country: str
    iso2: str


class ActorDictionary:
    """Compiled actor patterns; ``find`` lists the actors named in a piece of text."""

    def __init__(self, rows: Sequence[dict[str, str]], nationalities: Sequence[Nationality]) -> None:
        self.nationalities = tuple(nationalities)
        self._country_of_word = {
            word: nationality.country for nationality in nationalities for word in nationality.words
        }
        state_alternation = "|".join(
            sorted((word for n in nationalities for word in n.words), key=len, reverse=True)
        )
        self._entries = tuple(
            _Entry(
                regex=re.compile(
                    r"(?<![\w-])(?:"
                    + row["pattern"].replace("{STATE}", f"(?P<state>{state_alternation})")
                    + r")(?![\w-])",
                    re.IGNORECASE,
                ),
                canonical=row["canonical"],
                kind=row["kind"],
                provenance=row["provenance"],
            )
            for row in rows
        )

    @classmethod
    def default(cls) -> ActorDictionary:
        """The dictionary shipped with Thucydides."""
        nationalities = [
            Nationality(words=tuple(row["word"].split("|")), country=row["country"], iso2=row["iso2"])
            for row in read_table("nationalities.tsv")
        ]
        return cls(read_table("actors.tsv"), nationalities)

    def country_name(self, iso2: str | None) -> str | None:
        """The country name actors are qualified with, for an ISO2 code."""
        for nationality in self.nationalities:
            if nationality.iso2 == iso2:
                return nationality.country
        return None

    def find(self, text: str, *, offset: int = 0, country: str | None) -> list[ActorMention]:
        """Actors named in ``text``; ``country`` qualifies generic names ("the army" of which state)."""
        found: list[ActorMention] = []
        taken: list[tuple[int, int]] = []
        for entry in self._entries:
            for match in entry.regex.finditer(text):
                start, end = match.span()
                if any(start < t_end and t_start < end for t_start, t_end in taken):
                    continue
                state_word = match.groupdict().get("state")
                actor_country = self._country_of_word.get(state_word.lower()) if state_word else None
                qualifier = actor_country or country or "Unknown"
                found.append(
                    ActorMention(
                        start=offset + start,
                        end=offset + end,
                        text=match.group(0),
                        name=entry.canonical.replace("of {C}", "of " + with_article(qualifier)).replace(
                            "{C}", qualifier
                        ),
                        kind=entry.kind,
                        country=actor_country,
                    )
                )
                taken.append((start, end))
        return _join_group_nouns(sorted(found, key=lambda mention: mention.start), text, offset)

    def nationality_country(self, word: str) -> str | None:
        """The country a nationality word or country name refers to ("Russian" -> "Russia")."""
        return self._country_of_word.get(word.lower())


_ARTICLE_COUNTRIES = (
    "United ",
    "Netherlands",
    "Philippines",
    "Central African Republic",
    "Democratic Republic",
)


def with_article(country: str) -> str:
    """ "Military Forces of the United Arab Emirates": ACLED's "of the" before some country names."""
    return f"the {country}" if country.startswith(_ARTICLE_COUNTRIES) else country


_GROUP_KINDS = frozenset({"rebel", "jihadist", "militia", "state", "state_air"})


def _join_group_nouns(mentions: list[ActorMention], text: str, offset: int) -> list[ActorMention]:
    """ "ISIL terrorists", "Islamic State gunmen": a generic noun right after a named group is that group."""
    joined: list[ActorMention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind in _GROUP_KINDS
            and mention.kind in ("generic_armed", "unknown")
            and text[previous.end - offset : mention.start - offset].strip(" ’'s") == ""
        ):
            joined[-1] = ActorMention(
                previous.start,
                mention.end,
                text[previous.start - offset : mention.end - offset],
                previous.name,
                previous.kind,
                previous.country,
            )
            continue
        joined.append(mention)
    return joined
