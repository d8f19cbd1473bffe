"""Event and deal pages: facts, persons, sources, competing claims, what was traded for what."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path
from sqlalchemy import select
from sqlalchemy.orm import Session

from prisonwatch.db.models import Person
from prisonwatch.registry.deals import get_deal
from prisonwatch.registry.describe import deal_label
from prisonwatch.registry.events import event_view
from prisonwatch.web import urls
from prisonwatch.web.deps import read_db
from prisonwatch.web.items import event_item_from, source_item
from prisonwatch.web.render import page
from prisonwatch.web.schemas import (
    CompetingItem,
    CompetingValue,
    DealContext,
    DealPart,
    EventContext,
    EventPersonItem,
)

router = APIRouter()


def _names(session: Session, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = session.execute(select(Person.id, Person.primary_name).where(Person.id.in_(ids)))
    return {pid: name for pid, name in rows}


def _people(session: Session, links: list[dict[str, str]]) -> list[EventPersonItem]:
    names = _names(session, [link["id"] for link in links])
    return [
        EventPersonItem(
            id=link["id"],
            url=urls.person(link["id"]),
            name=names.get(link["id"], link["id"]),
            role=link["role"],
        )
        for link in links
    ]


@page(router, urls.EVENT, name="event", template="event.html", model=EventContext)
def event(
    event_id: str = Path(max_length=40, description="The event's id."),
    session: Session = Depends(read_db),
) -> EventContext:
    """An event with its persons, sources and the values its sources disagree on."""
    view = event_view(session, event_id)
    return EventContext(
        event=event_item_from(view.event),
        date_text=view.event.get("date_text"),
        place=view.event.get("place"),
        accepted=view.accepted,
        persons=_people(session, view.persons),
        sources=[source_item(s) for s in view.sources],
        competing=[
            CompetingItem(
                field=item.field,
                values=[
                    CompetingValue(
                        document_urls=[
                            urls.document(d, c) if d else None
                            for d, c in zip(v["documents"], v["claims"], strict=False)
                        ],
                        **v,
                    )
                    for v in item.values
                ],
            )
            for item in view.competing
        ],
        deal_url=urls.deal(view.event["deal_id"]) if view.event.get("deal_id") else None,
    )


@page(router, urls.DEAL, name="deal", template="deal.html", model=DealContext)
def deal(
    deal_id: str = Path(max_length=40, description="The deal's id."),
    session: Session = Depends(read_db),
) -> DealContext:
    """A deal: what was exchanged for what, with mediators and sources."""
    view = get_deal(session, deal_id)
    return DealContext(
        id=view.id,
        title=view.title,
        label=deal_label(view.date, view.parts),
        date=view.date,
        released=view.released,
        mediators=view.mediators,
        sides={
            side: [
                DealPart(
                    event=event_item_from(item),
                    persons=_people(session, item["persons"]),
                    sources=[source_item(s) for s in item["sources"]],
                )
                for item in items
            ]
            for side, items in view.parts.items()
        },
    )
