"""Who acts in a frame (actor1), with whom (associated actors) and upon whom (actor2)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from thucydides.extract.actors import ActorMention
from thucydides.extract.context import DocumentContext
from thucydides.extract.frames import Frame, is_companion, is_object, passive_agent
from thucydides.extract.syntax import SyntacticRoles
from thucydides.model import Document


@dataclass(frozen=True, slots=True)
class Roles:
    """The actors of one frame."""

    actor1: ActorMention | None
    assoc: str | None
    actor2: ActorMention | None
    subject: ActorMention | None  # the grammatical subject, remembered for frames that have none
    explicit: bool


def frame_roles(
    doc: Document,
    frame: Frame,
    context: DocumentContext,
    admin1s: frozenset[str],
    syntax: SyntacticRoles | None = None,
) -> Roles:
    """Who acts (actor1), with whom (assoc) and upon whom (actor2) in a frame.

    The subject is the nearest actor before the action word that is neither coordinated
    with an earlier one ("X and Y", "backed by Y") nor the object of another word ("against
    X", "X's positions"). Passives take the agent after "by"; "repelled X's attack" makes
    the attacker actor1; a frame with no subject takes the last subject of the document.
    """
    text = doc.text

    def resolve(actor: ActorMention) -> ActorMention:
        return context.resolve(actor, frame.sentence, admin1s)

    before = [resolve(a) for a in frame.actors_before if a.is_armed or a.kind == "civilian"]
    after = [resolve(a) for a in frame.actors_after if a.is_armed or a.kind == "civilian"]
    companions: list[ActorMention] = []
    subject: ActorMention | None = None
    for position in range(len(before) - 1, -1, -1):
        actor = before[position]
        previous = before[position - 1] if position else None
        if is_companion(actor, previous, text, frame.start):
            companions.append(actor)
        elif not is_object(actor, text, frame.start):
            subject = actor
            break
    companions += [
        a for i, a in enumerate(after) if is_companion(a, after[i - 1] if i else None, text, frame.start)
    ]
    objects = [a for a in after if a not in companions]
    agent = passive_agent(frame, text)
    inherited = context.last_subject
    actor1: ActorMention | None
    actor2: ActorMention | None
    if agent is not None:
        actor1, actor2 = resolve(agent), subject
        objects = [a for a in objects if a is not agent]
    elif frame.head.category == "defend":
        # "X repelled Y's attack": Y started the fight and is actor1.
        actor1, actor2 = (objects[0] if objects else None), (subject or inherited)
        objects = objects[1:]
    elif (
        subject is None
        and after
        and re.search(r"\b(?:between|among)\b", text[frame.triggers[-1].end : after[0].start])
    ):
        actor1, actor2 = after[0], next((a for a in after[1:] if a.name != after[0].name), None)
        objects = []
    else:
        actor1, actor2 = subject or inherited, None
    if syntax is not None and syntax.is_patient(actor1):
        # The parse says the side found before the action undergoes it ("19 men were executed",
        # "bombings that targeted a police station"): it is actor2; the agent, if named, acts.
        assert actor1 is not None
        patient = actor1
        agent = next((resolve(a) for a in syntax.agents if a.is_armed), None)
        actor1 = agent or (inherited if inherited is not None and inherited.name != patient.name else None)
        actor2 = patient
    elif syntax is not None and actor1 is None:
        actor1 = next((resolve(a) for a in syntax.agents if a.is_armed), None)
    if actor2 is None:
        actor2 = next((a for a in objects if actor1 is None or a.name != actor1.name), None)
    if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
        actor2 = None
    leader = actor1.name if actor1 else None
    assoc = list(dict.fromkeys(a.name for a in companions[::-1] if a.name != leader and a.is_armed))
    return Roles(
        actor1,
        "; ".join(assoc) or None,
        actor2,
        subject,
        explicit=subject is not None or agent is not None,
    )
