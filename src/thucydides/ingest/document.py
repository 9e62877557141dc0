"""From clean text and layers of metadata to a checked ``Document``.

Every reader ends here, so every kind of input gets the same checks, in order:
not empty, long enough, English; then the metadata layers are merged (most
trusted first) and the document's id is the hash of its text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from thucydides.config import Settings
from thucydides.errors import EmptyInputError
from thucydides.ingest.language import check_english
from thucydides.ingest.meta import Metadata, merge, unknown_keys_warning
from thucydides.ingest.text import check_not_empty
from thucydides.model import Document, Problem

UNKNOWN_KEYS = "UnknownMetadataKeys"  # the kind of the warning for a sidecar's unknown keys


@dataclass(frozen=True, slots=True)
class Layer:
    """One source of metadata and where it came from ("the options given", "a.meta.json")."""

    origin: str
    metadata: Metadata
    declares_language: bool = True  # False for what a page says of itself (often wrong)


def build_document(
    text: str, *, input: str, layers: Sequence[Layer], settings: Settings, warn_extra: bool = True
) -> Document:
    """A ``Document`` for ``text`` if it passes the checks; raises the ``IngestError`` that says why not.

    ``layers`` are ordered most trusted first. An English document always has
    language "en". Unknown metadata keys are kept in ``extra``, with one warning
    naming the layers they came from (unless ``warn_extra`` is False: already said).
    """
    check_not_empty(text, input=input)
    length = len(text.strip())
    if length < settings.min_text_chars:
        raise EmptyInputError(
            f"{input}: only {length} character{'' if length == 1 else 's'} of text, "
            f"fewer than {settings.min_text_chars} "
            "(settings.min_text_chars). Give the full report, not a headline or a fragment."
        )
    declaring = next((layer for layer in layers if layer.declares_language and layer.metadata.language), None)
    check_english(
        text,
        input=input,
        declared=declaring.metadata.language if declaring else None,
        declared_in=declaring.origin if declaring else "",
    )
    metadata = merge(*(layer.metadata for layer in layers))
    warnings = tuple(
        Problem(
            input=input,
            stage="ingest",
            kind=UNKNOWN_KEYS,
            message=unknown_keys_warning(layer.origin, layer.metadata.extra),
        )
        for layer in layers
        if layer.metadata.extra and warn_extra
    )
    return Document.from_text(
        text,
        input=input,
        source=metadata.source,
        url=metadata.url,
        published=metadata.published,
        language="en",
        title=metadata.title,
        extra=metadata.extra,
        warnings=warnings,
    )
