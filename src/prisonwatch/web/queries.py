"""Whole-registry figures for the web, computed in a few queries and cached until data changes.

The home page and the persons filters need every person's status and the counts over time at
once: the snapshot reads them in a few bulk queries and applies the registry's own rules
(``derive_status``, ``stats.counts_from``) to them. After a write that only adds or edits
persons (the audit log says which), the snapshot is patched for those persons instead of read
again whole (``patch_snapshot``): some 10 ms instead of 0.6-1.0 s of CPU at 5,000 persons.
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
# Audit entries after which the snapshot is patched for the persons they name, by record type:
# the actions that change a person's own row and nothing else (no event, claim or link), or
# (None) every action of a record type the snapshot does not show. Any other entry, or claims
# or documents added without one (an ingest), makes the next snapshot a whole rebuild.
PATCHABLE: dict[str, frozenset[str] | None] = {
    "person": frozenset({"create", "update"}),
    "user": None,
}


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
    # Each person's place in the name order, for ranking search hits of equal score.
    position: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.position = {row.id: index for index, row in enumerate(self.persons)}
        # Worked out once per snapshot: every persons request filters these 10,000s of rows.
        # Participants (envoys, judges) are findable by name but never counted as prisoners.
        self.public = [p for p in self.persons if not p.proposed and p.kind == "prisoner"]
        for row in self.public:
            self.by_status.setdefault(row.status.state, []).append(row)
        self.countries = sorted({p.country for p in self.public if p.country})
        # Read once: an ORM attribute on 20,000 events costs ~18 ms, on every home request
        # (~60 ms to work out, so a patched snapshot takes its unchanged events' list over).
        if not self.event_countries:
            self.event_countries = sorted(
                {e.target_country for e in self.events if e.target_country}
            )

    def public_persons(self, status: str | None = None) -> list[PersonRow]:
        """Return persons a reviewer has not left as mere proposals, in name order."""
        return self.by_status.get(status, []) if status else self.public


def stamp(session: Session) -> tuple[Any, ...]:
    """Return a cheap fingerprint that changes whenever claims, decisions or persons change.

    (last audit id, audit entries, claims, persons, documents): the count of audit entries
    also moves when a transaction that took a lower id commits after a higher one.
    """
    row = session.execute(
        select(
            select(func.max(AuditLog.id)).scalar_subquery(),
            select(func.count()).select_from(AuditLog).scalar_subquery(),
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


PERSON_COLUMNS = (
    Person.id,
    Person.primary_name,
    Person.country,
    Person.proposed,
    Person.private_fields,
    Person.kind,
)


def _row(person: Any, own: list[Step]) -> PersonRow:
    """Return the persons-list row of one person (a row of PERSON_COLUMNS) with their steps."""
    person_id, name, country, proposed, hidden, kind = person
    dates = sorted({s.date for s in own if s.date and s.role == "affected"})
    # A private country must not be shown, nor be findable through the country filter.
    shown = None if "country" in (hidden or []) else country
    row = PersonRow(person_id, name, shown, bool(proposed), derive_status(own), dates)
    row.kind = kind or "prisoner"
    return row


def _proposed_claims(session: Session) -> int:
    stmt = select(func.count()).select_from(Claim).where(Claim.state == "proposed")
    return int(session.scalar(stmt) or 0)


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
        select(*PERSON_COLUMNS)
        .where(Person.merged_into.is_(None))
        .order_by(Person.primary_name, Person.id)
    )
    kept: dict[str, list[Step]] = {}
    for person in people:
        own = kept[person[0]] = sorted(steps.get(person[0], []), key=sort_key)
        rows.append(_row(person, own))
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
        claims_proposed=_proposed_claims(session),
    )


def patchable(record_type: str, action: str) -> bool:
    """Return whether an audit entry leaves the snapshot patchable for the record it names."""
    if record_type not in PATCHABLE:
        return False
    actions = PATCHABLE[record_type]
    return actions is None or action in actions


def _touched_persons(session: Session, old: tuple[Any, ...], new: tuple[Any, ...]) -> set[str]:
    """Return the persons the writes between two stamps changed, or raise LookupError.

    LookupError means "not a patch": an entry outside PATCHABLE, an entry committed out of id
    order, claims or documents added without an entry, persons that no entry created.
    """
    last, entries, claims, persons, documents = old
    if (claims, documents) != (new[2], new[4]):
        raise LookupError("claims or documents changed")
    found = session.execute(
        select(AuditLog.record_type, AuditLog.action, AuditLog.record_id).where(
            AuditLog.id > (last or 0)
        )
    ).all()
    if len(found) != new[1] - entries:
        raise LookupError("an audit entry committed out of id order")
    touched: set[str] = set()
    created = 0
    for record_type, action, record_id in found:
        if not patchable(record_type, action):
            raise LookupError(f"{record_type} {action}")
        if record_type == "person":
            touched.add(record_id)
            created += action == "create"
    if new[3] - persons != created:
        raise LookupError("persons added without an audit entry")
    return touched


def patch_snapshot(session: Session, old: Snapshot) -> Snapshot | None:
    """Return ``old`` patched for the persons written since, or None when it needs a rebuild.

    Adding or editing a person changes that person's row and nothing else: no event, link or
    claim, so every step, the events, deals and counts over time stay as they are. The rows of
    the persons named are read again, and the name order from the database (its collation).
    """
    mark = stamp(session)
    try:
        touched = _touched_persons(session, old.stamp, mark)
    except LookupError:
        return None
    steps = dict(old.steps)
    fresh = {}
    for person in session.execute(
        select(*PERSON_COLUMNS).where(Person.id.in_(sorted(touched)), Person.merged_into.is_(None))
    ):
        fresh[person[0]] = _row(person, steps.setdefault(person[0], []))
    rows = []
    order = session.scalars(
        select(Person.id)
        .where(Person.merged_into.is_(None))
        .order_by(Person.primary_name, Person.id)
    )
    for person_id in order:
        row = fresh.get(person_id) or old.by_id.get(person_id)
        if row is None:  # a person no audit entry names: not a patch after all
            return None
        rows.append(row)
    if len(rows) != len(steps):  # someone went (merged, deleted): steps elsewhere may change
        return None
    return Snapshot(
        stamp=mark,
        persons=rows,
        by_id={r.id: r for r in rows},
        events=old.events,
        steps=steps,
        event_size=old.event_size,
        deals=old.deals,
        documents=old.documents,
        claims_proposed=_proposed_claims(session),
        event_countries=old.event_countries,
    )


Entry = tuple[Snapshot, list[PeriodCount]]


def _entry(session: Session) -> Entry:
    snapshot = build_snapshot(session)
    return snapshot, counts_from(snapshot.events, snapshot.event_size, snapshot.steps)


def refresh(session: Session, previous: Entry | None) -> Entry:
    """Return the entry for the database now: ``previous`` patched when it can be, else rebuilt.

    A patch keeps every event and step, so the counts over time are those of ``previous``.
    """
    if previous is not None:
        patched = patch_snapshot(session, previous[0])
        if patched is not None:
            return patched, previous[1]
    return _entry(session)


class SnapshotCache:
    """One snapshot (and its counts over time) per database, refreshed when the stamp changes.

    One refresh at a time: a patch when the writes since allow it, else a whole rebuild. A
    request alone refreshes in its own transaction (it reads its own writes); among others in
    flight it starts the refresh on a thread of its own, and they all get the previous snapshot
    until it is done, so no request thread spends a second rebuilding.
    """

    def __init__(self) -> None:
        self._values: SingleFlight[Entry] = SingleFlight(serve_stale=True)

    def get(self, session: Session) -> Entry:
        """Return the current snapshot and counts over time (or the previous during a rebuild)."""
        engine = session.get_bind()
        key = str(engine.engine.url)

        def background() -> Entry:
            with Session(bind=engine) as own:
                return refresh(own, self._values.peek(key))

        return self._values.get(
            key, stamp(session), lambda: refresh(session, self._values.peek(key)), background
        )

    def clear(self) -> None:
        """Forget every snapshot."""
        self._values.clear()
