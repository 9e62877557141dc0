"""Groups records into incidents: the same groups whatever order the records came in.

Pairs scoring at least the threshold are edges. Edges are taken strongest first
(ties broken by the records' ids, never by arrival), and two groups join only if
every record of one is ``compatible`` with every record of the other — so a
chain of look-alikes (a clash on Monday, one on Tuesday, one on Wednesday) never
fuses records that could not be one event. Groups only grow along edges, so
the groups of one connected piece of the edge graph depend on that piece alone:
``components`` finds the pieces, and a new record re-clusters only its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from thucydides.model import Event

Edge = tuple[float, str, str]  # (score, event_id, event_id) with the ids in order


def edges_between(
    events: Sequence[Event],
    candidates: Callable[[Event], Iterable[Event]],
    *,
    compatible: Callable[[Event, Event], bool],
    similarity: Callable[[Event, Event], float],
    threshold: float,
) -> set[Edge]:
    """Edges from each of ``events`` to the ``candidates`` it may be fused with."""
    found: set[Edge] = set()
    for event in events:
        for other in candidates(event):
            if other.event_id == event.event_id or not compatible(event, other):
                continue
            score = similarity(event, other)
            if score >= threshold:
                low, high = sorted((event.event_id, other.event_id))
                found.add((score, low, high))
    return found


def components(ids: Iterable[str], edges: Iterable[Edge]) -> list[list[str]]:
    """The connected pieces of the edge graph over ``ids``, each sorted, in order of their first id."""
    parent = {event_id: event_id for event_id in ids}

    def root(event_id: str) -> str:
        while parent[event_id] != event_id:
            parent[event_id] = parent[parent[event_id]]
            event_id = parent[event_id]
        return event_id

    for _, a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for event_id in sorted(parent):
        groups.setdefault(root(event_id), []).append(event_id)
    return sorted(groups.values())


def cluster(
    events: Sequence[Event], edges: Iterable[Edge], *, compatible: Callable[[Event, Event], bool]
) -> list[list[Event]]:
    """Incidents of ``events``: groups joined along edges, strongest first, when wholly compatible."""
    by_id = {event.event_id: event for event in events}
    group_of: dict[str, tuple[str, ...]] = {event_id: (event_id,) for event_id in sorted(by_id)}
    for _, a, b in sorted(edges, key=lambda edge: (-edge[0], edge[1], edge[2])):
        if a not in by_id or b not in by_id:
            continue
        group_a, group_b = group_of[a], group_of[b]
        if group_a == group_b:
            continue
        if all(compatible(by_id[x], by_id[y]) for x in group_a for y in group_b):
            joined = tuple(sorted(group_a + group_b))
            for event_id in joined:
                group_of[event_id] = joined
    groups = sorted(set(group_of.values()))
    return [[by_id[event_id] for event_id in group] for group in groups]
