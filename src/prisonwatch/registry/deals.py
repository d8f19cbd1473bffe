"""Deals: what was exchanged for what, with mediators and sources."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from prisonwatch.db.models import Deal, Event
from prisonwatch.errors import NotFoundError
from prisonwatch.registry.events import event_summary
from prisonwatch.registry.materialize import is_accepted
from prisonwatch.registry.sources import sources_for

# How each event type reads inside a deal.
SIDE = {
    "negotiation": "talks",
    "release": "releases",
    "pardon": "releases",
    "transfer": "transfers",
    "deportation": "transfers",
    "sanctions_lifted": "concessions",
    "sanctions_imposed": "other",
    "arrest": "other",
    "sentence": "other",
    "death_in_custody": "other",
}


@dataclass
class DealView:
    """A deal with its accepted events grouped by side, mediators and sources."""

    id: str
    title: str | None
    mediators: list[str]
    date: str | None
    parts: dict[str, list[dict[str, Any]]]
    released: int | None

    def to_json(self) -> dict[str, Any]:
        """Return the deal as a JSON object."""
        return dict(self.__dict__)


def _released(events: list[Event]) -> int | None:
    counts = [e.count for e in events if e.type in ("release", "pardon") and e.count]
    return max(counts) if counts else None


def deal_view(session: Session, deal: Deal, *, accepted_only: bool = True) -> DealView | None:
    """Return a deal's view, or None when none of its events is accepted."""
    events = list(session.scalars(select(Event).where(Event.deal_id == deal.id).order_by(Event.id)))
    if accepted_only:
        events = [e for e in events if is_accepted(session, e.id)]
    if not events:
        return None
    found = sources_for(session, [e.id for e in events], accepted_only=accepted_only)
    parts: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        item = event_summary(event)
        item["persons"] = [{"id": p.person_id, "role": p.role} for p in event.persons]
        item["sources"] = [s.to_json() for s in found[event.id]]
        parts.setdefault(SIDE[event.type], []).append(item)
    mediators = list(deal.mediators or [])
    for event in events:
        if event.type == "negotiation" and event.actor and event.actor not in mediators:
            mediators.append(event.actor)
    dates = sorted(e.date_value for e in events if e.date_value)
    return DealView(
        id=deal.id,
        title=deal.title,
        mediators=mediators,
        date=dates[-1] if dates else None,
        parts=parts,
        released=_released(events),
    )


def list_deals(session: Session, *, accepted_only: bool = True) -> list[DealView]:
    """Return every deal with at least one accepted event, newest first."""
    views = [
        deal_view(session, d, accepted_only=accepted_only) for d in session.scalars(select(Deal))
    ]
    found = [v for v in views if v is not None]
    return sorted(found, key=lambda v: (v.date or "", v.id), reverse=True)


def get_deal(session: Session, deal_id: str) -> DealView:
    """Return one deal's view, including events still under review."""
    deal = session.get(Deal, deal_id)
    view = deal_view(session, deal, accepted_only=False) if deal else None
    if view is None:
        raise NotFoundError(f"no deal {deal_id!r}: run 'prisonwatch deals' to list deals")
    return view
