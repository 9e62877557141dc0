"""Fusion cost as the store grows: is it close to linear?

A synthetic news stream: about ``--per-day`` records a day at 2,000 places, real
events each told by one to four outlets (each telling with its own figures,
sometimes a generic side or a day off), arriving day after day as a firehose
does, out of order within each batch of ``--batch`` documents; after each batch
``fuse`` links the new records. The store grows because time passes, as a real
one does. For each store size it prints the time to fuse the whole stream so far
and the cost per record of the last batch: linear growth keeps it flat.

    python bench/bench_fuse.py [--sizes 10000 100000] [--batch 2000] [--db /tmp/bench-fuse.db]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from synthetic import ACTORS, OUTLETS, TYPES
from thucydides.fuse.run import fuse
from thucydides.model import Document, Event, Evidence
from thucydides.store.sqlite import SqliteStore

START = dt.date(2014, 1, 1)


def stream(records: int, rng: random.Random, per_day: int = 60) -> list[Document]:
    """Documents holding about ``records`` records in date order: each real event told by 1-4 outlets."""
    places = [(35.0 + rng.uniform(-2.5, 2.5), 38.0 + rng.uniform(-2.5, 2.5), 500000 + n) for n in range(2000)]
    documents: list[Document] = []
    made = 0
    while made < records:
        lat, lon, gid = rng.choice(places)
        day = START + dt.timedelta(days=made // per_day)
        event_type, sub_type = rng.choice(TYPES)
        actor1, actor2 = rng.sample(ACTORS, 2)
        for outlet in rng.sample(OUTLETS, rng.randint(1, 4)):
            text = f"{outlet} report {len(documents)} on {sub_type} at place {gid} on {day}"
            doc_id = f"sha256:{len(documents):064d}"
            record = Event(
                event_id=f"evt-{len(documents):09d}",
                event_date=day + dt.timedelta(days=rng.choice([0, 0, 0, 1])),
                time_precision=1,
                event_type=event_type,
                sub_event_type=sub_type,
                actor1=actor1,
                assoc_actor_1=None,
                actor2=actor2 if rng.random() < 0.7 else "Opposition Rebels (Syria)",
                assoc_actor_2=None,
                country="Syria",
                iso3="SYR",
                admin1=None,
                admin2=None,
                location=f"Place {gid}",
                location_as_written=f"Place {gid}",
                latitude=lat,
                longitude=lon,
                geo_precision=1,
                geonames_id=gid,
                fatalities=rng.randint(0, 30),
                fatalities_low=None,
                fatalities_high=None,
                injured=None,
                captured=None,
                source=outlet,
                source_url=None,
                claimed_by=None,
                document_id=doc_id,
                evidence=(Evidence(doc_id, 0, len(text), text),),
                notes="",
                confidence=0.8,
            )
            documents.append(
                Document(
                    id=doc_id,
                    text=text,
                    input=f"synthetic-{len(documents)}",
                    source=outlet,
                    published=day,
                    events=(record,),
                )
            )
            made += 1
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--per-day", type=int, default=60)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    documents = stream(max(args.sizes), rng, args.per_day)
    with tempfile.TemporaryDirectory() as folder:
        store = SqliteStore(args.db or Path(folder) / "bench-fuse.db")
        run = store.start_run({}, {})
        print(f"{'records':>9}  {'fuse total s':>12}  {'last batch ms/record':>20}  {'incidents':>9}")
        total = 0.0
        stored = 0
        for size in sorted(args.sizes):
            last = 0.0
            while stored < size:
                batch = documents[stored : min(size, stored + args.batch)]
                rng.shuffle(batch)  # outlets publish in no particular order
                for doc in batch:
                    store.add_document(doc, run)
                started = time.perf_counter()
                fuse(store)
                last = time.perf_counter() - started
                total += last
                stored += len(batch)
            incidents = len(store.incidents())
            print(f"{stored:>9}  {total:>12.1f}  {1000 * last / args.batch:>20.3f}  {incidents:>9}")
        store.close()


if __name__ == "__main__":
    main()
