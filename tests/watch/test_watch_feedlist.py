"""The feeds file and the --every interval: what they accept, and what they refuse with a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from thucydides.errors import ConfigError
from thucydides.watch import FeedSource, parse_duration, read_feeds_file


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "feeds.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_urls_with_optional_outlet_and_language_comments_and_blank_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "# Syria desks\n\n"
        "https://levantwire.example/feeds/syria.xml | Levant Wire | en-GB\n"
        "https://orontes.example/news-sitemap.xml|Orontes Monitor   # their news sitemap\n"
        "  https://example.org/rss#top  \n",
    )

    assert read_feeds_file(path) == [
        FeedSource("https://levantwire.example/feeds/syria.xml", "Levant Wire", "en-gb"),
        FeedSource("https://orontes.example/news-sitemap.xml", "Orontes Monitor"),
        FeedSource("https://example.org/rss#top"),  # a '#' inside a URL is no comment
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("levantwire.example/rss\n", "line 1: 'levantwire.example/rss' is not an http(s) URL. Write URL"),
        ("| Levant Wire\n", "line 1: 'nothing' is not an http(s) URL"),
        ("https://a.example/rss | A | English\n", "line 1: 'English' is not a language code"),
        ("https://a.example/rss | A | en | x\n", "line 1: 4 fields separated by '|', at most 3"),
        (
            "https://a.example/rss\n# b\nhttps://a.example/rss | A\n",
            "line 3: https://a.example/rss is listed",
        ),
        ("# nothing but a comment\n", "lists no feed"),
    ],
)
def test_a_bad_feeds_file_is_refused_naming_the_line(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        read_feeds_file(write(tmp_path, text))

    assert str(tmp_path / "feeds.txt") in str(caught.value)
    assert expected in str(caught.value)


def test_a_missing_feeds_file_says_how_to_write_one(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"There is no feeds file at .*feed URL per line \(URL \[\| outlet"):
        read_feeds_file(tmp_path / "nowhere.txt")


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("15m", 900.0), ("1h30m", 5400.0), ("90s", 90.0), ("1d", 86400.0), (" 2H ", 7200.0)],
)
def test_durations(value: str, seconds: float) -> None:
    assert parse_duration(value) == seconds


@pytest.mark.parametrize(
    ("value", "expected"),
    [("15", "is not a duration"), ("fifteen minutes", "is not a duration"), ("30s", "shorter than a minute")],
)
def test_bad_durations(value: str, expected: str) -> None:
    with pytest.raises(ConfigError, match=expected):
        parse_duration(value)
