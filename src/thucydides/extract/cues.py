"""Cues in a report's wording that decide what a sentence reports, read by the extractor.

A title line restates the body; a dateline says where the reporter files from; a
route named after two towns is at neither; "Iraq's al-Nujaba" names where an actor
comes from; ", police said" names a speaker, not a side; "met no resistance" makes
a take-over non-violent; "killed in the clashes" refers back to clashes told before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from thucydides.extract.actors import ActorMention
from thucydides.geoparse.kinds import (
    is_adjective_of_place,
    is_local,
    is_whole_land,
    names_an_organisation,
)
from thucydides.geoparse.lexicon import ROUTE_WORDS
from thucydides.model import Document, PlaceMention, Sentence
from thucydides.nlp.lexicon import REACTION_VERBS, SPEECH, SPEECH_VERBS, alternation
from thucydides.nlp.title import title_end

_UNOPPOSED = re.compile(
    r"\b(?:(?:met|faced|encountered) (?:no|little) resistance|without (?:a fight|resistance|fighting|a shot)|"
    r"unopposed|no (?:fighting|clashes) (?:was|were) reported|"
    r"after (?:the )?(?:last )?(?:convoy|buses|fighters|rebels|militants|gunmen) (?:had )?(?:left|departed|"
    r"withdrew|were evacuated)|under (?:an?|the) (?:\w+ )?(?:agreement|deal|settlement|truce))\b",
    re.IGNORECASE,
)


def unopposed(doc: Document, sentence: Sentence) -> bool:
    """Whether the sentence, or the next in its paragraph, says a take-over met no resistance."""
    following = doc.sentences[sentence.index + 1 : sentence.index + 2]
    told = [sentence, *(s for s in following if s.paragraph == sentence.paragraph)]
    return any(_UNOPPOSED.search(s.text) for s in told)


_ATTRIBUTION_BEFORE = re.compile(r"[,;]\s*(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}$")
_ATTRIBUTION_AFTER = re.compile(rf"^\s+(?:(?:[\w-]+\s+){{0,3}})?{SPEECH}\b", re.I)


def is_attribution(text: str, actor: ActorMention, offset: int) -> bool:
    """An actor that only says what happened: ", police said", ", the army said in a statement"."""
    start, end = actor.start - offset, actor.end - offset
    return bool(_ATTRIBUTION_BEFORE.search(text[:start]) and _ATTRIBUTION_AFTER.match(text[end:]))


# "BEIRUT (Reuters) - ", "ALEPPO, Syria — ": where the reporter files from, not where the event was.
# After a place that opens a report: "BEIRUT (AFP) - ", "Homs, Syria - ", "Ramallah, Dec 14 (Prensa
# Latina) Israeli forces...": where the reporter writes from.
_DATELINE = re.compile(
    r"(?:,\s*[A-Z][\w ]{2,30})?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b)?\s*"
    r"(?:(?:\([^)\n]{1,60}\)\s*)?[-–—]\s|\([^)\n]{1,60}\)\s*(?=[A-Z]))"
)

_END_PUNCTUATION = tuple(".!?\"”’')")


def is_headline(doc: Document, sentence: Sentence) -> bool:
    """A title line restates the events of the body: one unpunctuated line alone in an early
    paragraph, or the report's own title where the text repeats it (``nlp/title.py``)."""
    end = title_end(doc.text, doc.title)
    if (
        end is not None
        and sentence.start < end <= sentence.end
        and not doc.text[end : sentence.end].strip(" .:;|")
    ):
        return True
    if sentence.paragraph > 1 or sentence.text.rstrip().endswith(_END_PUNCTUATION):
        return False
    same_paragraph = [s for s in doc.sentences if s.paragraph == sentence.paragraph]
    return len(same_paragraph) == 1 and doc.sentences[-1].paragraph > sentence.paragraph


# Words of a web page's furniture that scrapers leave in the text: lists of other headlines,
# share buttons, view counters. A sentence that holds them tells other stories, or none.
_PAGE_FURNITURE = re.compile(
    r"\b(?:Related\s+(?:News|Articles?|Stories|Posts|Content|Coverage|Links)|Read\s+(?:more|also)\b|"
    r"Print\s+Tweet|Views\s+\d+|Share\s+(?:this|on)\b|Click\s+here|Subscribe\s+to)",
)


# A photograph's caption: it names the picture ("in this handout picture", "file photo") or, in the
# wire agencies' form, describes a scene in the present tense and ends with the place and full date
# of the picture ("A man inspects the site of ... in Damascus, Syria June 11, 2016."). It shows an
# event the report tells in its own words, or an older one.
_CAPTION_NAMED = re.compile(
    r"\b(?:in\s+this\s+(?:\w+\s+)?(?:picture|photo|photograph|image)|(?:file|handout)\s+(?:picture|photo)|"
    r"picture\s+(?:taken|provided)|photo\s+(?:taken|provided)|AFP\s+PHOTO|REUTERS/)",
    re.IGNORECASE,
)
_CAPTION_SCENE = re.compile(
    r"^(?:An?|The|Members|Syrian|People|Residents|Civilians|Rescuers|Children|Men|Women)\b[^.]{0,80}?\s"
    r"(?:inspects?|shows?|walks?|stands?|gathers?|carr(?:y|ies)|looks?|sits?|rides?|holds?|checks?|"
    r"search(?:es)?|flees?|waits?|removes?|drives?|runs?)\b"
    r".*\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},?\s+\d{4}\.?\s*(?:\([^)]{0,40}\)\s*)?$",
)


def is_page_furniture(sentence: Sentence) -> bool:
    """A sentence that holds a page's navigation ("Related News ..."), or a photograph's caption,
    not the report's words."""
    text = sentence.text
    return (
        _PAGE_FURNITURE.search(text) is not None
        or _CAPTION_NAMED.search(text) is not None
        or _CAPTION_SCENE.search(text.strip()) is not None
    )


# "Moscow said", "Washington condemned the attack", "Damascus and Moscow declared": a capital that
# speaks is its government.
_SPEAKS = re.compile(
    r"^[’']?s?\s+(?:and\s+[A-Z][\w-]+\s+)?(?:has\s+|have\s+|had\s+|also\s+|later\s+|quickly\s+)?"
    rf"{alternation((*SPEECH_VERBS, *REACTION_VERBS))}\b",
    re.IGNORECASE,
)
# "since Moscow began its intervention", "Ankara sent troops": a place that has a policy of its own,
# or sends forces, is its government.
_GOVERNS = re.compile(
    r"^\s+(?:has\s+|have\s+|had\s+|also\s+|later\s+|first\s+)?(?:"
    r"(?:began|begun|launched|started|ended|stepped up|announced|halted|resumed) its\b|"
    r"(?:intervened|decided|pledged|agreed|sent (?:\w+ )?(?:troops|forces|jets|warplanes|reinforcements)|"
    r"deployed)\b)",
    re.IGNORECASE,
)
# "accused Moscow of", "urged Ankara to", "militias loyal to Damascus", "areas under the control of
# Fatah Halab": a place that is blamed, asked, served or in control is a government or a group.
_ADDRESSED = re.compile(
    r"\b(?:accused|accuses|accusing|blamed|blames|blaming|urged|urges|urging|called on|calls on|"
    r"condemned|condemns|criticised|criticized|warned|warns|asked|pressed|told|"
    r"loyal to|allied (?:to|with)|backed by|supported by|"
    r"under (?:the )?control of|controlled by|held by|in the hands of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "peace talks in Astana", "a conference in Geneva": where people meet, not where fighting is.
_VENUE = re.compile(
    r"\b(?:talks|negotiations|meeting|meetings|conference|summit|consultations|session)\s+"
    r"(?:\w+\s+){0,3}(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def stands_for_its_government(text: str, place: PlaceMention) -> bool:
    """A place that says or does what only people do, or is blamed or urged as people are
    ("Moscow denied", "Washington's response", "since Moscow began its intervention", "accused
    Moscow of war crimes")."""
    before = text[max(0, place.mention.start - 30) : place.mention.start]
    return (
        _SPEAKS.match(text[place.mention.end : place.mention.end + 40]) is not None
        or _GOVERNS.match(text[place.mention.end : place.mention.end + 60]) is not None
        or _ADDRESSED.search(before) is not None
    )


# "a U.S. Chinook helicopter", "a Black Hawk helicopter": a name before a vehicle is its make.
_MAKE = re.compile(r"\s+(?:helicopters?|jets?|fighter jets?|aircraft|planes?|drones?|tanks?|rifles?)\b", re.I)


def names_a_make(text: str, place: PlaceMention) -> bool:
    """ "Shot down a Chinook helicopter": the name is a vehicle's make, not a place."""
    return _MAKE.match(text, place.mention.end) is not None


# "X-based", "X-backed": the place qualifies a group or a thing, as an adjective does.
_QUALIFIES = re.compile(r"-(?:based|backed|led|born|made|funded|headquartered|allied|sponsored)\b", re.I)


def qualifies_something(text: str, place: PlaceMention) -> bool:
    """ "The London-based Observatory", "Iran-backed militias": the name is part of an adjective."""
    return _QUALIFIES.match(text, place.mention.end) is not None


# "a report in al-Monitor", "an interview with Al Mayadeen": the name is a publication's.
_PUBLICATION = re.compile(
    r"\b(?:report|article|interview|op-ed|editorial|column|piece|story)\s+(?:[\w-]+\s+){0,2}"
    r"(?:in|by|with|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def names_a_publication(text: str, place: PlaceMention) -> bool:
    """A place name that is a newspaper's or a channel's ("according to a report in al-Monitor")."""
    return _PUBLICATION.search(text[max(0, place.mention.start - 60) : place.mention.start]) is not None


def is_a_meeting_venue(text: str, place: PlaceMention) -> bool:
    """A place named as where talks or a conference are held."""
    return _VENUE.search(text[max(0, place.mention.start - 60) : place.mention.start]) is not None


def _names_a_place(doc: Document) -> bool:
    """The report names some place in its own name, not only as an adjective ("Belarusian
    authorities"): when it does not, the adjective's country is the most precise place it gives."""
    return any(p.place is not None and not is_adjective_of_place(p) for p in doc.places)


def is_dateline(doc: Document, place: PlaceMention) -> bool:
    """The place opens its sentence as a dateline (``_DATELINE``): where the reporter writes from."""
    sentence = doc.sentences[place.mention.sentence] if place.mention.sentence < len(doc.sentences) else None
    return (
        sentence is not None
        and place.mention.start <= sentence.start + 2
        and _DATELINE.match(doc.text, place.mention.end) is not None
    )


def _finer_than_a_land(doc: Document) -> bool:
    """Some place of the report is resolved to less than a whole country or continent, and is a place
    where things happen: not a dateline, not a capital that speaks for its government ("Ankara
    claimed"), not part of an adjective ("the London-based Observatory"), not a meeting's venue."""
    return any(
        p.place is not None
        and not is_whole_land(p)
        and not is_dateline(doc, p)
        and not stands_for_its_government(doc.text, p)
        and not qualifies_something(doc.text, p)
        and not is_a_meeting_venue(doc.text, p)
        for p in doc.places
    )


@dataclass(frozen=True, slots=True)
class ReportPlaces:
    """What ``vaguer_than_the_report`` asks of a report's places, read once per report."""

    finer_than_a_land: bool  # ``_finer_than_a_land``
    local_provinces: frozenset[tuple[str | None, str | None]]  # (admin1, country) of its local places

    @classmethod
    def of(cls, doc: Document) -> ReportPlaces:
        return cls(
            finer_than_a_land=_finer_than_a_land(doc),
            local_provinces=frozenset(
                (p.place.admin1, p.place.country_code)
                for p in doc.places
                if p.place is not None and is_local(p)
            ),
        )


def vaguer_than_the_report(place: PlaceMention, doc: Document, known: ReportPlaces | None = None) -> bool:
    """A whole country, or a province the report names towns in, as an event's place.

    Coders code an event to a country or a province only when the report gives nothing more
    precise; "strikes in Syria" in a report on Aleppo, or "raids across Idlib province" in a report
    that names the towns of Idlib hit, is the report's framing or a summary, not another event.
    ``known``: the report's places as ``ReportPlaces.of(doc)`` reads them, when the caller keeps them.
    """
    if is_whole_land(place):
        return known.finer_than_a_land if known is not None else _finer_than_a_land(doc)
    entry = place.place
    if entry is None or entry.feature != "admin1" or not entry.admin1:
        return False
    if known is not None:
        return (entry.admin1, entry.country_code) in known.local_provinces
    return any(
        p.place is not None
        and is_local(p)
        and p.place.admin1 == entry.admin1
        and p.place.country_code == entry.country_code
        for p in doc.places
    )


BACK_REFERENCE = re.compile(
    r"\b(?:in|during|since|throughout)\s+(?:the|these|those|this|that)\s+(?:[\w-]+\s+)?$", re.IGNORECASE
)
# "the Sa'an-Ithriyah Road", "the Damascus-Homs highway": a route named after its ends is at neither end.
_ROUTE_END = re.compile(r"[-–]\s?[\w’'-]+(?:\s[\w’'-]+)?\s" + ROUTE_WORDS + r"\b", re.IGNORECASE)
_ROUTE_START = re.compile(r"[\w’']\s?[-–]\s?$")


def names_an_actor(text: str, place: PlaceMention, actors: list[ActorMention]) -> bool:
    """ "Iraq's al-Nujaba": the place says where an actor comes from."""
    tail = text[place.mention.end : place.mention.end + 4]
    return tail[:2] in ("'s", "’s") and any(
        place.mention.end < a.start <= place.mention.end + 4 for a in actors
    )


def not_an_event_place(
    doc: Document, sentence: Sentence, place: PlaceMention, actors: list[ActorMention]
) -> bool:
    """A dateline, a nationality adjective ("Syrian rebels", "the Turkish army") in a report that
    names places, a word of an actor's or an institution's name ("Syrian Army", "Iraq's al-Nujaba",
    "the Damascus Police Command") or an end of a route."""
    if is_dateline(doc, place):
        return True
    if is_whole_land(place) and not _names_a_place(doc):
        return False  # "The Belarusian authorities arrested...": the only place the report gives
    return (
        is_adjective_of_place(place)
        or stands_for_its_government(doc.text, place)
        or is_a_meeting_venue(doc.text, place)
        or names_a_publication(doc.text, place)
        or names_a_make(doc.text, place)
        or any(a.start <= place.mention.start < a.end for a in actors)
        or names_an_actor(doc.text, place, actors)
        or names_an_organisation(doc.text, place)
        or qualifies_something(doc.text, place)
        or bool(_ROUTE_END.match(doc.text, place.mention.end))
        or bool(_ROUTE_START.search(doc.text[max(0, place.mention.start - 40) : place.mention.start]))
    )


# Disasters and accidents: deaths and blasts no armed side caused.
_MISHAP = re.compile(
    r"\b(?:earthquakes?|quakes?|tremors?|floods?|flooding|landslides?|mudslides?|avalanches?|wildfires?|"
    r"bushfires?|forest fires?|hurricanes?|typhoons?|cyclones?|tornado(?:e?s)?|tsunamis?|heat ?waves?|"
    r"(?:road|traffic|car|bus|train|plane|air) (?:crash|accident)e?s?|accidents?|accidental(?:ly)?|"
    r"collided|collision|derailed|capsized|plunged off|(?:gas|chemical) leak(?:age)?|leakage|"
    r"food poisoning|(?:chemical|industrial|power|fireworks?) (?:plant|factory|warehouse)|furnace|"
    r"gas cylinder|short circuit|ammonium nitrate)\b",
    re.IGNORECASE,
)


def opens_on_a_mishap(sentences: Sequence[Sentence]) -> bool:
    """The report's first sentence tells a disaster or an accident: its later blasts and deaths
    ("The blasts killed 173 people") are that mishap told again, unless an armed side is named."""
    return any(_MISHAP.search(sentence.text) is not None for sentence in sentences[:1])


def is_mishap(sentence: Sentence, actors: list[ActorMention]) -> bool:
    """A sentence about a disaster or an accident that names no armed side: its deaths and blasts
    are no political violence (ACLED codes none)."""
    armed = any(actor.is_armed for actor in actors)
    return not armed and _MISHAP.search(sentence.text) is not None
