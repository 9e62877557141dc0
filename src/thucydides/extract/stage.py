"""The event extractor stage: action frames in, typed and attributed event records out.

For each sentence, in order:

1. find action words (``triggers.tsv``) and drop those the text does not
   assert (plans, threats, denials: ``modality``);
2. cut the sentence into frames and give each frame its places (a list of
   places gives one record per place) and actors (``frames``);
3. name the actors neutrally, resolving generic words from context
   (``context``), type the frame (``typing``), attach figures
   (``casualties``), the claimant (``claims``) and the date (``times``);
4. merge records that repeat the same event (same type, place, day, actor).

The geocode stage then fills the location fields from each record's place.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet

from spacy.tokens import Doc as SpacyDoc

from thucydides.countries import CountryTable
from thucydides.extract.actors import ActorDictionary, ActorMention
from thucydides.extract.assemble import (
    build_event,
    date_of,
    in_country,
    quantities_in,
    shared_opponents,
)
from thucydides.extract.background import a_past_month, background_spans, refers_back
from thucydides.extract.casualties import casualties_for
from thucydides.extract.claims import claimant
from thucydides.extract.context import DocumentContext, place_key, section_of_sentences
from thucydides.extract.crowds import code_crowd
from thucydides.extract.cues import (
    BACK_REFERENCE,
    ReportPlaces,
    is_attribution,
    is_headline,
    is_page_furniture,
    opens_on_a_mishap,
    unopposed,
    vaguer_than_the_report,
)
from thucydides.extract.frames import Frame, split_frames
from thucydides.extract.genre import opinion_paragraphs
from thucydides.extract.modality import Modality, modality_of, parsed_modality
from thucydides.extract.placing import NOT_THE_PLACE, event_places, focus_code, place_likelihoods
from thucydides.extract.reading import (
    SentenceScope,
    by_sentence,
    in_the_background,
    main_verb,
    mishap_told_again,
    only_background_actions,
    passes_opinion_bar,
    tells_a_mishap,
    without_hidden_places,
)
from thucydides.extract.reconcile import (
    CATEGORY_OF_TYPE,
    PROPOSED_STRENGTH,
    SHORT_REPORT_SENTENCES,
    model_proposes,
    model_vetoes,
    type_of_frame,
)
from thucydides.extract.repeats import add_casualties, merge_repeats
from thucydides.extract.roles import frame_roles
from thucydides.extract.sides import (
    CROWD_CATEGORIES,
    NO_DEFAULT_OPPONENT,
    bomb_owner,
    civilians_are_victims,
    detained_side,
    holder_after_withdrawal,
    other_party,
    unnamed_perpetrator,
)
from thucydides.extract.syntax import syntactic_roles
from thucydides.extract.triggers import Trigger, TriggerCategory, TriggerLexicon
from thucydides.extract.typing import sub_event_type
from thucydides.geoparse.kinds import is_local
from thucydides.learn.event_place import EventPlaceModel
from thucydides.learn.subevent import NO_EVENT
from thucydides.model import Document, Event, PlaceMention, Quantity, Sentence, SentenceType, TimeRef
from thucydides.taxonomy import TERRITORIAL

# Full spaCy analyses of some sentences of a document (``nlp.annotate.parse_sentences``).
Parser = Callable[[Document, Sequence[int]], list[SpacyDoc]]


# Words referring back to a place that mean the land around it ("fighting in the area").
_AROUND = frozenset({"the area", "the region"})


class EventExtractor:
    """Stage: adds ``events`` (location fields still to be coded by the geocoder)."""

    name = "extract"
    requires: tuple[str, ...] = ("sentences", "places", "quantities", "times")
    assigns: tuple[str, ...] = ("events",)

    def __init__(
        self,
        *,
        actors: ActorDictionary,
        lexicon: TriggerLexicon,
        countries: CountryTable,
        parse: Parser | None = None,
        event_place: EventPlaceModel | None = None,
    ) -> None:
        self.actors = actors
        self.lexicon = lexicon
        self.countries = countries
        # Parses the sentences that may report an event (entities, roles, the action's verb).
        self.parse = parse
        # Which of a sentence's places is where its event happened (needs the parse).
        self.event_place = event_place

    def __call__(self, doc: Document) -> Document:
        focus = self._focus_country(doc)
        context = DocumentContext(sections=section_of_sentences(doc))
        guesses = {guess.sentence: guess for guess in doc.sentence_types}
        opinion = opinion_paragraphs(doc.sentences)
        found = {s.index: self.lexicon.find(s.text, offset=s.start) for s in doc.sentences}
        parses = self._parses(doc, guesses, found)
        places_of = by_sentence(doc.sentences, [(p.mention.start, p) for p in doc.places])
        quantities_of = by_sentence(doc.sentences, [(q.mention.start, q) for q in doc.quantities])
        times_of = by_sentence(doc.sentences, [(t.mention.start, t) for t in doc.times])
        events: list[Event] = []
        told_at: set[str] = set()  # the places of ``events``, kept as they grow
        report_places = ReportPlaces.of(doc)
        mishap_report = opens_on_a_mishap(doc.sentences)
        previous_sentence_events: list[Event] = []
        for sentence in doc.sentences:
            places = places_of.get(sentence.index, [])
            admin1s = frozenset(p.place.admin1 for p in places if p.place and p.place.admin1)
            # A sentence that names no known governorate stays in the theatre of the one before.
            admin1s = context.theatre = admin1s or context.theatre
            actors = self._actors(sentence, places, focus)
            context.remember_groups(sentence, actors, admin1s)
            # "he said" may open a paragraph that goes on with the previous one's speaker.
            previous = context.last_claim.get(
                sentence.paragraph, context.last_claim.get(sentence.paragraph - 1)
            )
            claim = claimant(sentence.text, previous=previous)
            if claim is not None:
                context.last_claim[sentence.paragraph] = claim
            quantities = quantities_of.get(sentence.index, [])
            scope = SentenceScope(
                doc, sentence, places, actors, quantities, context, focus, admin1s, claim, events,
                opinion=sentence.paragraph in opinion, parsed=parses.get(sentence.index),
                triggers=found[sentence.index], sentence_places=tuple(places),
                sentence_times=tuple(times_of.get(sentence.index, ())), told_at=told_at,
                report_places=report_places, mishap_report=mishap_report,
            )  # fmt: skip
            produced = self._sentence_events(scope, guesses.get(sentence.index))
            if not produced and quantities and previous_sentence_events:
                # "Scores of militants were killed in the clashes." reports on the sentence before.
                events = add_casualties(events, previous_sentence_events, quantities)
            if produced:
                events += produced
                told_at.update(place_key(e.place_mention) for e in produced if e.place_mention is not None)
                previous_sentence_events = produced
            elif (
                sentence.index + 1 < len(doc.sentences)
                and doc.sentences[sentence.index + 1].paragraph != sentence.paragraph
            ):
                previous_sentence_events = []
            free = event_places(doc, sentence, places, actors)
            if free and not produced:
                context.remember_place(free[-1])  # "Russian" in "the Russian bulletin" is no place told
        return dataclasses.replace(doc, events=tuple(merge_repeats(events)))

    def _sentence_events(self, scope: SentenceScope, guess: SentenceType | None) -> list[Event]:
        """The records of one sentence: the rules' frames, reconciled with the model's reading."""
        if model_vetoes(guess) or tells_a_mishap(scope) or mishap_told_again(scope):
            return []  # no event of the taxonomy: the model is sure, or a disaster or an accident
        background = background_spans(scope.sentence.text)
        if background and scope.parsed is None:
            return []  # background or a habit somewhere in an unparsed sentence: not news of the report
        if scope.opinion and not passes_opinion_bar(scope, guess):
            return []
        scope = without_hidden_places(scope)
        headline = is_headline(scope.doc, scope.sentence) or is_page_furniture(scope.sentence)
        frames = (
            []
            if headline
            else self._frames(
                scope.doc,
                scope.sentence,
                scope.places,
                scope.actors,
                scope.told,
                scope.parsed,
                scope.triggers,
                scope.told_at,
            )
        )
        produced = self._frame_events(scope, frames, None)
        if (
            not produced
            and not headline
            and not self._tells_of_told_event(scope)
            and not only_background_actions(scope)
        ):
            # No trigger word, or none that made a record: the model may still read an event.
            short = len(scope.doc.sentences) <= SHORT_REPORT_SENTENCES
            proposed = model_proposes(guess, short_report=short)
            verb = main_verb(scope.sentence, scope.parsed)
            if proposed is not None and not in_the_background(scope.sentence, *verb, scope.parsed):
                frames = self._proposed_frames(scope, proposed)
                return self._frame_events(scope, frames, proposed)
        rule_types = {event.sub_event_type for event in produced}
        if len(rule_types) == 1:
            retyped = type_of_frame(next(iter(rule_types)), guess, types_in_sentence=1)
            if retyped not in rule_types:
                produced = self._frame_events(scope, frames, retyped)
        return produced

    def _parses(
        self, doc: Document, guesses: dict[int, SentenceType], found: dict[int, list[Trigger]]
    ) -> dict[int, SpacyDoc]:
        """Full analyses of the sentences that may report an event (a trigger word, or the model
        reads an event) and name a place, in one batch: the parser runs on no other sentence."""
        if self.parse is None:
            return {}
        with_places = {p.mention.sentence for p in doc.places}
        wanted = [
            s.index
            for s in doc.sentences
            if s.index in with_places
            and ((s.index in guesses and guesses[s.index].label != NO_EVENT) or found[s.index])
        ]
        return dict(zip(wanted, self.parse(doc, wanted), strict=True)) if wanted else {}

    def _frame_events(
        self, scope: SentenceScope, frames: list[Frame], forced_type: str | None
    ) -> list[Event]:
        """Records of ``frames``, typed ``forced_type`` when given; none on a place vaguer than the report."""
        out: list[Event] = []
        for frame_index, frame in enumerate(frames):
            out += self._events(
                scope.doc,
                frame,
                scope.context,
                focus=scope.focus,
                admin1s=scope.admin1s,
                claim=scope.claim,
                quantities=quantities_in(scope.quantities, frames, frame_index),
                forced_type=forced_type,
                parsed=scope.parsed,
                sentence_places=scope.sentence_places,
                sentence_times=scope.sentence_times,
            )
        out = shared_opponents(out)
        return [
            event
            for event in out
            if event.place_mention is None
            or not vaguer_than_the_report(event.place_mention, scope.doc, scope.report_places)
        ]

    def _focus_country(self, doc: Document) -> str | None:
        country = self.countries.get(focus_code(doc))
        return country.name if country else None

    def _actors(
        self, sentence: Sentence, places: list[PlaceMention], focus: str | None
    ) -> list[ActorMention]:
        found = self.actors.find(sentence.text, offset=sentence.start, country=focus)
        # "..., police said.": who reports the event is its claimant, not one of its sides.
        return [a for a in found if a.text and not is_attribution(sentence.text, a, sentence.start)]

    def _frames(
        self,
        doc: Document,
        sentence: Sentence,
        places: list[PlaceMention],
        actors: list[ActorMention],
        told: list[Event],
        parsed: SpacyDoc | None,
        found: list[Trigger],
        told_at: AbstractSet[str] | None = None,
    ) -> list[Frame]:
        triggers: list[tuple[Trigger, Modality]] = []
        for trigger in found:
            if self._told_before(sentence, trigger, told, places, told_at):
                continue
            if in_the_background(sentence, trigger.start, trigger.end, parsed):
                continue  # "captured the town in 2014", "has been repeatedly shelled"
            start, end = trigger.start - sentence.start, trigger.end - sentence.start
            modality = (
                parsed_modality(parsed, start, end)
                if parsed is not None
                else modality_of(sentence.text, start)
            )
            if modality is not Modality.NOT_ASSERTED:
                triggers.append((trigger, modality))
        if not triggers:
            return []
        free_places = event_places(doc, sentence, places, actors)
        return split_frames(sentence, triggers, free_places, actors, doc.text, doc.places)

    def _tells_of_told_event(self, scope: SentenceScope) -> bool:
        """Some action word of the sentence names an event the report has already told."""
        return any(
            self._told_before(scope.sentence, trigger, scope.told, scope.places, scope.told_at)
            for trigger in scope.triggers
        )

    @staticmethod
    def _told_before(
        sentence: Sentence,
        trigger: Trigger,
        told: list[Event],
        places: list[PlaceMention],
        told_at: AbstractSet[str] | None = None,
    ) -> bool:
        """The action word names an event the report has already told.

        "The attack also wounded..." does; "Monday's raids hit the villages of A and B", naming towns
        no earlier record is at, tells where the raids were for the first time. ``told_at``: the
        places of ``told`` (``place_key``), when the caller keeps them.
        """
        before = sentence.text[: trigger.start - sentence.start]
        if BACK_REFERENCE.search(before):
            return True  # "killed in the clashes"
        if not told or not refers_back(before, trigger.text):
            return False
        if told_at is None:
            told_at = {place_key(e.place_mention) for e in told if e.place_mention is not None}
        return not any(is_local(p) and place_key(p) not in told_at for p in places)

    def _proposed_frames(self, scope: SentenceScope, sub_type: str) -> list[Frame]:
        """One frame around the sentence's main verb, for an event the model reads and no trigger names.

        Its places are those the rules would take; failing them, any place the sentence names (a
        country is better than nothing: it is coded at precision 3), then the last event place.
        """
        doc, sentence, actors = scope.doc, scope.sentence, scope.actors
        start, end = main_verb(sentence, scope.parsed)
        if (
            scope.parsed is not None
            and parsed_modality(scope.parsed, start - sentence.start, end - sentence.start, main=True)
            is Modality.NOT_ASSERTED
        ):
            return []  # "the army is preparing to ...", "rebels will not ...": no event the model may read
        category = TriggerCategory(CATEGORY_OF_TYPE[sub_type])
        trigger = Trigger(category, start, end, doc.text[start:end], PROPOSED_STRENGTH)
        free_places = event_places(doc, sentence, scope.places, actors)
        frames = split_frames(
            sentence, [(trigger, Modality.ASSERTED)], free_places, actors, doc.text, doc.places
        )
        if frames and not frames[0].places and not frames[0].anaphor:
            if free_places:
                frames = [dataclasses.replace(frames[0], places=tuple(free_places))]
            elif scope.context.last_event_place is not None:
                frames = [dataclasses.replace(frames[0], anaphor=scope.context.last_event_place.mention.text)]
        return frames

    def _events(
        self,
        doc: Document,
        frame: Frame,
        context: DocumentContext,
        *,
        focus: str | None,
        admin1s: frozenset[str],
        claim: str | None,
        quantities: list[Quantity],
        forced_type: str | None = None,
        parsed: SpacyDoc | None = None,
        sentence_places: Sequence[PlaceMention] = (),
        sentence_times: Sequence[TimeRef] | None = None,
    ) -> list[Event]:
        head = frame.head
        actors = [*frame.actors_before, *frame.actors_after]
        syntax = (
            syntactic_roles(parsed, frame.sentence.start, (head.start, head.end), actors)
            if parsed is not None and head.end > head.start
            else None
        )
        roles = civilians_are_victims(frame_roles(doc, frame, context, admin1s, syntax), head.category)
        actor1, actor2 = roles.actor1, roles.actor2
        if roles.subject is not None:
            context.last_subject = roles.subject
        places: list[tuple[PlaceMention, str]] = [(p, p.mention.text) for p in frame.places]
        if frame.places:
            context.remember_place(frame.places[-1])
        elif frame.anaphor and (antecedent := context.antecedent(frame.anaphor)) is not None:
            # Written as the report named it; "in the area" is near it, "the town" the place itself.
            near = frame.anaphor.lower() in _AROUND and antecedent.modifier is None
            referred = dataclasses.replace(antecedent, modifier=frame.anaphor) if near else antecedent
            places = [(referred, antecedent.mention.text)]
        crowd = None
        if head.category in CROWD_CATEGORIES:
            categories = frozenset(trigger.category for trigger in frame.triggers)
            crowd = code_crowd(
                categories,
                doc.text[frame.start : frame.end],
                actor1 if roles.explicit else None,
                actor2,
                focus,
            )
        if crowd is not None:
            actor1 = (
                ActorMention(0, 0, "", crowd.actor1, "civilian", None)
                if actor1 is None or crowd.actor1 != actor1.name
                else actor1
            )
        else:
            actor1, actor2 = bomb_owner(frame, doc.text, roles, actor1, actor2, focus)
        actor1 = unnamed_perpetrator(actor1, head.category, forced=forced_type is not None, focus=focus)
        if actor1 is None:
            return []  # an action with no actor cannot be coded
        unplaced = not places and not doc.places
        if not places and not unplaced:
            return []  # the event's place is one the sentence does not give
        # A report that names no place at all still reports its event: kept, with no place (null
        # location, geo_precision 3), rather than lost.
        means = self.lexicon.means(doc.text[frame.start : frame.means_end])
        sub_type = (
            forced_type
            if forced_type is not None
            else crowd.sub_event_type
            if crowd is not None
            else sub_event_type(
                head.category,
                modality=frame.modality,
                means=means,
                actor1=actor1,
                actor2=actor2,
                unopposed=head.category == "territory" and unopposed(doc, frame.sentence),
            )
        )
        if sub_type is None:
            return []
        actor2_name = crowd.actor2 if crowd is not None else actor2.name if actor2 else None
        named = detained_side(head.category, actor2, actor2_name, focus)
        if named != actor2_name:
            actor2_name = named
        elif actor2_name is None and crowd is None and head.category not in NO_DEFAULT_OPPONENT:
            actor2_name = self._named_opponent(actor1, frame, context, admin1s)
        actor1, actor2, actor2_name, assoc = holder_after_withdrawal(
            head.category, sub_type, actor1, actor2, actor2_name, roles.assoc
        )
        assoc = other_party(head.category, assoc, actor2_name)
        dating = date_of(doc, frame, sentence_times)
        where = place_likelihoods(self.event_place, frame, parsed, [p for p, _ in places], sentence_places)
        places = [
            (p, written)
            for (p, written), likely in zip(places, where, strict=True)
            if likely >= NOT_THE_PLACE
        ] or places
        located: list[tuple[PlaceMention | None, str | None]] = [*places] if places else [(None, None)]
        results = []
        for index, (place, as_written) in enumerate(located):
            date, precision = (
                context.date_at(place, sub_type, dating, container=doc.container_of(place))
                if place is not None
                else (dating.date, dating.precision)
            )
            # "Last month the army repelled a push": background, not news of the report. A change of
            # hands keeps its month: who holds a place is the record the control ledger keeps.
            reference = doc.reference_date or doc.published
            if sub_type not in TERRITORIAL and a_past_month(date, precision, reference):
                continue
            figures = casualties_for(quantities, parts=len(located), index=index)
            land = self.countries.get(place.place.country_code) if place is not None and place.place else None
            results.append(
                build_event(
                    doc,
                    frame,
                    sub_type,
                    in_country(actor1, focus, land.name if land else None),
                    assoc,
                    actor2_name
                    if actor2 is None
                    else in_country(actor2, focus, land.name if land else None)
                    if actor2_name == actor2.name
                    else actor2_name,
                    place,
                    as_written,
                    date,
                    precision,
                    figures,
                    claim,
                    strength=head.strength * (0.5 + 0.5 * where[index] if where else 1.0),
                    explicit_actor=roles.explicit,
                    countries=self.countries,
                )
            )
        return results

    def _named_opponent(
        self, actor1: ActorMention, frame: Frame, context: DocumentContext, admin1s: frozenset[str]
    ) -> str | None:
        """The group the text names as the state's opponent nearby; no side the text does not name.

        ACLED leaves actor2 empty when the report names no one acted upon: inventing the usual
        enemy ("Opposition Rebels", "Military Forces of Syria") puts words in the source's mouth.
        """
        if actor1.is_government:
            group = context.named_group(frame.sentence, admin1s, frame.head.start)
            return group.name if group else None
        return None
