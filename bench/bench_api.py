"""The API under load: a store of synthetic events, served on loopback, driven at a fixed rate.

1. Builds (or reuses) a store of ``--events`` synthetic events (default 1,000,000) over a year of
   Syria, a thousand to a document, two events to an incident, through the store's own writes.
2. Starts ``thucydides``' app on uvicorn in a child process on a free loopback port.
3. Sends an open-loop load at ``--rate`` requests a second for ``--seconds`` (then stops by itself;
   at most ``--in-flight`` requests at once, the rest count as errors): pages of events by bounding
   box and date range (half), single events (a quarter), pages of incidents by date range (a quarter).
4. Prints p50, p95 and p99 latency per kind and in all, the rate reached, and the errors.

    python bench/bench_api.py [--events 1000000] [--rate 200] [--seconds 30] [--db /tmp/bench-api.db]

Goal (issue 12): p99 under 50 ms and no errors at 200 requests a second.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import dataclasses
import datetime as dt
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

from synthetic import ACTORS, OUTLETS, TYPES
from thucydides.model import Document, Event, Evidence, Incident, SourceReport
from thucydides.store.fusion import FusionSession
from thucydides.store.sqlite import SqliteStore

FIRST_DAY = dt.date(2016, 1, 1)
DAYS = 366
WEST, SOUTH, EAST, NORTH = 35.7, 32.3, 42.4, 37.3  # Syria
PER_DOCUMENT = 1000
ADMIN1 = ["Aleppo", "Idlib", "Hama", "Homs", "Damascus", "Rural Damascus", "Deir ez-Zor", "Raqqa", "Daraa"]


def synthetic_event(number: int, document_id: str, rng: random.Random) -> Event:
    kind, sub = TYPES[number % len(TYPES)]
    dead = rng.choice([None, 0, 1, 2, 5, 12, 40])
    text = f"Event {number} was reported."
    return Event(
        event_id=f"e{number:07d}",
        event_date=FIRST_DAY + dt.timedelta(days=(number // 2) % DAYS),
        time_precision=1,
        event_type=kind,
        sub_event_type=sub,
        actor1=ACTORS[number % 4],
        assoc_actor_1=None,
        actor2=ACTORS[(number + 1) % 4],
        assoc_actor_2=None,
        country="Syria",
        iso3="SYR",
        admin1=ADMIN1[number % len(ADMIN1)],
        admin2=None,
        location=f"Place {number % 5000}",
        location_as_written=f"Place {number % 5000}",
        latitude=round(rng.uniform(SOUTH, NORTH), 5),
        longitude=round(rng.uniform(WEST, EAST), 5),
        geo_precision=1,
        geonames_id=None,
        fatalities=dead,
        fatalities_low=dead,
        fatalities_high=dead,
        injured=None,
        captured=None,
        source=OUTLETS[number % len(OUTLETS)],
        source_url=None,
        claimed_by=None,
        document_id=document_id,
        evidence=(Evidence(document_id, 0, len(text), text),),
        notes=text,
        confidence=0.8,
    )


def incident_of(pair: list[Event], number: int) -> Incident:
    first = pair[0]
    reports = tuple(
        SourceReport(
            event_id=e.event_id, document_id=e.document_id, source=e.source, source_url=None, claimed_by=None,
            event_date=e.event_date, sub_event_type=e.sub_event_type, actor1=e.actor1, actor2=e.actor2,
            location=e.location, location_as_written=e.location_as_written, fatalities=e.fatalities,
            fatalities_high=e.fatalities_high, injured=None, captured=None,
        )
        for e in pair
    )  # fmt: skip
    figures = [e.fatalities for e in pair if e.fatalities is not None]
    return Incident(
        incident_id=f"i{number:07d}", event_date=first.event_date, date_last=first.event_date,
        time_precision=1, event_type=first.event_type, sub_event_type=first.sub_event_type,
        actor1=first.actor1,
        assoc_actor_1=None, actor2=first.actor2, country="Syria", iso3="SYR", admin1=first.admin1,
        location=first.location, latitude=first.latitude, longitude=first.longitude, geo_precision=1,
        geonames_id=None, fatalities_low=min(figures, default=None),
        fatalities_high=max(figures, default=None), injured_low=None, injured_high=None,
        captured_low=None, captured_high=None,
        independent_sources=len(pair), reports=reports, disagreements=(),
    )  # fmt: skip


def build(path: Path, count: int) -> None:
    """A store of ``count`` synthetic events at ``path`` (kept and reused when it already has them)."""
    if path.exists():
        with SqliteStore(path) as store:
            if store.status().events == count:
                print(f"reusing {path} ({count:,} events)", flush=True)
                return
        path.unlink()
    rng = random.Random(12)
    started = time.perf_counter()
    with SqliteStore(path) as store:
        run_id = store.start_run({"bench": "api"}, {})
        for first in range(0, count, PER_DOCUMENT):
            doc = Document.from_text(f"Synthetic report {first}.", input=f"bench-{first}.txt", source="Bench")
            events = tuple(
                synthetic_event(n, doc.id, rng) for n in range(first, min(first + PER_DOCUMENT, count))
            )
            store.add_document(dataclasses.replace(doc, events=events), run_id)
            incidents = [
                incident_of(list(events[i : i + 2]), (first + i) // 2) for i in range(0, len(events), 2)
            ]
            with store.fusion() as session:
                assert isinstance(session, FusionSession)
                session.replace_incidents([], incidents)
                links = {r.event_id: i.incident_id for i in incidents for r in i.reports}
                session.link(links, "2016-12-31T00:00:00+00:00")
            if first and first % 100_000 == 0:
                print(f"  {first:,} events stored ({time.perf_counter() - started:.0f} s)", flush=True)
        store.finish_run(run_id, {"events": count})
    print(f"built {path}: {count:,} events in {time.perf_counter() - started:.0f} s", flush=True)


def serve(path: Path, port: int) -> None:
    """The child process: the app over ``path`` on 127.0.0.1:``port``."""
    import uvicorn

    from thucydides.api import ApiSettings, create_app
    from thucydides.store import open_store

    app = create_app(lambda: open_store(path, create=False), ApiSettings())
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def next_request(rng: random.Random, count: int) -> tuple[str, str, dict[str, str]]:
    """(kind, path, query) of one request of the mix."""
    roll = rng.random()
    if roll < 0.5:
        start = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS - 7))
        west, south = rng.uniform(WEST, EAST - 2), rng.uniform(SOUTH, NORTH - 2)
        return (
            "events page",
            "/events",
            {
                "date_from": start.isoformat(),
                "date_to": (start + dt.timedelta(days=rng.randrange(1, 8))).isoformat(),
                "bbox": f"{west:.3f},{south:.3f},{west + 2:.3f},{south + 2:.3f}",
                "limit": "100",
            },
        )
    if roll < 0.75:
        return "single event", f"/events/e{rng.randrange(count):07d}", {}
    start = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS - 3))
    return (
        "incidents page",
        "/incidents",
        {
            "date_from": start.isoformat(),
            "date_to": (start + dt.timedelta(days=rng.randrange(1, 4))).isoformat(),
            "limit": "50",
        },
    )


class Connection:
    """One keep-alive HTTP/1.1 connection with the least client work (the driver shares the machine)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, port: int) -> Connection:
        return cls(*await asyncio.open_connection("127.0.0.1", port))

    async def get(self, target: str) -> int:
        """Send one GET and read its whole answer; returns the status."""
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode("ascii"))
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        length = next(
            int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:")
        )
        await self.reader.readexactly(length)
        return int(lines[0].split(" ", 2)[1])


async def drive(port: int, count: int, *, rate: float, seconds: float, in_flight: int) -> None:
    rng = random.Random(7)
    latencies: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    reasons: dict[str, int] = {}
    # Used in turn (first in, first out): none lies idle past the server's keep-alive timeout.
    idle = collections.deque([await Connection.open(port) for _ in range(in_flight)])

    async def one(connection: Connection, kind: str, path: str, params: dict[str, str]) -> None:
        sent = time.perf_counter()
        why = ""
        try:
            status = await connection.get(path + ("?" + urlencode(params) if params else ""))
            why = "" if status == 200 else f"HTTP {status}"
            idle.append(connection)
        except (OSError, asyncio.IncompleteReadError, ValueError, StopIteration) as error:
            why = type(error).__name__
            idle.append(await Connection.open(port))
        latencies.setdefault(kind, []).append((time.perf_counter() - sent) * 1000)
        if why:
            errors[kind] = errors.get(kind, 0) + 1
            reasons[f"{kind}: {why} ({path})"] = reasons.get(f"{kind}: {why} ({path})", 0) + 1

    total = int(rate * seconds)
    tasks = []
    started = time.perf_counter()
    for index in range(total):
        # Open loop: each request leaves at its own time, whatever the server's pace.
        delay = started + index / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        if not idle:
            errors["over in-flight limit"] = errors.get("over in-flight limit", 0) + 1
            continue
        # The connection is taken here, not in the task: tasks not yet started cannot overbook.
        tasks.append(asyncio.create_task(one(idle.popleft(), *next_request(rng, count))))
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - started
    for connection in idle:
        connection.writer.close()
    every = [ms for values in latencies.values() for ms in values]
    reached = len(every) / elapsed
    print(f"\n{len(every):,} requests in {elapsed:.1f} s: {reached:.0f} requests/s (asked {rate:.0f})")
    print(f"{'kind':<16}{'count':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for kind, values in [*sorted(latencies.items()), ("all", every)]:
        cuts = statistics.quantiles(values, n=100) if len(values) > 1 else values * 99
        failed = sum(errors.values()) if kind == "all" else errors.get(kind, 0)
        print(f"{kind:<16}{len(values):>8}{cuts[49]:>9.1f}{cuts[94]:>9.1f}{cuts[98]:>9.1f}{failed:>8}")
    for reason, times in sorted(reasons.items()):
        print(f"error: {reason} x{times}")
    if "over in-flight limit" in errors:
        print(f"not sent (over --in-flight, counted as errors): {errors['over in-flight limit']}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=1_000_000, help="Synthetic events in the store.")
    parser.add_argument("--rate", type=float, default=200.0, help="Requests a second.")
    parser.add_argument("--seconds", type=float, default=30.0, help="How long the load lasts.")
    parser.add_argument("--in-flight", type=int, default=64, help="Most requests waiting at once.")
    parser.add_argument("--db", type=Path, default=None, help="Store file (default /tmp/bench-api-N.db).")
    parser.add_argument("--serve", nargs=2, metavar=("DB", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(Path(args.serve[0]), int(args.serve[1]))
        return
    path = args.db or Path(f"/tmp/bench-api-{args.events}.db")
    build(path, args.events)
    port = free_port()
    child = subprocess.Popen([sys.executable, __file__, "--serve", str(path), str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/facets", timeout=30).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or child.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.2)
        asyncio.run(drive(port, args.events, rate=args.rate, seconds=args.seconds, in_flight=args.in_flight))
    finally:
        child.terminate()
        child.wait(timeout=30)


if __name__ == "__main__":
    main()
