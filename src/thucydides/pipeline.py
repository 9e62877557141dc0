"""Builds and runs the stages over documents; a failing document becomes a Problem, the batch goes on.

A stage is any object with ``name``, ``requires``, ``assigns`` (names of
``Document`` fields) and ``__call__(doc) -> doc``. ``Pipeline`` checks at
construction that every field a stage requires is assigned by an earlier stage
(or is part of every document: its text and metadata), as spaCy's
``analyze_pipes`` does.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from thucydides.errors import PipelineError, ThucydidesError
from thucydides.model import Document, Problem

log = logging.getLogger(__name__)

# Fields every document has from ingest on.
BASE_FIELDS = frozenset({"id", "text", "input", "source", "url", "published", "language", "title"})


@runtime_checkable
class Stage(Protocol):
    """One step of the corridor: takes a document, returns it with its own part added."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


@dataclass(frozen=True, slots=True)
class Outcome:
    """What running the pipeline on one document gave: the document, or the problem."""

    document: Document | None
    problem: Problem | None


ErrorHandler = Callable[[Document, Stage, Exception], Problem]
# Told before each stage runs on a document: the document, the stage and its position (from 0).
StageHook = Callable[[Document, Stage, int], None]


def record_problem(doc: Document, stage: Stage, error: Exception) -> Problem:
    """Default error handler: a known error keeps its message; an unexpected one is logged in full."""
    if isinstance(error, ThucydidesError):
        message = str(error)
    else:
        log.exception("stage %s failed on %s", stage.name, doc.input)
        message = f"{type(error).__name__}: {error}. This is a bug in Thucydides; please report it."
    return Problem(
        input=doc.input, stage=stage.name, kind=type(error).__name__, message=message, document_id=doc.id
    )


class Pipeline:
    """An ordered, checked list of stages."""

    def __init__(self, stages: Sequence[Stage], *, on_error: ErrorHandler = record_problem) -> None:
        self.stages = tuple(stages)
        self.on_error = on_error
        self._check()

    def _check(self) -> None:
        available = set(BASE_FIELDS)
        for stage in self.stages:
            missing = [name for name in stage.requires if name not in available]
            if missing:
                raise PipelineError(
                    f"Stage '{stage.name}' requires {', '.join(missing)}, which no earlier stage assigns. "
                    "Add the stage that assigns it before this one."
                )
            available.update(stage.assigns)

    def describe(self) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
        """(name, requires, assigns) of each stage, in order."""
        return [(stage.name, stage.requires, stage.assigns) for stage in self.stages]

    def run_one(self, doc: Document, *, on_stage: StageHook | None = None) -> Outcome:
        """Run every stage on one document; stop at the first failing stage.

        ``on_stage`` is called before each stage (a progress display for a long report)."""
        for position, stage in enumerate(self.stages):
            if on_stage is not None:
                on_stage(doc, stage, position)
            try:
                doc = stage(doc)
            except Exception as error:  # one bad report never stops a batch
                return Outcome(document=None, problem=self.on_error(doc, stage, error))
        return Outcome(document=doc, problem=None)

    def run(self, docs: Iterable[Document]) -> Iterator[Outcome]:
        """Run over a batch, one outcome per document, in order."""
        for doc in docs:
            yield self.run_one(doc)
