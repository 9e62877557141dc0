from __future__ import annotations

import dataclasses

import pytest

from thucydides.cli.common import LONG_REPORT_CHARS, LongReportProgress
from thucydides.errors import PipelineError, ThucydidesError
from thucydides.model import Document
from thucydides.pipeline import Pipeline


class Upper:
    name = "upper"
    requires = ("text",)
    assigns = ("title",)

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, title=doc.text.upper())


class NeedsEvents:
    name = "needs-events"
    requires = ("events",)
    assigns = ()

    def __call__(self, doc: Document) -> Document:
        return doc


class Fails:
    name = "fails"
    requires = ("title",)
    assigns = ()

    def __init__(self, error: Exception) -> None:
        self.error = error

    def __call__(self, doc: Document) -> Document:
        if "bad" in doc.text:
            raise self.error
        return doc


def doc(text: str) -> Document:
    return Document.from_text(text, input=f"{text}.txt")


def test_a_stage_whose_needs_no_earlier_stage_assigns_is_refused_before_running() -> None:
    with pytest.raises(PipelineError, match="requires events"):
        Pipeline([Upper(), NeedsEvents()])


def test_a_failing_document_becomes_a_problem_and_the_batch_goes_on() -> None:
    pipeline = Pipeline([Upper(), Fails(ThucydidesError("cannot read the table. Fix the table."))])
    outcomes = list(pipeline.run([doc("good one"), doc("bad one"), doc("good two")]))
    assert [o.document.title if o.document else None for o in outcomes] == ["GOOD ONE", None, "GOOD TWO"]
    problem = outcomes[1].problem
    assert problem is not None
    assert (problem.input, problem.stage, problem.kind) == ("bad one.txt", "fails", "ThucydidesError")
    assert problem.message == "cannot read the table. Fix the table."


def test_an_unexpected_error_is_recorded_as_a_bug() -> None:
    pipeline = Pipeline([Upper(), Fails(KeyError("x"))])
    (outcome,) = pipeline.run([doc("bad")])
    assert outcome.problem is not None and "bug in Thucydides" in outcome.problem.message


def test_describe_lists_stages_in_order() -> None:
    assert Pipeline([Upper()]).describe() == [("upper", ("text",), ("title",))]


def test_the_stage_hook_is_told_of_each_stage_before_it_runs() -> None:
    told: list[tuple[str, str | None, int]] = []
    pipeline = Pipeline([Upper(), Fails(ThucydidesError("no. Fix it."))])
    pipeline.run_one(doc("good"), on_stage=lambda d, s, position: told.append((s.name, d.title, position)))
    assert told == [("upper", None, 0), ("fails", "GOOD", 1)]


def test_a_long_report_says_each_stage_on_stderr_and_a_short_one_nothing() -> None:
    lines: list[str] = []
    progress = LongReportProgress(2, echo=lines.append)
    pipeline = Pipeline([Upper(), Fails(ThucydidesError("no. Fix it."))])
    pipeline.run_one(doc("short report"), on_stage=progress)
    assert lines == []
    pipeline.run_one(doc("x" * LONG_REPORT_CHARS), on_stage=progress)
    assert [line.split(", ")[1] for line in lines] == ["upper (stage 1 of 2)", "fails (stage 2 of 2)"]
    assert lines[0].startswith(f"{'x' * LONG_REPORT_CHARS}.txt: 0.1 million characters, upper")
    assert lines[1].endswith(" s so far")
