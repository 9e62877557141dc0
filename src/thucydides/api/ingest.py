"""One report posted to the API, read and stored through the ingest path every command uses.

The body gives the report as text, as HTML or as a URL, with its metadata; it is read by the
ingest readers (``build_document``, ``extract_html``, ``read_url``: the same checks as a file or a
URL named on the command line) and stored and fused by ``jobs.Ingestion``. The language model and
gazetteer are loaded at the first post and kept; posts are stored one at a time (SQLite has one
writer), while reads go on.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from thucydides.config import Settings
from thucydides.ingest.document import Layer, build_document
from thucydides.ingest.html import extract_html
from thucydides.ingest.meta import Metadata
from thucydides.ingest.pages import page_layer
from thucydides.ingest.problems import attempt
from thucydides.ingest.sources import read_url
from thucydides.ingest.url import is_url
from thucydides.jobs import Added, Ingestion
from thucydides.model import Document, Event, Problem
from thucydides.store import EventFilter, Store

if TYPE_CHECKING:
    from thucydides.build import Resources

REQUEST_ORIGIN = "the request"


class NewReport(BaseModel):
    """A report to ingest: exactly one of ``text``, ``html`` or ``url``, and what is known of it."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="The report's plain text.")
    html: str | None = Field(None, description="The report's HTML page; its article text is extracted.")
    url: str | None = Field(None, max_length=2000, description="An http(s) address the server fetches.")
    source: str | None = Field(None, max_length=200, description="The outlet, e.g. 'Fars News Agency'.")
    published: dt.date | None = Field(None, description="Publication date, YYYY-MM-DD.")
    title: str | None = Field(None, max_length=500)
    source_url: str | None = Field(
        None, max_length=2000, description="Where a text or HTML report was published."
    )

    @model_validator(mode="after")
    def one_report(self) -> Self:
        given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of text, html or url (given: {', '.join(given) or 'none'})")
        if self.url is not None and not is_url(self.url):
            raise ValueError("url must be an http:// or https:// address")
        return self

    def metadata(self) -> Metadata:
        return Metadata(source=self.source, url=self.source_url, published=self.published, title=self.title)


@dataclass(frozen=True, slots=True)
class Ingested:
    """What became of a posted report: one outcome per document read, with the events stored."""

    outcomes: list[Added]
    events: list[Event]
    problems: list[Problem]  # refusals and warnings (an undated report, unknown metadata keys)


class ReportIngester:
    """Reads, extracts and stores posted reports; the resources are loaded at the first one."""

    def __init__(self, settings: Settings, resources: Callable[[], Resources] | None = None) -> None:
        self.settings = settings
        self._load = resources
        self._resources: Resources | None = None
        self._lock = threading.Lock()

    def __call__(self, store: Store, report: NewReport) -> Ingested:
        with self._lock:
            run = Ingestion(store=store, settings=self.settings, resources=self._resources_once)
            outcomes = [run.add(item) for item in self._read(report)]
            summary = run.finish()
        events = [
            event
            for outcome in outcomes
            if outcome.status == "new" and outcome.document_id is not None
            for event in store.events(EventFilter(document_id=outcome.document_id))
        ]
        return Ingested(outcomes, events, [*summary.problems, *summary.warnings])

    def _resources_once(self) -> Resources:
        if self._resources is None:
            if self._load is not None:
                self._resources = self._load()
            else:
                from thucydides.build import Resources  # spaCy: imported only when a report comes

                self._resources = Resources.load(self.settings)
        return self._resources

    def _read(self, report: NewReport) -> list[Document | Problem]:
        given = Layer(origin=REQUEST_ORIGIN, metadata=report.metadata())
        settings = self.settings
        if report.url is not None:
            return list(read_url(report.url, settings=settings, overrides=given))
        input = report.source_url or "POST /documents"
        if report.html is not None:
            html = report.html

            def from_html() -> Document:
                page = extract_html(
                    html, input=input, url=report.source_url, min_chars=settings.min_text_chars
                )
                return build_document(
                    page.text, input=input, layers=[given, page_layer(page)], settings=settings
                )

            return [attempt(input, from_html)]
        text = report.text or ""
        return [attempt(input, lambda: build_document(text, input=input, layers=[given], settings=settings))]
