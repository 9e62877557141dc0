"""Choosing the gazetteer entry each span names, with the whole document as context.

Each candidate gets a score from what the name alone says (how well it
matched, its feature kind, its population, the feature word beside it: "X
province" is the governorate, "X airbase" a site) and from what the document
says:

- the country in focus: the settings' ``countries_in_focus``, then the country
  most of the document's confident places lie in;
- the governorate named by another span of the same paragraph (Sentence.paragraph)
  or, weighing less, of the paragraphs around it;
- a container named next to it: "Aleppo’s Sheikh Saeed", "Jobar district,
  Eastern Damascus", "Hatla and al-Hosseiniyeh in Eastern Deir Ezzur"; an
  alias in brackets: "Tadmur (Palmyra)";
- closeness to the places chosen for the other spans, the same paragraph's
  counting most.

Scores are computed on the names alone first (to learn the focus, the
governorates named and rough positions), then twice with the context (see
``stage.Geoparser.place_mentions``).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from thucydides.gazetteer import Candidate, Gazetteer
from thucydides.gazetteer.geo import flat_distance_km
from thucydides.geoparse.context import (
    AREAL,
    Context,
    Item,
    container_place,
    continent,
    inside,
    paragraph_weight,
    prominent,
)
from thucydides.geoparse.lexicon import FEATURE_ANY, FEATURE_CUES, SITE_CUES
from thucydides.model import Place

CANDIDATE_LIMIT = 200
# What a bare name most likely means, by feature kind: "Hama" is the city, not the
# governorate (that is "Hama province") nor the district or sub-district.
FEATURE_PRIOR = {
    "country": 0.7,
    "city": 0.55,
    "admin1": 0.4,
    "town": 0.35,
    "site": 0.3,
    "neighbourhood": 0.25,
    "village": 0.2,
    "admin2": 0.1,
    "region": 0.0,
}
PROXIMITY_KM = 40.0
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


@dataclass(slots=True)
class _Anchor:
    """A place chosen for some items in the previous pass: what the others measure closeness to."""

    place_id: str
    latitude: float
    longitude: float
    chosen_by: list[tuple[int, int]]  # (item index, paragraph)


# An anchor seen from one paragraph: place id, latitude, longitude, the best paragraph
# weight among the items that chose it, that item, and the next best weight (-1: none).
_View = tuple[str, float, float, float, int, float]


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
        self.anchors = list(anchors.values())
        self._views: dict[int, tuple[list[float], list[_View]]] = {}
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
        """The anchors as seen from a paragraph, by latitude (and their latitudes, for bisecting)."""
        cached = self._views.get(paragraph)
        if cached is None:
            rows = []
            for anchor in self.anchors:
                ranked = sorted(
                    ((paragraph_weight(paragraph, p), i) for i, p in anchor.chosen_by), reverse=True
                )
                second = ranked[1][0] if len(ranked) > 1 else -1.0
                rows.append(
                    (anchor.place_id, anchor.latitude, anchor.longitude, ranked[0][0], ranked[0][1], second)
                )
            rows.sort(key=lambda row: row[1])
            cached = self._views[paragraph] = ([row[1] for row in rows], rows)
        return cached

    def proximity(self, place: Place, index: int) -> tuple[float, float]:
        """(closeness to the places chosen in this and the neighbouring paragraphs, weighted; to any).

        Each is 1 at the same spot and falls with distance (``PROXIMITY_KM``);
        a span's own earlier choice does not count. Places more than ~200 km
        away (closeness below 0.01) are not looked at.
        """
        latitude, longitude = place.latitude, place.longitude
        if latitude is None or longitude is None or place.feature in AREAL:
            return 0.0, 0.0
        latitudes, rows = self._seen_from(self.items[index].span.sentence.paragraph)
        local = anywhere = 0.0
        for place_id, lat, lon, best, chooser, second in rows[
            bisect.bisect_left(latitudes, latitude - 2.0) : bisect.bisect_right(latitudes, latitude + 2.0)
        ]:
            if place_id == place.place_id or abs(lon - longitude) > 2.5:
                continue
            weight = best if chooser != index else second
            if weight < 0:
                continue
            closeness = math.exp(-flat_distance_km(latitude, longitude, lat, lon) / PROXIMITY_KM)
            if weight >= 0.6:
                local = max(local, weight * closeness)
            anywhere = max(anywhere, closeness)
        return local, anywhere

    def same_name(self, index: int) -> Place | None:
        """The place chosen, with local support, for another mention of the name (one sense per report)."""
        for other, place in self.named.get(self.items[index].key, ()):
            if other != index:
                return place
        return None


@dataclass(slots=True)
class _Scored:
    score: float
    support: float = 0.0
    local: float = 0.0
    outside: bool = False
    elsewhere: bool = False  # lies in a governorate other than those its paragraph names
    notes: list[str] = field(default_factory=list)


def score_candidate(candidate: Candidate, item: Item, index: int, state: _Pass | None) -> _Scored:
    """Score of one candidate for one span; without a pass state, on the name alone."""
    place = candidate.place
    result = _Scored(1.5 * candidate.score + FEATURE_PRIOR.get(place.feature, 0.1))
    if place.feature in {"city", "town", "village", "neighbourhood", "site", "country"}:
        # A settlement's people make its name known; a province's or district's do not.
        result.score += 0.9 * min(1.0, math.log10(place.population + 1) / 7.0)
    if (place.feature == "country" or continent(place)) and candidate.how == "exact":
        result.score += 1.0  # a country's or continent's own name is hardly ever a village's
    cue_features = FEATURE_CUES.get(item.cue or "")
    if cue_features is not None and cue_features != FEATURE_ANY:
        if place.feature in cue_features:
            result.score += 1.0
            result.notes.append(f"'{item.cue}' fits a {place.feature}")
        elif item.cue in _ADMIN_CUES:
            result.score -= 1.5  # "Aleppo province" is the governorate, however near the city
        elif item.cue in SITE_CUES or place.feature in AREAL or cue_features <= AREAL:
            result.score -= 0.4
    if state is not None:
        _score_context(result, candidate, item, index, state)
    return result


def _score_context(result: _Scored, candidate: Candidate, item: Item, index: int, state: _Pass) -> None:
    context, items, place = state.context, state.items, candidate.place
    if context.focus is not None:
        if place.country_code == context.focus:
            result.score += 0.8
            result.support = 0.2
        elif place.country_code in context.countries_named or (prominent(place) and candidate.how == "exact"):
            result.score += 0.2
        else:
            result.score -= 0.6
    paragraph = item.span.sentence.paragraph
    if place.admin1 and place.feature != "admin1":
        named = context.admin1_support(index, paragraph, place.admin1)
        if named:
            result.score += 0.5 * named
            result.support = max(result.support, named)
            result.local = max(result.local, named)
            if named >= 0.6:
                result.notes.append(f"{place.admin1} named nearby")
        elif context.admin1_named_near(index, paragraph) and not prominent(place):
            result.score -= 0.4
            result.elsewhere = True
    container = container_place(index, items)
    if container is not None:
        within = inside(place, container)
        if within:
            result.score += 1.2 * within
            result.support = result.local = max(result.local, within)
            result.notes.append(f"in {container.name}")
        else:
            result.score -= 0.8
            result.outside = True
    for alias in item.aliases:
        if any(other.place.place_id == place.place_id for other in items[alias].candidates):
            result.score += 1.0
            result.support = result.local = 1.0
            result.notes.append(f"also written {items[alias].span.text}")
    local, anywhere = state.proximity(place, index)
    near = max(local, 0.3 * anywhere)
    if near > 0.05:
        result.score += 0.7 * near
        result.support = max(result.support, near)
        result.local = max(result.local, local)
        if near > 0.3:
            result.notes.append("near other places of the " + ("paragraph" if local == near else "report"))
    same_name = state.same_name(index) if item.cue not in _ADMIN_CUES else None
    if same_name is not None and same_name.place_id == place.place_id:
        result.score += 0.8
        result.support = max(result.support, 0.7)
        result.local = max(result.local, 0.6)
        result.notes.append("as elsewhere in the report")
    if place.feature == "neighbourhood" and result.local < MIN_SUPPORT_NEIGHBOURHOOD:
        result.score -= 0.6  # a neighbourhood name means little far from its city


def _shortlist(item: Item, focus: str | None) -> list[tuple[Candidate, bool]]:
    """The candidates worth scoring in context: the best on the name alone, and all of the focus country."""
    pairs = [(candidate, False) for candidate in item.candidates] + [
        (candidate, True) for candidate in item.head
    ]
    if len(pairs) <= SHORTLIST:
        return pairs
    by_name = sorted(pairs, key=lambda pair: -score_candidate(pair[0], item, 0, None).score)
    kept = by_name[:SHORTLIST]
    kept += [pair for pair in by_name[SHORTLIST:] if pair[0].place.country_code == focus]
    return kept


def choose(items: Sequence[Item], context: Context | None) -> None:
    """Give every item its best candidate under the context (None: the name alone).

    A compound's head candidates ("Dara’a" of "Dara’a al-Balad") compete with
    its own, a little behind: the head names a wider place than the text did.
    """
    state = _Pass(items, context) if context is not None else None
    decisions = []
    for index, item in enumerate(items):
        scored = []
        for candidate, from_head in _shortlist(item, context.focus if context else None):
            result = score_candidate(candidate, item, index, state)
            if from_head:
                result.score -= 0.3
            scored.append((result, candidate, from_head))
        scored.sort(key=lambda triple: -triple[0].score)
        decisions.append(scored)
    for item, scored in zip(items, decisions, strict=True):
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


def add_close_spellings(gazetteer: Gazetteer, item: Item, country: str) -> None:
    """Add the close spellings of the item's name in ``country`` to its candidates (once)."""
    if item.close_tried:
        return
    item.close_tried = True
    known = {candidate.place.place_id for candidate in item.candidates}
    close = gazetteer.close_spellings(item.span.text, country=country, limit=8)
    item.candidates = [*item.candidates, *(c for c in close if c.place.place_id not in known)]
