"""JSON Lines corpora: one report per line, ``{"text" or "html", "url", "source", "published", ...}``.

Each line becomes one ``Document`` (input ``FILE#LINE``, lines counted from 1)
or one ``Problem``; a bad line never stops the rest of the file. The file is
read line by line, so a corpus may be larger than ``settings.max_input_bytes``;
the cap applies to each line. Keys other than the report's text and metadata
(an "id", an "author"...) are ignored. A file none of whose records holds a
report (a gold file beside the reports) is one problem, not one per line. A ``NAME.meta.json`` beside
``NAME.jsonl`` gives defaults for every line; each line's own keys win over it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import BinaryIO

from thucydides.config import Settings
from thucydides.errors import EmptyInputError, IngestError, UnsupportedInputError
from thucydides.ingest.document import Layer, build_document
from thucydides.ingest.html import extract_html
from thucydides.ingest.meta import metadata_from_mapping, read_sidecar
from thucydides.ingest.problems import attempt, problem
from thucydides.ingest.text import check_not_binary, decode_utf8, too_large
from thucydides.model import Document, Problem

_SNIFF_BYTES = 8192
_EXAMPLE = '{"text": "...", "url": "https://...", "source": "...", "published": "2016-12-08"}'


def read_jsonl(
    path: Path, *, input: str, settings: Settings, overrides: Layer
) -> Iterator[Document | Problem]:
    """One ``Document`` or ``Problem`` per non-blank line of a ``.jsonl`` file."""
    try:
        sidecar, sidecar_origin = read_sidecar(path)
        handle = open(path, "rb")  # noqa: SIM115 - closed by the with below, after the checks
    except IngestError as error:
        yield problem(input, error)
        return
    except OSError as error:
        yield problem(
            input,
            IngestError(
                f"{input}: cannot read the file ({error.strerror or error}). "
                "Check that it exists and that you may read it."
            ),
        )
        return
    layers = (overrides, Layer(origin=sidecar_origin or "", metadata=sidecar))
    with handle:
        try:
            check_not_binary(handle.read(_SNIFF_BYTES), input=input, utf8_expected=False)
        except IngestError as error:
            yield problem(input, error)
            return
        handle.seek(0)
        found_any = False
        reports = 0  # lines that hold a report's text or html, read or not
        not_reports: list[Problem] = []  # lines that hold JSON objects of another kind, held back
        keys_seen: list[str] = []
        warned = False
        for number, start, raw in _lines(handle, input=input, max_bytes=settings.max_input_bytes):
            line_input = f"{input}#{number}"
            if isinstance(raw, IngestError):
                yield problem(line_input, raw)
                continue
            if not raw.strip():
                continue
            found_any = True
            item = attempt(
                line_input,
                partial(
                    _document,
                    raw,
                    input=line_input,
                    offset=start,
                    layers=layers,
                    settings=settings,
                    warn_extra=not warned,
                ),
            )
            keys = _keys_without_body(raw) if isinstance(item, Problem) else None
            if keys is not None and not reports and isinstance(item, Problem):
                # Not a report: one problem for the whole file if no line is one (a gold file).
                not_reports.append(item)
                keys_seen = keys_seen or keys
                continue
            if keys is None:
                reports += 1
                yield from not_reports
                not_reports.clear()
            warned = warned or (isinstance(item, Document) and bool(item.warnings))
            yield item
    if not_reports:
        yield problem(
            input,
            UnsupportedInputError(
                f'{input}: none of its {len(not_reports)} records is a report: they have no "text" or '
                f'"html" (their keys: {", ".join(keys_seen[:8])}). If it holds other records (gold '
                "events, annotations), move it out of the folder of reports; a corpus of reports has one "
                f"JSON object per line, e.g. {_EXAMPLE}"
            ),
        )
    elif not found_any:
        yield problem(
            input,
            EmptyInputError(
                f"{input}: the JSON Lines file holds no records. Write one JSON object per line: {_EXAMPLE}"
            ),
        )


def _keys_without_body(raw: bytes) -> list[str] | None:
    """The keys of a line that holds a JSON object with neither "text" nor "html" (None otherwise)."""
    try:
        record = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(record, dict) or "text" in record or "html" in record:
        return None
    return [str(key) for key in record]


def _lines(handle: BinaryIO, *, input: str, max_bytes: int) -> Iterator[tuple[int, int, bytes | IngestError]]:
    """(line number, byte offset, bytes) for each line; an over-long line is skipped unread."""
    offset = 0
    number = 0
    while raw := handle.readline(max_bytes + 1):
        number += 1
        start = offset
        offset += len(raw)
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            size = len(raw) + _skip_rest_of_line(handle)
            offset = start + size
            yield number, start, too_large(f"{input}#{number}", size=size, max_bytes=max_bytes)
            continue
        yield number, start, raw


def _skip_rest_of_line(handle: BinaryIO) -> int:
    """Read past the end of the current line in small pieces; the number of bytes skipped."""
    skipped = 0
    while chunk := handle.readline(1 << 16):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _document(
    raw: bytes, *, input: str, offset: int, layers: tuple[Layer, Layer], settings: Settings, warn_extra: bool
) -> Document:
    line = decode_utf8(raw, input=input, base_offset=offset)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise IngestError(
            f"{input}: invalid JSON ({error.msg} at column {error.colno}). "
            f"Write each line as one JSON object, e.g. {_EXAMPLE}"
        ) from None
    if not isinstance(record, dict):
        raise IngestError(
            f"{input}: the line holds a JSON {type(record).__name__}, not an object. "
            f"Write each line as one JSON object, e.g. {_EXAMPLE}"
        )
    bodies = {key: record[key] for key in ("text", "html") if record.get(key) is not None}
    if len(bodies) != 1 or not all(isinstance(value, str) for value in bodies.values()):
        shown = " and ".join(f'"{key}"' for key in bodies) or "neither"
        raise IngestError(
            f'{input}: the record has {shown}; it needs exactly one of "text" or "html", as a string. '
            f"Write each line as e.g. {_EXAMPLE}"
        )
    overrides, sidecar = layers
    own = Layer(origin=f"{input} (the JSONL record)", metadata=metadata_from_mapping(record, where=input))
    if "html" in bodies:
        page = extract_html(
            str(bodies["html"]), input=input, url=own.metadata.url, min_chars=settings.min_text_chars
        )
        text = page.text
        found: tuple[Layer, ...] = (
            Layer(origin="the page", metadata=page.metadata, declares_language=False),
        )
    else:
        text = str(bodies["text"])
        found = ()
    _check_encodable(text, input=input)
    return build_document(
        text, input=input, layers=(overrides, own, sidecar, *found), settings=settings, warn_extra=warn_extra
    )


def _check_encodable(text: str, *, input: str) -> None:
    """JSON escapes can spell lone surrogates ("\\ud800"), which are not text."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise IngestError(
            f"{input}: the text holds an unpaired surrogate escape at character {error.start:,}. "
            "Fix the JSON \\u escapes of that record (each surrogate needs its pair)."
        ) from None
