"""What the rest of a report says about a one-word name: a person's name, or an ordinary word.

Two general facts of news English:

- a person is named in full once ("Mike Kelly", "Andres Manuel Lopez") and by
  the surname or a part after that ("Kelly said"): a word that stands after
  the first word of a capitalised run the gazetteer does not know as a whole is
  a part of a person's (or an organisation's) name wherever it stands alone in
  the same report;
- a capitalised run that speaks ("Shadi Matar said", "Talal Selo told") or is
  described by a role ("Talal Selo, an SDF spokesman"; "activist Shadi Matar") is a
  person's full name: its first word, the given name, is a part of it too; a single word
  that speaks ("Nelson says") is a surname;
- an ordinary English word is capitalised only at the start of a sentence or
  in a headline ("Near the frontline", "Highland bagpipes"): a capitalised word
  the report also writes in lower case ("near", "highland") is that word.

``name_parts`` and ``lowercase_words`` collect both from a document; the finder
marks such spans (``PERSON``, ``ORDINARY``) and the resolver asks more of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from thucydides.geoparse.tokens import Word, runs, words
from thucydides.model import Document
from thucydides.nlp.lexicon import SPEECH

PERSON = "part of a person's name elsewhere in the report"
ORDINARY = "an ordinary word the report also writes in lower case"
# Full names are two to four words: "Mike Kelly", "Andres Manuel Lopez Obrador".
_NAME_WORDS = range(2, 5)
# Words for what a person is, which name a person beside them.
_ROLES = (
    r"(?:spokes(?:man|woman|person)|activist|commander|official|member|leader|resident|witness|journalist|"
    r"correspondent|reporter|doctor|director|analyst|researcher|fighter|chief|minister|envoy|adviser|"
    r"advisor|lawyer|father|mother|son|daughter|brother|sister|teacher|farmer|student)s?"
)
# After the run: a verb of speech (", police said" aside), or a role in apposition.
_SPEAKS_AFTER = re.compile(
    rf"\s+(?:has\s+|had\s+|also\s+)?{SPEECH}\b|,\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?{_ROLES}\b"
)
# "who was from Dewsbury said": a place word introduces it, and the speaker is someone else.
_PLACE_BEFORE = re.compile(r"\b(?:from|in|at|near|to|of)\s+$", re.IGNORECASE)
# Before the run: a role ("activist Shadi Matar").
_ROLE_BEFORE = re.compile(rf"\b{_ROLES}\s+$", re.IGNORECASE)


def name_parts(
    doc: Document, *, known: Callable[[list[Word]], bool], not_a_given_name: Callable[[Word], bool]
) -> frozenset[str]:
    """Words after the first of a capitalised run of 2-4 words that is no known place name.

    ``known(run)`` says whether the gazetteer knows the run as one name ("New
    York"); ``not_a_given_name(word)`` rejects first words that begin other
    names than persons' (titles, directions, generic toponym words, function
    words, nationality adjectives). A run at the start of a sentence counts only
    with three words or more, since its first word may be capitalised by position.
    """
    found: set[str] = set()
    for sentence in doc.sentences:
        sentence_words = words(sentence.text, sentence.start)
        first_start = sentence_words[0].start if sentence_words else -1
        for run in runs(sentence.text, sentence_words, sentence.start):
            if (
                len(run) == 1
                and run[0].start != first_start
                and _speaks_alone(doc.text, run[0], not_a_given_name)
            ):
                found.add(run[0].text)  # "Nelson says", "Sandberg said": a surname that speaks
                continue
            if len(run) not in _NAME_WORDS or any(word.article for word in run):
                continue
            if not_a_given_name(run[0]):
                continue
            if any(not word.text[:1].isupper() or word.text.isupper() for word in run) or known(run):
                continue
            person = _is_a_person(doc.text, run)
            if run[0].start == first_start and len(run) < 3 and not person:
                continue  # its first word may be capitalised only by its place in the sentence
            found.update(word.text for word in run[1:])
            if person:
                found.add(run[0].text)
    return frozenset(found)


def lowercase_words(doc: Document) -> frozenset[str]:
    """Every word the document writes in lower case."""
    return frozenset(word.text for word in words(doc.text) if word.text.islower())


def _speaks_alone(text: str, word: Word, not_a_given_name: Callable[[Word], bool]) -> bool:
    """A single capitalised word that speaks or that a role describes: a person's surname (the
    finder keeps a well-known place that speaks, "Moscow said", for its government)."""
    return (
        word.text[:1].isupper()
        and not word.text.isupper()
        and not not_a_given_name(word)
        and _SPEAKS_AFTER.match(text, word.end) is not None
        and _PLACE_BEFORE.search(text[max(0, word.start - 12) : word.start]) is None
    )


def _is_a_person(text: str, run: list[Word]) -> bool:
    """The run speaks or a role describes it: it is a person's full name, first word included."""
    before = text[max(0, run[0].start - 30) : run[0].start]
    return bool(_SPEAKS_AFTER.match(text, run[-1].end) or _ROLE_BEFORE.search(before))
