"""The library behind the commands: read inputs, run the pipeline, store or yield what came out."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from thucydides.build import Resources, build_pipeline, versions
from thucydides.config import Settings
from thucydides.fuse.run import FuseSummary, fuse
from thucydides.ingest import Metadata, read_inputs
from thucydides.ingest.meta import NO_METADATA
from thucydides.model import Document, Problem
from thucydides.pipeline import Outcome, Pipeline, StageHook
from thucydides.store import Store


def process(
    inputs: Sequence[str],
    *,
    settings: Settings,
    pipeline: Pipeline,
    overrides: Metadata = NO_METADATA,
    on_stage: StageHook | None = None,
) -> Iterator[Outcome]:
    """Each input read and run through ``pipeline``; failures come back as problems, in order.
    ``on_stage`` is told of each stage as it starts (``Pipeline.run_one``)."""
    for item in read_inputs(inputs, settings=settings, overrides=overrides):
        if isinstance(item, Problem):
            yield Outcome(document=None, problem=item)
        else:
            yield pipeline.run_one(item, on_stage=on_stage)


@dataclass
class IngestSummary:
    """What an ingest run did."""

    run_id: str
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    events: int = 0
    problems: list[Problem] = field(default_factory=list)
    fused: FuseSummary | None = None

    def as_record(self) -> dict[str, object]:
        record: dict[str, object] = {
            "new": self.new,
            "duplicate": self.duplicate,
            "failed": self.failed,
            "events": self.events,
        }
        if self.fused is not None:
            record["incidents"] = self.fused.incidents
        return record


def ingest(
    inputs: Sequence[str],
    *,
    store: Store,
    settings: Settings,
    resources: Resources,
    overrides: Metadata = NO_METADATA,
    on_document: Callable[[Document | Problem], None] = lambda _: None,
    fuse_after: bool = True,
    on_stage: StageHook | None = None,
) -> IngestSummary:
    """Read, extract and store every report in ``inputs``; a report already stored is skipped.
    With ``fuse_after`` the new records are then fused into incidents (``fuse.run.fuse``);
    ``on_stage`` is told of each stage as it starts on a report (``Pipeline.run_one``)."""
    pipeline = build_pipeline(settings, resources)
    summary = IngestSummary(run_id=store.start_run(settings.as_record(), versions(resources)))
    for item in read_inputs(inputs, settings=settings, overrides=overrides):
        on_document(item)
        if isinstance(item, Problem):
            _failed(store, summary, item)
            continue
        if store.has_document(item.id):
            summary.duplicate += 1
            continue
        outcome = pipeline.run_one(item, on_stage=on_stage)
        if outcome.problem is not None:
            _failed(store, summary, outcome.problem)
            continue
        assert outcome.document is not None
        if store.add_document(outcome.document, summary.run_id):
            summary.new += 1
            summary.events += len(outcome.document.events)
        else:
            summary.duplicate += 1
    if fuse_after and summary.new:
        summary.fused = fuse(store)
    store.finish_run(summary.run_id, summary.as_record())
    return summary


def _failed(store: Store, summary: IngestSummary, problem: Problem) -> None:
    summary.failed += 1
    summary.problems.append(problem)
    store.add_problem(problem, summary.run_id)
