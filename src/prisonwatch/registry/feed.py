"""Newly accepted events, newest acceptance first, for a feed others can follow."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from prisonwatch.db.models import Claim, Event, EventPerson
from prisonwatch.persons import get_person
from prisonwatch.registry import claims as kinds
from prisonwatch.registry.describe import event_label, source_label
from prisonwatch.registry.events import event_summary
from prisonwatch.registry.sources import sources_for


@dataclass
class FeedEntry:
    """One accepted event: when it was accepted, what it says, and where it comes from."""

    event_id: str
    accepted_at: datetime
    title: str
    sources: list[str]


def accepted_feed(
    session: Session,
    *,
    country: str | None = None,
    person_id: str | None = None,
    limit: int = 50,
) -> list[FeedEntry]:
    """Return the most recently accepted events, of one country or one person when given."""
    accepted_at = func.min(Claim.decided_at)
    stmt = (
        select(Event, accepted_at)
        .join(Claim, Claim.subject_id == Event.id)
        .where(Claim.kind == kinds.EVENT, Claim.state == "accepted")
        .group_by(Event.id)
        .order_by(accepted_at.desc(), Event.id)
        .limit(limit)
    )
    if country:
        stmt = stmt.where(func.lower(Event.target_country) == country.casefold())
    if person_id:
        person = get_person(session, person_id)
        stmt = stmt.where(
            Event.id.in_(select(EventPerson.event_id).where(EventPerson.person_id == person.id))
        )
    rows = list(session.execute(stmt))
    found = sources_for(session, [event.id for event, _ in rows])
    return [
        FeedEntry(
            event_id=event.id,
            accepted_at=when or event.created_at,
            title=event_label(event_summary(event)),
            sources=[source_label(s) for s in found[event.id]],
        )
        for event, when in rows
    ]
