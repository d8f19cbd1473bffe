"""A person's timeline and status, derived from accepted events only."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from prisonwatch.db.models import Claim, Event, EventPerson, Person
from prisonwatch.persons import get_person, person_summary
from prisonwatch.registry import claims as kinds
from prisonwatch.registry.sources import Source, sources_for

# What each event type does to an affected person's status.
STATUS_AFTER = {
    "arrest": "held",
    "sentence": "held",
    "release": "released",
    "pardon": "released",
    "transfer": "released",
    "deportation": "released",
    "death_in_custody": "died in custody",
}
# Same-day events in causal order: a pardon comes before the release it causes.
ORDER = {"arrest": 0, "sentence": 1, "pardon": 2, "release": 3, "transfer": 4, "deportation": 5}
# The human-rights groups' status column: active = held now, former = no longer held.
REGISTRY_STATUS = {"held": "active", "released": "former", "died in custody": "former"}


@dataclass
class Step:
    """One accepted event in a person's life, with its sources."""

    event_id: str
    type: str
    role: str
    date: str | None
    date_precision: str | None
    date_text: str | None
    count: int | None
    actor: str | None
    destination: list[str]
    deal_id: str | None
    background: bool
    # The day the event is placed on when it has no date of its own: the first report of a
    # main event (a background event recounts the past, so its report day says nothing).
    reported: str | None = None
    sources: list[Source] = field(default_factory=list)

    @property
    def when(self) -> str | None:
        """Return the day this step is ordered by: its date, else a main event's report day."""
        return self.date or (None if self.background else self.reported)

    def to_json(self) -> dict[str, Any]:
        """Return this step as a JSON object."""
        data = {k: v for k, v in self.__dict__.items() if k != "sources"}
        return {**data, "sources": [s.to_json() for s in self.sources]}


@dataclass
class Status:
    """Where a person stands now, with the dates that say so."""

    state: str  # unknown | held | released | died in custody
    held_since: str | None = None
    sentenced_on: str | None = None
    released_on: str | None = None
    released_how: str | None = None
    destination: list[str] = field(default_factory=list)
    # The event the state rests on: the last step that set it, with its date and type.
    based_on: dict[str, Any] | None = None

    @property
    def registry_status(self) -> str | None:
        """Return the human-rights groups' status (active / former) or None when unknown."""
        return REGISTRY_STATUS.get(self.state)


@dataclass
class Timeline:
    """A person with their accepted events in date order and their derived status."""

    person: dict[str, Any]
    status: Status
    steps: list[Step]

    def basis_sources(self) -> list[dict[str, Any]]:
        """Return the sources of the event the status rests on: title, outlet, date, address."""
        basis = self.status.based_on
        step = next((s for s in self.steps if basis and s.event_id == basis["event_id"]), None)
        return [
            {"title": s.title, "publisher": s.publisher, "published": s.published, "url": s.url}
            for s in (step.sources if step else [])
        ]

    def to_json(self) -> dict[str, Any]:
        """Return the timeline as a JSON object."""
        status = {**self.status.__dict__, "registry_status": self.status.registry_status}
        if self.status.based_on:
            status["based_on"] = {**self.status.based_on, "sources": self.basis_sources()}
        return {"person": self.person, "status": status, "steps": [s.to_json() for s in self.steps]}


def sort_key(step: Step) -> tuple[int, str, int, int]:
    """Return the order of steps: undated first, then by day, background before main, cause first.

    Undated steps go first so that they only stand when no dated step follows: an arrest
    recounted without a date must never override a release dated later.
    """
    when = step.when
    return (
        0 if when is None else 1,
        when or "",
        0 if step.background else 1,
        ORDER.get(step.type, 9),
    )


def _basis(step: Step) -> dict[str, Any]:
    return {
        "event_id": step.event_id,
        "type": step.type,
        "date": step.date,
        "reported": step.reported,
        "background": step.background,
    }


def derive_status(steps: list[Step]) -> Status:
    """Return a person's status after their affected-role steps, read in date order.

    Dated main events decide; undated and background events only fill in what nothing dated
    later says. The status names the event it rests on (``based_on``).
    """
    status = Status(state="unknown")
    for step in sorted((s for s in steps if s.role == "affected"), key=sort_key):
        state = STATUS_AFTER.get(step.type)
        if state is None:
            continue
        if state == "held":
            if status.state != "held":
                status = Status(
                    state="held", held_since=step.date if step.type == "arrest" else None
                )
                status.based_on = _basis(step)
            if step.type == "sentence":
                status.sentenced_on = step.date
        elif state == "released":
            if status.state == "released" and status.released_on:
                status.destination = status.destination or step.destination
                continue
            status.state = "released"
            status.released_on = step.date
            status.released_how = step.type
            status.destination = step.destination
            status.based_on = _basis(step)
        else:
            status.state = state
            status.released_on = step.date
            status.based_on = _basis(step)
    return status


def step_of(event: Event, role: str) -> Step:
    """Return the step an accepted event makes in the life of a person with ``role``."""
    return Step(
        event_id=event.id,
        type=event.type,
        role=role,
        date=event.date_value,
        date_precision=event.date_precision,
        date_text=event.date_text,
        count=event.count,
        actor=event.actor,
        destination=list(event.destination or []),
        deal_id=event.deal_id,
        background=event.background,
        reported=event.anchor_date if not event.date_value else None,
    )


def accepted_clause() -> Any:
    """Return a condition true for events with an accepted event claim (uses the index)."""
    return (
        select(Claim.id)
        .where(Claim.subject_id == Event.id, Claim.kind == kinds.EVENT, Claim.state == "accepted")
        .exists()
    )


def accepted_steps(session: Session, person_ids: list[str] | None) -> dict[str, list[Step]]:
    """Return the accepted steps of the given persons (of everyone for None), in date order."""
    steps: dict[str, list[Step]] = {p: [] for p in person_ids or []}
    if person_ids is not None and not person_ids:
        return steps
    stmt = (
        select(EventPerson.person_id, EventPerson.role, Event)
        .join(Event, Event.id == EventPerson.event_id)
        .where(accepted_clause())
    )
    if person_ids is not None:
        stmt = stmt.where(EventPerson.person_id.in_(person_ids))
    for person_id, role, event in session.execute(stmt):
        steps.setdefault(person_id, []).append(step_of(event, role))
    for person_steps in steps.values():
        person_steps.sort(key=sort_key)
    return steps


def person_status(session: Session, person: Person) -> str | None:
    """Return a person's registry status (active / former) derived from accepted events."""
    return derive_status(accepted_steps(session, [person.id])[person.id]).registry_status


def person_timeline(session: Session, person_id: str) -> Timeline:
    """Return a person's accepted events in date order, each with its sources, and status."""
    person = get_person(session, person_id)
    steps = accepted_steps(session, [person.id])[person.id]
    found = sources_for(session, [s.event_id for s in steps])
    for step in steps:
        step.sources = found[step.event_id]
    return Timeline(person=person_summary(person), status=derive_status(steps), steps=steps)
