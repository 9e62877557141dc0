"""``watch --once`` and ``feeds`` end to end, against a feed server on 127.0.0.1, with a stand-in for
the language model (``feedsite.StandIn``). Every feed and article is invented."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from feedsite import StandIn, serve_feed
from loopback import Loopback, Route, serving
from thucydides.build import Resources
from thucydides.cli import main


@pytest.fixture
def loopback() -> Iterator[Loopback]:
    with serving() as state:
        yield state


@pytest.fixture(autouse=True)
def stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    import thucydides.build as build

    monkeypatch.setattr(Resources, "load", classmethod(lambda cls, settings: object()))
    monkeypatch.setattr(build, "build_pipeline", lambda settings, resources: StandIn())
    monkeypatch.setattr(build, "versions", lambda resources: {"stand-in": True})


def test_watch_once_ingests_each_new_article_once_and_feeds_shows_the_broken_one(
    loopback: Loopback, tmp_path: Path
) -> None:
    good = serve_feed(loopback, "/syria.xml", "Souran", "Maan", etag='"v1"')
    loopback.routes["/broken.xml"] = Route(b"<html><body>Moved to our app!</body></html>")
    broken = loopback.url("/broken.xml")
    feeds_file = tmp_path / "feeds.txt"
    feeds_file.write_text(f"# test feeds\n{good} | Levant Wire | en\n{broken}\n", encoding="utf-8")
    db = str(tmp_path / "events.db")
    watch = ["watch", "--feeds", str(feeds_file), "--once", "--delay", "0", "--db", db]

    first = CliRunner().invoke(main, watch)
    second = CliRunner().invoke(main, watch)
    listed = CliRunner().invoke(main, ["feeds", "--db", db])

    assert first.exit_code == 1, first.output  # a feed failed
    assert first.stdout.count("\n") == 1
    assert "round 1: 2 feeds checked (0 unchanged, 0 waiting to retry), 2 new articles" in first.stdout
    assert "2 events, 1 failures" in first.stdout
    assert f"error: {broken}: not an RSS or Atom feed or a sitemap" in first.stderr
    assert second.exit_code == 0, second.output  # the broken feed waits: nothing failed
    assert "1 feeds checked (1 unchanged, 1 waiting to retry), 0 new articles" in second.stdout
    assert (loopback.hits("/news/Souran"), loopback.hits("/news/Maan")) == (1, 1)
    stored = CliRunner().invoke(main, ["status", "--db", db]).stdout
    assert stored.splitlines()[1].split() == ["documents", "2"]
    assert listed.exit_code == 0, listed.output
    lines = listed.stdout.splitlines()
    assert lines[0] == broken
    assert lines[1].startswith("  failing (1 in a row), next attempt ")
    assert "0 entries seen; last success never" in lines[1]
    assert lines[2].startswith(f"  last error: {broken}: not an RSS or Atom feed or a sitemap")
    assert lines[3] == f"{good} (Levant Wire, en)"
    assert lines[4].startswith("  ok; 2 entries seen; last success ")


def test_feeds_on_a_store_that_follows_none_says_how_to_start(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    assert CliRunner().invoke(main, ["status", "--db", str(db)]).exit_code == 1  # no store yet
    from thucydides.store.sqlite import SqliteStore

    SqliteStore(db).close()

    result = CliRunner().invoke(main, ["feeds", "--db", str(db)])

    assert result.exit_code == 0
    assert result.stdout == "No feed followed yet. Start with: thucydides watch --feeds FILE --once\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--every", "5s"], "'5s' is shorter than a minute"),
        (["--every", "often"], "'often' is not a duration"),
    ],
)
def test_watch_refuses_a_bad_interval(tmp_path: Path, args: list[str], expected: str) -> None:
    feeds_file = tmp_path / "feeds.txt"
    feeds_file.write_text("https://levantwire.example/rss\n", encoding="utf-8")

    result = CliRunner().invoke(
        main, ["watch", "--feeds", str(feeds_file), "--db", str(tmp_path / "e.db"), *args]
    )

    assert result.exit_code == 1 and expected in result.output
    assert not (tmp_path / "e.db").exists()
