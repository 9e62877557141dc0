"""Rules and the statistical model, each doing what it does best.

The rules read the structure of a sentence: its sides, places, figures, dates and modality. The
sub-event model (``learn/subevent.py``) reads the wording as a whole and types it better: on the
CASE descriptions it did not train on it scores a weighted F1 of about 0.66, where the trigger
rules score 0.36 (``learn/train_subevent.py`` prints both). So, in order:

1. ``type_of_frame``: a frame the rules found takes the model's type when the model reads its
   sentence as one event type, except where the rules know better: which side took a place
   (government regains / non-state overtakes / non-violent transfer) depends on the actors, which
   the model does not see; and a sentence cut into frames of different types keeps the rules' types,
   since the model gives one label per sentence.
2. ``model_vetoes``: a sentence the model reads, with a wide margin, as no event at all (statements,
   diplomacy, crime outside the taxonomy) gives no record, whatever trigger word it holds.
3. ``model_proposes``: a sentence with no trigger word of the rules that the model reads, with a
   wide margin, as an event is read as one, with the model's type.

The margins are decision-value leads of the linear model over its runner-up, set from the held-out
CASE guesses of ``learn/train_subevent.py --cv-out`` (see the README's figures).
"""

from __future__ import annotations

from thucydides.learn.subevent import NO_EVENT
from thucydides.model import SentenceType
from thucydides.taxonomy import TERRITORIAL

VETO_MARGIN = 1.0  # NONE must lead the runner-up by this much to drop a rule's record
PROPOSE_MARGIN = 0.3  # an event type must lead by this much to make a record the rules did not
RETYPE_MARGIN = 0.4  # below it the trigger words type real reports better (see README)
SHORT_REPORT_SENTENCES = 3  # a description or a wire lead, as in ACLED's notes
SHORT_PROPOSE_MARGIN = 0.0
OPINION_MARGIN = 1.0  # in an opinion or feature passage, an undated sentence needs a sure model
PROPOSED_STRENGTH = 0.5  # how surely a proposed event's wording reports it (a trigger's strength: 0.6-0.9)

# The trigger category the rules would have read for each sub-event type: it steers how the sides
# are read (a bomb's owner, the detained, a crowd) when the model proposes an event.
CATEGORY_OF_TYPE: dict[str, str] = {
    "Armed clash": "clash",
    "Government regains territory": "territory",
    "Non-state actor overtakes territory": "territory",
    "Non-violent transfer of territory": "territory",
    "Chemical weapon": "chemical",
    "Air/drone strike": "target",
    "Suicide bomb": "suicide",
    "Shelling/artillery/missile attack": "target",
    "Remote explosive/landmine/IED": "explosive",
    "Grenade": "explosive",
    "Sexual violence": "sexual",
    "Attack": "kill",
    "Abduction/forced disappearance": "abduct",
    "Peaceful protest": "protest",
    "Protest with intervention": "protest",
    "Excessive force against protesters": "protest",
    "Violent demonstration": "riot",
    "Mob violence": "riot",
    "Agreement": "agreement",
    "Arrests": "arrest",
    "Change to group/activity": "surrender",
    "Disrupted weapons use": "disrupt",
    "Headquarters or base established": "base",
    "Looting/property destruction": "looting",
    "Other": "base",
}


def type_of_frame(rule_type: str, guess: SentenceType | None, *, types_in_sentence: int) -> str:
    """The sub-event type of a frame the rules typed as ``rule_type``."""
    if guess is None or guess.label == NO_EVENT or types_in_sentence > 1:
        return rule_type
    if rule_type in TERRITORIAL and guess.label in TERRITORIAL:
        return rule_type
    return guess.label if guess.margin >= RETYPE_MARGIN else rule_type


def model_vetoes(guess: SentenceType | None) -> bool:
    """The model reads the sentence as no event, surely enough to drop what the rules found."""
    return guess is not None and guess.label == NO_EVENT and guess.margin >= VETO_MARGIN


def model_proposes(guess: SentenceType | None, *, short_report: bool = False) -> str | None:
    """The sub-event type of a sentence the rules found nothing in, when the model is sure of one.

    A report of a few sentences is all lead: it tells its event and little else, so the model's
    best reading is taken there whatever its margin (``SHORT_REPORT_SENTENCES``)."""
    margin = SHORT_PROPOSE_MARGIN if short_report else PROPOSE_MARGIN
    if guess is None or guess.label == NO_EVENT or guess.margin < margin:
        return None
    return guess.label
