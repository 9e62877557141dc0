"""Choosing the gazetteer entry each span names, with the whole document as context.

Each candidate is described by the features in ``FEATURES`` and scored by a logistic regression
fitted on gold toponyms (``learn/resolver.py``, fitted by ``learn/train_resolver.py``); the
best-scored candidate is chosen. The features say what the name alone says (how well it matched,
the entry's feature kind and population, whether it is the largest namesake, the feature word
beside it: "X province" is the governorate, "X airbase" a site) and what the document says:

- the country in focus (the settings' ``countries_in_focus``, then the country most of the
  document's confident places lie in), the share of the document's places in the candidate's
  country, the countries it names;
- the governorate (admin1) named by another span of the same paragraph (Sentence.paragraph)
  or, weighing less, of the paragraphs around it;
- a container named next to it: "Aleppo’s Sheikh Saeed", "Jobar district, Eastern Damascus",
  "Afrin, in Aleppo province", "Edmonton, Alberta": whether the candidate lies inside it (a
  fact, ``context.inside``); an alias in brackets: "Tadmur (Palmyra)";
- closeness to the places chosen for the other spans, the same paragraph's counting most;
- the list it stands in ("A, B and C in Eastern Ghouta"): how near its places chosen for the
  other items lie, and whether they are of its kind;
- the report's dateline ("SPRINGFIELD, Ill. (AP) -"): the country and the place it was filed from.

Features are computed on the names alone first (to learn the focus, the governorates named and
rough positions), then twice with the context (see ``stage.Geoparser.place_mentions``); in the
first pass every context feature is 0.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from thucydides.gazetteer import Candidate, Gazetteer, name_key
from thucydides.gazetteer.geo import KM_PER_DEGREE, flat_distance_km
from thucydides.geoparse.context import (
    AREAL,
    Context,
    Item,
    can_contain,
    container_place,
    continent,
    inside,
    paragraph_weight,
    prominent,
)
from thucydides.geoparse.lexicon import FEATURE_ANY, FEATURE_CUES, SITE_CUES
from thucydides.learn.resolver import ResolverModel, shipped_model
from thucydides.model import Place

CANDIDATE_LIMIT = 200
PROXIMITY_KM = 40.0
# How far apart two items of one list may lie and still count as neighbours (km scale).
LIST_KM = 100.0
# Support (0..1) a weak span needs from the document to be taken for a place.
MIN_SUPPORT_WEAK = 0.3
# A name the gazetteer knows only by a close spelling needs local support: its
# container, its own paragraph's governorate, or places of its paragraph nearby;
# a neighbourhood (a name that only means something inside its city) a little less.
MIN_SUPPORT_LOCAL = 0.7
MIN_SUPPORT_NEIGHBOURHOOD = 0.5
# Feature words that override what the same name meant elsewhere in the report.
_ADMIN_CUES = frozenset({"province", "provinces", "governorate", "governorates"})
# Candidates scored in context per span: the best on the name alone, plus all of the focus country.
SHORTLIST = 25
KINDS = ("country", "admin1", "admin2", "city", "town", "village", "neighbourhood", "site", "region")

# What each candidate is described by, in the order of the model's weights. Each is 0 when it
# does not apply, and at most 1.
NAME_FEATURES = (
    "match",  # how well the name matched (the gazetteer's score)
    "exact",  # spelled exactly as one of the entry's names
    "close_spelling",  # found only by a close spelling
    "main_name",  # the entry's own name, not one of its other names
    *(f"kind_{kind}" for kind in KINDS),
    "continent",
    "population",  # log10(people + 1) / 7
    "largest_namesake",  # the most populous of the name's settlements
    "country_name",  # a country's or continent's own name, exactly
    "cue_fits",  # "X province" and a governorate; "X airbase" and a site
    "cue_says_governorate",  # "X province" but not a governorate
    "cue_differs",  # another feature word that does not fit
    "head_only",  # only the first name of a compound ("Dara’a" of "Dara’a al-Balad")
    "seat_namesake",  # an area holding a settlement of the same name ("Hama" the governorate)
)
CONTEXT_FEATURES = (
    "focus_country",  # in the country the document is about
    "focus_share",  # share of the document's places that lie in its country
    "country_named",  # in a country the document names (not the focus)
    "foreign",  # neither
    "governorate_named",  # its governorate is named nearby (paragraph-weighted)
    "other_governorate",  # the paragraph names other governorates, not its own
    "inside_container",  # lies in the place it is said to lie in
    "outside_container",  # does not
    "alias",  # also the entry of the name in brackets beside it
    "near_paragraph",  # closeness to the places of its paragraph
    "near_report",  # closeness to any place of the report
    "same_name",  # the entry chosen for the same name elsewhere, with local support
    "list_near",  # near the places chosen for the other items of its list
    "list_same_kind",  # of the kind of those places
    "lonely_neighbourhood",  # a neighbourhood nothing nearby supports
    "dateline_country",  # in the country of the report's dateline
    "dateline_near",  # closeness to the dateline's place
)
FEATURES = NAME_FEATURES + CONTEXT_FEATURES
_INDEX = {name: position for position, name in enumerate(FEATURES)}
_SETTLEMENTS = frozenset({"city", "town", "village"})


# ``name_key`` of the names the resolver compares, remembered (a pure function of the name).
_key = lru_cache(maxsize=65_536)(name_key)


def default_model() -> ResolverModel:
    """The shipped model, checked against ``FEATURES``."""
    return shipped_model().check(FEATURES)


@dataclass(slots=True)
class _Anchor:
    """A place chosen for some items in the previous pass: what the others measure closeness to."""

    place_id: str
    latitude: float
    longitude: float
    chosen_by: list[tuple[int, int]]  # (item index, paragraph)


# An anchor seen from one paragraph: place id, latitude, longitude, the best paragraph weight
# among the items that chose it, the item of that paragraph that gave it (-1: none, or none
# there), and the next best weight (-1: none).
_View = tuple[str, float, float, float, int, float]


# Up to this many anchors a question reads them all; beyond, through the indexes (long reports).
_SCAN_ANCHORS = 200
_CELL_DEGREES = 0.25


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return math.floor(latitude / _CELL_DEGREES), math.floor(longitude / _CELL_DEGREES)


def _flat_km(latitude: float, longitude: float, lat: float, lon: float) -> float:
    """``flat_distance_km(latitude, longitude, lat, lon)``, as ``proximity`` writes it out."""
    dx = (lon - longitude) * math.cos(math.radians((latitude + lat) / 2))
    return KM_PER_DEGREE * math.hypot(dx, lat - latitude)


def _closeness(latitude: float, longitude: float, lat: float, lon: float) -> float:
    """``exp(-flat_distance_km / PROXIMITY_KM)``, as ``proximity`` computes it."""
    return math.exp(-_flat_km(latitude, longitude, lat, lon) / PROXIMITY_KM)


def _choosers_by_paragraph(anchor: _Anchor) -> dict[int, list[int]]:
    """The items that chose the anchor, by their paragraph."""
    by_paragraph: dict[int, list[int]] = {}
    for index, paragraph in anchor.chosen_by:
        by_paragraph.setdefault(paragraph, []).append(index)
    return by_paragraph


def _weights_from(paragraph: int, by_paragraph: dict[int, list[int]], total: int) -> tuple[float, int, float]:
    """(best paragraph weight, the item of ``paragraph`` that gave it or -1, the next best weight or -1)
    of an anchor's choosers seen from ``paragraph``, as ranking them all by (weight, item) would give.

    ``paragraph_weight`` depends only on the distance and is the same from 3 paragraphs on, so only
    the paragraph and the two on either side are looked at. The item matters only when it is the
    one asking (``proximity``: a span's own choice does not count), and that one is in ``paragraph``.
    """
    if not any(near in by_paragraph for near in range(paragraph - 2, paragraph + 3)):
        far = paragraph_weight(paragraph, paragraph + 3)  # every chooser is 3 paragraphs away or more
        return far, -1, far if total > 1 else -1.0
    weights: list[float] = []  # of each distance class that has choosers, nearest first
    counts: list[int] = []
    chooser = -1
    for distance in (0, 1, 2):
        found = by_paragraph.get(paragraph - distance, [])
        if distance:
            found = found + by_paragraph.get(paragraph + distance, [])
        elif found:
            chooser = max(found)
        if found:
            weights.append(paragraph_weight(paragraph, paragraph + distance))
            counts.append(len(found))
    if total > sum(counts):
        weights.append(paragraph_weight(paragraph, paragraph + 3))
        counts.append(total - sum(counts))
    if counts[0] > 1:
        return weights[0], chooser, weights[0]
    return weights[0], chooser, weights[1] if len(weights) > 1 else -1.0


class _Pass:
    """The previous pass's choices, read by every candidate of this pass."""

    def __init__(self, items: Sequence[Item], context: Context) -> None:
        self.items = items
        self.context = context
        anchors: dict[str, _Anchor] = {}
        for index, item in enumerate(items):
            place = item.choice.place if item.choice is not None else None
            if place is None or place.feature in AREAL or place.latitude is None or place.longitude is None:
                continue
            anchor = anchors.setdefault(
                place.place_id, _Anchor(place.place_id, place.latitude, place.longitude, [])
            )
            anchor.chosen_by.append((index, item.span.sentence.paragraph))
        # By latitude (stable), so that every paragraph's view is in that order without sorting it.
        self.anchors = sorted(anchors.values(), key=lambda anchor: anchor.latitude)
        self._by_paragraph = [_choosers_by_paragraph(anchor) for anchor in self.anchors]
        self._view: tuple[int, tuple[list[float], list[_View]]] | None = None
        # Many anchors (a long report): each question reads only the anchors chosen within two
        # paragraphs and the grid cells around the place (``_indexed_proximity``).
        self._indexed = len(self.anchors) > _SCAN_ANCHORS
        self._latitudes = [anchor.latitude for anchor in self.anchors]
        self._near_paragraph: dict[int, list[int]] = {}
        self._grid: dict[tuple[int, int], list[int]] = {}
        self._sole_choice: dict[int, str] = {}  # item -> the anchor only it chose
        if self._indexed:
            for position, anchor in enumerate(self.anchors):
                for paragraph in {p for _, p in anchor.chosen_by}:
                    self._near_paragraph.setdefault(paragraph, []).append(position)
                self._grid.setdefault(_cell(anchor.latitude, anchor.longitude), []).append(position)
                if len(anchor.chosen_by) == 1:
                    self._sole_choice[anchor.chosen_by[0][0]] = anchor.place_id
        self.named: dict[str, list[tuple[int, Place]]] = {}
        for index, item in enumerate(items):
            if (
                item.choice is not None
                and item.local >= 0.6
                and not item.from_head
                and not item.outside_container
            ):
                self.named.setdefault(item.key, []).append((index, item.choice.place))

    def _seen_from(self, paragraph: int) -> tuple[list[float], list[_View]]:
        """The anchors as seen from a paragraph, by latitude (and their latitudes, for bisecting).

        Items are scored in text order, so only the last paragraph's view is kept; each is built from
        the choosers of the paragraph and the two on either side (``paragraph_weight`` is the same
        beyond), in time proportional to the number of anchors, not of the items that chose them.
        """
        if self._view is not None and self._view[0] == paragraph:
            return self._view[1]
        rows = []
        for anchor, by_paragraph in zip(self.anchors, self._by_paragraph, strict=True):
            best, chooser, second = _weights_from(paragraph, by_paragraph, len(anchor.chosen_by))
            rows.append((anchor.place_id, anchor.latitude, anchor.longitude, best, chooser, second))
        view = ([row[1] for row in rows], rows)
        self._view = (paragraph, view)
        return view

    def proximity(self, place: Place, index: int) -> tuple[float, float]:
        """(closeness to the places chosen in this and the neighbouring paragraphs, weighted; to any).

        Each is 1 at the same spot and falls with distance (``PROXIMITY_KM``);
        a span's own earlier choice does not count. Places more than ~200 km
        away (closeness below 0.01) are not looked at.
        """
        latitude, longitude = place.latitude, place.longitude
        if latitude is None or longitude is None or place.feature in AREAL:
            return 0.0, 0.0
        if self._indexed:
            return self._indexed_proximity(place, latitude, longitude, index)
        latitudes, rows = self._seen_from(self.items[index].span.sentence.paragraph)
        local = anywhere = 0.0
        own_id, cos, exp, radians, hypot = place.place_id, math.cos, math.exp, math.radians, math.hypot
        for place_id, lat, lon, best, chooser, second in rows[
            bisect.bisect_left(latitudes, latitude - 2.0) : bisect.bisect_right(latitudes, latitude + 2.0)
        ]:
            if place_id == own_id or abs(lon - longitude) > 2.5:
                continue
            weight = best if chooser != index else second
            if weight < 0:
                continue
            # flat_distance_km(latitude, longitude, lat, lon), written out: this loop is the resolver's
            # innermost one.
            dx = (lon - longitude) * cos(radians((latitude + lat) / 2))
            closeness = exp(-(KM_PER_DEGREE * hypot(dx, lat - latitude)) / PROXIMITY_KM)
            if weight >= 0.6:
                local = max(local, weight * closeness)
            anywhere = max(anywhere, closeness)
        return local, anywhere

    def _indexed_proximity(
        self, place: Place, latitude: float, longitude: float, index: int
    ) -> tuple[float, float]:
        """``proximity`` without reading every anchor: the same two figures.

        The weighted closeness counts only anchors weighing 0.6 or more, chosen within two
        paragraphs; the closeness to any anchor is that of the nearest one (every anchor but the
        span's own sole choice counts), found by searching the grid cells ring by ring until no
        farther cell can hold a nearer anchor.
        """
        paragraph = self.items[index].span.sentence.paragraph
        own_id, low, high = place.place_id, latitude - 2.0, latitude + 2.0
        local = 0.0
        seen: set[int] = set()
        for near in range(paragraph - 2, paragraph + 3):
            for position in self._near_paragraph.get(near, ()):
                if position in seen:
                    continue
                seen.add(position)
                anchor = self.anchors[position]
                lat, lon = anchor.latitude, anchor.longitude
                if not low <= lat <= high or anchor.place_id == own_id or abs(lon - longitude) > 2.5:
                    continue
                best, chooser, second = _weights_from(
                    paragraph, self._by_paragraph[position], len(anchor.chosen_by)
                )
                weight = best if chooser != index else second
                if weight >= 0.6:
                    local = max(local, weight * _closeness(latitude, longitude, lat, lon))
        excluded = self._sole_choice.get(index)
        anywhere, nearest_km = 0.0, math.inf
        window = range(bisect.bisect_left(self._latitudes, low), bisect.bisect_right(self._latitudes, high))
        if len(window) <= _SCAN_ANCHORS:  # few anchors at this latitude: read them all
            for position in window:
                anchor = self.anchors[position]
                if abs(anchor.longitude - longitude) > 2.5:
                    continue
                if anchor.place_id == own_id or anchor.place_id == excluded:
                    continue
                anywhere = max(anywhere, _closeness(latitude, longitude, anchor.latitude, anchor.longitude))
            return local, anywhere
        row, column = _cell(latitude, longitude)
        rows = range(_cell(low, longitude)[0], _cell(high, longitude)[0] + 1)
        columns = range(_cell(latitude, longitude - 2.5)[1], _cell(latitude, longitude + 2.5)[1] + 1)
        reach = max(row - rows.start, rows.stop - 1 - row, column - columns.start, columns.stop - 1 - column)
        # A cell r rings away holds no point nearer than r - 1 cells, in latitude or in longitude.
        shrink = math.cos(math.radians(min(90.0, abs(latitude) + 1.0))) * (1.0 - 1e-6)
        for ring in range(reach + 1):
            for i in range(max(rows.start, row - ring), min(rows.stop, row + ring + 1)):
                step = 1 if abs(i - row) == ring else 2 * ring
                for j in range(column - ring, column + ring + 1, max(step, 1)):
                    if j not in columns:
                        continue
                    for position in self._grid.get((i, j), ()):
                        anchor = self.anchors[position]
                        lat, lon = anchor.latitude, anchor.longitude
                        if not low <= lat <= high or abs(lon - longitude) > 2.5:
                            continue
                        if anchor.place_id == own_id or anchor.place_id == excluded:
                            continue
                        km = _flat_km(latitude, longitude, lat, lon)
                        anywhere = max(anywhere, math.exp(-km / PROXIMITY_KM))
                        nearest_km = min(nearest_km, km)
            if KM_PER_DEGREE * ring * _CELL_DEGREES * shrink > nearest_km + 1.0:
                break  # every cell farther out is more than a kilometre farther than the nearest
        return local, anywhere

    def same_name(self, index: int) -> Place | None:
        """The place chosen, with local support, for another mention of the name (one sense per report)."""
        for other, place in self.named.get(self.items[index].key, ()):
            if other != index:
                return place
        return None

    def list_fit(self, place: Place, index: int) -> tuple[float, float]:
        """(how near, how alike in kind) the places chosen for the other items of the item's list are.

        Near: 1 in the same governorate, else falling with distance (``LIST_KM``); alike: the share of
        them of the same kind (a settlement among settlements, a country among countries).
        """
        others = [
            self.items[other].choice
            for other in self.items[index].siblings
            if self.items[other].choice is not None
        ]
        if not others:
            return 0.0, 0.0
        near = alike = 0.0
        kind = "settlement" if place.feature in _SETTLEMENTS else place.feature
        for choice in others:
            assert choice is not None
            other = choice.place
            alike += kind == ("settlement" if other.feature in _SETTLEMENTS else other.feature)
            if other.place_id == place.place_id:
                continue
            if (
                place.country_code
                and place.country_code == other.country_code
                and place.admin1
                and (place.admin1 == other.admin1)
            ):
                near = max(near, 1.0)
            elif None not in (place.latitude, place.longitude, other.latitude, other.longitude):
                assert place.latitude is not None and place.longitude is not None
                assert other.latitude is not None and other.longitude is not None
                km = flat_distance_km(place.latitude, place.longitude, other.latitude, other.longitude)
                near = max(near, math.exp(-km / LIST_KM))
        return near, alike / len(others)


@dataclass(slots=True)
class _Scored:
    values: list[float]
    score: float = 0.0  # the model's probability that the candidate is the place meant
    support: float = 0.0
    local: float = 0.0
    outside: bool = False
    elsewhere: bool = False  # lies in a governorate other than those its paragraph names
    notes: list[str] = field(default_factory=list)


def name_features(
    candidate: Candidate,
    *,
    cue: str | None = None,
    from_head: bool = False,
    largest: int = 0,
    seats: frozenset[str] = frozenset(),
) -> list[float]:
    """The features of a candidate that the name alone gives (the context ones are 0).

    ``largest``: the population of the most populous settlement of the name; ``seats``: the areas
    among the candidates that hold a settlement of the name (``seat_areas``).
    """
    place = candidate.place
    values = [0.0] * len(FEATURES)
    values[_INDEX["match"]] = candidate.score
    values[_INDEX["exact"]] = float(candidate.how == "exact")
    values[_INDEX["close_spelling"]] = float(candidate.how == "fuzzy")
    values[_INDEX["main_name"]] = float(_key(candidate.matched) == _key(place.name))
    if continent(place):
        values[_INDEX["continent"]] = 1.0  # a kind of its own, not one of the regions of a country
    elif place.feature in KINDS:
        values[_INDEX[f"kind_{place.feature}"]] = 1.0
    values[_INDEX["population"]] = min(1.0, math.log10(place.population + 1) / 7.0)
    values[_INDEX["largest_namesake"]] = float(
        place.feature in _SETTLEMENTS and place.population > 0 and place.population >= largest
    )
    values[_INDEX["country_name"]] = float(
        (place.feature == "country" or continent(place)) and candidate.how == "exact"
    )
    cue_features = FEATURE_CUES.get(cue or "")
    if cue_features is not None and cue_features != FEATURE_ANY:
        if place.feature in cue_features:
            values[_INDEX["cue_fits"]] = 1.0
        elif cue in _ADMIN_CUES:
            values[_INDEX["cue_says_governorate"]] = 1.0
        elif cue in SITE_CUES or place.feature in AREAL or cue_features <= AREAL:
            values[_INDEX["cue_differs"]] = 1.0
    values[_INDEX["head_only"]] = float(from_head)
    values[_INDEX["seat_namesake"]] = float(place.place_id in seats)
    return values


_AREA_CUES = _ADMIN_CUES | frozenset(
    {"district", "districts", "sub-district", "region", "area", "countryside"}
)


def _settlement_first(
    scored: list[tuple[_Scored, Candidate, bool]], seats: frozenset[str], cue: str | None
) -> list[tuple[_Scored, Candidate, bool]]:
    """A name shared by an area and the settlement it is named after means the settlement ("the town
    of Saraqib", "Hama"), unless the text calls it the area ("Hama province", "Saraqib district").

    A fact of naming, kept as a rule whatever the fitted weights say: gold coded to an area's centroid
    when a village is missing from the gazetteers would otherwise teach the model to prefer areas.
    """
    if not scored or scored[0][1].place.place_id not in seats or (cue or "").lower() in _AREA_CUES:
        return scored
    area = scored[0][1].place
    town = next(
        (
            i
            for i, (_, c, _) in enumerate(scored)
            if c.place.feature in _SETTLEMENTS and inside(c.place, area)
        ),
        None,
    )
    if town is None:
        return scored
    return [scored[town], *scored[:town], *scored[town + 1 :]]


def seat_areas(candidates: Sequence[Candidate]) -> frozenset[str]:
    """The areas (governorates, districts, regions) among a name's candidates that hold one of its
    settlements: "Hama" the governorate holds Hama the city, which the bare name most likely means."""
    settlements = [c.place for c in candidates if c.place.feature in _SETTLEMENTS]
    if not settlements:
        return frozenset()
    return frozenset(
        c.place.place_id
        for c in candidates
        if c.place.feature in {"admin1", "admin2", "region"}
        and c.place.country_code is not None
        and any(inside(town, c.place) for town in settlements)
    )


def score_candidate(
    candidate: Candidate,
    item: Item,
    index: int,
    state: _Pass | None,
    model: ResolverModel,
    *,
    from_head: bool = False,
    largest: int = 0,
    seats: frozenset[str] = frozenset(),
) -> _Scored:
    """Features and score of one candidate for one span; without a pass state, on the name alone."""
    # What the name alone says does not change from one pass to the next: computed once per item.
    memo_key = (id(candidate), from_head, item.cue, largest, seats)
    remembered = item.name_values.get(memo_key)
    if remembered is None:
        values = name_features(candidate, cue=item.cue, from_head=from_head, largest=largest, seats=seats)
        # The candidate is kept with its values, so that its id is not reused while the item lives.
        item.name_values[memo_key] = (candidate, tuple(values))
    else:
        values = list(remembered[1])
    result = _Scored(values)
    if result.values[_INDEX["cue_fits"]]:
        result.notes.append(f"'{item.cue}' fits a {candidate.place.feature}")
    if state is not None:
        _context_features(result, candidate, item, index, state)
    result.score = model.probability(result.values)
    return result


def _context_features(result: _Scored, candidate: Candidate, item: Item, index: int, state: _Pass) -> None:
    context, items, place = state.context, state.items, candidate.place
    values = result.values
    if context.focus is not None:
        if place.country_code == context.focus:
            values[_INDEX["focus_country"]] = 1.0
            result.support = 0.2
        elif place.country_code in context.countries_named:
            values[_INDEX["country_named"]] = 1.0
        else:
            values[_INDEX["foreign"]] = 1.0
        values[_INDEX["focus_share"]] = context.country_share.get(place.country_code or "", 0.0)
    paragraph = item.span.sentence.paragraph
    if place.admin1 and place.feature != "admin1":
        named = context.admin1_support(index, paragraph, place.admin1)
        if named:
            values[_INDEX["governorate_named"]] = named
            result.support = max(result.support, named)
            result.local = max(result.local, named)
            if named >= 0.6:
                result.notes.append(f"{place.admin1} named nearby")
        elif (
            context.admin1_named_near(index, paragraph)
            and not prominent(place)
            and name_key(place.admin1) != name_key(item.span.text)  # "Homs" names its own governorate
        ):
            values[_INDEX["other_governorate"]] = 1.0
            result.elsewhere = True
    container = container_place(index, items)
    if container is not None and can_contain(container, place):
        within = inside(place, container)
        if within:
            values[_INDEX["inside_container"]] = within
            result.support = result.local = max(result.local, within)
            result.notes.append(f"in {container.name}")
        elif not item.loose_container:
            values[_INDEX["outside_container"]] = 1.0
            result.outside = True
    for alias in item.aliases:
        if any(other.place.place_id == place.place_id for other in items[alias].candidates):
            values[_INDEX["alias"]] = 1.0
            result.support = result.local = 1.0
            result.notes.append(f"also written {items[alias].span.text}")
    local, anywhere = state.proximity(place, index)
    values[_INDEX["near_paragraph"]] = local
    values[_INDEX["near_report"]] = anywhere
    near = max(local, 0.3 * anywhere)
    if near > 0.05:
        result.support = max(result.support, near)
        result.local = max(result.local, local)
        if near > 0.3:
            result.notes.append("near other places of the " + ("paragraph" if local == near else "report"))
    same_name = state.same_name(index) if item.cue not in _ADMIN_CUES else None
    if same_name is not None and same_name.place_id == place.place_id:
        values[_INDEX["same_name"]] = 1.0
        result.support = max(result.support, 0.7)
        result.local = max(result.local, 0.6)
        result.notes.append("as elsewhere in the report")
    list_near, list_kind = state.list_fit(place, index)
    values[_INDEX["list_near"]] = list_near
    values[_INDEX["list_same_kind"]] = list_kind
    if list_near >= 0.6:
        result.support = max(result.support, 0.5 * list_near)
        result.notes.append("near the other places of its list")
    if place.feature == "neighbourhood" and result.local < MIN_SUPPORT_NEIGHBOURHOOD:
        values[_INDEX["lonely_neighbourhood"]] = 1.0
    dateline = context.dateline
    if dateline is not None and index not in context.dateline_items:
        values[_INDEX["dateline_country"]] = float(place.country_code == dateline.country_code)
        if None not in (place.latitude, place.longitude, dateline.latitude, dateline.longitude):
            assert place.latitude is not None and place.longitude is not None
            assert dateline.latitude is not None and dateline.longitude is not None
            km = flat_distance_km(place.latitude, place.longitude, dateline.latitude, dateline.longitude)
            values[_INDEX["dateline_near"]] = math.exp(-km / LIST_KM)


def _largest(pairs: Sequence[tuple[Candidate, bool]]) -> int:
    """The population of the most populous settlement among the candidates."""
    return max(
        (candidate.place.population for candidate, _ in pairs if candidate.place.feature in _SETTLEMENTS),
        default=0,
    )


def _shortlist(item: Item, focus: str | None, model: ResolverModel) -> list[tuple[Candidate, bool]]:
    """The candidates worth scoring in context: the best on the name alone, and all of the focus country."""
    pairs = [(candidate, False) for candidate in item.candidates] + [
        (candidate, True) for candidate in item.head
    ]
    if len(pairs) <= SHORTLIST:
        return pairs
    largest, seats = _largest(pairs), seat_areas(item.candidates)
    by_name = sorted(
        pairs,
        key=lambda pair: (
            -score_candidate(
                pair[0], item, 0, None, model, from_head=pair[1], largest=largest, seats=seats
            ).score
        ),
    )
    kept = by_name[:SHORTLIST]
    kept += [pair for pair in by_name[SHORTLIST:] if pair[0].place.country_code == focus]
    return kept


def choose(items: Sequence[Item], context: Context | None, model: ResolverModel | None = None) -> None:
    """Give every item its best candidate under the context (None: the name alone).

    A compound's head candidates ("Dara’a" of "Dara’a al-Balad") compete with
    its own (``head_only`` says they name a wider place than the text did).
    Every item keeps its scored candidates, best first (``Item.scored``), for ``--explain``
    and for fitting the model.
    """
    model = model or default_model()
    state = _Pass(items, context) if context is not None else None
    decisions = []
    for index, item in enumerate(items):
        pairs = _shortlist(item, context.focus if context else None, model)
        largest, seats = _largest(pairs), seat_areas(item.candidates)
        scored = [
            (
                score_candidate(
                    candidate, item, index, state, model, from_head=from_head, largest=largest, seats=seats
                ),
                candidate,
                from_head,
            )
            for candidate, from_head in pairs
        ]
        # Containment is a fact: when some candidate lies in the place the text puts the name in,
        # none that lies outside it is taken, however well it scores.
        some_inside = any(s.values[_INDEX["inside_container"]] > 0 for s, _, _ in scored)
        scored.sort(key=lambda triple: (some_inside and triple[0].outside, -triple[0].score))
        decisions.append(_settlement_first(scored, seats, item.cue))
    for item, scored in zip(items, decisions, strict=True):
        item.scored = [(candidate, from_head, s.values, s.score) for s, candidate, from_head in scored]
        if not scored:
            item.choice = None
            continue
        best, choice, from_head = scored[0]
        item.choice, item.score, item.support, item.local = choice, best.score, best.support, best.local
        item.outside_container, item.elsewhere, item.notes = best.outside, best.elsewhere, best.notes
        item.from_head = from_head
        item.runner_up = next(
            (s.score for s, c, _ in scored[1:] if c.place.place_id != choice.place.place_id), 0.0
        )


def explain_name(
    candidates: Sequence[Candidate], model: ResolverModel | None = None
) -> list[tuple[Candidate, float, dict[str, float]]]:
    """Each candidate of a bare name (no document around it) with its score and what each feature
    added to it, best first: what ``gazetteer lookup --explain`` shows."""
    model = model or default_model()
    largest, seats = _largest([(candidate, False) for candidate in candidates]), seat_areas(candidates)
    rows = []
    for candidate in candidates:
        values = name_features(candidate, largest=largest, seats=seats)
        rows.append((candidate, model.probability(values), model.contributions(values)))
    return sorted(rows, key=lambda row: -row[1])


def fuzzy_candidates(gazetteer: Gazetteer, items: Sequence[Item], context: Context) -> None:
    """Spans the gazetteer does not know in the focus country get close spellings from it."""
    if context.focus is None:
        return
    for item in items:
        if item.span.origin != "construct" and any(
            c.place.country_code == context.focus for c in item.candidates
        ):
            continue
        if (
            item.span.known
            and item.span.origin == "gazetteer"
            and item.cue is None
            and not item.span.locative
        ):
            continue
        add_close_spellings(gazetteer, item, context.focus)


def contained_candidates(gazetteer: Gazetteer, items: Sequence[Item]) -> bool:
    """Spans said to lie in a place none of whose candidates lies in get the close spellings of
    their name in the container's country ("Ain Issa ... in Lattakia": the Raqqa one does not fit).

    Returns whether any item got new candidates.
    """
    added = False
    for index, item in enumerate(items):
        container = container_place(index, items)
        if container is None or item.loose_container or container.country_code is None:
            continue
        if item.close_tried or not item.candidates:
            continue
        if any(
            inside(candidate.place, container) or not can_contain(container, candidate.place)
            for candidate in item.candidates
        ):
            continue
        before = len(item.candidates)
        add_close_spellings(gazetteer, item, container.country_code)
        added = added or len(item.candidates) > before
    return added


def add_close_spellings(gazetteer: Gazetteer, item: Item, country: str) -> None:
    """Add the close spellings of the item's name in ``country`` to its candidates (once).

    A nationality adjective names its country: no close spelling of "Iraqi" is a town.
    """
    if item.close_tried or item.span.origin == "demonym":
        return
    item.close_tried = True
    known = {candidate.place.place_id for candidate in item.candidates}
    close = gazetteer.close_spellings(item.span.text, country=country, limit=8)
    item.candidates = [*item.candidates, *(c for c in close if c.place.place_id not in known)]
