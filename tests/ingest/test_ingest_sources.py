"""Dispatch by kind of input, directories, metadata precedence, and a batch that never stops."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.ingest import Metadata, read_inputs, sources
from thucydides.model import Document, Problem

MakePage = Callable[..., str]


def test_nonexistent_path(settings: Settings) -> None:
    [result] = read_inputs(["reports/nowhere.txt"], settings=settings)

    assert result == Problem(
        input="reports/nowhere.txt",
        stage="ingest",
        kind="IngestError",
        message="reports/nowhere.txt: no such file or directory. Check the path, "
        "or give a URL starting with http:// or https://.",
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("report.pdf", "cannot read a file '.pdf'"),
        ("README", "cannot read a file without a suffix"),
    ],
)
def test_unsupported_kind_of_file(tmp_path: Path, settings: Settings, name: str, expected: str) -> None:
    path = tmp_path / name
    path.write_text("Some text about shelling in the north of the country.", encoding="utf-8")

    [result] = read_inputs([str(path)], settings=settings)

    assert isinstance(result, Problem)
    assert result.kind == "UnsupportedInputError"
    assert result.message == (
        f"{path}: {expected}. Give .txt, .html, .htm or .jsonl files, a directory of them, or the "
        "http(s) URL of a page or a feed (a plain text report can be renamed to .txt)."
    )


def test_sidecar_given_as_a_report(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "report.meta.json"
    path.write_text("{}", encoding="utf-8")

    [result] = read_inputs([str(path)], settings=settings)

    assert isinstance(result, Problem)
    assert result.message == (
        f"{path}: this is a metadata file, not a report. Pass the report beside it (NAME.txt or NAME.html); "
        "its metadata is read from NAME.meta.json."
    )


def make_tree(root: Path, report: str, page: str) -> None:
    for relative, content in {
        "b.txt": report,
        "a/z.html": page,
        "a/m.txt": report + " Second copy.",
        "a/m.meta.json": json.dumps({"source": "Sidecar"}),
        "a/deeper/k.HTM": page.replace("Kafr Zita", "Latamneh"),
        "A.txt": report + " Upper.",
        "c.jsonl": json.dumps({"text": report + " From a corpus."}) + "\n",
        "notes.md": "not a report",
        "image.png": "not a report either",
        ".hidden.txt": report,
        ".git/HEAD.txt": report,
    }.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def test_directory_is_read_recursively_in_sorted_order(
    tmp_path: Path, report: str, make_page: MakePage, settings: Settings
) -> None:
    make_tree(tmp_path, report, make_page())
    root = str(tmp_path) + os.sep

    results = list(read_inputs([root], settings=settings))

    assert [result.input for result in results] == [
        root + "A.txt",
        root + "a/deeper/k.HTM",
        root + "a/m.txt",
        root + "a/z.html",
        root + "b.txt",
        root + "c.jsonl#1",
    ]
    assert all(isinstance(result, Document) for result in results)
    by_input = {result.input: result for result in results if isinstance(result, Document)}
    assert by_input[root + "a/m.txt"].source == "Sidecar"
    assert by_input[root + "a/z.html"].source == "Levant Wire"


def test_directory_order_does_not_depend_on_creation_order(
    tmp_path: Path, report: str, make_page: MakePage, settings: Settings
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    make_tree(first, report, make_page())
    for path in sorted(first.rglob("*"), reverse=True):
        if path.is_file():
            target = second / path.relative_to(first)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())

    def relative(root: Path) -> list[str]:
        return [
            os.path.relpath(result.input.split("#")[0], root)
            for result in read_inputs([str(root)], settings=settings)
        ]

    assert relative(first) == relative(second)


def test_directory_without_reports(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "notes.md").write_text("nothing", encoding="utf-8")

    [result] = read_inputs([str(tmp_path)], settings=settings)

    assert isinstance(result, Problem)
    assert result.kind == "EmptyInputError"
    assert (
        result.message
        == f"{tmp_path}: the directory holds no .txt, .html, .htm or .jsonl files. Check the path."
    )


def test_precedence_options_over_sidecar_over_page(
    tmp_path: Path, make_page: MakePage, settings: Settings
) -> None:
    path = tmp_path / "story.html"
    path.write_text(make_page(), encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(
        json.dumps({"source": "Sidecar Agency", "published": "2017-03-05", "language": "en"}),
        encoding="utf-8",
    )

    [from_page_and_sidecar] = read_inputs([str(path)], settings=settings)
    [with_options] = read_inputs(
        [str(path)], settings=settings, overrides=Metadata(source="Option Agency", title="Option title")
    )

    assert isinstance(from_page_and_sidecar, Document) and isinstance(with_options, Document)
    assert from_page_and_sidecar.source == "Sidecar Agency"  # sidecar over page
    assert from_page_and_sidecar.published == dt.date(2017, 3, 5)  # sidecar over page
    assert from_page_and_sidecar.title == "Shelling kills four in Kafr Zita"  # only the page has one
    assert from_page_and_sidecar.url == "https://levantwire.example/2017/03/kafr-zita-shelling"
    assert with_options.source == "Option Agency"  # options over sidecar
    assert with_options.title == "Option title"  # options over page
    assert with_options.published == dt.date(2017, 3, 5)
    assert with_options.id == from_page_and_sidecar.id  # metadata does not change the id


def test_text_with_sidecar(tmp_path: Path, report: str, settings: Settings) -> None:
    path = tmp_path / "report.txt"
    path.write_text(report, encoding="utf-8")
    (tmp_path / "report.meta.json").write_text(
        json.dumps(
            {"source": "Levant Wire", "published": "2017-03-04T22:10:00Z", "url": "https://l.example/1"}
        ),
        encoding="utf-8",
    )

    [doc] = read_inputs([str(path)], settings=settings, overrides=Metadata(url="https://option.example/2"))

    assert isinstance(doc, Document)
    assert (doc.source, doc.published, doc.url) == (
        "Levant Wire",
        dt.date(2017, 3, 4),
        "https://option.example/2",
    )
    assert doc.text == report


def test_language_stated_in_sidecar_is_honoured(tmp_path: Path, report: str, settings: Settings) -> None:
    path = tmp_path / "report.txt"
    path.write_text(report, encoding="utf-8")
    sidecar = tmp_path / "report.meta.json"
    sidecar.write_text(json.dumps({"language": "ar"}), encoding="utf-8")

    [refused] = read_inputs([str(path)], settings=settings)
    [accepted] = read_inputs([str(path)], settings=settings, overrides=Metadata(language="en"))

    assert isinstance(refused, Problem)
    assert refused.kind == "NotEnglishError"
    assert refused.message == (
        f"{path}: the metadata in {sidecar} says the language is 'ar'. "
        "Only English reports are supported for now: translate the report first, "
        "or correct the language if it is wrong."
    )
    assert isinstance(accepted, Document)
    assert accepted.language == "en"


def test_report_in_another_language(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "rapport.txt"
    path.write_text(
        "Les forces gouvernementales ont bombardé la ville de Kafr Zita dans le nord de Hama vendredi, "
        "tuant quatre civils, selon des militants locaux. Les rebelles ont riposté avec des roquettes.",
        encoding="utf-8",
    )

    [result] = read_inputs([str(path)], settings=settings)

    assert isinstance(result, Problem)
    assert result.kind == "NotEnglishError"
    assert result.message.startswith(f"{path}: the text is not English: py3langid gives French ")


def test_a_bad_input_never_stops_the_batch(tmp_path: Path, report: str, settings: Settings) -> None:
    good = tmp_path / "good.txt"
    good.write_text(report, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")

    results = list(
        read_inputs([str(empty), "missing.html", str(good), str(tmp_path / "x.doc")], settings=settings)
    )

    assert [type(result).__name__ for result in results] == ["Problem", "Problem", "Document", "Problem"]
    assert [result.input for result in results] == [
        str(empty),
        "missing.html",
        str(good),
        str(tmp_path / "x.doc"),
    ]


def test_an_unexpected_error_is_a_problem_not_a_crash(
    tmp_path: Path,
    report: str,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(report, encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(sources, "read_text_file", broken)

    [result] = read_inputs([str(path)], settings=settings)

    assert isinstance(result, Problem)
    assert result.kind == "RuntimeError"
    assert result.message == (
        f"{path}: unexpected RuntimeError: boom. "
        "This is a bug in Thucydides; please report it with the input."
    )
    assert "ingest failed on" in caplog.text


def test_inputs_are_read_lazily(tmp_path: Path, report: str, settings: Settings) -> None:
    path = tmp_path / "report.txt"
    path.write_text(report, encoding="utf-8")

    results = read_inputs([str(path), "missing.txt"], settings=settings)

    assert isinstance(next(results), Document)
    assert isinstance(next(results), Problem)


def test_unusable_path(settings: Settings) -> None:
    name = "x" * 5000 + ".txt"

    [result] = read_inputs([name], settings=settings)

    assert isinstance(result, Problem)
    assert result.message.startswith(f"{name}: not a usable path (")
    assert "too long" in result.message


def test_one_string_instead_of_a_list_is_a_caller_bug(settings: Settings) -> None:
    with pytest.raises(TypeError, match="not one string"):
        next(read_inputs("report.txt", settings=settings))
