"""HTML reports: boilerplate removed, page metadata found, pages without an article refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.errors import EmptyInputError
from thucydides.ingest import read_inputs
from thucydides.ingest.html import extract_html, read_html_file
from thucydides.model import Document, Problem

MakePage = Callable[..., str]


def test_main_text_without_boilerplate(make_page: MakePage, report: str) -> None:
    page = extract_html(make_page(), input="page.html")

    assert page.text == "Shelling kills four in Kafr Zita\n\n" + report
    for boilerplate in ("Home", "Weather", "Markets close higher", "ambush near Palmyra", "Copyright"):
        assert boilerplate not in page.text


def test_blocks_are_separated_by_blank_lines(make_page: MakePage) -> None:
    page = extract_html(
        make_page(paragraphs=("First paragraph of the report.", "Second one.")), input="p.html"
    )

    assert page.text.split("\n\n")[-2:] == ["First paragraph of the report.", "Second one."]


def test_page_metadata(make_page: MakePage) -> None:
    meta = extract_html(make_page(), input="page.html").metadata

    assert meta.title == "Shelling kills four in Kafr Zita"
    assert meta.source == "Levant Wire"
    assert meta.published == dt.date(2017, 3, 4)
    assert meta.url == "https://levantwire.example/2017/03/kafr-zita-shelling"
    assert meta.language is None


def test_og_url_when_no_canonical(make_page: MakePage) -> None:
    meta = extract_html(
        make_page(canonical=None, og_url="https://levantwire.example/og/1"), input="p"
    ).metadata

    assert meta.url == "https://levantwire.example/og/1"


def test_fetched_url_when_the_page_names_none(make_page: MakePage) -> None:
    meta = extract_html(
        make_page(canonical=None), input="p", url="https://levantwire.example/fetched"
    ).metadata

    assert meta.url == "https://levantwire.example/fetched"


def test_no_date_is_guessed_from_a_copyright_line(make_page: MakePage) -> None:
    meta = extract_html(make_page(published=None), input="page.html").metadata

    assert meta.published is None


def test_page_without_article_text() -> None:
    html = "<html><head><title>Index</title></head><body><nav><a href='/'>Home</a></nav></body></html>"

    with pytest.raises(EmptyInputError) as caught:
        extract_html(html, input="index.html", min_chars=40)

    assert str(caught.value) == (
        "index.html: no article text found in the HTML once menus and boilerplate are removed "
        "(only 4 characters left, fewer than 40: settings.min_text_chars). "
        "Check that the page holds the report itself (not a list of links or a page built by "
        "JavaScript), or save the report's text as a .txt file and pass that."
    )


def test_html_file_in_a_legacy_encoding(tmp_path: Path, make_page: MakePage) -> None:
    sentence = "Café owners in Kafr Zita fled after the shelling on Friday, activists said."
    path = tmp_path / "legacy.html"
    path.write_bytes(make_page(charset="windows-1252", paragraphs=(sentence,)).encode("cp1252"))

    page = read_html_file(path, input=str(path), max_bytes=1_000_000)

    assert sentence in page.text


def test_html_file_through_read_inputs(tmp_path: Path, make_page: MakePage, settings: Settings) -> None:
    path = tmp_path / "story.HTM"
    path.write_text(make_page(), encoding="utf-8")

    [doc] = read_inputs([str(path)], settings=settings)

    assert isinstance(doc, Document)
    assert doc.input == str(path)
    assert (doc.source, doc.published) == ("Levant Wire", dt.date(2017, 3, 4))
    assert doc.title == "Shelling kills four in Kafr Zita"
    assert doc.url == "https://levantwire.example/2017/03/kafr-zita-shelling"
    assert doc.language == "en"


@pytest.mark.parametrize(
    ("content", "kind", "expected"),
    [
        (b"", "EmptyInputError", "the input is empty"),
        (b"<html><body><nav>Home</nav></body></html>", "EmptyInputError", "no article text found"),
        (b"<html>\x00\x00\x00</html>", "UnsupportedInputError", "binary file (it contains NUL bytes)"),
    ],
)
def test_bad_html_files(tmp_path: Path, settings: Settings, content: bytes, kind: str, expected: str) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(content)

    [result] = read_inputs([str(path)], settings=settings)

    assert isinstance(result, Problem)
    assert result.kind == kind
    assert result.message.startswith(f"{path}: {expected}")


def test_short_article_is_too_short(tmp_path: Path, make_page: MakePage, settings: Settings) -> None:
    path = tmp_path / "brief.html"
    path.write_text(make_page(title=None, paragraphs=("Four killed.",)), encoding="utf-8")

    [result] = read_inputs([str(path)], settings=settings)

    assert isinstance(result, Problem)
    assert result.kind == "EmptyInputError"
    assert result.message.startswith(
        f"{path}: no article text found in the HTML once menus and boilerplate are removed "
        "(only 12 characters left, fewer than 20: settings.min_text_chars). Check that the page"
    )
