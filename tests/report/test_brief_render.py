"""The brief as Markdown and as one offline HTML file."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from brief_store import DAY, build_store, store_answers
from thucydides.report.brief import Brief, Quote, build_brief
from thucydides.report.brief_html import render_html
from thucydides.report.brief_md import render_markdown
from thucydides.report.charts import Chart
from thucydides.report.window import parse_window

PNG = b"\x89PNG\r\n\x1a\nfake"


@pytest.fixture(scope="module")
def brief(tmp_path_factory: pytest.TempPathFactory) -> Brief:
    incidents, events, changes = store_answers(build_store(tmp_path_factory.mktemp("render") / "events.db"))
    return build_brief(parse_window(DAY, "1d"), incidents=incidents, events=events, control_changes=changes)


def test_html_fetches_nothing_and_links_only_to_its_own_notes(brief: Brief) -> None:
    html = render_html(brief, charts=[Chart("map", "The map", PNG)])
    references = re.findall(r"""\b(?:src|href)\s*=\s*["']([^"']*)["']""", html)
    assert references, "the footnote links and the image are references"
    for reference in references:
        assert reference.startswith(("#note-", "data:image/png;base64,")), reference
    assert not re.search(r"<script|<link|@import|url\(", html, re.IGNORECASE)
    # The sources' URLs may be printed, never linked.
    assert "http" not in "".join(references)


def test_html_marks_every_sentence_with_a_note_that_exists(brief: Brief) -> None:
    html = render_html(brief)
    sentences = re.findall(r'<span class="s">(.*?)</span>', html)
    assert len(sentences) == len(list(brief.statements()))
    for sentence in sentences:
        targets = re.findall(r'href="#(note-\d+)"', sentence)
        assert targets, sentence
        assert all(f'<li id="{t}">' in html for t in targets)


def test_html_escapes_what_the_sources_wrote(brief: Brief) -> None:
    hostile = dataclasses.replace(
        brief.footnotes[1],
        quotes=(
            Quote("<b>Outlet</b>", None, "sha256:x", "http://e.org/?a=1&b=2", ("<script>x()</script>",)),
        ),
    )
    html = render_html(dataclasses.replace(brief, footnotes=(brief.footnotes[0], hostile)))
    assert "<script>" not in html and "&lt;script&gt;x()&lt;/script&gt;" in html
    assert "<code>http://e.org/?a=1&amp;b=2</code>" in html


def test_markdown_footnotes_every_sentence(brief: Brief) -> None:
    text = render_markdown(brief, images=[("The map", "brief-map.png")])
    body, _, notes = text.partition("## Notes")
    for statement in brief.statements():
        assert any(re.search(rf"\[\^{n}\]", body) for n in statement.notes)
    defined = set(re.findall(r"^\[\^(\d+)\]: ", notes, re.MULTILINE))
    used = set(re.findall(r"\[\^(\d+)\](?!:)", body))
    assert used == defined == {str(n.number) for n in brief.footnotes}
    assert "![The map](brief-map.png)" in text
    assert (
        "Sources disagree on the number killed: Mirror Site: 20; Monitor Group: 7; Northern Wire: 20." in body
    )
    assert "## Changes of control" in body and "took control of Tel Qamar (Aleppo)" in body


def test_markdown_quotes_the_evidence_with_outlet_claimant_and_document(brief: Brief) -> None:
    text = render_markdown(brief)
    assert re.search(
        r"\*\*Monitor Group\*\*, citing the monitoring group: “The monitoring group said seven fighters died"
        r" when army units pushed into Tel Qamar\.” \(document `sha256:[0-9a-f]{64}`\)",
        text,
    )
    assert ", a republication of `sha256:" in text


def test_an_empty_brief_renders_in_both_formats(tmp_path: Path) -> None:
    empty = build_brief(parse_window(DAY, "1d"), incidents=[], events=[], control_changes=[])
    assert "No event is stored for 8 December 2016" in render_html(empty)
    markdown = render_markdown(empty, chart_notes=["No chart."])
    assert "No change of control is recorded in these days." in markdown
    assert "No event is stored for 8 December 2016" in markdown
