"""The daily situation report, built by one pure function from the store's answers.

``build_brief`` takes what the store answered (incidents, event records, control changes) and
returns a ``Brief`` (the model is in ``brief_model``): headline figures, one section per
governorate with a paragraph per incident, the window's changes of control, and the data of the
charts and the map. Every ``Statement`` carries the numbers of its footnotes; a footnote quotes
each source's evidence sentence with its outlet, claimant and document id. Rendering
(``brief_md``, ``brief_html``) and charts (``charts``) read the model and add no facts of their own.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence

from thucydides.model import ControlChange, Event, Incident, SourceReport
from thucydides.report.brief_model import (
    Brief,
    Footnote,
    Paragraph,
    Point,
    Quote,
    Section,
    Statement,
    TypeCount,
)
from thucydides.report.sentences import (
    control_sentence,
    disagreement_sentences,
    figures_sentence,
    incident_sentence,
    sources_sentence,
)
from thucydides.report.window import Window

__all__ = ["NO_GOVERNORATE", "SCOPE_NOTE", "Brief", "Footnote", "Quote", "Statement", "build_brief"]

NO_GOVERNORATE = "Governorate not known"
SCOPE_NOTE = 1  # the first footnote says what the brief was built from


def build_brief(
    window: Window,
    *,
    incidents: Sequence[Incident],
    events: Sequence[Event],
    control_changes: Sequence[ControlChange],
    country: str | None = None,
    admin1: str | None = None,
) -> Brief:
    """The brief of ``window`` from the store's answers; anything outside the window or the
    ``country``/``admin1`` filters is left out, so callers may pass more than is needed.
    ``events`` also supplies the evidence sentences quoted in the footnotes."""
    by_id = {event.event_id: event for event in events}
    chosen = sorted(
        (i for i in incidents if i.event_date in window and _wanted(i.country, i.admin1, country, admin1)),
        key=lambda i: (i.event_date or dt.date.min, -(i.fatalities_high or 0), i.incident_id),
    )
    records = [e for e in events if e.event_date in window and _wanted(e.country, e.admin1, country, admin1)]
    changes = [
        c for c in control_changes if c.date in window and _wanted(c.country, c.admin1, country, admin1)
    ]
    footnotes: list[Footnote] = [Footnote(SCOPE_NOTE, (), _scope_remark(records))]
    note_of: dict[str, int] = {}
    grouped = _by_governorate(chosen)
    for incident in (i for group in grouped.values() for i in group):  # numbered in reading order
        note_of[incident.incident_id] = len(footnotes) + 1
        footnotes.append(Footnote(len(footnotes) + 1, _quotes(incident.reports, by_id)))
    sections = tuple(
        Section(title, tuple(_paragraph(i, note_of[i.incident_id], with_date=window.days > 1) for i in group))
        for title, group in grouped.items()
    )
    control = []
    for change in sorted(changes, key=lambda c: (c.date, c.location or "", c.incident_id)):
        number = note_of.get(change.incident_id)
        if number is None:
            number = len(footnotes) + 1
            footnotes.append(Footnote(number, _control_quotes(change, by_id)))
        control.append(Statement(control_sentence(change), (number,)))
    unfused = sum(1 for e in records if e.incident_id is None)
    return Brief(
        window=window,
        country=country,
        admin1=admin1,
        summary=_summary(window, chosen, records, unfused, scope=(country, admin1)),
        by_type=_by_type(chosen, records),
        sections=sections,
        control=tuple(control),
        footnotes=tuple(footnotes),
        points=_points(chosen, [e for e in records if e.incident_id is None]),
        unplaced=sum(1 for i in chosen if i.latitude is None or i.longitude is None),
        daily=_daily(records),
        fatalities_by_admin1=_fatalities_by_admin1(chosen),
        empty=not chosen and not records and not changes,
    )


def _wanted(
    value_country: str | None, value_admin1: str | None, country: str | None, admin1: str | None
) -> bool:
    def same(value: str | None, wanted: str | None) -> bool:
        return wanted is None or (value is not None and value.casefold() == wanted.casefold())

    return same(value_country, country) and same(value_admin1, admin1)


def _by_governorate(incidents: Sequence[Incident]) -> dict[str, list[Incident]]:
    """Incidents by governorate, governorates by name (the unknown one last), incidents kept in order."""
    grouped: dict[str, list[Incident]] = {}
    for incident in incidents:
        grouped.setdefault(incident.admin1 or NO_GOVERNORATE, []).append(incident)
    order = sorted(grouped, key=lambda title: (title == NO_GOVERNORATE, title.casefold()))
    return {title: grouped[title] for title in order}


def _paragraph(incident: Incident, note: int, *, with_date: bool) -> Paragraph:
    texts = [
        incident_sentence(incident, with_date=with_date),
        figures_sentence(incident),
        sources_sentence(incident),
        *disagreement_sentences(incident),
    ]
    return Paragraph(incident.incident_id, tuple(Statement(t, (note,)) for t in texts if t))


def _summary(
    window: Window,
    incidents: Sequence[Incident],
    records: Sequence[Event],
    unfused: int,
    *,
    scope: tuple[str | None, str | None],
) -> tuple[Statement, ...]:
    where = " in " + ", ".join(p for p in reversed(scope) if p) if any(scope) else ""
    if not records and not incidents:
        return (
            Statement(
                f"No event is stored for {window.label()}{where}: the reports ingested tell of none, "
                "or no report of these days has been ingested.",
                (SCOPE_NOTE,),
            ),
        )
    documents = len({e.document_id for e in records})
    multi = sum(1 for i in incidents if i.independent_sources > 1)
    lines = [
        f"For {window.label()}{where}, {_count(len(records), 'event record')} from "
        f"{_count(documents, 'report')} make {_count(len(incidents), 'incident')}; "
        + (
            f"{multi} of them {'is' if multi == 1 else 'are'} told by more than one independent source."
            if multi
            else "none is told by more than one independent source."
        )
    ]
    counted = [i for i in incidents if i.fatalities_low is not None or i.fatalities_high is not None]
    if counted:
        low = sum(i.fatalities_low or 0 for i in counted)
        high = sum(i.fatalities_high or i.fatalities_low or 0 for i in counted)
        figure = str(low) if low == high else f"{low} to {high}"
        lines.append(
            f"Sources report {figure} people killed in {_count(len(counted), 'incident')} "
            "(the lowest and the highest figure of each incident, summed)."
        )
    else:
        lines.append("No source gives a figure of people killed.")
    if unfused:
        lines.append(
            f"{_count(unfused, 'record')} of these days {'is' if unfused == 1 else 'are'} not fused into "
            "incidents yet and appear in no section; run `thucydides fuse` to add them."
        )
    return tuple(Statement(line, (SCOPE_NOTE,)) for line in lines)


def _scope_remark(records: Sequence[Event]) -> str:
    if not records:
        return "No event record in the store falls within the window and filters of this brief."
    outlets = sorted({e.source or "unknown outlet" for e in records})
    documents = len({e.document_id for e in records})
    return (
        f"Figures computed from the store's {_count(len(records), 'event record')} dated within the "
        f"window, read from {_count(documents, 'report')} by {', '.join(outlets)}."
    )


def _quotes(reports: Sequence[SourceReport], by_id: Mapping[str, Event]) -> tuple[Quote, ...]:
    quotes = []
    for report in reports:
        record = by_id.get(report.event_id)
        quotes.append(
            Quote(
                outlet=report.source or "unknown outlet",
                claimed_by=report.claimed_by,
                document_id=report.document_id,
                url=report.source_url,
                evidence=tuple(span.text for span in record.evidence) if record else (),
                copy_of=report.copy_of,
            )
        )
    return tuple(dict.fromkeys(quotes))  # one document telling it twice in one sentence: quoted once


def _control_quotes(change: ControlChange, by_id: Mapping[str, Event]) -> tuple[Quote, ...]:
    quotes = [
        Quote(
            outlet=e.source or "unknown outlet",
            claimed_by=e.claimed_by,
            document_id=e.document_id,
            url=e.source_url,
            evidence=tuple(span.text for span in e.evidence),
        )
        for event_id in change.event_ids
        if (e := by_id.get(event_id)) is not None
    ]
    if not quotes:  # the records are not at hand: name the sources the ledger kept
        claimants = change.claimants or (None,)
        quotes = [Quote(source, claimants[0], change.incident_id, None, ()) for source in change.sources]
    return tuple(dict.fromkeys(quotes))


def _by_type(incidents: Sequence[Incident], records: Sequence[Event]) -> tuple[TypeCount, ...]:
    incident_counts = Counter(i.event_type for i in incidents)
    record_counts = Counter(e.event_type for e in records)
    types = sorted(set(incident_counts) | set(record_counts))
    return tuple(TypeCount(t, incident_counts[t], record_counts[t]) for t in types)


def _points(incidents: Sequence[Incident], unfused: Sequence[Event]) -> tuple[Point, ...]:
    points = [
        Point(i.latitude, i.longitude, i.event_type, i.fatalities_high or 0)
        for i in incidents
        if i.latitude is not None and i.longitude is not None
    ]
    points += [
        Point(e.latitude, e.longitude, e.event_type, e.fatalities or 0)
        for e in unfused
        if e.latitude is not None and e.longitude is not None
    ]
    return tuple(points)


def _daily(records: Sequence[Event]) -> tuple[tuple[dt.date, str, int], ...]:
    counts = Counter((e.event_date, e.event_type) for e in records if e.event_date is not None)
    return tuple((day, kind, n) for (day, kind), n in sorted(counts.items()))


def _fatalities_by_admin1(incidents: Sequence[Incident]) -> tuple[tuple[str, int, int], ...]:
    low: Counter[str] = Counter()
    high: Counter[str] = Counter()
    for incident in incidents:
        if incident.fatalities_low is None and incident.fatalities_high is None:
            continue
        title = incident.admin1 or NO_GOVERNORATE
        low[title] += incident.fatalities_low or 0
        high[title] += incident.fatalities_high or incident.fatalities_low or 0
    return tuple((title, low[title], high[title]) for title in sorted(high, key=lambda t: (-high[t], t)))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
