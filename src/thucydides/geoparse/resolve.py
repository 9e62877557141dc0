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

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from thucydides.gazetteer import Candidate, name_key
from thucydides.gazetteer.geo import flat_distance_km
from thucydides.geoparse.closeness import LIST_KM, ChosenSoFar
from thucydides.geoparse.context import (
    AREAL,
    SETTLEMENTS,
    Context,
    Item,
    can_contain,
    container_place,
    inside,
    prominent,
)
from thucydides.geoparse.kinds import continent
from thucydides.geoparse.lexicon import FEATURE_ANY, FEATURE_CUES, SITE_CUES
from thucydides.learn.resolver import ResolverModel, shipped_model

CANDIDATE_LIMIT = 200
# Support (0..1) a weak span needs from the document to be taken for a place.
MIN_SUPPORT_WEAK = 0.3
# A name the gazetteer knows only by a close spelling needs local support: its
# container, its own paragraph's governorate, or places of its paragraph nearby;
# a neighbourhood (a name that only means something inside its city) a little less.
MIN_SUPPORT_LOCAL = 0.7
MIN_SUPPORT_NEIGHBOURHOOD = 0.5
# A city this populous, written exactly, is itself even in a report on another country.
BIG_CITY = 100_000
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
    "others_own_name",  # one of its other names, while another namesake has it as its own name
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


# ``name_key`` of the names the resolver compares, remembered (a pure function of the name).
_key = lru_cache(maxsize=65_536)(name_key)


def default_model() -> ResolverModel:
    """The shipped model, checked against ``FEATURES``."""
    return shipped_model().check(FEATURES)


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
    owned: bool = False,
) -> list[float]:
    """The features of a candidate that the name alone gives (the context ones are 0).

    ``largest``: the population of the most populous settlement of the name; ``seats``: the areas
    among the candidates that hold a settlement of the name (``seat_areas``); ``owned``: some
    candidate has the name as its own name (``owned_name``), so a place that only lists it among
    its other names ("White House" of Casablanca, a translation) is unlikely to be meant.
    """
    place = candidate.place
    values = [0.0] * len(FEATURES)
    values[_INDEX["match"]] = candidate.score
    values[_INDEX["exact"]] = float(candidate.how == "exact")
    values[_INDEX["close_spelling"]] = float(candidate.how == "fuzzy")
    values[_INDEX["main_name"]] = float(_key(candidate.matched) == _key(place.name))
    values[_INDEX["others_own_name"]] = float(owned and not values[_INDEX["main_name"]])
    if continent(place):
        values[_INDEX["continent"]] = 1.0  # a kind of its own, not one of the regions of a country
    elif place.feature in KINDS:
        values[_INDEX[f"kind_{place.feature}"]] = 1.0
    values[_INDEX["population"]] = min(1.0, math.log10(place.population + 1) / 7.0)
    values[_INDEX["largest_namesake"]] = float(
        place.feature in SETTLEMENTS and place.population > 0 and place.population >= largest
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
    area = scored[0][1]
    town = next(
        (
            i
            for i, (_, c, _) in enumerate(scored)
            if c.place.feature in SETTLEMENTS and inside(c.place, area.place) and _namesake(c, area)
        ),
        None,
    )
    if town is None:
        return scored
    return [scored[town], *scored[:town], *scored[town + 1 :]]


def _own(candidate: Candidate) -> bool:
    """Matched exactly by the entry's own name, not one of its other names."""
    return candidate.how == "exact" and _key(candidate.matched) == _key(candidate.place.name)


def _namesake(town: Candidate, area: Candidate) -> bool:
    """Whether a settlement inside an area of the same name is named after it (see ``seat_areas``)."""
    return _own(town) or not _own(area) or town.place.feature == "city"


def owned_name(candidates: Sequence[Candidate]) -> bool:
    """Whether some candidate matched the text exactly by its own name (not an alternate one)."""
    return any(_own(c) for c in candidates)


def seat_areas(candidates: Sequence[Candidate]) -> frozenset[str]:
    """The areas (governorates, districts, regions) among a name's candidates that hold one of its
    settlements: "Hama" the governorate holds Hama the city, which the bare name most likely means.
    A town or village that only lists the area's own name among its other names ("Minnesota" of
    Minneota) is not the area's namesake; a city may be ("New York")."""
    settlements = [c for c in candidates if c.place.feature in SETTLEMENTS]
    if not settlements:
        return frozenset()
    return frozenset(
        c.place.place_id
        for c in candidates
        if c.place.feature in {"admin1", "admin2", "region"}
        and c.place.country_code is not None
        and any(inside(town.place, c.place) and _namesake(town, c) for town in settlements)
    )


def score_candidate(
    candidate: Candidate,
    item: Item,
    index: int,
    state: ChosenSoFar | None,
    model: ResolverModel,
    *,
    from_head: bool = False,
    largest: int = 0,
    seats: frozenset[str] = frozenset(),
    owned: bool = False,
) -> _Scored:
    """Features and score of one candidate for one span; without a pass state, on the name alone."""
    # What the name alone says does not change from one pass to the next: computed once per item.
    memo_key = (id(candidate), from_head, item.cue, largest, seats, owned)
    remembered = item.name_values.get(memo_key)
    if remembered is None:
        values = name_features(
            candidate, cue=item.cue, from_head=from_head, largest=largest, seats=seats, owned=owned
        )
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


def _context_features(
    result: _Scored, candidate: Candidate, item: Item, index: int, state: ChosenSoFar
) -> None:
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
        (candidate.place.population for candidate, _ in pairs if candidate.place.feature in SETTLEMENTS),
        default=0,
    )


def _shortlist(item: Item, focus: str | None, model: ResolverModel) -> list[tuple[Candidate, bool]]:
    """The candidates worth scoring in context: the best on the name alone, and all of the focus country."""
    pairs = [(candidate, False) for candidate in item.candidates] + [
        (candidate, True) for candidate in item.head
    ]
    if len(pairs) <= SHORTLIST:
        return pairs
    largest, seats, owned = _largest(pairs), seat_areas(item.candidates), owned_name(item.candidates)
    by_name = sorted(
        pairs,
        key=lambda pair: (
            -score_candidate(
                pair[0], item, 0, None, model, from_head=pair[1], largest=largest, seats=seats, owned=owned
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
    state = ChosenSoFar(items, context) if context is not None else None
    decisions = []
    for index, item in enumerate(items):
        pairs = _shortlist(item, context.focus if context else None, model)
        largest, seats, owned = _largest(pairs), seat_areas(item.candidates), owned_name(item.candidates)
        scored = [
            (
                score_candidate(
                    candidate,
                    item,
                    index,
                    state,
                    model,
                    from_head=from_head,
                    largest=largest,
                    seats=seats,
                    owned=owned,
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
    owned = owned_name(candidates)
    rows = []
    for candidate in candidates:
        values = name_features(candidate, largest=largest, seats=seats, owned=owned)
        rows.append((candidate, model.probability(values), model.contributions(values)))
    return sorted(rows, key=lambda row: -row[1])
