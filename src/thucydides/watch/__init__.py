"""Following feeds: ``thucydides watch`` reads a list of feeds every so often and ingests what is new.

    sources = read_feeds_file(Path("feeds.txt"))
    watch = Watch(store=store, settings=settings, resources=load, fetcher=Polite(settings))
    follow(watch, sources, once=True, report=print_line, wait=stop_event.wait)

Modules: ``feedlist`` (the feeds file and the interval), ``round`` (one round, and the
rounds one after another). Feeds are read by ``ingest.feeds``, fetched by
``ingest.polite``, their articles read by ``ingest.pages`` and stored by ``jobs.Ingestion``;
what was seen is kept in the store (``store.feeds``).
"""

from thucydides.watch.feedlist import FeedSource, parse_duration, read_feeds_file
from thucydides.watch.round import RoundSummary, Watch, WatchOptions, follow, run_round

__all__ = [
    "FeedSource",
    "RoundSummary",
    "Watch",
    "WatchOptions",
    "follow",
    "parse_duration",
    "read_feeds_file",
    "run_round",
]
