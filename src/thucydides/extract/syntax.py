"""Who does and who undergoes an action, read from the dependency parse of its sentence.

Character windows ("the nearest actor before the action word") fail on the sentences real outlets
write: "suicide bombings that targeted a police station" (the station is the target, not the
bomber), "19 men were executed" (the men are the victims), "civilians killed by regime forces".
The parse says it directly. For an action word (or the light verb that carries an action noun:
"launched an attack", "carried out strikes") the rules are:

- agent: the subject of an active verb; the object of "by" after a passive or a participle;
  a modifier of an action noun ("ISIS shelling", "the army's offensive");
- patient: the subject of a passive verb; the direct object; the object of "on", "against",
  "at", "targeting"; the noun a participle describes ("civilians killed in ...").

An actor that is the patient is never the one who acts. Coordinated actors share their role.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from thucydides.extract.actors import ActorMention

_LIGHT_VERBS = frozenset(
    {"launch", "carry", "conduct", "stage", "mount", "execute", "perform", "wage", "begin"}
)
_PATIENT_PREPOSITIONS = frozenset({"on", "against", "at", "upon", "targeting", "into"})
_NOUN_AGENT_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
# Heads of a partitive phrase whose "of" names the actor: "hundreds of ISIS fighters", "units of the
# army": the phrase takes the role, and the actor with it.
_PARTITIVE_HEADS = frozenset(
    {
        "hundreds", "thousands", "dozens", "scores", "tens", "some", "many", "several", "most",
        "all", "members", "member", "group", "groups", "number", "units", "unit", "elements",
        "forces", "troops", "soldiers", "fighters", "militants", "gunmen", "battalions", "brigades",
    }
)  # fmt: skip
# Passive in form, active in sense: "the army is engaged in fierce battles", "was involved in".
_ACTIVE_PASSIVES = frozenset({"engage", "involve", "embroil", "lock"})


@dataclass(frozen=True, slots=True)
class SyntacticRoles:
    """Actors of a frame by the role the parse gives them."""

    agents: tuple[ActorMention, ...] = ()
    patients: tuple[ActorMention, ...] = ()

    def is_patient(self, actor: ActorMention | None) -> bool:
        return actor is not None and any(_same(actor, p) for p in self.patients)


def syntactic_roles(
    parsed: Doc, offset: int, trigger: tuple[int, int], actors: list[ActorMention]
) -> SyntacticRoles:
    """Roles of ``actors`` for the action word at document offsets ``trigger``.

    ``parsed`` is the spaCy analysis of the sentence that starts at document offset ``offset``.
    """
    head = _root(parsed, trigger[0] - offset, trigger[1] - offset)
    if head is None:
        return SyntacticRoles()
    predicate = head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "obj") and head.head.lemma_ in _LIGHT_VERBS:
        predicate = head.head  # "ISIS launched an attack": the verb carries the action
    agents: list[ActorMention] = []
    patients: list[ActorMention] = []
    for actor in actors:
        token = _root(parsed, actor.start - offset, actor.end - offset)
        if token is None:
            continue
        role = _role(token, head, predicate)
        if role == "agent":
            agents.append(actor)
        elif role == "patient":
            patients.append(actor)
    return SyntacticRoles(tuple(agents), tuple(patients))


def _role(token: Token, head: Token, predicate: Token) -> str | None:
    # A word inside a noun phrase ("a police station", "army positions") stands for the phrase,
    # unless the phrase is the action itself ("ISIS shelling").
    while token.dep_ in _NOUN_AGENT_DEPS and token.head.pos_ in ("NOUN", "PROPN") and token.head != head:
        token = token.head
    of = token.head
    if token.dep_ == "pobj" and of.lower_ == "of" and of.head != head:
        quantity = of.head
        if quantity.lower_ in _PARTITIVE_HEADS or quantity.pos_ == "NUM":
            token = quantity  # "hundreds of ISIS fighters stormed ...": the fighters did
            while (
                token.dep_ in _NOUN_AGENT_DEPS and token.head.pos_ in ("NOUN", "PROPN") and token.head != head
            ):
                token = token.head
    # Coordinated actors ("the army and its allies") take the role of the first conjunct.
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    dep, governor = token.dep_, token.head
    if token == head.head and head.dep_ == "acl" and head.tag_ == "VBN":
        return "patient"  # "civilians killed in the strike"
    if governor in (head, predicate):
        if dep in ("nsubj", "csubj"):
            return "agent"
        if dep == "nsubjpass" and head.lemma_ in _ACTIVE_PASSIVES:
            return "agent"  # "the army's brigade is engaged in a fierce battle with ..."
        if dep in ("nsubjpass", "csubjpass", "dobj", "obj", "dative"):
            return "patient"
        if dep in ("agent",):
            return "agent"
        if dep in _NOUN_AGENT_DEPS and governor is head and head.pos_ in ("NOUN", "PROPN"):
            return "agent"  # "ISIS shelling", "the army's offensive"
    if dep == "pobj" and governor.dep_ in ("prep", "agent") and governor.head in (head, predicate):
        word = governor.lower_
        if word == "by":
            return "agent"
        if word in _PATIENT_PREPOSITIONS:
            return "patient"
    return None


def _root(parsed: Doc, start: int, end: int) -> Token | None:
    span: Span | None = parsed.char_span(max(0, start), min(len(parsed.text), end), alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _same(a: ActorMention, b: ActorMention) -> bool:
    """The same words of the text (a generic word may have been resolved to a named group)."""
    return (a.start, a.end) == (b.start, b.end)


def clause_verb(parsed: Doc, start: int, end: int) -> Token | None:
    """The verb whose clause the words at ``start:end`` (sentence offsets) belong to."""
    token = _root(parsed, start, end)
    while token is not None and token.pos_ not in ("VERB", "AUX"):
        if token.head == token:
            return None
        token = token.head
    return token


def same_clause(parsed: Doc, words: tuple[int, int], action: tuple[int, int]) -> bool:
    """Whether ``words`` belong to the clause of the action word (or of the verb that carries an
    action noun: "launched an attack"). Sentence offsets; without a verb for either, yes."""
    verb = clause_verb(parsed, *words)
    head = _root(parsed, *action)
    if verb is None or head is None:
        return True
    carriers = {head, head.head}
    while head.pos_ not in ("VERB", "AUX") and head.head != head:
        head = head.head
        carriers.add(head)
    return verb in carriers
