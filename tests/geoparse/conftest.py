"""Geoparser fixtures: a small hand-made gazetteer, documents built by hand, the full gazetteer once.

``make_doc`` (a fixture) splits paragraphs at blank lines and sentences after ``.``, ``!``
or ``?`` followed by a space, which is all these tests need (no spaCy).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from thucydides.gazetteer import Gazetteer
from thucydides.geoparse import Geoparser
from thucydides.model import Document, Mention, Place, Sentence

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def _make_doc(text: str, *, mentions: tuple[Mention, ...] = ()) -> Document:
    """A document with sentences (and paragraph numbers) cut from ``text``."""
    sentences: list[Sentence] = []
    offset = 0
    for paragraph, block in enumerate(text.split("\n\n")):
        for match in _SENTENCE.finditer(block):
            piece = match.group(0)
            start = offset + match.start() + (len(piece) - len(piece.lstrip()))
            end = offset + match.end()
            if text[start:end].strip():
                sentences.append(Sentence(len(sentences), start, end, text[start:end], paragraph))
        offset += len(block) + 2
    return Document.from_text(text, input="test.txt", sentences=tuple(sentences), mentions=mentions)


def _place(
    place_id: str, name: str, feature: str, country: str, lat: float, lon: float, **more: object
) -> Place:
    names = more.pop("names", (name,))
    return Place(place_id, name, feature, country, lat, lon, names=tuple(names), **more)  # type: ignore[arg-type]


MakeDoc = Callable[..., Document]


@pytest.fixture(scope="session")
def make_doc() -> MakeDoc:
    """``make_doc(text, mentions=())``: a document with sentences and paragraphs, no spaCy."""
    return _make_doc


@pytest.fixture(scope="session")
def small_gazetteer() -> Gazetteer:
    return Gazetteer(
        [
            _place("geonames:163843", "Syria", "country", "SY", 35.0, 38.5, population=22_000_000),
            _place("geonames:99237", "Iraq", "country", "IQ", 33.0, 44.0, population=38_000_000),
            _place("geonames:130758", "Iran", "country", "IR", 32.0, 53.0, population=80_000_000),
            _place("geonames:2017370", "Russia", "country", "RU", 60.0, 90.0, population=140_000_000),
            _place(
                "geonames:170063", "Aleppo", "city", "SY", 36.20, 37.16, admin1="Aleppo", population=1_600_000
            ),
            _place("geonames:170062", "Aleppo", "admin1", "SY", 36.25, 37.62, admin1="Aleppo"),
            _place("ocha:N0225", "Sheikh Said", "neighbourhood", "SY", 36.17, 37.17, admin1="Aleppo"),
            _place(
                "geonames:1", "Shaykh Sa'd", "village", "SY", 32.80, 36.00, admin1="Dar'a", population=3000
            ),
            _place(
                "geonames:170905",
                "Dar'a",
                "town",
                "SY",
                32.62,
                36.10,
                admin1="Dar'a",
                population=97_000,
                names=("Dar'a", "Daraa", "Deraa"),
            ),
            _place("geonames:170903", "Dar'a", "admin1", "SY", 32.87, 36.17, admin1="Dar'a"),
            _place("geonames:169577", "Homs", "city", "SY", 34.73, 36.71, admin1="Homs", population=775_000),
            _place("geonames:169575", "Homs", "admin1", "SY", 34.15, 38.14, admin1="Homs"),
            _place(
                "geonames:163808",
                "Tadmur",
                "town",
                "SY",
                34.56,
                38.28,
                admin1="Homs",
                population=51_000,
                names=("Tadmur", "Palmyra"),
            ),
            _place("geonames:2", "Arak", "village", "SY", 34.64, 38.57, admin1="Homs", population=2000),
            _place(
                "geonames:143083", "Arak", "city", "IR", 34.09, 49.69, admin1="Markazi", population=500_000
            ),
            _place(
                "geonames:3", "As Sukhnah", "village", "SY", 34.89, 38.87, admin1="Homs", population=15_000
            ),
            _place(
                "geonames:170654",
                "Damascus",
                "city",
                "SY",
                33.51,
                36.29,
                admin1="Damascus",
                population=1_570_000,
            ),
            _place(
                "geonames:551487",
                "Kazan",
                "city",
                "RU",
                55.79,
                49.12,
                admin1="Tatarstan",
                population=1_100_000,
            ),
            _place("geonames:3069011", "Most", "town", "CZ", 50.5, 13.64, population=66_000),
            _place("geonames:484048", "Tatarstan", "admin1", "RU", 55.5, 50.9, admin1="Tatarstan"),
            _place("geonames:4", "Sunday", "village", "US", 40.0, -80.0, population=600),
            _place("geonames:5", "Assad", "village", "SY", 35.0, 37.0, admin1="Hama", population=900),
            _place(
                "geonames:281184",
                "Jerusalem",
                "city",
                "PS",
                31.77,
                35.23,
                population=800_000,
                names=("Jerusalem", "Al Quds"),
            ),
            _place("geonames:6", "Sirian", "village", "SY", 35.5, 37.5, admin1="Hama", population=500),
            _place("geonames:7", "Hamra", "village", "SY", 35.3, 36.9, admin1="Hama", population=800),
            _place("icao:OSAP", "Aleppo International Airport", "site", "SY", 36.18, 37.22, admin1="Aleppo"),
            _place("geonames:8", "Panorama", "town", "GR", 40.59, 23.03, population=17_000),
            _place("geonames:102358", "Saudi Arabia", "country", "SA", 24.0, 45.0, population=33_000_000),
            _place("geonames:105299", "Jizan", "city", "SA", 16.89, 42.55, population=105_000),
            _place("geonames:170794", "Deir ez-Zor", "city", "SY", 35.34, 40.14, population=240_000),
            _place("geonames:10", "Eastern Deir", "village", "SY", 35.9, 36.6, population=500),
            _place("geonames:1873107", "North Korea", "country", "KP", 40.0, 127.0, population=25_000_000),
            _place("geonames:11", "Korea", "village", "JP", 34.2, 132.5, population=700),
            _place(
                "geonames:9",
                "Al Bab",
                "town",
                "SY",
                36.37,
                37.52,
                admin1="Aleppo",
                population=60_000,
                names=("Al Bab", "al-Bab"),
            ),
        ]
    )


@pytest.fixture(scope="session")
def geoparser(small_gazetteer: Gazetteer) -> Geoparser:
    return Geoparser(small_gazetteer)


@pytest.fixture(scope="session")
def places_of(geoparser: Geoparser) -> Callable[[str], list[tuple[str, str | None]]]:
    """(text as written, place_id or None) of each place mention of a text."""

    def run(text: str) -> list[tuple[str, str | None]]:
        doc = geoparser(_make_doc(text))
        return [(found.mention.text, found.place.place_id if found.place else None) for found in doc.places]

    return run
