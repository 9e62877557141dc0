"""A feed server on 127.0.0.1 per test, a watch over a fresh store, and a stand-in for the model.

Nothing reaches beyond the loopback interface. The stand-in (``feedsite.StandIn``) gives each
article one event, so that a round runs in milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from feedsite import Clock, MakeWatch, StandIn
from loopback import Loopback, serving
from thucydides.config import Settings
from thucydides.ingest.polite import Polite
from thucydides.store.sqlite import SqliteStore
from thucydides.watch import Watch, WatchOptions


@pytest.fixture(autouse=True)
def stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    import thucydides.build as build

    monkeypatch.setattr(build, "build_pipeline", lambda settings, resources: StandIn())
    monkeypatch.setattr(build, "versions", lambda resources: {"stand-in": True})


@pytest.fixture
def loopback() -> Iterator[Loopback]:
    with serving() as state:
        yield state


@pytest.fixture
def settings() -> Settings:
    """Short limits, so a slow or huge feed fails fast; no pause between requests."""
    return Settings(url_timeout_s=0.5, max_input_bytes=100_000, host_delay_s=0.0)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_watch(tmp_path: Path, settings: Settings, clock: Clock) -> Iterator[MakeWatch]:
    """A ``Watch`` over a store in ``tmp_path`` (a new store object each call: a restart)."""
    stores: list[SqliteStore] = []

    def make(**options: Any) -> Watch:
        stop: Callable[[], bool] = options.pop("should_stop", lambda: False)
        store = SqliteStore(tmp_path / "watch.db")
        stores.append(store)
        return Watch(
            store=store,
            settings=settings,
            resources=lambda: object(),  # type: ignore[arg-type,return-value]
            fetcher=Polite(settings, sleep=lambda seconds: None),
            options=WatchOptions(**options),
            now=clock,
            should_stop=stop,
        )

    yield make
    for store in stores:
        store.close()
