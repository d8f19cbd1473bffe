"""Whole-registry figures for the web, computed in a few queries and cached until data changes.

The home page and the persons filters need every person's status and the counts over time at
once: the snapshot reads them in a few bulk queries and applies the registry's own rules
(``derive_status``, ``stats.counts_from``) to them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from prisonwatch.db.models import AuditLog, Claim, Deal, Document, Event, EventPerson, Person
from prisonwatch.registry import claims as kinds
from prisonwatch.registry.rebuild import SingleFlight
from prisonwatch.registry.stats import PeriodCount, counts_from
from prisonwatch.registry.timeline import Status, Step, derive_status, sort_key, step_of

LATEST = 8


@dataclass
class PersonRow:
    """What the persons list filters and sorts by, for one person."""

    id: str
    name: str
    country: str | None
    proposed: bool
    status: Status
    dates: list[str] = field(default_factory=list)
    kind: str = "prisoner"


@dataclass
class Snapshot:
    """The registry's persons, statuses, counts and latest records at one moment."""

    stamp: tuple[Any, ...]
    persons: list[PersonRow]
    by_id: dict[str, PersonRow]
    events: list[Event]
    steps: dict[str, list[Step]]
    event_size: dict[str, int]
    deals: list[dict[str, Any]]
    documents: int
    claims_proposed: int
    public: list[PersonRow] = field(default_factory=list)
    by_status: dict[str, list[PersonRow]] = field(default_factory=dict)
    countries: list[str] = field(default_factory=list)
    event_countries: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Worked out once per snapshot: every persons request filters these 10,000s of rows.
        # Participants (envoys, judges) are findable by name but never counted as prisoners.
        self.public = [p for p in self.persons if not p.proposed and p.kind == "prisoner"]
        for row in self.public:
            self.by_status.setdefault(row.status.state, []).append(row)
        self.countries = sorted({p.country for p in self.public if p.country})
        # Read once: an ORM attribute on 20,000 events costs ~18 ms, on every home request.
        self.event_countries = sorted({e.target_country for e in self.events if e.target_country})

    def public_persons(self, status: str | None = None) -> list[PersonRow]:
        """Return persons a reviewer has not left as mere proposals, in name order."""
        return self.by_status.get(status, []) if status else self.public


def stamp(session: Session) -> tuple[Any, ...]:
    """Return a cheap fingerprint that changes whenever claims, decisions or persons change."""
    row = session.execute(
        select(
            select(func.max(AuditLog.id)).scalar_subquery(),
            select(func.count()).select_from(Claim).scalar_subquery(),
            select(func.count()).select_from(Person).scalar_subquery(),
            select(func.count()).select_from(Document).scalar_subquery(),
        )
    ).one()
    return tuple(row)


def _accepted_ids() -> Any:
    return (
        select(Claim.subject_id)
        .where(Claim.kind == kinds.EVENT, Claim.state == "accepted")
        .scalar_subquery()
    )


def _deals(session: Session, events: list[Event]) -> list[dict[str, Any]]:
    grouped: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if event.deal_id:
            grouped[event.deal_id].append(event)
    records = {d.id: d for d in session.scalars(select(Deal).where(Deal.id.in_(list(grouped))))}
    found = []
    for deal_id, members in grouped.items():
        deal = records.get(deal_id)
        mediators = list(deal.mediators or []) if deal else []
        for event in members:
            if event.type == "negotiation" and event.actor and event.actor not in mediators:
                mediators.append(event.actor)
        dates = sorted(e.date_value for e in members if e.date_value)
        counts = [e.count for e in members if e.type in ("release", "pardon") and e.count]
        found.append(
            {
                "id": deal_id,
                "title": deal.title if deal else None,
                "date": dates[-1] if dates else None,
                "released": max(counts) if counts else None,
                "mediators": mediators,
            }
        )
    return sorted(found, key=lambda d: (d["date"] or "", d["id"]), reverse=True)


def build_snapshot(session: Session) -> Snapshot:
    """Read the registry in a few bulk queries and return its snapshot."""
    mark = stamp(session)
    events = list(session.scalars(select(Event).where(Event.id.in_(_accepted_ids()))))
    by_event = {e.id: e for e in events}
    size: dict[str, int] = defaultdict(int)
    steps: dict[str, list[Step]] = defaultdict(list)
    links = session.execute(
        select(EventPerson.event_id, EventPerson.person_id, EventPerson.role).where(
            EventPerson.event_id.in_(_accepted_ids())
        )
    )
    for event_id, person_id, role in links:
        size[event_id] += 1
        steps[person_id].append(step_of(by_event[event_id], role))
    rows = []
    people = session.execute(
        select(
            Person.id,
            Person.primary_name,
            Person.country,
            Person.proposed,
            Person.private_fields,
            Person.kind,
        )
        .where(Person.merged_into.is_(None))
        .order_by(Person.primary_name, Person.id)
    )
    kept: dict[str, list[Step]] = {}
    for person_id, name, country, proposed, hidden, kind in people:
        own = kept[person_id] = sorted(steps.get(person_id, []), key=sort_key)
        dates = sorted({s.date for s in own if s.date and s.role == "affected"})
        # A private country must not be shown, nor be findable through the country filter.
        shown = None if "country" in (hidden or []) else country
        row = PersonRow(person_id, name, shown, bool(proposed), derive_status(own), dates)
        row.kind = kind or "prisoner"
        rows.append(row)
    events.sort(key=lambda e: e.id)
    # Newest first by the event's own date (a main event's report day when it has none);
    # background events without a date say nothing about when: they go last.
    events.sort(
        key=lambda e: e.date_value or ("" if e.background else e.anchor_date) or "", reverse=True
    )
    return Snapshot(
        stamp=mark,
        persons=rows,
        by_id={r.id: r for r in rows},
        events=events,
        steps=kept,
        event_size=dict(size),
        deals=_deals(session, events),
        documents=int(session.scalar(select(func.count()).select_from(Document)) or 0),
        claims_proposed=int(
            session.scalar(select(func.count()).select_from(Claim).where(Claim.state == "proposed"))
            or 0
        ),
    )


Entry = tuple[Snapshot, list[PeriodCount]]


def _entry(session: Session) -> Entry:
    snapshot = build_snapshot(session)
    return snapshot, counts_from(snapshot.events, snapshot.event_size, snapshot.steps)


class SnapshotCache:
    """One snapshot (and its counts over time) per database, rebuilt when the stamp changes.

    One request at a time rebuilds; requests arriving meanwhile get the previous snapshot.
    """

    def __init__(self) -> None:
        self._values: SingleFlight[Entry] = SingleFlight(serve_stale=True)

    def get(self, session: Session) -> Entry:
        """Return the current snapshot and counts over time (or the previous during a rebuild)."""
        key = str(session.get_bind().engine.url)
        return self._values.get(key, stamp(session), lambda: _entry(session))

    def clear(self) -> None:
        """Forget every snapshot."""
        self._values.clear()
