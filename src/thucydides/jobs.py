"""The library behind the commands: read inputs, run the pipeline, store or yield what came out."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from thucydides.config import Settings
from thucydides.fuse.run import FuseSummary, fuse
from thucydides.ingest import Metadata, read_inputs
from thucydides.ingest.meta import NO_METADATA
from thucydides.model import Document, Problem
from thucydides.pipeline import Outcome, Pipeline, StageHook
from thucydides.store import Store
from thucydides.versions import static_versions

if TYPE_CHECKING:
    from thucydides.build import Resources

# ``thucydides.build`` (spaCy, scikit-learn: ~1.5 s to import) is imported when a report needs
# extracting, so that an ingest of refused or known input starts and ends fast.


def process(
    inputs: Sequence[str],
    *,
    settings: Settings,
    pipeline: Pipeline | Callable[[], Pipeline],
    overrides: Metadata = NO_METADATA,
    on_stage: StageHook | None = None,
) -> Iterator[Outcome]:
    """Each input read and run through ``pipeline``; failures come back as problems, in order.

    ``pipeline`` may be a function that builds it: it is called for the first report read, so
    input refused without a model (empty, too short, binary) never loads one. ``on_stage`` is told
    of each stage as it starts (``Pipeline.run_one``)."""
    built = pipeline if isinstance(pipeline, Pipeline) else None
    for item in read_inputs(inputs, settings=settings, overrides=overrides):
        if isinstance(item, Problem):
            yield Outcome(document=None, problem=item)
            continue
        if built is None:
            assert not isinstance(pipeline, Pipeline)
            built = pipeline()
        yield built.run_one(item, on_stage=on_stage)


UNDATED = "UndatedReport"  # the kind of the warning stored for a report that gives no date


@dataclass
class IngestSummary:
    """What an ingest run did."""

    run_id: str
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    events: int = 0
    undated: int = 0  # new documents stored without a date (each has a warning)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    fused: FuseSummary | None = None
    finished: FuseSummary | None = None  # fusion an earlier run left pending, finished first

    def as_record(self) -> dict[str, object]:
        record: dict[str, object] = {
            "new": self.new,
            "duplicate": self.duplicate,
            "failed": self.failed,
            "events": self.events,
            "undated": self.undated,
        }
        if self.finished is not None:
            record["finished_pending"] = self.finished.new_records
        if self.fused is not None:
            record["incidents"] = self.fused.incidents
        return record


class _Lazy:
    """The resources, loaded the first time a report needs them (never for refused or known input)."""

    def __init__(self, resources: Resources | Callable[[], Resources]) -> None:
        self._load = resources if callable(resources) else None
        self.value: Resources | None = None if callable(resources) else resources
        self.loaded_late = False

    def get(self) -> Resources:
        if self.value is None:
            assert self._load is not None
            self.value = self._load()
            self.loaded_late = True
        return self.value


@dataclass(frozen=True, slots=True)
class Added:
    """What became of one item handed to an ``Ingestion``: a new document, a duplicate, or a failure."""

    status: Literal["new", "duplicate", "failed"]
    document_id: str | None = None  # the content hash of its clean text, when it was read
    problem: Problem | None = None


class Ingestion:
    """One ingest run, item by item: what ``ingest`` does, for callers that read their own inputs
    (``watch`` reads feeds).

    1. Created: the run is recorded and, with ``fuse_after``, the records an earlier run stored
       but did not fuse (it was killed, or ran with ``--no-fuse``) are fused first.
    2. ``add`` each item read: a problem is recorded, a document already stored is counted as a
       duplicate, a new one is extracted and stored with its records (unfused) in one transaction;
       one that gives no date is stored with a warning (``UNDATED``). ``resources`` may be a
       loader: it is called for the first report to extract.
    3. ``finish``: with ``fuse_after`` the new records are fused into incidents (``fuse.run.fuse``),
       and the run's end is recorded.

    ``on_stage`` is told of each stage as it starts on a report (``Pipeline.run_one``).
    """

    def __init__(
        self,
        *,
        store: Store,
        settings: Settings,
        resources: Resources | Callable[[], Resources],
        fuse_after: bool = True,
        on_stage: StageHook | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.fuse_after = fuse_after
        self.on_stage = on_stage
        self._lazy = _Lazy(resources)
        self._pipeline: Pipeline | None = None
        loaded = self._lazy.value
        versions = _versions(loaded) if loaded is not None else static_versions(settings)
        self.summary = IngestSummary(run_id=store.start_run(settings.as_record(), versions))
        if fuse_after and store.pending_fusion():
            self.summary.finished = fuse(store)

    def add(self, item: Document | Problem) -> Added:
        """Store one item read (extracting it when it is a new document) and say what became of it."""
        store, summary = self.store, self.summary
        if isinstance(item, Problem):
            _failed(store, summary, item)
            return Added("failed", problem=item)
        if store.has_document(item.id):
            summary.duplicate += 1
            return Added("duplicate", document_id=item.id)
        if self._pipeline is None:
            from thucydides.build import build_pipeline

            self._pipeline = build_pipeline(self.settings, self._lazy.get())
        outcome = self._pipeline.run_one(item, on_stage=self.on_stage)
        if outcome.problem is not None:
            _failed(store, summary, outcome.problem)
            return Added("failed", document_id=item.id, problem=outcome.problem)
        document = outcome.document
        assert document is not None
        if not store.add_document(document, summary.run_id):
            summary.duplicate += 1
            return Added("duplicate", document_id=document.id)
        summary.new += 1
        summary.events += len(document.events)
        for warning in document.warnings:
            summary.warnings.append(warning)
            store.add_problem(replace(warning, document_id=document.id), summary.run_id)
        if document.reference_date is None:
            _undated(store, summary, document)
        return Added("new", document_id=document.id)

    def finish(self) -> IngestSummary:
        """Fuse the new records (with ``fuse_after``) and record the end of the run."""
        if self.fuse_after and self.summary.new:
            self.summary.fused = fuse(self.store)
        late = _versions(self._lazy.get()) if self._lazy.loaded_late else None
        self.store.finish_run(self.summary.run_id, self.summary.as_record(), versions=late)
        return self.summary


def ingest(
    inputs: Sequence[str],
    *,
    store: Store,
    settings: Settings,
    resources: Resources | Callable[[], Resources],
    overrides: Metadata = NO_METADATA,
    on_document: Callable[[Document | Problem], None] = lambda _: None,
    fuse_after: bool = True,
    on_stage: StageHook | None = None,
) -> IngestSummary:
    """Read, extract and store every report in ``inputs``; a report already stored is skipped.

    The steps are those of ``Ingestion``; ``on_document`` is told of each item as it is read.
    """
    run = Ingestion(
        store=store, settings=settings, resources=resources, fuse_after=fuse_after, on_stage=on_stage
    )
    for item in read_inputs(inputs, settings=settings, overrides=overrides):
        on_document(item)
        run.add(item)
    return run.finish()


def _versions(resources: Resources) -> dict[str, object]:
    from thucydides.build import versions

    return versions(resources)


def _events(count: int) -> str:
    return "its one event" if count == 1 else f"its {count} events"


def _undated(store: Store, summary: IngestSummary, document: Document) -> None:
    summary.undated += 1
    warning = Problem(
        input=document.input,
        stage="dates",
        kind=UNDATED,
        message=(
            f"stored without a date: neither the text nor its metadata says when it was published, "
            f"so {_events(len(document.events))} have no date. Give --published YYYY-MM-DD, or a "
            'NAME.meta.json beside it with "published".'
        ),
        document_id=document.id,
    )
    summary.warnings.append(warning)
    store.add_problem(warning, summary.run_id)


def _failed(store: Store, summary: IngestSummary, problem: Problem) -> None:
    summary.failed += 1
    summary.problems.append(problem)
    store.add_problem(problem, summary.run_id)
