"""Stage: the sub-event type model's reading of every sentence (``Document.sentence_types``)."""

from __future__ import annotations

import dataclasses

from thucydides.learn.subevent import SubEventModel
from thucydides.model import Document, SentenceType


class SentenceTyper:
    """Adds ``sentence_types``: one ``SentenceType`` per sentence, from ``SubEventModel``."""

    name = "subevents"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("sentence_types",)

    def __init__(self, model: SubEventModel) -> None:
        self.model = model

    def __call__(self, doc: Document) -> Document:
        guesses = self.model.guess([sentence.text for sentence in doc.sentences])
        types = tuple(
            SentenceType(sentence.index, guess.label, round(guess.margin, 4), guess.runner_up)
            for sentence, guess in zip(doc.sentences, guesses, strict=True)
        )
        return dataclasses.replace(doc, sentence_types=types)
