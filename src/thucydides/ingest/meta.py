"""Report metadata: the ``Metadata`` record, its precedence, and ``NAME.meta.json`` sidecars.

Metadata comes in layers, most trusted first: options given by the user
(command line), the sidecar file beside the report (or the fields of a JSON
Lines record), then what the HTML page itself says. ``merge`` keeps, for each
field, the first layer that has a value. Keys of a sidecar that Thucydides does
not know (scrapers add "author", "dataset", "label"...) are kept as ``extra``
metadata, stored with the document, and named once in a warning.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path

from thucydides.errors import IngestError

SIDECAR_SUFFIX = ".meta.json"
KEYS = ("source", "published", "url", "language", "title")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about a report besides its text; every field is optional."""

    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
    title: str | None = None
    extra: tuple[tuple[str, str], ...] = ()  # unknown keys and the JSON text of their values


NO_METADATA = Metadata()
_FIELDS = tuple(spec.name for spec in fields(Metadata) if spec.name != "extra")


def merge(*layers: Metadata) -> Metadata:
    """One record from several, most trusted first: each field (and each extra key) comes from the
    first layer that has it."""
    merged = NO_METADATA
    extra: dict[str, str] = {}
    for layer in reversed(layers):
        merged = replace(
            merged, **{name: value for name in _FIELDS if (value := getattr(layer, name)) is not None}
        )
        extra.update(layer.extra)
    return replace(merged, extra=tuple(sorted(extra.items())))


def unknown_keys_warning(where: str, extra: tuple[tuple[str, str], ...]) -> str:
    """The one warning for a sidecar's unknown keys, with the known key each may be a typo of."""
    named = []
    for key, _ in extra:
        close = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.75)
        named.append(f"{key!r} (did you mean {close[0]!r}?)" if close else repr(key))
    return (
        f"{where} has key(s) Thucydides does not read: {', '.join(named)}; kept as extra metadata. "
        f"Metadata it reads: {', '.join(KEYS)}; rename a key that was meant as one of them."
    )


def parse_published(value: str) -> dt.date:
    """``YYYY-MM-DD`` or an ISO 8601 date-time (``2016-12-08T14:05:00Z``) -> its date.

    The date is the one written, in the writer's time zone (no conversion to UTC):
    that is the day the report's "today" and "yesterday" refer to. Raises
    ``ValueError`` with the reason when ``value`` is neither.
    """
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(f"{value!r} is not a date; write it as YYYY-MM-DD or an ISO date-time") from None


def metadata_from_mapping(data: Mapping[str, object], *, where: str) -> Metadata:
    """Metadata from the known keys of a JSON object; ``where`` names it in error messages.

    Values must be strings or null; other keys are ignored here (callers decide whether to
    allow them). Raises ``IngestError`` naming the key and the fix.
    """
    strings: dict[str, str] = {}
    for key in KEYS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise IngestError(
                f'{where}: "{key}" must be a string, not {type(value).__name__} ({value!r}). '
                f'Write it as a JSON string, e.g. "{key}": "...".'
            )
        if value.strip():
            strings[key] = value.strip()
    published = None
    if "published" in strings:
        try:
            published = parse_published(strings["published"])
        except ValueError:
            raise IngestError(
                f'{where}: "published" is {strings["published"]!r}, not a date. '
                'Write it as YYYY-MM-DD (e.g. "2016-12-08") or an ISO date-time.'
            ) from None
    return Metadata(
        source=strings.get("source"),
        url=strings.get("url"),
        published=published,
        language=strings.get("language"),
        title=strings.get("title"),
    )


def sidecar_path(report: Path) -> Path:
    """``NAME.meta.json`` beside ``NAME.txt`` / ``NAME.html`` / ``NAME.jsonl``."""
    return report.with_name(report.stem + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    """Whether ``path`` is a metadata sidecar rather than a report."""
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def read_sidecar(report: Path) -> tuple[Metadata, str | None]:
    """The metadata of the sidecar beside ``report`` and the sidecar's path (None when there is none).

    Raises ``IngestError`` for a sidecar that cannot be read, is not a JSON object or holds
    a bad value; the message names the file and the fix. Unknown keys are kept in
    ``Metadata.extra`` (the caller warns with ``unknown_keys_warning``).
    """
    path = sidecar_path(report)
    if not path.is_file():
        return NO_METADATA, None
    where = str(path)
    fix = f"Fix it (a JSON object with keys {', '.join(KEYS)}) or remove it."
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise IngestError(f"{where}: metadata file is not valid UTF-8 ({error.reason}). {fix}") from None
    except OSError as error:
        raise IngestError(f"{where}: cannot read the metadata file ({error.strerror}). {fix}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise IngestError(
            f"{where}: invalid JSON in metadata file ({error.msg} at line {error.lineno}, "
            f"column {error.colno}). {fix}"
        ) from None
    if not isinstance(data, dict):
        raise IngestError(f"{where}: metadata file holds a JSON {type(data).__name__}, not an object. {fix}")
    extra = tuple(
        (key, json.dumps(data[key], ensure_ascii=False, sort_keys=True))
        for key in sorted(data)
        if key not in KEYS
    )
    return replace(metadata_from_mapping(data, where=where), extra=extra), where
