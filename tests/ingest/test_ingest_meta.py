"""Metadata: dates, precedence of layers, and NAME.meta.json sidecars."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.errors import IngestError
from thucydides.ingest import Metadata, read_inputs
from thucydides.ingest.meta import merge, parse_published, read_sidecar, sidecar_path
from thucydides.model import Document, Problem


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-12-08", dt.date(2016, 12, 8)),
        (" 2016-12-08 ", dt.date(2016, 12, 8)),
        ("2016-12-08T14:05:00", dt.date(2016, 12, 8)),
        ("2016-12-08T23:05:00Z", dt.date(2016, 12, 8)),
        ("2016-12-08T01:00:00+03:00", dt.date(2016, 12, 8)),
        ("2016-12-08 14:05", dt.date(2016, 12, 8)),
    ],
)
def test_parse_published(value: str, expected: dt.date) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["08/12/2016", "December 8, 2016", "2016-13-01", "yesterday", ""])
def test_parse_published_refuses(value: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        parse_published(value)


def test_merge_keeps_the_first_value_of_each_field() -> None:
    options = Metadata(source="Options")
    sidecar = Metadata(source="Sidecar", published=dt.date(2016, 12, 8))
    page = Metadata(source="Page", published=dt.date(2016, 1, 1), title="Page title", url="https://p.example")

    assert merge(options, sidecar, page) == Metadata(
        source="Options", published=dt.date(2016, 12, 8), title="Page title", url="https://p.example"
    )
    assert merge() == Metadata()


def test_sidecar_path() -> None:
    assert sidecar_path(Path("reports/aleppo.2016.txt")) == Path("reports/aleppo.2016.meta.json")


def test_no_sidecar(tmp_path: Path) -> None:
    assert read_sidecar(tmp_path / "report.txt") == (Metadata(), None)


def test_sidecar_is_read(tmp_path: Path) -> None:
    (tmp_path / "report.meta.json").write_text(
        json.dumps(
            {
                "source": " Levant Wire ",
                "published": "2017-03-04",
                "url": "https://levantwire.example/x",
                "language": "en",
                "title": None,
            }
        ),
        encoding="utf-8",
    )

    metadata, where = read_sidecar(tmp_path / "report.txt")

    assert metadata == Metadata(
        source="Levant Wire", published=dt.date(2017, 3, 4), url="https://levantwire.example/x", language="en"
    )
    assert where == str(tmp_path / "report.meta.json")


FIX = "(a JSON object with keys source, published, url, language, title) or remove it."


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            '{"source": "A",\n "published": }',
            "invalid JSON in metadata file (Expecting value at line 2, column 15)",
        ),
        ('["source", "A"]', "metadata file holds a JSON list, not an object"),
    ],
)
def test_bad_sidecar_names_the_file_and_the_fix(tmp_path: Path, content: str, expected: str) -> None:
    sidecar = tmp_path / "report.meta.json"
    sidecar.write_text(content, encoding="utf-8")

    with pytest.raises(IngestError) as caught:
        read_sidecar(tmp_path / "report.txt")

    assert str(caught.value) == f"{sidecar}: {expected}. Fix it {FIX}"
    assert str(caught.value).count(str(sidecar)) == 1  # the file is named once


def test_bad_value_in_sidecar(tmp_path: Path) -> None:
    sidecar = tmp_path / "report.meta.json"
    sidecar.write_text('{"published": "4 March 2017"}', encoding="utf-8")

    with pytest.raises(IngestError) as caught:
        read_sidecar(tmp_path / "report.txt")

    assert str(caught.value) == (
        f"{sidecar}: \"published\" is '4 March 2017', not a date. "
        'Write it as YYYY-MM-DD (e.g. "2016-12-08") or an ISO date-time.'
    )


def test_invalid_sidecar_is_a_problem_for_its_report(tmp_path: Path, report: str, settings: Settings) -> None:
    path = tmp_path / "report.txt"
    path.write_text(report, encoding="utf-8")
    (tmp_path / "report.meta.json").write_text("{'source': 'single quotes'}", encoding="utf-8")

    [result] = read_inputs([str(path)], settings=settings)

    assert isinstance(result, Problem)
    assert result.input == str(path)
    assert result.kind == "IngestError"
    assert result.message.startswith(f"{tmp_path / 'report.meta.json'}: invalid JSON in metadata file")
    assert "or remove it." in result.message


def test_unknown_sidecar_keys_are_kept_as_extra_metadata_with_one_warning(
    tmp_path: Path, report: str, settings: Settings
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(report, encoding="utf-8")
    sidecar = tmp_path / "report.meta.json"
    sidecar.write_text(
        '{"source": "SANA", "sourse": "typo", "author": "A. Writer", "label": 1,'
        ' "dataset": {"split": "dev"}}',
        encoding="utf-8",
    )

    [doc] = read_inputs([str(path)], settings=settings)

    assert isinstance(doc, Document)
    assert doc.source == "SANA"
    assert dict(doc.extra) == {
        "author": '"A. Writer"',
        "dataset": '{"split": "dev"}',
        "label": "1",
        "sourse": '"typo"',
    }
    (warning,) = doc.warnings
    assert warning.input == str(path) and warning.kind == "UnknownMetadataKeys"
    assert warning.message.count(str(sidecar)) == 1 and str(path) not in warning.message.replace(
        str(sidecar), ""
    )
    assert "'sourse' (did you mean 'source'?)" in warning.message
    assert "'author', 'dataset', 'label'" in warning.message


def test_extra_metadata_is_stored_with_the_document(tmp_path: Path, report: str, settings: Settings) -> None:
    from thucydides.store.sqlite import SqliteStore

    path = tmp_path / "report.txt"
    path.write_text(report, encoding="utf-8")
    (tmp_path / "report.meta.json").write_text('{"author": "A. Writer", "label": [1, 2]}', encoding="utf-8")
    [doc] = read_inputs([str(path)], settings=settings)
    assert isinstance(doc, Document)
    with SqliteStore(tmp_path / "t.db") as store:
        store.add_document(doc, store.start_run({}, {}))
        (extra,) = store._conn.execute("SELECT extra FROM documents").fetchone()
    assert json.loads(extra) == {"author": "A. Writer", "label": [1, 2]}
