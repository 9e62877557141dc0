"""What kind of input is this? URL, feed, directory, .txt, .html/.htm or .jsonl, each to its reader.

Every input the user names gives at least one ``Document`` or ``Problem``; a
failing input never stops the batch. Metadata precedence, most trusted first:
the options given (``overrides``), then ``NAME.meta.json`` beside the report,
then what an HTML page declares about itself, then what a feed says of its entry.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path

from thucydides.config import Settings
from thucydides.errors import EmptyInputError, IngestError, UnsupportedInputError
from thucydides.ingest.document import Layer, build_document
from thucydides.ingest.feeds import is_feed
from thucydides.ingest.html import read_html_file
from thucydides.ingest.jsonl import read_jsonl
from thucydides.ingest.meta import NO_METADATA, Metadata, is_sidecar, read_sidecar
from thucydides.ingest.pages import page_document, page_layer, read_feed
from thucydides.ingest.polite import Polite
from thucydides.ingest.problems import attempt, problem
from thucydides.ingest.text import read_text_file
from thucydides.ingest.url import FEED_TYPES, PAGE_TYPES, fetch, is_url
from thucydides.model import Document, Problem

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
_KINDS = ".txt, .html, .htm or .jsonl files, a directory of them, or the http(s) URL of a page or a feed"
OPTIONS_ORIGIN = "the options given"


def read_inputs(
    inputs: Sequence[str], *, settings: Settings, overrides: Metadata = NO_METADATA
) -> Iterator[Document | Problem]:
    """One ``Document`` per report found in ``inputs``, or a ``Problem`` for each one that fails.

    ``inputs`` are paths (files or directories) and http(s) URLs (pages, or feeds and
    sitemaps whose every article is read), as the user gave them; ``overrides``
    (command-line options) win over any other metadata. Never raises for a bad input:
    the batch goes on.
    """
    if isinstance(inputs, str):
        raise TypeError(f"read_inputs takes a list of inputs, not one string: use [{inputs!r}]")
    given = Layer(origin=OPTIONS_ORIGIN, metadata=overrides)
    for input in inputs:
        yield from read_one(input, settings=settings, overrides=given)


def read_one(input: str, *, settings: Settings, overrides: Layer) -> Iterator[Document | Problem]:
    """The documents (or problems) of one input as the user named it."""
    if is_url(input):
        yield from read_url(input, settings=settings, overrides=overrides)
        return
    path = Path(input)
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except (OSError, ValueError) as error:  # a name too long, a NUL character...
        yield problem(input, IngestError(f"{input}: not a usable path ({error}). Check the path."))
        return
    if is_dir:
        yield from read_directory(input, settings=settings, overrides=overrides)
    elif exists:
        yield from read_file(input, settings=settings, overrides=overrides)
    else:
        yield problem(
            input,
            IngestError(
                f"{input}: no such file or directory. Check the path, "
                "or give a URL starting with http:// or https://."
            ),
        )


def read_directory(input: str, *, settings: Settings, overrides: Layer) -> Iterator[Document | Problem]:
    """Every report file under a directory, recursively, in a stable (sorted) order."""
    found = False
    for file in report_files(input):
        found = True
        yield from read_file(file, settings=settings, overrides=overrides)
    if not found:
        yield problem(
            input,
            EmptyInputError(
                f"{input}: the directory holds no .txt, .html, .htm or .jsonl files. Check the path."
            ),
        )


def report_files(directory: str) -> list[str]:
    """Paths of the report files under ``directory``, recursively, sorted component by component.

    Paths start with ``directory`` as given. Hidden files and directories (".git")
    and ``*.meta.json`` sidecars are skipped; symbolic links to directories are not
    followed.
    """
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            path = Path(root, name)
            if name.startswith(".") or is_sidecar(path) or path.suffix.lower() not in SUFFIXES:
                continue
            found.append((path.relative_to(directory).parts, os.path.join(root, name)))
    return [file for _, file in sorted(found)]


def read_file(input: str, *, settings: Settings, overrides: Layer) -> Iterator[Document | Problem]:
    """The document(s) of one file, by its suffix."""
    path = Path(input)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, input=input, settings=settings, overrides=overrides)
    elif suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
        yield attempt(
            input, partial(read_report_file, path, input=input, settings=settings, overrides=overrides)
        )
    elif is_sidecar(path):
        yield problem(
            input,
            UnsupportedInputError(
                f"{input}: this is a metadata file, not a report. Pass the report beside it "
                "(NAME.txt or NAME.html); its metadata is read from NAME.meta.json."
            ),
        )
    else:
        shown = f"'{suffix}'" if suffix else "without a suffix"
        yield problem(
            input,
            UnsupportedInputError(
                f"{input}: cannot read a file {shown}. Give {_KINDS} (a plain text "
                "report can be renamed to .txt)."
            ),
        )


def read_report_file(path: Path, *, input: str, settings: Settings, overrides: Layer) -> Document:
    """A ``.txt`` or ``.html`` report, with the metadata of its ``NAME.meta.json`` if there is one."""
    sidecar, origin = read_sidecar(path)
    layers = [overrides, Layer(origin=origin or "", metadata=sidecar)]
    if path.suffix.lower() in HTML_SUFFIXES:
        page = read_html_file(
            path, input=input, max_bytes=settings.max_input_bytes, min_chars=settings.min_text_chars
        )
        text = page.text
        layers.append(page_layer(page))
    else:
        text = read_text_file(path, input=input, max_bytes=settings.max_input_bytes)
    return build_document(text, input=input, layers=layers, settings=settings)


def read_url(input: str, *, settings: Settings, overrides: Layer) -> Iterator[Document | Problem]:
    """The report at an http(s) URL (an HTML page or plain text), or, when the URL is a feed or a
    sitemap, each article it lists, fetched politely (``polite.Polite``)."""
    try:
        fetched = fetch(
            input,
            timeout_s=settings.url_timeout_s,
            max_bytes=settings.max_input_bytes,
            accept=PAGE_TYPES | FEED_TYPES,
        )
    except Exception as error:  # one bad input never stops a batch
        yield problem(input, error)
        return
    if is_feed(fetched.content_type, fetched.body):
        polite = Polite(settings)
        yield from read_feed(fetched, input=input, fetch=polite.fetch, settings=settings, before=(overrides,))
        return
    yield attempt(input, partial(page_document, fetched, input=input, settings=settings, before=(overrides,)))
