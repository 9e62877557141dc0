"""One error hierarchy for Thucydides. Every message names the cause and the fix.

ThucydidesError
├── ConfigError        a setting is missing or invalid
├── IngestError        an input could not be read or turned into a document
│   ├── EmptyInputError
│   ├── UnsupportedInputError
│   ├── FetchError     a URL could not be fetched
│   │   └── DisallowedError  the site's robots.txt asks crawlers not to fetch it
│   └── FeedError      a feed or sitemap could not be read (malformed, not a feed)
├── NlpError           the language model could not be loaded or run
├── GazetteerError     the gazetteer is missing, corrupt or cannot be built
├── ResourceError      a shipped model or table is missing or unreadable
├── StoreError         the database could not be opened, migrated or written
├── ExportError        events could not be exported (format, output file)
├── PipelineError      a stage failed, or a pipeline is wired wrongly
└── EvaluationError    gold or prediction files are unusable
"""

from __future__ import annotations


class ThucydidesError(Exception):
    """Base of every error this package raises on purpose."""


class ConfigError(ThucydidesError):
    """A setting is missing or invalid."""


class IngestError(ThucydidesError):
    """An input could not be read or turned into a document."""


class EmptyInputError(IngestError):
    """An input holds no text to extract events from."""


class UnsupportedInputError(IngestError):
    """An input is of a kind Thucydides cannot read (binary, wrong language, too large...)."""


class FetchError(IngestError):
    """A URL could not be fetched; ``status`` is the HTTP status when the server answered one."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class DisallowedError(FetchError):
    """The site's robots.txt asks crawlers like Thucydides not to fetch this address."""


class FeedError(IngestError):
    """A feed or sitemap could not be read: malformed, not a feed, or a sitemap index."""


class NlpError(ThucydidesError):
    """The language model could not be loaded or run."""


class GazetteerError(ThucydidesError):
    """The gazetteer is missing, corrupt or cannot be built."""


class ResourceError(ThucydidesError):
    """A model or table shipped with Thucydides is missing or unreadable."""


class StoreError(ThucydidesError):
    """The database could not be opened, migrated or written."""


class ExportError(ThucydidesError):
    """Events could not be exported (unknown format, missing or unwritable output)."""


class PipelineError(ThucydidesError):
    """A stage failed on a document, or a pipeline is wired wrongly."""


class EvaluationError(ThucydidesError):
    """Gold or prediction files are unusable."""
