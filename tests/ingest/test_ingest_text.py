"""Plain-text reports: exact text, and every way a file can fail to be a text report."""

from __future__ import annotations

import tracemalloc
from dataclasses import replace
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.errors import EmptyInputError, IngestError, UnsupportedInputError
from thucydides.ingest import read_inputs
from thucydides.ingest.text import check_not_binary, decode_utf8, read_text_file
from thucydides.model import Document, Problem


def read_one(path: Path, settings: Settings) -> Document | Problem:
    results = list(read_inputs([str(path)], settings=settings))
    assert len(results) == 1
    return results[0]


def test_text_is_the_file_exactly_with_crlf_and_surrounding_whitespace(
    tmp_path: Path, report: str, settings: Settings
) -> None:
    content = "  \r\n" + report.replace("\n", "\r\n") + "\r\n\r\n\t"
    path = tmp_path / "crlf.txt"
    path.write_bytes(content.encode("utf-8"))

    doc = read_one(path, settings)

    assert isinstance(doc, Document)
    assert doc.text == content
    with open(path, encoding="utf-8", newline="") as handle:
        assert doc.text == handle.read()
    start = doc.text.index("Kafr Zita")
    assert doc.text[start : start + len("Kafr Zita")] == "Kafr Zita"


def test_non_ascii_text_keeps_character_offsets(tmp_path: Path, report: str, settings: Settings) -> None:
    content = report.replace("Souran", "Ṣūrān") + "\nA café in Ḥamā was hit.\n"
    path = tmp_path / "accents.txt"
    path.write_text(content, encoding="utf-8", newline="")

    doc = read_one(path, settings)

    assert isinstance(doc, Document)
    assert doc.text == content
    start = content.index("Ṣūrān")
    assert doc.text[start - len("near ") : start + len("Ṣūrān and")] == "near Ṣūrān and"


def test_document_fields(tmp_path: Path, report: str, settings: Settings) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(report, encoding="utf-8")

    doc = read_one(path, settings)

    assert isinstance(doc, Document)
    assert doc.input == str(path)
    assert doc.language == "en"
    assert (doc.source, doc.url, doc.published, doc.title) == (None, None, None, None)
    assert doc.id.startswith("sha256:")


def test_same_text_gives_same_id(tmp_path: Path, report: str, settings: Settings) -> None:
    (tmp_path / "one.txt").write_text(report, encoding="utf-8")
    (tmp_path / "two.txt").write_text(report, encoding="utf-8")
    (tmp_path / "three.txt").write_text(report + " ", encoding="utf-8")

    one, two, three = (read_one(tmp_path / name, settings) for name in ("one.txt", "two.txt", "three.txt"))

    assert isinstance(one, Document) and isinstance(two, Document) and isinstance(three, Document)
    assert one.id == two.id
    assert one.input != two.input
    assert three.id != one.id


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the input is empty"),
        (b"   \r\n\t\n  ", "the input is only whitespace"),
        ("\ufeff\n ".encode(), "the input is only whitespace"),
    ],
)
def test_empty_or_whitespace_file(tmp_path: Path, settings: Settings, content: bytes, expected: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)

    result = read_one(path, settings)

    assert isinstance(result, Problem)
    assert result.kind == "EmptyInputError"
    assert result.stage == "ingest"
    assert result.input == str(path)
    assert result.message == f"{path}: {expected}. Give a report with its text in it."


def test_too_short(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "short.txt"
    path.write_text("Kafr Zita, Hama.\n", encoding="utf-8")

    result = read_one(path, settings)

    assert isinstance(result, Problem)
    assert result.kind == "EmptyInputError"
    assert result.message == (
        f"{path}: only 16 characters of text, fewer than 20 (settings.min_text_chars). "
        "Give the full report, not a headline or a fragment."
    )


def test_one_short_sentence_is_a_report(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "short.txt"
    path.write_text("Four men were killed in Kafr Zita.\n", encoding="utf-8")
    assert not isinstance(read_one(path, settings), Problem)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"Four killed\x00\x00\x01 in shelling" * 4, "binary file (it contains NUL bytes), not text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "this is a PDF document, not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is a PNG image, not text"),
        (bytes(range(128, 256)) * 10, "binary file (1280 of its first 1280 bytes are not text), not text"),
    ],
)
def test_binary_file(tmp_path: Path, settings: Settings, content: bytes, expected: str) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(content)

    result = read_one(path, settings)

    assert isinstance(result, Problem)
    assert result.kind == "UnsupportedInputError"
    assert result.message == (
        f"{path}: {expected}. Give a .txt file in UTF-8, an .html page or an http(s) URL."
    )


def test_utf16_file_is_named_as_such(tmp_path: Path, report: str, settings: Settings) -> None:
    path = tmp_path / "wide.txt"
    path.write_text(report, encoding="utf-16")

    result = read_one(path, settings)

    assert isinstance(result, Problem)
    assert result.kind == "UnsupportedInputError"
    assert "UTF-16 text, not UTF-8" in result.message
    assert f"iconv -f UTF-16 -t UTF-8 {path}" in result.message


def test_invalid_utf8_names_the_byte_offset_and_iconv(tmp_path: Path, settings: Settings) -> None:
    prefix = "Shelling in Kafr Zita killed four people on Friday, activists said; a "
    path = tmp_path / "legacy.txt"
    path.write_bytes(prefix.encode() + "café was destroyed.".encode("cp1252"))

    result = read_one(path, settings)

    assert isinstance(result, Problem)
    assert result.kind == "IngestError"
    offset = len(prefix) + 3
    assert result.message == (
        f"{path}: not valid UTF-8 (byte 0xE9 at byte offset {offset}: invalid continuation byte). "
        f"Re-encode it as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8 {path} > fixed.txt "
        "(with the file's real encoding in place of WINDOWS-1252)."
    )


def test_decode_offset_is_relative_to_base() -> None:
    with pytest.raises(IngestError, match=r"byte 0xFF at byte offset 1,002"):
        decode_utf8(b"ab\xff", input="corpus.jsonl#7", base_offset=1000)


def test_huge_file_is_rejected_before_reading(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk

    tracemalloc.start()
    try:
        result = read_one(path, settings)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert peak < 5_000_000
    assert isinstance(result, Problem)
    assert result.kind == "UnsupportedInputError"
    assert result.message == (
        f"{path}: input is 209,715,200 bytes, over the limit of 20,000,000 bytes (settings.max_input_bytes). "
        "A war report is a few kB: check that this is the right file, split it, "
        "or raise the limit with THUCYDIDES_MAX_INPUT_BYTES."
    )


def test_size_limit_comes_from_settings(tmp_path: Path, report: str, settings: Settings) -> None:
    path = tmp_path / "report.txt"
    path.write_text(report, encoding="utf-8")

    with pytest.raises(UnsupportedInputError, match="over the limit of 100 bytes"):
        read_text_file(path, input=str(path), max_bytes=100)
    assert read_text_file(path, input=str(path), max_bytes=len(report)) == report


def test_empty_is_checked_before_binary(tmp_path: Path) -> None:
    path = tmp_path / "nothing.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyInputError):
        read_text_file(path, input="nothing.txt", max_bytes=1000)


def test_html_may_be_in_another_encoding_but_text_may_not() -> None:
    arabic_1256 = "قصفت القوات".encode("cp1256") * 20
    check_not_binary(arabic_1256, input="page.html", utf8_expected=False)
    with pytest.raises(UnsupportedInputError, match="binary file"):
        check_not_binary(arabic_1256, input="page.txt")


def test_byte_order_mark_is_kept(tmp_path: Path, report: str, settings: Settings) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + report.encode())

    doc = read_one(path, settings)

    assert isinstance(doc, Document)
    assert doc.text == "\ufeff" + report


def test_limits_can_be_tightened(tmp_path: Path, report: str, settings: Settings) -> None:
    path = tmp_path / "report.txt"
    path.write_text(report, encoding="utf-8")

    result = read_one(path, replace(settings, min_text_chars=10_000))

    assert isinstance(result, Problem)
    assert "fewer than 10000" in result.message
