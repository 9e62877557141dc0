"""What the document says around each place span: containers, aliases, focus, governorates named.

``Item`` carries one span through resolution; ``links.link_items`` reads the text
between spans ("Aleppo’s X", "X in Y", "X (Y)", "X and Y towns");
``build_context`` reads the first choices (on the names alone) for the
country in focus and the governorates each span names.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from thucydides.gazetteer import Candidate
from thucydides.gazetteer.geo import flat_distance_km
from thucydides.geoparse.kinds import continent
from thucydides.geoparse.spans import FIRST_WORD, Span
from thucydides.model import Place

AREAL = frozenset({"country", "admin1", "admin2", "region"})
SETTLEMENTS = frozenset({"city", "town", "village"})
# What a name can lie in: "X, Eastern Damascus", "X in Homs province"; not "X, Y village".
CONTAINERS = AREAL | {"city", "town"}
# How the text says that one name lies in the next, by the words between them:
RELATIONS = {
    "possessive": "Y's X",
    "part of": "X district of Y; Y districts of X",
    "in": "X in Y; X, in Y; X of Y; X, the capital of Y; the Y city of X",
    "near": "X near Y; X north of Y; X outside Y",
    "direction": "X, north of Y; X, near Y",
    "distance": "X, 30 km north of Y",
    "comma": "Edmonton, Alberta; X, eastern Y (or the next item of a list: 'A, B, eastern C')",
}
# Relations too loose for a candidate outside the container to be rejected for it: after a comma
# the next name may be the next item of a list ("Homs, Aleppo"), and "30 km from" is not in it.
LOOSE_RELATIONS = frozenset({"comma", "direction", "distance"})
# A dateline: "BEIRUT (AP) —", "SPRINGFIELD, Ill. (AP) -", "KOLKATA, India –", "WINNIPEG —".
_DATELINE = re.compile(r"\s*[A-Z][A-Z'’.\- ]*[A-Z.](?:,[^\n(—–]{1,30}?)?\s*(?:\([^)\n]{0,40}\)|—|–|--?\s)")


def paragraph_weight(paragraph: int, other: int) -> float:
    """How much a place in paragraph ``other`` tells about one in ``paragraph``.

    News paragraphs are often one sentence long: the next paragraph or two
    usually still speak of the same area.
    """
    return {0: 1.0, 1: 0.8, 2: 0.6}.get(abs(paragraph - other), 0.375)


def prominent(place: Place) -> bool:
    """A place known well beyond its region: a continent, a country or a city of a million."""
    return place.feature == "country" or continent(place) or place.population >= 1_000_000


# A candidate as the name alone sees it: (id of the candidate, from the head, cue, largest namesake,
# seat areas); see ``Item.name_values``.
_NameKey = tuple[int, bool, str | None, int, frozenset[str], bool]


@dataclass(slots=True)
class Item:
    """One span on its way to a PlaceMention, with what was decided about it so far."""

    span: Span
    candidates: list[Candidate]
    head: list[Candidate] = field(default_factory=list)  # candidates for a compound's first name
    cue: str | None = None
    container: int | None = None
    relation: str | None = None  # how it lies in its container (``RELATIONS``)
    aliases: list[int] = field(default_factory=list)
    choice: Candidate | None = None
    score: float = 0.0
    runner_up: float = 0.0
    support: float = 0.0
    local: float = 0.0
    outside_container: bool = False
    elsewhere: bool = False
    from_head: bool = False
    close_tried: bool = False  # close spellings were looked up
    notes: list[str] = field(default_factory=list)
    siblings: list[int] = field(default_factory=list)  # the other items of its list ("A, B and C")
    # The last pass's candidates, best first: (candidate, from the head, feature values, score).
    scored: list[tuple[Candidate, bool, list[float], float]] = field(default_factory=list)
    # What the name alone says of each candidate (``resolve.name_features``), kept between passes:
    # by (id of the candidate, from the head, cue, largest namesake, seat areas, owned).
    name_values: dict[_NameKey, tuple[Candidate, tuple[float, ...]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @property
    def loose_container(self) -> bool:
        """The container is only the next name after a comma, or some way from the place."""
        return self.relation in LOOSE_RELATIONS

    @property
    def key(self) -> str:
        """The name as written, casefolded: mentions with one key are one name (one sense per report)."""
        return self.span.text.casefold()


# ``Context.admin1_by_item`` by governorate then paragraph, by paragraph, and counted by governorate.
_Admin1Index = tuple[dict[str, dict[int, list[int]]], dict[int, list[tuple[int, str]]], Counter[str]]


@dataclass(slots=True)
class Context:
    """What the document says around each span.

    ``admin1_by_item`` records which item named which governorate, so that a
    span never supports itself ("Kazan" does not vouch for Tatarstan).
    """

    focus: str | None = None
    neighbours: frozenset[str] = frozenset()  # the countries bordering ``focus``
    admin1_by_item: dict[int, tuple[int, str]] = field(default_factory=dict)
    countries_named: set[str] = field(default_factory=set)
    country_share: dict[str, float] = field(default_factory=dict)  # of the document's places, by country
    dateline: Place | None = None  # the place the report was filed from ("BEIRUT (AP) —")
    dateline_items: frozenset[int] = frozenset()  # the items of the dateline itself
    _admin1_cache: tuple[int, _Admin1Index] | None = field(default=None, repr=False, compare=False)

    def admin1_support(self, index: int, paragraph: int, admin1: str) -> float:
        """How near (in paragraphs) another span names the governorate: 0.8 in the same one, 0.3 far."""
        by_paragraph = self._admin1_index()[0].get(admin1)
        if by_paragraph is None:
            return 0.0
        # paragraph_weight depends only on the distance, and is the same from 3 paragraphs on.
        seen = 0
        for distance in (0, 1, 2):
            found = by_paragraph.get(paragraph - distance, [])
            if distance:
                found = found + by_paragraph.get(paragraph + distance, [])
            seen += len(found)
            if any(other != index for other in found):
                return paragraph_weight(paragraph, paragraph + distance) * 0.8
        far = self._admin1_index()[2][admin1] - seen
        own = self.admin1_by_item.get(index)
        if own is not None and own[1] == admin1 and abs(own[0] - paragraph) > 2:
            far -= 1
        return paragraph_weight(paragraph, paragraph + 3) * 0.8 if far > 0 else 0.0

    def admin1_named_near(self, index: int, paragraph: int) -> set[str]:
        """Governorates named by other spans of this paragraph or the next one on either side."""
        by_paragraph = self._admin1_index()[1]
        return {
            named
            for near in (paragraph - 1, paragraph, paragraph + 1)
            for other, named in by_paragraph.get(near, ())
            if other != index
        }

    def _admin1_index(self) -> _Admin1Index:
        """``admin1_by_item`` by governorate then paragraph, by paragraph, and counted by governorate:
        built once, so that each question looks at a few paragraphs, not at every span of a long report.
        """
        if self._admin1_cache is None or self._admin1_cache[0] != len(self.admin1_by_item):
            by_name: dict[str, dict[int, list[int]]] = {}
            by_paragraph: dict[int, list[tuple[int, str]]] = {}
            counts: Counter[str] = Counter()
            for other, (other_paragraph, named) in self.admin1_by_item.items():
                by_name.setdefault(named, {}).setdefault(other_paragraph, []).append(other)
                by_paragraph.setdefault(other_paragraph, []).append((other, named))
                counts[named] += 1
            self._admin1_cache = (len(self.admin1_by_item), (by_name, by_paragraph, counts))
        return self._admin1_cache[1]


def container_place(index: int, items: Sequence[Item]) -> Place | None:
    """The place this item is said to lie in: its container's choice, or that one's container's.

    A container that may be no place at all (a weak span: part of a longer name, a person's name)
    is passed over, as one the gazetteer does not know is.
    """
    seen = {index}
    current = items[index].container
    while current is not None and current not in seen:
        seen.add(current)
        choice = items[current].choice
        weak = items[current].span.weak not in {None, FIRST_WORD}
        if choice is not None and not weak:
            return choice.place if choice.place.feature in CONTAINERS else None
        current = items[current].container
    return None


# How wide a place of each kind is: a container must be wider than what it holds.
_BREADTH = {
    "country": 5,
    "admin1": 4,
    "admin2": 3,
    "region": 1.8,  # a sub-district or a named area: in a province (or its city), holding villages
    "city": 2,
    "town": 1.5,
    "village": 1,
    "neighbourhood": 1,
    "site": 1,
}


def can_contain(container: Place, place: Place) -> bool:
    """Whether the container is of a kind wide enough to hold the place: a town is in a province or a
    city, a country in a continent, but a country is in no city and a city in no other city."""
    return _breadth(container) > _breadth(place)


def _breadth(place: Place) -> float:
    return 6.0 if continent(place) else _BREADTH.get(place.feature, 0)


def inside(place: Place, container: Place) -> float:
    """1 if the place lies in the container, 0.6 if in the governorate of a container city, else 0."""
    if container.place_id == place.place_id:
        return 0.0
    if container.feature == "country":
        return float(place.country_code == container.country_code)
    same_admin1 = place.country_code == container.country_code and place.admin1 == container.admin1
    if container.feature == "admin1":
        return float(same_admin1)
    if None in (place.latitude, place.longitude, container.latitude, container.longitude):
        return 0.0
    assert place.latitude is not None and place.longitude is not None
    assert container.latitude is not None and container.longitude is not None
    radius = 60.0 if container.feature in {"admin2", "region"} else 25.0
    if flat_distance_km(place.latitude, place.longitude, container.latitude, container.longitude) <= radius:
        return 1.0
    return 0.6 if same_admin1 and container.feature == "city" else 0.0


def build_context(items: Sequence[Item], focus_setting: Sequence[str]) -> Context:
    """Focus country and the governorates each span names, from the choices on the names alone."""
    votes: defaultdict[str, float] = defaultdict(float)
    context = Context()
    named: list[tuple[int, Place]] = []
    for index, item in enumerate(items):
        choice = item.choice
        if choice is None or item.span.weak:
            continue
        place = choice.place
        weight = {"country": 2.0, "admin1": 2.0, "city": 1.5}.get(place.feature, 1.0) * choice.score
        if choice.how == "demonym":
            weight = 1.0  # "Russian" says less about where the report is than "Russia"
        if place.country_code:
            votes[place.country_code] += weight
        if place.feature == "country" and place.country_code:
            context.countries_named.add(place.country_code)
        if place.admin1 and (place.feature in {"admin1", "city"} or item.cue in {"province", "governorate"}):
            named.append((index, place))
    for code in focus_setting:
        votes[code] += 0.5  # the settings' countries break ties, and are never foreign
        context.countries_named.add(code)
    context.focus = max(votes, key=votes.__getitem__) if votes else None
    total = sum(votes.values())
    context.country_share = {code: vote / total for code, vote in votes.items()} if total else {}
    for index, place in named:
        if place.country_code == context.focus or place.country_code in context.countries_named:
            assert place.admin1 is not None
            context.admin1_by_item[index] = (items[index].span.sentence.paragraph, place.admin1)
    return context


def settle_the_dateline(text: str, items: Sequence[Item]) -> None:
    """A dateline names the town the report was filed from ("WASHINGTON (AP) —" is the city, not the
    state): its first name keeps only its settlement candidates, when it has any."""
    match = _DATELINE.match(text)
    first = next((item for item in items if match is not None and item.span.start < match.end()), None)
    if first is None:
        return
    towns = [candidate for candidate in first.candidates if candidate.place.feature in SETTLEMENTS]
    if towns:
        first.candidates = towns


def read_dateline(text: str, items: Sequence[Item], context: Context) -> None:
    """The place of the report's dateline ("SPRINGFIELD, Ill. (AP) -"), as chosen so far, into ``context``."""
    match = _DATELINE.match(text)
    if match is None:
        return
    inside_it = [index for index, item in enumerate(items) if item.span.start < match.end()]
    context.dateline_items = frozenset(inside_it)
    chosen = [items[index].choice for index in inside_it if items[index].choice is not None]
    if chosen:
        first = chosen[0]
        assert first is not None
        context.dateline = first.place
