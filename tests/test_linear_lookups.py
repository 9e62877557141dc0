"""The lookups that keep a long report linear give what reading everything again gave.

Each is checked against the plain scan it replaced, on generated inputs: sentences by offset,
items by sentence, overlapping spans, paragraph weights of the places chosen, governorates named.
"""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from factory import place
from thucydides.extract.cues import ReportPlaces, vaguer_than_the_report
from thucydides.extract.reading import by_sentence
from thucydides.gazetteer import Candidate
from thucydides.geocode import _anchor_for, _Anchors
from thucydides.geoparse import closeness
from thucydides.geoparse.closeness import _weights_from
from thucydides.geoparse.context import Context, Item, paragraph_weight
from thucydides.geoparse.spans import Span
from thucydides.geoparse.spans import without_overlaps as _without_overlaps
from thucydides.model import Document, Mention, MentionKind, PlaceMention, Sentence


def _sentences(cuts: list[int], gaps: list[int]) -> tuple[Sentence, ...]:
    """Sentences in text order, each ``cut`` long, ``gap`` characters apart."""
    sentences = []
    position = 0
    for index, (length, gap) in enumerate(zip(cuts, gaps, strict=False)):
        start = position + gap
        sentences.append(Sentence(index, start, start + length, "x" * length, index // 3))
        position = start + length
    return tuple(sentences)


sentence_lists = st.builds(
    _sentences,
    st.lists(st.integers(0, 12), max_size=12),
    st.lists(st.integers(0, 3), min_size=12, max_size=12),
)


@settings(max_examples=300, deadline=None)
@given(sentence_lists, st.lists(st.integers(-2, 200), max_size=40))
def test_sentence_at_finds_what_a_scan_in_order_finds(
    sentences: tuple[Sentence, ...], offsets: list[int]
) -> None:
    doc = Document.from_text("x", input="x.txt")
    doc = Document(id=doc.id, text=doc.text, input=doc.input, sentences=sentences)
    for offset in offsets:
        scanned = next((s for s in sentences if s.start <= offset < s.end), None)
        assert doc.sentence_at(offset) == scanned


@settings(max_examples=300, deadline=None)
@given(sentence_lists, st.lists(st.integers(-2, 200), max_size=40), st.booleans())
def test_by_sentence_groups_as_a_scan_per_sentence(
    sentences: tuple[Sentence, ...], starts: list[int], shuffled: bool
) -> None:
    if shuffled:  # out of order: the plain scan is used
        sentences = tuple(reversed(sentences))
    items = [(start, f"item {n}") for n, start in enumerate(starts)]
    expected = {
        s.index: found
        for s in sentences
        if (found := [item for start, item in items if s.start <= start < s.end])
    }
    assert by_sentence(sentences, items) == expected


def _naive_without_overlaps(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(span.end <= other.start or other.end <= span.start for other in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=30))
def test_spans_without_overlaps_as_when_each_is_compared_with_every_kept_one(
    pieces: list[tuple[int, int]],
) -> None:
    sentence = Sentence(0, 0, 100, "x" * 100, 0)
    spans = [
        Span(start=start, end=start + length, text=f"{n}", sentence=sentence, known=True, origin="gazetteer")
        for n, (start, length) in enumerate(pieces)
    ]
    assert _without_overlaps(spans) == _naive_without_overlaps(spans)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), min_size=1, max_size=12), st.integers(0, 12)
)
def test_an_anchor_seen_from_a_paragraph_as_ranking_every_chooser(
    choosers: list[tuple[int, int]], paragraph: int
) -> None:
    chosen_by = list(dict((item, (item, p)) for item, p in choosers).values())  # an item chooses once
    ranked = sorted(((paragraph_weight(paragraph, p), i) for i, p in chosen_by), reverse=True)
    second = ranked[1][0] if len(ranked) > 1 else -1.0
    by_paragraph: dict[int, list[int]] = {}
    for item, p in chosen_by:
        by_paragraph.setdefault(p, []).append(item)
    best, chooser, other = _weights_from(paragraph, by_paragraph, len(chosen_by))
    # What proximity reads: the weight for each item of the paragraph asking (its own choice aside).
    for asking in [item for item, p in chosen_by if p == paragraph] + [99]:
        expected = ranked[0][0] if ranked[0][1] != asking else second
        assert (best if chooser != asking else other) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.integers(0, 20), st.tuples(st.integers(0, 9), st.sampled_from(["A", "B", "C"])), max_size=15
    ),
    st.integers(0, 20),
    st.integers(0, 9),
    st.sampled_from(["A", "B", "C", "D"]),
)
def test_governorates_named_nearby_as_a_scan_of_every_span(
    named: dict[int, tuple[int, str]], index: int, paragraph: int, admin1: str
) -> None:
    context = Context(admin1_by_item=dict(named))
    support = 0.0
    for other, (other_paragraph, name) in named.items():
        if other != index and name == admin1:
            support = max(support, paragraph_weight(paragraph, other_paragraph) * 0.8)
    near = {n for other, (p, n) in named.items() if other != index and abs(p - paragraph) <= 1}
    assert context.admin1_support(index, paragraph, admin1) == support
    assert context.admin1_named_near(index, paragraph) == near


def _start(piece: tuple[int, int, str | None]) -> int:
    return piece[0]


@settings(max_examples=300, deadline=None)
@given(
    sentence_lists,
    st.lists(
        st.tuples(st.integers(0, 150), st.integers(1, 6), st.sampled_from(["town", "country", None])),
        max_size=20,
    ),
    st.booleans(),
)
def test_the_anchor_of_an_unresolved_place_as_a_scan_of_every_place(
    sentences: tuple[Sentence, ...], pieces: list[tuple[int, int, str | None]], shuffled: bool
) -> None:
    places = [
        PlaceMention(
            Mention(MentionKind.PLACE, start, start + length, "x" * length, 0),
            place(f"p{n}", feature=feature, gid=n) if feature else None,
            0.5,
        )
        for n, (start, length, feature) in enumerate(pieces if shuffled else sorted(pieces, key=_start))
    ]
    base = Document.from_text("x" * 200, input="x.txt")
    doc = dataclasses.replace(base, sentences=sentences, places=tuple(places))
    anchors = _Anchors(doc)
    resolved = [p for p in places if p.place is not None and p.place.feature != "country"]
    for mention in places:
        assert anchors.anchor_for(mention) == _anchor_for(doc, mention, resolved)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["country", "admin1", "admin2", "town", "village", None]),
            st.sampled_from(["Idlib", "Hama", ""]),
            st.sampled_from(["SY", "IQ"]),
        ),
        max_size=12,
    )
)
def test_a_place_vaguer_than_the_report_as_a_scan_of_every_place(
    pieces: list[tuple[str | None, str, str]],
) -> None:
    places = tuple(
        PlaceMention(
            Mention(MentionKind.PLACE, 10 * n, 10 * n + 4, "name", 0),
            place(f"p{n}", feature=feature, admin1=admin1, cc=cc, gid=n) if feature else None,
            0.5,
        )
        for n, (feature, admin1, cc) in enumerate(pieces)
    )
    doc = dataclasses.replace(Document.from_text("x" * 200, input="x.txt"), places=places)
    known = ReportPlaces.of(doc)
    for mention in places:
        assert vaguer_than_the_report(mention, doc, known) == vaguer_than_the_report(mention, doc)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 8), st.integers(0, 15), st.floats(33.0, 37.0), st.floats(35.0, 41.0)),
        min_size=1,
        max_size=25,
    ),
    st.lists(
        st.tuples(st.floats(31.0, 39.0), st.floats(33.0, 43.0), st.sampled_from(["town", "admin1"])),
        max_size=6,
    ),
)
def test_closeness_through_the_indexes_as_reading_every_anchor(
    chosen: list[tuple[int, int, float, float]], candidates: list[tuple[float, float, str]]
) -> None:
    """Items choose one of 16 places (several items may choose one); candidates ask how near they are."""
    sentence_of = {p: Sentence(p, 10 * p, 10 * p + 9, "x" * 9, p) for p in range(9)}
    spots = {gid: (lat, lon) for _, gid, lat, lon in chosen}
    items = []
    for n, (paragraph, gid, _, _) in enumerate(chosen):
        lat, lon = spots[gid]
        entry = dataclasses.replace(place(f"p{gid}", gid=gid), latitude=lat, longitude=lon)
        span = Span(
            start=n, end=n + 1, text="x", sentence=sentence_of[paragraph], known=True, origin="gazetteer"
        )
        items.append(Item(span=span, candidates=[], choice=Candidate(entry, "x", 1.0, "exact")))
    scan, indexed = closeness.ChosenSoFar(items, Context()), closeness.ChosenSoFar(items, Context())
    indexed._indexed = True
    for position, anchor in enumerate(indexed.anchors):  # what __init__ builds for a long report
        for paragraph in {p for _, p in anchor.chosen_by}:
            indexed._near_paragraph.setdefault(paragraph, []).append(position)
        indexed._grid.setdefault(closeness._cell(anchor.latitude, anchor.longitude), []).append(position)
        if len(anchor.chosen_by) == 1:
            indexed._sole_choice[anchor.chosen_by[0][0]] = anchor.place_id
    asked = [
        dataclasses.replace(place("q", gid=99), latitude=a, longitude=b, feature=f) for a, b, f in candidates
    ]
    asked += [item.choice.place for item in items if item.choice is not None][:5]
    scan_anchors = closeness._SCAN_ANCHORS
    try:
        for closeness._SCAN_ANCHORS in (scan_anchors, 0):  # few anchors at a latitude are read; else the grid
            for index in range(len(items)):
                for candidate in asked:
                    assert indexed.proximity(candidate, index) == scan.proximity(candidate, index)
    finally:
        closeness._SCAN_ANCHORS = scan_anchors
