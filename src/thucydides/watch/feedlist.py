"""The feeds file ``thucydides watch --feeds FILE`` reads, and the ``--every`` interval.

One feed per line: its URL, then optionally the outlet's name and the language of its
articles, separated by ``|``; blank lines and ``#`` comments are ignored::

    # Syria desks
    https://levantwire.example/feeds/syria.xml | Levant Wire | en
    https://orontes.example/news-sitemap.xml | Orontes Monitor
    https://example.org/rss

The outlet name is the publisher of every article of the feed (it wins over what a
page says, as ``--source`` does); a language other than English makes every article
of the feed a refused report, as for any input that declares one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from thucydides.errors import ConfigError
from thucydides.ingest.url import is_url

_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")  # "en", "en-GB", "ara"
_DURATION = re.compile(r"(\d+)\s*([smhd])", re.I)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
MIN_EVERY_S = 60  # a site's feed changes in minutes; asking more often is only a burden to it
_FORMAT = "URL [| outlet name] [| language], e.g. https://example.org/rss | Example News | en"


@dataclass(frozen=True, slots=True)
class FeedSource:
    """A feed to follow, as the feeds file names it."""

    url: str
    outlet: str | None = None
    language: str | None = None


def read_feeds_file(path: Path) -> list[FeedSource]:
    """The feeds a file lists, in its order; raises ``ConfigError`` naming the line and the fix."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"There is no feeds file at {path}. Write one with a feed URL per line ({_FORMAT})."
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"Cannot read the feeds file {path} ({error}). Save it as UTF-8 text.") from None
    feeds: list[FeedSource] = []
    where: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        source = parse_feed_line(line, where=f"{path}, line {number}")
        if source is None:
            continue
        if source.url in where:
            raise ConfigError(
                f"{path}, line {number}: {source.url} is listed already on line {where[source.url]}. "
                "Keep one line per feed."
            )
        where[source.url] = number
        feeds.append(source)
    if not feeds:
        raise ConfigError(f"The feeds file {path} lists no feed. Write a feed URL per line ({_FORMAT}).")
    return feeds


def parse_feed_line(line: str, *, where: str) -> FeedSource | None:
    """One line of a feeds file; None for a blank line or a comment."""
    content = re.split(r"(?:^|\s)#", line, maxsplit=1)[0].strip()
    if not content:
        return None
    fields = [field.strip() for field in content.split("|")]
    if len(fields) > 3:
        raise ConfigError(f"{where}: {len(fields)} fields separated by '|', at most 3. Write {_FORMAT}.")
    url, outlet, language = (*fields, None, None)[:3]
    if not url or " " in url or not is_url(url):
        raise ConfigError(f"{where}: {url or 'nothing'!r} is not an http(s) URL. Write {_FORMAT}.")
    if language and not _LANGUAGE.match(language):
        raise ConfigError(
            f"{where}: {language!r} is not a language code. Give a code such as en or en-GB, or leave it out."
        )
    return FeedSource(url=url, outlet=outlet or None, language=language.lower() if language else None)


def parse_duration(value: str) -> float:
    """Seconds in a duration such as "15m", "1h30m", "90s" or "1d"; raises ``ConfigError`` when it is
    none or shorter than a minute."""
    text = value.strip()
    parts = _DURATION.findall(text)
    if not parts or _DURATION.sub("", text).strip():
        raise ConfigError(
            f"{value!r} is not a duration. Write a number with its unit: 90s, 15m, 1h30m or 1d."
        )
    seconds = sum(int(number) * _UNITS[unit.lower()] for number, unit in parts)
    if seconds < MIN_EVERY_S:
        raise ConfigError(
            f"{value!r} is shorter than a minute: polling a site that often is a burden to it. "
            "Give 1m or more (15m is usual)."
        )
    return float(seconds)
