"""JSON Lines corpora: one document per line, a problem per bad line, the rest goes on."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from thucydides.config import Settings
from thucydides.ingest import Metadata, read_inputs
from thucydides.model import Document, Problem


def write_lines(path: Path, lines: list[object]) -> Path:
    """Objects as JSON, strings as they are (to write broken lines)."""
    text = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    path.write_text(text, encoding="utf-8")
    return path


def test_one_document_per_line(tmp_path: Path, report: str, settings: Settings) -> None:
    second = (
        "Turkish drones struck positions of the Kurdish-led forces near Tal Tamr on Sunday, a monitor said."
    )
    path = write_lines(
        tmp_path / "corpus.jsonl",
        [
            {
                "text": report,
                "url": "https://a.example/1",
                "source": "Levant Wire",
                "published": "2017-03-04",
            },
            {"text": second, "published": "2019-10-13T08:30:00Z", "title": "Drones strike", "id": 17},
        ],
    )

    first, other = read_inputs([str(path)], settings=settings)

    assert isinstance(first, Document) and isinstance(other, Document)
    assert first.input == f"{path}#1"
    assert first.text == report
    assert (first.url, first.source, first.published) == (
        "https://a.example/1",
        "Levant Wire",
        dt.date(2017, 3, 4),
    )
    assert other.input == f"{path}#2"
    assert other.text == second
    assert (other.published, other.title) == (dt.date(2019, 10, 13), "Drones strike")


def test_html_records_are_extracted(
    tmp_path: Path, make_page: Callable[..., str], report: str, settings: Settings
) -> None:
    path = write_lines(tmp_path / "pages.jsonl", [{"html": make_page(), "source": "Given"}])

    [doc] = read_inputs([str(path)], settings=settings)

    assert isinstance(doc, Document)
    assert doc.text.endswith(report)
    assert doc.source == "Given"  # the record's own key wins over the page's site name
    assert doc.published == dt.date(2017, 3, 4)
    assert doc.url == "https://levantwire.example/2017/03/kafr-zita-shelling"


def test_bad_lines_are_problems_and_the_rest_goes_on(tmp_path: Path, report: str, settings: Settings) -> None:
    path = write_lines(
        tmp_path / "mixed.jsonl",
        [
            {"text": report},
            "{not json",
            "",
            "[1, 2]",
            {"url": "https://a.example/no-text"},
            {"text": report, "html": "<p>both</p>"},
            {"text": report, "published": "last Friday"},
            {"text": report, "source": 12},
            {"text": "Too short."},
            {"text": report, "language": "fr"},
            {"text": report, "source": "Last one"},
        ],
    )

    results = list(read_inputs([str(path)], settings=settings))

    assert [result.input for result in results] == [f"{path}#{n}" for n in (1, 2, 4, 5, 6, 7, 8, 9, 10, 11)]
    assert [type(result).__name__ for result in results] == ["Document"] + ["Problem"] * 8 + ["Document"]
    problems = [result for result in results if isinstance(result, Problem)]
    example = '{"text": "...", "url": "https://...", "source": "...", "published": "2016-12-08"}'
    assert [(p.kind, p.message.removeprefix(f"{p.input}: ")) for p in problems] == [
        (
            "IngestError",
            f"invalid JSON (Expecting property name enclosed in double quotes at column 2). "
            f"Write each line as one JSON object, e.g. {example}",
        ),
        (
            "IngestError",
            f"the line holds a JSON list, not an object. Write each line as one JSON object, e.g. {example}",
        ),
        (
            "IngestError",
            'the record has neither; it needs exactly one of "text" or "html", as a string. '
            f"Write each line as e.g. {example}",
        ),
        (
            "IngestError",
            'the record has "text" and "html"; it needs exactly one of "text" or "html", as a string. '
            f"Write each line as e.g. {example}",
        ),
        (
            "IngestError",
            "\"published\" is 'last Friday', not a date. "
            'Write it as YYYY-MM-DD (e.g. "2016-12-08") or an ISO date-time.',
        ),
        (
            "IngestError",
            '"source" must be a string, not int (12). Write it as a JSON string, e.g. "source": "...".',
        ),
        (
            "EmptyInputError",
            "only 10 characters of text, fewer than 20 (settings.min_text_chars). "
            "Give the full report, not a headline or a fragment.",
        ),
        (
            "NotEnglishError",
            f"the metadata in {path}#10 (the JSONL record) says the language is 'fr'. "
            "Only English reports are supported for now: translate the report first, "
            "or correct the language if it is wrong.",
        ),
    ]


def test_invalid_utf8_line_names_the_file_offset(tmp_path: Path, report: str, settings: Settings) -> None:
    first = json.dumps({"text": report}).encode() + b"\n"
    path = tmp_path / "latin.jsonl"
    path.write_bytes(first + b'{"text": "caf\xe9"}\n')

    good, bad = read_inputs([str(path)], settings=settings)

    assert isinstance(good, Document)
    assert isinstance(bad, Problem)
    assert bad.input == f"{path}#2"
    assert f"byte 0xE9 at byte offset {len(first) + 13:,}" in bad.message


def test_over_long_line_is_skipped_unread(tmp_path: Path, report: str, settings: Settings) -> None:
    path = write_lines(tmp_path / "long.jsonl", [{"text": "x" * 5000}, {"text": report}])

    too_long, doc = read_inputs([str(path)], settings=replace(settings, max_input_bytes=1000))

    assert isinstance(too_long, Problem)
    assert too_long.kind == "UnsupportedInputError"
    assert too_long.message.startswith(f"{path}#1: input is 5,013 bytes, over the limit of 1,000 bytes")
    assert isinstance(doc, Document)
    assert doc.input == f"{path}#2"


def test_whole_file_problems(tmp_path: Path, settings: Settings) -> None:
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n  \n", encoding="utf-8")
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\x1f\x8b\x08\x00 compressed")

    empty, packed = read_inputs([str(blank), str(binary)], settings=settings)

    assert isinstance(empty, Problem) and isinstance(packed, Problem)
    assert (empty.input, empty.kind) == (str(blank), "EmptyInputError")
    assert empty.message.startswith(f"{blank}: the JSON Lines file holds no records.")
    assert (packed.input, packed.kind) == (str(binary), "UnsupportedInputError")
    assert packed.message.startswith(f"{binary}: this is a gzip archive, not text.")


def test_sidecar_gives_defaults_and_options_win(tmp_path: Path, report: str, settings: Settings) -> None:
    path = write_lines(tmp_path / "feed.jsonl", [{"text": report}, {"text": report, "source": "Own"}])
    (tmp_path / "feed.meta.json").write_text(json.dumps({"source": "Feed", "published": "2017-03-04"}))

    plain = list(read_inputs([str(path)], settings=settings))
    forced = list(read_inputs([str(path)], settings=settings, overrides=Metadata(source="Forced")))

    assert [(d.source, d.published) for d in plain if isinstance(d, Document)] == [
        ("Feed", dt.date(2017, 3, 4)),
        ("Own", dt.date(2017, 3, 4)),
    ]
    assert [d.source for d in forced if isinstance(d, Document)] == ["Forced", "Forced"]


def test_lone_surrogate_escape(tmp_path: Path, report: str, settings: Settings) -> None:
    path = tmp_path / "escapes.jsonl"
    path.write_text('{"text": "' + report[:60] + '\\ud800 and more."}\n', encoding="utf-8")

    [result] = read_inputs([str(path)], settings=settings)

    assert isinstance(result, Problem)
    assert result.message == (
        f"{path}#1: the text holds an unpaired surrogate escape at character 60. "
        "Fix the JSON \\u escapes of that record (each surrogate needs its pair)."
    )


def test_a_file_whose_records_are_not_reports_is_one_problem(tmp_path: Path, settings: Settings) -> None:
    gold = [{"event_id": f"e{n}", "event_type": "Battles", "location": "Aleppo"} for n in range(57)]
    path = write_lines(tmp_path / "gold.jsonl", gold)

    results = list(read_inputs([str(tmp_path)], settings=settings))

    (found,) = results
    assert isinstance(found, Problem) and found.input == str(path)
    assert found.kind == "UnsupportedInputError"
    assert "none of its 57 records is a report" in found.message
    assert "event_id, event_type, location" in found.message and "move it out" in found.message


def test_records_without_text_beside_reports_are_a_problem_each(
    tmp_path: Path, report: str, settings: Settings
) -> None:
    path = write_lines(tmp_path / "mixed.jsonl", [{"id": 1}, {"text": report}, {"id": 2}])

    first, document, last = read_inputs([str(path)], settings=settings)

    assert isinstance(document, Document) and document.input == f"{path}#2"
    assert isinstance(first, Problem) and first.input == f"{path}#1"
    assert isinstance(last, Problem) and last.input == f"{path}#3"
    assert 'needs exactly one of "text" or "html"' in first.message


def test_a_jsonl_sidecar_s_unknown_keys_are_one_warning_for_the_file(
    tmp_path: Path, report: str, settings: Settings
) -> None:
    path = write_lines(tmp_path / "corpus.jsonl", [{"text": report}, {"text": report + " Again."}])
    (tmp_path / "corpus.meta.json").write_text('{"dataset": "wire"}', encoding="utf-8")

    first, second = read_inputs([str(path)], settings=settings)

    assert isinstance(first, Document) and isinstance(second, Document)
    assert dict(first.extra) == dict(second.extra) == {"dataset": '"wire"'}
    assert len(first.warnings) == 1 and second.warnings == ()
