"""Events as the registry shows them: accepted facts, sources, and competing values."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from prisonwatch.db.models import Claim, Event, Person
from prisonwatch.errors import NotFoundError
from prisonwatch.registry import claims as kinds
from prisonwatch.registry.materialize import LIVE, is_accepted
from prisonwatch.registry.sources import Source, sources_for


@dataclass
class Competing:
    """A field on which the sources of one event disagree, with each value's claims."""

    field: str
    values: list[dict[str, Any]]  # {"value": v, "claims": [ids], "documents": [ids], "states": []}


@dataclass
class EventView:
    """One event with its persons, sources and competing values."""

    event: dict[str, Any]
    accepted: bool
    persons: list[dict[str, Any]]
    sources: list[Source]
    competing: list[Competing] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Return the view as a JSON object."""
        return {
            "event": self.event,
            "accepted": self.accepted,
            "persons": self.persons,
            "sources": [s.to_json() for s in self.sources],
            "competing": [c.__dict__ for c in self.competing],
        }


def event_summary(event: Event) -> dict[str, Any]:
    """Return an event's fields as a plain dict."""
    return {
        "id": event.id,
        "type": event.type,
        "date": event.date_value,
        "date_precision": event.date_precision,
        "date_text": event.date_text,
        "count": event.count,
        "count_qualifier": event.count_qualifier,
        "actor": event.actor,
        "target_country": event.target_country,
        "place": event.place,
        "destination": list(event.destination or []),
        "object": event.object,
        "background": event.background,
        "deal_id": event.deal_id,
    }


def competing_values(session: Session, event_id: str) -> list[Competing]:
    """Return the fields whose values differ between the live claims of one event."""
    stmt = (
        select(Claim)
        .where(Claim.kind == kinds.EVENT, Claim.subject_id == event_id, Claim.state.in_(LIVE))
        .order_by(Claim.created_at, Claim.id)
    )
    found = list(session.scalars(stmt))
    result = []
    for name in ("count", "date_value", "actor", "destination", "object", "target_country"):
        groups: dict[str, dict[str, Any]] = {}
        for claim in found:
            value = claim.value.get(name)
            if value in (None, [], ""):
                continue
            group = groups.setdefault(
                repr(value), {"value": value, "claims": [], "documents": [], "states": []}
            )
            group["claims"].append(claim.id)
            group["documents"].append(claim.document_id)
            group["states"].append(claim.state)
        if len(groups) > 1:
            result.append(Competing(field=name, values=list(groups.values())))
    return result


def event_view(session: Session, event_id: str) -> EventView:
    """Return one event with persons, sources (accepted and proposed) and competing values."""
    event = session.get(Event, event_id)
    if event is None:
        raise NotFoundError(f"no event {event_id!r}: run 'prisonwatch events' to list events")
    persons = [
        {"id": link.person_id, "role": link.role, "name": _name(session, link.person_id)}
        for link in event.persons
    ]
    return EventView(
        event=event_summary(event),
        accepted=is_accepted(session, event.id),
        persons=persons,
        sources=sources_for(session, [event.id], accepted_only=False)[event.id],
        competing=competing_values(session, event.id),
    )


def _name(session: Session, person_id: str) -> str:
    person = session.get(Person, person_id)
    return person.primary_name if person else person_id


def accepted_events(
    session: Session,
    *,
    types: tuple[str, ...] = (),
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[Event]:
    """Return accepted events, newest first, filtered by type and date."""
    accepted = (
        select(Claim.subject_id)
        .where(Claim.kind == kinds.EVENT, Claim.state == "accepted")
        .scalar_subquery()
    )
    stmt = select(Event).where(Event.id.in_(accepted))
    if types:
        stmt = stmt.where(Event.type.in_(types))
    if since:
        stmt = stmt.where(Event.anchor_date >= since)
    if until:
        stmt = stmt.where(Event.anchor_date <= until)
    stmt = stmt.order_by(Event.anchor_date.desc().nulls_last(), Event.id).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def count_accepted_events(session: Session) -> int:
    """Return how many events have been accepted."""
    stmt = select(func.count(func.distinct(Claim.subject_id))).where(
        Claim.kind == kinds.EVENT, Claim.state == "accepted"
    )
    return int(session.scalar(stmt) or 0)
