"""Lists of events, deals and documents with filters and sorting, as pages and JSON."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from prisonwatch.db.models import EVENT_TYPES
from prisonwatch.registry.listing import (
    DOCUMENT_SORTS,
    EVENT_SORTS,
    REVIEW_STATES,
    ListFilters,
    list_deal_views,
    list_documents,
    list_events,
)
from prisonwatch.web import urls
from prisonwatch.web.deps import read_db
from prisonwatch.web.items import paginate
from prisonwatch.web.render import page
from prisonwatch.web.schemas import (
    DealRow,
    DealsContext,
    DocumentRow,
    DocumentsContext,
    EventRow,
    EventsContext,
    ListFiltersItem,
)

router = APIRouter()

DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
REVIEW = r"^(accepted|proposed|any)?$"
DEAL_SORTS = ("newest", "oldest", "released")


def _filters(item: ListFiltersItem) -> ListFilters:
    return ListFilters(
        types=tuple(item.type),
        country=item.country,
        publisher=item.publisher,
        since=item.since,
        until=item.until,
        review=item.review,
        sort=item.sort,
    )


def _item(**values: object) -> ListFiltersItem:
    kept = {k: v for k, v in values.items() if v not in (None, "", [])}
    return ListFiltersItem.model_validate(kept)


@page(router, urls.EVENTS, name="events", template="events.html", model=EventsContext)
def events(
    type: list[str] = Query([], description="Event types to keep (repeatable)."),
    country: str | None = Query(None, max_length=80, description="Country of the events."),
    since: str | None = Query(None, pattern=DATE, description="On or after this date."),
    until: str | None = Query(None, pattern=DATE, description="On or before this date."),
    review: str | None = Query(None, pattern=REVIEW, description="accepted, proposed or any."),
    sort: str | None = Query(None, pattern=r"^(newest|oldest|count|type)?$"),
    page: int = Query(1, ge=1, le=100_000),
    per_page: int = Query(50, ge=1, le=200),
    session: Session = Depends(read_db),
) -> EventsContext:
    """Events filtered by type, country, dates and review state; newest first, undated last."""
    types = [t for t in type if t in EVENT_TYPES]
    filters = _item(type=types, country=country, since=since, until=until, review=review, sort=sort)
    found = list_events(session, _filters(filters), limit=per_page, offset=(page - 1) * per_page)
    params = filters.model_dump(exclude_none=True)
    return EventsContext(
        filters=filters,
        types=list(EVENT_TYPES),
        sorts=list(EVENT_SORTS),
        reviews=list(REVIEW_STATES),
        items=[
            EventRow(url=urls.event(e["id"]), **{k: v for k, v in e.items() if k != "place"})
            for e in found.items
        ],
        feed_url=urls.feed(country=country),
        pagination=paginate(found.total, page, per_page, urls.events, **params),
    )


@page(router, urls.DEALS, name="deals", template="deals.html", model=DealsContext)
def deals(
    country: str | None = Query(None, max_length=80, description="Country of the deals' events."),
    since: str | None = Query(None, pattern=DATE, description="On or after this date."),
    until: str | None = Query(None, pattern=DATE, description="On or before this date."),
    sort: str | None = Query(None, pattern=r"^(newest|oldest|released)?$"),
    page: int = Query(1, ge=1, le=100_000),
    per_page: int = Query(50, ge=1, le=200),
    session: Session = Depends(read_db),
) -> DealsContext:
    """Deals by date and what was exchanged, filtered by country and dates."""
    filters = _item(country=country, since=since, until=until, sort=sort)
    found = list_deal_views(
        session, _filters(filters), limit=per_page, offset=(page - 1) * per_page
    )
    return DealsContext(
        filters=filters,
        sorts=list(DEAL_SORTS),
        items=[
            DealRow(
                id=d["id"],
                url=urls.deal(d["id"]),
                label=d["label"],
                date=d["date"],
                released=d["released"],
                mediators=d["mediators"],
            )
            for d in found.items
        ],
        pagination=paginate(
            found.total, page, per_page, urls.deals, **filters.model_dump(exclude_none=True)
        ),
    )


@page(router, urls.DOCUMENTS, name="documents", template="documents.html", model=DocumentsContext)
def documents(
    publisher: str | None = Query(None, max_length=300, description="Outlet of the documents."),
    since: str | None = Query(None, pattern=DATE, description="Published on or after this date."),
    until: str | None = Query(None, pattern=DATE, description="Published on or before this date."),
    review: str | None = Query(
        None, pattern=REVIEW, description="proposed: claims wait; accepted: all decided."
    ),
    sort: str | None = Query(None, pattern=r"^(newest|oldest|ingested|title)?$"),
    page: int = Query(1, ge=1, le=100_000),
    per_page: int = Query(50, ge=1, le=200),
    session: Session = Depends(read_db),
) -> DocumentsContext:
    """Documents by title, outlet and date, with how many of their claims wait for review."""
    filters = _item(
        publisher=publisher, since=since, until=until, review=review or "any", sort=sort
    )
    found = list_documents(session, _filters(filters), limit=per_page, offset=(page - 1) * per_page)
    return DocumentsContext(
        filters=filters,
        sorts=list(DOCUMENT_SORTS),
        reviews=list(REVIEW_STATES),
        items=[
            DocumentRow(url=urls.document(d["id"]), **{k: v for k, v in d.items() if k != "url"})
            for d in found.items
        ],
        pagination=paginate(
            found.total, page, per_page, urls.documents, **filters.model_dump(exclude_none=True)
        ),
    )
