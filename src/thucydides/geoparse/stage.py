"""The ``geoparse`` stage: find the place names of a document and resolve each to a gazetteer entry."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from thucydides.countries import CountryTable
from thucydides.gazetteer import Candidate, Gazetteer
from thucydides.gazetteer.sources.nationality import is_abbreviation
from thucydides.geoparse.abbreviations import DIVISIONS
from thucydides.geoparse.context import (
    Context,
    Item,
    build_context,
    prominent,
    read_dateline,
    settle_the_dateline,
)
from thucydides.geoparse.find import Finder
from thucydides.geoparse.lexicon import Demonyms
from thucydides.geoparse.links import link_items
from thucydides.geoparse.persons import PERSON
from thucydides.geoparse.resolve import (
    BIG_CITY,
    CANDIDATE_LIMIT,
    FEATURES,
    MIN_SUPPORT_LOCAL,
    MIN_SUPPORT_NEIGHBOURHOOD,
    MIN_SUPPORT_WEAK,
    choose,
    default_model,
)
from thucydides.geoparse.spans import FIRST_WORD, INSIDE_LONGER, Span
from thucydides.geoparse.spellings import add_close_spellings, contained_candidates, fuzzy_candidates
from thucydides.geoparse.structure import structure
from thucydides.learn.resolver import ResolverModel
from thucydides.model import Document, Mention, MentionKind, PlaceMention


class Geoparser:
    """Finds place names in each sentence and resolves them with the whole document as context.

    Example::

        geoparser = Geoparser(Gazetteer.ensure(settings), countries_in_focus=("SY",))
        doc = geoparser(doc)          # doc.places: tuple of PlaceMention
    """

    name = "geoparse"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("places",)

    def __init__(
        self,
        gazetteer: Gazetteer,
        *,
        countries_in_focus: Sequence[str] = (),
        model: ResolverModel | None = None,
        countries: CountryTable | None = None,
    ) -> None:
        """``model``: the resolver's weights (default: the shipped ``learn/resolver.json``);
        ``countries``: who borders whom (a place in a country bordering the report's focus is not
        far from it); without it, only the focus country is near."""
        self.gazetteer = gazetteer
        self.countries_in_focus = tuple(countries_in_focus)
        self.countries = countries
        self.model = model.check(FEATURES) if model is not None else default_model()
        names = [
            (place.country_code, name)
            for place in gazetteer.places_of("country")
            if place.country_code
            for name in place.names
        ]
        self.finder = Finder(gazetteer, demonyms=Demonyms(names))

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, places=tuple(self.place_mentions(doc)))

    def place_mentions(self, doc: Document) -> list[PlaceMention]:
        """The document's place mentions, in text order (see ``resolve``), each with how the text
        places it (``structure``)."""
        items, context = self.resolve(doc)
        rejections = [_rejection(item, context) for item in items]
        confirmed = _confirmed_names(items, rejections)
        kept: dict[int, PlaceMention] = {}
        for index, (item, rejection) in enumerate(zip(items, rejections, strict=True)):
            mention = _mention(item, rejection, confirmed)
            if mention is not None:
                kept[index] = mention
        return structure(doc, items, kept)

    def resolve(self, doc: Document) -> tuple[list[Item], Context]:
        """Every span of the document with its choice and its scored candidates, and the context read.

        1. find the spans (``find.Finder``) and look each up;
        2. link them (containers, aliases, lists) and choose on the names alone;
        3. read the context from those choices (focus country, governorates named);
        4. add close spellings for spans the focus country does not know by key;
        5. choose twice with the context (the second time closeness counts the new choices);
        6. spans none of whose candidates lies in their container, and spans a cue vouches for
           whose choice is still rejected, try close spellings, once more;
        7. ``place_mentions`` keeps, leaves unresolved or drops each span (``_rejection``).
        """
        items = [
            Item(
                span=span,
                candidates=self._candidates(span),
                head=self.gazetteer.lookup(span.head, limit=CANDIDATE_LIMIT) if span.head else [],
            )
            for span in self.finder.spans(doc)
        ]
        link_items(doc.text, items)
        settle_the_dateline(doc.text, items)
        choose(items, None, self.model)
        context = build_context(items, self.countries_in_focus)
        if self.countries is not None:
            context.neighbours = self.countries.neighbours(context.focus)
        context.countries_named |= self.finder.countries_named(doc)
        read_dateline(doc.text, items, context)
        fuzzy_candidates(self.gazetteer, items, context)
        choose(items, context, self.model)
        choose(items, context, self.model)  # once more: closeness to the other places as now chosen
        retried = contained_candidates(self.gazetteer, items)
        if context.focus is not None:
            retry = [item for item in items if _vouched(item) and _rejection(item, context) is not None]
            for item in retry:  # a vouched name no known spelling fits: try close ones
                add_close_spellings(self.gazetteer, item, context.focus)
            retried = retried or bool(retry)
        if retried:
            choose(items, context, self.model)
        return items, context

    def explain(self, doc: Document, *, limit: int = 5) -> dict[int, list[dict[str, object]]]:
        """For each span (by start offset), its best candidates with their score, their features
        (the non-zero ones) and what each added to the log-odds, as ``places --explain`` prints them."""
        items, _ = self.resolve(doc)
        explained: dict[int, list[dict[str, object]]] = {}
        for item in items:
            explained[item.span.start] = [
                {
                    "place_id": candidate.place.place_id,
                    "name": candidate.place.name,
                    "feature": candidate.place.feature,
                    "country_code": candidate.place.country_code,
                    "admin1": candidate.place.admin1,
                    "matched": candidate.matched,
                    "how": candidate.how + (" (first name only)" if from_head else ""),
                    "score": round(score, 4),
                    "features": {
                        name: round(value, 4) for name, value in zip(FEATURES, values, strict=True) if value
                    },
                    "contributions": self.model.contributions(values),
                }
                for candidate, from_head, values, score in item.scored[:limit]
            ]
        return explained

    def _candidates(self, span: Span) -> list[Candidate]:
        """The entries a span may name: its country or continent for a nationality adjective, the
        entries written exactly so for an abbreviation ("US" is not the village "Us"), else by name."""
        if span.origin == "demonym":
            place = self.gazetteer.demonym(span.text)
            return [Candidate(place, span.text, 1.0, "demonym")] if place is not None else []
        if span.origin == "capital":
            return _capital_of(self.gazetteer, self.countries, span)
        if span.origin == "division":  # "Ill." is Illinois: the divisions the form stands for
            divisions = (
                next(
                    (
                        found.place
                        for found in self.gazetteer.lookup(name, country=country, limit=CANDIDATE_LIMIT)
                        if found.place.feature == "admin1" and found.how == "exact"
                    ),
                    None,
                )
                for country, name in DIVISIONS.get(span.text, ())
            )
            return [Candidate(place, span.text, 1.0, "exact") for place in divisions if place is not None]
        if not span.known:
            return []
        found = self.gazetteer.lookup(span.text, limit=CANDIDATE_LIMIT)
        if is_abbreviation(span.text):
            found = [candidate for candidate in found if span.text in candidate.place.names]
        # An abbreviation names its place only as written: "La Niña" is not "LA", "Inc" not "INC".
        return [c for c in found if not is_abbreviation(c.matched) or c.matched == span.text]


def _capital_of(gazetteer: Gazetteer, countries: CountryTable | None, span: Span) -> list[Candidate]:
    """ "the Syrian capital": the capital city of the adjective's country; the country itself when
    the country table (which knows the capitals) is not given."""
    adjective = span.text.rsplit(None, 1)[0]
    country = gazetteer.demonym(adjective)
    if country is None:
        return []
    record = countries.get(country.country_code) if countries is not None else None
    if record is not None and record.capital:
        for found in gazetteer.lookup(record.capital, limit=CANDIDATE_LIMIT):
            place = found.place
            if (
                found.how == "exact"
                and place.country_code == country.country_code
                and place.feature == "city"
            ):
                return [Candidate(place, span.text, 1.0, "capital")]
    return [Candidate(country, adjective, 1.0, "demonym")]


def _confirmed_names(items: list[Item], rejections: list[str | None]) -> set[tuple[str, str]]:
    """(name, entry) pairs the report vouches for somewhere ("the town of Zabadani"): one name means
    one place throughout a report, so its other mentions are that place too, even where the name
    also looks like a person's."""
    return {
        (item.span.text.casefold(), item.choice.place.place_id)
        for item, rejection in zip(items, rejections, strict=True)
        if item.choice is not None and _vouched(item) and rejection is None
    }


def _mention(
    item: Item, rejection: str | None, confirmed: AbstractSet[tuple[str, str]] = frozenset()
) -> PlaceMention | None:
    """The PlaceMention an item makes; None when it is not taken for a place name at all.

    A span something vouches for (a feature word, "in", a generic head, NER)
    stays as an unresolved mention (place None) when no entry fits it.
    """
    span = item.span
    if (
        rejection is not None
        and span.weak != INSIDE_LONGER
        and item.choice is not None
        and (span.text.casefold(), item.choice.place.place_id) in confirmed
    ):
        # The report vouches for this name as this place elsewhere, and no longer name holds it here.
        rejection = None
    end = span.head_end if item.from_head and rejection is None and span.head_end is not None else span.end
    mention = Mention(
        kind=MentionKind.PLACE,
        start=span.start,
        end=end,
        text=span.text[: end - span.start],
        sentence=span.sentence.index,
        label=item.cue or span.origin,
    )
    vouched = _vouched(item)
    if rejection is not None:
        if not vouched:
            return None
        reason = f"{rejection}; kept unresolved: {_why_vouched(item)}"
        return PlaceMention(mention, None, 0.0, len(item.candidates), reason)
    assert item.choice is not None
    choice, place = item.choice, item.choice.place
    # Confidence: how well the name matched, times how clearly the choice beat the
    # next place, times how much the report supports it.
    margin = max(0.0, min(1.0, (item.score - item.runner_up) / max(item.score, 1e-9)))
    confidence = choice.score * (0.55 + 0.45 * min(1.0, margin * 2)) * (0.6 + 0.4 * item.support)
    reason = "; ".join(
        [
            f"{choice.how} match '{choice.matched}' ({place.feature})",
            *item.notes,
            f"{len(item.candidates)} candidates",
        ]
    )
    return PlaceMention(mention, place, round(min(1.0, confidence), 3), len(item.candidates), reason)


def _vouched(item: Item) -> bool:
    """Whether something besides the gazetteer says the span is a place (a cue, "in", a generic head, NER)."""
    span = item.span
    return span.origin not in {"gazetteer", "construct"} or item.cue is not None or span.locative


def _rejection(item: Item, context: Context) -> str | None:
    """Why the item's best candidate is not taken; None when it is."""
    choice = item.choice
    if choice is None:
        return "not in the gazetteer"
    if choice.how in {"demonym", "capital"}:
        return None  # "Russian" names Russia, "the Russian capital" Moscow, wherever the report is about
    place = choice.place
    if item.outside_container:
        return f"no '{item.span.text}' inside the place it is said to lie in"
    exact = choice.how == "exact"
    if item.span.weak == PERSON and item.cue is None and not item.span.locative:
        return f"{PERSON}, and no cue says it is a place"
    one_word = len(item.span.text.split()) == 1
    if one_word and not exact and len(item.span.text) <= 3:
        return f"a short word spelled unlike any name of {place.name}"
    # A country is itself even at the head of a longer name ("U.S. District Judge"); a first-level
    # division written exactly is as well known as a big city ("in Minnesota").
    known_weakness = {None, FIRST_WORD} | ({INSIDE_LONGER} if place.feature == "country" else set())
    well_known = prominent(place) or (place.feature == "admin1" and item.span.weak is None)
    # A big city written exactly after a locative word ("in", "at") or as the place a part belongs
    # to ("the streets of Salonika") is itself in any report; alone, it may be a person ("Mary").
    big_city = (
        place.feature == "city"
        and place.population >= BIG_CITY
        and item.span.weak is None
        and (item.span.locative or _PART_OF.search(_before(item.span)) is not None)
    )
    famous = exact and (well_known or big_city) and item.span.weak in known_weakness
    foreign = (
        context.focus is not None
        and place.country_code != context.focus
        and place.country_code not in context.neighbours
    )
    if foreign and not (famous or place.country_code in context.countries_named):
        return f"only {place.country_code} candidates, far from the report's focus ({context.focus})"
    # A capitalised first word is weak only because every first word is capitalised.
    first_word = item.span.weak == FIRST_WORD and exact and place.feature in {"country", "admin1", "city"}
    if item.span.weak and item.support < MIN_SUPPORT_WEAK and not (famous or first_word):
        return f"{item.span.weak}, and nothing in the report supports it"
    if one_word and not exact and not famous and item.support < MIN_SUPPORT_WEAK:
        return f"one word spelled unlike any name of {place.name}, and nothing in the report supports it"
    if item.from_head and item.support < MIN_SUPPORT_WEAK:
        return f"only its first name '{item.span.head}' is known, and nothing in the report supports it"
    if choice.how == "fuzzy" and item.local < MIN_SUPPORT_LOCAL:
        return f"only a close spelling ('{choice.matched}') and no support nearby"
    if place.feature == "neighbourhood" and item.local < MIN_SUPPORT_NEIGHBOURHOOD:
        return f"a neighbourhood of {place.admin1} that nothing nearby names"
    if (
        item.elsewhere
        and item.local < MIN_SUPPORT_WEAK
        and place.feature in {"village", "neighbourhood", "site"}
    ):
        return f"lies in {place.admin1}, but the paragraph speaks of other governorates"
    return None


# "in the centre of Tel Aviv", "the streets of Salonika": a part of the place named after it.
_PART_OF = re.compile(
    r"\b(?:cent(?:er|re)|heart|streets|outskirts|suburbs|edge|downtown)\s+of\s+(?:the\s+)?$", re.I
)


def _before(span: Span) -> str:
    """The 40 characters of the span's sentence before it."""
    offset = span.start - span.sentence.start
    return span.sentence.text[max(0, offset - 40) : offset]


def _why_vouched(item: Item) -> str:
    span = item.span
    if item.cue:
        return f"'{item.cue}' says it is a place"
    if span.locative:
        return "a locative phrase introduces it"
    return {
        "generic": "a generic toponym word heads it",
        "locative": "a locative preposition introduces it",
        "ner": "the NER tagged it",
    }.get(span.origin, span.origin)
