"""Incremental fusion over the store: new records join incidents without recomputing everything.

A run takes the records no run has linked yet, walks the graph of look-alike
pairs out from them (``compare``: near in place and time, compatible type and
sides, similar enough) to the whole connected piece they belong to, and
re-clusters that piece only (``cluster``). Pieces no new record touches are
left as they are, and a piece's incidents depend only on its records, so the
store ends the same whatever order documents arrived in. Incidents and the
control ledger of the places they touch are rewritten in the same
transaction: a crash leaves the store as before the run or after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from thucydides.fuse.cluster import Edge, cluster, components, edges_between
from thucydides.fuse.compare import FUSE_THRESHOLD, compatible, place_key, similarity
from thucydides.fuse.control import place_ledger
from thucydides.fuse.copies import originals
from thucydides.fuse.incidents import build_incident
from thucydides.model import ControlChange, Event, Incident
from thucydides.store.base import Store
from thucydides.store.fusion import FusionSession
from thucydides.taxonomy import TERRITORIAL

LEDGER_MARGIN_DAYS = 31  # far more than HELD_DAYS: a change this far back keeps its successor


@dataclass(frozen=True, slots=True)
class FuseSummary:
    new_records: int  # records linked for the first time by this run
    records: int  # records whose incident was (re)computed
    incidents: int  # incidents written
    multi_source: int  # of which told by more than one independent source
    control_changes: int  # control changes rewritten


def fuse(store: Store, *, everything: bool = False, threshold: float = FUSE_THRESHOLD) -> FuseSummary:
    """Link the store's unfused records to incidents (all records with ``everything``)."""
    with store.fusion() as session:
        if everything:
            session.forget_links()
        new = session.unfused()
        if not new:
            return FuseSummary(0, 0, 0, 0, 0)
        piece, edges = _reach(session, new, threshold)
        old = session.incidents_of(piece)
        incidents = incidents_of(list(piece.values()), edges, session)
        session.replace_incidents([i.incident_id for i in old], incidents)
        session.link(
            {r.event_id: i.incident_id for i in incidents for r in i.reports},
            dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
        changes = _update_ledger(session, [*old, *incidents])
        return FuseSummary(
            new_records=len(new),
            records=len(piece),
            incidents=len(incidents),
            multi_source=sum(i.independent_sources > 1 for i in incidents),
            control_changes=len(changes),
        )


def _update_ledger(session: FusionSession, touched: Sequence[Incident]) -> list[ControlChange]:
    """Recompute the ledger of each touched place from a month before its earliest touched date.

    Whether a change counts depends only on the change after it, so changes well before
    the touched dates stay as they are: the ledger's cost follows the new records, not
    the length of each place's history.
    """
    since: dict[str, dt.date] = {}
    for incident in touched:
        if incident.sub_event_type in TERRITORIAL and incident.event_date is not None:
            key = place_key(incident)
            start = incident.event_date - dt.timedelta(days=LEDGER_MARGIN_DAYS)
            since[key] = min(since.get(key, start), start)
    changes: list[ControlChange] = []
    for key in sorted(since):
        changes += place_ledger(key, session.incidents_at(key, TERRITORIAL, since=since[key]))
    session.replace_control(since, changes)
    return changes


def incidents_of(
    events: Sequence[Event], edges: set[Edge], session: FusionSession | None = None
) -> list[Incident]:
    """The incidents of a closed set of records (every edge of each lies inside it)."""
    by_id = {e.event_id: e for e in events}
    pieces = components(by_id, edges)
    piece_of = {event_id: index for index, ids in enumerate(pieces) for event_id in ids}
    edges_of: dict[int, set[Edge]] = {}
    for edge in edges:
        if edge[1] in piece_of:
            edges_of.setdefault(piece_of[edge[1]], set()).add(edge)
    incidents = []
    for index, ids in enumerate(pieces):
        members = [by_id[i] for i in ids]
        documents = session.documents({e.document_id for e in members}) if session and len(ids) > 1 else []
        original_of = originals(documents)
        for group in cluster(members, edges_of.get(index, set()), compatible=compatible):
            incidents.append(build_incident(group, original_of))
    return incidents


def fuse_records(events: Sequence[Event], *, threshold: float = FUSE_THRESHOLD) -> list[Incident]:
    """Fuse records held in memory (no store, no republication check): every pair is compared."""
    edges = edges_between(
        events, lambda _: events, compatible=compatible, similarity=similarity, threshold=threshold
    )
    return incidents_of(events, edges)


def _reach(
    session: FusionSession, new: Sequence[Event], threshold: float
) -> tuple[dict[str, Event], set[Edge]]:
    """The records connected to ``new`` by look-alike pairs, and those pairs."""
    piece = {e.event_id: e for e in new}
    edges: set[Edge] = set()
    frontier = list(new)
    fetched: dict[str, Event] = {}

    def candidates(event: Event) -> list[Event]:
        found = session.candidates(event)
        fetched.update((other.event_id, other) for other in found)
        return found

    while frontier:
        found = edges_between(
            frontier, candidates, compatible=compatible, similarity=similarity, threshold=threshold
        )
        edges |= found
        reached = sorted({end for _, a, b in found for end in (a, b)} - piece.keys())
        frontier = [fetched[event_id] for event_id in reached]
        piece.update((event.event_id, event) for event in frontier)
    return piece, edges
