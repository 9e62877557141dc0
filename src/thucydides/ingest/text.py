"""Bytes to text: bounded file reading, binary detection and strict UTF-8 decoding.

The clean text of a ``.txt`` report is its bytes decoded as UTF-8 and nothing
else: no newline translation (``\\r\\n`` stays), no stripping, so every character
offset can be checked against the file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from thucydides.errors import EmptyInputError, IngestError, UnsupportedInputError

# Leading bytes of formats people mistake for reports, named in the error message.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.odt document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "a Microsoft Office document"),
)
_SNIFF_BYTES = 8192
# Share of undecodable bytes above which a file is called binary rather than mis-encoded text.
_BINARY_SHARE = 0.10

TEXT_FIX = "Give a .txt file in UTF-8, an .html page or an http(s) URL."


def read_bounded(path: Path, *, input: str, max_bytes: int) -> bytes:
    """The bytes of ``path``, refusing before reading anything if the file is over ``max_bytes``.

    Raises ``UnsupportedInputError`` for a file that is too large and ``IngestError``
    when the file cannot be read.
    """
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode):
            raise UnsupportedInputError(f"{input}: not a regular file. {TEXT_FIX}")
        size = status.st_size
        if size > max_bytes:
            raise too_large(input, size=size, max_bytes=max_bytes)
        with open(path, "rb") as handle:
            # Read one byte past the cap: the file may have grown since stat.
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise IngestError(
            f"{input}: cannot read the file ({error.strerror or error}). "
            "Check that it exists and that you may read it."
        ) from None
    if len(data) > max_bytes:
        raise too_large(input, size=len(data), max_bytes=max_bytes, at_least=True)
    return data


def too_large(input: str, *, size: int, max_bytes: int, at_least: bool = False) -> UnsupportedInputError:
    """The error for an input over ``settings.max_input_bytes``."""
    more = "more than " if at_least else ""
    return UnsupportedInputError(
        f"{input}: input is {more}{size:,} bytes, over the limit of {max_bytes:,} bytes "
        "(settings.max_input_bytes). A war report is a few kB: check that this is the right file, "
        "split it, or raise the limit with THUCYDIDES_MAX_INPUT_BYTES."
    )


def check_not_binary(data: bytes, *, input: str, utf8_expected: bool = True) -> None:
    """Raise ``UnsupportedInputError`` when ``data`` looks like a binary file, not text.

    With ``utf8_expected`` (plain text), many bytes that are not UTF-8 also mean binary;
    an HTML page may legitimately be in another encoding, so it is only checked for
    NUL bytes and known binary formats.
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise UnsupportedInputError(f"{input}: this is {kind}, not text. {TEXT_FIX}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedInputError(
            f"{input}: UTF-16 text, not UTF-8. Re-encode it, e.g. iconv -f UTF-16 -t UTF-8 "
            f"{input} > fixed.txt."
        )
    if b"\x00" in data:
        raise UnsupportedInputError(f"{input}: binary file (it contains NUL bytes), not text. {TEXT_FIX}")
    if not utf8_expected:
        return
    head = data[:_SNIFF_BYTES]
    bad = len(head.decode("utf-8", errors="replace")) - len(head.decode("utf-8", errors="ignore"))
    if head and bad / len(head) > _BINARY_SHARE:
        raise UnsupportedInputError(
            f"{input}: binary file ({bad} of its first {len(head)} bytes are not text), not text. {TEXT_FIX}"
        )


def decode_utf8(data: bytes, *, input: str, base_offset: int = 0, fix: str | None = None) -> str:
    """``data`` decoded as strict UTF-8; ``IngestError`` says at which byte it fails and how to fix it.

    ``base_offset`` is added to the offset in the message (for a line inside a larger
    file); ``fix`` replaces the default advice (re-encoding the file with iconv).
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = base_offset + error.start
        byte = data[error.start : error.start + 1].hex().upper()
        target = input.split("#", 1)[0]
        fixed = "fixed" + Path(target).suffix
        advice = fix or (
            f"Re-encode it as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8 {target} > {fixed} "
            "(with the file's real encoding in place of WINDOWS-1252)."
        )
        raise IngestError(
            f"{input}: not valid UTF-8 (byte 0x{byte} at byte offset {offset:,}: {error.reason}). {advice}"
        ) from None


def check_not_empty(text: str, *, input: str) -> None:
    """Raise ``EmptyInputError`` when ``text`` is empty or only whitespace."""
    if not text.replace("\ufeff", "").strip():
        what = "empty" if not text else "only whitespace"
        raise EmptyInputError(f"{input}: the input is {what}. Give a report with its text in it.")


def read_text_file(path: Path, *, input: str, max_bytes: int) -> str:
    """The clean text of a ``.txt`` report: its UTF-8 text exactly as stored.

    Raises ``EmptyInputError`` (empty or whitespace only), ``UnsupportedInputError``
    (too large, binary) or ``IngestError`` (unreadable, not UTF-8).
    """
    data = read_bounded(path, input=input, max_bytes=max_bytes)
    if not data:
        check_not_empty("", input=input)
    check_not_binary(data, input=input)
    text = decode_utf8(data, input=input)
    check_not_empty(text, input=input)
    return text
